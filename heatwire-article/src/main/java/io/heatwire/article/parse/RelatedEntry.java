package io.heatwire.article.parse;

import java.time.Instant;
import java.util.List;

/**
 * A story an article refers to, with what the article says about it. Entries without a usable URL
 * never get here (they are skipped with a warning), so {@link #url()} is always present.
 *
 * @param url          the first usable of webUrl, originalUrl, ampWebUrl, as given
 * @param title        normalized title, may be null
 * @param excerpt      normalized excerpt, may be null
 * @param publishedAt  may be null when missing or unparseable
 * @param quality      0–100 or null
 */
public record RelatedEntry(
        String url,
        String title,
        String excerpt,
        Instant publishedAt,
        String originalUrl,
        String webUrl,
        String ampWebUrl,
        String cdnAmpWebUrl,
        String type,
        Provider provider,
        Integer quality,
        List<Image> images) {

    public RelatedEntry {
        images = List.copyOf(images);
    }
}

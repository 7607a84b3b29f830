package io.heatwire.article.parse;

import java.util.Objects;

/**
 * An image of an article or related entry.
 *
 * @param url      absolute http(s) URL, as given
 * @param width    width in pixels, null when not given
 * @param height   height in pixels, null when not given
 * @param isCached the input's flag, null when not given
 */
public record Image(String url, Integer width, Integer height, Boolean isCached) {

    public Image {
        Objects.requireNonNull(url, "url");
    }
}

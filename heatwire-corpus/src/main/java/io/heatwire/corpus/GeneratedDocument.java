package io.heatwire.corpus;

/**
 * One rendered article document.
 *
 * @param index   its position in the corpus: the order of publishing
 * @param article the article it is a version of
 * @param name    file name and record key, {@code 0000042_<first 16 hex digits of the story id>.txt}
 * @param url     the {@code url} of the ARTICLE story enrich-service makes of it: the first of its own
 *                URLs it finds usable, as written (every version of an article has the same)
 * @param bytes   the UTF-8 document
 */
public record GeneratedDocument(int index, int article, String name, String url, byte[] bytes) {}

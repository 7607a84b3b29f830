package io.heatwire.article.parse;

/**
 * The publisher an article or related entry names, as given (text normalized, nothing derived).
 *
 * @param name   display name, may be null
 * @param domain domain as given, may be null
 */
public record Provider(String name, String domain) {}

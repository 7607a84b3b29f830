package io.heatwire.loadgen;

/**
 * One rendered article document.
 *
 * @param index  its position in the corpus: the order of publication and of publishing
 * @param name   file name and record key, {@code 0000042_<first 16 hex digits of the story id>.txt}
 * @param bytes  the UTF-8 document
 */
record GeneratedDocument(int index, String name, byte[] bytes) {}

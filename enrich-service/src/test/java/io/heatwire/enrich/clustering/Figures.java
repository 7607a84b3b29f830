package io.heatwire.enrich.clustering;

/** A test contribution: a quality (0–100, as SPEC 9) and a heat weight. */
record Figures(int quality, long heat) {}

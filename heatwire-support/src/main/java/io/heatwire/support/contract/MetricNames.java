package io.heatwire.support.contract;

/** Metric names that alert rules, dashboards and tests rely on (SPEC 12), in Micrometer's dotted form. */
public final class MetricNames {

    /** Dead letters written by enrich-service, tagged with {@link #CODE_TAG}. */
    public static final String DEAD_LETTERS = "heatwire.enrich.dead.letters";
    /** The dead-letter code: a parser error code or one of {@link DeadLetterHeaders}' codes. */
    public static final String CODE_TAG = "code";

    private MetricNames() {}
}

package io.heatwire.systemtests;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * The PromQL expressions of the Grafana dashboards and the Prometheus rules, read from the files
 * themselves, so a test of "every query returns data" follows the files as they change.
 */
final class MonitoringQueries {

    /** A concrete value for each Grafana variable the dashboards may use. */
    static final Map<String, String> GRAFANA_VARIABLES = Map.of(
            "$__rate_interval", "1m",
            "$__interval", "15s",
            "$__range", "5m");

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?__[a-z_]+}?|\\$[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern SELECTOR = Pattern.compile("([A-Za-z_:][A-Za-z0-9_:]*)\\{([^{}]*)}");

    /**
     * One expression and where it comes from.
     *
     * @param source the dashboard panel ("panel 'Ingest rate' A") or the rule ("alert HeatwireServiceDown")
     * @param rule the alert's or recording rule's name, empty for dashboard queries
     */
    record Query(String source, String rule, String expr) {

        @Override
        public String toString() {
            return source + ": " + expr;
        }
    }

    private MonitoringQueries() {}

    /** Every target expression of every panel, rows' nested panels included. */
    static List<Query> fromDashboard(String file, JsonNode dashboard) {
        final List<Query> queries = new ArrayList<>();
        collectPanels(file, dashboard.path("panels"), queries);
        return queries;
    }

    private static void collectPanels(String file, JsonNode panels, List<Query> queries) {
        for (JsonNode panel : panels.values()) {
            for (JsonNode target : panel.path("targets").values()) {
                final String expr = target.path("expr").asString("");
                queries.add(new Query(
                        file + " panel '" + panel.path("title").asString("") + "' "
                                + target.path("refId").asString(""),
                        "",
                        expr));
            }
            collectPanels(file, panel.path("panels"), queries);
        }
    }

    /** Every alerting and recording rule's expression. */
    static List<Query> fromRules(String file, JsonNode rules) {
        final List<Query> queries = new ArrayList<>();
        for (JsonNode group : rules.path("groups").values()) {
            for (JsonNode rule : group.path("rules").values()) {
                final boolean alert = rule.has("alert");
                final String name = alert
                        ? rule.path("alert").asString()
                        : rule.path("record").asString("");
                queries.add(new Query(
                        file + (alert ? " alert " : " record ") + name,
                        name,
                        rule.path("expr").asString("")));
            }
        }
        return queries;
    }

    /** The expression with Grafana's variables replaced; throws on a variable it does not know. */
    static String withGrafanaVariables(String expr) {
        String resolved = expr;
        for (Map.Entry<String, String> variable : GRAFANA_VARIABLES.entrySet()) {
            resolved = resolved.replace("${" + variable.getKey().substring(1) + "}", variable.getValue())
                    .replace(variable.getKey(), variable.getValue());
        }
        final Matcher unknown = VARIABLE.matcher(resolved);
        if (unknown.find()) {
            throw new IllegalArgumentException("unknown Grafana variable " + unknown.group() + " in " + expr);
        }
        return resolved;
    }

    /** The vector selectors with braces ({@code up{job="x"}}) in an expression, in order. */
    static Set<String> selectors(String expr) {
        final Set<String> selectors = new LinkedHashSet<>();
        final Matcher matcher = SELECTOR.matcher(expr);
        while (matcher.find()) {
            selectors.add(matcher.group());
        }
        return selectors;
    }

    /** The metric names the expression's selectors name. */
    static Set<String> metricNames(String expr) {
        final Set<String> names = new LinkedHashSet<>();
        final Matcher matcher = SELECTOR.matcher(expr);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}

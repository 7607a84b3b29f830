package io.heatwire.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Every JSON and YAML file under monitoring/ parses, and the dashboards are ones Grafana loads. */
class MonitoringFilesTest {

    private static final Path MONITORING = Path.of("..", DeploymentFiles.MONITORING);

    @Test
    void shouldParseEveryJsonFileUnderMonitoring() throws IOException {
        assertEveryFileParsesToAnObject(filesEndingWith(".json"));
    }

    @Test
    void shouldParseEveryYamlFileUnderMonitoring() throws IOException {
        assertEveryFileParsesToAnObject(filesEndingWith(".yml"));
    }

    @Test
    void shouldRejectJsonWithADuplicateKey() {
        // A duplicate key is valid to most parsers and silently drops a panel setting.
        assertThatThrownBy(() -> DeploymentFiles.parse("dashboard.json", "{\"title\": \"a\", \"title\": \"b\"}"))
                .isInstanceOf(JacksonException.class)
                .hasMessageContaining("Duplicate");
        assertThatThrownBy(() -> DeploymentFiles.parse("dashboard.json", "{\"panels\": [}"))
                .isInstanceOf(JacksonException.class);
    }

    @Test
    void shouldGiveEveryDashboardAStableUidAndACurrentSchema() throws IOException {
        final List<Path> dashboards = dashboards();

        assertThat(dashboards).isNotEmpty();
        for (Path file : dashboards) {
            final JsonNode dashboard = tree(file);

            assertThat(dashboard.path("uid").asString("")).as(file + " uid").isNotBlank();
            assertThat(dashboard.path("schemaVersion").asInt(0))
                    .as(file + " schemaVersion")
                    .isGreaterThanOrEqualTo(39);
            assertThat(dashboard.path("panels").isArray()).as(file + " panels").isTrue();
            assertThat(DeploymentContract.datasourceUidsIn(dashboard))
                    .as(file + " datasources")
                    .isNotEmpty();
        }
    }

    @Test
    void shouldGiveEveryPanelADescriptionAndEveryTargetAnExpressionWithKnownVariables() throws IOException {
        for (Path file : dashboards()) {
            final JsonNode dashboard = tree(file);
            for (JsonNode panel : dashboard.path("panels").values()) {
                assertThat(panel.path("description").asString(""))
                        .as(file + " panel " + panel.path("title"))
                        .isNotBlank();
            }
            final List<MonitoringQueries.Query> queries = MonitoringQueries.fromDashboard(file.toString(), dashboard);
            assertThat(queries).as(file.toString()).isNotEmpty();
            for (MonitoringQueries.Query query : queries) {
                assertThat(query.expr()).as(query.source()).isNotBlank();
                assertThat(MonitoringQueries.withGrafanaVariables(query.expr()))
                        .as(query.source())
                        .doesNotContain("$");
            }
        }
    }

    @Test
    void shouldGiveEveryAlertASeverityASummaryAndADescription() throws IOException {
        final List<Path> ruleFiles = filesEndingWith(".yml").stream()
                .filter(file -> file.startsWith(MONITORING.resolve("prometheus").resolve("rules")))
                .toList();

        assertThat(ruleFiles).isNotEmpty();
        for (Path file : ruleFiles) {
            for (JsonNode group : tree(file).path("groups").values()) {
                for (JsonNode rule : group.path("rules").values()) {
                    final String name = file + " "
                            + rule.path("alert").asString(rule.path("record").asString(""));
                    assertThat(rule.path("expr").asString("")).as(name).isNotBlank();
                    if (rule.has("alert")) {
                        assertThat(rule.path("labels").path("severity").asString(""))
                                .as(name)
                                .isIn("critical", "warning");
                        assertThat(rule.path("annotations").path("summary").asString(""))
                                .as(name)
                                .isNotBlank();
                        assertThat(rule.path("annotations").path("description").asString(""))
                                .as(name)
                                .isNotBlank();
                    }
                }
            }
        }
    }

    @Test
    void shouldFindTheSelectorsOfAnExpressionAndRejectUnknownVariables() {
        final String expr = "sum by (job) (rate(a_total{job=\"x\"}[$__rate_interval])) "
                + "and on (job) b{job=~\"x|y\", le=\"+Inf\"} > 0";

        assertThat(MonitoringQueries.selectors(expr))
                .containsExactly("a_total{job=\"x\"}", "b{job=~\"x|y\", le=\"+Inf\"}");
        assertThat(MonitoringQueries.metricNames(expr)).containsExactly("a_total", "b");
        assertThat(MonitoringQueries.withGrafanaVariables(expr)).contains("[1m]");
        assertThatThrownBy(() -> MonitoringQueries.withGrafanaVariables("rate(a[$window])"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("$window");
    }

    private static List<Path> dashboards() throws IOException {
        return filesEndingWith(".json").stream()
                .filter(file -> file.startsWith(MONITORING.resolve("grafana").resolve("dashboards")))
                .toList();
    }

    private static JsonNode tree(Path file) throws IOException {
        return DeploymentFiles.parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8))
                .orElseThrow();
    }

    private static void assertEveryFileParsesToAnObject(List<Path> paths) throws IOException {
        assertThat(paths).isNotEmpty();
        for (Path file : paths) {
            assertThat(DeploymentFiles.parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8)))
                    .as(file.toString())
                    .hasValueSatisfying(tree -> assertThat(tree.isObject()).isTrue());
        }
    }

    private static List<Path> filesEndingWith(String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(MONITORING)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.toString().endsWith(suffix))
                    .sorted()
                    .toList();
        }
    }
}

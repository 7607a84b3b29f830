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
        final List<Path> dashboards = filesEndingWith(".json").stream()
                .filter(file -> file.startsWith(MONITORING.resolve("grafana").resolve("dashboards")))
                .toList();

        assertThat(dashboards).isNotEmpty();
        for (Path file : dashboards) {
            final JsonNode dashboard = DeploymentFiles.parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8))
                    .orElseThrow();

            assertThat(dashboard.path("uid").asString("")).as(file + " uid").isNotBlank();
            assertThat(dashboard.path("schemaVersion").asInt(0)).as(file + " schemaVersion").isGreaterThanOrEqualTo(39);
            assertThat(dashboard.path("panels").isArray()).as(file + " panels").isTrue();
            assertThat(DeploymentContract.datasourceUidsIn(dashboard)).as(file + " datasources").isNotEmpty();
        }
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
            return files.filter(Files::isRegularFile).filter(file -> file.toString().endsWith(suffix)).sorted().toList();
        }
    }
}

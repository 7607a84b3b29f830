package io.heatwire.benchmarks.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every figure as JSON ({@code --json FILE}): rates per second, sizes in bytes, times in seconds or
 * milliseconds as the field names say; ratios as plain numbers.
 */
final class JsonReport {

    static final JsonMapper MAPPER =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /**
     * Where and how the benchmark ran.
     *
     * @param commit the checkout's short commit, with {@code -dirty} when it has local changes; null if unknown
     */
    record Environment(String startedAt, String commit, String command, int cores, String java, String os) {}

    private JsonReport() {}

    static ObjectNode of(final Environment environment, final BenchmarkOptions options, final List<RunResult> runs) {
        final ObjectNode root = MAPPER.createObjectNode();
        root.put("benchmark", "heatwire-pipeline");
        root.put("passed", runs.stream().allMatch(RunResult::passed));
        root.set("environment", MAPPER.valueToTree(environment));
        final ObjectNode settings = root.putObject("options");
        settings.put("seed", options.seed());
        settings.put("partitions", options.partitions());
        settings.put("instances", options.instances());
        settings.put("warmUpArticles", options.warmUp());
        settings.put("ceiling", options.ceiling());
        settings.put("withCeiling", options.withCeiling());
        settings.put("standbyReplicas", options.standbyReplicas());
        settings.put("enrichJvmOptions", String.join(" ", options.enrichJvmOptions()));
        settings.put("latencyMeasuredAs", Report.LATENCY_SOURCE);
        final ArrayNode array = root.putArray("runs");
        runs.forEach(run -> array.add(run(run)));
        if (runs.size() > 1) {
            root.set("flatCost", MAPPER.valueToTree(Targets.flatCost(runs)));
        }
        return root;
    }

    static ObjectNode run(final RunResult run) {
        final ObjectNode node = MAPPER.createObjectNode();
        node.put("articles", run.articles());
        node.put("seed", run.seed());
        node.put("documentBytes", run.documentBytes());
        node.put("partitions", run.partitions());
        node.put("instances", run.instances());
        node.put("passed", run.passed());
        node.set("structure", MAPPER.valueToTree(run.structure()));
        if (run.pacedStructure() != null) {
            node.set("pacedStructure", MAPPER.valueToTree(run.pacedStructure()));
        }

        final RunResult.Throughput e2e = run.endToEnd();
        final ObjectNode endToEnd = node.putObject("endToEnd");
        endToEnd.put("articlesPerSecond", e2e.articlesPerSecond());
        endToEnd.put("megabytesPerSecond", e2e.megabytesPerSecond());
        endToEnd.put("seconds", e2e.seconds());
        endToEnd.put("publishSeconds", e2e.publishSeconds());
        endToEnd.put("wallMillisPerArticle", e2e.wallMillisPerArticle());
        endToEnd.put("overParseRate", e2e.articlesPerSecond() / run.parse().documentsPerSecond());
        endToEnd.put("overBrokerRate", e2e.articlesPerSecond() / run.broker().documentsPerSecond());
        if (run.ceiling() != null) {
            endToEnd.put("overCeilingRate", run.overCeiling());
            final RunResult.Throughput throughput = run.ceiling().throughput();
            final ObjectNode ceiling = node.putObject("ceiling");
            ceiling.put("articlesPerSecond", throughput.articlesPerSecond());
            ceiling.put("megabytesPerSecond", throughput.megabytesPerSecond());
            ceiling.put("seconds", throughput.seconds());
            ceiling.put("publishSeconds", throughput.publishSeconds());
            ceiling.put(
                    "overParseRate",
                    throughput.articlesPerSecond() / run.parse().documentsPerSecond());
            ceiling.put("endToEndOverCeiling", run.overCeiling());
            ceiling.put("cpuMillisPerArticle", run.ceiling().cpuSecondsPerArticle() * 1000);
            ceiling.set("structure", MAPPER.valueToTree(run.ceiling().structure()));
        }

        final ObjectNode parse = node.putObject("parse");
        parse.put("documentsPerSecond", run.parse().documentsPerSecond());
        parse.put("megabytesPerSecond", run.parse().megabytesPerSecond());
        parse.put("seconds", run.parse().seconds());
        parse.put("cpuSeconds", run.parse().cpuSeconds());
        parse.put("rejected", run.parse().rejected());

        final ObjectNode broker = node.putObject("broker");
        broker.put("documentsPerSecond", run.broker().documentsPerSecond());
        broker.put("megabytesPerSecond", run.broker().megabytesPerSecond());
        broker.put("produceSeconds", run.broker().produceSeconds());
        broker.put("roundTripSeconds", run.broker().roundTripSeconds());

        if (run.latency() != null) {
            final ObjectNode latency = MAPPER.valueToTree(run.latency());
            latency.put("measuredAs", Report.LATENCY_SOURCE);
            node.set("latency", latency);
        }

        final ObjectNode enrich = MAPPER.valueToTree(run.enrich());
        enrich.put("cpuMillisPerArticle", Targets.cpuPerArticle(run) * 1000);
        enrich.put("cpuOverParseCost", run.cpuOverParse());
        final ObjectNode threads = enrich.putObject("cpuSecondsByThread");
        run.enrichThreadCpuSeconds().entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(entry -> threads.put(entry.getKey(), entry.getValue()));
        node.set("enrichService", enrich);
        node.put("brokerCpuMillisPerArticle", run.brokerCpuSeconds() / run.articles() * 1000);
        node.put("otherProcessesCores", run.otherCpuSeconds() / e2e.seconds());

        final ObjectNode disk = node.putObject("disk");
        disk.put("stateBytes", run.stateBytes());
        disk.put("brokerLogBytes", run.brokerLogBytes());
        disk.put("stateOverDocumentBytes", run.stateBytes() / (double) run.documentBytes());
        disk.put("brokerLogOverDocumentBytes", run.brokerLogBytes() / (double) run.documentBytes());

        node.put("recordsWrittenPerArticle", run.recordsPerArticle());
        final ArrayNode topics = node.putArray("topics");
        run.topics().forEach(row -> {
            final ObjectNode topic = MAPPER.valueToTree(row);
            topic.put("perArticle", row.endOffsets() / (double) run.articles());
            topics.add(topic);
        });
        if (run.failOver() != null) {
            final ObjectNode failOver = MAPPER.valueToTree(run.failOver());
            failOver.put("extraSeconds", run.failOver().extraSeconds());
            node.set("failOver", failOver);
        }
        node.set("targets", MAPPER.valueToTree(Targets.of(run)));
        return node;
    }

    static void write(final Path file, final ObjectNode json) throws IOException {
        final Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        MAPPER.writeValue(file, json);
    }
}

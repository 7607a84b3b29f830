package io.heatwire.systemtests;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The repository's deployment files, read once: every file as text, YAML and JSON files also
 * as trees. Immutable; the {@code with…} methods return changed copies so a test can prove a
 * check fails on a broken file without touching the real one.
 */
record DeploymentFiles(Map<String, String> texts, Map<String, JsonNode> trees) {

    static final String COMPOSE = "docker-compose.yml";
    static final String ROOT_POM = "pom.xml";
    static final String DOCKERIGNORE = ".dockerignore";
    static final String MONITORING = "monitoring";

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    DeploymentFiles {
        texts = Map.copyOf(texts);
        trees = Map.copyOf(trees);
    }

    /** Reads the files the deployment consists of from the repository root. */
    static DeploymentFiles load(Path root) {
        if (!Files.isRegularFile(root.resolve(ROOT_POM)) || !Files.isRegularFile(root.resolve(COMPOSE))) {
            throw new IllegalStateException("Not the repository root (no pom.xml and docker-compose.yml): " + root);
        }
        final List<String> paths = new ArrayList<>(List.of(COMPOSE, ROOT_POM, DOCKERIGNORE));
        for (String module : modules(read(root, ROOT_POM))) {
            paths.add(module + "/pom.xml");
            paths.add(module + "/Dockerfile");
            paths.add(applicationConfig(module));
        }
        try (Stream<Path> monitoring = Files.walk(root.resolve(MONITORING))) {
            monitoring
                    .filter(Files::isRegularFile)
                    .map(file -> root.relativize(file).toString().replace('\\', '/'))
                    .forEach(paths::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        final Map<String, String> texts = new TreeMap<>();
        final Map<String, JsonNode> trees = new TreeMap<>();
        for (String path : paths) {
            if (Files.isRegularFile(root.resolve(path))) {
                final String text = read(root, path);
                texts.put(path, text);
                parse(path, text).ifPresent(tree -> trees.put(path, tree));
            }
        }
        return new DeploymentFiles(texts, trees);
    }

    static String applicationConfig(String module) {
        return module + "/src/main/resources/application.yml";
    }

    /** Parses YAML and JSON files by their extension; empty for other files. */
    static Optional<JsonNode> parse(String path, String text) {
        final String name = path.toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return Optional.of(JSON.readTree(text));
        }
        if (name.endsWith(".yml") || name.endsWith(".yaml")) {
            return Optional.of(YAML.readTree(text));
        }
        return Optional.empty();
    }

    Optional<String> text(String path) {
        return Optional.ofNullable(texts.get(path));
    }

    /** The parsed file, or a missing node when there is no such YAML or JSON file. */
    JsonNode tree(String path) {
        final JsonNode tree = trees.get(path);
        return tree == null ? MissingNode.getInstance() : tree;
    }

    JsonNode compose() {
        return tree(COMPOSE);
    }

    /** A file, or a directory holding at least one file. */
    boolean exists(String path) {
        final String normalized = normalize(path);
        return texts.containsKey(normalized)
                || texts.keySet().stream().anyMatch(file -> file.startsWith(normalized + "/"));
    }

    /** The files directly or indirectly inside a directory. */
    List<String> filesUnder(String directory) {
        final String prefix = normalize(directory) + "/";
        return texts.keySet().stream()
                .filter(file -> file.startsWith(prefix))
                .sorted()
                .toList();
    }

    /** The modules the parent pom lists, in order. */
    List<String> reactorModules() {
        return text(ROOT_POM).map(DeploymentFiles::modules).orElse(List.of());
    }

    /** The modules that are Spring Boot services: the ones with an application.yml. */
    List<String> serviceModules() {
        return reactorModules().stream()
                .filter(module -> texts.containsKey(applicationConfig(module)))
                .toList();
    }

    /** The build's finalName in a module's pom, if it sets one. */
    Optional<String> finalName(String module) {
        return text(module + "/pom.xml").flatMap(pom -> {
            final NodeList build = xml(pom).getDocumentElement().getElementsByTagName("build");
            return build.getLength() == 0 ? Optional.empty() : childText((Element) build.item(0), "finalName");
        });
    }

    DeploymentFiles withTree(String path, Consumer<ObjectNode> change) {
        final ObjectNode copy = (ObjectNode) tree(path).deepCopy();
        change.accept(copy);
        final Map<String, JsonNode> changed = new TreeMap<>(trees);
        changed.put(path, copy);
        return new DeploymentFiles(texts, changed);
    }

    DeploymentFiles withText(String path, UnaryOperator<String> change) {
        final Map<String, String> changed = new TreeMap<>(texts);
        changed.put(path, change.apply(texts.getOrDefault(path, "")));
        final Map<String, JsonNode> changedTrees = new TreeMap<>(trees);
        parse(path, changed.get(path)).ifPresent(tree -> changedTrees.put(path, tree));
        return new DeploymentFiles(changed, changedTrees);
    }

    DeploymentFiles without(String path) {
        final Map<String, String> changed = new TreeMap<>(texts);
        final Map<String, JsonNode> changedTrees = new TreeMap<>(trees);
        changed.keySet().removeIf(file -> file.equals(path) || file.startsWith(path + "/"));
        changedTrees.keySet().removeIf(file -> file.equals(path) || file.startsWith(path + "/"));
        return new DeploymentFiles(changed, changedTrees);
    }

    /** Repository-relative form of a compose path: "./monitoring/x/" becomes "monitoring/x". */
    static String normalize(String path) {
        String normalized = path.replace('\\', '/');
        while (normalized.startsWith("./")) {
            normalized = normalized.substring(2);
        }
        while (normalized.endsWith("/")) {
            normalized = normalized.substring(0, normalized.length() - 1);
        }
        return normalized.isEmpty() ? "." : normalized;
    }

    private static String read(Path root, String path) {
        try {
            return Files.readString(root.resolve(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> modules(String pom) {
        final List<String> modules = new ArrayList<>();
        final NodeList lists = xml(pom).getDocumentElement().getElementsByTagName("modules");
        for (int i = 0; i < lists.getLength(); i++) {
            final NodeList children = lists.item(i).getChildNodes();
            for (int j = 0; j < children.getLength(); j++) {
                final Node child = children.item(j);
                if (child instanceof Element element && "module".equals(element.getTagName())) {
                    modules.add(element.getTextContent().trim());
                }
            }
        }
        return modules;
    }

    private static Optional<String> childText(Element parent, String tag) {
        final NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element element && tag.equals(element.getTagName())) {
                return Optional.of(element.getTextContent().trim());
            }
        }
        return Optional.empty();
    }

    private static Document xml(String text) {
        try {
            final DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot parse pom: " + e.getMessage(), e);
        }
    }
}

package io.heatwire.systemtests;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * What docker-compose.yml, the Dockerfiles, the monitoring files and the services'
 * application.yml must agree on. Every check returns the problems it found, worded for the
 * person who has to fix them; an empty list means the files agree.
 */
final class DeploymentContract {

    static final String ACTUATOR_PROMETHEUS = "/actuator/prometheus";
    static final String ACTUATOR_HEALTH = "/actuator/health";
    static final String PROMETHEUS_CONFIG = "/etc/prometheus/prometheus.yml";
    static final String GRAFANA_PROVISIONING = "/etc/grafana/provisioning";

    private static final String NO_BROKER =
            "no service in docker-compose.yml runs a Kafka broker (KAFKA_PROCESS_ROLES with broker)";
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}");
    private static final Pattern BOUND_PREFIX = Pattern.compile("^(SPRING|HEATWIRE)_.*");
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|CREDENTIAL).*");

    private final DeploymentFiles files;

    DeploymentContract(DeploymentFiles files) {
        this.files = files;
    }

    // ---------------------------------------------------------------- services and images

    /** Each service module runs in compose under its own name, built from its own Dockerfile. */
    List<String> composeBuildsEveryServiceModule() {
        final List<String> problems = new ArrayList<>();
        if (files.serviceModules().isEmpty()) {
            problems.add("no module of the parent pom has src/main/resources/application.yml");
        }
        for (String module : files.serviceModules()) {
            final JsonNode service = service(module);
            if (service.isMissingNode()) {
                problems.add(module + ": no service of that name in docker-compose.yml");
                continue;
            }
            final JsonNode build = service.path("build");
            if (!build.isObject()) {
                problems.add(module + ": no build: {context, dockerfile} in docker-compose.yml");
                continue;
            }
            if (!DeploymentFiles.normalize(build.path("context").asString("")).equals(".")) {
                problems.add(module
                        + ": build context must be the repository root (.), the Dockerfile copies the parent pom");
            }
            final String dockerfile =
                    DeploymentFiles.normalize(build.path("dockerfile").asString(""));
            if (!dockerfile.equals(module + "/Dockerfile")) {
                problems.add(module + ": build.dockerfile is '" + dockerfile + "', expected " + module + "/Dockerfile");
            } else if (files.text(dockerfile).isEmpty()) {
                problems.add(module + ": " + dockerfile + " does not exist");
            }
        }
        return problems;
    }

    /** The Dockerfile builds the module compose names and ships the jar that module produces. */
    List<String> dockerfilesBuildTheirModule() {
        final List<String> problems = new ArrayList<>();
        for (String module : files.serviceModules()) {
            final Optional<Dockerfile> dockerfile = dockerfile(module);
            if (dockerfile.isEmpty()) {
                problems.add(module + ": no Dockerfile");
                continue;
            }
            final Pattern buildsModule =
                    Pattern.compile("(?:-pl|--projects)[ =]" + Pattern.quote(module) + "(?:\\s|$)");
            final boolean built = dockerfile.get().all("RUN").stream()
                    .map(Dockerfile.Instruction::arguments)
                    .anyMatch(run -> run.contains("mvnw")
                            && run.contains("package")
                            && buildsModule.matcher(run).find());
            if (!built) {
                problems.add(module + "/Dockerfile: no RUN ./mvnw … -pl " + module + " … package");
            }
            final Optional<String> finalName = files.finalName(module);
            if (finalName.isEmpty()) {
                problems.add(module + "/pom.xml: no <finalName>, so the jar's name changes with the version");
                continue;
            }
            final String jar = module + "/target/" + finalName.get() + ".jar";
            final boolean shipped = dockerfile.get().finalStage().stream()
                    .flatMap(stage -> stage.all("COPY").stream())
                    .filter(copy -> copy.arguments().startsWith("--from="))
                    .anyMatch(copy ->
                            copy.words().stream().anyMatch(word -> word.endsWith("/" + jar) || word.equals(jar)));
            if (!shipped) {
                problems.add(module + "/Dockerfile: the image does not copy " + jar + " from the build stage");
            }
        }
        return problems;
    }

    /** Maven needs every module's pom to read the reactor, so each Dockerfile copies them all. */
    List<String> dockerfilesCopyEveryReactorPom() {
        final List<String> problems = new ArrayList<>();
        final List<String> poms = new ArrayList<>(List.of(DeploymentFiles.ROOT_POM));
        files.reactorModules().forEach(module -> poms.add(module + "/pom.xml"));
        for (String module : files.serviceModules()) {
            final Optional<Dockerfile> dockerfile = dockerfile(module);
            final List<String> copied = dockerfile.stream()
                    .flatMap(file -> file.all("COPY").stream())
                    .flatMap(copy -> copy.words().stream())
                    .map(DeploymentFiles::normalize)
                    .toList();
            for (String pom : poms) {
                if (!copied.contains(pom)) {
                    problems.add(module + "/Dockerfile: does not COPY " + pom + " (the parent pom lists its module)");
                }
            }
        }
        return problems;
    }

    /** The runtime image exposes the port the service listens on and does not run as root. */
    List<String> dockerfilesExposeServerPortAndRunAsNonRoot() {
        final List<String> problems = new ArrayList<>();
        for (String module : files.serviceModules()) {
            final Optional<Dockerfile.Stage> runtime = dockerfile(module).flatMap(Dockerfile::finalStage);
            if (runtime.isEmpty()) {
                problems.add(module + ": no Dockerfile");
                continue;
            }
            final String port = serverPort(module);
            final List<String> exposed = runtime.get().all("EXPOSE").stream()
                    .flatMap(expose -> expose.words().stream())
                    .map(word -> word.replaceFirst("/.*", ""))
                    .toList();
            if (!exposed.contains(port)) {
                problems.add(module + "/Dockerfile: EXPOSE " + exposed + " but server.port is " + port);
            }
            final List<Dockerfile.Instruction> users = runtime.get().all("USER");
            final String user = users.isEmpty()
                    ? "root"
                    : users.get(users.size() - 1).arguments().trim();
            if (user.equals("root") || user.equals("0") || user.startsWith("0:") || user.startsWith("root:")) {
                problems.add(module + "/Dockerfile: the runtime stage runs as root");
            }
        }
        return problems;
    }

    /** Every image compose pulls and every Dockerfile base image names an explicit tag. */
    List<String> imagesArePinned() {
        final List<String> problems = new ArrayList<>();
        services().forEach((name, service) -> {
            if (service.has("image")) {
                unpinned(service.path("image").asString()).ifPresent(why -> problems.add(name + ": image " + why));
            } else if (!service.has("build")) {
                problems.add(name + ": neither image nor build");
            }
        });
        for (String module : files.serviceModules()) {
            dockerfile(module)
                    .ifPresent(dockerfile -> dockerfile
                            .baseImages()
                            .forEach(image -> unpinned(image)
                                    .ifPresent(why -> problems.add(module + "/Dockerfile: FROM " + why))));
        }
        return problems;
    }

    /** The .dockerignore keeps build output, git history and local run data out of the context. */
    List<String> dockerignoreKeepsTheContextSmall() {
        final Set<String> patterns = new LinkedHashSet<>();
        files.text(DeploymentFiles.DOCKERIGNORE)
                .ifPresent(text -> text.lines()
                        .map(String::trim)
                        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                        .map(DeploymentFiles::normalize)
                        .forEach(patterns::add));
        final List<String> problems = new ArrayList<>();
        for (String required : List.of(".git", "**/target", ".heatwire")) {
            if (!patterns.contains(required)) {
                problems.add(".dockerignore: missing " + required);
            }
        }
        return problems;
    }

    /** The broker runs the Kafka version the services' clients were built against. */
    List<String> brokerImageMatchesClientVersion(String clientVersion) {
        final List<String> problems = new ArrayList<>();
        final Optional<String> broker = brokerService();
        if (broker.isEmpty()) {
            return List.of(NO_BROKER);
        }
        final String image = service(broker.get()).path("image").asString("");
        if (!image.startsWith("apache/kafka:") || !image.endsWith(":" + clientVersion)) {
            problems.add(broker.get() + ": image " + image + ", expected apache/kafka:" + clientVersion
                    + " (the clients' version)");
        }
        return problems;
    }

    // ---------------------------------------------------------------- ports and health

    /** Each service is published on the host under the same port it listens on in the container. */
    List<String> portsArePublishedAsServerPort() {
        final List<String> problems = new ArrayList<>();
        for (String module : files.serviceModules()) {
            final String port = serverPort(module);
            final List<PortMapping> ports = ports(service(module));
            if (ports.stream()
                    .noneMatch(mapping -> mapping.target().equals(port) && port.equals(mapping.published()))) {
                problems.add(module + ": ports " + ports + " do not publish server.port " + port + " as " + port + ":"
                        + port);
            }
            ports.stream()
                    .filter(mapping -> !mapping.target().equals(port))
                    .forEach(mapping -> problems.add(module + ": publishes container port " + mapping.target()
                            + " but the service listens on " + port));
        }
        return problems;
    }

    /** Health checks ask the service's actuator on its own port, and services wait for a healthy broker. */
    List<String> healthchecksProbeActuatorHealthOnServerPort() {
        final List<String> problems = new ArrayList<>();
        final Optional<String> broker = brokerService();
        for (String module : files.serviceModules()) {
            final JsonNode service = service(module);
            final String test = healthcheck(service);
            final String expected = "http://localhost:" + serverPort(module) + ACTUATOR_HEALTH;
            if (!test.contains(expected)) {
                problems.add(module + ": healthcheck '" + test + "' does not probe " + expected + "/…");
            }
            broker.ifPresent(name -> {
                final String condition =
                        service.path("depends_on").path(name).path("condition").asString("");
                if (!condition.equals("service_healthy")) {
                    problems.add(module + ": depends_on " + name + " must use condition: service_healthy");
                }
            });
        }
        broker.ifPresent(name -> {
            if (healthcheck(service(name)).isEmpty()) {
                problems.add(name + ": no healthcheck, so depends_on service_healthy never passes");
            }
        });
        return problems;
    }

    // ---------------------------------------------------------------- Kafka

    /** The services bootstrap from a listener the broker advertises under a name other containers resolve. */
    List<String> bootstrapServersPointAtAnAdvertisedListener() {
        final Optional<String> broker = brokerService();
        if (broker.isEmpty()) {
            return List.of(NO_BROKER);
        }
        final Map<String, String> kafka = environment(service(broker.get()));
        final List<Listener> listeners = Listener.parseAll(kafka.getOrDefault("KAFKA_LISTENERS", ""));
        final List<Listener> advertised = Listener.parseAll(kafka.getOrDefault("KAFKA_ADVERTISED_LISTENERS", ""));
        final Set<String> brokerHosts = hostNames(broker.get());
        final List<String> problems = new ArrayList<>();
        for (String module : files.serviceModules()) {
            final String bootstrap = environment(service(module)).get("SPRING_KAFKA_BOOTSTRAP_SERVERS");
            if (bootstrap == null) {
                problems.add(
                        module
                                + ": SPRING_KAFKA_BOOTSTRAP_SERVERS is not set; the default localhost:9092 is the service's own container");
                continue;
            }
            for (String server : bootstrap.split(",")) {
                final String address = server.trim().replaceFirst("^[A-Za-z_]+://", "");
                final Optional<Listener> match = advertised.stream()
                        .filter(listener -> (listener.host() + ":" + listener.port()).equals(address))
                        .findFirst();
                if (match.isEmpty()) {
                    problems.add(module + ": bootstrap server " + address + " is not in " + broker.get()
                            + "'s KAFKA_ADVERTISED_LISTENERS " + advertised);
                    continue;
                }
                if (!brokerHosts.contains(match.get().host())) {
                    problems.add(module + ": bootstrap server " + address
                            + " is not reachable from another container; use one of " + brokerHosts);
                }
                final boolean bound = listeners.stream()
                        .anyMatch(listener -> listener.name().equals(match.get().name())
                                && listener.port().equals(match.get().port()));
                if (!bound) {
                    problems.add(module + ": listener " + match.get().name() + " is advertised on port "
                            + match.get().port() + " but KAFKA_LISTENERS " + listeners + " does not bind it there");
                }
            }
        }
        return problems;
    }

    /** KRaft combined mode on one node: listeners, protocol map and quorum voters describe the same node. */
    List<String> brokerIsAConsistentSingleNodeKraftCluster() {
        final Optional<String> broker = brokerService();
        if (broker.isEmpty()) {
            return List.of(NO_BROKER);
        }
        final String name = broker.get();
        final Map<String, String> kafka = environment(service(name));
        final List<String> problems = new ArrayList<>();
        final Set<String> roles = Set.of(
                kafka.getOrDefault("KAFKA_PROCESS_ROLES", "").replace(" ", "").split(","));
        if (!roles.containsAll(Set.of("broker", "controller"))) {
            problems.add(name + ": KAFKA_PROCESS_ROLES must be broker,controller for a single KRaft node");
        }
        for (String required : List.of(
                "CLUSTER_ID",
                "KAFKA_NODE_ID",
                "KAFKA_CONTROLLER_LISTENER_NAMES",
                "KAFKA_CONTROLLER_QUORUM_VOTERS",
                "KAFKA_LISTENER_SECURITY_PROTOCOL_MAP",
                "KAFKA_INTER_BROKER_LISTENER_NAME")) {
            if (!kafka.containsKey(required)) {
                problems.add(name + ": " + required + " is not set");
            }
        }
        final List<Listener> listeners = Listener.parseAll(kafka.getOrDefault("KAFKA_LISTENERS", ""));
        final List<Listener> advertised = Listener.parseAll(kafka.getOrDefault("KAFKA_ADVERTISED_LISTENERS", ""));
        final Set<String> mapped = new TreeSet<>();
        for (String entry :
                kafka.getOrDefault("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "").split(",")) {
            mapped.add(entry.split(":")[0].trim());
        }
        final Set<String> bound = new TreeSet<>();
        listeners.forEach(listener -> bound.add(listener.name()));
        for (Listener listener : listeners) {
            if (!mapped.contains(listener.name())) {
                problems.add(
                        name + ": listener " + listener.name() + " has no KAFKA_LISTENER_SECURITY_PROTOCOL_MAP entry");
            }
        }
        for (Listener listener : advertised) {
            if (!bound.contains(listener.name())) {
                problems.add(name + ": advertised listener " + listener.name() + " is not in KAFKA_LISTENERS");
            }
        }
        final String controller = kafka.getOrDefault("KAFKA_CONTROLLER_LISTENER_NAMES", "");
        if (!bound.contains(controller)) {
            problems.add(name + ": controller listener " + controller + " is not in KAFKA_LISTENERS");
        }
        if (advertised.stream().anyMatch(listener -> listener.name().equals(controller))) {
            problems.add(name + ": the controller listener must not be advertised to clients");
        }
        final String interBroker = kafka.getOrDefault("KAFKA_INTER_BROKER_LISTENER_NAME", "");
        if (advertised.stream().noneMatch(listener -> listener.name().equals(interBroker))) {
            problems.add(name + ": inter-broker listener " + interBroker + " is not advertised");
        }
        final Optional<Listener> controllerListener = listeners.stream()
                .filter(listener -> listener.name().equals(controller))
                .findFirst();
        final String voters = kafka.getOrDefault("KAFKA_CONTROLLER_QUORUM_VOTERS", "");
        final Matcher voter = Pattern.compile("^(\\d+)@([^:,]+):(\\d+)$").matcher(voters.trim());
        if (!voter.matches()) {
            problems.add(name + ": KAFKA_CONTROLLER_QUORUM_VOTERS '" + voters + "' is not one id@host:port");
        } else {
            if (!voter.group(1).equals(kafka.get("KAFKA_NODE_ID"))) {
                problems.add(name + ": quorum voter id " + voter.group(1) + " is not KAFKA_NODE_ID "
                        + kafka.get("KAFKA_NODE_ID"));
            }
            if (controllerListener.isPresent()
                    && !controllerListener.get().port().equals(voter.group(3))) {
                problems.add(name + ": quorum voter port " + voter.group(3) + " is not the controller listener's port "
                        + controllerListener.get().port());
            }
            if (!hostNames(name).contains(voter.group(2)) && !voter.group(2).equals("localhost")) {
                problems.add(name + ": quorum voter host " + voter.group(2) + " does not resolve to this container");
            }
        }
        final String logDirs = kafka.getOrDefault("KAFKA_LOG_DIRS", "");
        final boolean persisted = volumes(service(name)).stream()
                .anyMatch(volume -> volume.target().equals(logDirs));
        if (!persisted) {
            problems.add(name + ": KAFKA_LOG_DIRS '" + logDirs + "' is not a mounted volume");
        }
        return problems;
    }

    /** Internal topics, transactions and the services' topics need no more replicas than there are brokers. */
    List<String> replicationFitsTheBrokerCount() {
        final Optional<String> broker = brokerService();
        if (broker.isEmpty()) {
            return List.of(NO_BROKER);
        }
        final long brokers = services().values().stream()
                .filter(service -> environment(service)
                        .getOrDefault("KAFKA_PROCESS_ROLES", "")
                        .contains("broker"))
                .count();
        final Map<String, String> kafka = environment(service(broker.get()));
        final List<String> problems = new ArrayList<>();
        // Kafka's defaults are 3 (and 2 for min ISR); on fewer brokers consumer groups and
        // transactions never become available, so these must be set, not left to defaults.
        for (String setting : List.of(
                "KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR",
                "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR",
                "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR")) {
            final String value = kafka.get(setting);
            if (value == null || !value.matches("\\d+") || Long.parseLong(value) > brokers) {
                problems.add(broker.get() + ": " + setting + " is " + value + ", must be set and at most " + brokers);
            }
        }
        for (String module : files.serviceModules()) {
            for (String property : List.of(
                    "heatwire.topics.replication-factor", "spring.kafka.streams.properties.replication.factor")) {
                effectiveProperty(module, property).ifPresent(value -> {
                    if (!value.matches("-?\\d+") || Long.parseLong(value) > brokers) {
                        problems.add(module + ": " + property + " is " + value + " but compose runs " + brokers
                                + " broker(s)");
                    }
                });
            }
        }
        return problems;
    }

    // ---------------------------------------------------------------- configuration

    /** Every SPRING_* and HEATWIRE_* variable binds (relaxed binding) to a property the service declares. */
    List<String> environmentBindsToDeclaredProperties() {
        final List<String> problems = new ArrayList<>();
        for (String module : files.serviceModules()) {
            final Map<String, JsonNode> declared = flatten(files.tree(DeploymentFiles.applicationConfig(module)));
            for (String variable : environment(service(module)).keySet()) {
                if (BOUND_PREFIX.matcher(variable).matches()
                        && declared.keySet().stream()
                                .noneMatch(
                                        property -> environmentNames(property).contains(variable))) {
                    problems.add(module + ": " + variable + " binds to no property in "
                            + DeploymentFiles.applicationConfig(module));
                }
            }
        }
        return problems;
    }

    /** Settings both services read under heatwire.topics (the raw topic's name, its partitions) agree. */
    List<String> sharedTopicSettingsAgree() {
        final Map<String, Map<String, String>> byProperty = new TreeMap<>();
        for (String module : files.serviceModules()) {
            flatten(files.tree(DeploymentFiles.applicationConfig(module))).keySet().stream()
                    .filter(property -> property.startsWith("heatwire.topics."))
                    .forEach(property -> effectiveProperty(module, property)
                            .ifPresent(value -> byProperty
                                    .computeIfAbsent(property, key -> new TreeMap<>())
                                    .put(module, value)));
        }
        final List<String> problems = new ArrayList<>();
        byProperty.forEach((property, values) -> {
            if (values.size() > 1 && new TreeSet<>(values.values()).size() > 1) {
                problems.add(property + " differs between services: " + values);
            }
        });
        return problems;
    }

    /** Passwords and tokens in compose are only overridable defaults, never literals. */
    List<String> secretsAreOverridableDefaults() {
        final List<String> problems = new ArrayList<>();
        services()
                .forEach((name, service) -> rawEnvironment(service).forEach((variable, value) -> {
                    if (SECRET_NAME.matcher(variable).matches()
                            && !value.isEmpty()
                            && !INTERPOLATION.matcher(value.trim()).matches()) {
                        problems.add(name + ": " + variable + " is a literal; use ${" + variable
                                + ":-…} so it can be overridden");
                    }
                }));
        return problems;
    }

    // ---------------------------------------------------------------- monitoring

    /** Prometheus scrapes each service's /actuator/prometheus under the compose name and port. */
    List<String> prometheusScrapesEveryService() {
        final List<String> problems = new ArrayList<>();
        final Optional<Mount> mount = mount("prom/prometheus", PROMETHEUS_CONFIG, problems);
        if (mount.isEmpty()) {
            return problems;
        }
        final String prometheus = mount.get().service();
        final String configFile = mount.get().hostPath();
        final JsonNode config = files.tree(configFile);
        final Map<String, JsonNode> jobs = new LinkedHashMap<>();
        config.path("scrape_configs")
                .values()
                .forEach(job -> jobs.put(job.path("job_name").asString(""), job));
        for (String module : files.serviceModules()) {
            final JsonNode job = jobs.get(module);
            if (job == null) {
                problems.add(configFile + ": no job_name " + module);
                continue;
            }
            if (!job.path("metrics_path").asString("").equals(ACTUATOR_PROMETHEUS)) {
                problems.add(configFile + ": job " + module + " must scrape metrics_path " + ACTUATOR_PROMETHEUS);
            }
            final String expected = module + ":" + serverPort(module);
            if (!targets(job).contains(expected)) {
                problems.add(configFile + ": job " + module + " targets " + targets(job) + ", expected " + expected);
            }
        }
        jobs.forEach((jobName, job) -> targets(job).forEach(target -> {
            final String host = target.replaceFirst(":\\d+$", "");
            final String port = target.substring(host.length()).replaceFirst("^:", "");
            if (!services().containsKey(host)) {
                problems.add(configFile + ": job " + jobName + " scrapes " + target + ", which is no compose service");
            } else if (files.serviceModules().contains(host) && !port.equals(serverPort(host))) {
                problems.add(configFile + ": job " + jobName + " scrapes " + target + " but " + host + " listens on "
                        + serverPort(host));
            }
        }));
        for (JsonNode ruleFile : config.path("rule_files").values()) {
            final String pattern = ruleFile.asString("");
            final String directory = pattern.substring(0, Math.max(pattern.lastIndexOf('/'), 0));
            final Optional<String> source = hostPath(prometheus, directory);
            if (source.isEmpty()) {
                problems.add(configFile + ": rule_files " + pattern + " is in no directory compose mounts");
            } else if (files.filesUnder(source.get()).stream()
                    .noneMatch(file -> file.endsWith(".yml") || file.endsWith(".yaml"))) {
                problems.add(configFile + ": rule_files " + pattern + " matches no file in " + source.get());
            }
        }
        return problems;
    }

    /** Every file or directory compose mounts from the repository exists there. */
    List<String> bindMountsExist() {
        final List<String> problems = new ArrayList<>();
        services()
                .forEach((name, service) -> volumes(service).stream()
                        .filter(Volume::bind)
                        .forEach(volume -> {
                            if (volume.source().startsWith("/")
                                    || volume.source().startsWith("~")) {
                                problems.add(name + ": mounts the machine path " + volume.source()
                                        + "; mount from the repository instead");
                            } else if (!files.exists(volume.source())) {
                                problems.add(name + ": mounts " + volume.source() + ", which does not exist");
                            }
                        }));
        return problems;
    }

    /** Grafana gets the Prometheus datasource and the dashboards from the repository, and they fit together. */
    List<String> grafanaIsProvisionedFromTheRepository() {
        final List<String> problems = new ArrayList<>();
        final Optional<Mount> mount = mount("grafana/grafana", GRAFANA_PROVISIONING, problems);
        if (mount.isEmpty()) {
            return problems;
        }
        final String grafana = mount.get().service();
        final String provisioning = mount.get().hostPath();
        final Set<String> datasourceUids = new TreeSet<>();
        for (String file : yamlFilesIn(provisioning + "/datasources")) {
            for (JsonNode datasource : files.tree(file).path("datasources").values()) {
                datasourceUids.add(datasource.path("uid").asString(""));
                if (datasource.path("type").asString("").equals("prometheus")) {
                    checkPrometheusUrl(file, datasource.path("url").asString(""), problems);
                }
            }
        }
        if (datasourceUids.isEmpty()) {
            problems.add(provisioning + "/datasources: no datasource is provisioned");
        }
        final List<String> dashboards = new ArrayList<>();
        for (String file : yamlFilesIn(provisioning + "/dashboards")) {
            for (JsonNode provider : files.tree(file).path("providers").values()) {
                final String path = provider.path("options").path("path").asString("");
                final Optional<String> source = hostPath(grafana, path);
                final List<String> found = source.map(directory -> files.filesUnder(directory).stream()
                                .filter(candidate -> candidate.endsWith(".json"))
                                .toList())
                        .orElse(List.of());
                if (found.isEmpty()) {
                    problems.add(file + ": provider " + provider.path("name").asString("") + " reads " + path
                            + ", where compose mounts no dashboard");
                }
                dashboards.addAll(found);
            }
        }
        if (dashboards.isEmpty()) {
            problems.add(provisioning + "/dashboards: no dashboard is provisioned");
        }
        for (String dashboard : dashboards) {
            for (String uid : datasourceUidsIn(files.tree(dashboard))) {
                if (!datasourceUids.contains(uid)) {
                    problems.add(
                            dashboard + ": refers to datasource uid " + uid + "; provisioned are " + datasourceUids);
                }
            }
        }
        final String home = environment(service(grafana)).get("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH");
        if (home != null && hostPath(grafana, home).filter(files::exists).isEmpty()) {
            problems.add(grafana + ": GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH " + home + " is no mounted file");
        }
        return problems;
    }

    // ---------------------------------------------------------------- helpers

    Map<String, JsonNode> services() {
        final Map<String, JsonNode> services = new LinkedHashMap<>();
        files.compose().path("services").properties().forEach(entry -> services.put(entry.getKey(), entry.getValue()));
        return services;
    }

    private JsonNode service(String name) {
        return files.compose().path("services").path(name);
    }

    private Optional<Dockerfile> dockerfile(String module) {
        final JsonNode build = service(module).path("build");
        final String path = build.isObject()
                ? DeploymentFiles.normalize(build.path("dockerfile").asString(module + "/Dockerfile"))
                : module + "/Dockerfile";
        return files.text(path).map(Dockerfile::parse);
    }

    private Optional<String> brokerService() {
        return services().entrySet().stream()
                .filter(entry -> environment(entry.getValue())
                        .getOrDefault("KAFKA_PROCESS_ROLES", "")
                        .contains("broker"))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    private Optional<String> serviceWithImage(String repository) {
        return services().entrySet().stream()
                .filter(entry -> entry.getValue().path("image").asString("").startsWith(repository + ":"))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /** Names under which other containers on the compose network reach a service. */
    private Set<String> hostNames(String name) {
        final Set<String> names = new TreeSet<>(Set.of(name));
        final JsonNode service = service(name);
        for (String key : List.of("hostname", "container_name")) {
            if (service.has(key)) {
                names.add(service.path(key).asString());
            }
        }
        return names;
    }

    /** The service's listening port: server.port from application.yml unless compose overrides it. */
    String serverPort(String module) {
        return effectiveProperty(module, "server.port").orElse("8080");
    }

    /** A property's value as the container sees it: the compose environment wins over application.yml. */
    Optional<String> effectiveProperty(String module, String property) {
        final Map<String, String> environment = environment(service(module));
        for (String name : environmentNames(property)) {
            if (environment.containsKey(name)) {
                return Optional.of(environment.get(name));
            }
        }
        final JsonNode declared =
                flatten(files.tree(DeploymentFiles.applicationConfig(module))).get(property);
        return declared == null ? Optional.empty() : Optional.of(declared.asString());
    }

    /** Environment variable names Spring Boot binds to a property (canonical and dashes-as-underscores). */
    static Set<String> environmentNames(String property) {
        final String upper = property.toUpperCase(Locale.ROOT)
                .replace('.', '_')
                .replace("[", "_")
                .replace("]", "");
        return new LinkedHashSet<>(List.of(upper.replace("-", ""), upper.replace('-', '_')));
    }

    /** Leaf properties of a YAML tree by their dotted names ("spring.kafka.bootstrap-servers"). */
    static Map<String, JsonNode> flatten(JsonNode tree) {
        final Map<String, JsonNode> properties = new TreeMap<>();
        flatten("", tree, properties);
        return properties;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> properties) {
        if (node.isObject()) {
            node.properties()
                    .forEach(entry -> flatten(
                            prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey(),
                            entry.getValue(),
                            properties));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), properties);
            }
        } else if (!node.isMissingNode() && !prefix.isEmpty()) {
            properties.put(prefix, node);
        }
    }

    /** A service's environment with compose's ${VAR:-default} resolved to the default. */
    Map<String, String> environment(JsonNode service) {
        final Map<String, String> resolved = new LinkedHashMap<>();
        rawEnvironment(service).forEach((name, value) -> resolved.put(name, interpolateDefaults(value)));
        return resolved;
    }

    private static Map<String, String> rawEnvironment(JsonNode service) {
        final Map<String, String> environment = new LinkedHashMap<>();
        final JsonNode node = service.path("environment");
        if (node.isObject()) {
            node.properties()
                    .forEach(entry -> environment.put(
                            entry.getKey(),
                            entry.getValue().isNull() ? "" : entry.getValue().asString()));
        } else if (node.isArray()) {
            for (JsonNode entry : node.values()) {
                final String[] pair = entry.asString().split("=", 2);
                environment.put(pair[0], pair.length > 1 ? pair[1] : "");
            }
        }
        return environment;
    }

    private static String interpolateDefaults(String value) {
        final Matcher matcher = INTERPOLATION.matcher(value);
        final StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            final boolean hasDefault =
                    matcher.group(2) != null && matcher.group(2).endsWith("-");
            matcher.appendReplacement(
                    resolved, Matcher.quoteReplacement(hasDefault ? matcher.group(3) : matcher.group()));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }

    private static Optional<String> unpinned(String image) {
        final String name = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        if (image.contains("@sha256:")) {
            return Optional.empty();
        }
        final int slash = name.lastIndexOf('/');
        final int colon = name.lastIndexOf(':');
        if (colon < slash || colon < 0) {
            return Optional.of(image + " has no tag");
        }
        final String tag = name.substring(colon + 1);
        if (tag.isEmpty() || tag.equals("latest") || tag.contains("$")) {
            return Optional.of(image + " is not pinned to a version");
        }
        return Optional.empty();
    }

    record PortMapping(String published, String target) {}

    private static List<PortMapping> ports(JsonNode service) {
        final List<PortMapping> ports = new ArrayList<>();
        for (JsonNode port : service.path("ports").values()) {
            if (port.isObject()) {
                ports.add(new PortMapping(
                        port.path("published").asString(null),
                        port.path("target").asString("")));
            } else {
                final String[] parts =
                        port.asString().replaceFirst("/[a-z]+$", "").split(":");
                ports.add(new PortMapping(parts.length > 1 ? parts[parts.length - 2] : null, parts[parts.length - 1]));
            }
        }
        return ports;
    }

    private static String healthcheck(JsonNode service) {
        final JsonNode test = service.path("healthcheck").path("test");
        if (test.isArray()) {
            final List<String> words = new ArrayList<>();
            test.values().forEach(word -> words.add(word.asString()));
            return String.join(" ", words);
        }
        return test.asString("");
    }

    record Volume(String source, String target, boolean bind) {}

    private static List<Volume> volumes(JsonNode service) {
        final List<Volume> volumes = new ArrayList<>();
        for (JsonNode volume : service.path("volumes").values()) {
            if (volume.isObject()) {
                volumes.add(new Volume(
                        volume.path("source").asString(""),
                        volume.path("target").asString(""),
                        volume.path("type").asString("").equals("bind")));
            } else {
                final String[] parts = volume.asString().split(":");
                final String source = parts.length > 1 ? parts[0] : "";
                final String target = parts.length > 1 ? parts[1] : parts[0];
                final boolean bind = source.startsWith(".") || source.startsWith("/") || source.startsWith("~");
                volumes.add(new Volume(source, target, bind));
            }
        }
        return volumes;
    }

    /** A compose service running an image, and the repository path it mounts at a container path. */
    private record Mount(String service, String hostPath) {}

    private Optional<Mount> mount(String image, String containerPath, List<String> problems) {
        final Optional<String> service = serviceWithImage(image);
        if (service.isEmpty()) {
            problems.add("no " + image + " service in docker-compose.yml");
            return Optional.empty();
        }
        final Optional<String> hostPath = hostPath(service.get(), containerPath);
        if (hostPath.isEmpty()) {
            problems.add(service.get() + ": nothing is mounted at " + containerPath);
        }
        return hostPath.map(path -> new Mount(service.get(), path));
    }

    /** The repository path compose mounts at a container path (or under a mounted directory). */
    private Optional<String> hostPath(String name, String containerPath) {
        for (Volume volume : volumes(service(name))) {
            if (!volume.bind()) {
                continue;
            }
            final String target = volume.target().replaceFirst("/+$", "");
            if (containerPath.equals(target)) {
                return Optional.of(DeploymentFiles.normalize(volume.source()));
            }
            if (containerPath.startsWith(target + "/")) {
                return Optional.of(
                        DeploymentFiles.normalize(volume.source()) + containerPath.substring(target.length()));
            }
        }
        return Optional.empty();
    }

    private static List<String> targets(JsonNode job) {
        final List<String> targets = new ArrayList<>();
        job.path("static_configs")
                .values()
                .forEach(group -> group.path("targets").values().forEach(target -> targets.add(target.asString())));
        return targets;
    }

    private List<String> yamlFilesIn(String directory) {
        return files.filesUnder(directory).stream()
                .filter(file -> file.endsWith(".yml") || file.endsWith(".yaml"))
                .toList();
    }

    private void checkPrometheusUrl(String file, String url, List<String> problems) {
        final Matcher matcher = Pattern.compile("^https?://([^:/]+):(\\d+)/?$").matcher(url);
        final Optional<String> prometheus = serviceWithImage("prom/prometheus");
        if (!matcher.matches()) {
            problems.add(file + ": Prometheus url '" + url + "' is not http://host:port");
            return;
        }
        if (prometheus.isEmpty() || !hostNames(prometheus.get()).contains(matcher.group(1))) {
            problems.add(file + ": Prometheus url " + url + " does not name the compose Prometheus service");
            return;
        }
        final boolean listening = ports(service(prometheus.get())).stream()
                .anyMatch(port -> port.target().equals(matcher.group(2)));
        if (!listening) {
            problems.add(file + ": Prometheus url " + url + " uses a port the prometheus service does not serve");
        }
    }

    /** Datasource uids a dashboard refers to, panels and targets alike, skipping template variables. */
    static Set<String> datasourceUidsIn(JsonNode dashboard) {
        final Set<String> uids = new TreeSet<>();
        collectDatasourceUids(dashboard, uids);
        return uids;
    }

    private static void collectDatasourceUids(JsonNode node, Set<String> uids) {
        if (node.isObject()) {
            node.properties().forEach(entry -> {
                if (entry.getKey().equals("datasource") && entry.getValue().isObject()) {
                    final String uid = entry.getValue().path("uid").asString("");
                    if (!uid.isEmpty() && !uid.startsWith("$") && !uid.startsWith("-- ")) {
                        uids.add(uid);
                    }
                }
                collectDatasourceUids(entry.getValue(), uids);
            });
        } else if (node.isArray()) {
            node.values().forEach(child -> collectDatasourceUids(child, uids));
        }
    }

    record Listener(String name, String host, String port) {

        static List<Listener> parseAll(String value) {
            final List<Listener> listeners = new ArrayList<>();
            for (String entry : value.split(",")) {
                final Matcher matcher =
                        Pattern.compile("^([A-Za-z0-9_-]+)://([^:]*):(\\d+)$").matcher(entry.trim());
                if (matcher.matches()) {
                    listeners.add(new Listener(matcher.group(1), matcher.group(2), matcher.group(3)));
                }
            }
            return listeners;
        }

        @Override
        public String toString() {
            return name + "://" + host + ":" + port;
        }
    }
}

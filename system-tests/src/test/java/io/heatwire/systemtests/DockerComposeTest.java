package io.heatwire.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * docker-compose.yml, the Dockerfiles, the Prometheus and Grafana files and the services'
 * application.yml agree with each other. Needs no Docker: it reads the files. Each check is
 * run on the real files, then on a copy broken on purpose to show that it can fail.
 */
class DockerComposeTest {

    private static final String INGEST = "ingest-service";
    private static final String ENRICH = "enrich-service";
    private static final String INGEST_DOCKERFILE = "ingest-service/Dockerfile";
    private static final String PROMETHEUS_YML = "monitoring/prometheus/prometheus.yml";
    private static final String DATASOURCE_YML = "monitoring/grafana/provisioning/datasources/prometheus.yml";
    private static final String DASHBOARD_PROVIDER_YML = "monitoring/grafana/provisioning/dashboards/heatwire.yml";

    private static DeploymentFiles files;

    @BeforeAll
    static void readRepository() {
        // Surefire runs in the module directory; the deployment files live one level up.
        files = DeploymentFiles.load(Path.of("..").toAbsolutePath().normalize());
    }

    @Test
    void shouldBuildEveryServiceModuleInCompose() {
        assertThat(files.serviceModules()).contains(INGEST, ENRICH);
        assertThat(check(files, DeploymentContract::composeBuildsEveryServiceModule))
                .isEmpty();
    }

    @Test
    void shouldReportAServiceBuiltFromAnotherModulesDockerfile() {
        final DeploymentFiles broken = withService(
                INGEST, service -> ((ObjectNode) service.path("build")).put("dockerfile", "enrich-service/Dockerfile"));

        assertThat(check(broken, DeploymentContract::composeBuildsEveryServiceModule))
                .anySatisfy(problem -> assertThat(problem).contains("ingest-service: build.dockerfile"));
    }

    @Test
    void shouldBuildTheModuleComposeNamesAndShipItsJar() {
        assertThat(check(files, DeploymentContract::dockerfilesBuildTheirModule))
                .isEmpty();
    }

    @Test
    void shouldReportADockerfileBuildingAnotherModuleOrShippingAnotherJar() {
        final DeploymentFiles wrongModule =
                files.withText(INGEST_DOCKERFILE, text -> text.replace("-pl ingest-service", "-pl enrich-service"));
        final DeploymentFiles wrongJar = files.withText(
                INGEST_DOCKERFILE,
                text -> text.replace("ingest-service/target/ingest-service.jar", "ingest-service/target/app.jar"));

        assertThat(check(wrongModule, DeploymentContract::dockerfilesBuildTheirModule))
                .containsExactly("ingest-service/Dockerfile: no RUN ./mvnw … -pl ingest-service … package");
        assertThat(check(wrongJar, DeploymentContract::dockerfilesBuildTheirModule))
                .containsExactly(
                        "ingest-service/Dockerfile: the image does not copy ingest-service/target/ingest-service.jar"
                                + " from the build stage");
    }

    @Test
    void shouldCopyEveryReactorPomBeforeResolvingDependencies() {
        assertThat(check(files, DeploymentContract::dockerfilesCopyEveryReactorPom))
                .isEmpty();
    }

    @Test
    void shouldReportAModuleTheDockerfilesDoNotKnowAbout() {
        final DeploymentFiles newModule = files.withText(
                DeploymentFiles.ROOT_POM,
                pom -> pom.replace(
                        "<module>system-tests</module>", "<module>system-tests</module><module>benchmark</module>"));
        final DeploymentFiles missingPom =
                files.withText(INGEST_DOCKERFILE, text -> text.replace("COPY local-kafka/pom.xml local-kafka/", ""));

        assertThat(check(newModule, DeploymentContract::dockerfilesCopyEveryReactorPom))
                .containsExactlyInAnyOrder(
                        "enrich-service/Dockerfile: does not COPY benchmark/pom.xml (the parent pom lists its module)",
                        "ingest-service/Dockerfile: does not COPY benchmark/pom.xml (the parent pom lists its module)");
        assertThat(check(missingPom, DeploymentContract::dockerfilesCopyEveryReactorPom))
                .containsExactly(
                        "ingest-service/Dockerfile: does not COPY local-kafka/pom.xml (the parent pom lists its module)");
    }

    @Test
    void shouldExposeTheServerPortAndRunAsNonRoot() {
        assertThat(check(files, DeploymentContract::dockerfilesExposeServerPortAndRunAsNonRoot))
                .isEmpty();
    }

    @Test
    void shouldReportAWrongExposedPortAndARootUser() {
        final DeploymentFiles broken = files.withText(
                INGEST_DOCKERFILE,
                text -> text.replace("EXPOSE 8081", "EXPOSE 8080").replace("USER 10001:10001", "USER root"));

        assertThat(check(broken, DeploymentContract::dockerfilesExposeServerPortAndRunAsNonRoot))
                .containsExactly(
                        "ingest-service/Dockerfile: EXPOSE [8080] but server.port is 8081",
                        "ingest-service/Dockerfile: the runtime stage runs as root");
    }

    @Test
    void shouldPinEveryImage() {
        assertThat(check(files, DeploymentContract::imagesArePinned)).isEmpty();
    }

    @Test
    void shouldReportLatestAndUntaggedImages() {
        final DeploymentFiles latest = withService("kafka", service -> service.put("image", "apache/kafka:latest"));
        final DeploymentFiles untagged = withService("prometheus", service -> service.put("image", "prom/prometheus"));
        final DeploymentFiles untaggedBase = files.withText(
                INGEST_DOCKERFILE,
                text -> text.replace("FROM eclipse-temurin:17.0.19_10-jre-noble", "FROM eclipse-temurin"));

        assertThat(check(latest, DeploymentContract::imagesArePinned))
                .containsExactly("kafka: image apache/kafka:latest is not pinned to a version");
        assertThat(check(untagged, DeploymentContract::imagesArePinned))
                .containsExactly("prometheus: image prom/prometheus has no tag");
        assertThat(check(untaggedBase, DeploymentContract::imagesArePinned))
                .containsExactly("ingest-service/Dockerfile: FROM eclipse-temurin has no tag");
    }

    @Test
    void shouldKeepBuildOutputAndGitOutOfTheBuildContext() {
        assertThat(check(files, DeploymentContract::dockerignoreKeepsTheContextSmall))
                .isEmpty();
        assertThat(check(
                        files.withText(DeploymentFiles.DOCKERIGNORE, text -> text.replace(".git\n", "")),
                        DeploymentContract::dockerignoreKeepsTheContextSmall))
                .containsExactly(".dockerignore: missing .git");
    }

    @Test
    void shouldRunTheBrokerVersionTheClientsUse() {
        final String clientVersion = AppInfoParser.getVersion();

        assertThat(new DeploymentContract(files).brokerImageMatchesClientVersion(clientVersion))
                .isEmpty();
        assertThat(new DeploymentContract(files).brokerImageMatchesClientVersion("3.9.1"))
                .singleElement()
                .asString()
                .contains("expected apache/kafka:3.9.1");
    }

    @Test
    void shouldPublishEachServiceOnItsServerPort() {
        assertThat(check(files, DeploymentContract::portsArePublishedAsServerPort))
                .isEmpty();
    }

    @Test
    void shouldReportAPortThatDoesNotMatchServerPort() {
        final DeploymentFiles wrongContainerPort =
                withService(ENRICH, service -> service.putArray("ports").add("8082:8080"));
        final DeploymentFiles wrongHostPort =
                withService(ENRICH, service -> service.putArray("ports").add("18082:8082"));

        assertThat(check(wrongContainerPort, DeploymentContract::portsArePublishedAsServerPort))
                .anySatisfy(problem -> assertThat(problem)
                        .isEqualTo("enrich-service: publishes container port 8080 but the service listens on 8082"));
        assertThat(check(wrongHostPort, DeploymentContract::portsArePublishedAsServerPort))
                .singleElement()
                .asString()
                .startsWith("enrich-service: ports");
    }

    @Test
    void shouldProbeActuatorHealthOnTheServerPortAndWaitForAHealthyBroker() {
        assertThat(check(files, DeploymentContract::healthchecksProbeActuatorHealthOnServerPort))
                .isEmpty();
    }

    @Test
    void shouldReportAHealthcheckOnAnotherPortAndAStartOrderWithoutHealth() {
        final DeploymentFiles wrongPort = withService(
                INGEST,
                service -> ((ObjectNode) service.path("healthcheck"))
                        .putArray("test")
                        .add("CMD")
                        .add("curl")
                        .add("-f")
                        .add("http://localhost:8080/actuator/health/readiness"));
        final DeploymentFiles noCondition =
                withService(ENRICH, service -> service.putArray("depends_on").add("kafka"));
        final DeploymentFiles brokerWithoutHealthcheck = withService("kafka", service -> service.remove("healthcheck"));

        assertThat(check(wrongPort, DeploymentContract::healthchecksProbeActuatorHealthOnServerPort))
                .singleElement()
                .asString()
                .contains("does not probe http://localhost:8081/actuator/health");
        assertThat(check(noCondition, DeploymentContract::healthchecksProbeActuatorHealthOnServerPort))
                .containsExactly("enrich-service: depends_on kafka must use condition: service_healthy");
        assertThat(check(brokerWithoutHealthcheck, DeploymentContract::healthchecksProbeActuatorHealthOnServerPort))
                .containsExactly("kafka: no healthcheck, so depends_on service_healthy never passes");
    }

    @Test
    void shouldBootstrapFromTheBrokersInternalListener() {
        assertThat(check(files, DeploymentContract::bootstrapServersPointAtAnAdvertisedListener))
                .isEmpty();
    }

    @Test
    void shouldReportBootstrapServersOtherContainersCannotReach() {
        final DeploymentFiles hostListener =
                withEnvironment(ENRICH, env -> env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"));
        final DeploymentFiles unknownListener =
                withEnvironment(ENRICH, env -> env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092"));
        final DeploymentFiles unset = withEnvironment(INGEST, env -> env.remove("SPRING_KAFKA_BOOTSTRAP_SERVERS"));

        assertThat(check(hostListener, DeploymentContract::bootstrapServersPointAtAnAdvertisedListener))
                .singleElement()
                .asString()
                .contains("not reachable from another container");
        assertThat(check(unknownListener, DeploymentContract::bootstrapServersPointAtAnAdvertisedListener))
                .singleElement()
                .asString()
                .contains("is not in kafka's KAFKA_ADVERTISED_LISTENERS");
        assertThat(check(unset, DeploymentContract::bootstrapServersPointAtAnAdvertisedListener))
                .singleElement()
                .asString()
                .startsWith("ingest-service: SPRING_KAFKA_BOOTSTRAP_SERVERS is not set");
    }

    @Test
    void shouldDescribeOneConsistentKraftNode() {
        assertThat(check(files, DeploymentContract::brokerIsAConsistentSingleNodeKraftCluster))
                .isEmpty();
    }

    @Test
    void shouldReportAnInconsistentKraftNode() {
        final DeploymentFiles wrongVoter =
                withEnvironment("kafka", env -> env.put("KAFKA_CONTROLLER_QUORUM_VOTERS", "2@kafka:9094"));
        final DeploymentFiles unmappedListener = withEnvironment(
                "kafka",
                env -> env.put("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "INTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT"));
        final DeploymentFiles logsInTmp =
                withEnvironment("kafka", env -> env.put("KAFKA_LOG_DIRS", "/tmp/kraft-combined-logs"));

        assertThat(check(wrongVoter, DeploymentContract::brokerIsAConsistentSingleNodeKraftCluster))
                .containsExactly(
                        "kafka: quorum voter id 2 is not KAFKA_NODE_ID 1",
                        "kafka: quorum voter port 9094 is not the controller listener's port 9093");
        assertThat(check(unmappedListener, DeploymentContract::brokerIsAConsistentSingleNodeKraftCluster))
                .containsExactly("kafka: listener EXTERNAL has no KAFKA_LISTENER_SECURITY_PROTOCOL_MAP entry");
        assertThat(check(logsInTmp, DeploymentContract::brokerIsAConsistentSingleNodeKraftCluster))
                .containsExactly("kafka: KAFKA_LOG_DIRS '/tmp/kraft-combined-logs' is not a mounted volume");
    }

    @Test
    void shouldAskForNoMoreReplicasThanBrokers() {
        assertThat(check(files, DeploymentContract::replicationFitsTheBrokerCount))
                .isEmpty();
    }

    @Test
    void shouldReportDefaultTransactionLogReplicationAndTooManyTopicReplicas() {
        final DeploymentFiles defaultTransactionLog =
                withEnvironment("kafka", env -> env.remove("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR"));
        final DeploymentFiles threeReplicas =
                withEnvironment(ENRICH, env -> env.put("HEATWIRE_TOPICS_REPLICATION_FACTOR", "3"));

        assertThat(check(defaultTransactionLog, DeploymentContract::replicationFitsTheBrokerCount))
                .containsExactly(
                        "kafka: KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR is null, must be set and at most 1");
        assertThat(check(threeReplicas, DeploymentContract::replicationFitsTheBrokerCount))
                .containsExactly(
                        "enrich-service: heatwire.topics.replication-factor is 3 but compose runs 1 broker(s)");
    }

    @Test
    void shouldBindEveryEnvironmentVariableToADeclaredProperty() {
        assertThat(check(files, DeploymentContract::environmentBindsToDeclaredProperties))
                .isEmpty();
    }

    @Test
    void shouldReportAMistypedEnvironmentVariable() {
        final DeploymentFiles typo =
                withEnvironment(INGEST, env -> env.put("HEATWIRE_INGEST_SPOOL_DIRECTORY", "/spool"));
        final DeploymentFiles otherServicesProperty =
                withEnvironment(INGEST, env -> env.put("HEATWIRE_TOPICS_STORIES", "s"));

        assertThat(check(typo, DeploymentContract::environmentBindsToDeclaredProperties))
                .containsExactly("ingest-service: HEATWIRE_INGEST_SPOOL_DIRECTORY binds to no property in"
                        + " ingest-service/src/main/resources/application.yml");
        assertThat(check(otherServicesProperty, DeploymentContract::environmentBindsToDeclaredProperties))
                .singleElement()
                .asString()
                .startsWith("ingest-service: HEATWIRE_TOPICS_STORIES binds to no property");
    }

    @Test
    void shouldBindEnvironmentNamesTheWaySpringBootDoes() {
        assertThat(DeploymentContract.environmentNames("heatwire.topics.raw")).containsExactly("HEATWIRE_TOPICS_RAW");
        assertThat(DeploymentContract.environmentNames("spring.kafka.streams.state-dir"))
                .containsExactlyInAnyOrder("SPRING_KAFKA_STREAMS_STATEDIR", "SPRING_KAFKA_STREAMS_STATE_DIR");
    }

    @Test
    void shouldAgreeOnTheTopicsBothServicesUse() {
        assertThat(check(files, DeploymentContract::sharedTopicSettingsAgree)).isEmpty();
    }

    @Test
    void shouldReportARawTopicOverriddenForOneServiceOnly() {
        final DeploymentFiles diverged = withEnvironment(INGEST, env -> env.put("HEATWIRE_TOPICS_RAW", "articles"));

        assertThat(check(diverged, DeploymentContract::sharedTopicSettingsAgree))
                .containsExactly(
                        "heatwire.topics.raw differs between services: {enrich-service=heatwire.articles.raw, ingest-service=articles}");
    }

    @Test
    void shouldKeepSecretsOverridable() {
        assertThat(check(files, DeploymentContract::secretsAreOverridableDefaults))
                .isEmpty();
        assertThat(check(
                        withEnvironment("grafana", env -> env.put("GF_SECURITY_ADMIN_PASSWORD", "s3cret")),
                        DeploymentContract::secretsAreOverridableDefaults))
                .containsExactly(
                        "grafana: GF_SECURITY_ADMIN_PASSWORD is a literal; use ${GF_SECURITY_ADMIN_PASSWORD:-…} so it can be overridden");
    }

    @Test
    void shouldScrapeEveryServiceActuatorUnderItsComposeName() {
        assertThat(check(files, DeploymentContract::prometheusScrapesEveryService))
                .isEmpty();
    }

    @Test
    void shouldReportScrapeJobsThatMissTheServices() {
        final DeploymentFiles wrongTarget =
                files.withText(PROMETHEUS_YML, text -> text.replace("enrich-service:8082", "enrich:8082"));
        final DeploymentFiles wrongPath =
                files.withText(PROMETHEUS_YML, text -> text.replaceFirst("/actuator/prometheus", "/metrics"));
        final DeploymentFiles unmountedRules = files.withText(
                PROMETHEUS_YML, text -> text.replace("/etc/prometheus/rules/", "/etc/prometheus/alerts/"));

        assertThat(check(wrongTarget, DeploymentContract::prometheusScrapesEveryService))
                .containsExactly(
                        PROMETHEUS_YML + ": job enrich-service targets [enrich:8082], expected enrich-service:8082",
                        PROMETHEUS_YML + ": job enrich-service scrapes enrich:8082, which is no compose service");
        assertThat(check(wrongPath, DeploymentContract::prometheusScrapesEveryService))
                .containsExactly(PROMETHEUS_YML + ": job ingest-service must scrape metrics_path /actuator/prometheus");
        assertThat(check(unmountedRules, DeploymentContract::prometheusScrapesEveryService))
                .containsExactly(
                        PROMETHEUS_YML + ": rule_files /etc/prometheus/alerts/*.yml is in no directory compose mounts");
    }

    @Test
    void shouldMountOnlyFilesThatExistInTheRepository() {
        assertThat(check(files, DeploymentContract::bindMountsExist)).isEmpty();
    }

    @Test
    void shouldReportAMountOfAMissingOrMachineSpecificPath() {
        final DeploymentFiles missingRules = files.without("monitoring/prometheus/rules");
        final DeploymentFiles machinePath = withService(
                "grafana",
                service -> service.putArray("volumes").add("/srv/grafana/provisioning:/etc/grafana/provisioning:ro"));

        assertThat(check(missingRules, DeploymentContract::bindMountsExist))
                .containsExactly("prometheus: mounts ./monitoring/prometheus/rules, which does not exist");
        assertThat(check(machinePath, DeploymentContract::bindMountsExist))
                .containsExactly(
                        "grafana: mounts the machine path /srv/grafana/provisioning; mount from the repository instead");
    }

    @Test
    void shouldProvisionThePrometheusDatasourceAndTheDashboards() {
        assertThat(check(files, DeploymentContract::grafanaIsProvisionedFromTheRepository))
                .isEmpty();
    }

    @Test
    void shouldReportProvisioningThatDoesNotFitTogether() {
        final DeploymentFiles otherUid =
                files.withText(DATASOURCE_YML, text -> text.replace("uid: prometheus", "uid: prom"));
        final DeploymentFiles otherUrl =
                files.withText(DATASOURCE_YML, text -> text.replace("http://prometheus:9090", "http://localhost:9090"));
        final DeploymentFiles unmountedDashboards = files.withText(
                DASHBOARD_PROVIDER_YML,
                text -> text.replace("path: /etc/grafana/dashboards", "path: /var/lib/grafana/dashboards"));

        assertThat(check(otherUid, DeploymentContract::grafanaIsProvisionedFromTheRepository))
                .containsExactly(
                        "monitoring/grafana/dashboards/heatwire.json: refers to datasource uid prometheus; provisioned are [prom]");
        assertThat(check(otherUrl, DeploymentContract::grafanaIsProvisionedFromTheRepository))
                .containsExactly(DATASOURCE_YML
                        + ": Prometheus url http://localhost:9090 does not name the compose Prometheus service");
        assertThat(check(unmountedDashboards, DeploymentContract::grafanaIsProvisionedFromTheRepository))
                .contains(DASHBOARD_PROVIDER_YML
                        + ": provider heatwire reads /var/lib/grafana/dashboards, where compose mounts no dashboard");
    }

    private static List<String> check(DeploymentFiles files, Function<DeploymentContract, List<String>> check) {
        return check.apply(new DeploymentContract(files));
    }

    private static DeploymentFiles withService(String name, Consumer<ObjectNode> change) {
        return files.withTree(
                DeploymentFiles.COMPOSE,
                compose -> change.accept((ObjectNode) compose.path("services").path(name)));
    }

    private static DeploymentFiles withEnvironment(String name, Consumer<ObjectNode> change) {
        return withService(name, service -> change.accept((ObjectNode) service.path("environment")));
    }
}

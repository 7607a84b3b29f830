package io.heatwire.enrich;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The floor plan of docs/architecture.md: config wires, the topology is a pure function of a
 * StreamsBuilder, the clustering engine is a state machine that knows no Kafka, and the packages
 * depend on each other in one direction only.
 */
@AnalyzeClasses(packages = "io.heatwire.enrich", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageRulesTest {

    /** The classes of the clustering package that run the engine inside Kafka Streams. */
    private static final String[] CLUSTERING_ADAPTERS = {
        "ClusteringProcessor",
        "UnclusteredProcessor",
        "KafkaStores",
        "BatchPartitioner",
        "ClusteringEvent",
        "ClusteringOutput"
    };

    @ArchTest
    static final ArchRule thePipelineShouldKnowNoSpring = noClasses()
            .that()
            .resideInAnyPackage(
                    "..enrich.topology..",
                    "..enrich.parsing..",
                    "..enrich.clustering..",
                    "..enrich.cluster..",
                    "..enrich.aggregate..",
                    "..enrich.serde..",
                    "..enrich.state..",
                    "..enrich.metrics..",
                    "..enrich.deadletter..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.springframework..")
            .because("the topology is built by a plain function that every test calls (STYLE 2)");

    @ArchTest
    static final ArchRule theTopologyShouldOnlyWire = noClasses()
            .that()
            .resideInAPackage("..enrich.topology..")
            .should()
            .implement("org.apache.kafka.streams.processor.api.Processor")
            .orShould()
            .implement("org.apache.kafka.common.serialization.Serde")
            .because("topology/ wires the steps; each step lives in the package of what it does");

    @ArchTest
    static final ArchRule onlyConfigurationShouldReadTheConfiguration = noClasses()
            .that()
            .resideOutsideOfPackages("..config..")
            .and()
            .doNotHaveSimpleName("EnrichApplication")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..enrich.config..");

    @ArchTest
    static final ArchRule theClusteringEngineShouldKnowNoKafka = noClasses()
            .that()
            .resideInAPackage("..enrich.clustering..")
            .and()
            .doNotHaveSimpleName(CLUSTERING_ADAPTERS[0])
            .and()
            .doNotHaveSimpleName(CLUSTERING_ADAPTERS[1])
            .and()
            .doNotHaveSimpleName(CLUSTERING_ADAPTERS[2])
            .and()
            .doNotHaveSimpleName(CLUSTERING_ADAPTERS[3])
            .and()
            .doNotHaveSimpleName(CLUSTERING_ADAPTERS[4])
            .and()
            .doNotHaveSimpleName(CLUSTERING_ADAPTERS[5])
            .and()
            .areNotNestedClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.apache.kafka..", "org.springframework..", "tools.jackson..", "io.heatwire.enrich.topology..")
            .because("ClusteringTask is a pure state machine, proven by simulation (package-info)");

    @ArchTest
    static final ArchRule theViewsShouldKnowNoSpring = noClasses()
            .that()
            .resideInAPackage("..enrich.view..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.springframework..")
            .because("the query views are part of the topology, built by a plain function (STYLE 2)");

    @ArchTest
    static final ArchRule ownerRoutingShouldKnowNoSpringAndNoHttp = noClasses()
            .that()
            .resideInAPackage("..enrich.query..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..", "jakarta.servlet..", "java.net.http..", "io.heatwire.enrich.api..")
            .because("owner routing is tested without a web server; the peers it asks are an interface");

    @ArchTest
    static final ArchRule onlyTheApiShouldServeHttp = noClasses()
            .that()
            .resideOutsideOfPackages("..enrich.api..", "..enrich.config..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework.web..", "org.springframework.http..", "jakarta.servlet..", "io.swagger..")
            .because("the web layer of the query API is one package");

    @ArchTest
    static final ArchRule thePipelineShouldNotKnowTheQueryApi = noClasses()
            .that()
            .resideInAnyPackage(
                    "..enrich.topology..", "..enrich.clustering..", "..enrich.cluster..", "..enrich.aggregate..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..enrich.view..", "..enrich.query..", "..enrich.api..")
            .because("the query API reads the pipeline's outputs; the pipeline does not wait on it");

    @ArchTest
    static final ArchRule packagesShouldHaveNoCycles =
            slices().matching("io.heatwire.enrich.(*)..").should().beFreeOfCycles();
}

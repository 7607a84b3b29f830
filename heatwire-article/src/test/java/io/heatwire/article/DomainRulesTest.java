package io.heatwire.article;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain module is plain Java: no Kafka, no Spring, and its packages form no cycle. */
@AnalyzeClasses(packages = "io.heatwire.article", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainRulesTest {

    @ArchTest
    static final ArchRule shouldKnowNoKafkaNorSpring = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.apache.kafka..", "org.springframework..")
            .because("the domain is shared by the services, loadgen and the benchmarks as plain Java");

    @ArchTest
    static final ArchRule shouldHaveNoPackageCycles =
            slices().matching("io.heatwire.article.(*)..").should().beFreeOfCycles();
}

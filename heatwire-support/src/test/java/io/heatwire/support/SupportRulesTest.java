package io.heatwire.support;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The support module serves plain-Java command lines as well as the services: only its health
 * package knows Spring, only its cli package knows picocli, and the contract knows nothing at all.
 */
@AnalyzeClasses(packages = "io.heatwire.support", importOptions = ImportOption.DoNotIncludeTests.class)
class SupportRulesTest {

    @ArchTest
    static final ArchRule shouldKeepSpringInTheHealthPackage = noClasses()
            .that()
            .resideOutsideOfPackage("io.heatwire.support.health..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..")
            .because("loadgen, local-kafka and the benchmarks run without Spring");

    @ArchTest
    static final ArchRule shouldKeepPicocliInTheCliPackage = noClasses()
            .that()
            .resideOutsideOfPackage("io.heatwire.support.cli..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("picocli..")
            .because("the services' Spring side has no command line");

    @ArchTest
    static final ArchRule shouldKeepTheContractFreeOfLibraries = noClasses()
            .that()
            .resideInAPackage("io.heatwire.support.contract..")
            .should()
            .dependOnClassesThat()
            .resideOutsideOfPackages("java..", "io.heatwire.support.contract..")
            .because("the contract is names only, readable by anything");

    @ArchTest
    static final ArchRule shouldHaveNoPackageCycles =
            slices().matching("io.heatwire.support.(*)..").should().beFreeOfCycles();
}

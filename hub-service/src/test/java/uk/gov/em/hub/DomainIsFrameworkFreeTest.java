package uk.gov.em.hub;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The hub's rules stay plain Java: no framework, broker, database or web types in a domain package. */
@AnalyzeClasses(packages = "uk.gov.em.hub", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainIsFrameworkFreeTest {

    @ArchTest
    static final ArchRule domainPackagesDependOnNoFramework = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.micronaut..", "org.apache.kafka..", "java.sql..", "javax.sql..", "jakarta..", "io.netty..")
            .because("the domain holds the hub's rules as plain Java (STYLE.md: domain first, framework at the edge)");

    @ArchTest
    static final ArchRule domainPackagesDependOnNoOuterLayer = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..web..", "..persistence..", "..ingest..")
            .because("outer layers depend on the domain, never the other way round");
}

package uk.gov.em.streams;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The policy rules are plain Java: no framework, broker or database reaches into a {@code domain} package. */
@AnalyzeClasses(packages = "uk.gov.em.streams", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainIsFrameworkFreeTest {

    @ArchTest
    static final ArchRule domainDependsOnNoFramework = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.micronaut..", "org.apache.kafka..", "java.sql..", "jakarta..", "io.netty..")
            .because("the breach policy must be testable and readable without Kafka or Micronaut");

}

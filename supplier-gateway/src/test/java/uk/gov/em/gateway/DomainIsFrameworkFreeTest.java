package uk.gov.em.gateway;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class DomainIsFrameworkFreeTest {

    private final JavaClasses gateway = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("uk.gov.em.gateway");

    /** ArchUnit fails a rule that matches no class, so this also fails if the domain packages vanish. */
    @Test
    void domainPackagesDependOnNoFrameworkKafkaOrJdbc() {
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.micronaut..", "org.apache.kafka..", "java.sql..", "jakarta..", "io.netty..")
                .check(gateway);
    }
}

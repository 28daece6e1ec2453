package uk.gov.em.hub;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The hub's layers: pages (people) and API controllers (machines) are two doors onto the same
 * application services (the query and command services: {@code CaseQueries}, {@code QueueQueries},
 * {@code CaseWork}, ...), which alone reach the repositories. So a page never calls a controller, and
 * neither door reaches past the services into persistence.
 */
@AnalyzeClasses(packages = "uk.gov.em.hub", importOptions = ImportOption.DoNotIncludeTests.class)
class LayersTest {

    @ArchTest
    static final ArchRule pagesCallApplicationServicesNeverControllers = noClasses()
            .that().resideInAPackage("uk.gov.em.hub.pages..")
            .should().dependOnClassesThat().resideInAnyPackage("..web..")
            .because("a page asks the application services the API asks; it never goes through a controller");

    @ArchTest
    static final ArchRule pagesNeverReachPersistence = noClasses()
            .that().resideInAPackage("uk.gov.em.hub.pages..")
            .should().dependOnClassesThat().resideInAnyPackage("..persistence..")
            .because("the application services are the only way to the data");

    @ArchTest
    static final ArchRule controllersNeverReachPersistence = noClasses()
            .that().resideInAPackage("..web..")
            .should().dependOnClassesThat().resideInAnyPackage("..persistence..")
            .because("a controller parses a request and asks an application service");

    @ArchTest
    static final ArchRule applicationServicesKnowNoDoor = noClasses()
            .that().resideInAPackage("..app..")
            .should().dependOnClassesThat().resideInAnyPackage("..web..", "uk.gov.em.hub.pages..")
            .because("the same service answers a page and the API, so it knows neither");
}

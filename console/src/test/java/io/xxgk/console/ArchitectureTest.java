package io.xxgk.console;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.xxgk.testing.arch.LayerRules;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * rest → service → repository, never back, and no cycle between the console's top-level packages; a page resource
 * never calls a REST client, an entity or Kafka itself (it may show the records they return, through a service).
 */
class ArchitectureTest {

    private static final String ROOT = "io.xxgk.console";

    @TestFactory
    Stream<DynamicTest> consoleKeepsTheLayerRules() {
        JavaClasses classes = LayerRules.classesOf(ROOT);
        return Stream.concat(LayerRules.of(ROOT).stream(), Stream.of(
                        noClasses().that().resideInAPackage(ROOT + ".rest..").should().dependOnClassesThat()
                                .areAnnotatedWith(RegisterRestClient.class)
                                .orShould().dependOnClassesThat().areAssignableTo(PanacheEntityBase.class)
                                .orShould().dependOnClassesThat().resideInAPackage(ROOT + ".kafka..")
                                .because("pages call services; only services call the other services, Kafka and the database")))
                .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(classes)));
    }
}

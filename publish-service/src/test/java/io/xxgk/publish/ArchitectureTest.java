package io.xxgk.publish;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.xxgk.publish.rest.SchoolResource;
import io.xxgk.publish.service.CatalogueService;
import io.xxgk.testing.arch.LayerRules;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** rest → service → repository, never back, and no cycle between publish-service's packages. */
class ArchitectureTest {

    private static final String ROOT = "io.xxgk.publish";

    @TestFactory
    Stream<DynamicTest> everyLayerRuleHolds() {
        JavaClasses classes = LayerRules.classesOf(ROOT);
        // the rules must see the production classes, or they would hold vacuously
        assertTrue(classes.contain(CatalogueService.class) && classes.contain(SchoolResource.class));
        return LayerRules.of(ROOT).stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(classes)));
    }

}

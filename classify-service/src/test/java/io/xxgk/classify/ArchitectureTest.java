package io.xxgk.classify;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import io.xxgk.testing.arch.LayerRules;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

/** rest → service → repository, never back, and no cycle between classify's top-level packages. */
class ArchitectureTest {

    private static final String ROOT = "io.xxgk.classify";

    @TestFactory
    Stream<DynamicTest> classifyKeepsTheLayerRules() {
        JavaClasses classes = LayerRules.classesOf(ROOT);
        return LayerRules.of(ROOT).stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(classes)));
    }
}

package io.xxgk.testing.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The arrows every service keeps: rest → service → repository, never back, and no cycle between a service's top-level
 * packages. Each service's {@code ArchitectureTest} checks its own root package with these rules.
 */
public final class LayerRules {

    private LayerRules() {
    }

    /** The production classes of one service, tests excluded. */
    public static JavaClasses classesOf(String rootPackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(rootPackage);
    }

    public static List<ArchRule> of(String rootPackage) {
        String rest = rootPackage + ".rest..";
        String service = rootPackage + ".service..";
        String repository = rootPackage + ".repository..";
        return List.of(
                noClasses().that().resideInAPackage(service).should().dependOnClassesThat().resideInAPackage(rest)
                        .because("a service never imports a REST class: rest → service → repository"),
                noClasses().that().resideInAPackage(repository).should().dependOnClassesThat()
                        .resideInAnyPackage(rest, service)
                        .because("the repository layer is the bottom of rest → service → repository"),
                noClasses().that().resideOutsideOfPackage(rest).should().dependOnClassesThat().resideInAPackage(rest)
                        .because("nothing but the REST layer itself depends on the REST layer"),
                slices().matching(rootPackage + ".(*)..").should().beFreeOfCycles()
                        .because("a service's packages depend on each other one way"));
    }
}

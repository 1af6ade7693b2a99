package dev.offramp.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The in-bundle simulators (dev.offramp.sandbox) ship in the same jar, but the production code never
 * reaches them: the prod profile loads neither their configuration classes nor their routes, and no
 * production class may depend on one of theirs, so they can be left out or replaced without touching
 * it. Tests may use them (that is what they are for); only the compiled main classes are checked.
 */
class SandboxKeptApartTest {

    static final ArchRule NO_PRODUCTION_CLASS_DEPENDS_ON_THE_SANDBOX = noClasses()
            .that().resideOutsideOfPackage("dev.offramp.sandbox..")
            .should().dependOnClassesThat().resideInAPackage("dev.offramp.sandbox..")
            .because("the simulators are test equipment the production bundle must run without");

    @Test
    void noProductionClassDependsOnTheSandbox() {
        JavaClasses main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.offramp");
        NO_PRODUCTION_CLASS_DEPENDS_ON_THE_SANDBOX.check(main);
    }
}

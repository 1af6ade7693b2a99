package dev.offramp.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of the bundle, checked on the compiled production classes (tests may use anything).
 *
 * <p>Plain JUnit tests over ArchUnit's rules rather than {@code @AnalyzeClasses}/{@code @ArchTest}
 * fields: surefire hands ArchUnit's own engine a class filter under {@code -Dtest=...}, and it then
 * ran no rule at all while reporting success.
 */
class ArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.offramp");
    }

    /**
     * The in-bundle simulators ship in the same jar, but production code never reaches them: the prod
     * profile loads neither their configuration classes nor their routes, and they can be left out or
     * replaced without touching anything else.
     */
    @Test
    void noProductionClassDependsOnTheSandbox() {
        noClasses().that().resideOutsideOfPackage("dev.offramp.sandbox..")
                .should().dependOnClassesThat().resideInAPackage("dev.offramp.sandbox..")
                .because("the simulators are test equipment the production bundle must run without")
                .check(production);
    }

    @Test
    void changellyDependsOnNothingOfUnigox() {
        noClasses().that().resideInAPackage("dev.offramp.changelly..")
                .should().dependOnClassesThat().resideInAPackage("dev.offramp.unigox..")
                .because("a deployment may use Changelly alone; what both upstreams need lives in a neutral package")
                .check(production);
    }

    @Test
    void unigoxDependsOnNothingOfChangelly() {
        noClasses().that().resideInAPackage("dev.offramp.unigox..")
                .should().dependOnClassesThat().resideInAPackage("dev.offramp.changelly..")
                .because("a deployment may use Unigox alone; what both upstreams need lives in a neutral package")
                .check(production);
    }
}

package dev.phoneverify.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import dev.phoneverify.core.badexample.GuiceInjectedCoreService;
import org.junit.jupiter.api.Test;

/**
 * The layering rules of design.md over every module's main classes, one named rule each, so a failure names the
 * rule. Rules keep ArchUnit's {@code failOnEmptyShould}: a rule that matches no class fails, so a mistyped package
 * cannot pass silently.
 */
@AnalyzeClasses(packages = "dev.phoneverify", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    /** Classes that declare {@code public static void main(String[])}. */
    private static final DescribedPredicate<JavaClass> COMMAND_LINE_ENTRY_POINTS =
            DescribedPredicate.describe("command-line entry points",
                    javaClass -> javaClass.tryGetMethod("main", String[].class).isPresent());

    private static final String CORE = "dev.phoneverify.core..";
    private static final String FAKE_ADAPTER = "dev.phoneverify.adapter.fake..";
    private static final String VONAGE_ADAPTER = "dev.phoneverify.adapter.vonage..";

    @ArchTest
    static final ArchRule core_depends_only_on_the_jdk_and_itself = classes()
            .that().resideInAPackage(CORE)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", CORE)
            .because("verify-core depends on the JDK only (design.md, Modules)");

    @ArchTest
    static final ArchRule core_uses_no_injection_or_logging_framework = noClasses()
            .that().resideInAPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "com.google.inject..", "jakarta.inject..", "javax.inject..",
                    "org.slf4j..", "org.apache.logging..", "org.apache.commons.logging..", "ch.qos.logback..",
                    "java.util.logging..")
            .because("core classes get no Guice annotations and log through System.Logger");

    @ArchTest
    static final ArchRule fake_adapter_does_not_depend_on_the_vonage_adapter = noClasses()
            .that().resideInAPackage(FAKE_ADAPTER)
            .should().dependOnClassesThat().resideInAPackage(VONAGE_ADAPTER)
            .because("an adapter never imports another adapter; only verify-app knows all of them");

    @ArchTest
    static final ArchRule vonage_adapter_does_not_depend_on_the_fake_adapter = noClasses()
            .that().resideInAPackage(VONAGE_ADAPTER)
            .should().dependOnClassesThat().resideInAPackage(FAKE_ADAPTER)
            .because("an adapter never imports another adapter; only verify-app knows all of them");

    @ArchTest
    static final ArchRule vonage_types_stay_in_the_vonage_adapter = noClasses()
            .that().resideOutsideOfPackage(VONAGE_ADAPTER)
            .should().dependOnClassesThat().resideInAPackage("com.vonage..")
            .because("the port speaks only core types; Vonage types never leave verify-adapter-vonage");

    @ArchTest
    static final ArchRule no_field_injection = GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;

    @ArchTest
    static final ArchRule no_standard_streams_outside_command_line_entry_points = noClasses()
            .that(DescribedPredicate.not(COMMAND_LINE_ENTRY_POINTS))
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .because("code logs through a logger; only a command-line entry point (a class with a main method)"
                    + " talks to its terminal");

    /** Shows the core rule is not vacuous: a core class that imports Guice breaks it. */
    @Test
    void coreRuleFailsForACoreClassThatImportsGuice() {
        JavaClasses bad = new ClassFileImporter().importClasses(GuiceInjectedCoreService.class);

        assertThatThrownBy(() -> core_depends_only_on_the_jdk_and_itself.check(bad))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Rule 'classes that reside in a package 'dev.phoneverify.core..' should only "
                        + "depend on classes that reside in any package ['java..', 'dev.phoneverify.core..']")
                .hasMessageContaining("com.google.inject.Inject");
        assertThatThrownBy(() -> core_uses_no_injection_or_logging_framework.check(bad))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("com.google.inject.Inject");
    }

    /** Shows a rule that matches nothing fails instead of passing silently. */
    @Test
    void aRuleOverAMistypedPackageFails() {
        JavaClasses bad = new ClassFileImporter().importClasses(GuiceInjectedCoreService.class);
        ArchRule mistyped = noClasses().that().resideInAPackage("dev.phoneverify.adaptor.fake..")
                .should().dependOnClassesThat().resideInAPackage(VONAGE_ADAPTER);

        assertThatThrownBy(() -> mistyped.check(bad))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("failed to check any classes");
    }
}

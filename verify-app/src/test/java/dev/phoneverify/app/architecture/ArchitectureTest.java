package dev.phoneverify.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import dev.phoneverify.archunit.PhoneVerifyRules;
import dev.phoneverify.core.badexample.GuiceInjectedCoreService;
import org.junit.jupiter.api.Test;

/**
 * The layering rules of design.md over every module's main classes, one named rule each, so a failure names the
 * rule. Every rule fails when it matches nothing: plain rules keep ArchUnit's {@code failOnEmptyShould}, and the
 * layered and onion architectures keep their layers required, so an empty layer (a mistyped package) fails.
 */
@AnalyzeClasses(packages = "dev.phoneverify", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    /** Classes that declare {@code public static void main(String[])}. */
    private static final DescribedPredicate<JavaClass> COMMAND_LINE_ENTRY_POINTS =
            DescribedPredicate.describe("command-line entry points",
                    javaClass -> javaClass.tryGetMethod("main", String[].class).isPresent());

    private static final String CORE = "dev.phoneverify.core..";
    private static final String DOMAIN = "dev.phoneverify.core.domain..";
    private static final String DRIVEN_PORTS = "dev.phoneverify.core.port..";
    private static final String DRIVING_PORTS = "dev.phoneverify.core.usecase..";
    private static final String USE_CASES = "dev.phoneverify.core.service..";
    private static final String MEMORY_STORES = "dev.phoneverify.core.store..";
    private static final String FAKE_ADAPTER = "dev.phoneverify.adapter.fake..";
    /** The fake's HTTP front (verify-emulator): part of the fake adapter, over the fake. */
    private static final String EMULATOR = "dev.phoneverify.emulator..";
    private static final String VONAGE_ADAPTER = "dev.phoneverify.adapter.vonage..";
    private static final String JDBC_STORE = "dev.phoneverify.store.jdbc..";
    private static final String VONAGE_MODEL = "dev.phoneverify.vonage.model..";
    /** verify-micrometer: a decorator of the ports and a listener of the use cases, an adapter to a registry. */
    private static final String MICROMETER = "dev.phoneverify.micrometer..";
    /** The JSON API's one definition (verify-json-api): a driving adapter that both apps' web layers serve. */
    private static final String JSON_API = "dev.phoneverify.api..";
    /** The app wires every module together, so it is outside the onion and may use any of it. */
    private static final String APP = "dev.phoneverify.app..";

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

    /**
     * Inside the core: domain, then ports (driven and driving), then use cases; the in-memory stores are adapters
     * that nothing else in the core imports. Every core class is in one of these layers.
     */
    @ArchTest
    static final ArchRule core_is_layered_domain_ports_use_cases_with_the_in_memory_stores_as_adapters =
            layeredArchitecture().consideringOnlyDependenciesInLayers()
                    .layer("Domain").definedBy(DOMAIN)
                    .layer("Ports").definedBy(DRIVEN_PORTS, DRIVING_PORTS)
                    .layer("UseCases").definedBy(USE_CASES)
                    .layer("Adapters").definedBy(MEMORY_STORES)
                    .whereLayer("Domain").mayNotAccessAnyLayer()
                    .whereLayer("Ports").mayOnlyAccessLayers("Domain")
                    .whereLayer("UseCases").mayOnlyAccessLayers("Domain", "Ports")
                    .whereLayer("Adapters").mayNotBeAccessedByAnyLayer()
                    .ensureAllClassesAreContainedInArchitectureIgnoring(
                            DescribedPredicate.not(JavaClass.Predicates.resideInAPackage(CORE)))
                    .because("design.md: inside the core, domain, then ports, then use cases; the in-memory stores"
                            + " are adapters the use cases do not import");

    /**
     * Across modules: the core in the middle, and one adapter per adapter package, none of which imports another;
     * only the apps know all of them.
     */
    @ArchTest
    static final ArchRule adapters_surround_the_core_and_never_import_each_other = onionArchitecture()
            .domainModels(DOMAIN)
            .domainServices(DRIVEN_PORTS, DRIVING_PORTS)
            .applicationServices(USE_CASES)
            .adapter("fake", FAKE_ADAPTER, EMULATOR)
            .adapter("vonage", VONAGE_ADAPTER)
            .adapter("jdbc", JDBC_STORE)
            .adapter("memory", MEMORY_STORES)
            .adapter("micrometer", MICROMETER)
            .adapter("json-api", JSON_API)
            .ignoreDependency(JavaClass.Predicates.resideInAPackage(APP), DescribedPredicate.alwaysTrue())
            // verify-archunit is on the class path for the rules above: a test tool that reads the core's types.
            .ignoreDependency(JavaClass.Predicates.resideInAPackage("dev.phoneverify.archunit.."),
                    DescribedPredicate.alwaysTrue())
            .because("design.md: an adapter never imports another adapter; only verify-app knows all of them");

    @ArchTest
    static final ArchRule vonage_model_depends_only_on_the_jdk_and_itself = classes()
            .that().resideInAPackage(VONAGE_MODEL)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", VONAGE_MODEL)
            .because("verify-vonage-model holds Vonage's rules with the JDK only (design.md, Modules)");

    @ArchTest
    static final ArchRule vonage_model_is_used_only_by_the_fake_and_vonage_adapters = noClasses()
            .that().resideOutsideOfPackages(VONAGE_MODEL, FAKE_ADAPTER, EMULATOR, VONAGE_ADAPTER)
            .should().dependOnClassesThat().resideInAPackage(VONAGE_MODEL)
            .because("Vonage's rules are the fake's (and its emulator's) and the Vonage adapter's business; the core"
                    + " knows no provider");

    /**
     * verify-archunit's rules for embedders' apps, where they coincide with design.md's: Vonage types never leave
     * verify-adapter-vonage (the artifact exempts only that adapter, so this covers every module); the Guice app,
     * an application like any other, calls the gateway only through the use cases and extends the core only at its
     * extension points.
     */
    @ArchTest
    static final ArchTests embedders_rules = ArchTests.in(PhoneVerifyRules.class);

    /** verify-archunit: in the Guice app only its wiring (the modules in its root package) knows the adapters. */
    @ArchTest
    static final ArchRule only_the_apps_wiring_imports_adapters = PhoneVerifyRules.adaptersImportedOnlyIn(
            "dev.phoneverify.app");

    @ArchTest
    static final ArchRule database_types_stay_in_the_jdbc_store = noClasses()
            .that().resideOutsideOfPackage(JDBC_STORE)
            .should().dependOnClassesThat().resideInAnyPackage("org.postgresql..", "com.zaxxer..", "org.flywaydb..")
            .because("the store ports speak only core types; the driver, the pool and the migrations never leave"
                    + " verify-store-jdbc");

    @ArchTest
    static final ArchRule no_field_injection = GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;

    @ArchTest
    static final ArchRule no_standard_streams_outside_command_line_entry_points = noClasses()
            .that(DescribedPredicate.not(COMMAND_LINE_ENTRY_POINTS))
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .because("code logs through a logger; only a command-line entry point (a class with a main method)"
                    + " talks to its terminal");

    /** Shows the core rules are not vacuous: a core class that imports Guice breaks them. */
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

    /** Shows the layered rule is not vacuous: a use case that imports an in-memory store breaks it. */
    @Test
    void layeredRuleFailsForAUseCaseThatImportsAnInMemoryStore() {
        JavaClasses coreWithBadUseCase = mainClassesAnd("dev/phoneverify/core/service/badexample");

        assertThatThrownBy(() -> core_is_layered_domain_ports_use_cases_with_the_in_memory_stores_as_adapters
                .check(coreWithBadUseCase))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Layered architecture considering only dependencies in layers")
                .hasMessageContaining("UseCaseOnInMemoryStores")
                .hasMessageContaining("dev.phoneverify.core.store.InMemoryStores");
    }

    /** Shows the onion rule is not vacuous: a fake that imports the Vonage adapter breaks it. */
    @Test
    void onionRuleFailsForAnAdapterThatImportsAnother() {
        JavaClasses adaptersWithBadFake = mainClassesAnd("dev/phoneverify/adapter/fake/badexample");

        assertThatThrownBy(() -> adapters_surround_the_core_and_never_import_each_other.check(adaptersWithBadFake))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Onion architecture")
                .hasMessageContaining("FakeThatCallsVonage")
                .hasMessageContaining("dev.phoneverify.adapter.vonage.VonageConfig");
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

    /** Shows an architecture whose adapter package is mistyped fails on the empty layer. */
    @Test
    void anOnionWithAMistypedAdapterPackageFails() {
        ArchRule mistyped = onionArchitecture()
                .domainModels(DOMAIN)
                .domainServices(DRIVEN_PORTS, DRIVING_PORTS)
                .applicationServices(USE_CASES)
                .adapter("fake", "dev.phoneverify.adaptor.fake..");

        assertThatThrownBy(() -> mistyped.check(mainClassesAnd("dev/phoneverify/none")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Layer 'fake adapter' is empty");
    }

    /** Every module's main classes, plus the deliberately bad test classes under {@code badExamplePath}. */
    private static JavaClasses mainClassesAnd(String badExamplePath) {
        ImportOption mainClasses = new ImportOption.DoNotIncludeTests();
        return new ClassFileImporter()
                .withImportOption(location -> mainClasses.includes(location) || location.contains(badExamplePath))
                .importPackages("dev.phoneverify");
    }
}

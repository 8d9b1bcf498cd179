package dev.phoneverify.archunit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Architecture rules for an application that embeds phone-verify, so the guarantees the library keeps for itself
 * hold in the application too. Run them from the application's tests:
 *
 * <pre>{@code
 * @AnalyzeClasses(packages = "com.acme", importOptions = ImportOption.DoNotIncludeTests.class)
 * class PhoneVerifyArchitectureTest {
 *     @ArchTest
 *     static final ArchTests phoneVerify = ArchTests.in(PhoneVerifyRules.class);
 *     @ArchTest
 *     static final ArchRule adapters = PhoneVerifyRules.adaptersImportedOnlyIn("com.acme.config..");
 * }
 * }</pre>
 *
 * The {@code static} rules suit an application that uses the library's own adapters; a team with an adapter of
 * its own passes its packages to the factory methods instead. Packages are ArchUnit patterns
 * ({@code com.acme.sms..}); the application's roles are found by the packages it names, since this module is on the
 * test class path only and no annotation of it can be on the application's classes. Every rule fails when it
 * matches no class, and so does every package named that holds none: a mistyped name is a failure.
 */
public final class PhoneVerifyRules {
    private static final String PROVIDER_SDK = "com.vonage..";
    private static final String ADAPTERS = "dev.phoneverify.adapter..";

    /**
     * No class of the application uses the provider's SDK; the library's Vonage adapter does. Violated by:
     *
     * <pre>{@code
     * class SmsController {
     *     private final VonageClient vonage;   // com.vonage.client.VonageClient
     * }
     * }</pre>
     */
    @ArchTest
    public static final ArchRule NO_PROVIDER_SDK_OUTSIDE_THE_LIBRARY = sdkRule();

    /**
     * Only the library's use cases call a {@code VerificationGateway} method. Violated by a controller that asks the
     * provider itself, around the use cases, their abuse controls and their flow state:
     *
     * <pre>{@code
     * class StatusController {
     *     RequestStatus status(RequestId id) { return gateway.status(id); }
     * }
     * }</pre>
     */
    @ArchTest
    public static final ArchRule ONLY_THE_USE_CASES_CALL_THE_GATEWAY = gatewayRule();

    /**
     * The core's types are extended or implemented only at its extension points: the driven ports
     * ({@code VerificationGateway}, {@code FlowStore}, {@code RateLimitStore}, {@code ConversionStatsStore}), the
     * listeners, the driving ports (for decorators) and the results' {@code Visitor}s. Violated by:
     *
     * <pre>{@code
     * class DatabaseDown extends StoreUnavailableException { ... }
     * }</pre>
     */
    @ArchTest
    public static final ArchRule CORE_TYPES_EXTENDED_ONLY_AT_EXTENSION_POINTS = classes()
            .that(Roles.outsideTheLibraryAnd())
            .should(CoreTypes.extendOnlyExtensionPoints())
            .because("the core's other types are closed on purpose (its values are immutable and its result "
                    + "families sealed); a subtype elsewhere breaks on the next release")
            .allowEmptyShould(false);

    private PhoneVerifyRules() {
    }

    /**
     * The provider's SDK is used only in {@code adapterPackages} (and the library's own Vonage adapter). Violated by a
     * class elsewhere that names a {@code com.vonage} type, such as a controller holding a {@code VonageClient}.
     */
    public static ArchRule providerSdkOnlyIn(String... adapterPackages) {
        return Roles.requiringClassesIn(sdkRule(adapterPackages), "adapter", adapterPackages);
    }

    /**
     * Only the library's use cases, and classes in {@code adapterPackages} (a team's own gateway, its decorators, its
     * wiring), call a {@code VerificationGateway} method. Violated by a controller in any other package calling
     * {@code gateway.check(requestId, code)}.
     */
    public static ArchRule onlyTheUseCasesCallTheGatewayAnd(String... adapterPackages) {
        return Roles.requiringClassesIn(gatewayRule(adapterPackages), "adapter", adapterPackages);
    }

    /**
     * Only classes in {@code adapterAndWiringPackages} import the library's adapters ({@code dev.phoneverify.adapter..}).
     * Violated by a controller that reaches into the fake or the Vonage adapter, for example to read the codes the
     * fake sent, instead of going through the use cases:
     *
     * <pre>{@code
     * package com.acme.web;
     * class DevController { FakeVerificationGateway fake; }
     * }</pre>
     */
    public static ArchRule adaptersImportedOnlyIn(String... adapterAndWiringPackages) {
        ArchRule rule = noClasses()
                .that(Roles.outsideTheLibraryAnd(adapterAndWiringPackages))
                .should().dependOnClassesThat().resideInAPackage(ADAPTERS)
                .because("only the wiring chooses an adapter; everything else depends on the ports, so the "
                        + "provider, the fake or the store can change in one place")
                .allowEmptyShould(false);
        return Roles.requiringClassesIn(rule, "adapter or wiring", adapterAndWiringPackages);
    }

    private static ArchRule sdkRule(String... adapterPackages) {
        // Only the library's Vonage adapter is exempt, not the whole library: the rule then holds for this
        // repository's own modules as well, which check themselves with it.
        return noClasses()
                .that().resideOutsideOfPackages(Roles.withVonageAdapter(adapterPackages))
                .should().dependOnClassesThat().resideInAPackage(PROVIDER_SDK)
                .because("the provider's SDK stays behind the VerificationGateway port, so changing or upgrading "
                        + "the provider touches one package")
                .allowEmptyShould(false);
    }

    private static ArchRule gatewayRule(String... adapterPackages) {
        return noClasses()
                .that(Roles.outsideTheLibraryAnd(adapterPackages))
                .should().accessTargetWhere(JavaAccess.Predicates.target(CoreTypes.gatewayMethod()))
                .because("the use cases apply the abuse controls, keep the flow's state and emit its events; a "
                        + "call around them sends codes no limit counts and answers no flow remembers")
                .allowEmptyShould(false);
    }
}

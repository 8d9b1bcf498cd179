package dev.phoneverify.archunit;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The rules as a team with its own provider adapter runs them (README's second example). */
@AnalyzeClasses(packages = "sample.good.own")
class OwnAdapterArchitectureTest {
    @ArchTest
    static final ArchRule providerSdk = PhoneVerifyRules.providerSdkOnlyIn("sample.good.own.sms..",
            "sample.good.own.wiring..");

    @ArchTest
    static final ArchRule gatewayCalls = PhoneVerifyRules.onlyTheUseCasesCallTheGatewayAnd("sample.good.own.sms..");

    @ArchTest
    static final ArchRule adapters = PhoneVerifyRules.adaptersImportedOnlyIn("sample.good.own.wiring..");

    @ArchTest
    static final ArchRule coreTypes = PhoneVerifyRules.CORE_TYPES_EXTENDED_ONLY_AT_EXTENSION_POINTS;
}

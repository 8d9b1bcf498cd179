package dev.phoneverify.archunit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule against the sample applications: kept by the good ones, reported where the bad one breaks it. */
class PhoneVerifyRulesTest {
    static final JavaClasses PLAIN = new ClassFileImporter().importPackages("sample.good.plain");
    static final JavaClasses OWN_ADAPTER = new ClassFileImporter().importPackages("sample.good.own");
    static final JavaClasses BAD = new ClassFileImporter().importPackages("sample.bad");

    static List<String> violations(ArchRule rule, JavaClasses classes) {
        return rule.evaluate(classes).getFailureReport().getDetails();
    }

    @Test
    void anApplicationOnTheLibrarysAdaptersKeepsTheStrictRules() {
        assertThat(violations(PhoneVerifyRules.NO_PROVIDER_SDK_OUTSIDE_THE_LIBRARY, PLAIN)).isEmpty();
        assertThat(violations(PhoneVerifyRules.ONLY_THE_USE_CASES_CALL_THE_GATEWAY, PLAIN)).isEmpty();
        assertThat(violations(PhoneVerifyRules.CORE_TYPES_EXTENDED_ONLY_AT_EXTENSION_POINTS, PLAIN)).isEmpty();
        assertThat(violations(PhoneVerifyRules.adaptersImportedOnlyIn("sample.good.plain.wiring.."), PLAIN)).isEmpty();
    }

    @Test
    void anApplicationWithItsOwnAdapterKeepsTheRulesBuiltWithItsPackages() {
        assertThat(violations(PhoneVerifyRules.providerSdkOnlyIn("sample.good.own.sms..", "sample.good.own.wiring.."),
                OWN_ADAPTER)).isEmpty();
        assertThat(violations(PhoneVerifyRules.onlyTheUseCasesCallTheGatewayAnd("sample.good.own.sms.."),
                OWN_ADAPTER)).isEmpty();
        assertThat(violations(PhoneVerifyRules.adaptersImportedOnlyIn("sample.good.own.wiring.."), OWN_ADAPTER))
                .isEmpty();
        assertThat(violations(PhoneVerifyRules.CORE_TYPES_EXTENDED_ONLY_AT_EXTENSION_POINTS, OWN_ADAPTER)).isEmpty();
    }

    @Test
    void theStrictRulesReportAnAdapterTheTeamDidNotName() {
        assertThat(violations(PhoneVerifyRules.NO_PROVIDER_SDK_OUTSIDE_THE_LIBRARY, OWN_ADAPTER))
                .anySatisfy(line -> assertThat(line).contains("sample.good.own.sms.AcmeVonageGateway"));
        assertThat(violations(PhoneVerifyRules.ONLY_THE_USE_CASES_CALL_THE_GATEWAY, OWN_ADAPTER))
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).contains("sample.good.own.sms.LoggingGateway"));
    }

    @Test
    void aControllerUsingTheProviderSdkIsReported() {
        List<String> reported = violations(PhoneVerifyRules.providerSdkOnlyIn("sample.bad.wiring.."), BAD);

        assertThat(reported).isNotEmpty()
                .allSatisfy(line -> assertThat(line).contains("sample.bad.web.SmsController"))
                .anySatisfy(line -> assertThat(line).contains("com.vonage.client.VonageClient"));
        assertThat(violations(PhoneVerifyRules.NO_PROVIDER_SDK_OUTSIDE_THE_LIBRARY, BAD)).isEqualTo(reported);
    }

    @Test
    void aControllerCallingTheGatewayAroundTheUseCasesIsReportedForCallsAndReferences() {
        List<String> reported = violations(PhoneVerifyRules.onlyTheUseCasesCallTheGatewayAnd("sample.bad.wiring.."),
                BAD);

        assertThat(reported)
                .allSatisfy(line -> assertThat(line).containsAnyOf("sample.bad.web.StatusController",
                        "sample.bad.web.CancelButton"))
                .anySatisfy(line -> assertThat(line).contains("calls method").contains("VerificationGateway.status"))
                .anySatisfy(line -> assertThat(line).contains("references method")
                        .contains("VerificationGateway.cancel"));
        assertThat(violations(PhoneVerifyRules.ONLY_THE_USE_CASES_CALL_THE_GATEWAY, BAD)).isEqualTo(reported);
    }

    @Test
    void aControllerImportingAnAdapterIsReported() {
        List<String> reported = violations(PhoneVerifyRules.adaptersImportedOnlyIn("sample.bad.wiring.."), BAD);

        assertThat(reported).isNotEmpty()
                .allSatisfy(line -> assertThat(line).contains("sample.bad.web.DevToolsController"))
                .anySatisfy(line -> assertThat(line).contains("dev.phoneverify.adapter.standin.StandInGateway"));
    }

    @Test
    void aClassExtendingACoreTypeIsReported() {
        assertThat(violations(PhoneVerifyRules.CORE_TYPES_EXTENDED_ONLY_AT_EXTENSION_POINTS, BAD)).containsExactly(
                "sample.bad.store.DatabaseDown extends dev.phoneverify.core.port.StoreUnavailableException, "
                        + "which is not an extension point of the core in (DatabaseDown.java:0)");
    }

    @Test
    void aFailureSaysWhy() {
        assertThatThrownBy(() -> PhoneVerifyRules.CORE_TYPES_EXTENDED_ONLY_AT_EXTENSION_POINTS.check(BAD))
                .hasMessageContaining("because the core's other types are closed on purpose");
    }

    @Test
    void theLibrarysOwnApplicationsAreNotExemptAndOnlyTheVonageAdapterMayUseTheSdk() {
        JavaClasses inRepository = new ClassFileImporter().importPackages("dev.phoneverify.app.sample",
                "dev.phoneverify.adapter.standin");

        assertThat(violations(PhoneVerifyRules.ONLY_THE_USE_CASES_CALL_THE_GATEWAY, inRepository))
                .singleElement().satisfies(line -> assertThat(line)
                        .contains("dev.phoneverify.app.sample.InRepositoryStatusPage").contains("status"));
        assertThat(violations(PhoneVerifyRules.NO_PROVIDER_SDK_OUTSIDE_THE_LIBRARY, inRepository))
                .as("a library adapter that is not the Vonage one is checked, and uses no SDK").isEmpty();
    }

    @Test
    void aRuleThatMatchesNoClassFails() {
        JavaClasses nothing = new ClassFileImporter().importPackages("sample.nowhere");

        assertThatThrownBy(() -> PhoneVerifyRules.NO_PROVIDER_SDK_OUTSIDE_THE_LIBRARY.check(nothing))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("failed to check any classes");
    }

    @Test
    void aMistypedRolePackageFails() {
        ArchRule mistyped = PhoneVerifyRules.onlyTheUseCasesCallTheGatewayAnd("sample.good.own.smss..");

        assertThatThrownBy(() -> mistyped.check(OWN_ADAPTER))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("the adapter package 'sample.good.own.smss..' holds classes");
    }
}

package dev.phoneverify.archunit;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The rules as an application on the library's adapters runs them (README's first example), through ArchUnit's
 * JUnit engine. A real application adds {@code importOptions = ImportOption.DoNotIncludeTests.class}; the sample
 * lives in test classes, so it cannot here.
 */
@AnalyzeClasses(packages = "sample.good.plain")
class PlainApplicationArchitectureTest {
    @ArchTest
    static final ArchTests phoneVerify = ArchTests.in(PhoneVerifyRules.class);

    @ArchTest
    static final ArchRule adapters = PhoneVerifyRules.adaptersImportedOnlyIn("sample.good.plain.wiring..");
}

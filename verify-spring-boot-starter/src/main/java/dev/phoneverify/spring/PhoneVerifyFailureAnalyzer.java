package dev.phoneverify.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refused {@code phoneverify.*} setting into Boot's "APPLICATION FAILED TO START" report. */
final class PhoneVerifyFailureAnalyzer extends AbstractFailureAnalyzer<PhoneVerifyConfigException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PhoneVerifyConfigException cause) {
        return new FailureAnalysis("phone-verify cannot start: " + cause.getMessage(),
                "Change the phoneverify.* property named above (see the starter's properties table in README.md).",
                cause);
    }
}

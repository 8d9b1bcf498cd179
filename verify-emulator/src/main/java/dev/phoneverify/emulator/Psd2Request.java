package dev.phoneverify.emulator;

import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.PhoneNumber;
import java.math.BigDecimal;
import java.util.Map;

/**
 * {@code /verify/psd2/json} (facts §1.3 PSD2): a v1 start for a payment, with {@code payee} and {@code amount}
 * instead of {@code brand}; the same workflows, timings and rules as {@code /verify/json}, and the returned id is
 * checked and controlled by the same endpoints. The message the user gets names the payee and the amount.
 */
final class Psd2Request {
    /** Amounts beyond this are not payments a test sends; refusing them keeps the text short. */
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000");

    private final VerifyApi api;
    private final Psd2Payments payments;

    Psd2Request(FakeVerificationGateway fake, Psd2Payments payments) {
        this.api = new VerifyApi(fake, "");
        this.payments = payments;
    }

    Map<String, Object> request(Parameters params) {
        PhoneNumber number = VerifyApi.parse("number", params, PhoneNumber::parse);
        // The payee takes the brand's place in the message; both are at most 18 characters (facts §1.2-1.3).
        Brand payee = VerifyApi.parse("payee", params, Brand::new);
        BigDecimal amount = VerifyApi.parse("amount", params, Psd2Request::amount);
        return api.start(params, number, payee, requestId -> payments.record(requestId, payee.value(), amount));
    }

    /** A positive amount in euros, e.g. {@code 48.00} or {@code 48.0} (the Java SDK's {@code Double.toString}). */
    private static BigDecimal amount(String text) {
        BigDecimal amount = new BigDecimal(text.strip());
        if (amount.signum() <= 0 || amount.compareTo(MAX_AMOUNT) > 0 || amount.scale() > 6) {
            throw new IllegalArgumentException("amount out of range");
        }
        return amount;
    }
}

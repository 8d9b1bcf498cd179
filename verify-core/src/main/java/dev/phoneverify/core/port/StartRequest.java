package dev.phoneverify.core.port;

import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.PhoneNumber;
import java.util.Objects;

/**
 * What a gateway needs to send a first code.
 *
 * @param codeLength digits in the code the provider generates: 4 or 6
 */
public record StartRequest(PhoneNumber number, Brand brand, int codeLength) {
    public StartRequest {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(brand, "brand");
        if (codeLength != 4 && codeLength != 6) {
            throw new IllegalArgumentException("codeLength must be 4 or 6, was " + codeLength);
        }
    }
}

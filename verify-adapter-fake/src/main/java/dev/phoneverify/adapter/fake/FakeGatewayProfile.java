package dev.phoneverify.adapter.fake;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Which profile the {@link FakeVerificationExtension} builds a fake of, on a test method or its class (the method's
 * wins); without it the fake follows Verify v1.
 *
 * <pre>{@code
 * @Test
 * @FakeGatewayProfile(FakeProfile.V2)
 * void stepsMoveOn(FakeVerificationGateway gateway, FakeClock clock) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface FakeGatewayProfile {
    FakeProfile value();
}

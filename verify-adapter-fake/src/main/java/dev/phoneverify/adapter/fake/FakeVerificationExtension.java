package dev.phoneverify.adapter.fake;

import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that hands each test a fresh {@link FakeVerificationGateway} and the {@link FakeClock} it reads,
 * as parameters. Both come from the same fake, so moving the clock moves the fake's time. The fake follows Verify
 * v1 unless the test method or class says otherwise with {@link FakeGatewayProfile}.
 *
 * <pre>{@code
 * @ExtendWith(FakeVerificationExtension.class)
 * class SignUpTest {
 *     @Test
 *     void userConfirmsTheirNumber(FakeVerificationGateway gateway, FakeClock clock) { ... }
 * }
 * }</pre>
 *
 * <p>A fake resolved for a test method lives as long as that test; one resolved for a constructor or a lifecycle
 * method lives as long as the context JUnit resolves it in.
 */
public final class FakeVerificationExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(FakeVerificationExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == FakeVerificationGateway.class || type == FakeClock.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        FakeVerificationGateway gateway = extensionContext.getStore(NAMESPACE).getOrComputeIfAbsent(
                FakeVerificationGateway.class, key -> FakeVerificationGateway.builder(profileFor(extensionContext))
                        .build(), FakeVerificationGateway.class);
        return parameterContext.getParameter().getType() == FakeClock.class ? gateway.clock() : gateway;
    }

    private static FakeProfile profileFor(ExtensionContext context) {
        return declared(context.getTestMethod())
                .or(() -> declared(context.getTestClass()))
                .orElse(FakeProfile.V1);
    }

    private static Optional<FakeProfile> declared(Optional<? extends AnnotatedElement> element) {
        return element.map(found -> found.getAnnotation(FakeGatewayProfile.class)).map(FakeGatewayProfile::value);
    }
}

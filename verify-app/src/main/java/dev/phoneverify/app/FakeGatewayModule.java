package dev.phoneverify.app;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.OptionalBinder;
import dev.phoneverify.adapter.fake.FakeClock;
import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import dev.phoneverify.app.web.DevConsole;
import dev.phoneverify.core.port.VerificationGateway;
import java.time.Clock;
import java.util.Objects;

/**
 * Runs the app on the fake gateway: no account, no network. Its {@link FakeClock} is the app's clock, so moving it
 * moves every expiry, and it binds a {@link DevConsole}, which is what makes the outbox page and dev endpoints exist.
 *
 * <p>The fake plays the provider, so several app instances that share one (as they would share Vonage) see each
 * other's requests and one outbox.
 */
final class FakeGatewayModule extends AbstractModule {
    private final FakeVerificationGateway fake;

    /** A fresh fake whose clock ticks with the wall clock, so a person trying the app sees real expiry. */
    FakeGatewayModule() {
        this(FakeVerificationGateway.builder().clock(FakeClock.followingSystemTime()).build());
    }

    /** Runs on {@code fake}, which other app instances may share. */
    FakeGatewayModule(FakeVerificationGateway fake) {
        this.fake = Objects.requireNonNull(fake, "fake");
    }

    @Override
    protected void configure() {
        bind(FakeVerificationGateway.class).toInstance(fake);
        bind(FakeClock.class).toInstance(fake.clock());
        bind(Clock.class).to(FakeClock.class);
        bind(VerificationGateway.class).to(FakeVerificationGateway.class);
        bind(GatewayReachability.class).toInstance(GatewayReachability.IN_PROCESS);
        OptionalBinder.newOptionalBinder(binder(), DevConsole.class).setBinding().to(FakeDevConsole.class);
    }
}

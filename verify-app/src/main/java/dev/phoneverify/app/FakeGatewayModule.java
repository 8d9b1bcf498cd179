package dev.phoneverify.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import dev.phoneverify.adapter.fake.FakeClock;
import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import dev.phoneverify.app.web.DevConsole;
import dev.phoneverify.core.port.VerificationGateway;
import java.time.Clock;

/**
 * Runs the app on the fake gateway: no account, no network. Its {@link FakeClock} is the app's clock, so moving it
 * moves every expiry, and it binds a {@link DevConsole}, which is what makes the outbox page and dev endpoints exist.
 */
final class FakeGatewayModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(Clock.class).to(FakeClock.class);
        bind(VerificationGateway.class).to(FakeVerificationGateway.class);
        OptionalBinder.newOptionalBinder(binder(), DevConsole.class).setBinding().to(FakeDevConsole.class);
    }

    /** Ticks with the wall clock, so a person trying the app sees real expiry, and can still jump ahead. */
    @Provides
    @Singleton
    FakeClock fakeClock() {
        return FakeClock.followingSystemTime();
    }

    @Provides
    @Singleton
    FakeVerificationGateway fakeGateway(FakeClock clock) {
        return FakeVerificationGateway.builder().clock(clock).build();
    }
}

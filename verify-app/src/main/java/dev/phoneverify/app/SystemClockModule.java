package dev.phoneverify.app;

import com.google.inject.AbstractModule;
import java.time.Clock;

/** The wall clock in UTC, for gateways that bring no clock of their own. */
final class SystemClockModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(Clock.class).toInstance(Clock.systemUTC());
    }
}

package dev.phoneverify.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import dev.phoneverify.app.web.DevConsole;
import dev.phoneverify.app.web.ReadinessChecks;
import dev.phoneverify.app.web.TrustedProxies;
import dev.phoneverify.app.web.WebServer;
import dev.phoneverify.app.web.WebhookRoute;
import dev.phoneverify.app.web.WebSettings;

/**
 * The HTTP layer. It declares the {@link DevConsole} and {@link WebhookRoute} slots empty; a gateway module that has
 * tester tools, or a provider that calls back, fills them.
 */
final class WebModule extends AbstractModule {

    @Override
    protected void configure() {
        OptionalBinder.newOptionalBinder(binder(), DevConsole.class);
        OptionalBinder.newOptionalBinder(binder(), WebhookRoute.class);
        bind(WebServer.class).in(Singleton.class);
    }

    @Provides
    ReadinessChecks readinessChecks(StoreMaintenance store, GatewayReachability gateway) {
        return new ReadinessChecks(store::isAvailable, gateway::isReachable);
    }

    @Provides
    WebSettings webSettings(AppConfig config) {
        return new WebSettings(config.port(), config.gateway().configName(), config.bindAddress(),
                TrustedProxies.parse(config.http().trustedProxies()));
    }
}

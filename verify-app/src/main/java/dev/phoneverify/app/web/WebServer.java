package dev.phoneverify.app.web;

import dev.phoneverify.api.BadRequestException;
import dev.phoneverify.api.Problem;
import dev.phoneverify.api.Problems;
import dev.phoneverify.api.VerificationApi;
import dev.phoneverify.core.domain.InvalidInputException;
import dev.phoneverify.core.port.GatewayException;
import dev.phoneverify.core.port.StoreUnavailableException;
import dev.phoneverify.core.service.Verifications;
import dev.phoneverify.core.usecase.CancelVerification;
import dev.phoneverify.core.usecase.CheckCode;
import dev.phoneverify.core.usecase.FindVerification;
import dev.phoneverify.core.usecase.MoveToNextStep;
import dev.phoneverify.core.usecase.StartVerification;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.servlet.FilterHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adapter: the HTTP server (Javalin) for the form flow, the JSON API, {@code /health}, {@code /metrics} and, on a
 * simulated gateway, the dev tools. No request gets a stack trace; input errors are 4xx problems and only a bug
 * answers 500.
 */
public final class WebServer {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self';"
            + " frame-ancestors 'none'; base-uri 'none'";

    private final WebSettings settings;
    private final JsonWriter writer;
    private final BrowserSessions sessions;
    private final RequestReader reader;
    private final Pages pages;
    private final ApiRoutes api;
    private final FormRoutes forms;
    private final Optional<DevRoutes> dev;
    private final Optional<WebhookRoute> webhook;
    private final Verifications verifications;
    private final ReadinessRoutes readiness;
    private final MetricsScrape metrics;
    private final InFlightRequests inFlight = new InFlightRequests();
    private Javalin javalin;

    /**
     * Routes call the driving port of each command; {@code verifications} is read only for what is not a command:
     * the conversion alarms on {@code /health}, and the gateway's cancel constraints that refusals are worded by.
     */
    @Inject
    WebServer(WebSettings settings, StartVerification starts, CheckCode checks, CancelVerification cancels,
              MoveToNextStep nextSteps, FindVerification finds, Verifications verifications,
              Optional<DevConsole> devConsole, Clock clock, ReadinessChecks readinessChecks, MetricsScrape metrics,
              Optional<WebhookRoute> webhook) {
        UseCases useCases = new UseCases(starts, checks, cancels, nextSteps, finds);
        VerificationApi verificationApi = VerificationApi.of(verifications);
        this.settings = settings;
        this.verifications = verifications;
        this.writer = new JsonWriter();
        this.sessions = new BrowserSessions(clock);
        this.reader = new RequestReader();
        this.pages = new Pages(devConsole.isPresent(), verifications.defaultWorkflow());
        this.webhook = webhook;
        this.api = new ApiRoutes(useCases, verificationApi, reader, writer);
        this.forms = new FormRoutes(useCases, verificationApi.refusals(), reader, sessions, pages);
        this.readiness = new ReadinessRoutes(readinessChecks, writer);
        this.metrics = metrics;
        this.dev = devConsole.map(console -> new DevRoutes(console, finds, reader, writer, sessions, pages));
    }

    /** Starts listening on the configured port; returns the port actually bound. */
    public synchronized int start() {
        javalin = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.http.prefer405over404 = true;
            config.http.maxRequestSize = RequestReader.MAX_BODY_BYTES;
            config.jetty.modifyServletContextHandler(handler -> handler.addFilter(new FilterHolder(inFlight), "/*",
                    EnumSet.of(DispatcherType.REQUEST)));
        });
        javalin.before(this::beforeEveryRequest);
        api.register(javalin);
        forms.register(javalin);
        dev.ifPresent(routes -> routes.register(javalin));
        webhook.ifPresent(route -> route.register(javalin));
        javalin.get("/health", this::health);
        readiness.register(javalin);
        javalin.get("/metrics", ctx -> ctx.contentType(metrics.contentType()).result(metrics.text().get()));
        registerErrorHandling(javalin);
        javalin.start(settings.host(), settings.port());
        return javalin.port();
    }

    /** Up, on which gateway, and the conversion alarms raised now (a sign of SMS pumping, not of being down). */
    private void health(Context ctx) {
        List<Map<String, Object>> alarms = verifications.raisedConversionAlarms().stream()
                .map(alarm -> Map.<String, Object>of("callingCode", alarm.callingCode().toString(),
                        "started", alarm.counts().started(), "verified", alarm.counts().verified()))
                .toList();
        writer.write(ctx, 200, Map.of("status", "UP", "gateway", settings.gatewayName(), "conversionAlarms", alarms));
    }

    public synchronized void stop() {
        if (javalin != null) {
            javalin.stop();
            javalin = null;
        }
    }

    /**
     * Stops taking requests (new connections are refused, a request on an open one is answered 503), lets those in
     * flight finish for at most {@code grace}, then stops. Returns how many were still running when it stopped.
     */
    public int stopGracefully(Duration grace) throws InterruptedException {
        Javalin running;
        synchronized (this) {
            running = javalin;
        }
        if (running == null) {
            return 0;
        }
        inFlight.startDraining();
        for (Connector connector : running.jettyServer().server().getConnectors()) {
            if (connector instanceof NetworkConnector network) {
                network.close();
            }
        }
        boolean idle = inFlight.awaitIdle(grace);
        int unfinished = idle ? 0 : inFlight.count();
        stop();
        return unfinished;
    }

    /** How many requests are being handled now. */
    public int requestsInFlight() {
        return inFlight.count();
    }

    private void beforeEveryRequest(Context ctx) {
        // Pages and answers hold ids and codes: no cache keeps them, and no referrer carries the id elsewhere.
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Content-Security-Policy", CSP);
        RequestReader.refuseDeclaredOversizedBody(ctx);
        ClientKeys.resolve(ctx, settings.trustedProxies());
        if (ctx.method() == HandlerType.POST && !ctx.path().startsWith("/api/") && !isWebhook(ctx)) {
            sessions.requireValidToken(ctx, reader.form(ctx).get(BrowserSessions.TOKEN_FIELD));
        }
    }

    /** The provider's callbacks carry a signature instead of a form token. */
    private boolean isWebhook(Context ctx) {
        return webhook.filter(route -> route.path().equals(ctx.path())).isPresent();
    }

    private void registerErrorHandling(Javalin app) {
        app.exception(BrowserSessions.CsrfRejectedException.class,
                (e, ctx) -> ctx.status(403).html(pages.forbidden()));
        app.exception(HttpResponseException.class, (e, ctx) -> writer.problem(ctx, Problems.forStatus(e.getStatus())));
        // Refusals are values the routes answer themselves; only these failures are exceptions.
        app.exception(BadRequestException.class, (e, ctx) -> writer.problem(ctx, e.problem()));
        app.exception(InvalidInputException.class, (e, ctx) -> writer.problem(ctx, Problems.invalidInput(e)));
        app.exception(GatewayException.class, (e, ctx) -> failed(ctx, Problems.gatewayFailure(e), e));
        app.exception(StoreUnavailableException.class, (e, ctx) -> failed(ctx, Problems.storeUnavailable(), e));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            writer.problem(ctx, Problems.internalError());
        });
        for (int status : new int[] {400, 404, 405, 413}) {
            app.error(status, ctx -> {
                if (!JsonWriter.problemWritten(ctx) && !isHtml(ctx)) {
                    writer.problem(ctx, Problems.forStatus(status));
                }
            });
        }
    }

    /** A provider or store failure: the caller's problem, and one line for whoever runs the app when it is ours. */
    private void failed(Context ctx, Problem problem, RuntimeException e) {
        if (problem.status() >= 500) {
            LOG.warn("{} on {} {}: {}", problem.slug(), ctx.method(), ctx.path(), e.getMessage());
        }
        writer.problem(ctx, problem);
    }

    private static boolean isHtml(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith("text/html");
    }
}

package dev.phoneverify.app.web;

import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.domain.InvalidInputException;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.port.GatewayException;
import dev.phoneverify.core.service.CheckResult;
import dev.phoneverify.core.service.FlowFinishedException;
import dev.phoneverify.core.service.FlowNotFoundException;
import dev.phoneverify.core.service.VerificationException;
import dev.phoneverify.core.service.VerificationService;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import java.util.function.Function;

/**
 * The web form flow: number, then code (with "call me instead" and "cancel"), then a result page. Refusals are
 * shown on the page with the status the API would give; redirects after each successful post keep reloads harmless.
 */
final class FormRoutes {
    private static final String CALLING_NOTICE = "calling";

    private final VerificationService service;
    private final RequestReader reader;
    private final BrowserSessions sessions;
    private final Pages pages;

    FormRoutes(VerificationService service, RequestReader reader, BrowserSessions sessions, Pages pages) {
        this.service = service;
        this.reader = reader;
        this.sessions = sessions;
        this.pages = pages;
    }

    void register(Javalin app) {
        app.get("/", ctx -> ctx.html(pages.start(sessions.tokenFor(ctx), Optional.empty(), "")));
        app.post("/verify", this::start);
        app.get("/verify/{id}", this::show);
        app.post("/verify/{id}/check", this::check);
        app.post("/verify/{id}/next", ctx -> command(ctx, service::next, "?notice=" + CALLING_NOTICE));
        app.post("/verify/{id}/cancel", ctx -> command(ctx, service::cancel, ""));
    }

    private void start(Context ctx) {
        String number = reader.form(ctx).getOrDefault("number", "");
        try {
            VerificationFlow flow = service.start(PhoneNumber.parse(number), ClientKeys.of(ctx));
            ctx.redirect("/verify/" + flow.id(), HttpStatus.SEE_OTHER);
        } catch (InvalidInputException | VerificationException | GatewayException e) {
            Problem problem = problem(e);
            ctx.html(pages.start(sessions.tokenFor(ctx), Optional.of(problem.detail()), number));
            status(ctx, problem);
        }
    }

    private void show(Context ctx) {
        Optional<VerificationFlow> flow = flowId(ctx).flatMap(service::find);
        if (flow.isEmpty()) {
            ctx.status(404).html(pages.notFound());
        } else if (flow.get().isTerminal()) {
            ctx.html(pages.result(flow.get()));
        } else {
            Optional<String> notice = CALLING_NOTICE.equals(ctx.queryParam("notice"))
                    ? Optional.of("We are calling you now with a new code.") : Optional.empty();
            ctx.html(pages.code(flow.get(), sessions.tokenFor(ctx), notice));
        }
    }

    private void check(Context ctx) {
        String code = reader.form(ctx).getOrDefault("code", "");
        Optional<FlowId> id = flowId(ctx);
        if (id.isEmpty()) {
            ctx.status(404).html(pages.notFound());
            return;
        }
        try {
            CheckResult result = service.check(id.get(), VerificationCode.parse(code));
            if (result.outcome() == CheckResult.Outcome.WRONG_CODE) {
                ctx.html(pages.code(result.flow(), sessions.tokenFor(ctx),
                        Optional.of(Pages.wrongCode(result.flow().attemptsRemaining()))));
            } else {
                ctx.redirect("/verify/" + id.get(), HttpStatus.SEE_OTHER);
            }
        } catch (InvalidInputException | VerificationException | GatewayException e) {
            refused(ctx, id.get(), e);
        }
    }

    private void command(Context ctx, Function<FlowId, VerificationFlow> command, String query) {
        Optional<FlowId> id = flowId(ctx);
        if (id.isEmpty()) {
            ctx.status(404).html(pages.notFound());
            return;
        }
        try {
            command.apply(id.get());
            ctx.redirect("/verify/" + id.get() + query, HttpStatus.SEE_OTHER);
        } catch (VerificationException | GatewayException e) {
            refused(ctx, id.get(), e);
        }
    }

    /** Shows why a command on a flow was refused: the result page if it ended, else the code page with a message. */
    private void refused(Context ctx, FlowId id, RuntimeException e) {
        if (e instanceof FlowFinishedException) {
            ctx.redirect("/verify/" + id, HttpStatus.SEE_OTHER);
            return;
        }
        Optional<VerificationFlow> flow = e instanceof FlowNotFoundException ? Optional.empty() : service.find(id);
        if (flow.isEmpty()) {
            ctx.status(404).html(pages.notFound());
            return;
        }
        if (flow.get().isTerminal()) {
            ctx.redirect("/verify/" + id, HttpStatus.SEE_OTHER);
            return;
        }
        Problem problem = problem(e);
        ctx.html(pages.code(flow.get(), sessions.tokenFor(ctx), Optional.of(problem.detail())));
        status(ctx, problem);
    }

    private static Problem problem(RuntimeException e) {
        return Problems.of(e).orElseThrow(() -> e);
    }

    private static void status(Context ctx, Problem problem) {
        ctx.status(problem.status());
        problem.retryAfter().ifPresent(wait -> ctx.header("Retry-After", Long.toString(Problems.seconds(wait))));
    }

    private static Optional<FlowId> flowId(Context ctx) {
        try {
            return Optional.of(ApiRoutes.id(ctx));
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }
}

package dev.phoneverify.app.web;

import dev.phoneverify.api.Problem;
import dev.phoneverify.api.Problems;
import dev.phoneverify.api.RefusalProblems;
import dev.phoneverify.core.domain.EmailAddress;
import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.domain.InvalidInputException;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.port.GatewayException;
import dev.phoneverify.core.port.StoreUnavailableException;
import dev.phoneverify.core.usecase.CancelResult;
import dev.phoneverify.core.usecase.CheckCommand;
import dev.phoneverify.core.usecase.CheckResult;
import dev.phoneverify.core.usecase.NextStepResult;
import dev.phoneverify.core.usecase.Refusal;
import dev.phoneverify.core.usecase.StartCommand;
import dev.phoneverify.core.usecase.StartResult;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;

/**
 * The web form flow: number, then code (with "call me instead" and "cancel"), then a result page. Refusals are
 * shown on the page with the status the API would give and the same words; redirects after each successful post
 * keep reloads harmless.
 */
final class FormRoutes {
    private final UseCases useCases;
    private final RefusalProblems refusals;
    private final RequestReader reader;
    private final BrowserSessions sessions;
    private final Pages pages;

    FormRoutes(UseCases useCases, RefusalProblems refusals, RequestReader reader, BrowserSessions sessions,
               Pages pages) {
        this.useCases = useCases;
        this.refusals = refusals;
        this.reader = reader;
        this.sessions = sessions;
        this.pages = pages;
    }

    void register(Javalin app) {
        app.get("/", ctx -> ctx.html(pages.start(sessions.tokenFor(ctx), Optional.empty(), "")));
        app.post("/verify", this::start);
        app.get("/verify/{id}", this::show);
        app.post("/verify/{id}/check", this::check);
        app.post("/verify/{id}/next", ctx -> onFlow(ctx, this::next));
        app.post("/verify/{id}/cancel", ctx -> onFlow(ctx, this::cancel));
    }

    private void start(Context ctx) {
        String number = reader.form(ctx).getOrDefault("number", "");
        String email = reader.form(ctx).getOrDefault("email", "");
        try {
            StartCommand command = StartCommand.to(PhoneNumber.parse(number)).withClient(ClientKeys.of(ctx));
            if (pages.asksForEmail()) {
                command = command.withEmail(EmailAddress.parse(email));
            }
            useCases.starts().start(command).accept(new StartResult.Visitor<Reply>() {
                @Override
                public Reply started(StartResult.Started started) {
                    return redirectTo(started.flow().id(), "");
                }

                @Override
                public Reply refused(StartResult.Refused refused) {
                    return startPage(number, email, refused.refusal().accept(refusals));
                }
            }).to(ctx);
        } catch (InvalidInputException e) {
            startPage(number, email, Problems.invalidInput(e)).to(ctx);
        } catch (GatewayException e) {
            startPage(number, email, Problems.gatewayFailure(e)).to(ctx);
        } catch (StoreUnavailableException e) {
            startPage(number, email, Problems.storeUnavailable()).to(ctx);
        }
    }

    private void show(Context ctx) {
        Optional<VerificationFlow> flow = flowId(ctx).flatMap(useCases.finds()::find);
        if (flow.isEmpty()) {
            ctx.status(404).html(pages.notFound());
        } else if (flow.get().isTerminal()) {
            ctx.html(pages.result(flow.get()));
        } else {
            Optional<String> notice = Pages.Notice.named(ctx.queryParam("notice"))
                    .map(named -> named.text(flow.get().channel()));
            ctx.html(pages.code(flow.get(), sessions.tokenFor(ctx), notice));
        }
    }

    private void check(Context ctx) {
        String code = reader.form(ctx).getOrDefault("code", "");
        onFlow(ctx, id -> useCases.checks().check(new CheckCommand(id, VerificationCode.parse(code)))
                .accept(new CheckResult.Visitor<Reply>() {
                    @Override
                    public Reply verified(CheckResult.Verified verified) {
                        return redirectTo(id, "");
                    }

                    @Override
                    public Reply wrongCode(CheckResult.WrongCode wrong) {
                        return page -> page.html(pages.code(wrong.flow(), sessions.tokenFor(page),
                                Optional.of(Pages.wrongCode(wrong.attemptsRemaining()))));
                    }

                    @Override
                    public Reply failed(CheckResult.Failed failed) {
                        return redirectTo(id, "");
                    }

                    @Override
                    public Reply expired(CheckResult.Expired expired) {
                        return redirectTo(id, "");
                    }

                    @Override
                    public Reply refused(CheckResult.Refused refused) {
                        return refusedOn(id, refused.refusal());
                    }
                }));
    }

    private Reply next(FlowId id) {
        return useCases.nextSteps().next(id).accept(new NextStepResult.Visitor<>() {
            @Override
            public Reply advanced(NextStepResult.Advanced advanced) {
                return redirectTo(id, "?notice=" + Pages.Notice.after(advanced.flow().channel()).queryValue());
            }

            @Override
            public Reply refused(NextStepResult.Refused refused) {
                return refusedOn(id, refused.refusal());
            }
        });
    }

    private Reply cancel(FlowId id) {
        return useCases.cancels().cancel(id).accept(new CancelResult.Visitor<>() {
            @Override
            public Reply cancelled(CancelResult.Cancelled cancelled) {
                return redirectTo(id, "");
            }

            @Override
            public Reply refused(CancelResult.Refused refused) {
                return refusedOn(id, refused.refusal());
            }
        });
    }

    /** What one command on the flow in the path answers. */
    private interface FlowCommand {
        Reply on(FlowId id);
    }

    /**
     * Runs {@code command} on the flow named in the path: a malformed id is the not-found page, a malformed code or
     * an unreachable provider is shown on the code page. A store outage is left to the server's handler, since
     * there is no flow to show.
     */
    private void onFlow(Context ctx, FlowCommand command) {
        Optional<FlowId> id = flowId(ctx);
        if (id.isEmpty()) {
            ctx.status(404).html(pages.notFound());
            return;
        }
        Reply reply;
        try {
            reply = command.on(id.get());
        } catch (InvalidInputException e) {
            reply = refusedOn(id.get(), Problems.invalidInput(e));
        } catch (GatewayException e) {
            reply = refusedOn(id.get(), Problems.gatewayFailure(e));
        }
        reply.to(ctx);
    }

    private Reply refusedOn(FlowId id, Refusal refusal) {
        return refusedOn(id, refusal.accept(refusals));
    }

    /**
     * Shows why a command on a flow was refused, as the flow now stands: the not-found page if it is gone, the
     * result page if it ended, else the code page with the problem's words and status.
     */
    private Reply refusedOn(FlowId id, Problem problem) {
        return ctx -> {
            Optional<VerificationFlow> flow = useCases.finds().find(id);
            if (flow.isEmpty()) {
                ctx.status(404).html(pages.notFound());
            } else if (flow.get().isTerminal()) {
                redirectTo(id, "").to(ctx);
            } else {
                ctx.html(pages.code(flow.get(), sessions.tokenFor(ctx), Optional.of(problem.detail())));
                status(ctx, problem);
            }
        };
    }

    private Reply startPage(String number, String email, Problem problem) {
        return ctx -> {
            ctx.html(pages.start(sessions.tokenFor(ctx), Optional.of(problem.detail()), number, email));
            status(ctx, problem);
        };
    }

    private static Reply redirectTo(FlowId id, String query) {
        return ctx -> ctx.redirect("/verify/" + id + query, HttpStatus.SEE_OTHER);
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

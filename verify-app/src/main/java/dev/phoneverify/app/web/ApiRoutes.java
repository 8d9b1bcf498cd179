package dev.phoneverify.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.phoneverify.core.domain.EndReason;
import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.domain.IdempotencyKey;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.usecase.CancelResult;
import dev.phoneverify.core.usecase.CheckCommand;
import dev.phoneverify.core.usecase.CheckResult;
import dev.phoneverify.core.usecase.NextStepResult;
import dev.phoneverify.core.usecase.Refusal;
import dev.phoneverify.core.usecase.StartCommand;
import dev.phoneverify.core.usecase.StartResult;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON API: one resource per verification, commands as sub-resources. Each command's result is mapped by a
 * visitor to the resource or, for a refusal, to its problem; only the failures that stay exceptions reach the
 * server's exception handlers.
 */
final class ApiRoutes {
    static final String BASE = "/api/verifications";

    private final UseCases useCases;
    private final RefusalProblems refusals;
    private final RequestReader reader;
    private final JsonWriter writer;

    private final StartResult.Visitor<Reply> startReplies = new StartResult.Visitor<>() {
        @Override
        public Reply started(StartResult.Started started) {
            return ctx -> {
                ctx.header("Location", BASE + "/" + started.flow().id());
                writer.write(ctx, 201, view(started.flow()));
            };
        }

        @Override
        public Reply refused(StartResult.Refused refused) {
            return refusal(refused.refusal());
        }
    };

    /** The check answer's {@code outcome}, kept from the first API: one name per way a check can go. */
    private final CheckResult.Visitor<Reply> checkReplies = new CheckResult.Visitor<>() {
        @Override
        public Reply verified(CheckResult.Verified verified) {
            return checked(verified.flow(), "CORRECT");
        }

        @Override
        public Reply wrongCode(CheckResult.WrongCode wrong) {
            return checked(wrong.flow(), "WRONG_CODE");
        }

        @Override
        public Reply failed(CheckResult.Failed failed) {
            return checked(failed.flow(), "TOO_MANY_ATTEMPTS");
        }

        @Override
        public Reply expired(CheckResult.Expired expired) {
            return checked(expired.flow(), "EXPIRED");
        }

        @Override
        public Reply refused(CheckResult.Refused refused) {
            return refusal(refused.refusal());
        }
    };

    private final CancelResult.Visitor<Reply> cancelReplies = new CancelResult.Visitor<>() {
        @Override
        public Reply cancelled(CancelResult.Cancelled cancelled) {
            return resource(cancelled.flow());
        }

        @Override
        public Reply refused(CancelResult.Refused refused) {
            return refusal(refused.refusal());
        }
    };

    private final NextStepResult.Visitor<Reply> nextStepReplies = new NextStepResult.Visitor<>() {
        @Override
        public Reply advanced(NextStepResult.Advanced advanced) {
            return resource(advanced.flow());
        }

        @Override
        public Reply refused(NextStepResult.Refused refused) {
            return refusal(refused.refusal());
        }
    };

    ApiRoutes(UseCases useCases, RefusalProblems refusals, RequestReader reader, JsonWriter writer) {
        this.useCases = useCases;
        this.refusals = refusals;
        this.reader = reader;
        this.writer = writer;
    }

    void register(Javalin app) {
        app.post(BASE, this::start);
        app.get(BASE + "/{id}", this::show);
        app.post(BASE + "/{id}/check", this::check);
        app.post(BASE + "/{id}/cancel", ctx -> useCases.cancels().cancel(id(ctx)).accept(cancelReplies).to(ctx));
        app.post(BASE + "/{id}/next", ctx -> useCases.nextSteps().next(id(ctx)).accept(nextStepReplies).to(ctx));
    }

    private void start(Context ctx) {
        Optional<IdempotencyKey> key = IdempotencyKeys.of(ctx);
        JsonNode body = reader.jsonObject(ctx);
        PhoneNumber number = PhoneNumber.parse(RequestReader.requiredText(body, "number"));
        StartCommand command = StartCommand.to(number).withClient(ClientKeys.of(ctx));
        command = key.map(command::withIdempotencyKey).orElse(command);
        useCases.starts().start(command).accept(startReplies).to(ctx);
    }

    private void show(Context ctx) {
        FlowId id = id(ctx);
        useCases.finds().find(id).map(this::resource).orElseGet(() -> refusal(new Refusal.FlowNotFound(id))).to(ctx);
    }

    private void check(Context ctx) {
        FlowId id = id(ctx);
        JsonNode body = reader.jsonObject(ctx);
        VerificationCode code = VerificationCode.parse(RequestReader.requiredText(body, "code"));
        useCases.checks().check(new CheckCommand(id, code)).accept(checkReplies).to(ctx);
    }

    private Reply resource(VerificationFlow flow) {
        return ctx -> writer.write(ctx, 200, view(flow));
    }

    private Reply checked(VerificationFlow flow, String outcome) {
        Map<String, Object> answer = view(flow);
        answer.put("outcome", outcome);
        return ctx -> writer.write(ctx, 200, answer);
    }

    private Reply refusal(Refusal refusal) {
        Problem problem = refusal.accept(refusals);
        return ctx -> writer.problem(ctx, problem);
    }

    /** A malformed id is refused by {@link FlowId}'s constructor and answered as not found. */
    static FlowId id(Context ctx) {
        return new FlowId(ctx.pathParam("id"));
    }

    /**
     * The resource's shape; the number is left out, since the caller already has it. {@code endReason} is there
     * once the flow has ended, so a pending flow's shape is the first API's.
     */
    static Map<String, Object> view(VerificationFlow flow) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", flow.id().value());
        view.put("state", flow.state().name());
        view.put("channel", flow.channel().name());
        view.put("attemptsRemaining", flow.attemptsRemaining());
        view.put("expiresAt", flow.expiresAt().toString());
        flow.endReason().map(EndReason::name).ifPresent(reason -> view.put("endReason", reason));
        return view;
    }
}

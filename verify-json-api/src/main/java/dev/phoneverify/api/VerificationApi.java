package dev.phoneverify.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.phoneverify.core.domain.ClientKey;
import dev.phoneverify.core.domain.EmailAddress;
import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.service.Verifications;
import dev.phoneverify.core.usecase.CancelResult;
import dev.phoneverify.core.usecase.CheckCommand;
import dev.phoneverify.core.usecase.CheckResult;
import dev.phoneverify.core.usecase.NextStepResult;
import dev.phoneverify.core.usecase.Refusal;
import dev.phoneverify.core.usecase.StartCommand;
import dev.phoneverify.core.usecase.StartResult;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The JSON API with no server: one resource per verification under {@link #BASE}, commands as sub-resources
 * ({@code check}, {@code cancel}, {@code next}). A server reads the path and body, calls the use case with the
 * command built here, and writes the {@link ApiAnswer} this class makes of the result: the resource, or for a
 * refusal its problem. Only the failures that stay exceptions ({@link Problems}) are the server's to map.
 */
public final class VerificationApi {
    /** Where the verifications are. */
    public static final String BASE = "/api/verifications";

    private final RefusalProblems refusals;
    private final VerificationResource resource;

    private final StartResult.Visitor<ApiAnswer> startAnswers = new StartResult.Visitor<>() {
        @Override
        public ApiAnswer started(StartResult.Started started) {
            return ApiAnswer.json(201, resource.of(started.flow()))
                    .withHeader("Location", BASE + "/" + started.flow().id());
        }

        @Override
        public ApiAnswer refused(StartResult.Refused refused) {
            return refusal(refused.refusal());
        }
    };

    /** The check answer's {@code outcome}, kept from the first API: one name per way a check can go. */
    private final CheckResult.Visitor<ApiAnswer> checkAnswers = new CheckResult.Visitor<>() {
        @Override
        public ApiAnswer verified(CheckResult.Verified verified) {
            return checked(verified.flow(), "CORRECT");
        }

        @Override
        public ApiAnswer wrongCode(CheckResult.WrongCode wrong) {
            return checked(wrong.flow(), "WRONG_CODE");
        }

        @Override
        public ApiAnswer failed(CheckResult.Failed failed) {
            return checked(failed.flow(), "TOO_MANY_ATTEMPTS");
        }

        @Override
        public ApiAnswer expired(CheckResult.Expired expired) {
            return checked(expired.flow(), "EXPIRED");
        }

        @Override
        public ApiAnswer refused(CheckResult.Refused refused) {
            return refusal(refused.refusal());
        }
    };

    private final CancelResult.Visitor<ApiAnswer> cancelAnswers = new CancelResult.Visitor<>() {
        @Override
        public ApiAnswer cancelled(CancelResult.Cancelled cancelled) {
            return resource(cancelled.flow());
        }

        @Override
        public ApiAnswer refused(CancelResult.Refused refused) {
            return refusal(refused.refusal());
        }
    };

    private final NextStepResult.Visitor<ApiAnswer> nextStepAnswers = new NextStepResult.Visitor<>() {
        @Override
        public ApiAnswer advanced(NextStepResult.Advanced advanced) {
            return resource(advanced.flow());
        }

        @Override
        public ApiAnswer refused(NextStepResult.Refused refused) {
            return refusal(refused.refusal());
        }
    };

    /**
     * @param refusals the words and problem of each refusal
     * @param resource the resource's shape
     */
    public VerificationApi(RefusalProblems refusals, VerificationResource resource) {
        this.refusals = Objects.requireNonNull(refusals, "refusals");
        this.resource = Objects.requireNonNull(resource, "resource");
    }

    /** The API of {@code verifications}: refusals worded by its gateway's cancel rules, steps from its workflow. */
    public static VerificationApi of(Verifications verifications) {
        return new VerificationApi(new RefusalProblems(verifications.capabilities().cancel()),
                new VerificationResource(verifications.defaultWorkflow()));
    }

    /** The problem of each refusal, for a server that words refusals elsewhere too (a form, say). */
    public RefusalProblems refusals() {
        return refusals;
    }

    /** A path's {@code {id}}; a malformed one is refused by {@link FlowId} and answered as not found. */
    public static FlowId flowId(String pathSegment) {
        return new FlowId(pathSegment);
    }

    /** The start command of a {@code POST} {@link #BASE} body ({@code {"number": "+44..."}}), from {@code client}. */
    public StartCommand startCommand(JsonNode body, ClientKey client) {
        PhoneNumber number = PhoneNumber.parse(JsonBodies.requiredText(body, "number"));
        StartCommand command = StartCommand.to(number).withClient(client);
        // The address of a workflow's email step (v2's sms,email, say); a start without one is refused there.
        JsonNode email = body.get("email");
        return email == null || email.isNull() ? command
                : command.withEmail(EmailAddress.parse(JsonBodies.requiredText(body, "email")));
    }

    /** The check command of a {@code POST .../{id}/check} body ({@code {"code": "1234"}}). */
    public CheckCommand checkCommand(FlowId id, JsonNode body) {
        VerificationCode code = VerificationCode.parse(JsonBodies.requiredText(body, "code"));
        return new CheckCommand(id, code);
    }

    public ApiAnswer started(StartResult result) {
        return result.accept(startAnswers);
    }

    public ApiAnswer checked(CheckResult result) {
        return result.accept(checkAnswers);
    }

    public ApiAnswer cancelled(CancelResult result) {
        return result.accept(cancelAnswers);
    }

    public ApiAnswer advanced(NextStepResult result) {
        return result.accept(nextStepAnswers);
    }

    /** {@code GET .../{id}}: the resource, or not found. */
    public ApiAnswer found(FlowId id, Optional<VerificationFlow> flow) {
        return flow.map(this::resource).orElseGet(() -> refusal(new Refusal.FlowNotFound(id)));
    }

    /** A refusal's problem as an answer. */
    public ApiAnswer refusal(Refusal refusal) {
        return ApiAnswer.problem(refusal.accept(refusals));
    }

    private ApiAnswer resource(VerificationFlow flow) {
        return ApiAnswer.json(200, resource.of(flow));
    }

    private ApiAnswer checked(VerificationFlow flow, String outcome) {
        Map<String, Object> answer = resource.of(flow);
        answer.put("outcome", outcome);
        return ApiAnswer.json(200, answer);
    }
}

package dev.phoneverify.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.phoneverify.adapter.fake.V2Start;
import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.ClientReference;
import dev.phoneverify.core.domain.CodeAlphabet;
import dev.phoneverify.core.domain.EmailAddress;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.emulator.Problem.InvalidParameter;
import dev.phoneverify.vonage.model.V2Rules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads and checks the body of {@code POST /v2/verify} (facts §2.3-2.4): every broken rule becomes one entry of
 * the 422's {@code invalid_parameters}, named as the body spells it ({@code workflow[0].to}).
 */
final class V2StartBody {
    private static final Pattern SENDER = Pattern.compile("[A-Za-z0-9]{1,11}|[1-9][0-9]{0,14}");

    /** A start the fake can run, and what callbacks repeat of it. */
    record Parsed(V2Start start, List<Channel> channels, Duration channelTimeout, Optional<String> clientRef) {
    }

    private final List<InvalidParameter> invalid = new ArrayList<>();

    private V2StartBody() {
    }

    /** The start, or the 422 naming each bad field. */
    static Parsed parse(byte[] body) throws ProblemAnswer {
        Optional<JsonNode> json = JsonBodies.parse(body);
        if (json.isEmpty() || !json.get().isObject()) {
            throw new ProblemAnswer(Problem.invalidParameter("body", "The body must be a JSON object."));
        }
        V2StartBody reader = new V2StartBody();
        Optional<Parsed> parsed = reader.read(json.get());
        if (parsed.isEmpty()) {
            throw new ProblemAnswer(Problem.invalidParameters(reader.invalid));
        }
        return parsed.get();
    }

    private Optional<Parsed> read(JsonNode json) {
        Optional<Brand> brand = text(json, "brand", true).flatMap(value -> {
            if (!V2Rules.BRAND.matcher(value).matches() || value.isBlank()) {
                return reject("brand", "Brand is 1 to 18 characters without / { } : $.");
            }
            return Optional.of(new Brand(value));
        });
        int codeLength = integer(json, "code_length", V2Rules.MIN_CODE_LENGTH, V2Rules.MAX_CODE_LENGTH)
                .orElse(V2Rules.DEFAULT_CODE_LENGTH);
        Duration timeout = integer(json, "channel_timeout", (int) V2Rules.MIN_CHANNEL_TIMEOUT.toSeconds(),
                (int) V2Rules.MAX_CHANNEL_TIMEOUT.toSeconds()).map(Duration::ofSeconds)
                .orElse(V2Rules.DEFAULT_CHANNEL_TIMEOUT);
        Optional<String> clientRef = text(json, "client_ref", false).flatMap(value ->
                V2Rules.CLIENT_REF.matcher(value).matches() ? Optional.of(value)
                        : reject("client_ref", "client_ref is 1 to 40 letters or digits."));
        Optional<VerificationCode> code = text(json, "code", false).flatMap(this::customCode);
        text(json, "locale", false).filter(value -> !value.matches("[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8}){0,2}"))
                .ifPresent(value -> reject("locale", "locale is a language tag such as en-us."));
        if (json.has("fraud_check") && !json.get("fraud_check").isBoolean()) {
            reject("fraud_check", "fraud_check is true or false.");
        }
        List<V2Start.Step> steps = steps(json.get("workflow"), timeout);
        if (!invalid.isEmpty() || brand.isEmpty()) {
            return Optional.empty();
        }
        int length = code.map(VerificationCode::length).orElse(codeLength);
        V2Start start = new V2Start(brand.get(), steps, length, code, clientRef.map(ClientReference::new),
                text(json, "locale", false).map(Locale::forLanguageTag));
        return Optional.of(new Parsed(start, steps.stream().map(V2Start.Step::channel).toList(), timeout,
                clientRef));
    }

    /** Letters keep their case: the check must give the code as it was set (facts §2.3 are silent on case). */
    private Optional<VerificationCode> customCode(String value) {
        if (!V2Rules.CUSTOM_CODE.matcher(value).matches()) {
            return reject("code", "A custom code is 4 to 10 letters or digits.");
        }
        return Optional.of(VerificationCode.parse(value, CodeAlphabet.LETTERS_AND_DIGITS));
    }

    /** Each step goes to its own {@code to}: numbers may differ, and a workflow may be email only (facts §2.4). */
    private List<V2Start.Step> steps(JsonNode workflow, Duration timeout) {
        List<V2Start.Step> steps = new ArrayList<>();
        if (workflow == null || !workflow.isArray() || workflow.isEmpty() || workflow.size() > V2Rules.MAX_STEPS) {
            reject("workflow", "workflow is a list of 1 to " + V2Rules.MAX_STEPS + " channels.");
            return steps;
        }
        for (int i = 0; i < workflow.size(); i++) {
            step(workflow.get(i), "workflow[" + i + "]", timeout).ifPresent(steps::add);
        }
        return steps;
    }

    private Optional<V2Start.Step> step(JsonNode step, String name, Duration timeout) {
        if (!step.isObject()) {
            return reject(name, "Each workflow step is an object with channel and to.");
        }
        Optional<Channel> channel = text(step, "channel", true, name + ".channel").flatMap(value -> switch (value) {
            case "sms", "voice", "whatsapp", "email" -> Optional.of(Channel.parse(value));
            default -> reject(name + ".channel", "channel is sms, voice, whatsapp or email in this emulator.");
        });
        Optional<String> to = text(step, "to", true, name + ".to");
        Optional<String> from = text(step, "from", false, name + ".from");
        if (channel.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        int before = invalid.size();
        if (channel.get() == Channel.EMAIL) {
            email(to.get(), from, name);
        } else {
            phone(to.get(), name + ".to");
            if (channel.get() == Channel.WHATSAPP && from.isEmpty()) {
                reject(name + ".from", "A whatsapp step needs 'from', a WhatsApp Business number.");
            }
            from.filter(value -> channel.get() == Channel.WHATSAPP
                    ? value.length() > V2Rules.MAX_WHATSAPP_FROM_LENGTH
                    : channel.get() == Channel.SMS && !SENDER.matcher(value).matches()).ifPresent(value ->
                    reject(name + ".from", "'from' is up to 11 letters or digits, or a number of up to 15."));
        }
        return invalid.size() > before ? Optional.empty()
                : Optional.of(new V2Start.Step(channel.get(), to.get(), from, Optional.of(timeout)));
    }

    private void email(String to, Optional<String> from, String name) {
        try {
            EmailAddress.parse(to);
        } catch (IllegalArgumentException e) {
            reject(name + ".to", "'to' is not an email address.");
        }
        from.filter(value -> !value.contains("@")).ifPresent(value ->
                reject(name + ".from", "'from' of an email step is an email address."));
    }

    private void phone(String to, String name) {
        if (!V2Rules.PHONE_NUMBER.matcher(to).matches()) {
            reject(name, "'to' phone number is invalid: E.164 digits without + or 00.");
        }
    }

    private Optional<String> text(JsonNode object, String field, boolean required) {
        return text(object, field, required, field);
    }

    private Optional<String> text(JsonNode object, String field, boolean required, String name) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return required ? reject(name, name + " is required.") : Optional.empty();
        }
        if (!value.isTextual() || value.textValue().isEmpty()) {
            return reject(name, name + " must be a non-empty string.");
        }
        return Optional.of(value.textValue());
    }

    private Optional<Integer> integer(JsonNode object, String field, int min, int max) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min
                || value.intValue() > max) {
            return reject(field, field + " is a whole number from " + min + " to " + max + ".");
        }
        return Optional.of(value.intValue());
    }

    private <T> Optional<T> reject(String name, String reason) {
        invalid.add(new InvalidParameter(name, reason));
        return Optional.empty();
    }
}

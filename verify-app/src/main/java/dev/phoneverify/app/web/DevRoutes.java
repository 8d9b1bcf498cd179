package dev.phoneverify.app.web;

import dev.phoneverify.api.BadRequestException;
import dev.phoneverify.api.DevResources;
import dev.phoneverify.api.Problems;
import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.domain.InvalidInputException;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.usecase.FindVerification;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tester's pages and endpoints of a simulated gateway: the outbox, where a person reads the code, and the clock.
 * Registered only when a {@link DevConsole} is bound, so they do not exist on a real gateway.
 */
final class DevRoutes {
    private static final long MAX_ADVANCE_SECONDS = DevResources.MAX_ADVANCE_SECONDS;

    private final DevConsole console;
    private final FindVerification finds;
    private final RequestReader reader;
    private final JsonWriter writer;
    private final BrowserSessions sessions;
    private final Pages pages;

    DevRoutes(DevConsole console, FindVerification finds, RequestReader reader, JsonWriter writer,
              BrowserSessions sessions, Pages pages) {
        this.console = console;
        this.finds = finds;
        this.reader = reader;
        this.writer = writer;
        this.sessions = sessions;
        this.pages = pages;
    }

    void register(Javalin app) {
        app.get(DevResources.OUTBOX, this::outboxJson);
        app.post(DevResources.CLOCK, this::advanceJson);
        app.get("/dev/outbox", this::outboxPage);
        app.post("/dev/clock", this::advanceForm);
    }

    private void outboxJson(Context ctx) {
        Optional<PhoneNumber> number = Optional.ofNullable(ctx.queryParam("number"))
                .filter(text -> !text.isBlank()).map(PhoneNumber::parse);
        List<Map<String, Object>> messages = new ArrayList<>();
        for (DevConsole.OutboxMessage message : console.outbox(number)) {
            messages.add(DevResources.outboxMessage(message.number(), message.channel(), message.code(),
                    message.text(), message.sentAt()));
        }
        writer.write(ctx, 200, messages);
    }

    private void advanceJson(Context ctx) {
        Instant now = console.advanceClock(DevResources.advance(reader.jsonObject(ctx)));
        finds.expireDue(1000);
        writer.write(ctx, 200, DevResources.clock(now));
    }

    private void outboxPage(Context ctx) {
        Optional<VerificationFlow> flow = flowId(ctx.queryParam("flow")).flatMap(finds::find);
        List<DevConsole.OutboxMessage> messages = console.outbox(flow.map(VerificationFlow::number));
        ctx.html(pages.outbox(messages, console.advanceClock(Duration.ZERO), sessions.tokenFor(ctx),
                flow.map(found -> found.id().value())));
    }

    private void advanceForm(Context ctx) {
        Map<String, String> form = reader.form(ctx);
        long seconds;
        try {
            seconds = Long.parseLong(form.getOrDefault("seconds", "").strip());
        } catch (NumberFormatException e) {
            seconds = -1;
        }
        if (seconds < 0 || seconds > MAX_ADVANCE_SECONDS) {
            throw new BadRequestException(Problems.invalidRequest(
                    "seconds must be a whole number from 0 to " + MAX_ADVANCE_SECONDS));
        }
        console.advanceClock(Duration.ofSeconds(seconds));
        finds.expireDue(1000);
        // Only a well-formed flow id goes back into the URL, so this redirect cannot be pointed elsewhere.
        String back = flowId(form.get("flow")).map(id -> "?flow=" + id).orElse("");
        ctx.redirect("/dev/outbox" + back, HttpStatus.SEE_OTHER);
    }

    private static Optional<FlowId> flowId(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(new FlowId(text));
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }
}

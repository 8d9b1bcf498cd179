package dev.phoneverify.app.web;

import static dev.phoneverify.app.web.Html.escape;

import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.EndReason;
import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.domain.Workflow;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The form flow's HTML, rendered on the server so it works without JavaScript. Every value from outside goes
 * through {@link Html#escape}.
 */
final class Pages {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:34rem;margin:3rem auto;"
            + "padding:0 1rem;color:#1f2328;line-height:1.5}h1{font-size:1.5rem}"
            + "input{font-size:1.1rem;padding:.45rem;width:100%;box-sizing:border-box;margin:.3rem 0 .8rem}"
            + "button{font-size:1rem;padding:.5rem 1rem;border:0;border-radius:.35rem;background:#0b6bcb;color:#fff;"
            + "cursor:pointer}button.secondary{background:#e7ecf0;color:#1f2328}form.inline{display:inline}"
            + ".msg{padding:.6rem .8rem;border-radius:.35rem;background:#fff4e5;border:1px solid #f0b37e}"
            + ".ok{background:#e6f4ea;border-color:#8fd19e}.muted{color:#59636e;font-size:.9rem}"
            + "table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.3rem;border-bottom:1px solid #ddd}"
            + "code{font-size:1.2rem;font-weight:bold}";

    private final boolean devTools;
    private final Workflow workflow;

    /**
     * @param devTools whether the fake's outbox page exists, so pages can link to it
     * @param workflow the steps every start gets: the form asks for an email address only when one is by email,
     *                 and the next-step button names the step after the current one
     */
    Pages(boolean devTools, Workflow workflow) {
        this.devTools = devTools;
        this.workflow = workflow;
    }

    /** True when the start form asks for an email address. */
    boolean asksForEmail() {
        return workflow.hasEmailStep();
    }

    String start(String csrf, Optional<String> message, String number) {
        return start(csrf, message, number, "");
    }

    String start(String csrf, Optional<String> message, String number, String email) {
        String emailField = asksForEmail()
                ? "<label for=\"email\">Email address, for the step that sends the code by email</label>"
                        + "<input id=\"email\" name=\"email\" type=\"email\" autocomplete=\"email\" required"
                        + " value=\"" + escape(email) + "\">"
                : "";
        return layout("Verify your phone number", message.map(Pages::warning).orElse("")
                + "<form method=\"post\" action=\"/verify\">" + hidden(csrf)
                + "<label for=\"number\">Phone number, with country code</label>"
                + "<input id=\"number\" name=\"number\" type=\"tel\" autocomplete=\"tel\" required"
                + " placeholder=\"+44 7700 900000\" value=\"" + escape(number) + "\">" + emailField
                + "<button type=\"submit\" id=\"send\">Send me a code</button></form>"
                + "<p class=\"muted\">We send a code " + how(workflow.firstChannel())
                + nextStep(workflow.firstChannel()).map(next -> "; you can ask for it " + how(next) + " instead")
                        .orElse("") + ".</p>");
    }

    String code(VerificationFlow flow, String csrf, Optional<String> message) {
        String base = "/verify/" + escape(flow.id());
        String outbox = devTools
                ? "<p class=\"muted\">Running on the fake gateway: read the code in the <a id=\"outbox\" href=\"/dev/outbox?flow="
                        + escape(flow.id()) + "\">outbox</a>.</p>"
                : "";
        return layout("Enter your code", message.map(Pages::warning).orElse("")
                + "<p>" + sentHow(flow) + ". It is valid"
                + " until " + TIME.format(flow.expiresAt()) + "; " + attempts(flow.attemptsRemaining()) + " left.</p>"
                + "<form method=\"post\" action=\"" + base + "/check\">" + hidden(csrf)
                + "<label for=\"code\">Code</label><input id=\"code\" name=\"code\" inputmode=\"numeric\""
                + " autocomplete=\"one-time-code\" required maxlength=\"10\">"
                + "<button type=\"submit\" id=\"check\">Verify</button></form><p>"
                + nextStep(flow.channel()).map(next -> "<form class=\"inline\" method=\"post\" action=\"" + base
                        + "/next\">" + hidden(csrf) + "<button type=\"submit\" class=\"secondary\" id=\"next\">"
                        + nextStepLabel(next) + "</button></form> ").orElse("")
                + "<form class=\"inline\" method=\"post\" action=\"" + base + "/cancel\">" + hidden(csrf)
                + "<button type=\"submit\" class=\"secondary\" id=\"cancel\">Cancel</button></form></p>" + outbox);
    }

    /** The page of a flow that ended: titled by its state, worded by why it ended. */
    String result(VerificationFlow flow) {
        String number = escape(flow.number().masked());
        EndReason reason = flow.endReason()
                .orElseThrow(() -> new IllegalArgumentException("a pending flow has no result page"));
        String title = switch (flow.state()) {
            case VERIFIED -> "Verified";
            case FAILED -> "Verification failed";
            case EXPIRED -> "Code expired";
            case CANCELLED -> "Verification cancelled";
            case PENDING -> throw new IllegalArgumentException("a pending flow has no result page");
        };
        String message = switch (reason) {
            case CODE_VERIFIED, VERIFIED_AT_PROVIDER -> "<p class=\"msg ok\" id=\"result\">Your number " + number
                    + " is verified. Thank you!</p>";
            case TOO_MANY_WRONG_CODES -> "<p class=\"msg\" id=\"result\">Verification failed: the code was entered"
                    + " wrongly too many times.</p>";
            case FAILED_AT_PROVIDER -> "<p class=\"msg\" id=\"result\">Verification failed: the provider could not"
                    + " deliver or confirm the code.</p>";
            case BLOCKED_BY_PROVIDER -> "<p class=\"msg\" id=\"result\">Verification failed: the provider blocked"
                    + " it.</p>";
            case TIMED_OUT, EXPIRED_AT_PROVIDER, UNKNOWN_TO_PROVIDER -> "<p class=\"msg\" id=\"result\">The code for "
                    + number + " has expired. Please start again.</p>";
            case CANCELLED_ON_REQUEST, CANCELLED_AT_PROVIDER -> "<p class=\"msg\" id=\"result\">The verification of "
                    + number + " was cancelled.</p>";
        };
        return finished(title, message);
    }

    String notFound() {
        return finished("Not found", "<p class=\"msg\" id=\"result\">There is no such verification. It may have"
                + " ended a while ago.</p>");
    }

    String forbidden() {
        return finished("Form expired", "<p class=\"msg\" id=\"result\">This form has expired or did not come from"
                + " this site. Please go back, reload the page and try again.</p>");
    }

    String outbox(List<DevConsole.OutboxMessage> messages, Instant now, String csrf, Optional<String> flowId) {
        StringBuilder rows = new StringBuilder();
        for (DevConsole.OutboxMessage message : messages) {
            rows.append("<tr><td>").append(TIME.format(message.sentAt())).append("</td><td>")
                    .append(escape(message.number().masked())).append("</td><td>").append(escape(message.channel()))
                    .append("</td><td><code class=\"code\">").append(escape(message.code())).append("</code></td><td>")
                    .append(escape(message.text())).append("</td></tr>");
        }
        String flowField = flowId.map(id -> "<input type=\"hidden\" name=\"flow\" value=\"" + escape(id) + "\">").orElse("");
        String back = flowId.map(id -> "<p><a id=\"back\" href=\"/verify/" + escape(id) + "\">Back to your verification</a></p>")
                .orElse("<p><a href=\"/\">Start a verification</a></p>");
        return layout("Outbox (fake gateway)", "<p class=\"muted\">Messages the fake gateway \"delivered\", oldest"
                + " first. Fake time now: " + TIME.format(now) + ".</p>"
                + (messages.isEmpty() ? "<p>No messages yet.</p>" : "<table><tr><th>Sent</th><th>To</th><th>Channel</th>"
                + "<th>Code</th><th>Text</th></tr>" + rows + "</table>") + back
                + "<form method=\"post\" action=\"/dev/clock\">" + hidden(csrf) + flowField
                + "<label for=\"seconds\">Move the fake clock forward by (seconds)</label>"
                + "<input id=\"seconds\" name=\"seconds\" inputmode=\"numeric\" value=\"31\">"
                + "<button type=\"submit\" id=\"advance\" class=\"secondary\">Advance clock</button></form>"
                + "<p class=\"muted\">31 s allows a cancel; 125 s brings the automatic call; 605 s ends the request.</p>");
    }

    private static String finished(String title, String body) {
        return layout(title, body + "<p><a id=\"again\" href=\"/\">Verify a number</a></p>");
    }

    /**
     * The channel of the step after the first one on {@code current}, if the workflow has one. A flow on a channel
     * the workflow does not name (started before a change of {@code VERIFY_WORKFLOW}) is offered a call, as ever.
     */
    Optional<Channel> nextStep(Channel current) {
        List<Channel> channels = workflow.channels();
        int index = channels.indexOf(current);
        if (index < 0) {
            return Optional.of(Channel.VOICE);
        }
        return index + 1 < channels.size() ? Optional.of(channels.get(index + 1)) : Optional.empty();
    }

    /** The next-step button, named by where the code goes next. */
    static String nextStepLabel(Channel next) {
        return switch (next) {
            case VOICE -> "Call me instead";
            case SMS -> "Send it by SMS";
            case WHATSAPP -> "Send it by WhatsApp";
            case EMAIL -> "Email me the code";
        };
    }

    /** What the code page says of the current step: a call is under way, a message has gone out. */
    private static String sentHow(VerificationFlow flow) {
        String number = "<strong>" + escape(flow.number().masked()) + "</strong>";
        return flow.channel() == Channel.VOICE
                ? "We are calling you now at " + number + ": the code comes by a phone call"
                : "We sent a code " + how(flow.channel()) + " to " + number;
    }

    /** How a code reaches the user on {@code channel}, in the words of the code page. */
    private static String how(Channel channel) {
        return switch (channel) {
            case SMS -> "by text message";
            case VOICE -> "by a phone call";
            case WHATSAPP -> "by WhatsApp";
            case EMAIL -> "by email";
        };
    }

    /** A line the code page shows after a redirect, named in the query so a reload shows it again. */
    enum Notice {
        /** The next step is a call. */
        CALLING,
        /** The next step sent a message. */
        SENT;

        /** The notice a query value names, if any. */
        static Optional<Notice> named(String queryValue) {
            for (Notice notice : values()) {
                if (notice.queryValue().equals(queryValue)) {
                    return Optional.of(notice);
                }
            }
            return Optional.empty();
        }

        /** The notice for delivery that just moved to {@code channel}. */
        static Notice after(Channel channel) {
            return switch (channel) {
                case VOICE -> CALLING;
                case SMS, WHATSAPP, EMAIL -> SENT;
            };
        }

        String queryValue() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The line itself, for a flow now on {@code channel}. */
        String text(Channel channel) {
            return switch (this) {
                case CALLING -> "We are calling you now with a new code.";
                case SENT -> "We sent you a new code " + how(channel) + ".";
            };
        }
    }

    private static String attempts(int remaining) {
        return remaining == 1 ? "1 attempt" : remaining + " attempts";
    }

    static String wrongCode(int remaining) {
        return "That code is not right. You have " + attempts(remaining) + " left.";
    }

    private static String warning(String message) {
        return "<p class=\"msg\" id=\"message\" role=\"alert\">" + escape(message) + "</p>";
    }

    private static String hidden(String csrf) {
        return "<input type=\"hidden\" name=\"" + BrowserSessions.TOKEN_FIELD + "\" value=\"" + escape(csrf) + "\">";
    }

    private static String layout(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>" + escape(title)
                + " - phone-verify</title><style>" + STYLE + "</style></head><body><h1>" + escape(title) + "</h1>"
                + body + "</body></html>";
    }
}

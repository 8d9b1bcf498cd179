package dev.phoneverify.emulator;

import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import dev.phoneverify.adapter.fake.RequestSnapshot;
import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.RequestId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Verify v1's {@code /verify/search/json} over the fake: the request as facts §1.3 Search shows it. */
final class SearchAnswer {
    private static final DateTimeFormatter SEARCH_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final int MAX_SEARCH_IDS = 10;

    private final FakeVerificationGateway fake;
    private final String accountId;

    SearchAnswer(FakeVerificationGateway fake, String accountId) {
        this.fake = fake;
        this.accountId = accountId;
    }

    /** One {@code request_id}, or up to ten repeated {@code request_ids}. */
    Map<String, Object> answer(Parameters params) {
        List<String> ids = new ArrayList<>(params.all("request_id"));
        ids.addAll(params.all("request_ids"));
        ids.removeIf(String::isBlank);
        if (ids.isEmpty()) {
            throw ApiError.missing("request_id");
        }
        if (ids.size() > MAX_SEARCH_IDS) {
            throw new ApiError("18", "Too many request_ids provided");
        }
        List<Object> found = new ArrayList<>();
        for (String id : ids) {
            RequestId requestId = VerifyApi.parseRequestId(id);
            fake.snapshot(requestId).ifPresent(snapshot -> found.add(describe(snapshot)));
        }
        if (found.isEmpty()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("request_id", "");
            body.put("status", "101");
            body.put("error_text", "No response found");
            return body;
        }
        if (ids.size() == 1) {
            @SuppressWarnings("unchecked")
            Map<String, Object> single = (Map<String, Object>) found.get(0);
            return single;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("verification_requests", found);
        return body;
    }

    private Map<String, Object> describe(RequestSnapshot snapshot) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("request_id", snapshot.requestId().value());
        body.put("account_id", accountId);
        body.put("number", snapshot.number().digits());
        body.put("sender_id", "verify");
        body.put("date_submitted", date(snapshot.submittedAt()));
        body.put("date_finalized", snapshot.finalizedAt().map(SearchAnswer::date).orElse(""));
        List<Object> checks = new ArrayList<>();
        for (RequestSnapshot.Check check : snapshot.checks()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("date_received", date(check.receivedAt()));
            entry.put("code", check.code());
            entry.put("status", check.valid() ? "VALID" : "INVALID");
            entry.put("ip_address", "");
            checks.add(entry);
        }
        body.put("checks", checks);
        List<RequestSnapshot.Event> events = snapshot.events();
        body.put("first_event_date", events.isEmpty() ? "" : date(events.get(0).at()));
        body.put("last_event_date", events.isEmpty() ? "" : date(events.get(events.size() - 1).at()));
        body.put("price", VerifyApi.PRICE);
        body.put("currency", VerifyApi.CURRENCY);
        body.put("estimated_price_messages_sent", VerifyApi.ESTIMATED_PRICE);
        body.put("status", searchStatus(snapshot));
        List<Object> eventList = new ArrayList<>();
        for (RequestSnapshot.Event event : events) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", event.eventId());
            entry.put("type", wireChannel(event.channel()));
            eventList.add(entry);
        }
        body.put("events", eventList);
        return body;
    }

    private static String searchStatus(RequestSnapshot snapshot) {
        return switch (snapshot.status()) {
            case IN_PROGRESS -> "IN PROGRESS";
            case VERIFIED -> "SUCCESS";
            case FAILED -> "FAILED";
            case CANCELLED -> "CANCELLED";
            // A retained request is never unknown; expired is what search says of one that ran out.
            case EXPIRED, UNKNOWN -> "EXPIRED";
        };
    }

    /** Vonage v1's name for a channel on the wire: {@code sms} or {@code tts}. */
    static String wireChannel(Channel channel) {
        return switch (channel) {
            case SMS -> "sms";
            case VOICE -> "tts";
            case WHATSAPP, EMAIL -> throw new IllegalStateException("Verify v1 has no " + channel.wireName()
                    + " channel; the v1 emulator serves only v1 fakes");
        };
    }

    static String lastEventId(RequestSnapshot snapshot) {
        List<RequestSnapshot.Event> events = snapshot.events();
        return events.isEmpty() ? "" : events.get(events.size() - 1).eventId();
    }

    private static String date(Instant instant) {
        return SEARCH_DATE.format(instant);
    }
}

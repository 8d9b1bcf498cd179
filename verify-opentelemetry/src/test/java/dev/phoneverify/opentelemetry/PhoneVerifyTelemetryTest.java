package dev.phoneverify.opentelemetry;

import static dev.phoneverify.opentelemetry.PhoneVerifyAttributes.CALLING_CODE;
import static dev.phoneverify.opentelemetry.PhoneVerifyAttributes.CHANNEL;
import static dev.phoneverify.opentelemetry.PhoneVerifyAttributes.END_REASON;
import static dev.phoneverify.opentelemetry.PhoneVerifyAttributes.ERROR_TYPE;
import static dev.phoneverify.opentelemetry.PhoneVerifyAttributes.EXPIRED_COUNT;
import static dev.phoneverify.opentelemetry.PhoneVerifyAttributes.FLOW_ID;
import static dev.phoneverify.opentelemetry.PhoneVerifyAttributes.MASKED_NUMBER;
import static dev.phoneverify.opentelemetry.PhoneVerifyAttributes.OUTCOME;
import static dev.phoneverify.opentelemetry.PhoneVerifyAttributes.REFUSAL;
import static dev.phoneverify.opentelemetry.PhoneVerifyAttributes.REFUSAL_LIMIT;
import static dev.phoneverify.opentelemetry.PhoneVerifyAttributes.REQUEST_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoneverify.core.domain.AbuseControlPolicy;
import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.port.GatewayException;
import dev.phoneverify.core.port.StoreUnavailableException;
import dev.phoneverify.core.service.Verifications;
import dev.phoneverify.core.store.InMemoryStores;
import dev.phoneverify.core.usecase.CheckCode;
import dev.phoneverify.core.usecase.CheckCommand;
import dev.phoneverify.core.usecase.ProviderUpdate;
import dev.phoneverify.core.usecase.StartCommand;
import dev.phoneverify.core.usecase.StartResult;
import dev.phoneverify.core.usecase.StartVerification;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PhoneVerifyTelemetryTest {
    @RegisterExtension
    static final OpenTelemetryExtension otel = OpenTelemetryExtension.create();

    static final PhoneNumber NUMBER = PhoneNumber.parse("+447700900001");

    final Clock clock = Clock.fixed(Instant.parse("2030-01-01T10:00:00Z"), ZoneOffset.UTC);
    final OneRequestProvider provider = new OneRequestProvider(clock);

    Verifications useCases(PhoneVerifyTelemetry telemetry, AbuseControlPolicy abuse) {
        return Verifications.builder()
                .gateway(telemetry.gateway(provider))
                .flows(InMemoryStores.flows(clock))
                .abuseControls(InMemoryStores.abuseControls(abuse))
                .brand(new Brand("Acme"))
                .clock(clock)
                .build();
    }

    static FlowId started(StartResult result) {
        return ((StartResult.Started) result).flow().id();
    }

    static SpanData span(String name) {
        return otel.getSpans().stream().filter(span -> span.getName().equals(name)).reduce((first, second) -> {
            throw new AssertionError("more than one span " + name);
        }).orElseThrow(() -> new AssertionError("no span " + name + " in " + otel.getSpans()));
    }

    @Test
    void aStartIsOneSpanWithItsOutcomeChannelAndCallingCodeButNoNumber() {
        PhoneVerifyTelemetry telemetry = PhoneVerifyTelemetry.create(otel.getOpenTelemetry());
        StartVerification starts = telemetry.startVerification(useCases(telemetry, AbuseControlPolicy.none()));

        starts.start(StartCommand.to(NUMBER));

        SpanData start = span("phoneverify start");
        assertThat(start.getKind()).isEqualTo(SpanKind.INTERNAL);
        assertThat(start.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(start.getAttributes().get(OUTCOME)).isEqualTo("started");
        assertThat(start.getAttributes().get(CHANNEL)).isEqualTo("sms");
        assertThat(start.getAttributes().get(CALLING_CODE)).isEqualTo("44");
        assertThat(otel.getSpans()).allSatisfy(span -> {
            assertThat(span.getAttributes().get(MASKED_NUMBER)).isNull();
            assertThat(span.getAttributes().get(FLOW_ID)).isNull();
            assertThat(span.getAttributes().get(REQUEST_ID)).isNull();
            assertThat(span.getAttributes().asMap().values()).allSatisfy(value ->
                    assertThat(value.toString()).doesNotContain(NUMBER.digits()));
        });
    }

    @Test
    void eachProviderCallIsAClientSpanInsideItsUseCaseSpan() {
        PhoneVerifyTelemetry telemetry = PhoneVerifyTelemetry.create(otel.getOpenTelemetry());
        Verifications verifications = useCases(telemetry, AbuseControlPolicy.none());
        StartVerification starts = telemetry.startVerification(verifications);

        starts.start(StartCommand.to(NUMBER));

        SpanData call = span("phoneverify.gateway start");
        assertThat(call.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(call.getParentSpanId()).isEqualTo(span("phoneverify start").getSpanId());
        assertThat(call.getTraceId()).isEqualTo(span("phoneverify start").getTraceId());
        assertThat(call.getAttributes().get(OUTCOME)).isEqualTo("started");
        assertThat(call.getAttributes().get(CALLING_CODE)).isEqualTo("44");
    }

    @Test
    void aRefusedStartCarriesTheRefusalAndIsNotAnError() {
        PhoneVerifyTelemetry telemetry = PhoneVerifyTelemetry.create(otel.getOpenTelemetry());
        StartVerification starts = telemetry.startVerification(useCases(telemetry,
                AbuseControlPolicy.none().withResendCooldown(AbuseControlPolicy.DEFAULT_RESEND_COOLDOWN)));
        starts.start(StartCommand.to(NUMBER));
        otel.clearSpans();

        starts.start(StartCommand.to(NUMBER));

        SpanData refused = span("phoneverify start");
        assertThat(refused.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(refused.getAttributes().get(OUTCOME)).isEqualTo("refused");
        assertThat(refused.getAttributes().get(REFUSAL)).isEqualTo("rate_limited");
        assertThat(refused.getAttributes().get(REFUSAL_LIMIT)).isEqualTo("resend_cooldown");
        assertThat(otel.getSpans()).extracting(SpanData::getName).containsExactly("phoneverify start");
    }

    @Test
    void checksCarryTheirOutcomeAndAnEndedFlowItsReason() {
        PhoneVerifyTelemetry telemetry = PhoneVerifyTelemetry.create(otel.getOpenTelemetry());
        Verifications verifications = useCases(telemetry, AbuseControlPolicy.none());
        CheckCode checks = telemetry.checkCode(verifications);
        FlowId flow = started(verifications.start(StartCommand.to(NUMBER)));

        checks.check(new CheckCommand(flow, VerificationCode.parse("9999")));
        SpanData wrong = span("phoneverify check");
        otel.clearSpans();
        checks.check(new CheckCommand(flow, VerificationCode.parse(OneRequestProvider.RIGHT_CODE)));
        SpanData right = span("phoneverify check");

        assertThat(wrong.getAttributes().get(OUTCOME)).isEqualTo("wrong_code");
        assertThat(wrong.getAttributes().get(END_REASON)).isNull();
        assertThat(right.getAttributes().get(OUTCOME)).isEqualTo("verified");
        assertThat(right.getAttributes().get(END_REASON)).isEqualTo("code_verified");
        assertThat(span("phoneverify.gateway check").getAttributes().get(OUTCOME)).isEqualTo("correct");
        assertThat(otel.getSpans()).allSatisfy(span -> assertThat(span.getAttributes().asMap().values())
                .allSatisfy(value -> assertThat(value.toString()).doesNotContain(OneRequestProvider.RIGHT_CODE)));
    }

    @Test
    void aProviderOutageIsRecordedAsAnErrorOnBothSpansAndRethrown() {
        PhoneVerifyTelemetry telemetry = PhoneVerifyTelemetry.create(otel.getOpenTelemetry());
        Verifications verifications = useCases(telemetry, AbuseControlPolicy.none());
        CheckCode checks = telemetry.checkCode(verifications);
        FlowId flow = started(verifications.start(StartCommand.to(NUMBER)));
        otel.clearSpans();
        provider.down = true;

        assertThatThrownBy(() -> checks.check(new CheckCommand(flow, VerificationCode.parse("1234"))))
                .isInstanceOf(GatewayException.class);

        for (String name : new String[] {"phoneverify check", "phoneverify.gateway check"}) {
            SpanData failed = span(name);
            assertThat(failed.getStatus().getStatusCode()).as(name).isEqualTo(StatusCode.ERROR);
            assertThat(failed.getAttributes().get(ERROR_TYPE)).as(name).isEqualTo("unavailable");
            assertThat(failed.getEvents()).as(name).extracting(event -> event.getName()).containsExactly("exception");
            assertThat(failed.hasEnded()).as(name).isTrue();
        }
    }

    @Test
    void aStoreOutageIsRecordedAsAnErrorAndRethrown() {
        PhoneVerifyTelemetry telemetry = PhoneVerifyTelemetry.create(otel.getOpenTelemetry());
        CheckCode checks = telemetry.checkCode(command -> {
            throw new StoreUnavailableException("connection pool exhausted");
        });

        assertThatThrownBy(() -> checks.check(new CheckCommand(FlowId.random(), VerificationCode.parse("1234"))))
                .isInstanceOf(StoreUnavailableException.class);

        SpanData failed = span("phoneverify check");
        assertThat(failed.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(failed.getAttributes().get(ERROR_TYPE)).isEqualTo("store_unavailable");
        assertThat(failed.getEvents()).hasSize(1);
    }

    @Test
    void theOtherUseCasesHaveSpansOfTheirOwn() {
        PhoneVerifyTelemetry telemetry = PhoneVerifyTelemetry.create(otel.getOpenTelemetry());
        Verifications verifications = useCases(telemetry, AbuseControlPolicy.none());
        FlowId flow = started(verifications.start(StartCommand.to(NUMBER)));

        telemetry.moveToNextStep(verifications).next(flow);
        telemetry.findVerification(verifications).find(flow);
        telemetry.findVerification(verifications).expireDue(10);
        telemetry.applyProviderStatus(verifications).apply(new ProviderUpdate.RequestEnded(
                OneRequestProvider.REQUEST, ProviderUpdate.EndStatus.CANCELLED, clock.instant()));
        telemetry.cancelVerification(verifications).cancel(flow);

        assertThat(span("phoneverify next_step").getAttributes().get(CHANNEL)).isEqualTo("voice");
        assertThat(span("phoneverify.gateway advance").getAttributes().get(OUTCOME)).isEqualTo("advanced");
        assertThat(span("phoneverify find").getAttributes().get(OUTCOME)).isEqualTo("found");
        assertThat(span("phoneverify expire_due").getAttributes().get(EXPIRED_COUNT)).isZero();
        SpanData pushed = span("phoneverify apply_status");
        assertThat(pushed.getAttributes().get(OUTCOME)).isEqualTo("applied");
        assertThat(pushed.getAttributes().get(END_REASON)).isEqualTo("cancelled_at_provider");
        SpanData cancel = span("phoneverify cancel");
        assertThat(cancel.getAttributes().get(OUTCOME)).isEqualTo("refused");
        assertThat(cancel.getAttributes().get(REFUSAL)).isEqualTo("flow_finished");
    }

    @Test
    void theTracerIsNamedAndVersionedForTheLibrary() {
        PhoneVerifyTelemetry telemetry = PhoneVerifyTelemetry.create(otel.getOpenTelemetry());

        telemetry.findVerification(useCases(telemetry, AbuseControlPolicy.none())).find(FlowId.random());

        SpanData find = span("phoneverify find");
        assertThat(find.getAttributes().get(OUTCOME)).isEqualTo("not_found");
        assertThat(find.getInstrumentationScopeInfo().getName()).isEqualTo("dev.phoneverify.opentelemetry");
        assertThat(find.getInstrumentationScopeInfo().getVersion()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    @Test
    void theMaskedNumberAndTheIdsAreRecordedOnlyWhenAskedFor() {
        PhoneVerifyTelemetry telemetry = PhoneVerifyTelemetry.builder(otel.getOpenTelemetry())
                .captureMaskedNumbers(true).captureIds(true).build();
        Verifications verifications = useCases(telemetry, AbuseControlPolicy.none());

        FlowId flow = started(telemetry.startVerification(verifications).start(StartCommand.to(NUMBER)));

        SpanData start = span("phoneverify start");
        assertThat(start.getAttributes().get(MASKED_NUMBER)).isEqualTo("+44******0001");
        assertThat(start.getAttributes().get(FLOW_ID)).isEqualTo(flow.value());
        assertThat(start.getAttributes().get(REQUEST_ID)).isEqualTo(OneRequestProvider.REQUEST.value());
        assertThat(otel.getSpans()).allSatisfy(span -> assertThat(span.getAttributes().asMap().values())
                .allSatisfy(value -> assertThat(value.toString()).doesNotContain(NUMBER.digits())));
    }
}

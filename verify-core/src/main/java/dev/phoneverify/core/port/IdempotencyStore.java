package dev.phoneverify.core.port;

import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.domain.IdempotencyKey;
import java.time.Instant;
import java.util.Objects;

/**
 * Outgoing port to where idempotency keys of starts are kept, beside the flows they began, so a retried start finds
 * the first one's verification whichever instance it reaches. Each key is claimed by one start at a time; the claim
 * holds the request's fingerprint, and once the start has stored its flow, the flow's id. Implementations are
 * thread-safe, and a claim is atomic across every instance sharing the store.
 */
public interface IdempotencyStore {

    /**
     * Claims {@code key} for a start whose request has {@code fingerprint}, unless another start holds it: a claim
     * made before {@code staleBefore} that never completed (its instance stopped, say) is taken over.
     *
     * @return {@link Claim.Claimed} when the caller now holds the key, else what the key holds
     */
    Claim claim(IdempotencyKey key, String fingerprint, Instant now, Instant staleBefore);

    /** Records that the start holding {@code key} began flow {@code flow}. */
    void complete(IdempotencyKey key, FlowId flow);

    /** Gives up a claim that began no flow, so the key can be claimed again; a completed key is kept. */
    void release(IdempotencyKey key);

    /** What {@link #claim} found. */
    sealed interface Claim {
        /** The caller holds the key: run the start, then {@link #complete} or {@link #release} it. */
        record Claimed() implements Claim {
        }

        /** Another start holds the key and has not finished. */
        record Running(String fingerprint) implements Claim {
            public Running {
                Objects.requireNonNull(fingerprint, "fingerprint");
            }
        }

        /** A start with this key began {@code flow}. */
        record Completed(String fingerprint, FlowId flow) implements Claim {
            public Completed {
                Objects.requireNonNull(fingerprint, "fingerprint");
                Objects.requireNonNull(flow, "flow");
            }
        }
    }
}

package dev.phoneverify.core.port;

import java.time.Instant;

/**
 * Outgoing port to where a webhook intake remembers the ids of the signed tokens it has accepted, so a token seen
 * once is refused when it comes again (a replay). Each id is kept only until the moment after which its token would
 * be refused as too old anyway, so the store stays as small as the accepted traffic of one window. Implementations
 * are thread-safe, and a shared one (PostgreSQL) makes a replay to another instance fail too.
 *
 * <p>Ids are at most {@link #MAX_ID_LENGTH} characters; they are not secrets, but implementations do not log them.
 */
public interface TokenReplayStore {
    /** The longest id a store must keep. */
    int MAX_ID_LENGTH = 128;

    /**
     * Remembers {@code tokenId} until {@code keepUntil}, in one atomic step: true the first time, false when the id
     * is already remembered and its time has not passed at {@code now}. Of racing callers with the same id,
     * exactly one gets true.
     *
     * @throws StoreUnavailableException the store could not be reached
     */
    boolean rememberIfNew(String tokenId, Instant keepUntil, Instant now);

    /**
     * Forgets {@code tokenId}: the intake accepted the token but could not process its callback, so the same token
     * may be delivered again. An id not remembered is ignored.
     *
     * @throws StoreUnavailableException the store could not be reached
     */
    void forget(String tokenId);

    /**
     * Drops the ids whose time has passed at {@code now}. A dropped id behaves exactly as one whose time has passed,
     * so this only bounds the store's size.
     *
     * @return how many ids were dropped
     * @throws StoreUnavailableException the store could not be reached
     */
    int purgeExpired(Instant now);
}

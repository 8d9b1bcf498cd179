package dev.phoneverify.core.port;

/** Flows started, and of those how many were verified, over some stretch of time. */
public record ConversionCounts(long started, long verified) {
    public static final ConversionCounts NONE = new ConversionCounts(0, 0);

    public ConversionCounts {
        if (started < 0 || verified < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
    }

    public ConversionCounts plus(ConversionCounts other) {
        return new ConversionCounts(started + other.started, verified + other.verified);
    }

    /** Verified divided by started; 1 when nothing started, since nothing was lost. */
    public double rate() {
        return started == 0 ? 1.0 : (double) verified / started;
    }
}

package dev.phoneverify.core.domain;

import java.time.Duration;

/**
 * When to raise the conversion alarm for a country calling code: verified flows divided by started flows fell
 * under {@code minConversionRate}, over a sliding {@code window} holding at least {@code minStarts} starts. A low
 * rate means codes are sent that nobody types in, the mark of SMS pumping (fraudsters earning a share of the SMS
 * fee by requesting codes to numbers they rent).
 *
 * <p>Defaults: 35% over at least 50 starts in the last hour. An hour is long enough to gather 50 starts for a
 * busy destination and short enough to raise the alarm while a pumping attack still runs.
 */
public record ConversionAlarmPolicy(double minConversionRate, int minStarts, Duration window) {
    public static final double DEFAULT_MIN_CONVERSION_RATE = 0.35;
    public static final int DEFAULT_MIN_STARTS = 50;
    public static final Duration DEFAULT_WINDOW = Duration.ofHours(1);
    /** The window is counted in this many buckets; the rate is exact to within one bucket's worth of flows. */
    public static final int BUCKETS_PER_WINDOW = 60;

    public ConversionAlarmPolicy {
        if (!(minConversionRate > 0 && minConversionRate < 1)) {
            throw SendLimit.invalid("minConversionRate is between 0 and 1 exclusive, was " + minConversionRate);
        }
        if (minStarts < 1) {
            throw SendLimit.invalid("minStarts is at least 1, was " + minStarts);
        }
        if (window == null || window.compareTo(Duration.ofMinutes(1)) < 0 || window.compareTo(Duration.ofDays(7)) > 0) {
            throw SendLimit.invalid("the conversion window is from one minute to seven days, was " + window);
        }
    }

    public static ConversionAlarmPolicy defaults() {
        return new ConversionAlarmPolicy(DEFAULT_MIN_CONVERSION_RATE, DEFAULT_MIN_STARTS, DEFAULT_WINDOW);
    }

    /** The width of one counting bucket: the window split in {@link #BUCKETS_PER_WINDOW}. */
    public Duration bucket() {
        return window.dividedBy(BUCKETS_PER_WINDOW);
    }

    /** True when {@code verified} of {@code started} is a rate low enough, over enough starts, to raise the alarm. */
    public boolean isAlarming(long started, long verified) {
        return started >= minStarts && verified < minConversionRate * started;
    }
}

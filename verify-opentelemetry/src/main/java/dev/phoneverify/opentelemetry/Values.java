package dev.phoneverify.opentelemetry;

import dev.phoneverify.core.usecase.UpdateResult;

/**
 * The attribute value of each update outcome; the core's other enums are named by
 * {@link dev.phoneverify.core.usecase.StableNames}, shared with the metric tags.
 */
final class Values {
    private Values() {
    }

    static String update(UpdateResult.Outcome outcome) {
        return switch (outcome) {
            case APPLIED -> "applied";
            case UNCHANGED -> "unchanged";
            case UNKNOWN_REQUEST -> "unknown_request";
        };
    }
}

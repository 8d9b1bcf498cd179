package dev.phoneverify.adapter.fake;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * A value with the order it was recorded in, for what the fake files in groups (messages by number, updates by
 * request) and must also list in the order it happened.
 */
record Sequenced<T>(long sequence, T value) {

    /** Every value of every group, in the order they were recorded. */
    static <T> List<T> inOrder(Collection<? extends Collection<Sequenced<T>>> groups) {
        List<Sequenced<T>> all = new ArrayList<>();
        groups.forEach(all::addAll);
        all.sort(Comparator.comparingLong(Sequenced::sequence));
        return all.stream().map(Sequenced::value).toList();
    }
}

package dev.phoneverify.app.web;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * What {@code GET /metrics} serves: the registry's text and its content type. The web layer knows no metrics
 * library; the app's wiring says which one and which format.
 *
 * @param contentType the answer's {@code Content-Type}
 * @param text        the meters now, read on every scrape
 */
public record MetricsScrape(String contentType, Supplier<String> text) {
    public MetricsScrape {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(text, "text");
    }
}

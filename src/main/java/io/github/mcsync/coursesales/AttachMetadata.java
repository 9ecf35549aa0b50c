package io.github.mcsync.coursesales;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * Aggregation strategy of the validate route's enrich: keeps the record as the body and attaches the
 * CourseSales metadata as the exchange property {@code metadata}. A failed metadata fetch fails the record's
 * exchange, so it is classified like any other failure (a login failure halts the feed).
 */
public final class AttachMetadata implements AggregationStrategy {
    public static final String PROPERTY = "metadata";

    @Override
    public Exchange aggregate(Exchange original, Exchange resource) {
        if (resource.getException() != null) {
            original.setException(resource.getException());
        } else {
            original.setProperty(PROPERTY, resource.getMessage().getBody(CourseSalesMetadata.class));
        }
        return original;
    }
}

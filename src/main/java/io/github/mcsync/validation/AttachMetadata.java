package io.github.mcsync.validation;

import io.github.mcsync.ExchangeNames;
import io.github.mcsync.coursesales.CourseSalesMetadata;
import io.github.mcsync.failure.ConfigurationProblemException;
import io.github.mcsync.failure.Failure;
import io.github.mcsync.failure.FailureClassifier;
import io.github.mcsync.failure.Problem;
import java.util.List;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * Aggregation strategy of the validate route's enrich: keeps the record as the body and attaches the
 * CourseSales metadata as the exchange property {@code metadata}. A failed metadata fetch fails the record's
 * exchange, so it is classified like any other failure (a login failure halts the feed); a refused metadata
 * request is a configuration problem.
 */
public final class AttachMetadata implements AggregationStrategy {

    @Override
    public Exchange aggregate(Exchange original, Exchange resource) {
        if (resource.getException() != null) {
            original.setException(asConfigurationProblem(resource.getException()));
        } else {
            original.setProperty(ExchangeNames.METADATA, resource.getMessage().getBody(CourseSalesMetadata.class));
        }
        return original;
    }

    /** CourseSales refusing a metadata request (FORM_NOT_FOUND, PROCESS_NOT_FOUND, ...) is a configuration problem. */
    static Throwable asConfigurationProblem(Throwable failure) {
        Failure f = new FailureClassifier().classify(failure);
        if (f.kind() != Failure.Kind.PERMANENT) {
            return failure;
        }
        return new ConfigurationProblemException(List.of(new Problem(f.code(), "CourseSales refused a metadata request: "
                + f.text(), "check coursesales.form-id, coursesales.process-id and coursesales.contact-form-id")));
    }
}

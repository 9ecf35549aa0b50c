package io.github.mcsync.validation;

import io.github.mcsync.enrolment.Enrolment;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.component.bean.MethodNotFoundException;
import org.apache.camel.support.DefaultExchange;

/**
 * Compiles the Camel simple expressions of {@code coursesales.fields.<FieldId> = ${...}}. The body is the
 * {@link Enrolment} (e.g. {@code ${body.city}}, {@code ${body.customFields[studentid]}}); nothing else is on the
 * exchange. Checked at start: an expression that does not parse, names a value the Enrolment does not have, or reads
 * the configuration ({@code ${properties:...}}, {@code ${env:...}}, {@code ${sys...}}: secrets must not reach
 * CourseSales) is refused with the reason.
 */
public final class FieldExpressions implements Function<String, Function<Enrolment, String>> {
    private static final Pattern READS_CONFIGURATION = Pattern.compile("\\$\\{\\s*(properties|env|sysenv|sys)[:.]");
    /** A record with a value in every component: a name the Enrolment lacks fails on it whatever the data. */
    private static final Enrolment PROBE = new Enrolment(1, "u", "f", "l", "e", "p", "m", "i", "n", "d", "c", "AU",
            Map.of(), 1, "s", "f", "i", 1, 1L, List.of("student"), 1L, 1L, "ws", "moodle:c1:u1");

    private final CamelContext context;

    public FieldExpressions(CamelContext context) {
        this.context = context;
    }

    /** @throws IllegalArgumentException saying why the expression cannot be used */
    @Override
    public Function<Enrolment, String> apply(String text) {
        if (READS_CONFIGURATION.matcher(text).find()) {
            throw new IllegalArgumentException("an expression reads the Moodle record (${body.<value>}); reading the"
                    + " configuration could send a secret to CourseSales");
        }
        Expression expression;
        try {
            expression = context.resolveLanguage("simple").createExpression(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the expression does not parse: " + firstLine(e.getMessage()));
        }
        try {
            evaluate(expression, PROBE);
        } catch (RuntimeException e) {
            MethodNotFoundException missing = methodNotFound(e);
            if (missing != null) {
                throw new IllegalArgumentException("the Moodle record has no '" + missing.getMethodName() + "': use ${body.<value>}"
                        + " with one of " + Arrays.stream(Enrolment.class.getRecordComponents()).map(RecordComponent::getName)
                        .collect(Collectors.joining(", ")));
            }
            // any other failure depends on the data (an empty value): it is decided per record
        }
        return e -> {
            try {
                return evaluate(expression, e);
            } catch (RuntimeException failed) {
                // never the exception's text: Camel's messages print the whole record (personal data)
                throw new IllegalArgumentException(readsAnEmptyValue(failed) ? "a value it reads is empty for this Moodle user"
                        : "it failed (" + failed.getClass().getSimpleName() + ")");
            }
        };
    }

    private String evaluate(Expression expression, Enrolment e) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(e);
        String value = expression.evaluate(exchange, String.class);
        if (exchange.getException() != null) {
            throw new IllegalStateException(exchange.getException());
        }
        return value;
    }

    /** Camel's OGNL stops at an empty value with "... on a null instance". */
    private static boolean readsAnEmptyValue(Throwable t) {
        for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
            if (c instanceof NullPointerException || String.valueOf(c.getMessage()).contains("on a null instance")) {
                return true;
            }
        }
        return false;
    }

    private static MethodNotFoundException methodNotFound(Throwable t) {
        for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
            if (c instanceof MethodNotFoundException m) {
                return m;
            }
        }
        return null;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").strip();
    }
}

package io.github.mcsync.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mcsync.enrolment.Enrolment;
import java.util.List;
import java.util.Map;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simple expressions of coursesales.fields.*: compiled and checked at start, evaluated per record. */
class FieldExpressionsTest {
    static DefaultCamelContext context;
    static FieldExpressions expressions;
    static final Enrolment ZOE = new Enrolment(3, "zoe.lukasz", "Zoë", "Łukasz-O'Brien", "zoe@example.com", null, null,
            null, null, "", "Kraków", "PL", Map.of("studentid", "S1001"), 2, "PHYS101", "Introduction to Physics",
            "PHYS101-2026", 4, null, List.of("student"), null, null, "ws", null);

    @BeforeAll
    static void start() {
        context = new DefaultCamelContext();
        context.start();
        expressions = new FieldExpressions(context);
    }

    @AfterAll
    static void stop() {
        context.stop();
    }

    private static String refused(String text) {
        return assertThrows(IllegalArgumentException.class, () -> expressions.apply(text)).getMessage();
    }

    @Test
    void theBodyIsTheEnrolment() {
        assertEquals("Kraków", expressions.apply("${body.city}").apply(ZOE));
        assertEquals("S1001", expressions.apply("${body.customFields[studentid]}").apply(ZOE));
        assertEquals("STU-3 PHYS101", expressions.apply("STU-${body.userId} ${body.courseShortname}").apply(ZOE));
        assertNull(expressions.apply("${body.customFields[usi]}").apply(ZOE), "a missing value is not sent");
    }

    @Test
    void anExpressionThatDoesNotParseIsRefusedWithTheReason() {
        assertTrue(refused("${body.city").startsWith("the expression does not parse: expected symbol functionEnd"),
                refused("${body.city"));
        assertTrue(refused("${nosuchfunction}").startsWith("the expression does not parse: Unknown function: nosuchfunction"));
    }

    @Test
    void aValueTheEnrolmentDoesNotHaveIsRefusedAtStart() {
        String message = refused("${body.town}");
        assertTrue(message.startsWith("the Moodle record has no 'town': use ${body.<value>} with one of userId, username,"
                + " firstName"), message);
        assertTrue(message.contains("city") && message.contains("customFields"), message);
    }

    @Test
    void theConfigurationIsNotReadable() {
        String expected = "an expression reads the Moodle record (${body.<value>}); reading the configuration could send"
                + " a secret to CourseSales";
        assertEquals(expected, refused("${properties:coursesales.password}"));
        assertEquals(expected, refused("x ${env:HOME}"));
        assertEquals(expected, refused("${sys.user.home}"));
        assertEquals(expected, refused("${sysenv.PATH}"));
    }

    @Test
    void aValueMissingForOneUserFailsThatRecordWithoutItsData() {
        var upper = expressions.apply("${body.email.toUpperCase()}");
        assertEquals("ZOE@EXAMPLE.COM", upper.apply(ZOE));
        Enrolment noEmail = new Enrolment(9, "x", "No", "Mail", null, null, null, null, null, null, null, null, Map.of(),
                2, "PHYS101", "P", "", 4, null, List.of(), null, null, "ws", null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> upper.apply(noEmail));
        assertEquals("a value it reads is empty for this Moodle user", e.getMessage());
        assertFalse(e.getMessage().contains("Mail"));
    }
}

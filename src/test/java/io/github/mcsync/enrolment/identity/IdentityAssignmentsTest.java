package io.github.mcsync.enrolment.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mcsync.enrolment.identity.IdentityAssignments.Assignment;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdentityAssignmentsTest {
    static final Instant T0 = Instant.parse("2026-03-02T09:15:30Z");

    final IdentityAssignments assignments = new IdentityAssignments(TestDatabase.fresh(), Clock.fixed(T0, ZoneOffset.UTC));

    @Test
    void recordsAndFindsAnAssignmentByUserAndByIdentifier() {
        Assignment a = assignments.assign(5, "jdoe", IdentityStrategy.USERNAME, "jdoe");
        Assignment expected = new Assignment(5, "jdoe", IdentityStrategy.USERNAME, "jdoe", T0);
        assertEquals(expected, a);
        assertEquals(Optional.of(expected), assignments.forUser(5));
        assertEquals(Optional.of(expected), assignments.holderOf("jdoe"));
        assertTrue(assignments.forUser(6).isEmpty());
        assertTrue(assignments.holderOf("JDOE").isEmpty());
    }

    @Test
    void aSecondAssignmentForTheSameUserKeepsTheFirst() {
        Assignment first = assignments.assign(5, "jdoe", IdentityStrategy.USERNAME, "jdoe");
        assertEquals(first, assignments.assign(5, "5", IdentityStrategy.DOCUMENT_SOURCE_ID, "john.doe"));
        assertEquals(first, assignments.assign(5, null, IdentityStrategy.SEQUENTIAL, "john.doe"));
        assertTrue(assignments.holderOf("5").isEmpty());
    }

    @Test
    void anIdentifierHeldByAnotherUserReturnsTheHolderAndRecordsNothing() {
        Assignment holder = assignments.assign(4, "maximilian", IdentityStrategy.USERNAME, "maximilian.alexander");
        assertEquals(holder, assignments.assign(11, "maximilian", IdentityStrategy.USERNAME, "maximilian"));
        assertTrue(assignments.forUser(11).isEmpty());
    }

    @Test
    void manyUsersMayHaveNoIdentifier() {
        assignments.assign(9, null, IdentityStrategy.SEQUENTIAL, "renee.dupont");
        assignments.assign(10, null, IdentityStrategy.SEQUENTIAL, "sean.oconchuir");
        assertEquals(Optional.of(new Assignment(10, null, IdentityStrategy.SEQUENTIAL, "sean.oconchuir", T0)),
                assignments.forUser(10));
    }
}

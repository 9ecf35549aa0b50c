package io.github.mcsync.increment;

import static io.github.mcsync.increment.EnrolmentRules.Verdict.ACTIVE;
import static io.github.mcsync.increment.EnrolmentRules.Verdict.NEVER;
import static io.github.mcsync.increment.EnrolmentRules.Verdict.WAITING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mcsync.increment.EnrolmentRules.Verdict;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How far the high-water mark moves, and what is pending after a batch. */
class BatchPlanTest {

    static BatchPlan plan(long mark, List<Long> batch, List<Long> pending, Map<Long, Verdict> verdicts) {
        return new BatchPlan(mark, 10, batch, pending, verdicts, Map.of());
    }

    @Test
    void everyRowHandledMovesTheMarkPastTheWholeBatchAndRecordsTheWaitingOnes() {
        BatchPlan p = plan(10, List.of(11L, 12L, 13L, 14L), List.of(),
                Map.of(11L, ACTIVE, 12L, WAITING, 13L, NEVER, 14L, ACTIVE));
        assertEquals(List.of(11L, 14L), p.toSend());
        BatchPlan.Settlement s = p.settle(Set.of(11L, 14L));
        assertEquals(14, s.mark());
        assertEquals(Set.of(12L), s.addPending().keySet());
        assertTrue(s.complete());
    }

    @Test
    void theMarkStopsBeforeTheFirstActiveRowNotHandled() {
        BatchPlan p = plan(10, List.of(11L, 12L, 13L, 14L), List.of(),
                Map.of(11L, ACTIVE, 12L, WAITING, 13L, ACTIVE, 14L, ACTIVE));
        BatchPlan.Settlement s = p.settle(Set.of(11L)); // the feed halted after the first
        assertEquals(12, s.mark(), "13 is read again by the next poll");
        assertEquals(Set.of(12L), s.addPending().keySet());
        assertFalse(s.complete());
        assertEquals(10, p.settle(Set.of()).mark(), "nothing handled: the mark stays");
    }

    @Test
    void pendingRowsLeaveWhenSentOrWhenTheyNeverWillBeActiveAndStayOtherwise() {
        BatchPlan p = plan(20, List.of(), List.of(3L, 4L, 5L, 6L, 7L),
                Map.of(3L, ACTIVE, 4L, ACTIVE, 5L, WAITING, 6L, NEVER)); // 7: the row is gone (unenrolled)
        assertEquals(List.of(3L, 4L), p.toSend());
        BatchPlan.Settlement s = p.settle(Set.of(3L));
        assertEquals(Set.of(3L, 6L, 7L), s.dropPending());
        assertEquals(20, s.mark());
        assertFalse(s.complete(), "4 became active and is not handled yet: it stays pending");
    }

    @Test
    void aFullBatchSaysMoreMayFollow() {
        assertTrue(new BatchPlan(0, 2, List.of(1L, 2L), List.of(), Map.of(1L, NEVER, 2L, NEVER), Map.of()).full());
        assertFalse(new BatchPlan(0, 2, List.of(1L), List.of(), Map.of(1L, NEVER), Map.of()).full());
    }

    @Test
    void theBaselineSendsNothingPassesTheBatchAndKeepsTheWaitingRows() {
        BatchPlan p = plan(0, List.of(1L, 2L, 3L), List.of(), Map.of(1L, ACTIVE, 2L, WAITING, 3L, NEVER));
        BatchPlan.Settlement s = p.baseline();
        assertEquals(3, s.mark());
        assertEquals(Set.of(2L), s.addPending().keySet());
        assertEquals(1, p.activeInBatch());
    }
}

package io.github.mcsync.increment;

import io.github.mcsync.increment.EnrolmentRules.Verdict;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One batch of the database source (pure, no I/O): the user_enrolments rows read above the high-water mark, the
 * pending rows read again, and each row's verdict. It says which rows are sent, and once the sending is over, how far
 * the mark advances and which rows are pending from then on.
 * <p>
 * The mark never passes a row that is neither handled (delivered, already done, or waiting in the dead-letter store)
 * nor recorded as pending: a batch cut short (the feed halted or paused, a crash) is read again from its first row
 * not handled, and what was already delivered is skipped by its key.
 */
public final class BatchPlan {
    private final long mark;
    private final int batchSize;
    private final TreeSet<Long> batchIds;
    private final Set<Long> pendingBefore;
    private final Map<Long, Verdict> verdicts;
    private final Map<Long, String> waitingReasons;

    /**
     * @param mark           the high-water mark the batch was read above
     * @param batchSize      the most rows one batch reads (the query's LIMIT)
     * @param batchIds       the user_enrolments ids read above the mark
     * @param pendingBefore  the pending ids recorded before this batch (read again)
     * @param verdicts       the verdict of every row read (batch and pending); a pending id missing here is gone
     * @param waitingReasons why each WAITING row waits
     */
    public BatchPlan(long mark, int batchSize, Collection<Long> batchIds, Collection<Long> pendingBefore,
                     Map<Long, Verdict> verdicts, Map<Long, String> waitingReasons) {
        this.mark = mark;
        this.batchSize = batchSize;
        this.batchIds = new TreeSet<>(batchIds);
        this.pendingBefore = Set.copyOf(pendingBefore);
        this.verdicts = new TreeMap<>(verdicts);
        this.waitingReasons = Map.copyOf(waitingReasons);
    }

    /** The rows to send, in id order: every active row of the batch and every pending row that became active. */
    public List<Long> toSend() {
        List<Long> ids = new ArrayList<>();
        verdicts.forEach((id, v) -> {
            if (v == Verdict.ACTIVE && (batchIds.contains(id) || pendingBefore.contains(id))) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** The batch read as many rows as it may: more may follow above it. */
    public boolean full() {
        return batchIds.size() >= batchSize;
    }

    public long mark() {
        return mark;
    }

    /** The outcome of a batch: the new mark, the pending rows to add and to drop. */
    public record Settlement(long mark, Map<Long, String> addPending, Set<Long> dropPending, boolean complete) {
    }

    /** @param handled the ids sent that are now delivered, done, or waiting in the dead-letter store */
    public Settlement settle(Set<Long> handled) {
        Long firstNotHandled = batchIds.stream()
                .filter(id -> verdicts.get(id) == Verdict.ACTIVE && !handled.contains(id)).findFirst().orElse(null);
        long newMark = batchIds.isEmpty() ? mark
                : Math.max(mark, firstNotHandled == null ? batchIds.last() : firstNotHandled - 1);
        Map<Long, String> add = new TreeMap<>();
        for (Long id : batchIds) {
            if (id <= newMark && verdicts.get(id) == Verdict.WAITING && !pendingBefore.contains(id)) {
                add.put(id, waitingReasons.getOrDefault(id, "WAITING"));
            }
        }
        Set<Long> drop = new TreeSet<>();
        boolean pendingDone = true;
        for (Long id : pendingBefore) {
            Verdict v = verdicts.get(id);
            if (v == null || v == Verdict.NEVER || (v == Verdict.ACTIVE && handled.contains(id))) {
                drop.add(id);
            } else if (v == Verdict.ACTIVE) {
                pendingDone = false; // became active but not handled: stays pending, sent by a later poll
            }
        }
        return new Settlement(newMark, add, drop, firstNotHandled == null && pendingDone);
    }

    /**
     * The first start with {@code moodle.start=now}: nothing is sent; the mark passes the whole batch, and its rows
     * that are not active yet are pending (they are sent once they become active, as enrolments made from now on).
     */
    public Settlement baseline() {
        Map<Long, String> add = new TreeMap<>();
        for (Long id : batchIds) {
            if (verdicts.get(id) == Verdict.WAITING) {
                add.put(id, waitingReasons.getOrDefault(id, "WAITING"));
            }
        }
        return new Settlement(batchIds.isEmpty() ? mark : Math.max(mark, batchIds.last()), add, Set.of(), true);
    }

    /** How many rows of the batch are active (the baseline counts them as known). */
    public int activeInBatch() {
        return (int) batchIds.stream().filter(id -> verdicts.get(id) == Verdict.ACTIVE).count();
    }
}

package io.github.mcsync.feed;

import io.github.mcsync.deadletter.DeadLetterStore;
import io.github.mcsync.enrolment.Enrolment;
import io.github.mcsync.state.Deliveries;
import io.github.mcsync.state.KeyLookup;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Which of a course's enrolments are new: not done (a key in the processed-keys table) and not waiting in the
 * dead-letter store. Asked page by page ({@link #PAGE} enrolments, two queries a page) rather than record by record;
 * the in-flight mark ({@code InFlight.begin}) checks the key once more, in the same statement that marks it, so a key
 * recorded after its page was read is still never sent twice. A page is also what the send lanes queue at most
 * ({@link NewRecordStream}).
 */
public final class NewRecords {
    public static final int PAGE = KeyLookup.CHUNK;

    private final Deliveries deliveries;
    private final DeadLetterStore deadLetters;

    public NewRecords(Deliveries deliveries, DeadLetterStore deadLetters) {
        this.deliveries = deliveries;
        this.deadLetters = deadLetters;
    }

    /** The enrolments in pages of {@link #PAGE}, in their order, one page taken at a time (a streaming split). */
    public Iterator<List<Enrolment>> pages(Iterable<Enrolment> enrolments) {
        return KeyLookup.chunks(enrolments.iterator());
    }

    /**
     * The page's enrolments that are neither done nor waiting in the dead-letter store, in their order; those waiting
     * are counted in the poll as left to replay.
     */
    public List<Enrolment> of(List<Enrolment> page, PollRun run) {
        List<String> keys = page.stream().map(Enrolment::sourceReference).toList();
        Set<String> parked = deadLetters.parkedAmong(keys);
        Set<String> done = deliveries.doneAmong(keys);
        List<Enrolment> fresh = new ArrayList<>(page.size());
        for (Enrolment e : page) {
            if (parked.contains(e.sourceReference())) {
                if (run != null) {
                    run.parked();
                }
            } else if (!done.contains(e.sourceReference())) {
                fresh.add(e);
            }
        }
        return fresh;
    }
}

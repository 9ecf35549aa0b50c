package io.github.mcsync.feed;

import io.github.mcsync.ExchangeNames;
import java.util.BitSet;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;

/**
 * The order of the send lanes (routes/process-enrolments.camel.yaml). With {@code coursesales.concurrency=1} two lanes
 * run, yet CourseSales sees the records one at a time in Moodle's order: a record is validated, given its identifier
 * and marked in flight while the record before it is at CourseSales, and it calls CourseSales only once that record
 * has its SubmitRegistration answered or is settled otherwise (refused, dead-lettered, skipped, left at its source).
 * A record starts only once the record before it has had its turn to send, so at the start of a poll (or in an
 * outage) only the first record fetches metadata or meets the failure, as with one lane. Above 1 the lanes keep no
 * order: a record goes as soon as the login gate lets it.
 * <p>
 * A course's (or a database batch's) new records are numbered by the split that puts them on the lanes
 * ({@link Exchange#SPLIT_INDEX}); the lanes take them in that order (as does the split's own thread when the lanes'
 * queue is full), so the record a lane waits for is always on another lane or already settled.
 */
public final class SendOrder {
    private final boolean ordered;

    public SendOrder(int concurrency) {
        this.ordered = concurrency == 1;
    }

    /** The turns of one split's records (property {@link ExchangeNames#SEND_TURNS}); null where the lanes keep no order. */
    public Turns forRecords() {
        return ordered ? new Turns() : null;
    }

    /** Before a record is validated: waits until every record before it has had its turn to send. */
    public void awaitTurnToStart(@ExchangeProperty(ExchangeNames.SEND_TURNS) Turns turns,
                                 @ExchangeProperty(Exchange.SPLIT_INDEX) Integer index) throws InterruptedException {
        if (turns != null && index != null) {
            turns.awaitStart(index);
        }
    }

    /**
     * Before a record calls CourseSales to send (or look up) its registration: waits until every record before it
     * was answered or settled. At once outside the split (a replay) or where the lanes keep no order.
     */
    public void awaitTurnToSend(@ExchangeProperty(ExchangeNames.SEND_TURNS) Turns turns,
                                @ExchangeProperty(Exchange.SPLIT_INDEX) Integer index) throws InterruptedException {
        if (turns != null && index != null) {
            turns.awaitSend(index);
        }
    }

    /** This record's SubmitRegistration was answered, or the record is settled: the next one may call CourseSales. */
    public void passTurn(@ExchangeProperty(ExchangeNames.SEND_TURNS) Turns turns,
                         @ExchangeProperty(Exchange.SPLIT_INDEX) Integer index) {
        if (turns != null && index != null) {
            turns.pass(index);
        }
    }

    /** How far the records of a split have got. */
    public static final class Turns {
        private final BitSet sending = new BitSet();
        private final BitSet passed = new BitSet();
        /** Every record before this one has had its turn to send. */
        private int sendingBefore;
        /** Every record before this one was answered or settled. */
        private int passedBefore;

        synchronized void awaitStart(int index) throws InterruptedException {
            while (sendingBefore < index) {
                wait();
            }
        }

        synchronized void awaitSend(int index) throws InterruptedException {
            while (passedBefore < index) {
                wait();
            }
            sending.set(index);
            sendingBefore = advance(sending, sendingBefore);
            notifyAll();
        }

        synchronized void pass(int index) {
            sending.set(index);
            passed.set(index);
            sendingBefore = advance(sending, sendingBefore);
            passedBefore = advance(passed, passedBefore);
            notifyAll();
        }

        private static int advance(BitSet done, int from) {
            return done.nextClearBit(from);
        }
    }
}

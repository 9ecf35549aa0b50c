package io.github.mcsync.feed;

import io.github.mcsync.enrolment.Enrolment;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

/**
 * A course's new records (or a database batch's) one after the other, for the one split that puts them on the send
 * lanes (routes/process-enrolments.camel.yaml). The source is read a page ({@link NewRecords#PAGE}) at a time, when
 * the split asks for the page's first record: which keys are done or wait in the dead-letter store (two queries,
 * {@link NewRecords#of}), then the page's new users get their identifiers in one transaction, in Moodle's order. The
 * split asks while the lanes still send the page before (they hold a page in their queue), so no lane waits at a page
 * boundary. A feed that is halted, paused or interrupted reads no further page: the rest waits at its source.
 */
public final class NewRecordStream {
    private final FeedControl feed;
    private final NewRecords newRecords;
    private final Consumer<List<Enrolment>> claimIdentities;

    /** @param claimIdentities gives a page's new users their identifiers, in their order, in one transaction */
    public NewRecordStream(FeedControl feed, NewRecords newRecords, Consumer<List<Enrolment>> claimIdentities) {
        this.feed = feed;
        this.newRecords = newRecords;
        this.claimIdentities = claimIdentities;
    }

    /** The new records among these enrolments, in their order, a page read when its first record is asked for. */
    public Iterator<Enrolment> of(Iterable<Enrolment> enrolments, PollRun run) {
        Iterator<List<Enrolment>> pages = newRecords.pages(enrolments);
        return new Iterator<>() {
            private Iterator<Enrolment> page = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!page.hasNext() && pages.hasNext() && feed.isRunning()) {
                    List<Enrolment> fresh = newRecords.of(pages.next(), run);
                    claimIdentities.accept(fresh);
                    page = fresh.iterator();
                }
                return page.hasNext();
            }

            @Override
            public Enrolment next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.next();
            }
        };
    }
}

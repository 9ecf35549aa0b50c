package io.github.mcsync.moodle;

import io.github.mcsync.enrolment.Enrolment;
import java.util.AbstractCollection;
import java.util.Iterator;
import java.util.function.Supplier;

/**
 * One course's active enrolments as the REST source read them, gone through from the course's {@link UserSpool} each
 * time (never all in memory). Valid while the course's poll (or preview) runs: the spool goes when its exchange ends.
 */
public final class SpooledEnrolments extends AbstractCollection<Enrolment> {
    private final long courseId;
    private final int size;
    private final Supplier<Iterator<Enrolment>> read;

    SpooledEnrolments(long courseId, int size, Supplier<Iterator<Enrolment>> read) {
        this.courseId = courseId;
        this.size = size;
        this.read = read;
    }

    @Override
    public Iterator<Enrolment> iterator() {
        return read.get();
    }

    @Override
    public int size() {
        return size;
    }

    /** Never the records (a log line or a trace shows no personal data, and does not read the spool). */
    @Override
    public String toString() {
        return "SpooledEnrolments[course " + courseId + ", " + size + " enrolments]";
    }
}

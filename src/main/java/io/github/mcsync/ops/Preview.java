package io.github.mcsync.ops;

import io.github.mcsync.ExchangeNames;
import io.github.mcsync.Secrets;
import io.github.mcsync.coursesales.CourseSalesMetadata;
import io.github.mcsync.deadletter.DeadLetter;
import io.github.mcsync.deadletter.DeadLetterStore;
import io.github.mcsync.enrolment.CourseLink;
import io.github.mcsync.enrolment.Enrolment;
import io.github.mcsync.enrolment.Registration;
import io.github.mcsync.enrolment.identity.IdentityAssignments;
import io.github.mcsync.enrolment.identity.TentativeAssignments;
import io.github.mcsync.failure.Failure;
import io.github.mcsync.failure.FailureClassifier;
import io.github.mcsync.failure.OperatorSentences;
import io.github.mcsync.feed.Baseline;
import io.github.mcsync.feed.ExternalSystem;
import io.github.mcsync.feed.FeedControl;
import io.github.mcsync.feed.Halt;
import io.github.mcsync.ops.PreviewReport.Field;
import io.github.mcsync.ops.PreviewReport.Recorded;
import io.github.mcsync.ops.PreviewReport.Row;
import io.github.mcsync.ops.PreviewReport.Verdict;
import io.github.mcsync.state.Deliveries;
import io.github.mcsync.state.InFlight;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Variable;

/**
 * The verdicts of the preview (routes/preview.camel.yaml): the route reads Moodle with the poll's routes and runs each
 * record through the poll's own decisions (dead letters waiting, keys done, the validate route in dry-run mode); this
 * bean only writes down what those decided, for each record. It reads the state database and writes nothing.
 */
public final class Preview {
    private final FeedControl feed;
    private final DeadLetterStore deadLetters;
    private final Deliveries deliveries;
    private final InFlight inFlight;
    private final FailureClassifier classifier;
    private final IdentityAssignments identities;
    private final Clock clock;

    public Preview(FeedControl feed, DeadLetterStore deadLetters, Deliveries deliveries, InFlight inFlight,
                   FailureClassifier classifier, IdentityAssignments identities, Clock clock) {
        this.feed = feed;
        this.deadLetters = deadLetters;
        this.deliveries = deliveries;
        this.inFlight = inFlight;
        this.classifier = classifier;
        this.identities = identities;
        this.clock = clock;
    }

    public PreviewRun start() {
        return new PreviewRun(clock.instant(), new TentativeAssignments(identities, clock));
    }

    /** The feed is halted: a poll now reads nothing, every enrolment waits at its source. */
    public void halted(@ExchangeProperty(ExchangeNames.PREVIEW) PreviewRun run) {
        run.halted(Secrets.redact(feed.haltedReason()));
    }

    /** A source the preview cannot read yet (moodle.source=db): nothing is read, the answer says why. */
    public void sourceNotPreviewed(String source, @ExchangeProperty(ExchangeNames.PREVIEW) PreviewRun run) {
        run.moodleFailed("PREVIEW_NOT_AVAILABLE (the preview reads the REST source only; moodle.source=" + source
                + " is not previewed): nothing was read");
    }

    /** Moodle could not be read: a poll now would fail the same way, sending and marking nothing. */
    public void moodleFailed(Exchange exchange, @ExchangeProperty(ExchangeNames.PREVIEW) PreviewRun run) {
        Failure f = classifier.classify(exchange);
        run.moodleFailed(f.code() + " (" + f.text() + "): the next poll would fail there too, and send and mark nothing"
                + " of what it could not read" + (f.kind() == Failure.Kind.SYSTEMIC ? "; it would halt the feed for Moodle" : ""));
    }

    /** One course's enrolments as read (counted in the preview's own figures). */
    public Collection<Enrolment> found(Collection<Enrolment> course, @ExchangeProperty(ExchangeNames.PREVIEW) PreviewRun run) {
        run.pollRun().found(course.size());
        return course;
    }

    /**
     * The enrolments the course's baseline would record as known (moodle.start=now: a course or role seen for the
     * first time) get their verdict; the others are answered, to be previewed one by one.
     */
    public Collection<Enrolment> baseline(@Variable("baselineSplit") Baseline.Split split,
                                    @ExchangeProperty(ExchangeNames.PREVIEW) PreviewRun run) {
        if (!split.known().isEmpty()) {
            run.baseline();
        }
        String roles = String.join(",", split.missing());
        split.known().forEach(e -> run.add(row(e, Verdict.BASELINE).reason("the first poll of course " + e.courseId()
                + " (" + e.courseShortname() + ") for role(s) " + roles + " records its enrolments as known, not sent")
                .build()));
        return split.rest();
    }

    /** Whether the poll would have stopped before this record: an earlier one paused or halted it, or it is halted. */
    public boolean stopped(@ExchangeProperty(ExchangeNames.PREVIEW) PreviewRun run) {
        if (run.stoppedBy() == null && feed.isHalted()) {
            run.stop(Secrets.redact(feed.haltedReason()));
        }
        return run.stoppedBy() != null;
    }

    public void staysAtSource(@ExchangeProperty(ExchangeNames.ENROLMENT) Enrolment e,
                              @ExchangeProperty(ExchangeNames.PREVIEW) PreviewRun run) {
        run.add(row(e, Verdict.STAYS_AT_SOURCE).reason("the feed stops before this record: " + run.stoppedBy()).build());
    }

    public void waiting(@ExchangeProperty(ExchangeNames.ENROLMENT) Enrolment e,
                        @ExchangeProperty(ExchangeNames.PREVIEW) PreviewRun run) {
        RowBuilder row = row(e, Verdict.WAITING_IN_DEAD_LETTERS);
        deadLetters.open(e.sourceReference()).ifPresent((DeadLetter d) -> row.deadLetter(d.id())
                .reason(d.reasonCode(), d.reasonText()).advice(d.reasonCode()).note(d.status().equals(DeadLetter.NEW) ? null : "being replayed"));
        run.add(row.build());
    }

    public void alreadySent(@ExchangeProperty(ExchangeNames.ENROLMENT) Enrolment e,
                            @ExchangeProperty(ExchangeNames.PREVIEW) PreviewRun run) {
        RowBuilder row = row(e, Verdict.ALREADY_SENT);
        deliveries.recordOf(e.sourceReference()).ifPresent(r -> row.recorded(new Recorded(r.outcome(),
                r.documentExternalId(), r.recordedAt().toString())));
        run.add(row.build());
    }

    /** The validate route passed the record: it would be sent, for this course date, with these values. */
    public void wouldSend(@ExchangeProperty(ExchangeNames.ENROLMENT) Enrolment e,
                          @ExchangeProperty(ExchangeNames.REGISTRATION) Registration registration,
                          @ExchangeProperty(ExchangeNames.COURSE_LINK) CourseLink link,
                          @ExchangeProperty(ExchangeNames.METADATA) CourseSalesMetadata metadata,
                          @ExchangeProperty(ExchangeNames.PREVIEW) PreviewRun run) {
        var date = link.courseDate();
        var form = metadata.registrationForm();
        RowBuilder row = row(e, Verdict.WOULD_SEND)
                .courseDate(new PreviewReport.CourseDate(date.courseDateId(), date.name(),
                        date.startDate() == null ? null : date.startDate().toString(),
                        link.severalCandidates() ? link.choice() : null))
                .fields(registration.fieldValues().stream().map(v -> new Field(v.fieldId(),
                        form.field(v.fieldId()).map(CourseSalesMetadata.Field::name).orElse(""), v.value())).toList());
        if (inFlight.pending(e.sourceReference())) {
            // sendToCourseSales: OUTCOME_UNKNOWN, neither looked up nor sent again before the grace is over
            run.add(row(e, Verdict.OUTCOME_UNKNOWN).reason("OUTCOME_UNKNOWN", "the last submission got no answer: not looked"
                    + " up or sent again before " + inFlight.resolvableAt(e.sourceReference())
                    + " (coursesales.receive-timeout + coursesales.unknown-outcome-grace)").build());
            return;
        }
        if (inFlight.isInFlight(e.sourceReference())) {
            row.note("an earlier submission's outcome is unknown: CourseSales is asked first (FindDocuments), and it is"
                    + " recorded instead of sent when the document is there");
        }
        run.add(row.build());
    }

    /**
     * The validate route refused the record, or a call failed: what the poll's error handling would do with that
     * failure (routes/error-handling.camel.yaml): a record-level reason dead-letters it, a configuration problem
     * pauses the feed, a refused login halts it (the login gate has halted CourseSales already, as in a poll).
     */
    public void refused(Exchange exchange, @ExchangeProperty(ExchangeNames.ENROLMENT) Enrolment e,
                        @ExchangeProperty(ExchangeNames.PREVIEW) PreviewRun run) {
        Failure f = classifier.classify(exchange);
        switch (f.kind()) {
            case PERMANENT -> run.add(row(e, Verdict.WOULD_DEAD_LETTER).reason(f.code(), f.text()).advice(f.code()).build());
            case CONFIGURATION -> {
                run.add(row(e, Verdict.WOULD_PAUSE).reason(f.code(), f.text()).advice(f.code()).build());
                run.stop("the feed pauses (" + f.code() + ")");
            }
            case SYSTEMIC -> {
                ExternalSystem system = f.code().startsWith("MOODLE_") ? ExternalSystem.MOODLE : ExternalSystem.COURSESALES;
                String fix = feed.halt(system).map(Halt::fix).orElse(null);
                run.add(row(e, Verdict.WOULD_HALT).reason(f.code(), f.text()).fix(fix).build());
                run.stop("the feed halts (" + f.code() + ")");
            }
            case TRANSIENT -> {
                // error-handling.camel.yaml: a poll retries with backoff, then is interrupted; the rest waits at its source
                run.add(row(e, Verdict.NOT_CHECKED).reason(f.code(), f.text() + ": a poll would retry it with backoff,"
                        + " then stop; it and the records after it wait at their source for the next poll").build());
                run.stop("the poll is interrupted (" + f.code() + ")");
            }
        }
    }

    public PreviewReport report(@ExchangeProperty(ExchangeNames.PREVIEW) PreviewRun run) {
        List<Row> rows = run.rows();
        String note = run.haltedReason() != null ? "the feed is halted: a poll now reads nothing"
                : run.moodleFailure() != null ? "Moodle could not be read" : null;
        return new PreviewReport(run.startedAt().toString(), run.haltedReason() == null ? "RUNNING" : "HALTED",
                run.haltedReason(), run.moodleFailure(), run.isBaseline(), PreviewReport.countsOf(rows), rows, note);
    }

    private static RowBuilder row(Enrolment e, Verdict verdict) {
        return new RowBuilder(e, verdict);
    }

    /** One row, filled in by verdict. */
    private static final class RowBuilder {
        private final Enrolment e;
        private final Verdict verdict;
        private String code;
        private String reason;
        private String advice;
        private PreviewReport.CourseDate courseDate;
        private List<Field> fields;
        private Long deadLetterId;
        private Recorded recorded;
        private String note;

        RowBuilder(Enrolment e, Verdict verdict) {
            this.e = e;
            this.verdict = verdict;
        }

        RowBuilder reason(String text) {
            this.reason = Secrets.redact(text);
            return this;
        }

        RowBuilder reason(String code, String text) {
            this.code = code;
            return reason(text);
        }

        /** The reason code's operator sentence. */
        RowBuilder advice(String reasonCode) {
            return fix(OperatorSentences.of(reasonCode).orElse(null));
        }

        RowBuilder fix(String sentence) {
            this.advice = sentence;
            return this;
        }

        RowBuilder courseDate(PreviewReport.CourseDate d) {
            this.courseDate = d;
            return this;
        }

        RowBuilder fields(List<Field> f) {
            this.fields = f;
            return this;
        }

        RowBuilder deadLetter(long id) {
            this.deadLetterId = id;
            return this;
        }

        RowBuilder recorded(Recorded r) {
            this.recorded = r;
            return this;
        }

        RowBuilder note(String n) {
            this.note = n;
            return this;
        }

        Row build() {
            String name = ((e.firstName() == null ? "" : e.firstName()) + " " + (e.lastName() == null ? "" : e.lastName())).strip();
            return new Row(e.sourceReference(), e.courseId(), e.courseShortname(), e.userId(), e.username(), name, verdict,
                    code, reason, advice, courseDate, fields, deadLetterId, recorded, note);
        }
    }
}

package io.github.mcsync;

/**
 * The names that routes/ and Java share for what travels with an exchange (one vocabulary, defined once).
 * Exchange properties carry a record through the sub-routes of the flow; values that live only within one
 * route are Camel variables ({@code setVariable}, {@code ${variable.x}}, {@code @Variable}) named in that route.
 */
public final class ExchangeNames {
    /** Property: the canonical {@code Enrolment} on its way (dead letters store it). */
    public static final String ENROLMENT = "enrolment";
    /** Property: the figures of the poll or replay the record belongs to ({@code PollRun}). */
    public static final String POLL_RUN = "pollRun";
    /** Property: where the record is in the flow (validate, send), recorded with a dead letter. */
    public static final String STAGE = "stage";
    /** Property: the CourseSales metadata the record was validated against ({@code CourseSalesMetadata}). */
    public static final String METADATA = "metadata";
    /** Property: the record's CourseSales course date and how it was chosen ({@code CourseLink}). */
    public static final String COURSE_LINK = "courseLink";
    /** Property: the registration prepared by validation and sent by the send route ({@code Registration}). */
    public static final String REGISTRATION = "registration";
    /** Property: the SOAP operation of the last CourseSales call (which call a failure came from). */
    public static final String LAST_COURSESALES_OPERATION = "lastCourseSalesOperation";
    /** Property: one dead letter on its way through a replay ({@code DeadLetterReplay.Attempt}). */
    public static final String REPLAY = "replay";
    /** Property: true when the preflight fetches CourseSales metadata fresh (the command line), not from the cache. */
    public static final String PREFLIGHT_FRESH = "preflightFresh";
    /**
     * Property: true once this exchange sent the record's SubmitRegistration (an unanswered one then means CourseSales
     * did not answer us now, not an earlier run).
     */
    public static final String SUBMITTED = "submitted";
    /**
     * Property: set in a dry run (the preview) to the dry run's ledger of client identifiers
     * ({@code TentativeAssignments}): validation then assigns identifiers there and writes nothing.
     */
    public static final String DRY_RUN = "dryRun";
    /** Property: the preview on its way ({@code PreviewRun}): one verdict per enrolment a poll would pick up. */
    public static final String PREVIEW = "preview";
    /**
     * Property: the turns of the page a record belongs to ({@code SendOrder.Turns}): at coursesales.concurrency=1 the
     * send lanes call CourseSales in Moodle's order; absent otherwise.
     */
    public static final String SEND_TURNS = "sendTurns";
    /** Header: the record's source reference, its idempotency key. */
    public static final String SOURCE_REFERENCE = "sourceReference";

    private ExchangeNames() {
    }
}

package io.github.mcsync.ops;

import io.github.mcsync.state.PollHistory;
import java.util.List;
import org.apache.camel.Header;

/** GET /api/polls?limit=20: the last polls, newest first, with their figures, duration and per-course counts. */
public final class RunHistory {
    public static final int DEFAULT_LIMIT = 20;

    private final PollHistory history;

    public RunHistory(PollHistory history) {
        this.history = history;
    }

    /**
     * @param kept  how many polls the state database keeps (ops.poll-history)
     * @param polls newest first
     */
    public record Answer(int kept, List<Poll> polls) {
    }

    /** One poll as the console shows it; times ISO-8601 UTC, {@code fresh} is the summary's "new". */
    public record Poll(int number, String startedAt, String finishedAt, long durationMillis, String outcome, int found,
                       int fresh, int sent, int deadLettered, int waiting, Integer baseline, String failure,
                       String halted, String summary, List<PollHistory.CourseFigures> courses) {
        static Poll of(PollHistory.Poll p) {
            return new Poll(p.number(), p.startedAt().toString(), p.finishedAt().toString(), p.durationMillis(),
                    p.outcome(), p.found(), p.fresh(), p.sent(), p.deadLettered(), p.waiting(), p.baseline(),
                    p.failure(), p.halted(), p.summary(), p.courses());
        }
    }

    public Answer latest(@Header("limit") String limit) {
        int n = DeadLetterViews.number("limit", limit, Math.min(DEFAULT_LIMIT, history.keep()), 1, history.keep());
        return new Answer(history.keep(), history.latest(n).stream().map(Poll::of).toList());
    }
}

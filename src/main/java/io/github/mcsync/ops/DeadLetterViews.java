package io.github.mcsync.ops;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mcsync.deadletter.DeadLetter;
import io.github.mcsync.deadletter.DeadLetterDiscard;
import io.github.mcsync.deadletter.DeadLetterStore;
import io.github.mcsync.deadletter.ReplayReport;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Header;

/** The ops API's dead-letter answers: a filtered page, one dead letter, a discard. */
public final class DeadLetterViews {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    /** How many dead letters one bulk replay takes at most when its request names no limit. */
    public static final int DEFAULT_REPLAY_LIMIT = 100;
    private static final Set<String> STATUSES = Set.of(DeadLetter.NEW, DeadLetter.REPLAY_REQUESTED, DeadLetter.REPLAYED,
            DeadLetter.DISCARDED);

    private final DeadLetterStore store;
    private final DeadLetterDiscard discard;
    private final ObjectMapper json;

    public DeadLetterViews(DeadLetterStore store, DeadLetterDiscard discard, ObjectMapper json) {
        this.store = store;
        this.discard = discard;
        this.json = json;
    }

    public record Page(int total, int offset, int limit, List<DeadLetterView> items) {
    }

    /** GET /api/dead-letters?status=NEW&amp;reason=FIELD_INACTIVE&amp;offset=0&amp;limit=50 (each optional). */
    public Page list(@Header("status") String status, @Header("reason") String reason, @Header("offset") String offset,
                     @Header("limit") String limit) {
        String s = blankToNull(status);
        if (s != null && !STATUSES.contains(s)) {
            throw OpsRequestException.badRequest("status must be one of " + STATUSES.stream().sorted().toList());
        }
        String r = blankToNull(reason);
        int from = number("offset", offset, 0, 0, Integer.MAX_VALUE);
        int size = number("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        List<DeadLetterView> items = store.list(s, r, from, size).stream().map(d -> DeadLetterView.of(d, null)).toList();
        return new Page(store.count(s, r), from, size, items);
    }

    /** GET /api/dead-letters/{id}: the row with its stored enrolment. */
    public DeadLetterView show(@Header("id") String id) {
        DeadLetter d = store.find(id(id)).orElseThrow(() -> notFound(id));
        try {
            return DeadLetterView.of(d, json.readTree(d.payload()));
        } catch (JsonProcessingException e) {
            return DeadLetterView.of(d, null);
        }
    }

    /** POST /api/dead-letters/{id}/replay: the id of an existing dead letter (404 otherwise), as a list to replay. */
    public List<Long> toReplay(@Header("id") String id) {
        long n = id(id);
        if (store.find(n).isEmpty()) {
            throw notFound(id);
        }
        return List.of(n);
    }

    /** POST /api/dead-letters/{id}/discard: the row after the discard. */
    public DeadLetterView discard(@Header("id") String id) {
        long n = id(id);
        switch (discard.discard(n)) {
            case NOT_FOUND -> throw notFound(id);
            case NOT_OPEN -> {
                DeadLetter d = store.find(n).orElseThrow();
                throw OpsRequestException.conflict("dead letter " + n + " is " + d.status()
                        + (d.resolvedDocumentId() == null ? "" : " (CourseSales document " + d.resolvedDocumentId() + ")")
                        + ": only a NEW dead letter can be discarded");
            }
            default -> {
                return DeadLetterView.of(store.find(n).orElseThrow(), null);
            }
        }
    }

    /**
     * POST /api/dead-letters/replay?reason=CODE&amp;limit=N: the oldest NEW dead letters with that reason code, at most
     * {@code limit} (1 to 500, default 100), so one request stays bounded in time. The reason is required: a bulk
     * replay never replays every reason at once.
     */
    public List<Long> toReplayByReason(@Header("reason") String reason, @Header("limit") String limit) {
        String r = blankToNull(reason);
        if (r == null) {
            throw OpsRequestException.badRequest("reason is required, e.g. POST /api/dead-letters/replay?reason=FIELD_INACTIVE");
        }
        return store.newIds(r, number("limit", limit, DEFAULT_REPLAY_LIMIT, 1, MAX_LIMIT));
    }

    /** A bulk replay's answer says how many NEW dead letters of its reason still wait (for the next request). */
    public ReplayReport withRemaining(ReplayReport report, String reason) {
        return report.withRemaining(store.count(DeadLetter.NEW, blankToNull(reason)));
    }

    /** One reason code: its operator sentence (where we have one) and its dead letters by status. */
    public record Reason(String reasonCode, @JsonInclude(JsonInclude.Include.NON_NULL) String advice, int total,
                         Map<String, Integer> byStatus) {
    }

    public record Reasons(List<Reason> reasons) {
    }

    /** GET /api/dead-letter-reasons: every reason code in the store with its counts per status. */
    public Reasons reasons() {
        return new Reasons(store.countsByReason().entrySet().stream()
                .map(e -> new Reason(e.getKey(), DeadLetterView.advice(e.getKey()),
                        e.getValue().values().stream().mapToInt(Integer::intValue).sum(), e.getValue()))
                .toList());
    }

    public record History(long id, String sourceReference, List<Event> events) {
    }

    /** One event; {@code at} ISO-8601 UTC. */
    public record Event(String at, String event, @JsonInclude(JsonInclude.Include.NON_NULL) String reasonCode,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String detail) {
    }

    /** GET /api/dead-letters/{id}/history: what happened to it, oldest first. */
    public History history(@Header("id") String id) {
        DeadLetter d = store.find(id(id)).orElseThrow(() -> notFound(id));
        return new History(d.id(), d.sourceReference(), store.history().of(d.id()).stream()
                .map(e -> new Event(e.at().toString(), e.event(), e.reasonCode(), e.detail())).toList());
    }

    private static long id(String id) {
        try {
            return Long.parseLong(id.strip());
        } catch (RuntimeException e) {
            throw notFound(id);
        }
    }

    private static OpsRequestException notFound(String id) {
        return OpsRequestException.notFound("no dead letter " + id);
    }

    static int number(String name, String value, int otherwise, int min, int max) {
        String v = blankToNull(value);
        if (v == null) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw OpsRequestException.badRequest(name + " must be a whole number from " + min + " to " + max);
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.strip().toUpperCase(Locale.ROOT);
    }
}

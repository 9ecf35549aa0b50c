package io.github.mcsync.demo.moodle;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The requests a simulator received, in arrival order. Thread-safe. */
final class RequestLog {

    private final List<RecordedRequest> requests = new ArrayList<>();

    synchronized void add(RecordedRequest request) {
        requests.add(request);
    }

    synchronized List<RecordedRequest> all() {
        return List.copyOf(requests);
    }

    synchronized int count(String wsfunction) {
        return (int) requests.stream().filter(r -> Objects.equals(wsfunction, r.wsfunction())).count();
    }

    synchronized Optional<RecordedRequest> last() {
        return requests.isEmpty() ? Optional.empty() : Optional.of(requests.get(requests.size() - 1));
    }

    synchronized void clear() {
        requests.clear();
    }
}

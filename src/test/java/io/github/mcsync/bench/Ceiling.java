package io.github.mcsync.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The ceiling: a bare java.net.http client posting the bundle's own SubmitRegistration envelopes (captured at the
 * simulator exactly as the bundle's CXF/JAXB client marshalled them) to the same simulator, with the same number of
 * requests in flight. Nothing the bundle does (Moodle paging, validation, state writes) is in it.
 */
final class Ceiling {
    private Ceiling() {
    }

    /** Registrations per second; throws when an answer is not HTTP 200. */
    static double measure(String url, List<SimulatorsProcess.Envelope> envelopes, int concurrency) throws Exception {
        if (envelopes.isEmpty()) {
            return Double.NaN;
        }
        ExecutorService lanes = Executors.newFixedThreadPool(concurrency);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long t0 = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int lane = 0; lane < concurrency; lane++) {
                done.add(lanes.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < envelopes.size(); ) {
                        SimulatorsProcess.Envelope e = envelopes.get(i);
                        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(e.body()))
                                .header("Content-Type", e.contentType());
                        if (!"null".equals(e.soapAction())) {
                            r.header("SOAPAction", e.soapAction());
                        }
                        try {
                            if (http.send(r.build(), HttpResponse.BodyHandlers.ofByteArray()).statusCode() != 200) {
                                failed.incrementAndGet();
                            }
                        } catch (IOException ex) {
                            failed.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            lanes.shutdownNow();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (failed.get() > 0) {
            throw new IllegalStateException("the ceiling's client got " + failed.get() + " failed answers");
        }
        return envelopes.size() / seconds;
    }
}

package uk.gov.em.gateway.bench;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * An HTTP load generator on virtual threads over {@link KeepAliveConnections}. {@link #closedLoop} finds a maximum rate (N clients, each sending its
 * next request as soon as the last is answered); {@link #openLoop} sends at a fixed rate whatever the answers
 * do, timing each request from when it was due, not when it was sent, so a stall is not hidden by the requests it
 * holds back (no coordinated omission).
 */
final class LoadGenerator {

    private final KeepAliveConnections http;

    LoadGenerator(KeepAliveConnections http) {
        this.http = http;
    }

    /** One POST: path, headers and body. */
    record Post(String path, Map<String, String> headers, byte[] body) {
    }

    /** What one phase measured: completed requests per second, failures, and latency in microseconds. */
    record Result(double requestsPerSecond, long completed, long failed, Histogram latencyMicros,
            Histogram dispatchLagMicros) {

        Result(double requestsPerSecond, long completed, long failed, Histogram latencyMicros) {
            this(requestsPerSecond, completed, failed, latencyMicros, new Histogram(3));
        }

        /** How late the generator itself was in sending, at this percentile, in ms (open loop only). */
        double lag(double percentile) {
            return dispatchLagMicros.getValueAtPercentile(percentile) / 1000.0;
        }


        double p(double percentile) {
            return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    /**
     * {@code clients} virtual threads send {@code request(n)} back to back for {@code warmup + measure}; only requests
     * completed inside the measuring window count.
     */
    Result closedLoop(LongFunction<Post> request, int expectedStatus, int clients, Duration warmup, Duration measure)
            throws InterruptedException {
        AtomicLong sequence = new AtomicLong();
        AtomicLong completed = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Recorder latency = new Recorder(3);
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + measure.toNanos();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                threads.submit(() -> {
                    while (System.nanoTime() < end) {
                        long sent = System.nanoTime();
                        boolean ok = send(request.apply(sequence.getAndIncrement()), expectedStatus);
                        long done = System.nanoTime();
                        if (done >= measureFrom && done < end) {
                            (ok ? completed : failed).incrementAndGet();
                            latency.recordValue(TimeUnit.NANOSECONDS.toMicros(done - sent));
                        }
                    }
                });
            }
        }
        return new Result(completed.get() / (measure.toNanos() / 1e9), completed.get(), failed.get(),
                latency.getIntervalHistogram());
    }

    /** Sends {@code ratePerSecond} requests a second for {@code measure}, timing each from when it was due. */
    Result openLoop(LongFunction<Post> request, int expectedStatus, double ratePerSecond, Duration measure)
            throws InterruptedException {
        AtomicLong completed = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Recorder latency = new Recorder(3);
        Recorder lag = new Recorder(3);
        long interval = (long) (1e9 / ratePerSecond);
        long start = System.nanoTime();
        long count = (long) (ratePerSecond * measure.toNanos() / 1e9);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long i = 0; i < count; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                long n = i;
                threads.submit(() -> {
                    lag.recordValue(Math.max(0, TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - due)));
                    boolean ok = send(request.apply(n), expectedStatus);
                    (ok ? completed : failed).incrementAndGet();
                    latency.recordValue(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - due));
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(completed.get() / seconds, completed.get(), failed.get(), latency.getIntervalHistogram(),
                lag.getIntervalHistogram());
    }

    private boolean send(Post request, int expectedStatus) {
        try {
            return http.post(request.path(), request.headers(), request.body()) == expectedStatus;
        } catch (IOException e) {
            return false;
        }
    }
}

package uk.gov.em.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import uk.gov.em.contracts.BreachType;
import uk.gov.em.contracts.Notification;
import uk.gov.em.contracts.json.Json;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A supplier posting a steady load of signed notifications, singles and batches, for many people, and
 * retrying what was not acknowledged as a real supplier would (same notification, signed afresh) until it
 * is. Each person gets a battery episode that makes an ABV, a curfew breach, a battery episode reported late
 * that moves the ABV (the first is withdrawn, a new one raised), and a second curfew breach (the ladder).
 */
final class SupplierLoad implements AutoCloseable {

    private final StackClient client;
    private final Supplier<String> gatewayUrl;
    private final String run;
    private final Random random;
    private final Instant base = Instant.now().minus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
    private final Deque<List<Notification>> retries = new ArrayDeque<>();
    private final Deque<Notification> planned = new ArrayDeque<>();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final Set<String> rejected = ConcurrentHashMap.newKeySet();
    private final AtomicLong failedAttempts = new AtomicLong();
    private final ScheduledExecutorService poster = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "supplier-load");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean planning = true;
    private volatile long pausedUntil;
    private int people;

    SupplierLoad(StackClient client, Supplier<String> gatewayUrl, String run, long seed) {
        this.client = client;
        this.gatewayUrl = gatewayUrl;
        this.run = run;
        this.random = new Random(seed);
    }

    /** Posts one single or one batch every {@code period} until {@link #stopPlanning()} and everything is acknowledged. */
    void start(Duration period) {
        poster.scheduleWithFixedDelay(this::postOne, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** No new people from now on; what is planned or unacknowledged is still posted until acknowledged. */
    void stopPlanning() {
        planning = false;
    }

    /** True once nothing is left to post. */
    boolean drained() {
        synchronized (this) {
            return !planning && planned.isEmpty() && retries.isEmpty();
        }
    }

    Set<String> acknowledged() {
        return Set.copyOf(acknowledged);
    }

    Set<String> rejected() {
        return Set.copyOf(rejected);
    }

    long failedAttempts() {
        return failedAttempts.get();
    }

    String subjectPrefix() {
        return "CM-" + run + "-";
    }

    private void postOne() {
        if (System.currentTimeMillis() < pausedUntil) {
            return;
        }
        List<Notification> chunk = next();
        if (chunk.isEmpty()) {
            return;
        }
        try {
            HttpResponse<String> response = chunk.size() == 1 && random.nextBoolean()
                    ? client.post(gatewayUrl.get(), chunk.getFirst())
                    : client.postBatch(gatewayUrl.get(), chunk);
            if (response.statusCode() / 100 == 2) {
                acknowledge(chunk, response);
            } else {
                retry(chunk, response.headers().firstValueAsLong("Retry-After").orElse(1) * 1000);
            }
        } catch (IOException e) {
            retry(chunk, 500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            retry(chunk, 0);
        } catch (RuntimeException e) {
            retry(chunk, 500);
        }
    }

    private void acknowledge(List<Notification> chunk, HttpResponse<String> response) throws IOException {
        List<Integer> refused = new ArrayList<>();
        if (response.body().startsWith("{") && response.body().contains("\"rejected\"")) {
            JsonNode body = Json.mapper().readTree(response.body());
            body.path("rejected").forEach(r -> refused.add(r.path("index").asInt()));
        }
        for (int i = 0; i < chunk.size(); i++) {
            (refused.contains(i) ? rejected : acknowledged).add(chunk.get(i).notificationId());
        }
    }

    private synchronized void retry(List<Notification> chunk, long pauseMillis) {
        failedAttempts.incrementAndGet();
        retries.addFirst(chunk);
        pausedUntil = System.currentTimeMillis() + pauseMillis;
    }

    private synchronized List<Notification> next() {
        if (!retries.isEmpty()) {
            return retries.removeFirst();
        }
        int size = random.nextInt(3) == 0 ? 1 : 2 + random.nextInt(24);
        while (planning && planned.size() < size) {
            plan(people++);
        }
        List<Notification> chunk = new ArrayList<>();
        while (chunk.size() < size && !planned.isEmpty()) {
            chunk.add(planned.removeFirst());
        }
        return chunk;
    }

    private void plan(int person) {
        String subject = subjectPrefix() + person;
        Instant t0 = base.plus(person % 600, ChronoUnit.MINUTES);
        String id = "CM-" + run + "-" + person + "-";
        planned.add(new Notification(id + 1, subject, "GPS-" + person, BreachType.BATTERY_DEPLETED,
                t0.plus(20, ChronoUnit.HOURS), t0.plus(32, ChronoUnit.HOURS), "E-" + run + "-" + person + "-b", null));
        planned.add(new Notification(id + 2, subject, "GPS-" + person, BreachType.CURFEW_MISSED_FULL,
                t0.plus(40, ChronoUnit.HOURS), null, null, null));
        planned.add(new Notification(id + 3, subject, "GPS-" + person, BreachType.BATTERY_DEPLETED,
                t0, t0.plus(6, ChronoUnit.HOURS), "E-" + run + "-" + person + "-a", null));
        planned.add(new Notification(id + 4, subject, "GPS-" + person, BreachType.CURFEW_MISSED_FULL,
                t0.plus(50, ChronoUnit.HOURS), null, null, null));
    }

    @Override
    public void close() {
        poster.shutdownNow();
    }
}

package uk.gov.em.deploy.simulator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.em.contracts.Notification;
import uk.gov.em.contracts.json.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Posts simulated notifications through the gateway at a steady rate, signed as a supplier would sign
 * them, so that a newcomer's local stack fills its queues. It honours {@code Retry-After}.
 */
public final class NotificationSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationSimulator.class);

    private final SimulatedSupplier supplier;
    private final URI endpoint;
    private final String supplierId;
    private final String secret;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "simulator");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private volatile long pausedUntilMillis;

    public NotificationSimulator(SimulatedSupplier supplier, String gatewayUrl, String supplierId, String secret, Clock clock) {
        this.supplier = supplier;
        this.endpoint = URI.create(gatewayUrl + "/api/v1/notifications");
        this.supplierId = supplierId;
        this.secret = secret;
        this.clock = clock;
    }

    /** Starts posting {@code perSecond} notifications a second until closed. */
    public void start(double perSecond) {
        long periodMicros = (long) (1_000_000 / perSecond);
        scheduler.scheduleAtFixedRate(this::postOne, 0, periodMicros, TimeUnit.MICROSECONDS);
        scheduler.scheduleAtFixedRate(() -> LOG.info("simulator: {} accepted, {} refused so far",
                accepted.get(), refused.get()), 60, 60, TimeUnit.SECONDS);
    }

    /** Signs and posts one notification; answers the HTTP status. */
    public int post(Notification notification) throws IOException, InterruptedException {
        HttpRequest request = SignedRequests.post(endpoint, supplierId, secret, Json.toBytes(notification), clock.instant());
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 429 || response.statusCode() == 503) {
            long seconds = response.headers().firstValueAsLong("Retry-After").orElse(5);
            pausedUntilMillis = clock.millis() + seconds * 1000;
        }
        return response.statusCode();
    }

    private void postOne() {
        if (clock.millis() < pausedUntilMillis) {
            return;
        }
        try {
            int status = post(supplier.next(clock.instant()));
            (status / 100 == 2 ? accepted : refused).incrementAndGet();
        } catch (IOException e) {
            refused.incrementAndGet();
            LOG.warn("simulator: gateway unreachable: {}", e.getMessage());
            pausedUntilMillis = clock.millis() + 5_000;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        LOG.info("simulator: stopped after {} accepted, {} refused", accepted.get(), refused.get());
    }
}

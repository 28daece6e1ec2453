package uk.gov.em.hub.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;
import uk.gov.em.contracts.ReceivedNotification;
import uk.gov.em.contracts.Topics;
import uk.gov.em.hub.common.ingest.AfterStore;
import uk.gov.em.hub.testing.ACase;
import uk.gov.em.hub.testing.ANotification;
import uk.gov.em.hub.testing.HubIntegrationTest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A failure after the database commit and before the Kafka offset commit (the worst moment to crash)
 * makes the broker deliver the batch again; the hub must store nothing twice, audit nothing twice, and
 * go on to the records behind it.
 */
@MicronautTest(transactional = false)
class IngestCrashIT extends HubIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    CrashOnceAfterStore crash;

    @Inject
    MeterRegistry meters;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("hub.test.crash-after-store", "true");
    }

    /** Fails once per armed topic, exactly between the database commit and the offset commit. */
    @Singleton
    @Replaces(AfterStore.class)
    @Requires(property = "hub.test.crash-after-store", value = "true")
    static class CrashOnceAfterStore extends AfterStore {

        final Set<String> armed = ConcurrentHashMap.newKeySet();
        final Set<String> crashed = ConcurrentHashMap.newKeySet();

        @Override
        public void stored(String topic) {
            if (armed.remove(topic)) {
                crashed.add(topic);
                throw new IllegalStateException("simulated crash after the database commit on " + topic);
            }
        }
    }

    @Test
    void aCrashBetweenTheDatabaseCommitAndTheOffsetCommitDoublesNothing() {
        String subject = "subject-" + UUID.randomUUID();
        List<ACase> cases = List.of(ACase.aCase().subject(subject), ACase.aCase().subject(subject), ACase.aCase().subject(subject));
        List<ReceivedNotification> notifications = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            notifications.add(ANotification.aNotification().subject(subject).build());
        }
        double duplicatesBefore = duplicates();
        crash.armed.addAll(Set.of(Topics.CASES, Topics.NOTIFICATIONS));

        cases.forEach(c -> publish(c.build()));
        publishNotifications(notifications);
        await().atMost(PATIENCE).until(() -> crash.crashed.containsAll(Set.of(Topics.CASES, Topics.NOTIFICATIONS)));

        ACase marker = ACase.aCase().subject(subject);
        ReceivedNotification markerNotification = ANotification.aNotification().subject(subject).build();
        publish(marker.build());
        publishNotifications(List.of(markerNotification));
        await().atMost(PATIENCE).until(() -> count("SELECT count(*) FROM breach_case WHERE case_id = '" + marker.caseId() + "'") == 1
                && count("SELECT count(*) FROM notification WHERE notification_id = '"
                + markerNotification.notification().notificationId() + "'") == 1);

        assertThat(count("SELECT count(*) FROM breach_case WHERE subject_id = '" + subject + "'")).isEqualTo(4);
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'CASE_RAISED' AND subject_id = '" + subject + "'"))
                .isEqualTo(4);
        assertThat(count("SELECT count(*) FROM notification WHERE subject_id = '" + subject + "'")).isEqualTo(6);
        assertThat(duplicates() - duplicatesBefore).as("the crashed batches were delivered again").isGreaterThanOrEqualTo(2);
        assertThat(getJson("/api/v1/audit/verify", tokenFor(OPS)).get("ok").asBoolean()).isTrue();
    }

    private double duplicates() {
        return meters.counter("em.hub.case.events", "outcome", "duplicate").count()
                + meters.counter("em.hub.notifications", "outcome", "duplicate").count();
    }
}

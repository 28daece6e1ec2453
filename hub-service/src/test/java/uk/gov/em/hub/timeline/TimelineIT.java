package uk.gov.em.hub.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import uk.gov.em.contracts.BreachType;
import uk.gov.em.contracts.Queue;
import uk.gov.em.contracts.ReceivedNotification;
import uk.gov.em.hub.testing.ACase;
import uk.gov.em.hub.testing.ANotification;
import uk.gov.em.hub.testing.HubIntegrationTest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.awaitility.Awaitility.await;

@MicronautTest(transactional = false)
class TimelineIT extends HubIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** A cap small enough to pass in a test, above the seven entries of the whole-history test. */
    private static final int CAP = 8;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("hub.timeline.max-entries", String.valueOf(CAP));
    }

    @Test
    void aPersonsTimelineHasEveryNotificationAbvCaseActionAndWithdrawalInTimeOrder() {
        String subject = "subject-" + UUID.randomUUID();
        Instant t0 = ACase.T0;
        ReceivedNotification battery = ANotification.aNotification().subject(subject).type(BreachType.BATTERY_DEPLETED)
                .occurredAt(t0.minus(Duration.ofHours(14))).endedAt(t0.minus(Duration.ofHours(1))).build();
        ReceivedNotification curfew = ANotification.aNotification().subject(subject).occurredAt(t0.plusSeconds(60)).build();
        publishNotifications(List.of(curfew, battery));
        ACase abv = ACase.aCase().subject(subject).in(Queue.WARNINGS).trigger("ACCUMULATED_BATTERY_VIOLATION")
                .openedAt(t0.minus(Duration.ofHours(2))).raisedAt(t0.plusSeconds(120));
        ACase later = ACase.aCase().subject(subject).in(Queue.WARNINGS).openedAt(t0.plusSeconds(60)).raisedAt(t0.plusSeconds(180));
        publish(abv.build(), later.build());
        awaitStored(abv.caseId(), later.caseId());
        String ann = tokenAs("ann", "CASEWORKER");
        post("/api/v1/cases/" + abv.caseId() + "/claim", null, ann);
        post("/api/v1/cases/" + abv.caseId() + "/actions", Map.of("action", "WARNING_LETTER_SENT", "note", "sent"), ann);
        publish(later.withdrawal("late battery data"));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kinds(subject)).containsExactly(
                "NOTIFICATION BATTERY_DEPLETED",
                "ABV ACCUMULATED_BATTERY_VIOLATION",
                "NOTIFICATION CURFEW_MISSED_FULL",
                "CASE_RAISED ACCUMULATED_BATTERY_VIOLATION",
                "CASE_RAISED CURFEW_MISSED_FULL",
                "CASE_WITHDRAWN CURFEW_MISSED_FULL",
                "ACTION WARNING_LETTER_SENT"));
        JsonNode entries = getJson("/api/v1/subjects/" + subject + "/timeline", ann).get("entries");
        assertThat(entries.get(0).get("notificationId").asText()).isEqualTo(battery.notification().notificationId());
        assertThat(entries.get(0).get("text").asText()).isEqualTo("ended 2022-02-03T09:00:00Z");
        assertThat(entries.get(6).get("actor").asText()).isEqualTo("ann");
        assertThat(entries.get(5).get("text").asText()).isEqualTo("late battery data");
        List<Instant> times = new ArrayList<>();
        entries.forEach(e -> times.add(Instant.parse(e.get("at").asText())));
        assertThat(times).isSorted();
        assertThat(getJson("/api/v1/subjects/" + subject + "/timeline", ann).get("truncated").asBoolean()).isFalse();
    }

    @Test
    void aTimelineOverItsCapKeepsItsNewestEntriesAndSaysItIsTruncated() throws Exception {
        String subject = "subject-" + UUID.randomUUID();
        List<ReceivedNotification> notifications = new ArrayList<>();
        for (int i = 0; i < CAP + 2; i++) {
            notifications.add(ANotification.aNotification().id("cap-" + i).subject(subject)
                    .occurredAt(ACase.T0.plusSeconds(60L * i)).build());
        }
        publishNotifications(notifications);
        String ann = tokenAs("ann", "CASEWORKER");
        await().atMost(PATIENCE).until(() ->
                count("SELECT count(*) FROM notification WHERE subject_id = '" + subject + "'") == CAP + 2);

        JsonNode timeline = getJson("/api/v1/subjects/" + subject + "/timeline", ann);
        assertThat(timeline.get("truncated").asBoolean()).isTrue();
        List<String> ids = new ArrayList<>();
        timeline.get("entries").forEach(e -> ids.add(e.get("notificationId").asText()));
        assertThat(ids).containsExactly("cap-2", "cap-3", "cap-4", "cap-5", "cap-6", "cap-7", "cap-8", "cap-9");
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.getURL() + "/people/" + subject)).header("Cookie", "em_session=" + ann).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"timeline-truncated\"", "only the newest");
    }

    @Test
    void aNotificationDeliveredTwiceIsRecordedOnceAndTheFirstCopyWins() {
        String subject = "subject-" + UUID.randomUUID();
        ANotification n = ANotification.aNotification().subject(subject);
        publishNotifications(List.of(n.build(), n.type(BreachType.STRAP_TAMPER).build(),
                n.supplier("supplier-b").build()));

        await().atMost(PATIENCE).until(() ->
                count("SELECT count(*) FROM notification WHERE subject_id = '" + subject + "'") == 2);
        assertThat(count("SELECT count(*) FROM notification WHERE subject_id = '" + subject
                + "' AND type = 'CURFEW_MISSED_FULL'")).isEqualTo(2);
    }

    @Test
    void ofCopiesNamingDifferentPeopleTheOneReceivedFirstIsKeptWhateverOrderTheyAreDeliveredIn() {
        String first = "subject-" + UUID.randomUUID();
        String other = "subject-" + UUID.randomUUID();
        ANotification n = ANotification.aNotification().subject(first);
        publishNotifications(List.of(n.subject(other).reportedAfter(Duration.ofMinutes(5)).build()));
        await().atMost(PATIENCE).until(() ->
                count("SELECT count(*) FROM notification WHERE subject_id = '" + other + "'") == 1);

        publishNotifications(List.of(n.build(), n.subject(other).reportedAfter(Duration.ofMinutes(9)).build()));

        await().atMost(PATIENCE).until(() ->
                count("SELECT count(*) FROM notification WHERE subject_id = '" + first + "'") == 1);
        assertThat(count("SELECT count(*) FROM notification WHERE subject_id = '" + other + "'")).isZero();
    }

    @Test
    void aPersonTheHubHasNeverHeardOfIsNotFound() {
        assertThat(get("/api/v1/subjects/nobody-" + UUID.randomUUID() + "/timeline", tokenFor(CASEWORKER)).statusCode())
                .isEqualTo(404);
    }

    @Test
    void supplierTimelinessIsReportedAsPercentilesOfReceiveMinusEventTime() {
        String supplier = "timely-" + UUID.randomUUID();
        List<ReceivedNotification> notifications = new ArrayList<>();
        for (int delay = 1; delay <= 100; delay++) {
            notifications.add(ANotification.aNotification().supplier(supplier)
                    .occurredAt(Instant.parse("2023-03-10T00:00:00Z").plusSeconds(delay * 60L))
                    .reportedAfter(Duration.ofSeconds(delay)).build());
        }
        publishNotifications(notifications);
        await().atMost(PATIENCE).until(() ->
                count("SELECT count(*) FROM notification WHERE supplier = '" + supplier + "'") == 100);

        JsonNode row = null;
        for (JsonNode r : getJson("/api/v1/mi/supplier-timeliness?from=2023-03&to=2023-03", tokenFor(OPS)).get("rows")) {
            if (r.get("supplier").asText().equals(supplier)) {
                row = r;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.get("notifications").asLong()).isEqualTo(100);
        assertThat(row.get("p50Seconds").asDouble()).isEqualTo(50.5);
        assertThat(row.get("p90Seconds").asDouble()).isCloseTo(90.1, offset(1e-9));
        assertThat(row.get("p99Seconds").asDouble()).isCloseTo(99.01, offset(1e-9));
        assertThat(row.get("maxSeconds").asDouble()).isEqualTo(100.0);
    }

    private List<String> kinds(String subject) {
        List<String> kinds = new ArrayList<>();
        getJson("/api/v1/subjects/" + subject + "/timeline", tokenFor(CASEWORKER)).get("entries")
                .forEach(e -> kinds.add(e.get("kind").asText() + " " + e.get("code").asText()));
        return kinds;
    }
}

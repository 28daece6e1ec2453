package uk.gov.em.hub.subjects;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.gov.em.contracts.DeviceType;
import uk.gov.em.contracts.EmEndReason;
import uk.gov.em.contracts.HarmLevel;
import uk.gov.em.contracts.Queue;
import uk.gov.em.contracts.Subject;
import uk.gov.em.contracts.Topics;
import uk.gov.em.contracts.json.JsonSerde;
import uk.gov.em.hub.reviews.ReviewScheduler;
import uk.gov.em.hub.testing.ACase;
import uk.gov.em.hub.testing.HubIntegrationTest;
import uk.gov.em.testing.KafkaHarness;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@MicronautTest(transactional = false)
class SubjectRegisterIT extends HubIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Inject
    ReviewScheduler scheduler;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("hub.reviews.check-interval", "300ms");
    }

    @Test
    void aSubjectPutByOpsIsStoredAndPublishedToTheSubjectsTopic() {
        String id = "subject-" + UUID.randomUUID();

        HttpResponse<String> put = put("/api/v1/subjects/" + id, Map.of("harmLevel", "VERY_HIGH", "vulnerable", true,
                "deviceType", "FITTED_GPS", "emStartDate", "2022-01-10"), tokenFor(OPS));

        assertThat(put.statusCode()).isEqualTo(200);
        JsonNode read = getJson("/api/v1/subjects/" + id, tokenFor(CASEWORKER));
        assertThat(read.get("harmLevel").asText()).isEqualTo("VERY_HIGH");
        assertThat(read.get("emStartDate").asText()).isEqualTo("2022-01-10");
        Subject published = await().atMost(PATIENCE).until(() -> subjectsOnTopic().get(id), s -> s != null);
        assertThat(published.harmLevel()).isEqualTo(HarmLevel.VERY_HIGH);
        assertThat(published.vulnerable()).isTrue();
        assertThat(published.deviceType()).isEqualTo(DeviceType.FITTED_GPS);
        assertThat(published.emStartDate()).isEqualTo(LocalDate.parse("2022-01-10"));
        assertThat(count("SELECT count(*) FROM subject_outbox WHERE published_at IS NULL AND subject_id = '" + id + "'"))
                .isZero();
    }

    @Inject
    SubjectRegister register;

    @Test
    void ofAPageOfPeopleOnlyThoseTheRegisterMarksVulnerableAreNamed() {
        String vulnerable = "subject-" + UUID.randomUUID();
        String notVulnerable = "subject-" + UUID.randomUUID();
        String unknown = "subject-" + UUID.randomUUID();
        String ops = tokenFor(OPS);
        put("/api/v1/subjects/" + vulnerable, Map.of("harmLevel", "HIGH", "vulnerable", true), ops);
        put("/api/v1/subjects/" + notVulnerable, Map.of("harmLevel", "HIGH", "vulnerable", false), ops);

        assertThat(register.vulnerableAmong(List.of(vulnerable, notVulnerable, unknown, vulnerable)))
                .containsExactly(vulnerable);
        assertThat(register.vulnerableAmong(List.of())).isEmpty();
    }

    @Test
    void theLatestChangeOfASubjectIsTheLastOnTheTopic() {
        String id = "subject-" + UUID.randomUUID();
        String ops = tokenFor(OPS);
        put("/api/v1/subjects/" + id, Map.of("harmLevel", "LOW", "vulnerable", false), ops);
        put("/api/v1/subjects/" + id, Map.of("harmLevel", "HIGH", "vulnerable", true), ops);

        await().atMost(PATIENCE).untilAsserted(() -> {
            Subject last = subjectsOnTopic().get(id);
            assertThat(last).isNotNull();
            assertThat(last.harmLevel()).isEqualTo(HarmLevel.HIGH);
        });
    }

    @Test
    void anInvalidSubjectIsABadRequestListingEveryProblem() {
        HttpResponse<String> put = put("/api/v1/subjects/s-1", Map.of("harmLevel", "EXTREME", "deviceType", "ANKLE",
                "emStartDate", "yesterday"), tokenFor(OPS));

        assertThat(put.statusCode()).isEqualTo(400);
        assertThat(json(put).get("detail").asText()).contains("harmLevel must be one of VERY_HIGH, HIGH, MEDIUM, LOW",
                "deviceType must be one of FITTED_GPS, FITTED_RF, NON_FITTED", "vulnerable is required", "emStartDate");
        assertThat(get("/api/v1/subjects/s-1", tokenFor(OPS)).statusCode()).isEqualTo(404);
    }

    @Test
    void anUnknownFieldIsABadRequestNamingItAndNothingIsStored() {
        HttpResponse<String> put = put("/api/v1/subjects/s-unknown", Map.of("harmLevel", "HIGH", "vulnerable", false,
                "deviceType", "FITTED_GPS", "emStartDate", TODAY.toString(), "harmLevl", "LOW"), tokenFor(OPS));

        assertThat(put.statusCode()).isEqualTo(400);
        assertThat(put.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(json(put).get("detail").asText()).contains("unknown field harmLevl");
        assertThat(get("/api/v1/subjects/s-unknown", tokenFor(OPS)).statusCode()).isEqualTo(404);
    }

    @Test
    void aReviewIsRaisedOnDayZeroPlusThreeMonthsOnceAndTheNextNotBeforeItsOwnDueDate() {
        String id = "subject-" + UUID.randomUUID();
        LocalDate start = TODAY.minusMonths(3);
        put("/api/v1/subjects/" + id, Map.of("harmLevel", "HIGH", "vulnerable", false,
                "emStartDate", start.toString()), tokenFor(OPS));
        String reviewId = "review:" + id + ":" + start.plusMonths(3);
        String senior = tokenFor(SENIOR);

        await().atMost(PATIENCE).until(() -> get("/api/v1/cases/" + reviewId, senior).statusCode() == 200);
        JsonNode review = getJson("/api/v1/cases/" + reviewId, senior);
        assertThat(review.get("queue").asText()).isEqualTo("reviews");
        assertThat(review.get("trigger").asText()).isEqualTo("SCHEDULED_REVIEW");
        assertThat(review.get("harmLevel").asText()).isEqualTo("HIGH");
        assertThat(review.get("explanation").asText()).contains("every 3 months since EM start on " + start);
        assertThat(review.get("dueAt").asText()).isNotBlank();
        scheduler.raiseDueReviews();
        assertThat(count("SELECT count(*) FROM breach_case WHERE subject_id = '" + id + "'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'CASE_RAISED' AND subject_id = '" + id + "'"))
                .isEqualTo(1);

        post("/api/v1/cases/" + reviewId + "/claim", null, senior);
        assertThat(post("/api/v1/cases/" + reviewId + "/actions", Map.of("action", "REVIEW_COMPLETED"), senior)
                .statusCode()).isEqualTo(422);
        assertThat(post("/api/v1/cases/" + reviewId + "/actions", Map.of("action", "REVIEW_COMPLETED",
                "outcome", "VARY_CONDITIONS"), senior).statusCode()).isEqualTo(200);
        // the next review is due at start + 6 months, still to come: nothing more is raised now
        scheduler.raiseDueReviews();
        assertThat(count("SELECT count(*) FROM breach_case WHERE subject_id = '" + id + "'")).isEqualTo(1);
    }

    @Test
    void noReviewIsRaisedAfterTheEmEndDate() {
        String ended = "subject-" + UUID.randomUUID();
        LocalDate start = TODAY.minusMonths(3).minusDays(10);
        put("/api/v1/subjects/" + ended, Map.of("vulnerable", false, "emStartDate", start.toString(),
                "emEndDate", start.plusMonths(3).minusDays(1).toString(), "emEndReason", "TAG_REMOVED"), tokenFor(OPS));
        String marker = "subject-" + UUID.randomUUID();
        put("/api/v1/subjects/" + marker, Map.of("vulnerable", false, "emStartDate", start.toString()), tokenFor(OPS));

        await().atMost(PATIENCE).until(() -> count("SELECT count(*) FROM breach_case WHERE subject_id = '" + marker + "'") == 1);
        scheduler.raiseDueReviews();
        assertThat(count("SELECT count(*) FROM breach_case WHERE subject_id = '" + ended + "'")).isZero();
        JsonNode read = getJson("/api/v1/subjects/" + ended, tokenFor(CASEWORKER));
        assertThat(read.get("emEndReason").asText()).isEqualTo("TAG_REMOVED");
    }

    @Test
    void anEmEndFlagsThePersonsOpenCasesForClosureAndIsPublished() {
        String id = "subject-" + UUID.randomUUID();
        ACase open = ACase.aCase().subject(id).in(Queue.WARNINGS);
        publish(open.build());
        awaitStored(open.caseId());

        HttpResponse<String> put = put("/api/v1/subjects/" + id, Map.of("vulnerable", false,
                "emEndDate", TODAY.toString(), "emEndReason", "REMOVED_FROM_UK"), tokenFor(OPS));

        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(getJson("/api/v1/cases/" + open.caseId(), tokenFor(CASEWORKER)).get("attention").asText())
                .isEqualTo("EM_ENDED");
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'FLAGGED_EM_ENDED' AND case_id = '"
                + open.caseId() + "'")).isEqualTo(1);
        Subject published = await().atMost(PATIENCE).until(() -> subjectsOnTopic().get(id), s -> s != null);
        assertThat(published.emEndDate()).isEqualTo(TODAY);
        assertThat(published.emEndReason()).isEqualTo(EmEndReason.REMOVED_FROM_UK);
    }

    @Test
    void anEmEndDateNeedsItsReasonAndCannotComeBeforeTheStart() {
        String ops = tokenFor(OPS);
        HttpResponse<String> noReason = put("/api/v1/subjects/s-end", Map.of("vulnerable", false,
                "emEndDate", "2022-03-01"), ops);
        HttpResponse<String> early = put("/api/v1/subjects/s-end", Map.of("vulnerable", false,
                "emStartDate", "2022-03-01", "emEndDate", "2022-02-01", "emEndReason", "DETAINED"), ops);

        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(json(noReason).get("detail").asText()).contains("emEndDate and emEndReason go together");
        assertThat(json(early).get("detail").asText()).contains("emEndDate must not be before emStartDate");
    }

    @Test
    void aPersonWhoseStartIsRecentHasNoReviewYet() {
        String id = "subject-" + UUID.randomUUID();
        put("/api/v1/subjects/" + id, Map.of("vulnerable", false, "emStartDate", TODAY.minusMonths(3).plusDays(1).toString()),
                tokenFor(OPS));
        String marker = "subject-" + UUID.randomUUID();
        put("/api/v1/subjects/" + marker, Map.of("vulnerable", false, "emStartDate", TODAY.minusMonths(4).toString()),
                tokenFor(OPS));

        await().atMost(PATIENCE).until(() -> count("SELECT count(*) FROM breach_case WHERE subject_id = '" + marker + "'") == 1);
        assertThat(count("SELECT count(*) FROM breach_case WHERE subject_id = '" + id + "'")).isZero();
    }

    private static Map<String, Subject> subjectsOnTopic() {
        JsonSerde<Subject> serde = JsonSerde.of(Subject.class);
        Map<String, Subject> latest = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaHarness.bootstrapServers()),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(Topics.SUBJECTS).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    latest.put(record.key(), serde.deserialize(record.topic(), record.value()));
                }
            }
        }
        return latest;
    }
}

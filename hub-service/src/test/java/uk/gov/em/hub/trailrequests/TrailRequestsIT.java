package uk.gov.em.hub.trailrequests;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import uk.gov.em.contracts.BreachCase;
import uk.gov.em.hub.testing.HubIntegrationTest;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.gov.em.hub.testing.ACase.aCase;

/**
 * A request for a person's trail data is recorded with who asked, why and for which period; its outcomes are
 * recorded by a senior caseworker or ops until it is refused or provided; every step is in the audit trail,
 * as is each request and each listing in the person's access log, and nobody changes or removes a request once
 * made.
 */
@MicronautTest(transactional = false)
class TrailRequestsIT extends HubIntegrationTest {

    private static final Map<String, Object> PERIOD = Map.of("from", "2022-01-10T00:00:00Z", "to", "2022-01-11T00:00:00Z");

    @Test
    void aCaseworkersRequestIsRecordedThenApprovedAndProvidedEachStepAuditedAndListedNewestFirst() {
        String subject = "S-TR-" + UUID.randomUUID().toString().substring(0, 8);
        BreachCase c = aCase().subject(subject).build();
        publish(c);
        awaitStored(c.caseId());

        HttpResponse<String> made = post("/api/v1/subjects/" + subject + "/trail-requests",
                with("caseId", c.caseId(), "purpose", "check the alleged curfew breach"), tokenFor(CASEWORKER));
        assertThat(made.statusCode()).isEqualTo(201);
        long id = json(made).path("requestId").asLong();
        assertThat(json(made).path("requester").asText()).isEqualTo(CASEWORKER);
        assertThat(json(made).path("status").asText()).isEqualTo("PENDING");

        assertThat(post("/api/v1/trail-requests/" + id + "/outcome",
                Map.of("outcome", "APPROVED", "note", "proportionate"), tokenFor(SENIOR)).statusCode()).isEqualTo(200);
        assertThat(post("/api/v1/trail-requests/" + id + "/outcome",
                Map.of("outcome", "PROVIDED", "note", "received 24 h of fixes"), tokenFor(OPS)).statusCode()).isEqualTo(200);
        HttpResponse<String> late = post("/api/v1/trail-requests/" + id + "/outcome",
                Map.of("outcome", "REFUSED", "note", "too late"), tokenFor(SENIOR));
        assertThat(late.statusCode()).isEqualTo(409);

        assertThat(post("/api/v1/subjects/" + subject + "/trail-requests",
                with("purpose", "second look"), tokenFor(SENIOR)).statusCode()).isEqualTo(201);
        JsonNode list = getJson("/api/v1/subjects/" + subject + "/trail-requests", tokenFor(OPS));
        assertThat(list.path("items")).hasSize(2);
        assertThat(list.path("items").get(0).path("purpose").asText()).isEqualTo("second look");
        JsonNode first = list.path("items").get(1);
        assertThat(first.path("caseId").asText()).isEqualTo(c.caseId());
        assertThat(first.path("status").asText()).isEqualTo("PROVIDED");
        assertThat(first.path("outcomes").get(0).path("decidedBy").asText()).isEqualTo(SENIOR);
        assertThat(first.path("outcomes").get(1).path("note").asText()).isEqualTo("received 24 h of fixes");

        assertThat(count("SELECT count(*) FROM audit_event WHERE subject_id = '" + subject
                + "' AND action IN ('TRAIL_DATA_REQUESTED', 'TRAIL_DATA_APPROVED', 'TRAIL_DATA_PROVIDED')")).isEqualTo(4);
        assertThat(getJson("/api/v1/audit/verify", tokenFor(OPS)).path("ok").asBoolean()).isTrue();
        JsonNode accessLog = getJson("/api/v1/subjects/" + subject + "/access-log", tokenFor(SENIOR)).path("items");
        assertThat(accessLog.get(0).path("what").asText()).isEqualTo("GET /api/v1/subjects/{subjectId}/trail-requests");
        assertThat(accessLog.get(0).path("actor").asText()).isEqualTo(OPS);
        assertThat(accessLog.get(2).path("what").asText()).isEqualTo(TrailRequests.ACCESS_LOG_WHAT);
        assertThat(accessLog.get(2).path("purpose").asText()).isEqualTo("check the alleged curfew breach");
    }

    @Test
    void aRequestWithoutPurposeOrPeriodOrForAnotherPersonsCaseIsRefused() {
        String subject = "S-TR-" + UUID.randomUUID().toString().substring(0, 8);
        BreachCase other = aCase().subject(subject + "-other").build();
        publish(other);
        awaitStored(other.caseId());
        String path = "/api/v1/subjects/" + subject + "/trail-requests";
        String jwt = tokenFor(CASEWORKER);

        assertThat(post(path, PERIOD, jwt).statusCode()).isEqualTo(422);
        assertThat(post(path, Map.of("purpose", "why", "from", "2022-01-11T00:00:00Z", "to", "2022-01-10T00:00:00Z"),
                jwt).statusCode()).isEqualTo(422);
        assertThat(post(path, with("purpose", "why", "caseId", other.caseId()), jwt).statusCode()).isEqualTo(422);
        assertThat(post("/api/v1/trail-requests/999999999/outcome", Map.of("outcome", "REFUSED", "note", "n"),
                tokenFor(SENIOR)).statusCode()).isEqualTo(404);
        assertThat(count("SELECT count(*) FROM trail_request WHERE subject_id = '" + subject + "'")).isZero();
    }

    @Test
    void theServiceCannotChangeOrRemoveARequestOrItsOutcomes() {
        assertThatThrownBy(() -> sqlAsApp("DELETE FROM trail_request_outcome")).hasMessageContaining("permission denied");
        assertThatThrownBy(() -> sqlAsApp("UPDATE trail_request SET purpose = 'x'")).hasMessageContaining("permission denied");
        assertThatThrownBy(() -> sql("DELETE FROM trail_request")).hasStackTraceContaining("append-only");
    }

    private static Map<String, Object> with(String... keyValues) {
        Map<String, Object> body = new java.util.HashMap<>(PERIOD);
        for (int i = 0; i < keyValues.length; i += 2) {
            body.put(keyValues[i], keyValues[i + 1]);
        }
        return body;
    }
}

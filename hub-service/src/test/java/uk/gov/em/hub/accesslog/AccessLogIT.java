package uk.gov.em.hub.accesslog;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import uk.gov.em.contracts.BreachCase;
import uk.gov.em.hub.testing.HubIntegrationTest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.gov.em.hub.testing.ACase.aCase;

/**
 * Every read of a person's case, cases, timeline or register entry lands in their access log with who
 * read it, through what and for what purpose; senior caseworkers and ops read the log, nobody changes it.
 */
@MicronautTest(transactional = false)
class AccessLogIT extends HubIntegrationTest {

    @Test
    void everyReadOfAPersonsDataIsRecordedWithWhoWhatAndPurposeNewestFirst() {
        String subject = "S-AL-" + UUID.randomUUID().toString().substring(0, 8);
        BreachCase c = aCase().subject(subject).build();
        publish(c);
        awaitStored(c.caseId());
        String caseworker = tokenFor(CASEWORKER);

        assertThat(get("/api/v1/cases/" + c.caseId(), caseworker).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/cases?subjectId=" + subject, caseworker).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/subjects/" + subject + "/timeline?purpose=" + encode("breach review"), caseworker)
                .statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/cases/no-such-case", caseworker).statusCode()).isEqualTo(404);

        JsonNode log = getJson("/api/v1/subjects/" + subject + "/access-log", tokenFor(SENIOR));
        List<String> whats = new ArrayList<>();
        log.path("items").forEach(i -> whats.add(i.path("actor").asText() + " " + i.path("what").asText()));
        assertThat(whats).containsExactly(
                "caseworker GET /api/v1/subjects/{subjectId}/timeline",
                "caseworker GET /api/v1/cases?subjectId",
                "caseworker GET /api/v1/cases/{caseId}");
        assertThat(log.path("items").get(0).path("purpose").asText()).isEqualTo("breach review");
        assertThat(log.path("items").get(2).path("caseId").asText()).isEqualTo(c.caseId());
    }

    @Test
    void pagesArePersonDataReadsTooAndTheLogHasAPage() throws Exception {
        String subject = "S-AL-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(put("/api/v1/subjects/" + subject, java.util.Map.of("harmLevel", "HIGH", "vulnerable", false,
                "deviceType", "FITTED_GPS", "emStartDate", "2022-01-10"), tokenFor(OPS)).statusCode()).isEqualTo(200);
        String jwt = tokenFor(SENIOR);
        HttpClient browser = HttpClient.newHttpClient();
        HttpResponse<String> timeline = browser.send(page("/people/" + subject, jwt), HttpResponse.BodyHandlers.ofString());
        assertThat(timeline.statusCode()).isEqualTo(200);

        HttpResponse<String> logPage = browser.send(page("/people/" + subject + "/access-log", jwt),
                HttpResponse.BodyHandlers.ofString());
        assertThat(logPage.statusCode()).isEqualTo(200);
        assertThat(logPage.body()).contains("page /people/{subjectId}").contains("senior");
        HttpResponse<String> refused = browser.send(page("/people/" + subject + "/access-log", tokenFor(CASEWORKER)),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
    }

    @Test
    void theServiceCannotChangeOrRemoveTheLog() {
        assertThatThrownBy(() -> sqlAsApp("DELETE FROM access_log")).hasMessageContaining("permission denied");
        assertThatThrownBy(() -> sql("DELETE FROM access_log")).hasStackTraceContaining("append-only");
    }

    private HttpRequest page(String path, String jwt) {
        return HttpRequest.newBuilder(URI.create(server.getURL() + path)).header("Cookie", "em_session=" + jwt).build();
    }
}

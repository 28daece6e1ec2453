package uk.gov.em.hub.pages;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import uk.gov.em.contracts.BreachType;
import uk.gov.em.contracts.DeviceType;
import uk.gov.em.contracts.HarmLevel;
import uk.gov.em.contracts.Queue;
import uk.gov.em.contracts.ReceivedNotification;
import uk.gov.em.contracts.Subject;
import uk.gov.em.hub.testing.ANotification;
import uk.gov.em.hub.testing.BreachStreamsFixture;
import uk.gov.em.hub.testing.PublishedBreachTable;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Ops and managers in a real browser: the MI page shows the published breaches-by-type table's numbers
 * after its 7,131 notifications went through em.breach-notifications; backlog and live throughput; the
 * subject register. Every page is scanned with axe-core and photographed.
 */
@MicronautTest(transactional = false)
class OpsPagesIT extends BrowserTest {

    private static final String SUPPLIER = "ems-published";
    private PublishedBreachTable published;

    @BeforeAll
    void postThePublishedNotifications() {
        published = PublishedBreachTable.read();
        publishNotifications(published.notifications(SUPPLIER));
        raiseAWarningAndAReviewThroughTheRealTopology();
        await().atMost(Duration.ofSeconds(120)).until(() ->
                count("SELECT count(*) FROM notification") == PublishedBreachTable.TOTAL
                        && count("SELECT count(*) FROM breach_case") == 2);
    }

    /**
     * One case in warnings (a first absence) and one in reviews (a vulnerable person's strap tamper, policy §6),
     * raised by the stream processor's topology on 3 February 2022 (the SLA table's last month). Only their cases
     * reach the hub: the MI tables count the published notifications alone.
     */
    private void raiseAWarningAndAReviewThroughTheRealTopology() {
        Instant now = Instant.parse("2022-02-03T10:00:00Z");
        try (BreachStreamsFixture streams = new BreachStreamsFixture(now)) {
            streams.register(new Subject("S-OPS-VULNERABLE", HarmLevel.HIGH, true, DeviceType.FITTED_GPS,
                    LocalDate.of(2022, 1, 3), now));
            List<ReceivedNotification> received = List.of(
                    breach("S-OPS-ABSENCE", BreachType.ABSENCE_15_MIN, now.minus(Duration.ofDays(1))),
                    breach("S-OPS-VULNERABLE", BreachType.STRAP_TAMPER, now.minus(Duration.ofHours(5))));
            List<BreachStreamsFixture.Published> published = streams.send(received).published();
            assertThat(streams.raised(published)).extracting(c -> c.queue())
                    .containsExactlyInAnyOrder(Queue.WARNINGS, Queue.REVIEWS);
            published.forEach(p -> send(p.key(), p.value()));
        }
    }

    private static ReceivedNotification breach(String subjectId, BreachType type, Instant at) {
        return ANotification.aNotification().supplier("ems-ops").id("n-" + UUID.randomUUID()).subject(subjectId)
                .type(type).occurredAt(at).reportedAfter(Duration.ofMinutes(3)).build();
    }

    @Test
    void theMiPageShowsThePublishedTablesNumbersAfterTheyWerePosted() {
        signInAs(OPS);
        assertThat(browser.getCurrentUrl()).endsWith("/mi");

        open("/mi?from=2021-09&to=2022-02");

        for (Map.Entry<String, Map<String, Long>> row : published.cells().entrySet()) {
            for (Map.Entry<String, Long> cell : row.getValue().entrySet()) {
                assertThat(cell(row.getKey(), cell.getKey())).as(row.getKey() + " " + cell.getKey())
                        .isEqualTo(String.valueOf(cell.getValue()));
            }
        }
        assertThat(cell("BATTERY_DEPLETED", "2021-09")).isEqualTo("314");
        assertThat(cell("TOTAL", "total")).isEqualTo("7131");
        assertThat(findAll("#breaches-table tbody tr")).extracting(r -> r.getAttribute("data-type")).containsExactly(
                "BATTERY_DEPLETED", "ABSENCE_15_MIN", "CURFEW_MISSED_FULL", "INTERFERENCE_PID",
                "NOT_AVAILABLE_FOR_INSTALLATION", "OTHER", "TOTAL");
        assertThat(findAll("#breaches-chart rect")).hasSize(6 * 6);
        assertThat(find("#breaches-table tr[data-type='BATTERY_DEPLETED'] th").getText()).isEqualTo("Battery flat");
        assertThat(find("#breaches-table tr[data-type='OTHER'] th").getText()).isEqualTo("Other");
        assertThat(find("#backlog-table").getText()).contains("Warnings 1 1", "Reviews 1 1", "Prosecution referrals 0 0");
        assertThat(find("#timeliness-table").getText()).contains(SUPPLIER + " 7131");
        // both cases were raised on 2022-02-03 and never actioned: each missed its first-action target
        assertThat(find("#sla-table").getText()).contains("2022-02 Warnings 0 1 0.0 1", "2022-02 Reviews 0 1 0.0 1");
        assertThat(find("#overdue-table").getText()).contains("Warnings 1", "Reviews 1", "Prosecution referrals 0");
        assertNoCodesShown();
        assertNoSeriousAccessibilityViolations();
        screenshot("mi");
    }

    @Test
    void theThroughputPageShowsNotificationsInAndCasesOut() {
        signInAs(OPS);
        open("/mi/throughput");

        assertThat(find("#throughput-figures").getText())
                .contains("Notifications stored 7,131", "Cases raised 2", "Case ingest lag, mean");
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            open("/mi/throughput");
            assertThat(find("#supplier-feeds").getText()).contains(SUPPLIER + " ", "30 minutes");
        });
        assertNoCodesShown();
        assertNoSeriousAccessibilityViolations();
        screenshot("throughput");
    }

    @Test
    void opsRegisterAPersonWithTheSameRulesAsTheApi() {
        signInAs(OPS);
        open("/subjects");
        find("#subjectId").sendKeys("S-200001");
        new Select(find("#harmLevel")).selectByValue("HIGH");
        new Select(find("#deviceType")).selectByValue("FITTED_GPS");
        find("#emStartDate-day").sendKeys("31");
        find("#emStartDate-month").sendKeys("2");
        find("#emStartDate-year").sendKeys("2022");
        find("#vulnerable").click();
        submitWith("#save-subject");

        assertThat(find(".govuk-error-summary").getText()).contains("The EM start date must be a real date");
        assertThat(find("#emStartDate-error").getText()).contains("The EM start date must be a real date");
        assertThat(find("#emStartDate-day").getAttribute("value")).isEqualTo("31");
        assertNoSeriousAccessibilityViolations();
        find("#emStartDate-month").clear();
        find("#emStartDate-month").sendKeys("1");
        submitWith("#save-subject");

        assertThat(find("#saved-banner").getText()).contains("S-200001");
        JsonNode stored = getJson("/api/v1/subjects/S-200001", tokenFor(OPS));
        assertThat(stored.get("harmLevel").asText()).isEqualTo("HIGH");
        assertThat(stored.get("vulnerable").asBoolean()).isTrue();
        assertThat(stored.get("emStartDate").asText()).isEqualTo("2022-01-31");
        assertNoSeriousAccessibilityViolations();
        screenshot("subject-register");

        assertThat(find("#emStartDate-day").getAttribute("value")).isEqualTo("31");
        assertThat(find("#emStartDate-month").getAttribute("value")).isEqualTo("1");
        assertThat(new Select(find("#harmLevel")).getFirstSelectedOption().getText()).isEqualTo("High");
        assertThat(new Select(find("#deviceType")).getFirstSelectedOption().getText()).isEqualTo("Fitted GPS tag");
        assertNoCodesShown();
        find("#emEndDate-day").sendKeys("30");
        find("#emEndDate-month").sendKeys("6");
        find("#emEndDate-year").sendKeys("2022");
        new Select(find("#emEndReason")).selectByVisibleText("Bail ended");
        submitWith("#save-subject");

        assertThat(find("#saved-banner").getText()).contains("S-200001");
        JsonNode ended = getJson("/api/v1/subjects/S-200001", tokenFor(OPS));
        assertThat(ended.get("emEndDate").asText()).isEqualTo("2022-06-30");
        assertThat(ended.get("emEndReason").asText()).isEqualTo("BAIL_ENDED");
        assertThat(new Select(find("#emEndReason")).getFirstSelectedOption().getText()).isEqualTo("Bail ended");
    }

    @Test
    void aCaseworkerMayNotSeeTheMiPages() {
        signInAs(CASEWORKER);
        open("/mi");
        assertThat(heading()).isEqualTo("You cannot do this");
    }

    private String cell(String type, String month) {
        return find("#breaches-table tr[data-type='" + type + "'] td[data-month='" + month + "']").getText();
    }
}

package uk.gov.em.hub.pages;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import uk.gov.em.contracts.BreachType;
import uk.gov.em.contracts.HarmLevel;
import uk.gov.em.contracts.Queue;
import uk.gov.em.contracts.Severity;
import uk.gov.em.hub.testing.ACase;
import uk.gov.em.hub.testing.ANotification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Caseworkers in a real browser: sign in, take the next warning case, record a warning letter and see it
 * leave the cases waiting for action; a caseworker cannot refer a tamper case for prosecution but a senior
 * caseworker can; a person's timeline with filters. Every page is scanned with axe-core and photographed.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CaseworkerPagesIT extends BrowserTest {

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String abvSubject = "S-" + run + "-1";
    private final ACase urgentWarning = ACase.aCase().id("abv-" + run).subject(abvSubject).in(Queue.WARNINGS)
            .severity(Severity.HIGH).harm(HarmLevel.HIGH).trigger("ACCUMULATED_BATTERY_VIOLATION")
            .explanation("12 hours out of contact with a flat battery within 7 days: accumulated battery violation, warning");
    private final ACase otherWarning = ACase.aCase().id("curfew-" + run).subject("S-" + run + "-2").in(Queue.WARNINGS)
            .severity(Severity.MEDIUM).harm(HarmLevel.LOW).trigger("CURFEW_MISSED_FULL")
            .explanation("1st qualifying breach in 90 days: missed a whole curfew, warning");
    private final ACase tamper = ACase.aCase().id("tamper-" + run).subject("S-" + run + "-3").in(Queue.PROSECUTIONS)
            .severity(Severity.HIGH).harm(HarmLevel.VERY_HIGH).trigger("STRAP_TAMPER")
            .explanation("Strap tampered with: a HIGH breach goes straight to a prosecution referral");

    @BeforeAll
    void raiseCases() {
        publishNotifications(List.of(
                ANotification.aNotification().id("n-1").subject(abvSubject).type(BreachType.BATTERY_DEPLETED)
                        .occurredAt(ACase.T0.minusSeconds(3600)).build(),
                ANotification.aNotification().id("n-2").subject(abvSubject).type(BreachType.BATTERY_DEPLETED)
                        .occurredAt(ACase.T0).build()));
        publish(urgentWarning.build(), otherWarning.build(), tamper.build());
        awaitStored(urgentWarning.caseId(), otherWarning.caseId(), tamper.caseId());
        await().atMost(Duration.ofSeconds(60)).until(() ->
                count("SELECT count(*) FROM notification WHERE subject_id = '" + abvSubject + "'") == 2);
    }

    @Test
    @Order(1)
    void theSignInPageRefusesAWrongPasswordAndFormsWithoutTheirCsrfToken() throws Exception {
        open("/queues/warnings");
        assertThat(browser.getCurrentUrl()).endsWith("/sign-in");
        find("#username").sendKeys(CASEWORKER);
        find("#password").sendKeys("not-the-password");
        submitWith("#sign-in");
        assertThat(find(".govuk-error-summary").getText()).contains("Enter a correct user name and password");
        assertNoSeriousAccessibilityViolations();
        screenshot("sign-in");

        HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(server.getURL() + "/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=caseworker&password=caseworker" + PASSWORD_SUFFIX))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    @Order(2)
    void aCaseworkerTakesTheNextWarningCaseRecordsAWarningLetterAndSeesItLeaveTheQueue() {
        signInAs(CASEWORKER);
        assertThat(browser.getCurrentUrl()).endsWith("/queues/warnings");
        Cookie session = browser.manage().getCookieNamed("em_session");
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Strict");
        assertThat(getWithCookie("/queues/warnings", session).headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(getWithCookie("/api/v1/queues/warnings", session).statusCode())
                .as("the JSON API takes bearer tokens only, never the page cookie").isEqualTo(401);
        assertThat(find("#tab-warnings").getText()).isEqualTo("Warnings (2)");
        assertThat(rowIds("#queue-table")).containsExactly(urgentWarning.caseId(), otherWarning.caseId());
        assertNoSeriousAccessibilityViolations();
        screenshot("queue");

        submitWith("#take-next");

        assertThat(browser.getCurrentUrl()).endsWith("/cases/" + urgentWarning.caseId());
        assertThat(find("#case-holder").getText()).startsWith(CASEWORKER);
        assertThat(find("#explanation").getText()).isEqualTo(urgentWarning.explanation());
        assertThat(find("#evidence-notifications").getText()).contains("n-1", "n-2");
        assertThat(findAll("#battery-window rect")).hasSizeGreaterThan(1);
        assertThat(actionChoices()).containsExactly("WARNING_LETTER_SENT", "NO_FURTHER_ACTION", "CONTACT_ATTEMPTED",
                "PARTY_NOTIFIED", "SAFEGUARDING_REFERRAL", "SAFEGUARDING_OUTCOME", "REPRESENTATIONS_RECEIVED", "NOTE");
        assertThat(find("#case-due").getText()).contains("Overdue");
        assertThat(find("#warnings-served").getText()).isEqualTo("None");
        assertNoSeriousAccessibilityViolations();
        screenshot("case");

        find("#action-WARNING_LETTER_SENT").click();
        find("#note").sendKeys("Letter sent first class today");
        submitWith("#record-action");

        assertThat(find("#done-banner").getText()).contains("WARNING_SENT");
        assertThat(find("#mitigation-due").getText()).isNotBlank();
        assertThat(find("#audit-trail").getText()).contains("ACTION_WARNING_LETTER_SENT", "Letter sent first class today");
        open("/queues/warnings");
        assertThat(rowIds("#queue-table")).containsExactly(otherWarning.caseId());
        assertThat(rowIds("#in-progress-table")).containsExactly(urgentWarning.caseId());
    }

    @Test
    @Order(3)
    void aCaseworkerIsNotOfferedAProsecutionReferralAndIsRefusedOneTheyForge() {
        signInAs(CASEWORKER);
        open("/queues/prosecutions");
        submitWith("tr[data-case-id='" + tamper.caseId() + "'] button");
        open("/cases/" + tamper.caseId());
        assertThat(find("#legal-clock").getText()).contains("a prosecution must be started by");
        assertThat(actionChoices()).containsExactly("MITIGATION_RECEIVED", "CONTACT_ATTEMPTED", "PARTY_NOTIFIED",
                "SAFEGUARDING_REFERRAL", "SAFEGUARDING_OUTCOME", "REPRESENTATIONS_RECEIVED", "NOTE");

        WebElement page = find("html");
        browser.executeScript("""
                const radio = document.querySelector('#action-NOTE');
                radio.value = 'REFERRED_FOR_PROSECUTION';
                radio.checked = true;
                document.querySelector('#action-form').submit();""");
        awaitNewPage(page);

        assertThat(heading()).isEqualTo("Sign-off required");
        assertThat(find("#problem-detail").getText()).contains("senior caseworker");
        assertNoSeriousAccessibilityViolations();
        screenshot("sign-off-required");
        assertThat(count("SELECT count(*) FROM breach_case WHERE case_id = '" + tamper.caseId() + "' AND status = 'OPEN'"))
                .isEqualTo(1);
        open("/cases/" + tamper.caseId());
        submitWith("#release");
        assertThat(find("#case-holder").getText()).isEqualTo("Nobody");
    }

    @Test
    @Order(4)
    void aSeniorCaseworkerRefersTheTamperCaseForProsecution() {
        signInAs(SENIOR);
        open("/cases/" + tamper.caseId());
        submitWith("#claim");
        assertThat(actionChoices()).contains("REFERRED_FOR_PROSECUTION", "NO_FURTHER_ACTION");
        assertNoSeriousAccessibilityViolations();
        screenshot("case-prosecution");

        find("#action-REFERRED_FOR_PROSECUTION").click();
        find("#note").sendKeys("Tampering with the strap: serious, no warning needed");
        submitWith("#record-action");

        assertThat(find("#case-status").getText()).isEqualTo("REFERRED");
        open("/queues/prosecutions");
        assertThat(findAll("tr[data-case-id='" + tamper.caseId() + "']")).hasSize(1);

        open("/cases/" + tamper.caseId());
        assertThat(find("#details-PROSECUTION_DECISION").getText()).contains("Charged", "Not charged", "Out of time");
        assertNoSeriousAccessibilityViolations();
        find("#action-PROSECUTION_DECISION").click();
        find("#decision option[value='NOT_CHARGED']").click();
        submitWith("#record-action");

        assertThat(find("#case-status").getText()).isEqualTo("CLOSED");
        assertThat(find("#outcome-words").getText()).isEqualTo("Not charged");
        assertThat(find("#no-actions").getText()).contains("finished");
        open("/queues/prosecutions");
        assertThat(findAll("tr[data-case-id='" + tamper.caseId() + "']")).isEmpty();
    }

    @Test
    @Order(5)
    void aPersonsTimelineListsEverythingInTimeOrderAndFiltersByKind() {
        signInAs(CASEWORKER);
        open("/people/" + abvSubject);
        String all = find("#timeline-table").getText();
        assertThat(all).contains("Notification", "Case raised", "Action", "WARNING_LETTER_SENT");
        assertThat(all.indexOf("n-1")).isLessThan(all.indexOf("WARNING_LETTER_SENT"));
        assertNoSeriousAccessibilityViolations();
        screenshot("timeline");

        for (WebElement box : findAll("input[name=kind]")) {
            if (box.isSelected() != box.getAttribute("value").equals("ACTION")) {
                box.click();
            }
        }
        submitWith("#filter");

        assertThat(findAll("#timeline-table tbody tr")).hasSize(1);
        assertThat(find("#timeline-table tbody").getText()).contains("WARNING_LETTER_SENT");
    }

    @Test
    @Order(6)
    void aCaseworkerClosesAWarningWithAReasonChosenInWordsAndTheQueueShowsDueDates() {
        signInAs(CASEWORKER);
        open("/queues/warnings");
        assertThat(find("#queue-table").getText()).contains("Overdue");
        find("#order-due").click();
        assertThat(find("#queue-order").getText()).contains("due date");
        assertNoSeriousAccessibilityViolations();
        submitWith("tr[data-case-id='" + otherWarning.caseId() + "'] button");
        open("/cases/" + otherWarning.caseId());

        find("#action-NO_FURTHER_ACTION").click();
        assertThat(find("#reason").getText()).contains("Device fault", "Supplier error", "Not a breach");
        assertNoSeriousAccessibilityViolations();
        submitWith("#record-action");
        assertThat(heading()).isEqualTo("Action detail missing or unknown");

        open("/cases/" + otherWarning.caseId());
        find("#action-NO_FURTHER_ACTION").click();
        find("#reason option[value='SUPPLIER_ERROR']").click();
        submitWith("#record-action");

        assertThat(find("#case-status").getText()).isEqualTo("CLOSED");
        assertThat(find("#outcome-words").getText()).isEqualTo("Supplier error");
    }

    @Test
    @Order(7)
    void opsMayNotOpenTheQueues() {
        signInAs(OPS);
        open("/queues/warnings");
        assertThat(heading()).isEqualTo("You cannot do this");
        assertNoSeriousAccessibilityViolations();
        screenshot("forbidden");
    }

    private HttpResponse<String> getWithCookie(String path, Cookie cookie) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.getURL() + path))
                    .header("Cookie", cookie.getName() + "=" + cookie.getValue()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<String> rowIds(String table) {
        return findAll(table + " tbody tr").stream().map(r -> r.getAttribute("data-case-id")).toList();
    }

    @Test
    @Order(8)
    void aSeniorGivesTheCasesOfSomeoneLeavingToAnotherCaseworkerInOneGo() {
        String leaver = tokenAs("leaver", "CASEWORKER");
        List<ACase> held = List.of(ACase.aCase().in(Queue.WARNINGS), ACase.aCase().in(Queue.REVIEWS));
        held.forEach(c -> publish(c.build()));
        awaitStored(held.stream().map(ACase::caseId).toArray(String[]::new));
        held.forEach(c -> post("/api/v1/cases/" + c.caseId() + "/claim", null, leaver));

        signInAs(SENIOR);
        open("/queues/warnings");
        find("#bulk-link").click();
        find("#holder").sendKeys("leaver");
        submitWith("#find-cases");
        assertThat(findAll("#held-cases input:checked")).hasSize(2);
        assertNoSeriousAccessibilityViolations();
        screenshot("bulk");

        find("#assignee").sendKeys(CASEWORKER);
        submitWith("#reassign");

        assertThat(find("#bulk-outcomes").getText()).contains("Given to " + CASEWORKER);
        for (ACase c : held) {
            assertThat(getJson("/api/v1/cases/" + c.caseId(), leaver).get("assignee").asText()).isEqualTo(CASEWORKER);
        }
        assertThat(find("#none-held").getText()).contains("leaver holds no open case");
        assertNoSeriousAccessibilityViolations();
    }

    private List<String> actionChoices() {
        return findAll("#action-choices input[name=action]").stream().map(i -> i.getAttribute("value")).toList();
    }
}

package uk.gov.em.hub.pages;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import uk.gov.em.contracts.BreachCase;
import uk.gov.em.contracts.BreachType;
import uk.gov.em.contracts.DeviceType;
import uk.gov.em.contracts.HarmLevel;
import uk.gov.em.contracts.Queue;
import uk.gov.em.contracts.ReceivedNotification;
import uk.gov.em.contracts.Subject;
import uk.gov.em.hub.pages.common.Ages;
import uk.gov.em.hub.testing.ANotification;
import uk.gov.em.hub.testing.BreachStreamsFixture;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Caseworkers in a real browser, on cases the stream processor's real topology raised from notifications
 * (a person whose battery ran flat three times, a person on the third rung of the ladder, a case withdrawn
 * because its notification turned out to name someone else, a vulnerable person who tampered with the
 * strap): sign in, take the next case, record actions, refer for prosecution, read a timeline. Each test
 * works on cases of its own, so they pass in any order. Every page is scanned with axe-core, checked for
 * codes where words belong, and photographed.
 */
@MicronautTest(transactional = false)
class CaseworkerPagesIT extends BrowserTest {

    private static final String SUPPLIER = "ems";

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
    private final String batterySubject = "S-" + run + "-battery";
    private final String ladderSubject = "S-" + run + "-ladder";
    private final String vulnerableSubject = "S-" + run + "-vulnerable";
    private final String firstNamed = "S-" + run + "-first";
    private final String wronglyNamed = "S-" + run + "-wrongly-named";
    private final List<ANotification> batteryPeriods = List.of(
            battery("ep-1", now.minus(Duration.ofDays(4)).minus(Duration.ofHours(2)), Duration.ofMinutes(260)),
            battery("ep-2", now.minus(Duration.ofDays(3)).minus(Duration.ofHours(5)), Duration.ofHours(5)),
            battery("ep-3", now.minus(Duration.ofDays(2)).minus(Duration.ofHours(9)), Duration.ofMinutes(200)));
    private final ANotification absence = breach(ladderSubject, BreachType.ABSENCE_15_MIN, now.minus(Duration.ofDays(20)));
    private final ANotification partialCurfew = breach(ladderSubject, BreachType.CURFEW_MISSED_PARTIAL,
            now.minus(Duration.ofDays(10)));
    private BreachStreamsFixture streams;
    private BreachCase abv;
    private BreachCase ladder;
    private BreachCase withdrawn;
    private BreachCase vulnerableTamper;
    private BreachCase vulnerableLocation;
    private BreachCase tamper;
    private BreachCase absenceWarning;

    @BeforeAll
    void raiseCasesThroughTheRealTopology() {
        streams = new BreachStreamsFixture(now);
        put("/api/v1/subjects/" + vulnerableSubject, Map.of("harmLevel", "VERY_HIGH", "vulnerable", true,
                "deviceType", "FITTED_GPS", "emStartDate", LocalDate.now().minusMonths(2).toString()), tokenFor(OPS));
        streams.register(new Subject(vulnerableSubject, HarmLevel.VERY_HIGH, true, DeviceType.FITTED_GPS,
                LocalDate.now().minusMonths(2), now));
        streams.register(new Subject(batterySubject, HarmLevel.MEDIUM, false, DeviceType.FITTED_GPS, null, now));

        ANotification curfew = breach(firstNamed, BreachType.CURFEW_MISSED_FULL, now.minus(Duration.ofDays(2)));
        List<ANotification> sent = new ArrayList<>(batteryPeriods);
        sent.addAll(List.of(absence, partialCurfew,
                breach(ladderSubject, BreachType.LOCATION_BREACH, now.minus(Duration.ofDays(1))),
                breach(vulnerableSubject, BreachType.LOCATION_BREACH, now.minus(Duration.ofHours(8))),
                breach(vulnerableSubject, BreachType.STRAP_TAMPER, now.minus(Duration.ofHours(6))),
                breach("S-" + run + "-tamper", BreachType.STRAP_TAMPER, now.minus(Duration.ofHours(30))),
                curfew,
                // the supplier sends the same notification again, naming someone else: that copy is withdrawn
                curfew.subject(wronglyNamed).reportedAfter(Duration.ofHours(3))));
        List<ReceivedNotification> received = sent.stream().map(ANotification::build).toList();
        List<BreachCase> raised = deliver(received);

        abv = only(raised, batterySubject, BreachCase.TRIGGER_ABV);
        ladder = only(raised, ladderSubject, BreachType.LOCATION_BREACH.code());
        absenceWarning = only(raised, ladderSubject, BreachType.ABSENCE_15_MIN.code());
        vulnerableTamper = only(raised, vulnerableSubject, BreachType.STRAP_TAMPER.code());
        vulnerableLocation = only(raised, vulnerableSubject, BreachType.LOCATION_BREACH.code());
        tamper = only(raised, "S-" + run + "-tamper", BreachType.STRAP_TAMPER.code());
        withdrawn = only(raised, wronglyNamed, BreachType.CURFEW_MISSED_FULL.code());
        await().atMost(Duration.ofSeconds(60)).until(() -> count("SELECT count(*) FROM breach_case WHERE case_id = '"
                + withdrawn.caseId() + "' AND status = 'WITHDRAWN'") == 1);
    }

    @AfterAll
    void closeTheTopology() {
        if (streams != null) {
            streams.close();
        }
    }

    @Test
    void theSignInPageRefusesAWrongPasswordAndFormsWithoutTheirCsrfToken() throws Exception {
        browser.manage().deleteAllCookies();
        open("/queues/warnings");
        assertThat(browser.getCurrentUrl()).endsWith("/sign-in");
        find("#username").sendKeys(CASEWORKER);
        find("#password").sendKeys("not-the-password");
        submitWith("#sign-in");
        assertThat(find(".govuk-error-summary").getText()).contains("Enter a correct user name and password");
        assertThat(find("#service-header").getText()).contains("EM breach hub").doesNotContain("GOV.UK");
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
    void theQueuesSpeakInWordsAndShowTheHarmLevelAndWhoIsVulnerable() {
        signInAs(CASEWORKER);
        Cookie session = browser.manage().getCookieNamed("em_session");
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Strict");
        assertThat(getWithCookie("/queues/warnings", session).headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(getWithCookie("/api/v1/queues/warnings", session).statusCode())
                .as("the JSON API takes bearer tokens only, never the page cookie").isEqualTo(401);

        open("/queues/warnings");
        assertThat(find("#tab-warnings").getText()).matches("Warnings \\(\\d+\\)");
        WebElement abvRow = find("tr[data-case-id='" + abv.caseId() + "']");
        assertThat(abvRow.getText()).contains(batterySubject, "Accumulated battery violation", "Medium");
        assertThat(find("tr[data-case-id='" + absenceWarning.caseId() + "']").getText())
                .contains("Away from the curfew address for 15 minutes or more", "Low");
        assertNoCodesShown();
        assertNoSeriousAccessibilityViolations();
        screenshot("queue");

        open("/queues/" + vulnerableLocation.queue().path());
        WebElement vulnerableRow = find("tr[data-case-id='" + vulnerableLocation.caseId() + "']");
        assertThat(vulnerableRow.getText()).contains("Entered an exclusion zone or left an inclusion zone",
                "Vulnerable", "Very high", "High");
        assertNoCodesShown();
        assertNoSeriousAccessibilityViolations();
        open("/queues/prosecutions");
        assertThat(find("tr[data-case-id='" + tamper.caseId() + "']").getText()).contains("Strap tampered with")
                .doesNotContain("Vulnerable");
        assertNoCodesShown();
    }

    @Test
    void aCaseworkerTakesTheNextWarningCaseRecordsAWarningLetterAndSeesItWaitOnThePerson() {
        signInAs(CASEWORKER);
        open("/queues/warnings");
        String next = findAll("#queue-table tbody tr").stream()
                .filter(r -> r.getText().contains("Nobody")).findFirst().orElseThrow().getAttribute("data-case-id");

        submitWith("#take-next");

        assertThat(browser.getCurrentUrl()).endsWith("/cases/" + next);
        assertThat(find("#case-holder").getText()).startsWith(CASEWORKER + " until ");
        find("#action-WARNING_LETTER_SENT").click();
        find("#note").sendKeys("Letter sent first class today");
        submitWith("#record-action");

        assertThat(find("#done-banner").getText()).contains("Recorded. The case is now: Warning letter sent.");
        assertThat(find("#case-status").getText()).isEqualTo("Warning letter sent");
        assertThat(find("#mitigation-due").getText()).matches("\\d{1,2} [A-Z][a-z]+ \\d{4} at \\d{2}:\\d{2}");
        assertThat(find("#audit-trail").getText()).contains("caseworker claimed the case",
                "caseworker recorded that a warning letter was sent", "From Waiting for a first action",
                "To Warning letter sent", "Note Letter sent first class today");
        assertNoCodesShown();
        open("/queues/warnings");
        assertThat(findAll("#in-progress-table tr[data-case-id='" + next + "']")).hasSize(1);
        assertThat(find("#in-progress-table tr[data-case-id='" + next + "']").getText()).contains("Warning letter sent");
    }

    @Test
    void anAccumulatedBatteryViolationShowsEachPeriodOutOfContactAndTheirTotalInWords() {
        signInAs(CASEWORKER);
        open("/cases/" + abv.caseId());
        if (!findAll("#claim").isEmpty()) {
            submitWith("#claim");
        }

        assertThat(heading()).isEqualTo("Accumulated battery violation – " + batterySubject);
        assertThat(find("#case-status").getText()).isEqualTo("Waiting for a first action");
        assertThat(find("#case-severity").getText()).isEqualTo("Medium");
        assertThat(find("#case-harm").getText()).isEqualTo("Medium");
        assertThat(find("#case-vulnerable-answer").getText()).isEqualTo("No");
        // 4 h 20 min and 5 h, then the third period reaches 12 hours 2 h 40 min in: the rest of it is not counted
        assertThat(find("#battery-caption").getText()).contains("3 periods out of contact, 12 hours in the 7 days");
        assertThat(find("#battery-periods").getText()).contains("4 hours 20 minutes", "5 hours", "2 hours 40 minutes",
                Ages.when(batteryPeriods.getFirst().occurredAt()));
        assertThat(findAll("#battery-window rect")).hasSizeGreaterThan(3);
        assertThat(find("#evidence-notifications").getText()).contains("Battery flat",
                batteryPeriods.getFirst().notificationId());
        assertThat(find("#audit-trail").getText()).contains("The breach processor raised the case",
                "Queue Warnings", "Severity Medium", "Trigger Accumulated battery violation",
                "caseworker claimed the case", "Held until");
        assertThat(find("#action-choices").getText()).contains("Warning letter sent", "No further action",
                "Add a note only");
        assertNoCodesShown();
        assertNoSeriousAccessibilityViolations();
        screenshot("case");
    }

    @Test
    void aLadderCaseListsTheEarlierBreachesThatPutItThereWithTheirDates() {
        signInAs(SENIOR);
        open("/cases/" + ladder.caseId());

        assertThat(heading()).isEqualTo("Entered an exclusion zone or left an inclusion zone – " + ladderSubject);
        assertThat(find(".govuk-caption-l").getText()).startsWith("Reviews: case ");
        assertThat(find("#ladder-count").getText()).isEqualTo("3 qualifying breaches in the ladder window, this one included.");
        assertThat(find("#earlier-breaches").getText()).contains(
                Ages.when(absence.occurredAt()) + " Away from the curfew address for 15 minutes or more",
                Ages.when(partialCurfew.occurredAt()) + " Missed part of a curfew");
        assertNoCodesShown();
        assertNoSeriousAccessibilityViolations();
        screenshot("case-ladder");
    }

    @Test
    void aWithdrawnCaseSaysWhyAndTakesNoMoreActions() {
        signInAs(CASEWORKER);
        open("/cases/" + withdrawn.caseId());

        assertThat(find("#case-status").getText()).isEqualTo("Withdrawn");
        assertThat(find("#case-withdrawal").getText()).contains(firstNamed, wronglyNamed);
        assertThat(find("#audit-trail").getText()).contains("The breach processor raised the case",
                "The breach processor withdrew the case");
        assertThat(find("#no-actions").getText()).isEqualTo("This case is finished: it takes no more actions.");
        assertNoCodesShown();
        assertNoSeriousAccessibilityViolations();
        screenshot("case-withdrawn");
    }

    @Test
    void aCaseworkerIsNotOfferedAProsecutionReferralAndIsRefusedOneTheyForge() {
        signInAs(CASEWORKER);
        open("/cases/" + tamper.caseId());
        submitWith("#claim");
        assertThat(find("#legal-clock").getText()).contains("a prosecution must be started by");
        assertThat(find("#action-choices").getText()).contains("Mitigation received")
                .doesNotContain("Refer for prosecution");
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
    void aSeniorCaseworkerRefersAVulnerablePersonsTamperCaseAndRecordsTheProsecutorsDecision() {
        // a vulnerable person's tamper goes to a review, not straight to a prosecution referral (policy §6)
        assertThat(vulnerableTamper.queue()).isEqualTo(Queue.REVIEWS);
        signInAs(SENIOR);
        open("/cases/" + vulnerableTamper.caseId());
        submitWith("#claim");
        assertThat(find("#case-vulnerable").getText()).isEqualTo("Vulnerable person");
        assertThat(find("#case-harm").getText()).isEqualTo("Very high");
        assertThat(find("#case-vulnerable-answer").getText()).isEqualTo("Yes");
        assertThat(find("#action-choices").getText()).contains("Refer for prosecution", "No further action");
        assertNoCodesShown();
        assertNoSeriousAccessibilityViolations();
        screenshot("case-prosecution");

        find("#action-REFERRED_FOR_PROSECUTION").click();
        find("#note").sendKeys("Tampering with the strap: serious, no warning needed");
        submitWith("#record-action");

        assertThat(find("#case-status").getText()).isEqualTo("Referred for prosecution");
        assertThat(find("#details-PROSECUTION_DECISION").getText()).contains("Charged", "Not charged", "Out of time");
        assertNoSeriousAccessibilityViolations();
        find("#action-PROSECUTION_DECISION").click();
        find("#decision option[value='NOT_CHARGED']").click();
        submitWith("#record-action");

        assertThat(find("#case-status").getText()).isEqualTo("Closed");
        assertThat(find("#outcome-words").getText()).isEqualTo("Not charged");
        assertThat(find("#no-actions").getText()).contains("finished");
        assertThat(find("#audit-trail").getText()).contains("senior referred the case for prosecution",
                "senior recorded the prosecutor's decision", "Outcome Not charged");
        assertNoCodesShown();
        open("/queues/reviews");
        assertThat(findAll("tr[data-case-id='" + vulnerableTamper.caseId() + "']")).isEmpty();
    }

    @Test
    void aPersonsTimelineListsEverythingInTimeOrderInWordsAndFiltersByKind() {
        signInAs(CASEWORKER);
        open("/people/" + batterySubject);
        String all = find("#timeline-table").getText();
        assertThat(all).contains("Notification Battery flat", "Case raised Accumulated battery violation",
                Ages.when(batteryPeriods.getFirst().occurredAt()));
        assertThat(all.indexOf("ep-1")).isLessThan(all.indexOf("Case raised"));
        assertNoCodesShown();
        assertNoSeriousAccessibilityViolations();
        screenshot("timeline");

        for (WebElement box : findAll("input[name=kind]")) {
            if (box.isSelected() != box.getAttribute("value").equals("NOTIFICATION")) {
                box.click();
            }
        }
        submitWith("#filter");

        assertThat(findAll("#timeline-table tbody tr")).hasSize(3);
        assertThat(find("#timeline-table tbody").getText()).doesNotContain("Case raised");
    }

    @Test
    void aCaseworkerClosesAWarningWithAReasonChosenInWordsAndTheQueueShowsDueDates() {
        signInAs(CASEWORKER);
        open("/queues/warnings");
        assertThat(find("tr[data-case-id='" + absenceWarning.caseId() + "']").getText()).contains("Overdue");
        find("#order-due").click();
        assertThat(find("#queue-order").getText()).contains("due date");
        assertNoSeriousAccessibilityViolations();
        open("/cases/" + absenceWarning.caseId());
        submitWith("#claim");

        find("#action-NO_FURTHER_ACTION").click();
        assertThat(find("#reason").getText()).contains("Device fault", "Supplier error", "Not a breach");
        assertNoSeriousAccessibilityViolations();
        submitWith("#record-action");
        assertThat(heading()).isEqualTo("Action detail missing or unknown");

        open("/cases/" + absenceWarning.caseId());
        find("#action-NO_FURTHER_ACTION").click();
        find("#reason option[value='SUPPLIER_ERROR']").click();
        submitWith("#record-action");

        assertThat(find("#case-status").getText()).isEqualTo("Closed");
        assertThat(find("#outcome-words").getText()).isEqualTo("Supplier error");
        assertThat(find("#audit-trail").getText()).contains("caseworker decided on no further action",
                "Reason Supplier error");
    }

    @Test
    void opsMayNotOpenTheQueues() {
        signInAs(OPS);
        open("/queues/warnings");
        assertThat(heading()).isEqualTo("You cannot do this");
        assertNoSeriousAccessibilityViolations();
        screenshot("forbidden");
    }

    @Test
    void aSeniorGivesTheCasesOfSomeoneLeavingToAnotherCaseworkerInOneGo() {
        String leaver = tokenAs("leaver-" + run, "CASEWORKER");
        List<BreachCase> held = deliver(List.of(
                breach("S-" + run + "-bulk-1", BreachType.MONITOR_MOVEMENT, now.minus(Duration.ofHours(20))).build(),
                breach("S-" + run + "-bulk-2", BreachType.AC_POWER_LOSS, now.minus(Duration.ofHours(19))).build()));
        assertThat(held).hasSize(2).allSatisfy(c -> assertThat(c.queue()).isEqualTo(Queue.WARNINGS));
        held.forEach(c -> post("/api/v1/cases/" + c.caseId() + "/claim", null, leaver));

        signInAs(SENIOR);
        open("/queues/warnings");
        find("#bulk-link").click();
        find("#holder").sendKeys("leaver-" + run);
        submitWith("#find-cases");
        assertThat(findAll("#held-cases input:checked")).hasSize(2);
        assertThat(find("#held-cases").getText()).contains("Warnings queue");
        assertNoSeriousAccessibilityViolations();
        screenshot("bulk");

        find("#assignee").sendKeys(CASEWORKER);
        submitWith("#reassign");

        assertThat(find("#bulk-outcomes").getText()).contains("Given to " + CASEWORKER);
        for (BreachCase c : held) {
            assertThat(getJson("/api/v1/cases/" + c.caseId(), leaver).get("assignee").asText()).isEqualTo(CASEWORKER);
        }
        assertThat(find("#none-held").getText()).contains("leaver-" + run + " holds no open case");
        assertNoSeriousAccessibilityViolations();
    }

    /** Runs notifications through the topology and the hub: both see them, as in production. */
    private List<BreachCase> deliver(List<ReceivedNotification> received) {
        publishNotifications(received);
        List<BreachStreamsFixture.Published> published = streams.send(received).published();
        published.forEach(p -> send(p.key(), p.value()));
        List<BreachCase> raised = streams.raised(published);
        awaitStored(raised.stream().map(BreachCase::caseId).distinct().toArray(String[]::new));
        return raised;
    }

    private static BreachCase only(List<BreachCase> raised, String subjectId, String trigger) {
        List<BreachCase> found = raised.stream()
                .filter(c -> c.subjectId().equals(subjectId) && c.trigger().equals(trigger)).toList();
        assertThat(found).as("the topology raised one " + trigger + " for " + subjectId).hasSize(1);
        return found.getFirst();
    }

    private ANotification battery(String episode, Instant from, Duration lasted) {
        return ANotification.aNotification().supplier(SUPPLIER).id("n-" + run + "-" + episode).subject(batterySubject)
                .type(BreachType.BATTERY_DEPLETED).episode(episode).occurredAt(from).endedAt(from.plus(lasted))
                .reportedAfter(lasted.plusMinutes(2));
    }

    private ANotification breach(String subjectId, BreachType type, Instant at) {
        return ANotification.aNotification().supplier(SUPPLIER).id("n-" + UUID.randomUUID()).subject(subjectId)
                .type(type).occurredAt(at).reportedAfter(Duration.ofMinutes(3));
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

    private List<String> actionChoices() {
        return findAll("#action-choices input[name=action]").stream().map(i -> i.getAttribute("value")).toList();
    }
}

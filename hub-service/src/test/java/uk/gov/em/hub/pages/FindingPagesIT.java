package uk.gov.em.hub.pages;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import uk.gov.em.contracts.DataQualityEvent;
import uk.gov.em.contracts.DeadLetterHeaders;
import uk.gov.em.contracts.ReceivedNotification;
import uk.gov.em.contracts.Topics;
import uk.gov.em.contracts.json.Json;
import uk.gov.em.hub.testing.ACase;
import uk.gov.em.hub.testing.ANotification;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Finding things in a real browser: the find box under the navigation of every page takes a caseworker to a
 * case, a person's timeline (which marks a notification a data-quality exception names) or a clear "nothing
 * matches"; "My cases" lists what they hold; senior caseworkers and ops list data-quality exceptions by kind and
 * supplier, and MI counts them by month. Every new page is scanned with axe-core.
 */
@MicronautTest(transactional = false)
class FindingPagesIT extends BrowserTest {

    private final String supplier = "ems-" + UUID.randomUUID().toString().substring(0, 8);
    private final ACase aCase = ACase.aCase().subject("S-" + UUID.randomUUID().toString().substring(0, 8));
    private final ReceivedNotification notification = ANotification.aNotification().supplier(supplier)
            .subject(aCase.subjectId()).build();
    /** A notification id two suppliers used, about two people. */
    private final String sharedId = "N-" + UUID.randomUUID();

    @BeforeAll
    void somethingToFind() {
        publish(aCase.build());
        publishNotifications(List.of(notification,
                ANotification.aNotification().supplier(supplier).id(sharedId).subject("S-one-" + sharedId).build(),
                ANotification.aNotification().supplier("other-" + supplier).id(sharedId).subject("S-two-" + sharedId).build()));
        Instant detected = Instant.parse("2022-02-03T10:00:00Z");
        DataQualityEvent conflict = new DataQualityEvent(DataQualityEvent.Issue.CONFLICTING_DUPLICATE, supplier,
                notification.notification().notificationId(), aCase.subjectId(),
                "Notification " + notification.notification().notificationId() + " arrived again with other content.",
                detected.minusSeconds(60), detected);
        sendTo(Topics.DATA_QUALITY, aCase.subjectId(), Json.toBytes(conflict));
        sendTo(Topics.DEAD_LETTER, aCase.subjectId(), "{oops".getBytes(StandardCharsets.UTF_8),
                header(DeadLetterHeaders.TOPIC, Topics.CASES), header(DeadLetterHeaders.PARTITION, "1"),
                header(DeadLetterHeaders.OFFSET, "7"), header(DeadLetterHeaders.MESSAGE, "UNREADABLE: not JSON"));
        awaitStored(aCase.caseId());
        await().atMost(Duration.ofSeconds(60)).until(() ->
                count("SELECT count(*) FROM notification WHERE notification_id IN ('" + sharedId + "', '"
                        + notification.notification().notificationId() + "')") == 3
                        && count("SELECT count(*) FROM data_quality_exception WHERE subject_id = '"
                        + aCase.subjectId() + "'") == 2);
    }

    @Test
    void aCaseworkerFindsACaseAPersonOrANotificationFromTheBoxOnAnyPage() {
        signInAs(CASEWORKER);

        findFromTheBox(aCase.caseId());
        assertThat(browser.getCurrentUrl()).endsWith("/cases/" + aCase.caseId());

        findFromTheBox(notification.notification().notificationId());
        assertThat(browser.getCurrentUrl()).endsWith("/people/" + aCase.subjectId());
        assertThat(find(".em-data-quality").getText()).isEqualTo("Conflicting copy");

        findFromTheBox(aCase.subjectId());
        assertThat(heading()).isEqualTo(aCase.subjectId());
        assertNoSeriousAccessibilityViolations();

        findFromTheBox(sharedId);
        assertThat(find("#find-results tbody").getText())
                .contains("Notification from " + supplier + " " + sharedId + " S-one-" + sharedId,
                        "Notification from other-" + supplier + " " + sharedId + " S-two-" + sharedId);
        assertNoSeriousAccessibilityViolations();

        findFromTheBox("no-such-" + aCase.subjectId());
        assertThat(find("#nothing-found").getText()).contains("Nothing matches no-such-" + aCase.subjectId());
        assertThat(find("#find-q").getAttribute("value")).isEqualTo("no-such-" + aCase.subjectId());
        assertNoSeriousAccessibilityViolations();
    }

    @Test
    void myCasesShowsWhatIHoldAndWhenEachClaimRunsOut() {
        assertThat(post("/api/v1/cases/" + aCase.caseId() + "/claim", null, tokenFor(SENIOR)).statusCode()).isEqualTo(200);
        signInAs(SENIOR);

        submitWith("#my-cases-link");

        assertThat(heading()).isEqualTo("My cases");
        assertThat(find("#my-cases-table caption").getText()).isEqualTo("You hold 1 case");
        assertThat(find("#my-cases-table tr[data-case-id='" + aCase.caseId() + "']").getText())
                .contains(aCase.subjectId(), "in 3 hours");
        assertNoSeriousAccessibilityViolations();
        screenshot("my-cases");
    }

    @Test
    void aSeniorCaseworkerListsDataQualityExceptionsByKindAndSupplier() {
        signInAs(SENIOR);
        submitWith("#data-quality-link");

        assertThat(heading()).isEqualTo("Data-quality exceptions");
        new Select(find("#supplier")).selectByValue(supplier);
        submitWith("#filter");
        assertThat(find("#exceptions-table caption").getText()).isEqualTo("1 exception");
        assertThat(find("#exceptions-table tbody").getText()).contains("Conflicting copy", aCase.subjectId());
        assertThat(find("#exceptions-table tbody a").getAttribute("href")).endsWith("/people/" + aCase.subjectId());
        assertNoSeriousAccessibilityViolations();
        screenshot("data-quality");

        new Select(find("#kind")).selectByValue("DEAD_LETTERED");
        new Select(find("#supplier")).selectByValue("");
        submitWith("#filter");
        assertThat(findAll("#exceptions-table tbody tr")).allSatisfy(r -> assertThat(r.getText()).contains("Set aside for repair"));
        assertThat(find("#exceptions-table tbody").getText())
                .contains("Kept on the dead-letter topic; came from " + Topics.CASES + ", partition 1, offset 7");
    }

    @Test
    void opsCountDataQualityExceptionsInMiAndHaveNoFindBox() {
        signInAs(OPS);
        open("/mi?from=2022-01&to=2022-02");

        assertThat(find("#data-quality-table").getText()).contains("2022-02 " + supplier + " Conflicting copy 1");
        assertThat(findAll("#find-q")).isEmpty();
        open("/data-quality?supplier=" + supplier);
        assertThat(find("#exceptions-table tbody").getText()).contains(aCase.subjectId());
        assertThat(findAll("#exceptions-table tbody a")).isEmpty();
    }

    private void findFromTheBox(String id) {
        find("#find-q").clear();
        find("#find-q").sendKeys(id);
        submitWith("#find-button");
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}

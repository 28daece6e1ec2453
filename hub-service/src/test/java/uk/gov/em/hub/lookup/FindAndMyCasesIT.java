package uk.gov.em.hub.lookup;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.gov.em.contracts.ReceivedNotification;
import uk.gov.em.hub.lookup.app.Lookup;
import uk.gov.em.hub.lookup.domain.Found;
import uk.gov.em.hub.mycases.app.MyCases;
import uk.gov.em.hub.testing.ACase;
import uk.gov.em.hub.testing.ANotification;
import uk.gov.em.hub.testing.HubIntegrationTest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An id typed into the find box lands on the case, the person or the notification's person, lists what it
 * names when it names several things, and names nothing when the hub holds nothing of it; "My cases" lists what
 * a caseworker holds, with when each claim runs out.
 */
@MicronautTest(transactional = false)
class FindAndMyCasesIT extends HubIntegrationTest {

    @Inject
    Lookup lookup;

    @Inject
    MyCases myCases;

    @Test
    void anIdLandsOnTheCaseThePersonOrTheNotificationsPerson() {
        String subject = "S-" + UUID.randomUUID();
        ACase c = ACase.aCase().subject(subject);
        ReceivedNotification n = ANotification.aNotification().subject(subject).build();
        publish(c.build());
        publishNotifications(List.of(n));
        awaitStored(c.caseId());
        awaitNotifications(n);

        assertThat(lookup.find(c.caseId())).isEqualTo(new Found.OneCase(c.caseId()));
        assertThat(lookup.find("  " + subject + " ")).isEqualTo(new Found.OnePerson(subject));
        assertThat(lookup.find(n.notification().notificationId())).isEqualTo(new Found.OnePerson(subject));
        assertThat(lookup.find("nobody-" + UUID.randomUUID())).isEqualTo(new Found.Nothing());
        assertThat(lookup.find("")).isEqualTo(new Found.Nothing());
    }

    @Test
    void aNotificationIdTwoSuppliersUsedListsBoth() {
        String id = "N-" + UUID.randomUUID();
        ReceivedNotification fromOne = ANotification.aNotification().supplier("ems-one").id(id).subject("S-a-" + id).build();
        ReceivedNotification fromTwo = ANotification.aNotification().supplier("ems-two").id(id).subject("S-b-" + id).build();
        publishNotifications(List.of(fromOne, fromTwo));
        awaitNotifications(fromOne, fromTwo);

        assertThat(lookup.find(id)).isEqualTo(new Found.Several(List.of(
                new Found.NotificationMatch("ems-one", id, "S-a-" + id, fromOne.notification().type().code()),
                new Found.NotificationMatch("ems-two", id, "S-b-" + id, fromTwo.notification().type().code()))));
    }

    @Test
    void myCasesListsWhatICurrentlyHoldWithWhenEachClaimRunsOut() {
        String me = "held-" + UUID.randomUUID();
        String token = tokenAs(me, "CASEWORKER");
        ACase kept = ACase.aCase();
        ACase givenBack = ACase.aCase();
        ACase someoneElses = ACase.aCase();
        publish(kept.build(), givenBack.build(), someoneElses.build());
        awaitStored(kept.caseId(), givenBack.caseId(), someoneElses.caseId());

        assertThat(myCases.heldBy(me, Instant.now())).isEmpty();
        for (ACase c : List.of(kept, givenBack)) {
            assertThat(post("/api/v1/cases/" + c.caseId() + "/claim", null, token).statusCode()).isEqualTo(200);
        }
        assertThat(post("/api/v1/cases/" + givenBack.caseId() + "/release", null, token).statusCode()).isEqualTo(200);
        assertThat(post("/api/v1/cases/" + someoneElses.caseId() + "/claim", null, tokenAs("other-" + me, "CASEWORKER"))
                .statusCode()).isEqualTo(200);

        List<MyCases.Held> held = myCases.heldBy(me, Instant.now());
        assertThat(held).extracting(h -> h.c().caseId()).containsExactly(kept.caseId());
        assertThat(held.getFirst().leaseRunOut()).isFalse();
        assertThat(held.getFirst().c().claimExpiresAt()).isAfter(Instant.now());
        assertThat(myCases.heldBy(me, held.getFirst().c().claimExpiresAt()).getFirst().leaseRunOut()).isTrue();
    }

    private void awaitNotifications(ReceivedNotification... notifications) {
        for (ReceivedNotification n : notifications) {
            await().atMost(Duration.ofSeconds(60)).until(() -> count("SELECT count(*) FROM notification WHERE supplier = '"
                    + n.supplier() + "' AND notification_id = '" + n.notification().notificationId() + "'") == 1);
        }
    }
}

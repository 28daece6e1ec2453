package uk.gov.em.hub.cases;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.gov.em.contracts.BreachCase;
import uk.gov.em.contracts.HarmLevel;
import uk.gov.em.contracts.Queue;
import uk.gov.em.contracts.Severity;
import uk.gov.em.hub.cases.domain.HubCase;
import uk.gov.em.hub.cases.work.CaseWork;
import uk.gov.em.hub.testing.ACase;
import uk.gov.em.hub.testing.HubIntegrationTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Take the next case" ({@link CaseWork#takeNext}): one statement picks, locks and claims the first free
 * case in queue order. Each test uses a queue of its own.
 */
@MicronautTest(transactional = false)
class TakeNextIT extends HubIntegrationTest {

    private static final int TAKERS = 8;
    private static final int TAKES_EACH = 4;

    @Inject
    CaseWork work;

    private final CaseWork.Caller ann = new CaseWork.Caller("ann", true, false, false);
    private final CaseWork.Caller bob = new CaseWork.Caller("bob", true, false, false);

    @Test
    void takesTheFirstFreeCaseInQueueOrderSkippingOneSomeoneHoldsAndThenSaysTheQueueIsEmpty() {
        ACase base = ACase.aCase().in(Queue.PROSECUTIONS);
        BreachCase heldByBob = base.id("p-held").severity(Severity.CRITICAL).harm(HarmLevel.VERY_HIGH)
                .openedAt(ACase.T0.minusSeconds(86_400)).build();
        BreachCase first = base.id("p-first").severity(Severity.CRITICAL).harm(HarmLevel.HIGH).build();
        BreachCase second = base.id("p-second").severity(Severity.HIGH).harm(HarmLevel.VERY_HIGH).build();
        publish(second, first, heldByBob);
        awaitStored("p-held", "p-first", "p-second");
        work.claim("p-held", bob);

        assertThat(work.takeNext(Queue.PROSECUTIONS, ann)).map(HubCase::caseId).contains("p-first");
        assertThat(work.takeNext(Queue.PROSECUTIONS, ann)).map(HubCase::caseId).contains("p-second");
        assertThat(work.takeNext(Queue.PROSECUTIONS, ann)).isEmpty();

        assertThat(count("SELECT count(*) FROM breach_case WHERE assignee = 'ann' AND claim_expires_at > now()"
                + " AND case_id IN ('p-first', 'p-second')")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'CLAIMED' AND actor = 'ann'"
                + " AND case_id IN ('p-first', 'p-second')")).isEqualTo(2);
    }

    @Test
    void aClaimWhoseLeaseRanOutIsFreeAgainAndTheAuditSaysWhoseItWas() {
        BreachCase lapsed = ACase.aCase().in(Queue.REVIEWS).id("r-lapsed").build();
        publish(lapsed);
        awaitStored("r-lapsed");
        work.claim("r-lapsed", bob);
        sql("UPDATE breach_case SET claim_expires_at = now() - interval '1 minute' WHERE case_id = 'r-lapsed'");

        Optional<HubCase> taken = work.takeNext(Queue.REVIEWS, ann);

        assertThat(taken).map(HubCase::caseId).contains("r-lapsed");
        assertThat(taken).map(HubCase::assignee).contains("ann");
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'CLAIMED' AND actor = 'ann'"
                + " AND case_id = 'r-lapsed' AND detail::jsonb ->> 'lapsedClaimOf' = 'bob'")).isEqualTo(1);
    }

    @Test
    void concurrentTakersNeverGetTheSameCase() throws Exception {
        List<String> ids = new ArrayList<>();
        ACase base = ACase.aCase().in(Queue.WARNINGS);
        // more cases than takes plus takers in flight: every take finds a free case that nobody has locked
        int cases = TAKERS * TAKES_EACH + TAKERS;
        for (int i = 0; i < cases; i++) {
            BreachCase c = base.id("w-" + i).subject("s-" + i).openedAt(ACase.T0.plusSeconds(i)).build();
            publish(c);
            ids.add(c.caseId());
        }
        awaitStored(ids.toArray(String[]::new));

        ExecutorService pool = Executors.newFixedThreadPool(TAKERS);
        List<String> taken = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Optional<HubCase>>>> answers = new ArrayList<>();
            for (int t = 0; t < TAKERS; t++) {
                CaseWork.Caller taker = new CaseWork.Caller("taker-" + t, true, false, false);
                answers.add(pool.submit(() -> {
                    start.await();
                    List<Optional<HubCase>> mine = new ArrayList<>();
                    for (int n = 0; n < TAKES_EACH; n++) {
                        mine.add(work.takeNext(Queue.WARNINGS, taker));
                    }
                    return mine;
                }));
            }
            start.countDown();
            for (Future<List<Optional<HubCase>>> answer : answers) {
                for (Optional<HubCase> one : answer.get()) {
                    assertThat(one).as("a take with free cases left").isPresent();
                    taken.add(one.orElseThrow().caseId());
                }
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(taken).hasSize(TAKERS * TAKES_EACH).doesNotHaveDuplicates();
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'CLAIMED' AND actor LIKE 'taker-%'"))
                .isEqualTo(TAKERS * TAKES_EACH);
        assertThat(count("SELECT count(DISTINCT case_id) FROM audit_event WHERE action = 'CLAIMED'"
                + " AND actor LIKE 'taker-%'")).isEqualTo(TAKERS * TAKES_EACH);
        // the takes went down the queue in order: the cases left free are the last ones
        assertThat(count("SELECT count(*) FROM breach_case WHERE queue = 'warnings' AND assignee IS NULL"
                + " AND case_id IN ('" + String.join("','", ids.subList(TAKERS * TAKES_EACH, cases)) + "')"))
                .isEqualTo(cases - TAKERS * TAKES_EACH);
    }
}

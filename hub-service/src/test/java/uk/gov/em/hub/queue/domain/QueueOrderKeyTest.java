package uk.gov.em.hub.queue.domain;

import org.junit.jupiter.api.Test;
import uk.gov.em.contracts.HarmLevel;
import uk.gov.em.contracts.Queue;
import uk.gov.em.contracts.Severity;
import uk.gov.em.hub.common.domain.InvalidParameter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueueOrderKeyTest {

    private static final Instant T = Instant.parse("2022-02-03T10:00:00Z");

    @Test
    void aMoreSevereCaseComesFirstWhateverItsHarmLevelOrAge() {
        QueueOrderKey critical = QueueOrderKey.of(Severity.CRITICAL, null, T, "z");
        QueueOrderKey high = QueueOrderKey.of(Severity.HIGH, HarmLevel.VERY_HIGH, T.minusSeconds(86_400), "a");

        assertThat(QueueOrderKey.ORDER.compare(critical, high)).isNegative();
    }

    @Test
    void withinASeverityTheHigherHarmLevelComesFirstAndUnknownHarmComesLast() {
        List<QueueOrderKey> keys = new ArrayList<>();
        for (HarmLevel harm : new HarmLevel[]{null, HarmLevel.LOW, HarmLevel.VERY_HIGH, HarmLevel.MEDIUM, HarmLevel.HIGH}) {
            keys.add(QueueOrderKey.of(Severity.HIGH, harm, T, "c"));
        }

        keys.sort(QueueOrderKey.ORDER);

        assertThat(keys).extracting(QueueOrderKey::harmRank).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void withinSeverityAndHarmTheOldestTriggerComesFirstAndTheCaseIdBreaksTies() {
        QueueOrderKey older = QueueOrderKey.of(Severity.LOW, HarmLevel.LOW, T.minusSeconds(1), "z");
        QueueOrderKey newerA = QueueOrderKey.of(Severity.LOW, HarmLevel.LOW, T, "a");
        QueueOrderKey newerB = QueueOrderKey.of(Severity.LOW, HarmLevel.LOW, T, "b");
        List<QueueOrderKey> keys = new ArrayList<>(List.of(newerB, older, newerA));
        Collections.shuffle(keys);

        keys.sort(QueueOrderKey.ORDER);

        assertThat(keys).containsExactly(older, newerA, newerB);
    }

    @Test
    void aCursorReturnsTheKeyItWasMadeFrom() {
        QueueOrderKey key = QueueOrderKey.of(Severity.MEDIUM, null, Instant.parse("2022-02-03T10:00:00.123456Z"), "case:1");

        assertThat(QueueOrderKey.fromCursor(key.toCursor(Queue.REVIEWS), Queue.REVIEWS)).isEqualTo(key);
    }

    @Test
    void aCursorOfOneQueueIsRefusedByAnother() {
        String cursor = QueueOrderKey.of(Severity.MEDIUM, null, T, "c").toCursor(Queue.WARNINGS);

        assertThatThrownBy(() -> QueueOrderKey.fromCursor(cursor, Queue.PROSECUTIONS))
                .isInstanceOf(InvalidParameter.class);
    }

    @Test
    void anUnknownQueueWordIsNotFound() {
        assertThat(Queues.fromPath("prosecutions")).isEqualTo(Queue.PROSECUTIONS);
        assertThatThrownBy(() -> Queues.fromPath("Warnings")).isInstanceOf(UnknownQueue.class);
    }
}

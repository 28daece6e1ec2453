package uk.gov.em.hub.audit.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditChainTest {

    private static final Instant T = Instant.parse("2022-02-03T10:00:00.123456789Z");
    private static final AuditChain CHAIN = new AuditChain("the-audit-key-the-database-never-sees".getBytes());

    @Test
    void aCaseOffItsTrailBreaksAWholeChainAtItsLastTransitionButNeverHidesAChainBreak() {
        CaseStateMismatch closedBehindItsBack = new CaseStateMismatch("c-3", "CLOSED", null, 3L, "OPEN", null);
        AuditChain.Report whole = CHAIN.verify(chain(5).iterator());

        AuditChain.Report report = whole.and(Optional.of(closedBehindItsBack));

        assertThat(report.ok()).isFalse();
        assertThat(report.firstBrokenSeq()).isEqualTo(3L);
        assertThat(report.problem()).isEqualTo("case c-3 is CLOSED but its audit trail last took it to OPEN at row 3");
        assertThat(whole.and(Optional.empty())).isEqualTo(whole);
        AuditChain.Report broken = new AuditChain.Report(false, 2, 2L, "its content does not match its hash");
        assertThat(broken.and(Optional.of(closedBehindItsBack))).isEqualTo(broken);
    }

    @Test
    void anIntactChainVerifies() {
        assertThat(CHAIN.verify(chain(5).iterator())).isEqualTo(new AuditChain.Report(true, 5, null, null));
    }

    @Test
    void anAlteredRowIsTheFirstBrokenRow() {
        List<AuditChain.StoredRow> rows = chain(5);
        AuditChain.StoredRow third = rows.get(2);
        rows.set(2, new AuditChain.StoredRow(3, new AuditEntry(third.entry().at(), "mallory", third.entry().action(),
                third.entry().caseId(), third.entry().subjectId(), third.entry().detail()), third.previousHash(), third.hash()));

        AuditChain.Report report = CHAIN.verify(rows.iterator());

        assertThat(report.ok()).isFalse();
        assertThat(report.firstBrokenSeq()).isEqualTo(3);
    }

    @Test
    void aDeletedRowIsFoundEvenWhenTheRestIsRehashed() {
        List<AuditChain.StoredRow> rows = chain(5);
        rows.remove(1);

        assertThat(CHAIN.verify(rows.iterator()).firstBrokenSeq()).isEqualTo(2);
    }

    @Test
    void aMissingValueAndAnEmptyOneHashDifferently() {
        AuditEntry missing = new AuditEntry(T, "a", "b", null, "s", "d");
        AuditEntry empty = new AuditEntry(T, "a", "b", "", "s", "d");

        assertThat(CHAIN.hash(AuditChain.GENESIS, 1, missing)).isNotEqualTo(CHAIN.hash(AuditChain.GENESIS, 1, empty));
    }

    @Test
    void timesAreKeptToTheMicrosecondAsTheDatabaseStoresThem() {
        assertThat(new AuditEntry(T, "a", "b", null, null, null).at()).isEqualTo(Instant.parse("2022-02-03T10:00:00.123456Z"));
    }

    @Test
    void aChainRebuiltWithoutTheKeyDoesNotVerify() {
        List<AuditChain.StoredRow> rebuilt = chain(5, new AuditChain("a-key-guessed-by-the-database-owner!".getBytes()));

        assertThat(CHAIN.verify(rebuilt.iterator()).firstBrokenSeq()).isEqualTo(1);
    }

    @Test
    void rowsRemovedFromTheEndAreFoundAgainstThePublishedHead() {
        List<AuditChain.StoredRow> rows = chain(5);
        AuditChain.Checkpoint published = new AuditChain.Checkpoint(5, rows.get(4).hash(), T);
        rows.subList(3, 5).clear();

        AuditChain.Report report = CHAIN.verify(rows.iterator(), Optional.of(published));

        assertThat(report.ok()).isFalse();
        assertThat(report.firstBrokenSeq()).isEqualTo(4);
        assertThat(report.problem()).contains("rows 4 to 5 are missing");
    }

    @Test
    void aChainThatGrewPastThePublishedHeadVerifies() {
        List<AuditChain.StoredRow> rows = chain(5);
        AuditChain.Checkpoint published = new AuditChain.Checkpoint(3, rows.get(2).hash(), T);

        assertThat(CHAIN.verify(rows.iterator(), Optional.of(published)).ok()).isTrue();
    }

    @Test
    void aRowWhoseHashIsNotThePublishedOneBreaksTheChainThere() {
        List<AuditChain.StoredRow> rows = chain(5);
        AuditChain.Checkpoint published = new AuditChain.Checkpoint(3, "f".repeat(64), T);

        assertThat(CHAIN.verify(rows.iterator(), Optional.of(published)).firstBrokenSeq()).isEqualTo(3);
    }

    @Test
    void aKeyShorterThan32BytesIsRefused() {
        assertThatThrownBy(() -> new AuditChain("short".getBytes())).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<AuditChain.StoredRow> chain(int n) {
        return chain(n, CHAIN);
    }

    private static List<AuditChain.StoredRow> chain(int n, AuditChain chain) {
        List<AuditChain.StoredRow> rows = new ArrayList<>();
        String previous = AuditChain.GENESIS;
        for (int seq = 1; seq <= n; seq++) {
            AuditEntry entry = new AuditEntry(T.plusSeconds(seq), "ann", "CLAIMED", "c-" + seq, "s-1", "{}");
            String hash = chain.hash(previous, seq, entry);
            rows.add(new AuditChain.StoredRow(seq, entry, previous, hash));
            previous = hash;
        }
        return rows;
    }
}

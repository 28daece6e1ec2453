package uk.gov.em.hub.audit.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuditChainTest {

    private static final Instant T = Instant.parse("2022-02-03T10:00:00.123456789Z");

    @Test
    void anIntactChainVerifies() {
        assertThat(AuditChain.verify(chain(5).iterator())).isEqualTo(new AuditChain.Report(true, 5, null, null));
    }

    @Test
    void anAlteredRowIsTheFirstBrokenRow() {
        List<AuditChain.StoredRow> rows = chain(5);
        AuditChain.StoredRow third = rows.get(2);
        rows.set(2, new AuditChain.StoredRow(3, new AuditEntry(third.entry().at(), "mallory", third.entry().action(),
                third.entry().caseId(), third.entry().subjectId(), third.entry().detail()), third.previousHash(), third.hash()));

        AuditChain.Report report = AuditChain.verify(rows.iterator());

        assertThat(report.ok()).isFalse();
        assertThat(report.firstBrokenSeq()).isEqualTo(3);
    }

    @Test
    void aDeletedRowIsFoundEvenWhenTheRestIsRehashed() {
        List<AuditChain.StoredRow> rows = chain(5);
        rows.remove(1);

        assertThat(AuditChain.verify(rows.iterator()).firstBrokenSeq()).isEqualTo(2);
    }

    @Test
    void aMissingValueAndAnEmptyOneHashDifferently() {
        AuditEntry missing = new AuditEntry(T, "a", "b", null, "s", "d");
        AuditEntry empty = new AuditEntry(T, "a", "b", "", "s", "d");

        assertThat(AuditChain.hash(AuditChain.GENESIS, 1, missing)).isNotEqualTo(AuditChain.hash(AuditChain.GENESIS, 1, empty));
    }

    @Test
    void timesAreKeptToTheMicrosecondAsTheDatabaseStoresThem() {
        assertThat(new AuditEntry(T, "a", "b", null, null, null).at()).isEqualTo(Instant.parse("2022-02-03T10:00:00.123456Z"));
    }

    private static List<AuditChain.StoredRow> chain(int n) {
        List<AuditChain.StoredRow> rows = new ArrayList<>();
        String previous = AuditChain.GENESIS;
        for (int seq = 1; seq <= n; seq++) {
            AuditEntry entry = new AuditEntry(T.plusSeconds(seq), "ann", "CLAIMED", "c-" + seq, "s-1", "{}");
            String hash = AuditChain.hash(previous, seq, entry);
            rows.add(new AuditChain.StoredRow(seq, entry, previous, hash));
            previous = hash;
        }
        return rows;
    }
}

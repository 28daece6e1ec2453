package uk.gov.em.hub.audit.domain;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Optional;

/**
 * The keyed hash chain over the audit trail: each row's hash is HMAC-SHA256, under a key the database
 * never holds, over the previous row's hash and the row's canonical content (its sequence number and every
 * field, each length-prefixed so no two different rows encode alike, a missing value distinct from an
 * empty one). Changing, removing or inserting any row breaks the chain from that row on, and without the
 * key nobody (the schema owner included) can compute the hashes of a rewritten chain. Removing rows from
 * the end leaves a shorter chain that is still whole; a {@link Checkpoint} of the head published outside
 * the database catches that.
 */
public final class AuditChain {

    /** The "previous hash" of the first row. */
    public static final String GENESIS = "0".repeat(64);

    /** The shortest key accepted: HMAC-SHA256 wants 256 bits. */
    public static final int MIN_KEY_BYTES = 32;

    private final SecretKeySpec key;

    /** A chain keyed with {@code key} (at least {@value #MIN_KEY_BYTES} bytes). */
    public AuditChain(byte[] key) {
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the audit key must be at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    /** The head of the chain as it was published at {@code at}: row {@code seq} had hash {@code hash}. */
    public record Checkpoint(long seq, String hash, Instant at) {
    }

    /** The hash of the row {@code seq} holding {@code entry}, chained to {@code previousHash}. */
    public String hash(String previousHash, long seq, AuditEntry entry) {
        StringBuilder canonical = new StringBuilder(previousHash).append('|').append(seq);
        for (String field : new String[]{entry.at().toString(), entry.actor(), entry.action(), entry.caseId(),
                entry.subjectId(), entry.detail()}) {
            canonical.append('|');
            if (field == null) {
                canonical.append('-');
            } else {
                canonical.append(field.length()).append(':').append(field);
            }
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HMAC-SHA256", e);
        }
    }

    /** A row as stored, with the hashes it claims. */
    public record StoredRow(long seq, AuditEntry entry, String previousHash, String hash) {
    }

    /** The verdict on the whole chain: intact, or the first row at which it breaks and why. */
    public record Report(boolean ok, long rowsChecked, Long firstBrokenSeq, String problem) {

        static Report intact(long rows) {
            return new Report(true, rows, null, null);
        }

        static Report brokenAt(long rows, long seq, String problem) {
            return new Report(false, rows, seq, problem);
        }

        /**
         * This report, or, when the chain itself is whole, the first case whose stored state its chain does not
         * end in: the chain then holds, but the cases it describes were changed around it.
         */
        public Report and(Optional<CaseStateMismatch> mismatch) {
            if (!ok || mismatch.isEmpty()) {
                return this;
            }
            return new Report(false, rowsChecked, mismatch.get().lastSeq(), mismatch.get().problem());
        }
    }

    /** Walks the rows in sequence order and reports the first that does not follow from the one before. */
    public Report verify(Iterator<StoredRow> rows) {
        return verify(rows, Optional.empty());
    }

    /**
     * As {@link #verify(Iterator)}, and the chain must still hold the row a published {@code checkpoint}
     * recorded, with the same hash: rows removed from the end, or a chain rebuilt from some row on, are
     * reported at the checkpoint's row.
     */
    public Report verify(Iterator<StoredRow> rows, Optional<Checkpoint> checkpoint) {
        String previous = GENESIS;
        long expectedSeq = 1;
        long checked = 0;
        while (rows.hasNext()) {
            StoredRow row = rows.next();
            checked++;
            if (row.seq() != expectedSeq) {
                return Report.brokenAt(checked, expectedSeq, "row " + expectedSeq + " is missing (next row is "
                        + row.seq() + ")");
            }
            if (!row.previousHash().equals(previous)) {
                return Report.brokenAt(checked, row.seq(), "its previous hash does not match the row before it");
            }
            if (!hash(previous, row.seq(), row.entry()).equals(row.hash())) {
                return Report.brokenAt(checked, row.seq(), "its content does not match its hash");
            }
            if (checkpoint.isPresent() && checkpoint.get().seq() == row.seq()
                    && !checkpoint.get().hash().equals(row.hash())) {
                return Report.brokenAt(checked, row.seq(), "its hash is not the one published for it at "
                        + checkpoint.get().at());
            }
            previous = row.hash();
            expectedSeq++;
        }
        if (checkpoint.isPresent() && checkpoint.get().seq() >= expectedSeq) {
            return Report.brokenAt(checked, expectedSeq, "rows " + expectedSeq + " to " + checkpoint.get().seq()
                    + " are missing: the chain's head was published as row " + checkpoint.get().seq() + " at "
                    + checkpoint.get().at());
        }
        return Report.intact(checked);
    }
}

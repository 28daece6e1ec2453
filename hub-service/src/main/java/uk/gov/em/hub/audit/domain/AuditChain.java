package uk.gov.em.hub.audit.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;

/**
 * The hash chain over the audit trail: each row's hash is SHA-256 over the previous row's hash and the
 * row's canonical content (its sequence number and every field, each length-prefixed so no two
 * different rows encode alike, a missing value distinct from an empty one). Changing, removing or
 * inserting any row breaks the chain from that row on.
 */
public final class AuditChain {

    /** The "previous hash" of the first row. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /** The hash of the row {@code seq} holding {@code entry}, chained to {@code previousHash}. */
    public static String hash(String previousHash, long seq, AuditEntry entry) {
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
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
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
    }

    /** Walks the rows in sequence order and reports the first that does not follow from the one before. */
    public static Report verify(Iterator<StoredRow> rows) {
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
            previous = row.hash();
            expectedSeq++;
        }
        return Report.intact(checked);
    }
}

package uk.gov.em.hub.dataquality.domain;

import uk.gov.em.contracts.DataQualityEvent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One data-quality exception as the hub keeps it: its kind, whom and what it is about where known, what
 * happened in words, and, for a dead letter, where the original record sat and what set it aside.
 * {@link #fingerprint()} identifies it by what it says, so the same exception read twice is stored once.
 *
 * @param origin where a dead letter's original record sat; {@code null} for a report on em.data-quality
 */
public record DataQualityReport(DataQualityKind kind, String supplier, String notificationId, String subjectId,
                                String detail, Instant eventTime, Instant detectedAt, Origin origin) {

    /** At most this many characters of any text are kept: a detail is a sentence, not a payload. */
    public static final int MAX_TEXT = 2000;

    /** Where a dead letter's original record sat, and the exception that set it aside. */
    public record Origin(String topic, Integer partition, Long offset, String exception) {
    }

    public DataQualityReport {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detectedAt, "detectedAt");
        supplier = text(supplier);
        notificationId = text(notificationId);
        subjectId = text(subjectId);
        detail = Objects.requireNonNullElse(text(detail), "");
        if (origin != null) {
            origin = new Origin(text(origin.topic()), origin.partition(), origin.offset(), text(origin.exception()));
        }
    }

    /** The hub's copy of a report read from em.data-quality. */
    public static DataQualityReport of(DataQualityEvent event) {
        return new DataQualityReport(DataQualityKind.of(event.issue()), event.supplier(), event.notificationId(),
                event.subjectId(), event.detail(), event.eventTime(), event.detectedAt(), null);
    }

    /**
     * A SHA-256 of everything the exception says but when the hub stored it: equal for the same record read
     * again and for the same exception reported again by a replay.
     */
    public String fingerprint() {
        String canonical = Stream.of(kind.name(), supplier, notificationId, subjectId, detail,
                        eventTime == null ? null : eventTime.toString(),
                        origin == null ? detectedAt.toString() : originKey(origin))
                .map(part -> part == null ? "\u0001" : part.replace("\u0000", "\u0000\u0000"))
                .collect(Collectors.joining("\u0000"));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** A dead letter is the same one when it names the same original record (a resend may carry a new time). */
    private static String originKey(Origin origin) {
        return origin.topic() + "-" + origin.partition() + "@" + origin.offset() + " " + origin.exception();
    }

    /** Text PostgreSQL can always hold (no NUL), cut to {@link #MAX_TEXT}; blank is no text. */
    private static String text(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String clean = value.replace("\u0000", "");
        return clean.length() > MAX_TEXT ? clean.substring(0, MAX_TEXT) : clean;
    }
}

package uk.gov.em.gateway.ingest.domain;

/**
 * One notification of a batch as judged on its own: its 0-based position among the batch's notifications
 * (the header row of a CSV report is not counted), the {@code notificationId} it claims when one could be
 * read (else null), and whether it is acceptable.
 */
public record BatchItem(int index, String notificationId, ParseOutcome outcome) {
}

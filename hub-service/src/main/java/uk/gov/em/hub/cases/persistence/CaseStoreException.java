package uk.gov.em.hub.cases.persistence;

/** PostgreSQL refused or failed a case write; the batch that needed it is retried, never skipped. */
public final class CaseStoreException extends RuntimeException {

    public CaseStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

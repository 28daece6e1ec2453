package uk.gov.em.hub.common.ingest;

import jakarta.inject.Singleton;

/**
 * Called by each ingest listener after a batch's database transaction has committed and before the
 * listener returns, that is before the batch's offsets are committed. Does nothing in the service; it
 * exists so a test can make the process fail exactly there and prove the redelivered batch doubles
 * nothing.
 */
@Singleton
public class AfterStore {

    /** Hook point: a failure here is a failure between the database commit and the offset commit. */
    public void stored(String topic) {
        // nothing to do in production
    }
}

package uk.gov.em.hub.common.ingest;

import org.junit.jupiter.api.Test;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class StoreFailureTest {

    @Test
    void aValueTheColumnCannotHoldOrABrokenConstraintIsPermanent() {
        assertThat(StoreFailure.of(wrapped(new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021"))))
                .isInstanceOfSatisfying(StoreFailure.Permanent.class, p -> assertThat(p.sqlState()).isEqualTo("22021"));
        assertThat(StoreFailure.of(wrapped(new SQLException("violates check constraint", "23514"))))
                .isInstanceOf(StoreFailure.Permanent.class);
    }

    @Test
    void aBatchRefusedForGoodIsJudgedByTheStatementThatFailedInside() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 3 was aborted", "25P02", new int[0]);
        batch.setNextException(new SQLException("unsupported Unicode escape sequence", "22P05"));

        assertThat(StoreFailure.of(wrapped(batch))).isInstanceOf(StoreFailure.Permanent.class);
    }

    @Test
    void theDatabaseAwayBusyOrMisconfiguredIsTransient() {
        assertThat(StoreFailure.of(wrapped(new SQLException("Connection refused", "08001")))).isInstanceOf(StoreFailure.Transient.class);
        assertThat(StoreFailure.of(wrapped(new SQLException("terminating connection", "57P01")))).isInstanceOf(StoreFailure.Transient.class);
        assertThat(StoreFailure.of(wrapped(new SQLException("deadlock detected", "40P01")))).isInstanceOf(StoreFailure.Transient.class);
        assertThat(StoreFailure.of(wrapped(new SQLException("permission denied", "42501")))).isInstanceOf(StoreFailure.Transient.class);
        assertThat(StoreFailure.of(new IllegalStateException("Connection is not available, request timed out")))
                .isInstanceOf(StoreFailure.Transient.class);
    }

    @Test
    void theRetryWaitDoublesWithEachFailureInARowUpToTheCap() {
        IngestProperties retry = new IngestProperties(Duration.ofSeconds(1), Duration.ofSeconds(30));

        assertThat(retry.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(retry.backoff(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(retry.backoff(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(retry.backoff(6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(retry.backoff(1_000)).isEqualTo(Duration.ofSeconds(30));
    }

    private static RuntimeException wrapped(SQLException e) {
        return new RuntimeException("Error executing SQL", e);
    }
}

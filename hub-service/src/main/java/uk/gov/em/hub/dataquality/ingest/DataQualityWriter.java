package uk.gov.em.hub.dataquality.ingest;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.gov.em.hub.dataquality.domain.DataQualityReport;
import uk.gov.em.hub.dataquality.persistence.DataQualityRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Stores one polled batch of data-quality exceptions in one transaction, each unless it is stored already.
 * Statement by statement rather than as one JDBC batch: exceptions are rare (a handful a day), so the
 * repository's plain insert costs nothing that matters.
 */
@Singleton
public class DataQualityWriter {

    private final DataQualityRepository exceptions;
    private final Clock clock;

    public DataQualityWriter(DataQualityRepository exceptions, Clock clock) {
        this.exceptions = exceptions;
        this.clock = clock;
    }

    /** Stores the batch; how many exceptions were new. */
    @Transactional
    public int write(List<DataQualityReport> batch) {
        Instant now = clock.instant();
        int stored = 0;
        for (DataQualityReport r : batch) {
            DataQualityReport.Origin o = r.origin();
            stored += exceptions.insertIfAbsent(r.fingerprint(), r.kind().name(), r.supplier(), r.notificationId(),
                    r.subjectId(), r.detail(), r.eventTime(), r.detectedAt(), o == null ? null : o.topic(),
                    o == null ? null : o.partition(), o == null ? null : o.offset(), o == null ? null : o.exception(),
                    now);
        }
        return stored;
    }
}

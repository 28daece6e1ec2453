package uk.gov.em.hub.cases.work;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import uk.gov.em.hub.cases.domain.ClaimRules;
import uk.gov.em.hub.cases.domain.LegalClock;

import java.time.Duration;
import java.time.Period;

/** The configurable rules of casework: the claim lease and the prosecution time limit. */
@Factory
public class CaseWorkFactory {

    @Singleton
    ClaimRules claimRules(@Value("${hub.claims.lease:4h}") Duration lease) {
        return new ClaimRules(lease);
    }

    @Singleton
    LegalClock legalClock(@Value("${hub.legal.prosecution-time-limit:P6M}") String limit) {
        return new LegalClock(Period.parse(limit));
    }
}

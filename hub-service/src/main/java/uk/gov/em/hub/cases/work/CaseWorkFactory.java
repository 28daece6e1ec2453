package uk.gov.em.hub.cases.work;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import uk.gov.em.hub.cases.domain.ClaimRules;
import uk.gov.em.hub.cases.domain.LadderWindow;
import uk.gov.em.hub.cases.domain.TimeTargets;
import uk.gov.em.hub.cases.domain.LegalClock;

import java.time.Duration;
import java.time.Period;

/** The configurable rules of casework: the claim lease, the prosecution time limit, time targets, the ladder window. */
@Factory
public class CaseWorkFactory {

    @Singleton
    ClaimRules claimRules(@Value("${hub.claims.lease:4h}") Duration lease) {
        return new ClaimRules(lease);
    }

    @Singleton
    LegalClock legalClock(@Value("${hub.legal.prosecution-time-limit:P6M}") String limit,
                          @Value("${hub.legal.warning-days:30}") int warningDays) {
        return new LegalClock(Period.parse(limit), warningDays);
    }

    @Singleton
    TimeTargets timeTargets(@Value("${hub.targets.warnings-working-days:5}") int warnings,
                            @Value("${hub.targets.reviews-working-days:10}") int reviews,
                            @Value("${hub.targets.prosecutions-before-legal-limit:P8W}") String prosecutionMargin,
                            @Value("${hub.targets.mitigation-answer-working-days:10}") int mitigationAnswer,
                            @Value("${hub.targets.mitigation-window:P14D}") String mitigationWindow,
                            @Value("${hub.targets.prosecution-outcome-check:P8W}") String outcomeCheck,
                            LegalClock legalClock) {
        return new TimeTargets(warnings, reviews, Period.parse(prosecutionMargin), mitigationAnswer,
                Period.parse(mitigationWindow), Period.parse(outcomeCheck), legalClock);
    }

    @Singleton
    LadderWindow ladderWindow(@Value("${hub.ladder.window:P90D}") String window) {
        return new LadderWindow(Period.parse(window));
    }
}

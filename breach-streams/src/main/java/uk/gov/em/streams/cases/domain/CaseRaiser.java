package uk.gov.em.streams.cases.domain;

import uk.gov.em.contracts.BreachCase;
import uk.gov.em.contracts.CaseEvidence;
import uk.gov.em.contracts.CaseReason;
import uk.gov.em.contracts.Notification;
import uk.gov.em.contracts.Queue;
import uk.gov.em.contracts.ReceivedNotification;
import uk.gov.em.contracts.Severity;
import uk.gov.em.streams.battery.domain.Abv;
import uk.gov.em.streams.episodes.domain.Episode;
import uk.gov.em.streams.ladder.domain.LadderDecision;
import uk.gov.em.streams.ladder.domain.LadderRule;
import uk.gov.em.streams.ladder.domain.QualifyingBreach;
import uk.gov.em.streams.policy.domain.Policy;
import uk.gov.em.streams.policy.domain.Route;
import uk.gov.em.streams.policy.domain.TriggerRoute;
import uk.gov.em.streams.routing.domain.RouteDecision;
import uk.gov.em.streams.routing.domain.RouteRule;
import uk.gov.em.streams.subjects.domain.SubjectFacts;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Builds every case the policy raises (docs/policy.md §5–§7): from a single notification, for an
 * accumulated battery violation, and for an episode out of contact for 7 days. Each carries a deterministic
 * id, the policy version and deciding rule, its evidence, {@code openedAt} (the trigger's event time),
 * {@code raisedAt} (a time taken from the input, never the processor's clock, so replays are identical), the
 * person's harm level, its reason as data ({@link CaseReason}: what triggered it and how the policy placed it,
 * from which the hub words the sentence a caseworker reads) and, for readers of the first format, one sentence
 * of explanation.
 */
public final class CaseRaiser {

    private CaseRaiser() {
    }

    /** The trigger's part of a case's reason, completed by how the policy placed the case and the rule that did. */
    @FunctionalInterface
    private interface ReasonOf {
        CaseReason placed(CaseReason.Placement placement, String ruleId);
    }

    /** A case and, when it is a qualifying breach, the entry it adds to the person's ladder history. */
    public record Raised(BreachCase breachCase, Optional<QualifyingBreach> qualifying) {
    }

    /** The case one accepted non-episode notification raises, if any, placed on the ladder by {@code history}. */
    public static Optional<Raised> forNotification(ReceivedNotification received, Policy policy,
                                                   List<QualifyingBreach> history, SubjectFacts subject) {
        Notification n = received.notification();
        String trigger = n.type().code();
        String caseId = CaseIds.forNotification(trigger, received.supplier(), n.notificationId(), n.subjectId());
        CaseEvidence single = new CaseEvidence(List.of(n.notificationId()), List.of(), 0, List.of());
        return switch (RouteRule.classify(n.type(), policy)) {
            case RouteDecision.Direct direct -> {
                Queue queue = LadderRule.direct(direct.queue(), subject.vulnerable());
                boolean overridden = queue != direct.queue();
                String rule = overridden ? LadderRule.VULNERABLE_RULE_ID : direct.ruleId();
                CaseReason reason = new CaseReason.SingleBreach(n.notificationId(), trigger, n.occurredAt(),
                        new CaseReason.Direct(queue, direct.severity(), overridden), rule, policy.version());
                yield Optional.of(new Raised(new BreachCase(caseId, n.subjectId(), queue, direct.severity(), trigger,
                        policy.version(), rule, single, n.occurredAt(), received.receivedAt(), subject.harmLevel(),
                        trigger + " on " + day(n.occurredAt()) + " " + direct.reason()
                                + (overridden ? ", but the person is flagged vulnerable so it goes to reviews" : "")
                                + " (policy " + policy.version() + ", rule " + rule + ").",
                        BreachCase.CONTRACT_VERSION, reason), Optional.empty()));
            }
            case RouteDecision.Ladder ladder -> Optional.of(onLadder(caseId, n.subjectId(), trigger, ladder.severity(),
                    n.occurredAt(), received.receivedAt(), single, "", policy, history, subject,
                    (placement, rule) -> new CaseReason.SingleBreach(n.notificationId(), trigger, n.occurredAt(),
                            placement, rule, policy.version())));
            case RouteDecision.NoCase ignored -> Optional.empty();
        };
    }

    /**
     * The case of an accumulated battery violation: opened at T, evidence the contributing periods (clipped to
     * the window, with their seconds) and the notifications behind them.
     */
    public static Raised abv(String subjectId, Abv abv, List<String> notificationIds, Instant raisedAt, Policy policy,
                             List<QualifyingBreach> history, SubjectFacts subject) {
        TriggerRoute row = policy.routeOf(BreachCase.TRIGGER_ABV);
        List<CaseEvidence.Period> periods = abv.contributing().stream()
                .map(c -> new CaseEvidence.Period(String.join("+", c.episodeIds()), c.from(), c.to(),
                        c.length().toSeconds()))
                .toList();
        CaseEvidence evidence = new CaseEvidence(notificationIds.stream().sorted().distinct().toList(), periods, 0,
                List.of());
        String what = hours(policy.battery().accumulationThreshold().toSeconds()) + " of battery time out of contact within "
                + policy.battery().accumulationWindow().toDays() + " days reached at " + abv.at() + " (episodes "
                + abv.contributing().stream().flatMap(c -> c.episodeIds().stream()).distinct()
                .collect(Collectors.joining(", ")) + "); ";
        List<CaseReason.BatteryPeriod> counted = abv.contributing().stream()
                .map(c -> new CaseReason.BatteryPeriod(c.episodeIds(), c.from(), c.to(), c.length().toSeconds()))
                .toList();
        ReasonOf reason = (placement, rule) ->
                CaseReason.AccumulatedBatteryViolation.of(abv.at().minus(policy.battery().accumulationWindow()),
                        abv.at(), counted, policy.battery().accumulationThreshold().toSeconds(), placement, rule,
                        policy.version());
        if (row.route() == Route.LADDER) {
            return onLadder(CaseIds.forAbv(subjectId, abv.at()), subjectId, BreachCase.TRIGGER_ABV, row.severity(),
                    abv.at(), raisedAt, evidence, what, policy, history, subject, reason);
        }
        return new Raised(directCase(CaseIds.forAbv(subjectId, abv.at()), subjectId, row, evidence, abv.at(), raisedAt,
                what, policy, subject, reason), Optional.empty());
    }

    /** The case of an episode that reached the out-of-contact limit (168 h) without an end. */
    public static BreachCase outOfContact(String subjectId, Episode episode, Instant reachedAt, Instant raisedAt,
                                          Policy policy, SubjectFacts subject) {
        TriggerRoute row = policy.routeOf(BreachCase.TRIGGER_OUT_OF_CONTACT_7_DAYS);
        CaseEvidence evidence = new CaseEvidence(episode.notificationIds(), List.of(new CaseEvidence.Period(
                episode.episodeId(), episode.start(), reachedAt,
                Duration.between(episode.start(), reachedAt).toSeconds())), 0, List.of());
        String what = episode.type().code() + " episode " + episode.episodeId() + " began " + episode.start()
                + " and reached " + policy.battery().outOfContactLimit().toHours() + " h without an end at " + reachedAt
                + "; ";
        return directCase(CaseIds.forSevenDays(subjectId, episode.type(), episode.episodeId(), reachedAt), subjectId, row,
                evidence, reachedAt, raisedAt, what, policy, subject,
                (placement, rule) -> new CaseReason.OutOfContactSevenDays(episode.episodeId(), episode.type().code(),
                        episode.start(), reachedAt, policy.battery().outOfContactLimit().toSeconds(), placement, rule,
                        policy.version()));
    }

    private static BreachCase directCase(String caseId, String subjectId, TriggerRoute row, CaseEvidence evidence,
                                         Instant openedAt, Instant raisedAt, String what, Policy policy,
                                         SubjectFacts subject, ReasonOf reason) {
        Queue routed = row.route() == Route.PROSECUTIONS ? Queue.PROSECUTIONS : Queue.REVIEWS;
        Queue queue = LadderRule.direct(routed, subject.vulnerable());
        boolean overridden = queue != routed;
        String rule = overridden ? LadderRule.VULNERABLE_RULE_ID : row.ruleId();
        return new BreachCase(caseId, subjectId, queue, row.severity(), row.trigger(), policy.version(), rule,
                evidence, openedAt, raisedAt, subject.harmLevel(),
                what + "a " + row.severity().name().toLowerCase(Locale.ROOT) + "-severity breach that goes straight to "
                        + queue.path() + " (policy " + policy.version() + ", rule " + rule + ").",
                BreachCase.CONTRACT_VERSION,
                reason.placed(new CaseReason.Direct(queue, row.severity(), overridden), rule));
    }

    private static Raised onLadder(String caseId, String subjectId, String trigger, Severity severity, Instant at,
                                   Instant raisedAt, CaseEvidence evidence, String what, Policy policy,
                                   List<QualifyingBreach> history, SubjectFacts subject,
                                   ReasonOf reason) {
        QualifyingBreach breach = new QualifyingBreach(trigger, at, caseId);
        LadderDecision placed = LadderRule.decide(policy.ladder(), history, breach, subject.vulnerable());
        CaseEvidence counted = new CaseEvidence(evidence.notificationIds(), evidence.periods(), placed.position(),
                placed.earlier().stream().map(b -> new CaseEvidence.EarlierBreach(b.trigger(), b.at())).toList());
        CaseReason.Ladder placement = new CaseReason.Ladder(placed.position(), (int) policy.ladder().window().toDays(),
                placed.earlier().stream().map(b -> new CaseReason.EarlierBreach(b.trigger(), b.at(), b.caseId())).toList(),
                placed.queue(), placed.vulnerableOverride());
        return new Raised(new BreachCase(caseId, subjectId, placed.queue(), severity, trigger, policy.version(),
                placed.ruleId(), counted, at, raisedAt, subject.harmLevel(),
                what + placed.reason() + " (policy " + policy.version() + ", rule " + placed.ruleId() + ").",
                BreachCase.CONTRACT_VERSION, reason.placed(placement, placed.ruleId())),
                Optional.of(breach));
    }

    private static String hours(long seconds) {
        return seconds % 3600 == 0 ? seconds / 3600 + " h" : seconds + " s";
    }

    private static String day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC).toString();
    }
}

package uk.gov.em.streams.person.domain;

import uk.gov.em.contracts.BreachCase;
import uk.gov.em.contracts.BreachType;
import uk.gov.em.contracts.CaseEvent;
import uk.gov.em.contracts.CaseWithdrawal;
import uk.gov.em.contracts.DataQualityEvent;
import uk.gov.em.contracts.Notification;
import uk.gov.em.contracts.ReceivedNotification;
import uk.gov.em.streams.battery.domain.Abv;
import uk.gov.em.streams.battery.domain.AbvCalculator;
import uk.gov.em.streams.battery.domain.BatteryPeriod;
import uk.gov.em.streams.cases.domain.CaseIds;
import uk.gov.em.streams.cases.domain.CaseRaiser;
import uk.gov.em.streams.dedup.domain.DedupDecision;
import uk.gov.em.streams.dedup.domain.DuplicateRule;
import uk.gov.em.streams.dedup.domain.NotificationFingerprint;
import uk.gov.em.streams.dedup.domain.Retraction;
import uk.gov.em.streams.dedup.domain.SeenNotification;
import uk.gov.em.streams.dedup.domain.Sighting;
import uk.gov.em.streams.episodes.domain.Episode;
import uk.gov.em.streams.episodes.domain.OutOfContactRule;
import uk.gov.em.streams.ladder.domain.QualifyingBreach;
import uk.gov.em.streams.person.domain.PersonState.AbvInForce;
import uk.gov.em.streams.policy.domain.BatteryPolicy;
import uk.gov.em.streams.policy.domain.Policy;
import uk.gov.em.streams.routing.domain.RouteDecision;
import uk.gov.em.streams.routing.domain.RouteRule;
import uk.gov.em.streams.subjects.domain.SubjectFacts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The per-person policy (docs/policy.md §1–§4, §6): de-duplication of the person's notifications, episodes, accumulated battery violations under late
 * and out-of-order data, out of contact for 7 days and the ladder history, as pure functions from a
 * person's state and one input (an accepted notification, or the clock) to the new state and what to publish.
 *
 * <p><b>ABVs in force.</b> After every change the ABVs are recomputed from the merged battery periods by
 * {@link AbvCalculator} and compared with those in force: an ABV no longer produced is withdrawn (naming
 * its replacement when the correction moved it), a new one is raised. So the ABVs in force are always those
 * arrival in {@code occurredAt} order would have produced. An ABV whose T is still ahead (inside an open
 * episode) waits for the clock.
 *
 * <p><b>Lateness.</b> A battery notification that would change coverage earlier than the lateness horizon
 * (30 days before the person's newest event time) is not applied: it is reported as {@code TOO_LATE}. So
 * nothing older than the horizon can change, and ABVs older than it are frozen: their T becomes the
 * consumption point the next calculation starts from, and episodes ending before the horizon minus the ABV
 * window are dropped. That keeps state bounded.
 *
 * <p><b>Knowledge time.</b> Every decision is made "as of" an instant taken from the input: a notification's
 * {@code receivedAt} or the clock of a wake-up. Before a notification is applied, whatever was already due by
 * its arrival is decided on what was known before it, just as the wall-clock would have done live. That
 * makes a replay of the same input produce the same cases.
 *
 * <p><b>What it is given.</b> The person's state, which holds their recent de-duplication entries, and, for an
 * arriving notification or a retraction, the entry for that identity the caller found among those set aside in
 * their own store, which it asks only when {@link #mayHaveSetAside} says so (ADR 0008); the outcome names the
 * entries to set aside. The decision "as of" an arrival before applying it is made only when the state's
 * {@code wakeAt} says something fell due; otherwise it would change nothing.
 */
public final class PersonPolicy {

    /**
     * At most this many episodes are held for a person (≈ 37 days of them; a real person has a handful): a
     * notification that would open one more is refused, so a supplier flooding one person cannot grow that
     * person's state entry (and its changelog record) past the broker's record size limit, nor make every
     * later notification of the person cost more. Refusals are counted and logged (ADR 0005).
     */
    public static final int MAX_EPISODES = 256;
    /**
     * At most this many qualifying breaches are held for a person's ladder: when one more is added the oldest
     * goes. The ladder's steps end at the 4th breach, so the queue of a case never changes; only the ordinal in
     * an explanation of a breach beyond this many in the window is understated (ADR 0005).
     */
    public static final int MAX_LADDER = 64;
    /**
     * At most this many de-duplication entries are kept in a person's state entry (a real person has a handful
     * within the 45-day horizon): one more sets the oldest aside in the de-duplication store, so the state entry
     * stays bounded while an ordinary notification still costs one state read and one changelog record (ADR 0008).
     */
    public static final int MAX_RECENT_SEEN = 64;

    private final Policy policy;
    private final BatteryPolicy battery;
    private final AbvCalculator calculator;

    public PersonPolicy(Policy policy) {
        this.policy = policy;
        this.battery = policy.battery();
        this.calculator = new AbvCalculator(battery.accumulationThreshold(), battery.accumulationWindow());
    }

    /**
     * One notification of this person as it arrives, with its {@link NotificationFingerprint}. De-duplication
     * first (§1): a copy already seen changes nothing, a copy with the same identity and different content is
     * reported; a first copy is applied.
     */
    public PersonOutcome onNotification(String subjectId, PersonState state, Optional<SeenNotification> setAside,
                                        ReceivedNotification received, String fingerprint, SubjectFacts subject) {
        DedupDecision dedup = DuplicateRule.decide(remembered(state, received.identity(), setAside), fingerprint);
        if (dedup instanceof DedupDecision.Conflicting conflict) {
            return PersonOutcome.unchanged(List.of(DuplicateRule.conflictReport(received, conflict)), dedup);
        }
        if (dedup instanceof DedupDecision.SameAgain) {
            return PersonOutcome.unchanged(List.of(), dedup);
        }
        Work work = new Work(subjectId, state, subject);
        work.remember(new SeenNotification(received.identity(), fingerprint, received.receivedAt(), false));
        Instant asOf = later(state.decidedUntil(), received.receivedAt());
        if (state.wakeAt() != null && !state.wakeAt().isAfter(asOf)) {
            work.decide(asOf);
        } else {
            // Nothing fell due since the last decision on this same state: deciding now would change nothing.
            work.nothingDueBy(asOf, state.wakeAt());
        }
        work.apply(received);
        work.decide(asOf);
        return work.outcome(dedup);
    }

    /**
     * A copy of one of this person's notifications lost to an earlier copy naming someone else (§1, the first
     * wins): whatever it caused is taken back, as of when both copies were known. If the copy has not reached
     * this person yet, it is remembered as withdrawn and dropped when it does.
     */
    public PersonOutcome onRetraction(String subjectId, PersonState state, Optional<SeenNotification> setAside,
                                      Retraction retraction, SubjectFacts subject) {
        Work work = new Work(subjectId, state, subject);
        Instant asOf = later(state.decidedUntil(), retraction.withdrawn().receivedAt());
        work.decide(asOf);
        work.retract(retraction, remembered(state, retraction.withdrawn().identity(), setAside), asOf);
        work.decide(asOf);
        return work.outcome(null);
    }

    /** The clock reached {@code now} with no new input: raise what became due. */
    public PersonOutcome onClock(String subjectId, PersonState state, Instant now, SubjectFacts subject) {
        Work work = new Work(subjectId, state, subject);
        work.decide(later(state.decidedUntil(), now));
        return work.outcome(null);
    }

    /**
     * The earliest first arrival a de-duplication entry of this person may have and still count: entries first
     * seen more than the horizon before the person's newest are forgotten. The de-duplication store may still
     * hold such an entry (it drops whole segments, later), so every lookup asks from here on.
     */
    public Instant rememberedFrom(PersonState state) {
        return rememberedFrom(state.newestSeenAt());
    }

    private Instant rememberedFrom(Instant newestSeenAt) {
        return newestSeenAt == null ? Instant.EPOCH : newestSeenAt.minus(policy.deduplication().horizon());
    }

    /**
     * Whether an entry for {@code identity} that still counts may have been set aside in the de-duplication store:
     * only when the state holds none for it and some entry set aside is still within the horizon. For almost
     * every notification this is false and the store is not asked.
     */
    public boolean mayHaveSetAside(PersonState state, String identity) {
        return state.setAsideUntil() != null && !state.setAsideUntil().isBefore(rememberedFrom(state))
                && state.recentSeen(identity).isEmpty();
    }

    /** The entry for {@code identity} that still counts: the one in the state, or else the one set aside. */
    private Optional<SeenNotification> remembered(PersonState state, String identity, Optional<SeenNotification> setAside) {
        return state.recentSeen(identity).or(() -> setAside)
                .filter(entry -> !entry.firstSeenAt().isBefore(rememberedFrom(state)));
    }

    /** The ABVs the current state stands on, as the calculator finds them up to {@code until} (for tests and tools). */
    public AbvCalculator.Result abvs(PersonState state, Instant until) {
        return new Work("", state, SubjectFacts.UNKNOWN).calculate(until);
    }

    /** One step's working copy of the person's state and what it decided. */
    private final class Work {
        private final String subjectId;
        private final SubjectFacts subject;
        private Instant newest;
        private Instant decidedUntil;
        private Instant frozen;
        private final List<Episode> episodes;
        private final List<AbvInForce> abvs;
        private final List<QualifyingBreach> ladder;
        private Instant newestSeen;
        private final List<SeenNotification> recentSeen;
        private Instant setAsideUntil;
        private final List<SeenNotification> setAside = new ArrayList<>();
        private final List<CaseEvent> cases = new ArrayList<>();
        private final List<DataQualityEvent> dataQuality = new ArrayList<>();
        /**
         * When the latest decision found something next due: what deciding again on the same state would find, and
         * so when the person next needs a look without new input (earlier decisions of the same step found what the
         * state before its input needed).
         */
        private Instant nextDue;
        private boolean refused;
        private final Set<String> withdrawnAbvs = new HashSet<>();

        Work(String subjectId, PersonState state, SubjectFacts subject) {
            this.subjectId = subjectId;
            this.subject = subject;
            this.newest = state.newestEventTime();
            this.decidedUntil = state.decidedUntil();
            this.frozen = state.frozenConsumedUntil();
            this.episodes = new ArrayList<>(state.episodes());
            this.abvs = new ArrayList<>(state.abvs());
            this.ladder = new ArrayList<>(state.ladder());
            this.newestSeen = state.newestSeenAt();
            this.recentSeen = new ArrayList<>(state.recentSeen());
            this.setAsideUntil = state.setAsideUntil();
            this.nextDue = state.wakeAt();
        }

        /**
         * Remembers a notification not remembered yet for de-duplication, in the state; entries first seen more
         * than the horizon before the newest are forgotten from then on ({@link #rememberedFrom}), and beyond
         * {@link #MAX_RECENT_SEEN} the oldest are set aside in the de-duplication store.
         */
        void remember(SeenNotification entry) {
            newestSeen = later(newestSeen, entry.firstSeenAt());
            Instant from = rememberedFrom(newestSeen);
            recentSeen.removeIf(e -> e.identity().equals(entry.identity()) || e.firstSeenAt().isBefore(from));
            int at = 0;
            while (at < recentSeen.size() && !recentSeen.get(at).firstSeenAt().isAfter(entry.firstSeenAt())) {
                at++;
            }
            recentSeen.add(at, entry);
            while (recentSeen.size() > MAX_RECENT_SEEN) {
                SeenNotification oldest = recentSeen.removeFirst();
                setAside.add(oldest);
                setAsideUntil = later(setAsideUntil, oldest.firstSeenAt());
            }
        }

        /** Marks a remembered entry withdrawn where it is kept: in the state, or set aside. */
        private void withdraw(SeenNotification entry) {
            int at = recentSeen.indexOf(entry);
            if (at >= 0) {
                recentSeen.set(at, entry.asWithdrawn());
            } else {
                setAside.add(entry.asWithdrawn());
            }
        }

        void retract(Retraction retraction, Optional<SeenNotification> remembered, Instant asOf) {
            Sighting lost = retraction.withdrawn();
            if (remembered.isPresent()) {
                SeenNotification entry = remembered.get();
                if (!entry.withdrawn() && entry.fingerprint().equals(lost.fingerprint())) {
                    withdraw(entry);
                    undo(lost, retraction.reason(), asOf);
                }
                return;
            }
            remember(new SeenNotification(lost.identity(), lost.fingerprint(), lost.receivedAt(), true));
        }

        /** Takes back what one applied notification caused: its case, its ladder entry, its part of an episode. */
        private void undo(Sighting lost, String reason, Instant asOf) {
            if (lost.type().isEpisode()) {
                for (Episode episode : List.copyOf(episodes)) {
                    if (episode.type() == lost.type() && episode.isReportedBy(lost.notificationId())) {
                        int at = episodes.indexOf(episode);
                        Optional<Episode> rest = episode.without(lost.notificationId());
                        if (rest.isPresent()) {
                            episodes.set(at, rest.get());
                        } else {
                            episodes.remove(at);
                            if (episode.sevenDayCaseId() != null) {
                                cases.add(new CaseWithdrawal(episode.sevenDayCaseId(), subjectId, reason, null,
                                        policy.version(), asOf));
                            }
                        }
                    }
                }
                return;
            }
            if (!(RouteRule.classify(lost.type(), policy) instanceof RouteDecision.NoCase)) {
                String caseId = CaseIds.forNotification(lost.type().code(), lost.supplier(), lost.notificationId(),
                        subjectId);
                ladder.removeIf(b -> b.caseId().equals(caseId));
                cases.add(new CaseWithdrawal(caseId, subjectId, reason, null, policy.version(), asOf));
            }
        }

        void apply(ReceivedNotification received) {
            Notification n = received.notification();
            Instant eventTime = n.endedAt() != null && n.endedAt().isAfter(n.occurredAt()) ? n.endedAt() : n.occurredAt();
            Instant newestWithThis = later(newest, eventTime);
            if (!n.type().isEpisode()) {
                newest = newestWithThis;
                CaseRaiser.forNotification(received, policy, ladder, subject).ifPresent(raised -> {
                    cases.add(raised.breachCase());
                    raised.qualifying().ifPresent(this::addToLadder);
                });
                return;
            }
            Optional<Episode> before = episodes.stream().filter(e -> e.isDescribedBy(n)).findFirst();
            if (before.isEmpty() && episodes.size() >= MAX_EPISODES) {
                refused = true;
                return;
            }
            Episode after = before.map(e -> e.with(n, received.receivedAt())).orElseGet(() -> Episode.of(n, received.receivedAt()));
            Instant horizon = newestWithThis.minus(battery.latenessHorizon());
            Optional<Instant> changed = after.changedSince(before);
            if (n.type() == BreachType.BATTERY_DEPLETED && changed.isPresent() && changed.get().isBefore(horizon)) {
                dataQuality.add(tooLate(received, changed.get(), newestWithThis));
                return;
            }
            newest = newestWithThis;
            before.ifPresent(episodes::remove);
            episodes.add(after);
            episodes.sort(Comparator.comparing(Episode::type).thenComparing(Episode::episodeId));
        }

        void decide(Instant asOf) {
            nextDue = null;
            if (newest != null) {
                freezeAndForget();
                decideAbvs(asOf);
                decideSevenDays(asOf);
            }
            decidedUntil = later(decidedUntil, asOf);
        }

        /**
         * What {@link #decide} would do when the state is the one the latest decision left and nothing it found
         * is due by {@code asOf}: nothing is frozen, raised or withdrawn, and it would wake at {@code due} again.
         */
        void nothingDueBy(Instant asOf, Instant due) {
            if (due != null) {
                wake(due);
            }
            decidedUntil = later(decidedUntil, asOf);
        }

        /** Adds a qualifying breach, dropping the oldest when {@link #MAX_LADDER} are held. */
        private void addToLadder(QualifyingBreach breach) {
            ladder.add(breach);
            if (ladder.size() > MAX_LADDER) {
                ladder.sort(Comparator.comparing(QualifyingBreach::at).thenComparing(QualifyingBreach::caseId));
                ladder.removeFirst();
            }
        }

        /** ABVs older than the horizon can no longer change; what only they needed can go. */
        private void freezeAndForget() {
            Instant horizon = horizon();
            for (AbvInForce abv : List.copyOf(abvs)) {
                if (abv.at().isBefore(horizon)) {
                    frozen = later(frozen, abv.at());
                    abvs.remove(abv);
                }
            }
            Instant needed = horizon.minus(battery.accumulationWindow());
            episodes.removeIf(e -> !e.isOpen() && e.end().isBefore(needed));
            Instant ladderFrom = newest.minus(policy.ladder().window()).minus(battery.latenessHorizon());
            ladder.removeIf(b -> b.at().isBefore(ladderFrom));
        }

        AbvCalculator.Result calculate(Instant until) {
            if (newest == null) {
                return new AbvCalculator.Result(List.of(), Optional.empty());
            }
            Instant start = later(frozen, horizon().minus(battery.accumulationWindow()));
            List<BatteryPeriod> periods = episodes.stream().filter(e -> e.type() == BreachType.BATTERY_DEPLETED)
                    .map(e -> new BatteryPeriod(e.episodeId(), e.start(), e.end())).toList();
            return calculator.calculate(periods, start, until);
        }

        private void decideAbvs(Instant asOf) {
            AbvCalculator.Result result = calculate(asOf);
            Set<Instant> due = new HashSet<>();
            result.due().forEach(a -> due.add(a.at()));
            Set<Instant> inForce = new HashSet<>();
            abvs.forEach(a -> inForce.add(a.at()));
            // After the EM end nothing is raised; such an ABV is never in force, so it stays unraised.
            List<Abv> raised = result.due().stream().filter(a -> !inForce.contains(a.at()))
                    .filter(a -> subject.monitoredAt(a.at())).toList();
            List<AbvInForce> withdrawn = abvs.stream().filter(a -> !due.contains(a.at())).toList();
            for (int i = 0; i < withdrawn.size(); i++) {
                AbvInForce old = withdrawn.get(i);
                Optional<Abv> replacement = i < raised.size() ? Optional.of(raised.get(i)) : Optional.empty();
                abvs.remove(old);
                withdrawnAbvs.add(old.caseId());
                ladder.removeIf(b -> b.caseId().equals(old.caseId()));
                cases.add(new CaseWithdrawal(old.caseId(), subjectId, replacement
                        .map(r -> "Late or corrected battery data moved this accumulated battery violation from "
                                + old.at() + " to " + r.at() + ".")
                        .orElse("Late or corrected battery data removed this accumulated battery violation at "
                                + old.at() + ": with the battery periods now known, "
                                + battery.accumulationThreshold().toHours() + " h did not accumulate by then."),
                        replacement.map(r -> caseIdOf(r)).orElse(null), policy.version(), asOf));
            }
            for (Abv abv : raised) {
                List<Episode> behind = episodes.stream()
                        .filter(e -> e.type() == BreachType.BATTERY_DEPLETED)
                        .filter(e -> abv.contributing().stream().anyMatch(c -> c.episodeIds().contains(e.episodeId())))
                        .toList();
                Instant raisedAt = behind.stream().map(Episode::lastReceivedAt).reduce(abv.at(), PersonPolicy::later);
                CaseRaiser.Raised r = CaseRaiser.abv(subjectId, abv,
                        behind.stream().flatMap(e -> e.notificationIds().stream()).toList(), raisedAt, policy, ladder,
                        subject);
                cases.add(r.breachCase());
                r.qualifying().ifPresent(this::addToLadder);
                abvs.add(new AbvInForce(abv.at(), r.breachCase().caseId()));
            }
            abvs.sort(Comparator.comparing(AbvInForce::at));
            result.pending().ifPresent(p -> wake(p.at()));
        }

        private String caseIdOf(Abv abv) {
            return CaseIds.forAbv(subjectId, abv.at());
        }

        private void decideSevenDays(Instant asOf) {
            for (int i = 0; i < episodes.size(); i++) {
                Episode episode = episodes.get(i);
                Instant reachedAt = episode.start().plus(battery.outOfContactLimit());
                String caseId = episode.sevenDayCaseId();
                if (caseId != null && !caseId.equals(CaseIds.forSevenDays(subjectId, episode.type(), episode.episodeId(),
                        reachedAt))) {
                    // the episode's start moved (a report of it was withdrawn): that case named the wrong instant
                    cases.add(new CaseWithdrawal(caseId, subjectId, "Episode " + episode.episodeId()
                            + " is now known to have begun at " + episode.start() + ", so it reaches "
                            + battery.outOfContactLimit().toHours() + " h without an end at " + reachedAt
                            + ", not when this case said.", null, policy.version(), asOf));
                    episode = episode.withSevenDayCase(null);
                    episodes.set(i, episode);
                }
                switch (OutOfContactRule.decide(episode, battery.outOfContactLimit(), asOf)) {
                    case OutOfContactRule.Wait wait -> wait.wakeAt().ifPresent(this::wake);
                    case OutOfContactRule.Raise raise when !subject.monitoredAt(raise.reachedAt()) -> {
                        // EM had ended by then: the person was no longer monitored, so there is nothing to raise
                    }
                    case OutOfContactRule.Raise raise -> {
                        BreachCase raised = CaseRaiser.outOfContact(subjectId, episode, raise.reachedAt(),
                                later(raise.reachedAt(), episode.lastReceivedAt()), policy, subject);
                        cases.add(raised);
                        episodes.set(i, episode.withSevenDayCase(raised.caseId()));
                    }
                    case OutOfContactRule.Withdraw withdraw -> {
                        cases.add(new CaseWithdrawal(withdraw.caseId(), subjectId,
                                "Late data: " + withdraw.reason() + ".", null, policy.version(), asOf));
                        episodes.set(i, episode.withSevenDayCase(null));
                    }
                }
            }
        }

        private Instant horizon() {
            return newest.minus(battery.latenessHorizon());
        }

        private void wake(Instant at) {
            nextDue = nextDue == null || at.isBefore(nextDue) ? at : nextDue;
        }

        private DataQualityEvent tooLate(ReceivedNotification received, Instant changed, Instant newestSeen) {
            Notification n = received.notification();
            return new DataQualityEvent(DataQualityEvent.Issue.TOO_LATE, received.supplier(), n.notificationId(),
                    subjectId, n.type().code() + " " + n.notificationId() + " (episode " + n.effectiveEpisodeId()
                    + ") would change battery time from " + changed + ", more than "
                    + battery.latenessHorizon().toDays() + " days before the newest event seen for " + subjectId
                    + " (" + newestSeen + "): it is recorded but not applied to accumulated battery violations.",
                    n.occurredAt(), received.receivedAt());
        }

        PersonOutcome outcome(DedupDecision dedup) {
            return new PersonOutcome(Optional.of(new PersonState(newest, decidedUntil, frozen, episodes, abvs, ladder,
                    newestSeen, nextDue, recentSeen, setAsideUntil)), setAside, cases, dataQuality, Optional.ofNullable(nextDue),
                    withdrawnAbvs, Optional.ofNullable(dedup), refused);
        }
    }

    static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}

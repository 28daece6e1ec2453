package uk.gov.em.hub.pages.cases;

import uk.gov.em.contracts.BreachType;
import uk.gov.em.contracts.CaseReason;
import uk.gov.em.contracts.Ordinals;
import uk.gov.em.contracts.Queue;
import uk.gov.em.hub.pages.common.Ages;
import uk.gov.em.hub.pages.common.Labels;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Words a case's reason ({@link CaseReason}, sent as data by breach-streams) as the sentences a caseworker
 * reads: what happened, then where the policy sent the case and why. Worded here, in the hub, so the words can
 * change without redeploying the stream processor. Codes never appear: triggers and queues are named in words,
 * times as {@code 3 February 2022 at 10:00} (UK time), lengths of time as {@code 12 hours 20 minutes}.
 */
public final class ReasonWords {

    private static final String[] ORDINALS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh",
            "eighth", "ninth"};

    private ReasonWords() {
    }

    /** The reason in words: one sentence on what happened, one on where the case went and why. */
    public static String sentence(CaseReason reason) {
        String what = switch (reason) {
            case CaseReason.AccumulatedBatteryViolation abv -> "The tag was out of contact with a flat battery for "
                    + duration(abv.totalSeconds()) + " over "
                    + (abv.periods().size() == 1 ? "one period" : abv.periods().size() + " periods") + " in the "
                    + duration(Duration.between(abv.windowFrom(), abv.windowTo()).toSeconds()) + " from "
                    + Ages.when(abv.windowFrom()) + " to " + Ages.when(abv.windowTo()) + ", which reaches the limit of "
                    + duration(abv.thresholdSeconds()) + ".";
            case CaseReason.OutOfContactSevenDays episode -> "The tag was out of contact"
                    + (BreachType.BATTERY_DEPLETED.code().equals(episode.episodeType()) ? " with a flat battery" : "")
                    + " from " + Ages.when(episode.startedAt()) + " with no end reported, reaching "
                    + duration(episode.limitSeconds()) + " on " + Ages.when(episode.reachedAt()) + ".";
            case CaseReason.SingleBreach breach -> capitalised(trigger(breach.trigger())) + " on "
                    + Ages.when(breach.occurredAt()) + ".";
        };
        String placed = switch (reason.placement()) {
            case null -> "";
            case CaseReason.Direct direct -> " It is a " + Labels.WORDS.of(direct.severity()).toLowerCase(Locale.UK)
                    + "-severity breach" + (direct.vulnerableOverride()
                    ? " that would go straight to the " + queue(Queue.PROSECUTIONS) + ", but the person is flagged"
                    + " vulnerable, so the case goes to the " + queue(direct.queue()) + "."
                    : ", so the case goes straight to the " + queue(direct.queue()) + ".");
            case CaseReason.Ladder ladder -> " It is the " + ordinal(ladder.position()) + " qualifying breach in "
                    + ladder.windowDays() + " days" + (ladder.earlier().isEmpty() ? "" : " (earlier: "
                    + listed(ladder.earlier().stream().map(b -> trigger(b.trigger()) + " on " + Ages.when(b.occurredAt()))
                    .toList()) + ")") + (ladder.vulnerableOverride()
                    ? ". That would send it to the " + queue(Queue.PROSECUTIONS) + ", but the person is flagged"
                    + " vulnerable, so the case goes to the " + queue(ladder.queue()) + "."
                    : ", so the case goes to the " + queue(ladder.queue()) + ".");
        };
        return what + placed;
    }

    /**
     * For an accumulated battery violation, each battery period counted, oldest first: when it began and
     * ended, how long it lasted and the episodes behind it. Empty for any other reason, or none.
     */
    public static List<String> periods(CaseReason reason) {
        if (!(reason instanceof CaseReason.AccumulatedBatteryViolation abv)) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        for (CaseReason.BatteryPeriod p : abv.periods()) {
            lines.add("From " + Ages.when(p.start()) + " to " + Ages.when(p.end()) + ": " + duration(p.durationSeconds())
                    + (p.episodeIds().isEmpty() ? "" : " (" + (p.episodeIds().size() == 1 ? "episode " : "episodes ")
                    + listed(p.episodeIds()) + ")"));
        }
        return List.copyOf(lines);
    }

    /** A length of time as people read it: {@code 12 hours 20 minutes}, {@code 7 days}, {@code 1 hour 5 seconds}. */
    private static String duration(long seconds) {
        if (seconds <= 0) {
            return "no time";
        }
        List<String> parts = new ArrayList<>();
        long[] amounts = {seconds / 86_400, seconds % 86_400 / 3600, seconds % 3600 / 60, seconds % 60};
        String[] units = {"day", "hour", "minute", "second"};
        for (int i = 0; i < amounts.length; i++) {
            if (amounts[i] > 0) {
                parts.add(amounts[i] + " " + units[i] + (amounts[i] == 1 ? "" : "s"));
            }
        }
        return String.join(" ", parts);
    }

    /**
     * A trigger in the words the pages give it ({@link Labels}), begun in lower case to sit inside a sentence
     * ({@code strap tampered with}); a name that begins with an abbreviation keeps its capitals.
     */
    private static String trigger(String code) {
        String words = Labels.WORDS.trigger(code);
        boolean abbreviation = words.length() > 1 && Character.isUpperCase(words.charAt(1));
        return words.isEmpty() || abbreviation ? words : Character.toLowerCase(words.charAt(0)) + words.substring(1);
    }

    private static String queue(Queue queue) {
        return queue.path() + " queue";
    }

    /** GOV.UK style: first to ninth in words, 10th onwards in figures. */
    private static String ordinal(int n) {
        if (n >= 1 && n <= ORDINALS.length) {
            return ORDINALS[n - 1];
        }
        return Ordinals.inFigures(n);
    }

    /** {@code a}, {@code a and b}, {@code a, b and c}. */
    private static String listed(List<String> items) {
        if (items.size() == 1) {
            return items.getFirst();
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
    }

    private static String capitalised(String words) {
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}

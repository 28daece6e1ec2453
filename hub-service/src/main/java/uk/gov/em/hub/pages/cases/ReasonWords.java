package uk.gov.em.hub.pages.cases;

import uk.gov.em.contracts.BreachType;
import uk.gov.em.contracts.CaseReason;
import uk.gov.em.contracts.Queue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK)
            .withZone(UK);
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
                    + when(abv.windowFrom()) + " to " + when(abv.windowTo()) + ", which reaches the limit of "
                    + duration(abv.thresholdSeconds()) + ".";
            case CaseReason.OutOfContactSevenDays episode -> "The tag was out of contact"
                    + (BreachType.BATTERY_DEPLETED.code().equals(episode.episodeType()) ? " with a flat battery" : "")
                    + " from " + when(episode.startedAt()) + " with no end reported, reaching "
                    + duration(episode.limitSeconds()) + " on " + when(episode.reachedAt()) + ".";
            case CaseReason.SingleBreach breach -> capitalised(trigger(breach.trigger())) + " on "
                    + when(breach.occurredAt()) + ".";
        };
        String placed = switch (reason.placement()) {
            case null -> "";
            case CaseReason.Direct direct -> " It is a " + direct.severity().name().toLowerCase(Locale.ROOT)
                    + "-severity breach" + (direct.vulnerableOverride()
                    ? " that would go straight to the " + queue(Queue.PROSECUTIONS) + ", but the person is flagged"
                    + " vulnerable, so the case goes to the " + queue(direct.queue()) + "."
                    : ", so the case goes straight to the " + queue(direct.queue()) + ".");
            case CaseReason.Ladder ladder -> " It is the " + ordinal(ladder.position()) + " qualifying breach in "
                    + ladder.windowDays() + " days" + (ladder.earlier().isEmpty() ? "" : " (earlier: "
                    + listed(ladder.earlier().stream().map(b -> trigger(b.trigger()) + " on " + when(b.occurredAt()))
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
            lines.add("From " + when(p.start()) + " to " + when(p.end()) + ": " + duration(p.durationSeconds())
                    + (p.episodeIds().isEmpty() ? "" : " (" + (p.episodeIds().size() == 1 ? "episode " : "episodes ")
                    + listed(p.episodeIds()) + ")"));
        }
        return List.copyOf(lines);
    }

    /** An instant as people read it: {@code 3 February 2022 at 10:00}, UK time. */
    private static String when(Instant at) {
        return WHEN.format(at);
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

    /** A trigger's catalogue code in words, as in a heading ({@code full curfew missed}); an unknown code as itself. */
    private static String trigger(String code) {
        return switch (code) {
            case "ACCUMULATED_BATTERY_VIOLATION" -> "accumulated battery violation";
            case "OUT_OF_CONTACT_7_DAYS" -> "out of contact for 7 days";
            case "BATTERY_DEPLETED" -> "flat battery";
            case "OUT_OF_CONTACT" -> "out of contact";
            case "ABSENCE_15_MIN" -> "absence of 15 minutes or more";
            case "CURFEW_MISSED_FULL" -> "full curfew missed";
            case "CURFEW_MISSED_PARTIAL" -> "part of a curfew missed";
            case "STRAP_TAMPER" -> "strap tampered with";
            case "INTERFERENCE_PID" -> "interference seen by perimeter intrusion detection";
            case "HMU_INTERFERENCE" -> "home monitoring unit interfered with";
            case "AC_POWER_LOSS" -> "home monitoring unit lost mains power";
            case "MONITOR_MOVEMENT" -> "home monitoring unit moved";
            case "MOVED_WITHOUT_VARIATION" -> "moved address without a variation";
            case "LOCATION_BREACH" -> "exclusion zone entered or inclusion zone left";
            case "NOT_AVAILABLE_FOR_INSTALLATION" -> "not available for installation";
            case "UNSUCCESSFUL_INDUCTION_VISIT" -> "unsuccessful induction visit";
            case "FAILED_ENROLMENT" -> "failed enrolment";
            case "ABUSIVE_BEHAVIOUR" -> "abusive behaviour towards the supplier's staff";
            case "NEGATIVE_RAM" -> "negative random-access-monitoring result";
            case "MISSED_BIOMETRIC_CHECK" -> "missed biometric check";
            case "INABILITY_TO_MONITOR" -> "supplier unable to monitor";
            case "DEVICE_FAULT" -> "device fault";
            default -> code;
        };
    }

    private static String queue(Queue queue) {
        return queue.path() + " queue";
    }

    /** GOV.UK style: first to ninth in words, 10th onwards in figures. */
    private static String ordinal(int n) {
        if (n >= 1 && n <= ORDINALS.length) {
            return ORDINALS[n - 1];
        }
        int lastTwo = n % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
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

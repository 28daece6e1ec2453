package uk.gov.em.deploy.simulator;

import uk.gov.em.contracts.BreachType;
import uk.gov.em.contracts.Notification;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Makes notifications the way the supplier's monitoring centre sends them: a population of tagged people,
 * breach types in the published proportions, battery periods mostly short and already over by the time
 * they are reported (as the inspection found), a few long enough to matter on their own.
 */
public final class SimulatedSupplier {

    private final NotificationMix mix;
    private final RandomGenerator random;
    private final int population;
    private final String runId;
    private long sequence;

    public SimulatedSupplier(NotificationMix mix, RandomGenerator random, int population, String runId) {
        this.mix = mix;
        this.random = random;
        this.population = population;
        this.runId = runId;
    }

    /** The next notification, reported at {@code now}. */
    public Notification next(Instant now) {
        BreachType type = mix.draw(random);
        String id = "SIM-" + runId + "-" + (++sequence);
        String subject = "S-" + (100_001 + random.nextInt(population));
        String device = "GPS-" + subject.substring(2);
        Duration reportDelay = Duration.ofSeconds(random.nextInt(30, 600));
        if (type.isEpisode()) {
            Duration length = episodeLength();
            Instant ended = now.minus(reportDelay);
            Instant started = ended.minus(length);
            return new Notification(id, subject, device, type, started, ended, id,
                    Map.of("note", "device back in contact before report"));
        }
        return new Notification(id, subject, device, type, now.minus(reportDelay), null, null, null);
    }

    /** Mostly minutes to a few hours; about one in twenty runs past twelve hours. */
    private Duration episodeLength() {
        double hours = Math.exp(random.nextGaussian() * 1.1 + Math.log(2.5));
        return Duration.ofSeconds(Math.max(300, Math.min((long) (hours * 3600), 30L * 3600)));
    }
}

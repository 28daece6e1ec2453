package uk.gov.em.deploy.simulator;

import uk.gov.em.contracts.BreachType;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * How often each breach type occurs, as weights taken from the published table: the five named types
 * keep their own totals; the {@code OTHER} row is shared evenly among every other catalogue type.
 */
public final class NotificationMix {

    private final BreachType[] types;
    private final double[] cumulative;

    private NotificationMix(Map<BreachType, Double> weights) {
        this.types = weights.keySet().toArray(BreachType[]::new);
        this.cumulative = new double[types.length];
        double sum = 0;
        for (int i = 0; i < types.length; i++) {
            sum += weights.get(types[i]);
            cumulative[i] = sum;
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= sum;
        }
    }

    public static NotificationMix of(PublishedBreachTable table) {
        List<BreachType> others = Arrays.stream(BreachType.values())
                .filter(t -> t.miCategory().equals(BreachType.MI_OTHER)).toList();
        Map<BreachType, Double> weights = new EnumMap<>(BreachType.class);
        for (BreachType type : BreachType.values()) {
            String row = type.miCategory();
            double share = row.equals(BreachType.MI_OTHER) ? 1.0 / others.size() : 1.0;
            weights.put(type, table.total(row) * share);
        }
        return new NotificationMix(weights);
    }

    /** A breach type drawn with the table's proportions. */
    public BreachType draw(RandomGenerator random) {
        double x = random.nextDouble();
        for (int i = 0; i < cumulative.length; i++) {
            if (x < cumulative[i]) {
                return types[i];
            }
        }
        return types[types.length - 1];
    }
}

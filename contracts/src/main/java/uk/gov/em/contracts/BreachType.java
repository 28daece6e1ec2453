package uk.gov.em.contracts;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The breach type catalogue of the supplier API. Episode types describe a period out of contact and may
 * arrive open, to be closed by a later notification with the same {@code episodeId}.
 */
public enum BreachType {
    BATTERY_DEPLETED(true),
    OUT_OF_CONTACT(true),
    ABSENCE_15_MIN(false),
    CURFEW_MISSED_FULL(false),
    CURFEW_MISSED_PARTIAL(false),
    STRAP_TAMPER(false),
    INTERFERENCE_PID(false),
    HMU_INTERFERENCE(false),
    AC_POWER_LOSS(false),
    MONITOR_MOVEMENT(false),
    MOVED_WITHOUT_VARIATION(false),
    LOCATION_BREACH(false),
    NOT_AVAILABLE_FOR_INSTALLATION(false),
    UNSUCCESSFUL_INDUCTION_VISIT(false),
    FAILED_ENROLMENT(false),
    ABUSIVE_BEHAVIOUR(false),
    NEGATIVE_RAM(false),
    MISSED_BIOMETRIC_CHECK(false),
    INABILITY_TO_MONITOR(false),
    DEVICE_FAULT(false);

    /** The row of the published MI table that every type not named there falls into. */
    public static final String MI_OTHER = "OTHER";

    private static final Map<String, BreachType> BY_CODE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Enum::name, Function.identity()));

    private final boolean episode;

    BreachType(boolean episode) {
        this.episode = episode;
    }

    /** True for types that describe a period out of contact, [occurredAt, endedAt). */
    public boolean isEpisode() {
        return episode;
    }

    /** The catalogue code as suppliers send it. */
    public String code() {
        return name();
    }

    /**
     * The row of the published "breaches by type" table this type is counted in: its own code for the
     * five types the table names, {@value #MI_OTHER} for every other.
     */
    public String miCategory() {
        return switch (this) {
            case BATTERY_DEPLETED, ABSENCE_15_MIN, CURFEW_MISSED_FULL, INTERFERENCE_PID,
                 NOT_AVAILABLE_FOR_INSTALLATION -> name();
            default -> MI_OTHER;
        };
    }

    /** The type with this exact code, if the catalogue has one. */
    public static Optional<BreachType> fromCode(String code) {
        return Optional.ofNullable(code).map(BY_CODE::get);
    }
}

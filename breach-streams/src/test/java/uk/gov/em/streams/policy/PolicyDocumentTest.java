package uk.gov.em.streams.policy;

import org.junit.jupiter.api.Test;
import uk.gov.em.streams.policy.domain.Policy;
import uk.gov.em.streams.policy.domain.TriggerRoute;
import uk.gov.em.testing.RepositoryFiles;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The policy page people read ({@code docs/policy.md}) and the policy file the stream processor runs
 * ({@code breach-policy-v1.yaml}) say the same thing: every trigger's severity and route, the ladder's steps
 * and window, and the battery and out-of-contact thresholds.
 */
class PolicyDocumentTest {

    private static final String PAGE = RepositoryFiles.read("docs/policy.md");
    private static final Policy POLICY = PolicyLoader.loadDefault();

    /** A row of §5: | `A`, `B` | SEVERITY or none | route: words |. */
    private static final Pattern TRIGGER_ROW =
            Pattern.compile("^\\| ((?:`[A-Z0-9_]+`(?:, )?)+) \\| (CRITICAL|HIGH|MEDIUM|LOW|none) \\| ([a-z-]+)");
    /** A row of §6: | 3rd | reviews | ... | or | 4th and later | prosecutions | ... |. */
    private static final Pattern LADDER_ROW =
            Pattern.compile("^\\| (\\d+)(?:st|nd|rd|th)( and later)? \\| (warnings|reviews|prosecutions) \\|");
    private static final Pattern CODE = Pattern.compile("`([A-Z0-9_]+)`");

    @Test
    void everyTriggerHasTheSeverityAndRouteThePageGivesIt() {
        Map<String, String> documented = new TreeMap<>();
        PAGE.lines().map(TRIGGER_ROW::matcher).filter(Matcher::find).forEach(row -> {
            Matcher code = CODE.matcher(row.group(1));
            while (code.find()) {
                documented.put(code.group(1), row.group(2) + " " + row.group(3));
            }
        });

        Map<String, String> configured = new TreeMap<>();
        for (TriggerRoute route : POLICY.triggers().values()) {
            String severity = route.severity() == null ? "none" : route.severity().name();
            configured.put(route.trigger(), severity + " " + route.route().code());
        }

        assertThat(documented).hasSize(22).isEqualTo(configured);
    }

    @Test
    void theLadderSendsEachQualifyingBreachToTheQueueThePageNames() {
        int rows = 0;
        for (Matcher row : PAGE.lines().map(LADDER_ROW::matcher).filter(Matcher::find).toList()) {
            int position = Integer.parseInt(row.group(1));
            String queue = row.group(3);
            assertThat(POLICY.ladder().queueFor(position).path()).as("breach %d", position).isEqualTo(queue);
            if (row.group(2) != null) {
                assertThat(POLICY.ladder().queueFor(position + 10).path()).as("breach %d", position + 10).isEqualTo(queue);
            }
            rows++;
        }

        assertThat(rows).isEqualTo(4);
        assertThat(PAGE).contains("in the **" + POLICY.ladder().window().toDays() + " days** up to and including");
    }

    @Test
    void theBatteryAndOutOfContactThresholdsAreThoseOfThePolicyFile() {
        var battery = POLICY.battery();

        assertThat(PAGE)
                .contains("adds up to **" + battery.accumulationThreshold().toHours() + " hours**")
                .contains("inside the window (T − " + battery.accumulationWindow().toDays() + " days, T]")
                .contains("reaches **" + battery.outOfContactLimit().toHours() + " hours** without an end")
                .contains("for data up to " + battery.latenessHorizon().toDays() + " days late");
    }
}

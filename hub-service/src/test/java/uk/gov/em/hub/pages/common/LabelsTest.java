package uk.gov.em.hub.pages.common;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import uk.gov.em.contracts.BreachCase;
import uk.gov.em.contracts.BreachType;
import uk.gov.em.contracts.HarmLevel;
import uk.gov.em.contracts.Queue;
import uk.gov.em.contracts.Severity;
import uk.gov.em.hub.cases.domain.Attention;
import uk.gov.em.hub.cases.domain.CaseAction;
import uk.gov.em.hub.cases.domain.CaseStatus;
import uk.gov.em.hub.cases.work.CaseWork;
import uk.gov.em.hub.reviews.domain.ReviewSchedule;
import uk.gov.em.hub.timeline.domain.TimelineEntry;
import uk.gov.em.hub.trailrequests.domain.TrailOutcome;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every code a page can show has words in labels.properties, and the words read as a person would say them. */
class LabelsTest {

    private static final Labels LABELS = Labels.WORDS;
    private static final Path MAIN = Path.of("src/main/java");

    /** Every enum of the wire contracts and of the casework domain, found by reading the classes. */
    private static List<Class<?>> codeTypes() {
        List<Class<?>> types = new ArrayList<>();
        new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("uk.gov.em.contracts", "uk.gov.em.hub.cases.domain").stream()
                .filter(JavaClass::isEnum)
                .filter(c -> c.getPackageName().equals("uk.gov.em.contracts")
                        || c.getPackageName().equals("uk.gov.em.hub.cases.domain"))
                .map(JavaClass::reflect)
                .forEach(types::add);
        types.add(TrailOutcome.class);
        types.add(TimelineEntry.Kind.class);
        types.add(uk.gov.em.hub.dataquality.domain.DataQualityKind.class);
        return types;
    }

    @Test
    void everyConstantOfEveryContractAndCaseworkEnumHasWords() {
        List<Class<?>> types = codeTypes();
        assertThat(types).contains(BreachType.class, HarmLevel.class, Severity.class, Queue.class, CaseStatus.class,
                CaseAction.class, uk.gov.em.contracts.DataQualityEvent.Issue.class, uk.gov.em.contracts.DeviceType.class);
        Set<String> missing = new TreeSet<>();
        for (Class<?> type : types) {
            for (Object constant : type.getEnumConstants()) {
                String key = Labels.key((Enum<?>) constant);
                if (LABELS.find(key).isEmpty()) {
                    missing.add(key);
                }
            }
        }
        assertThat(missing).as("codes without words in labels.properties").isEmpty();
    }

    @Test
    void everyTriggerACaseCanCarryHasWords() {
        Set<String> triggers = new TreeSet<>(List.of(BreachCase.TRIGGER_ABV, BreachCase.TRIGGER_OUT_OF_CONTACT_7_DAYS,
                ReviewSchedule.TRIGGER, CaseWork.REPRESENTATIONS_TRIGGER));
        for (BreachType t : BreachType.values()) {
            triggers.add(t.code());
        }
        assertThat(triggers).allSatisfy(t -> assertThat(LABELS.trigger(t)).as(t).isNotEqualTo(t).doesNotContain("_"));
        assertThat(LABELS.trigger(BreachCase.TRIGGER_ABV)).isEqualTo("Accumulated battery violation");
        assertThat(LABELS.breachType(BreachType.MI_OTHER)).isEqualTo("Other");
    }

    @Test
    void everyAuditActionTheHubWritesReadsAsASentence() throws IOException {
        Set<String> actions = new TreeSet<>(auditActionLiterals());
        assertThat(actions).as("the audit actions found in the hub's sources").contains("CASE_RAISED", "CLAIMED");
        for (CaseAction a : CaseAction.values()) {
            actions.add("ACTION_" + a.name());
        }
        for (Attention a : Attention.values()) {
            actions.add("FLAGGED_" + a.name());
        }
        for (TrailOutcome o : TrailOutcome.values()) {
            actions.add("TRAIL_DATA_" + o.name());
        }
        Set<String> missing = new TreeSet<>();
        for (String action : actions) {
            if (LABELS.find("audit." + action).isEmpty()) {
                missing.add(action);
            }
        }
        assertThat(missing).as("audit actions without a sentence in labels.properties").isEmpty();
        assertThat(LABELS.auditSentence("caseworker", "ACTION_WARNING_LETTER_SENT"))
                .isEqualTo("caseworker recorded that a warning letter was sent");
        assertThat(LABELS.auditSentence("system:breach-streams", "CASE_RAISED"))
                .isEqualTo("The breach processor raised the case");
        assertThat(LABELS.auditSentence("senior", "ACTION_PROSECUTION_DECISION"))
                .isEqualTo("senior recorded the prosecutor's decision");
        assertThat(LABELS.auditSentence("admin", "SOMETHING_NEW")).isEqualTo("admin: SOMETHING_NEW");
    }

    @Test
    void everyDetailAnAuditEntryRecordsHasAName() throws IOException {
        Set<String> keys = new TreeSet<>();
        Pattern call = Pattern.compile("AuditDetail\\.of\\((.*?)\\)\\)\\)?;", Pattern.DOTALL);
        Pattern key = Pattern.compile("\"([a-z][A-Za-z]*)\",");
        for (String source : sources()) {
            Matcher m = call.matcher(source);
            while (m.find()) {
                Matcher k = key.matcher(m.group(1));
                while (k.find()) {
                    keys.add(k.group(1));
                }
            }
        }
        assertThat(keys).as("the detail names found in the hub's sources").contains("queue", "until", "note");
        assertThat(keys).allSatisfy(k -> assertThat(LABELS.find("detail." + k)).as(k).isPresent());
    }

    @Test
    void anAuditEntrysDetailsReadAsWordsNotJson() {
        assertThat(LABELS.auditDetails("{\"from\":\"OPEN\",\"to\":\"WARNING_SENT\",\"note\":\"Sent first class\"}"))
                .containsExactly(new Labels.Detail("From", "Waiting for a first action"),
                        new Labels.Detail("To", "Warning letter sent"), new Labels.Detail("Note", "Sent first class"));
        assertThat(LABELS.auditDetails("{\"queue\":\"prosecutions\",\"severity\":\"HIGH\",\"trigger\":\"STRAP_TAMPER\"}"))
                .containsExactly(new Labels.Detail("Queue", "Prosecution referrals"), new Labels.Detail("Severity", "High"),
                        new Labels.Detail("Trigger", "Strap tampered with"));
        assertThat(LABELS.auditDetails("{\"until\":\"2022-02-03T10:00:00Z\",\"reached\":\"false\"}"))
                .containsExactly(new Labels.Detail("Held until", "3 February 2022 at 10:00"),
                        new Labels.Detail("Reached the person", "No"));
        assertThat(LABELS.auditDetails("{\"reason\":\"SUPPLIER_ERROR\",\"emStartDate\":\"2022-06-30\"}"))
                .containsExactly(new Labels.Detail("Reason", "Supplier error"),
                        new Labels.Detail("EM start date", "30 June 2022"));
        assertThat(LABELS.auditDetails("written before details were JSON"))
                .containsExactly(new Labels.Detail("Note", "written before details were JSON"));
        assertThat(LABELS.auditDetails("")).isEmpty();
    }

    @Test
    void anUnknownHarmLevelReadsAsNotKnown() {
        assertThat(LABELS.harmLevel(null)).isEqualTo("Not known");
        assertThat(LABELS.harmLevel(HarmLevel.VERY_HIGH)).isEqualTo("Very high");
    }

    /** The audit action literals the hub passes to {@code new AuditEntry(…)}; prefixes end in an underscore. */
    private static Set<String> auditActionLiterals() throws IOException {
        Set<String> actions = new TreeSet<>();
        Pattern call = Pattern.compile("new AuditEntry\\((.*?)(AuditDetail|\\);)", Pattern.DOTALL);
        Pattern literal = Pattern.compile("\"([A-Z][A-Z_]*)\"");
        for (String source : sources()) {
            Matcher m = call.matcher(source);
            while (m.find()) {
                Matcher l = literal.matcher(m.group(1));
                while (l.find()) {
                    if (!l.group(1).endsWith("_")) {
                        actions.add(l.group(1));
                    }
                }
            }
        }
        return actions;
    }

    private static List<String> sources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(p -> p.toString().endsWith(".java")).map(p -> {
                try {
                    return Files.readString(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }
}

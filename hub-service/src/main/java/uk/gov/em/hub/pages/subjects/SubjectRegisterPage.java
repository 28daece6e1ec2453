package uk.gov.em.hub.pages.subjects;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import uk.gov.em.contracts.DeviceType;
import uk.gov.em.contracts.EmEndReason;
import uk.gov.em.contracts.HarmLevel;
import uk.gov.em.contracts.Subject;
import uk.gov.em.hub.common.domain.Rejection;
import uk.gov.em.hub.pages.common.CsrfTokens;
import uk.gov.em.hub.pages.common.ErrorPages;
import uk.gov.em.hub.pages.common.Labels;
import uk.gov.em.hub.pages.common.PageModel;
import uk.gov.em.hub.security.domain.Roles;
import uk.gov.em.hub.subjects.SubjectRegister;
import uk.gov.em.hub.subjects.domain.SubjectNotFound;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The subject register for ops: register a person or change their harm level, vulnerability, device and
 * EM start date, through the same application service and checks as {@code PUT /api/v1/subjects/{id}}. Dates are
 * asked for in the GOV.UK date-input pattern (day, month and year boxes); the page puts them together.
 */
@Controller("/subjects")
@Secured({Roles.OPS, Roles.ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
public class SubjectRegisterPage {

    private final SubjectRegister subjects;
    private final CsrfTokens csrf;

    public SubjectRegisterPage(SubjectRegister subjects, CsrfTokens csrf) {
        this.subjects = subjects;
        this.csrf = csrf;
    }

    /** What the form shows: blank, a stored person, or what was just typed. */
    public record Form(String subjectId, String harmLevel, boolean vulnerable, String deviceType, DateBoxes emStartDate,
                       DateBoxes emEndDate, String emEndReason) {
        static final Form BLANK = new Form("", "", false, "", DateBoxes.BLANK, DateBoxes.BLANK, "");
    }

    /** The day, month and year boxes of one date, as typed or as stored. */
    public record DateBoxes(String day, String month, String year) {
        static final DateBoxes BLANK = new DateBoxes("", "", "");

        static DateBoxes of(LocalDate date) {
            return date == null ? BLANK : new DateBoxes(Integer.toString(date.getDayOfMonth()),
                    Integer.toString(date.getMonthValue()), Integer.toString(date.getYear()));
        }

        static DateBoxes typed(String day, String month, String year) {
            return new DateBoxes(blank(day), blank(month), blank(year));
        }

        boolean isEmpty() {
            return day.isEmpty() && month.isEmpty() && year.isEmpty();
        }

        /** The date the boxes make, empty when they are all empty; a problem when they make no real date. */
        Optional<LocalDate> date() {
            if (isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month),
                        Integer.parseInt(day)));
            } catch (NumberFormatException | DateTimeException notADate) {
                throw new NotARealDate();
            }
        }
    }

    private static final class NotARealDate extends RuntimeException {
        NotARealDate() {
            super(null, null, false, false);
        }
    }

    @Get
    public HttpResponse<?> form(HttpRequest<?> request, @QueryValue @Nullable String subjectId, Authentication who) {
        Form form = Form.BLANK;
        String notFound = null;
        if (subjectId != null && !subjectId.isBlank()) {
            try {
                Subject s = subjects.find(subjectId);
                form = stored(s);
            } catch (SubjectNotFound e) {
                form = new Form(subjectId, "", false, "", DateBoxes.BLANK, DateBoxes.BLANK, "");
                notFound = subjectId;
            }
        }
        return HttpResponse.ok(page(request, who, form).with("notFound", notFound).view());
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> save(HttpRequest<?> request, Authentication who, @Nullable String csrf,
                                @Nullable String subjectId, @Nullable String harmLevel, @Nullable String vulnerable,
                                @Nullable String deviceType, @Nullable String emStartDateDay,
                                @Nullable String emStartDateMonth, @Nullable String emStartDateYear,
                                @Nullable String emEndDateDay, @Nullable String emEndDateMonth,
                                @Nullable String emEndDateYear, @Nullable String emEndReason) {
        this.csrf.check(request, csrf);
        Form typed = new Form(blank(subjectId), blank(harmLevel), "true".equals(vulnerable), blank(deviceType),
                DateBoxes.typed(emStartDateDay, emStartDateMonth, emStartDateYear),
                DateBoxes.typed(emEndDateDay, emEndDateMonth, emEndDateYear),
                blank(emEndReason));
        String start;
        String end;
        try {
            start = typed.emStartDate().date().map(LocalDate::toString).orElse(null);
        } catch (NotARealDate e) {
            return problem(request, who, typed, "emStartDate-day", "The EM start date must be a real date");
        }
        try {
            end = typed.emEndDate().date().map(LocalDate::toString).orElse(null);
        } catch (NotARealDate e) {
            return problem(request, who, typed, "emEndDate-day", "The EM end date must be a real date");
        }
        try {
            Subject saved = subjects.put(typed.subjectId(), new SubjectRegister.Entry(
                    nullIfBlank(harmLevel), "true".equals(vulnerable), nullIfBlank(deviceType),
                    start, end, nullIfBlank(emEndReason)), who.getName());
            return HttpResponse.ok(page(request, who, stored(saved)).with("saved", saved.subjectId()).view());
        } catch (Rejection invalid) {
            if (invalid.kind() != Rejection.Kind.INVALID) {
                throw invalid;
            }
            return problem(request, who, typed, "subjectId", inWords(invalid.detail()));
        }
    }

    private HttpResponse<?> problem(HttpRequest<?> request, Authentication who, Form typed, String field,
                                    String words) {
        return HttpResponse.status(HttpStatus.BAD_REQUEST)
                .body(page(request, who, typed).with("problem", words).with("problemField", field).view());
    }

    private static Form stored(Subject s) {
        return new Form(s.subjectId(), name(s.harmLevel()), s.vulnerable(), name(s.deviceType()),
                DateBoxes.of(s.emStartDate()), DateBoxes.of(s.emEndDate()), name(s.emEndReason()));
    }

    /** The register's problems name the API's fields: a page says what the person filled in. */
    private static String inWords(String detail) {
        return detail.replace("emStartDate", "the EM start date").replace("emEndDate", "the EM end date")
                .replace("emEndReason", "why EM ended").replace("subjectId", "the subject ID")
                .replace("harmLevel", "the harm level").replace("deviceType", "the device");
    }

    @Error(exception = Rejection.class)
    public HttpResponse<?> rejected(HttpRequest<?> request, Rejection rejection) {
        return ErrorPages.of(request, rejection, csrf);
    }

    private PageModel page(HttpRequest<?> request, Authentication who, Form form) {
        return PageModel.of("subjects", "Subject register", request, who, csrf).with("form", form)
                .with("harmLevels", Labels.WORDS.choices(HarmLevel.class))
                .with("deviceTypes", Labels.WORDS.choices(DeviceType.class))
                .with("emEndReasons", Labels.WORDS.choices(EmEndReason.class));
    }

    private static String name(Enum<?> value) {
        return value == null ? "" : value.name();
    }

    private static String blank(String value) {
        return value == null ? "" : value.trim();
    }

    private static String nullIfBlank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}

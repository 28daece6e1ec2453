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
import uk.gov.em.hub.pages.common.CaseWords;
import uk.gov.em.hub.pages.common.CsrfTokens;
import uk.gov.em.hub.pages.common.ErrorPages;
import uk.gov.em.hub.pages.common.PageModel;
import uk.gov.em.hub.security.domain.Roles;
import uk.gov.em.hub.subjects.SubjectRegister;
import uk.gov.em.hub.subjects.domain.SubjectNotFound;

import java.util.Arrays;
import java.util.List;

/**
 * The subject register for ops: register a person or change their harm level, vulnerability, device and
 * EM start date, through the same application service and checks as {@code PUT /api/v1/subjects/{id}}.
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
    public record Form(String subjectId, String harmLevel, boolean vulnerable, String deviceType, String emStartDate,
                       String emEndDate, String emEndReason) {
        static final Form BLANK = new Form("", "", false, "", "", "", "");
    }

    @Get
    public HttpResponse<?> form(HttpRequest<?> request, @QueryValue @Nullable String subjectId, Authentication who) {
        Form form = Form.BLANK;
        String notFound = null;
        if (subjectId != null && !subjectId.isBlank()) {
            try {
                Subject s = subjects.find(subjectId);
                form = new Form(s.subjectId(), name(s.harmLevel()), s.vulnerable(), name(s.deviceType()),
                        s.emStartDate() == null ? "" : s.emStartDate().toString(),
                        s.emEndDate() == null ? "" : s.emEndDate().toString(), name(s.emEndReason()));
            } catch (SubjectNotFound e) {
                form = new Form(subjectId, "", false, "", "", "", "");
                notFound = subjectId;
            }
        }
        return HttpResponse.ok(page(request, who, form).with("notFound", notFound).view());
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> save(HttpRequest<?> request, Authentication who, @Nullable String csrf,
                                @Nullable String subjectId, @Nullable String harmLevel, @Nullable String vulnerable,
                                @Nullable String deviceType, @Nullable String emStartDate,
                                @Nullable String emEndDate, @Nullable String emEndReason) {
        this.csrf.check(request, csrf);
        Form typed = new Form(blank(subjectId), blank(harmLevel), "true".equals(vulnerable), blank(deviceType),
                blank(emStartDate), blank(emEndDate), blank(emEndReason));
        try {
            Subject saved = subjects.put(typed.subjectId(), new SubjectRegister.Entry(
                    nullIfBlank(harmLevel), "true".equals(vulnerable), nullIfBlank(deviceType),
                    nullIfBlank(emStartDate), nullIfBlank(emEndDate), nullIfBlank(emEndReason)), who.getName());
            return HttpResponse.ok(page(request, who, new Form(saved.subjectId(), name(saved.harmLevel()),
                    saved.vulnerable(), name(saved.deviceType()),
                    saved.emStartDate() == null ? "" : saved.emStartDate().toString(),
                    saved.emEndDate() == null ? "" : saved.emEndDate().toString(), name(saved.emEndReason())))
                    .with("saved", saved.subjectId()).view());
        } catch (Rejection invalid) {
            if (invalid.kind() != Rejection.Kind.INVALID) {
                throw invalid;
            }
            return HttpResponse.status(HttpStatus.BAD_REQUEST)
                    .body(page(request, who, typed).with("problem", invalid.detail()).view());
        }
    }

    @Error(exception = Rejection.class)
    public HttpResponse<?> rejected(HttpRequest<?> request, Rejection rejection) {
        return ErrorPages.of(request, rejection, csrf);
    }

    private PageModel page(HttpRequest<?> request, Authentication who, Form form) {
        List<String> harmLevels = Arrays.stream(HarmLevel.values()).map(Enum::name).toList();
        List<String> devices = Arrays.stream(DeviceType.values()).map(Enum::name).toList();
        return PageModel.of("subjects", "Subject register", request, who, csrf).with("form", form)
                .with("harmLevels", harmLevels).with("deviceTypes", devices)
                .with("emEndReasons", Arrays.stream(EmEndReason.values())
                        .map(r -> new CaseWords.Choice(r.name(), CaseWords.emEndReason(r))).toList());
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

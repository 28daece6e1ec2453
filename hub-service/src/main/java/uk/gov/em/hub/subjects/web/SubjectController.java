package uk.gov.em.hub.subjects.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import uk.gov.em.contracts.Subject;
import uk.gov.em.hub.security.domain.Roles;
import uk.gov.em.hub.subjects.SubjectRegister;
import uk.gov.em.hub.subjects.domain.SubjectNotFound;
import uk.gov.em.hub.subjects.domain.SubjectRegistration;
import uk.gov.em.hub.subjects.persistence.SubjectRepository;

import java.time.Clock;

/**
 * The subject register (docs/api/hub-api.md): OPS and ADMIN change it; everyone who works cases may read it.
 * A change is stored and queued for em.subjects in one transaction, and published within moments.
 */
@Controller("/api/v1/subjects/{subjectId}")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SubjectController {

    private final SubjectRegister register;
    private final SubjectRepository subjects;
    private final Clock clock;

    public SubjectController(SubjectRegister register, SubjectRepository subjects, Clock clock) {
        this.register = register;
        this.subjects = subjects;
        this.clock = clock;
    }

    /** The body of the PUT; words are checked by {@link SubjectRegistration}. */
    public record SubjectRequest(@Nullable String harmLevel, @Nullable Boolean vulnerable,
                                 @Nullable String deviceType, @Nullable String emStartDate,
                                 @Nullable String emEndDate, @Nullable String emEndReason) {

        public SubjectRequest(String harmLevel, Boolean vulnerable, String deviceType, String emStartDate) {
            this(harmLevel, vulnerable, deviceType, emStartDate, null, null);
        }
    }

    @Put
    @Secured({Roles.OPS, Roles.ADMIN})
    public Subject put(@PathVariable String subjectId, @Body SubjectRequest request, Authentication who) {
        Subject subject = SubjectRegistration.parse(subjectId, request.harmLevel(), request.vulnerable(),
                request.deviceType(), request.emStartDate(), request.emEndDate(), request.emEndReason(), clock.instant());
        return register.put(subject, who.getName());
    }

    @Get
    @Secured({Roles.OPS, Roles.ADMIN, Roles.CASEWORKER, Roles.SENIOR_CASEWORKER})
    public Subject get(@PathVariable String subjectId) {
        return subjects.find(subjectId).orElseThrow(() -> new SubjectNotFound(subjectId));
    }
}

package uk.gov.em.hub.subjects.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import uk.gov.em.contracts.Subject;
import uk.gov.em.hub.accesslog.web.ReadPurpose;
import uk.gov.em.hub.common.web.ProblemResponses;
import uk.gov.em.hub.subjects.domain.InvalidSubject;
import uk.gov.em.hub.security.domain.Roles;
import uk.gov.em.hub.subjects.SubjectRegister;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The subject register (docs/api/hub-api.md): OPS and ADMIN change it; everyone who works cases may read it.
 * A change is stored and queued for em.subjects in one transaction, and published within moments.
 */
@Controller("/api/v1/subjects/{subjectId}")
@ExecuteOn(TaskExecutors.BLOCKING)
@ProblemResponses.RoleRequired
public class SubjectController {

    private final SubjectRegister register;
    private final ObjectMapper json;

    public SubjectController(SubjectRegister register, ObjectMapper json) {
        this.register = register;
        this.json = json;
    }

    /** The body of the PUT; words are checked by {@link SubjectRegistration}. */
    public record SubjectRequest(@Nullable String harmLevel, @Nullable Boolean vulnerable,
                                 @Nullable String deviceType, @Nullable String emStartDate,
                                 @Nullable String emEndDate, @Nullable String emEndReason) {

        /** The body's field names: any other is refused, so a misspelt field is never silently dropped. */
        static final Set<String> FIELDS = Arrays.stream(SubjectRequest.class.getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getName).collect(Collectors.toUnmodifiableSet());

        public SubjectRequest(String harmLevel, Boolean vulnerable, String deviceType, String emStartDate) {
            this(harmLevel, vulnerable, deviceType, emStartDate, null, null);
        }
    }

    /**
     * {@code PUT /api/v1/subjects/{id}}: the body is read strictly (only this endpoint: the application's
     * JSON reader ignores unknown fields elsewhere), so an unknown field is a 400 naming it.
     */
    @Put
    @Operation(operationId = "putSubject",
            summary = "Creates or changes the person's subject register entry; an unknown field is refused")
    @Secured({Roles.OPS, Roles.ADMIN})
    @ProblemResponses.BadRequest
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = SubjectRequest.class)))
    public Subject putBody(@PathVariable String subjectId, @Body JsonNode body, Authentication who) {
        return put(subjectId, strictly(body), who);
    }

    private SubjectRequest strictly(JsonNode body) {
        if (!body.isObject()) {
            throw new InvalidSubject(List.of("the body must be a JSON object"));
        }
        List<String> unknown = new ArrayList<>();
        body.fieldNames().forEachRemaining(name -> {
            if (!SubjectRequest.FIELDS.contains(name)) {
                unknown.add("unknown field " + name);
            }
        });
        if (!unknown.isEmpty()) {
            throw new InvalidSubject(unknown);
        }
        try {
            return json.treeToValue(body, SubjectRequest.class);
        } catch (IOException e) {
            throw new InvalidSubject(List.of("a field has the wrong JSON type"));
        }
    }

    private Subject put(String subjectId, SubjectRequest request, Authentication who) {
        return register.put(subjectId, new SubjectRegister.Entry(request.harmLevel(), request.vulnerable(),
                request.deviceType(), request.emStartDate(), request.emEndDate(), request.emEndReason()),
                who.getName());
    }

    @Get
    @Operation(operationId = "getSubject", summary = "The person's subject register entry")
    @ReadPurpose
    @Secured({Roles.OPS, Roles.ADMIN, Roles.CASEWORKER, Roles.SENIOR_CASEWORKER})
    @ProblemResponses.NotFound
    public Subject get(@PathVariable String subjectId) {
        return register.find(subjectId);
    }
}

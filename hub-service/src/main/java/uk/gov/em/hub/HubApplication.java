package uk.gov.em.hub;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/**
 * The EM hub: keeps the cases breach-streams raises in PostgreSQL and serves them to caseworkers as
 * prioritised queues over an authenticated JSON API. The API's OpenAPI document is generated from the
 * controllers when the hub is compiled and served at {@code /openapi/hub-api.yml}.
 */
@OpenAPIDefinition(info = @Info(title = "EM hub API", version = "1",
        description = "The JSON-over-HTTP contract of the hub's caseworker, ops and reporting clients "
                + "(docs/api/hub-api.md). Every call needs a bearer token; an operation's security requirement "
                + "lists the roles that may make it. Every error is an RFC 9457 problem (application/problem+json)."))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "A JWT from POST /login, or from the organisation's identity provider in production; "
                + "its roles claim decides which operations the caller may make.")
public final class HubApplication {

    private HubApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(HubApplication.class, args);
    }
}

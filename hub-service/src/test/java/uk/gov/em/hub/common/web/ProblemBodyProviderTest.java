package uk.gov.em.hub.common.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemBodyProviderTest {

    private final ProblemBodyProvider provider = new ProblemBodyProvider();

    @Test
    void aServerFailureNeverShowsTheExceptionOrDatabaseText() {
        String leak = "ERROR: duplicate key value violates unique constraint \"hub_user_pkey\" at jdbc:postgresql://db:5432";
        ErrorContext context = ErrorContext.builder(HttpRequest.GET("/api/v1/cases"))
                .cause(new IllegalStateException(leak)).errorMessage("Internal Server Error: " + leak).build();

        Problem problem = provider.body(context, HttpResponse.status(HttpStatus.INTERNAL_SERVER_ERROR));

        assertThat(problem.status()).isEqualTo(500);
        assertThat(problem.detail()).doesNotContain("duplicate key").doesNotContain("jdbc").doesNotContain("hub_user");
    }

    @Test
    void aClientErrorKeepsItsExplanation() {
        ErrorContext context = ErrorContext.builder(HttpRequest.GET("/api/v1/cases"))
                .errorMessage("Required argument [String x] not specified").build();

        Problem problem = provider.body(context, HttpResponse.status(HttpStatus.BAD_REQUEST));

        assertThat(problem.detail()).contains("Required argument");
    }
}

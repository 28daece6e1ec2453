package uk.gov.em.hub.contract;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document micronaut-openapi generates from the hub's controllers when the hub compiles
 * ({@code META-INF/swagger/hub-api.yml}, served at {@code /openapi/hub-api.yml}) is valid OpenAPI: swagger-parser
 * reads it, resolves every reference, and has nothing to say about it. Any validation message fails the build.
 */
class HubOpenApiLintTest {

    static final String DOCUMENT = "META-INF/swagger/hub-api.yml";

    @Test
    void theGeneratedDocumentPassesSwaggerParsersValidationWithoutASingleMessage() throws IOException {
        SwaggerParseResult result = new OpenAPIParser().readContents(generatedDocument(), null, resolving());

        assertThat(result.getMessages()).as("swagger-parser's validation messages").isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
        assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.");
        assertThat(result.getOpenAPI().getPaths()).as("documented paths").isNotEmpty();
    }

    @Test
    void theLinterFindsTheFaultsOfADocumentThatIsNotValid() {
        String broken = """
                openapi: 3.0.1
                info:
                  title: broken
                paths:
                  /api/v1/cases/{caseId}:
                    get:
                      responses:
                        "200":
                          content:
                            application/json:
                              schema:
                                $ref: "#/components/schemas/Missing"
                """;

        SwaggerParseResult result = new OpenAPIParser().readContents(broken, null, resolving());

        assertThat(result.getMessages()).as("no version, no path parameter, no description, a dangling $ref")
                .isNotEmpty();
    }

    static String generatedDocument() throws IOException {
        try (InputStream in = HubOpenApiLintTest.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            assertThat(in).as(DOCUMENT + " on the classpath (written by micronaut-openapi at compile time)").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static ParseOptions resolving() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return options;
    }
}

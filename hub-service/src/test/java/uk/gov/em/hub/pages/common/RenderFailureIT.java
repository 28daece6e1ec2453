package uk.gov.em.hub.pages.common;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import uk.gov.em.hub.testing.HubIntegrationTest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page whose template throws while it renders answers promptly with the service's 500 page, logs the
 * failure once with the path, and ends its response; every wait here is bounded, so a hang fails the test.
 */
@MicronautTest(transactional = false)
class RenderFailureIT extends HubIntegrationTest {

    private static final Duration PROMPTLY = Duration.ofSeconds(10);
    /** What a browser asks for when it follows a link. */
    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(PROMPTLY).build();

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of(BrokenPageForTests.ENABLED, "true");
    }

    @Test
    void aPageWhoseTemplateFailsAnswersPromptlyWithTheServiceErrorPage() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/broken-page"))
                .timeout(PROMPTLY).header("Accept", BROWSER_ACCEPT).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.body()).contains("govuk-template", "Sorry, there is a problem with the service", "Error 500")
                .doesNotContain(BrokenPageForTests.SECRET, "Exception", "at uk.gov", "at io.micronaut");
    }

    @Test
    void aRenderFailureIsLoggedOnceWithTheRequestPath() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        try {
            http.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/broken-page?from=log-test"))
                    .timeout(PROMPTLY).header("Accept", BROWSER_ACCEPT).GET().build(), HttpResponse.BodyHandlers.discarding());
        } finally {
            root.detachAppender(log);
        }

        List<ILoggingEvent> aboutTheFailure = List.copyOf(log.list).stream()
                .filter(e -> e.getLevel() == Level.ERROR && mentionsTheFailure(e.getThrowableProxy()))
                .toList();
        assertThat(aboutTheFailure).singleElement()
                .satisfies(e -> assertThat(e.getFormattedMessage()).contains("GET /broken-page"));
    }

    @Test
    void aRenderFailureEndsTheResponseSoAClosingConnectionIsClosed() throws IOException {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout((int) PROMPTLY.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("GET /broken-page HTTP/1.1\r\nHost: " + server.getHost() + "\r\nAccept: " + BROWSER_ACCEPT
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();

            // reads to the end of the stream: it ends only when the server has answered and closed the connection
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 500").contains("Error 500", "</html>");
        }
    }

    private static boolean mentionsTheFailure(IThrowableProxy thrown) {
        if (thrown == null) {
            return false;
        }
        return (thrown.getMessage() != null && thrown.getMessage().contains(BrokenPageForTests.SECRET))
                || mentionsTheFailure(thrown.getCause())
                || Stream.of(thrown.getSuppressed()).anyMatch(RenderFailureIT::mentionsTheFailure);
    }
}

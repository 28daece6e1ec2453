package uk.gov.em.hub.accesslog.domain;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request that reads one person's data: a case, the cases of a person, a timeline or a register entry,
 * through the API or a page. {@link #of} says whether a request is one, and whose data it reads (directly,
 * or through a case id), so the access log records it; {@code what} names the endpoint or page.
 */
public sealed interface PersonDataRead {

    /** The endpoint or page read, e.g. {@code GET /api/v1/subjects/{subjectId}/timeline}. */
    String what();

    /** A read naming the person. */
    record OfSubject(String subjectId, String what) implements PersonDataRead {
    }

    /** A read of one case: whose it is, the case says. */
    record OfCase(String caseId, String what) implements PersonDataRead {
    }

    /** The kind of request that reads a person's data, if {@code method path?query} is one. */
    static Optional<PersonDataRead> of(String method, String path, Map<String, String> query) {
        if (!"GET".equals(method)) {
            return Optional.empty();
        }
        for (Rule rule : Rules.ALL) {
            Matcher m = rule.path().matcher(path);
            if (m.matches()) {
                return rule.read().apply(new Request(m, query));
            }
        }
        return Optional.empty();
    }

    /** The matched path and the query parameters. */
    record Request(Matcher path, Map<String, String> query) {
        String segment(int group) {
            return URLDecoder.decode(path.group(group), StandardCharsets.UTF_8);
        }

        Optional<String> parameter(String name) {
            return Optional.ofNullable(query.get(name)).filter(v -> !v.isBlank());
        }
    }

    /** One path and how a request to it names the person. */
    record Rule(Pattern path, Function<Request, Optional<PersonDataRead>> read) {
    }

    /** The endpoints and pages that show one person's data. */
    final class Rules {
        static final List<Rule> ALL = List.of(
                new Rule(Pattern.compile("/api/v1/cases/([^/]+)"),
                        r -> Optional.of(new OfCase(r.segment(1), "GET /api/v1/cases/{caseId}"))),
                new Rule(Pattern.compile("/api/v1/cases"),
                        r -> r.parameter("subjectId").map(s -> new OfSubject(s, "GET /api/v1/cases?subjectId"))),
                new Rule(Pattern.compile("/api/v1/subjects/([^/]+)"),
                        r -> Optional.of(new OfSubject(r.segment(1), "GET /api/v1/subjects/{subjectId}"))),
                new Rule(Pattern.compile("/api/v1/subjects/([^/]+)/timeline"),
                        r -> Optional.of(new OfSubject(r.segment(1), "GET /api/v1/subjects/{subjectId}/timeline"))),
                new Rule(Pattern.compile("/api/v1/subjects/([^/]+)/trail-requests"),
                        r -> Optional.of(new OfSubject(r.segment(1), "GET /api/v1/subjects/{subjectId}/trail-requests"))),
                new Rule(Pattern.compile("/cases/([^/]+)"),
                        r -> Optional.of(new OfCase(r.segment(1), "page /cases/{caseId}"))),
                new Rule(Pattern.compile("/people/([^/]+)"),
                        r -> Optional.of(new OfSubject(r.segment(1), "page /people/{subjectId}"))),
                new Rule(Pattern.compile("/subjects"),
                        r -> r.parameter("subjectId").map(s -> new OfSubject(s, "page /subjects?subjectId"))));

        private Rules() {
        }
    }
}

package uk.gov.em.hub.accesslog.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import uk.gov.em.hub.accesslog.AccessLog;
import uk.gov.em.hub.accesslog.domain.PersonDataRead;

import java.security.Principal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * Records in the {@link AccessLog} every successful read of a person's data, whichever controller or page
 * served it, before the answer leaves: a read that cannot be recorded is not served (500). The optional
 * {@code purpose} query parameter is recorded with it.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
public class PersonDataAccessFilter implements HttpServerFilter {

    /** The query parameter a page or client may name the purpose of the read with. */
    public static final String PURPOSE = "purpose";
    private static final int MAX_PURPOSE = 500;

    private final AccessLog log;
    private final Scheduler blocking;

    public PersonDataAccessFilter(AccessLog log, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.log = log;
        this.blocking = Schedulers.fromExecutorService(blocking);
    }

    @Override
    public int getOrder() {
        // after security, so the reader is known
        return ServerFilterPhase.SECURITY.after();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        Map<String, String> query = new HashMap<>();
        request.getParameters().forEach((name, values) -> query.put(name, values.isEmpty() ? "" : values.getFirst()));
        Optional<PersonDataRead> read = PersonDataRead.of(request.getMethodName(), request.getPath(), query);
        Optional<String> reader = request.getUserPrincipal().map(Principal::getName);
        if (read.isEmpty() || reader.isEmpty()) {
            return chain.proceed(request);
        }
        String purpose = Optional.ofNullable(query.get(PURPOSE)).filter(p -> !p.isBlank())
                .map(p -> p.length() > MAX_PURPOSE ? p.substring(0, MAX_PURPOSE) : p).orElse(null);
        return Flux.from(chain.proceed(request)).concatMap(response -> response.getStatus().getCode() / 100 != 2
                ? Mono.just(response)
                : Mono.fromCallable(() -> {
                    log.record(reader.get(), read.get(), purpose);
                    return response;
                }).subscribeOn(blocking));
    }
}

package uk.gov.em.hub.security;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micrometer.core.instrument.MeterRegistry;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import uk.gov.em.hub.common.web.Problem;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Guards {@code POST /login} and {@code POST /sign-in} before any password is checked: a source that has
 * used up its failed attempts answers 429, and when every password-check slot is busy the attempt answers
 * 503 at once instead of queueing another 19 MiB Argon2 buffer. Both carry {@code Retry-After}.
 */
@Filter(value = {"/login", "/sign-in"}, methods = HttpMethod.POST)
public class SignInLimitFilter implements HttpServerFilter {

    private final SignInLimits limits;
    private final ClientAddress address;
    private final MeterRegistry registry;

    public SignInLimitFilter(SignInLimits limits, ClientAddress address, MeterRegistry registry) {
        this.limits = limits;
        this.address = address;
        this.registry = registry;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        return switch (limits.admit(address.of(request))) {
            case SignInLimits.Throttled t -> refuse("throttled", HttpStatus.TOO_MANY_REQUESTS,
                    "too-many-sign-in-attempts", "Too many sign-in attempts",
                    "Too many failed sign-in attempts from this address; try again later.", t.retryAfter());
            case SignInLimits.Busy b -> refuse("busy", HttpStatus.SERVICE_UNAVAILABLE,
                    "sign-in-busy", "Sign-in is busy", "Too many sign-ins at once; try again in a moment.",
                    Duration.ofSeconds(1));
            case SignInLimits.Admitted admitted -> {
                AtomicBoolean signedIn = new AtomicBoolean();
                AtomicBoolean finished = new AtomicBoolean();
                yield Flux.from(chain.proceed(request))
                        .doOnNext(response -> signedIn.set(response.getStatus().getCode() < 400))
                        .doFinally(signal -> {
                            if (finished.compareAndSet(false, true)) {
                                limits.finish(admitted, signedIn.get());
                            }
                        });
            }
        };
    }

    private Publisher<MutableHttpResponse<?>> refuse(String reason, HttpStatus status, String slug, String title,
                                                     String detail, Duration retryAfter) {
        registry.counter("em.hub.sign-in.refused", "reason", reason).increment();
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return Publishers.just(HttpResponse.status(status)
                .header("Retry-After", String.valueOf(seconds))
                .contentType(MediaType.of(Problem.MEDIA_TYPE))
                .body(Problem.ofType(slug, title, status.getCode(), detail)));
    }
}

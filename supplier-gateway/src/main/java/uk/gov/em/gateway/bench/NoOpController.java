package uk.gov.em.gateway.bench;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;

import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /bench/noop}: reads the body the way the ingest endpoints do and answers 202 without doing anything.
 * Its rate is H, the ceiling of this server on this machine, against which the benchmark
 * ({@code supplier-gateway/bench/run}) judges the gateway. Exists only in the {@code bench} environment.
 */
@Requires(env = "bench")
@Controller("/bench/noop")
public class NoOpController {

    @Post(consumes = MediaType.ALL)
    public CompletableFuture<HttpResponse<?>> accept(ServerHttpRequest<?> request) {
        return request.byteBody().buffer().thenApply(buffered -> {
            try (buffered) {
                return HttpResponse.accepted().body(new Accepted(buffered.length()));
            }
        });
    }

    /** The answer: how many bytes were read, so the body cannot be optimised away. */
    public record Accepted(long bytes) {
    }
}

package uk.gov.em.hub.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a request came from, believing a TLS-terminating proxy's {@code X-Forwarded-For} and
 * {@code X-Forwarded-Proto} only when the request's own peer is one of {@code hub.security.trusted-proxies}
 * (comma-separated addresses; none by default). Anyone else could write those headers themselves.
 */
@Singleton
public class ClientAddress {

    private final Set<String> trustedProxies;

    public ClientAddress(@Value("${hub.security.trusted-proxies:}") String trustedProxies) {
        this.trustedProxies = Arrays.stream(trustedProxies.split(",")).map(String::strip)
                .filter(a -> !a.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** The client's address: the nearest untrusted hop of {@code X-Forwarded-For} when a trusted proxy sent it. */
    public String of(HttpRequest<?> request) {
        String peer = peer(request);
        if (!trustedProxies.contains(peer)) {
            return peer;
        }
        List<String> hops = request.getHeaders().getAll("X-Forwarded-For").stream()
                .flatMap(h -> Arrays.stream(h.split(","))).map(String::strip).filter(h -> !h.isEmpty()).toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!trustedProxies.contains(hops.get(i))) {
                return hops.get(i);
            }
        }
        return hops.isEmpty() ? peer : hops.getFirst();
    }

    /** Whether the client reached us over HTTPS, directly or through a trusted proxy that says so. */
    public boolean isSecure(HttpRequest<?> request) {
        if (request.isSecure()) {
            return true;
        }
        return trustedProxies.contains(peer(request))
                && "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto", String.class).orElse("").strip());
    }

    private static String peer(HttpRequest<?> request) {
        var address = request.getRemoteAddress();
        return address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
    }
}

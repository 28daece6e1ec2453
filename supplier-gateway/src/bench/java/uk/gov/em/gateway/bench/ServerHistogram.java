package uk.gov.em.gateway.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway's own latency histogram for single notifications, read from /prometheus, so the benchmark can tell
 * time spent inside the server from time spent queueing for a CPU shared with the client and the broker.
 */
final class ServerHistogram {

    private static final Pattern BUCKET = Pattern.compile(
            "^em_gateway_request_duration_seconds_bucket\\{endpoint=\"single\",.*status=\"202\".*le=\"([^\"]+)\".*} ([0-9.E+]+)$");

    private final URI prometheus;
    private final HttpClient http = HttpClient.newHttpClient();

    ServerHistogram(URI base) {
        this.prometheus = base.resolve("/prometheus");
    }

    /** Cumulative count by upper bound in seconds. */
    Map<Double, Double> buckets() throws IOException, InterruptedException {
        Map<Double, Double> buckets = new TreeMap<>();
        String text = http.send(HttpRequest.newBuilder(prometheus).build(), HttpResponse.BodyHandlers.ofString()).body();
        text.lines().map(BUCKET::matcher).filter(Matcher::matches).forEach(m -> buckets.put(
                m.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(1)),
                Double.parseDouble(m.group(2))));
        return buckets;
    }

    /** The upper bound (ms) of the bucket holding the given percentile of the requests between two readings. */
    static double percentileMillis(Map<Double, Double> before, Map<Double, Double> after, double percentile) {
        double total = after.getOrDefault(Double.POSITIVE_INFINITY, 0.0) - before.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
        for (Map.Entry<Double, Double> bucket : after.entrySet()) {
            double count = bucket.getValue() - before.getOrDefault(bucket.getKey(), 0.0);
            if (count >= total * percentile / 100) {
                return bucket.getKey() * 1000;
            }
        }
        return Double.NaN;
    }
}

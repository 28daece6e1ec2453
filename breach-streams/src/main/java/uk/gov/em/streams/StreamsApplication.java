package uk.gov.em.streams;

import io.micronaut.runtime.Micronaut;

/**
 * The breach-streams service: the breach policy as a Kafka Streams topology
 * ({@link uk.gov.em.streams.topology.BreachTopology}) in a thin Micronaut shell that serves
 * {@code /health} and {@code /prometheus}. Configured only by environment variables.
 */
public final class StreamsApplication {

    private StreamsApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(StreamsApplication.class, args);
    }
}

package uk.gov.em.gateway;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The server clock every time-dependent decision reads (replay window, "in the future", receivedAt). */
@Factory
public class TimeFactory {

    @Singleton
    public Clock clock() {
        return Clock.systemUTC();
    }
}

package uk.gov.em.hub.common;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The hub's one clock (UTC), injected wherever "now" is needed so tests can reason about it. */
@Factory
public class ClockFactory {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}

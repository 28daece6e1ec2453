package uk.gov.em.hub;

import io.micronaut.runtime.Micronaut;

/**
 * The EM hub: keeps the cases breach-streams raises in PostgreSQL and serves them to caseworkers as
 * prioritised queues over an authenticated JSON API.
 */
public final class HubApplication {

    private HubApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(HubApplication.class, args);
    }
}

package uk.gov.em.gateway;

import io.micronaut.runtime.Micronaut;

/**
 * The supplier gateway: authenticated HTTP ingest of supplier breach notifications onto Kafka
 * (docs/api/supplier-api.md). Configured only by environment variables; see application.yml.
 */
public final class GatewayApplication {

    private GatewayApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(GatewayApplication.class, args);
    }
}

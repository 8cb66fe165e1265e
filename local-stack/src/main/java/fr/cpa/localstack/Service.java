package fr.cpa.localstack;

import java.util.List;
import java.util.Optional;

/**
 * One of the six services: its Maven module, the name the gateway routes to it by
 * ({@code cpa.gateway.proxy.services.<route>}), its usual port and the database it owns.
 */
public record Service(String module, String route, int defaultPort, String database) {

    public static final Service GATEWAY = new Service("gateway", "gateway", 8080, "gateway");

    /** The gateway first: it is the entry point printed first. */
    public static final List<Service> ALL = List.of(
            GATEWAY,
            new Service("account-service", "account", 8081, "account"),
            new Service("training-rights-service", "training-rights", 8082, "training_rights"),
            new Service("hardship-service", "hardship", 8083, "hardship"),
            new Service("civic-engagement-service", "civic-engagement", 8084, "civic_engagement"),
            new Service("catalogue-service", "catalogue", 8085, "catalogue"));

    /** By module ({@code account-service}) or route ({@code account}) name. */
    public static Service named(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("No service named " + name
                + "; known: " + ALL.stream().map(Service::module).toList()));
    }

    static Optional<Service> find(String name) {
        return ALL.stream().filter(s -> s.module.equals(name) || s.route.equals(name)).findFirst();
    }

    boolean isGateway() {
        return this.equals(GATEWAY);
    }
}

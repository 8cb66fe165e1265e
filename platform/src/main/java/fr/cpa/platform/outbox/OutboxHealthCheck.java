package fr.cpa.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Shows the outbox backlog in readiness. A backlog alone keeps the service ready: writes must go on
 * being accepted while Kafka is down. Only a backlog beyond {@link OutboxConfig#maxBacklog()} turns
 * it DOWN, as a loud signal that events have been piling up far too long.
 */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {

    private final OutboxRelay relay;
    private final OutboxConfig config;

    OutboxHealthCheck(OutboxRelay relay, OutboxConfig config) {
        this.relay = relay;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        long backlog = relay.backlog();
        var oldest = relay.oldestPending();
        return HealthCheckResponse.named("outbox")
                .status(backlog <= config.maxBacklog())
                .withData("backlog", backlog)
                .withData("oldestPending", oldest == null ? "none" : oldest.toString())
                .withData("consecutiveFailures", relay.consecutiveFailures())
                .build();
    }
}

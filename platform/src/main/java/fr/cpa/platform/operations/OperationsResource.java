package fr.cpa.platform.operations;

import fr.cpa.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * {@code GET /api/v1/stats/operations} in every service: the operations panel of the dashboard. The
 * gateway calls each service's and merges them.
 */
@Path("/api/v1/stats/operations")
@Tag(name = "statistics")
public class OperationsResource {

    private static final Logger LOG = Logger.getLogger(OperationsResource.class);

    private final EntityManager em;
    private final KafkaFigures kafka;
    private final String service;

    OperationsResource(EntityManager em, KafkaFigures kafka, @ConfigProperty(name = "quarkus.application.name") String service) {
        this.em = em;
        this.kafka = kafka;
        this.service = service;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
    @Operation(summary = "Outbox backlog, dead letters and consumer lag of this service (roles: advisor, admin)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "figures",
            value = """
                    {"service": "training-rights-service", "asOf": "2026-03-02T10:15:00Z", "outboxBacklog": 0, "oldestPendingSeconds": 0,
                     "kafka": "UP", "deadLetters": [{"topic": "cpa.holder.v1.dlq", "records": 0}],
                     "consumerLag": [{"group": "training-rights-service", "topic": "cpa.holder.v1", "lag": 0}]}""")))
    public OperationsFigures figures() {
        Instant now = Instant.now();
        Object[] outbox = (Object[]) em.createNativeQuery(
                "select count(*), min(created_at) from outbox_event where sent_at is null").getSingleResult();
        long backlog = ((Number) outbox[0]).longValue();
        Instant oldest = outbox[1] == null ? null : toInstant(outbox[1]);
        long oldestSeconds = oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toSeconds());
        try {
            KafkaFigures.Figures figures = kafka.read();
            return new OperationsFigures(service, now, backlog, oldestSeconds, "UP", figures.deadLetters(), figures.lag());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new OperationsFigures(service, now, backlog, oldestSeconds, "UNREACHABLE", List.of(), List.of());
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.warnf("operations figures: Kafka did not answer (%s)", e.toString());
            return new OperationsFigures(service, now, backlog, oldestSeconds, "UNREACHABLE", List.of(), List.of());
        }
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}

package fr.cpa.platform.time;

import fr.cpa.platform.problem.ProblemException;
import fr.cpa.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * {@code /local/clock} of every service, for the local stack only: moves the {@link SuiteClock}. Off
 * unless {@code cpa.clock.settable=true} (local-stack sets it; nothing else should), admin only, left out
 * of the OpenAPI document and not routed by the gateway: the end-to-end tests call each service's port.
 */
@Path("/local/clock")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ClockResource {

    private static final Logger LOG = Logger.getLogger(ClockResource.class);

    public record Now(Instant now) {
    }

    private final SuiteClock clock;
    private final boolean settable;

    ClockResource(SuiteClock clock, @ConfigProperty(name = "cpa.clock.settable", defaultValue = "false") boolean settable) {
        this.clock = clock;
        this.settable = settable;
    }

    @GET
    @Operation(hidden = true)
    public Now now() {
        requireSettable();
        return new Now(clock.instant());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Now moveTo(Now body) {
        requireSettable();
        if (body == null || body.now() == null) {
            throw ProblemException.invalid("now", "is required (an instant such as 2026-01-15T09:00:00Z)");
        }
        clock.moveTo(body.now());
        LOG.warnf("clock moved to %s", body.now());
        return new Now(clock.instant());
    }

    @DELETE
    @Operation(hidden = true)
    public Now reset() {
        requireSettable();
        clock.reset();
        LOG.warn("clock back to the system's");
        return new Now(clock.instant());
    }

    private void requireSettable() {
        if (!settable) {
            throw ProblemException.notFound("/local/clock");
        }
    }
}

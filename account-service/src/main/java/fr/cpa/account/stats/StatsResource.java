package fr.cpa.account.stats;

import fr.cpa.platform.security.Roles;
import fr.cpa.platform.stats.StatsPeriod;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;

@Path("/api/v1/stats/accounts")
@Tag(name = "Statistics")
@SecurityRequirement(name = "bearer")
public class StatsResource {

    /** The default period: the last 12 months, today included (STATS.md). */

    private final StatsService stats;

    StatsResource(StatsService stats) {
        this.stats = stats;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
    @Operation(summary = "Accounts statistics: declarations per day, rejection rate and reasons, holders by situation "
            + "(advisor, admin)",
            description = "Aggregated and non-personal, computed in SQL. from/to (YYYY-MM-DD, UTC days, both included) "
                    + "bound the declarations; default the last 12 months. holdersByStatus is as of today.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AccountStats.class),
            examples = @ExampleObject(name = "a day", value = """
                    {"asOf": "2026-03-03T08:00:00Z",
                     "declarationsByDay": [{"date": "2026-03-02", "received": 10, "accepted": 9, "rejected": 1, "employeeMonths": 1200}],
                     "rejectionRate": 0.1,
                     "topRejectionReasons": [{"reason": "employees[].nir: is not a valid NIR (15 characters whose last two are the key 97 − number mod 97)", "count": 1}],
                     "holdersByStatus": [{"status": "EMPLOYEE", "count": 120}]}""")))
    @APIResponse(responseCode = "400", description = "from or to is not a date, or from is after to")
    @APIResponse(responseCode = "401", description = "no token")
    @APIResponse(responseCode = "403", description = "neither advisor nor admin")
    public AccountStats accounts(@QueryParam("from") String from, @QueryParam("to") String to) {
        StatsPeriod period = StatsPeriod.of(from, to, Clock.systemUTC());
        return stats.accounts(period.from(), period.to());
    }
}

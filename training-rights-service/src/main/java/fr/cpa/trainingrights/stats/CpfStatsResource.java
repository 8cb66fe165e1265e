package fr.cpa.trainingrights.stats;

import fr.cpa.platform.problem.Problem;
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

@Path("/api/v1/stats/cpf")
@Tag(name = "Statistics")
@SecurityRequirement(name = "jwt")
public class CpfStatsResource {

    /** The default period: the last 12 months, today included (STATS.md). */

    private final CpfStatsService stats;

    private final Clock clock;

    CpfStatsResource(CpfStatsService stats, Clock clock) {
        this.clock = clock;
        this.stats = stats;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
    @Operation(summary = "CPF statistics: credits by year, kind and funder type; money held, captured and released by month (advisor, admin)",
            description = "Aggregated and non-personal, computed in SQL. from/to (YYYY-MM-DD, UTC days, both included) bound the "
                    + "entries' dates; default the last 12 months. creditsByYear: the year of activity for acquisitions (CORRECTION "
                    + "entries counted with them, signed), else the entry's year; kinds ACQUISITION, CONVERSION, TOP_UP, CEC, C2P; "
                    + "funderType only for top-ups (EMPLOYER, OPCO, REGION, FRANCE_TRAVAIL, STATE, AGEFIPH, HOLDER, "
                    + "SOCIAL_SECURITY); a top-up withdrawn (the region's young-without-diploma top-up given back) counts "
                    + "negatively. REFUND entries are in neither list.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CpfStats.class), examples = @ExampleObject(name = "a year", value = """
                    {"asOf": "2026-03-03T08:00:00Z",
                     "creditsByYear": [{"year": 2025, "kind": "ACQUISITION", "funderType": null, "entries": 12, "amount": {"amount": 600000, "currency": "EUR"}},
                                       {"year": 2026, "kind": "TOP_UP", "funderType": "OPCO", "entries": 2, "amount": {"amount": 240000, "currency": "EUR"}}],
                     "spendingByMonth": [{"month": "2026-03", "held": {"amount": 150000, "currency": "EUR"},
                                          "captured": {"amount": 120000, "currency": "EUR"}, "released": {"amount": 30000, "currency": "EUR"}}]}""")))
    @APIResponse(responseCode = "400", description = "from or to is not a date, or from is after to",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "no token")
    @APIResponse(responseCode = "403", description = "neither advisor nor admin")
    public CpfStats cpf(@QueryParam("from") String from, @QueryParam("to") String to) {
        StatsPeriod period = StatsPeriod.of(from, to, clock);
        return stats.cpf(period.from(), period.to());
    }
}

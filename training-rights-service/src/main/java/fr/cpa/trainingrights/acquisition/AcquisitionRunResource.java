package fr.cpa.trainingrights.acquisition;

import fr.cpa.platform.problem.Problem;
import fr.cpa.platform.problem.ProblemException;
import fr.cpa.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

@Path("/api/v1/admin/acquisition-runs")
@Tag(name = "CPF administration")
@SecurityRequirement(name = "jwt")
public class AcquisitionRunResource {

    static final int FIRST_YEAR = 2015;

    /** {@code {"year": 2025}} */
    @Schema(name = "AcquisitionRunRequest")
    public record StartRun(@Schema(required = true, example = "2025") Integer year) {
    }

    private final AcquisitionRuns runs;
    private final Clock clock;

    AcquisitionRunResource(AcquisitionRuns runs, Clock clock) {
        this.runs = runs;
        this.clock = clock;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start the yearly acquisition run of a year (admin); one run per year, a repeat returns it",
            description = "Credits every open account for the year's activity, once per (holder, year). Runs in the background "
                    + "on every replica (chunks claimed with FOR UPDATE SKIP LOCKED) and resumes after a crash.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "2025", value = "{\"year\": 2025}")))
    @APIResponse(responseCode = "202", description = "started; follow Location for progress")
    @APIResponse(responseCode = "200", description = "the run of that year already exists")
    @APIResponse(responseCode = "400", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response start(StartRun request) {
        int maxYear = LocalDate.now(clock).getYear() - 1;
        if (request == null || request.year() == null) {
            throw ProblemException.invalid("year", "is required");
        }
        if (request.year() < FIRST_YEAR || request.year() > maxYear) {
            throw ProblemException.invalid("year", "between " + FIRST_YEAR + " and " + maxYear + " (year N is credited in N+1)");
        }
        AcquisitionRuns.StartResult result = runs.start(request.year());
        URI location = URI.create("/api/v1/admin/acquisition-runs/" + result.run().id());
        return (result.created() ? Response.accepted(result.run()) : Response.ok(result.run()))
                .location(location).build();
    }

    @GET
    @Path("/{runId}")
    @RolesAllowed(Roles.ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Progress of an acquisition run (admin)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "running", value = """
            {"id": "0b6f3a52-54a4-4c8e-9b59-2a7f0e0c1d11", "year": 2025, "status": "RUNNING", "total": 1000000,
             "done": 412000, "credited": 398117, "failed": 0, "pending": 588000,
             "startedAt": "2026-03-02T02:00:00Z", "finishedAt": null}""")))
    public AcquisitionRuns.RunView progress(@PathParam("runId") UUID runId) {
        return runs.find(runId).orElseThrow(() -> ProblemException.notFound("acquisition run " + runId));
    }
}

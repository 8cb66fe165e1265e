package fr.cpa.civic.engagement;

import fr.cpa.platform.idempotency.IdempotentRequests;
import fr.cpa.platform.problem.ProblemException;
import fr.cpa.platform.security.Caller;
import fr.cpa.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Engagements: declared by volunteers or responsible bodies, validated by associations. */
@Path("/api/v1")
@Tag(name = "CEC engagements")
@SecurityRequirement(name = "bearer")
public class EngagementResource {

    private final EngagementService engagements;
    private final IdempotentRequests idempotency;
    private final Caller caller;

    EngagementResource(EngagementService engagements, IdempotentRequests idempotency, Caller caller) {
        this.engagements = engagements;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Path("holders/{id}/engagements")
    @RolesAllowed({Roles.HOLDER, Roles.ADVISOR})
    @Operation(summary = "Declare a year of association volunteering (the holder themselves, advisor)",
            description = "One engagement per association, PENDING until the association decides. Year N is "
                    + "declared from 1 January to 30 June of N+1; outside that window 422. An association already "
                    + "declared for the year gives 409.")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "two associations",
            value = """
                    {"year": 2023, "associations": [
                      {"rna": "W751234567", "siret": "73282932000074", "hours": 120, "role": "BOARD_MEMBER"},
                      {"rna": "W691234567", "hours": 90, "role": "VOLUNTEER_SUPERVISOR"}]}""")))
    @APIResponse(responseCode = "201", description = "declared; each association's engagement is PENDING")
    @APIResponse(responseCode = "400", description = "invalid field(s), each named")
    @APIResponse(responseCode = "403", description = "another holder")
    @APIResponse(responseCode = "409", description = "an association is already declared for the year")
    @APIResponse(responseCode = "422", description = "outside the declaration window")
    public Response declare(@PathParam("id") UUID holderId, @NotNull @Valid DeclarationRequest body) {
        caller.requireHolder(holderId);
        List<EngagementView> declared = engagements.declare(holderId, body);
        return Response.created(URI.create("/api/v1/holders/" + holderId + "/engagements")).entity(declared).build();
    }

    @GET
    @Path("holders/{id}/engagements")
    @RolesAllowed({Roles.HOLDER, Roles.ADVISOR, Roles.ADMIN, Roles.SERVICE})
    @Operation(summary = "The holder's engagements with their status (the holder themselves, advisor, admin, service)")
    public List<EngagementView> ofHolder(@PathParam("id") UUID holderId) {
        caller.requireHolder(holderId);
        return engagements.ofHolder(holderId);
    }

    @GET
    @Path("associations/{rna}/engagements")
    @RolesAllowed({Roles.ASSOCIATION, Roles.ADVISOR, Roles.ADMIN})
    @Operation(summary = "Engagements declared with an association (its validator, bound to the RNA number; advisor, admin)",
            description = "By default the PENDING ones, waiting for a decision; ?status= for others (LAPSED: not decided "
                    + "by 31 December of the year after the activity).")
    public List<EngagementView> ofAssociation(@PathParam("rna") String rna,
            @Parameter(description = "PENDING (default), VALIDATED, REJECTED or LAPSED") @QueryParam("status") String status) {
        caller.requireAssociation(rna);
        EngagementStatus wanted;
        try {
            wanted = status == null ? EngagementStatus.PENDING : EngagementStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "must be one of PENDING, VALIDATED, REJECTED, LAPSED");
        }
        return engagements.ofAssociation(rna, wanted);
    }

    @POST
    @Path("engagements/{id}/validation")
    @RolesAllowed({Roles.ASSOCIATION, Roles.ADVISOR})
    @Operation(summary = "Validate or reject a volunteer's hours (the association's validator, advisor)",
            description = "Until 31 December of the year after the activity; later the engagement LAPSES (422). "
                    + "Validating states the association's registration date; the year is credited once when the "
                    + "validated hours qualify (200 h, 100 h in one association, role, registration age), and "
                    + "CecCredited is emitted.")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "validate",
            value = "{\"decision\": \"VALIDATED\", \"associationRegisteredOn\": \"2015-03-01\"}")))
    @APIResponse(responseCode = "200", description = "decided; explanation says what it did to the CEC")
    @APIResponse(responseCode = "403", description = "another association's volunteer")
    @APIResponse(responseCode = "409", description = "already decided")
    @APIResponse(responseCode = "422", description = "the validation period is over: the engagement lapsed")
    public EngagementView decide(@PathParam("id") UUID id, @NotNull @Valid ValidationRequest body) {
        EngagementService.Decided decided = engagements.decide(id, body);
        if (decided.lapsed()) {
            throw ProblemException.unprocessable("validation-period-over", "engagement " + id + " of "
                    + decided.engagement().year() + " could be validated until "
                    + decided.engagement().validationDeadline() + "; it has lapsed and earns nothing");
        }
        return decided.engagement();
    }

    @POST
    @Path("engagements/batch")
    @RolesAllowed({Roles.SERVICE})
    @Operation(summary = "Record activities attested by their responsible body (role service)",
            description = "Idempotent by the body's reference: the same reference and body replay the first answer, "
                    + "the same reference with another body gives 422. Each activity is assessed against the "
                    + "minimums of its year and credits its category once.")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "firefighters",
            value = """
                    {"reference": "SDIS-69-2024-01", "engagements": [
                      {"holderId": "7c1e2f0a-3b4d-4e5f-8a9b-0c1d2e3f4a5b", "year": 2024, "kind": "VOLUNTEER_FIREFIGHTER", "engagementYears": 5}]}""")))
    @APIResponse(responseCode = "200", description = "recorded, each with what it earned and why")
    @APIResponse(responseCode = "400", description = "invalid field(s), each named")
    @APIResponse(responseCode = "422", description = "reference reused with another body")
    public Response batch(@NotNull @Valid BatchRequest body) {
        return idempotency.handle(body.reference(), "engagements.batch:" + caller.name(), body,
                () -> Response.ok(engagements.recordBatch(body)).build());
    }
}

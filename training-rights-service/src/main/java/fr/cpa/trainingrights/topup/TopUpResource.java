package fr.cpa.trainingrights.topup;

import fr.cpa.platform.idempotency.IdempotentRequests;
import fr.cpa.platform.problem.Problem;
import fr.cpa.platform.security.Caller;
import fr.cpa.platform.security.Roles;
import fr.cpa.trainingrights.account.CpfResource;
import fr.cpa.trainingrights.ledger.CpfEntry;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

@Path("/api/v1/holders/{id}/cpf/top-ups")
@Tag(name = "CPF")
@SecurityRequirement(name = "jwt")
public class TopUpResource {

    private final Caller caller;
    private final TopUpService service;
    private final TopUpFunders funders;
    private final IdempotentRequests idempotency;
    private final CpfResource entries;

    private final Clock clock;

    TopUpResource(Caller caller, TopUpService service, TopUpFunders funders, IdempotentRequests idempotency,
                  CpfResource entries, Clock clock) {
        this.clock = clock;
        this.caller = caller;
        this.service = service;
        this.funders = funders;
        this.idempotency = idempotency;
        this.entries = entries;
    }

    @POST
    @RolesAllowed({Roles.EMPLOYER, Roles.ADVISOR, Roles.ADMIN, Roles.SERVICE})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Top up a holder's CPF (abondement, outside the cap): employer (bound by its SIRET), advisor, admin, service; Idempotency-Key required",
            description = "An employer's token records only funder type EMPLOYER (CORRECTIVE, COLLECTIVE_AGREEMENT_REFUSAL,"
                    + " VOLUNTARY) and only for a holder one of its SIRETs has declared in a payroll declaration; the"
                    + " other funder types (OPCO, public funders, the holder) and WORK_ACCIDENT are recorded by advisors,"
                    + " admins and platform services.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TopUpRequest.class), examples = {
            @ExampleObject(name = "voluntary, earmarked", value = """
                    {"kind": "VOLUNTARY", "amount": {"amount": 120000, "currency": "EUR"}, "funderType": "OPCO",
                     "earmarkedTo": ["RNCP35185"], "reference": "OPCO-2026-0042"}"""),
            @ExampleObject(name = "corrective", value = "{\"kind\": \"CORRECTIVE\", \"funderType\": \"EMPLOYER\"}"),
            @ExampleObject(name = "work accident", value = """
                    {"kind": "WORK_ACCIDENT", "funderType": "SOCIAL_SECURITY", "incapacityPercent": 12, "reference": "AT-2025-778812"}""")}))
    @APIResponse(responseCode = "201", description = "the TOP_UP entry, in its own pot")
    @APIResponse(responseCode = "400", description = "bad fields, or no Idempotency-Key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "an employer whose SIRETs never declared this holder (or a token without SIRET)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "funder-not-allowed: an employer naming another funder type than"
            + " EMPLOYER, or the work-accident top-up (errors name funderType and kind); account-closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response topUp(@PathParam("id") UUID holderId,
                          @Parameter(description = "required: a retry with the same key returns the first answer")
                          @HeaderParam(IdempotentRequests.HEADER) String key,
                          TopUpRequest request) {
        // ownership first: an employer learns nothing of a holder its establishments never declared
        TopUpFunders.Funder funder = funders.of(holderId);
        return idempotency.require(key, "cpf.top-ups:" + caller.name() + ":" + holderId, request, () -> {
            CpfEntry entry = service.topUp(holderId, request, funder, LocalDate.now(clock));
            return Response.created(URI.create("/api/v1/holders/" + holderId + "/cpf/entries/" + entry.id))
                    .entity(entries.view(entry)).build();
        });
    }
}

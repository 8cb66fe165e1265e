package fr.cpa.trainingrights.refund;

import fr.cpa.platform.idempotency.IdempotentRequests;
import fr.cpa.platform.problem.Problem;
import fr.cpa.platform.problem.ProblemException;
import fr.cpa.platform.security.Caller;
import fr.cpa.platform.security.Roles;
import fr.cpa.trainingrights.account.CpfResource;
import fr.cpa.trainingrights.ledger.CpfEntry;
import fr.cpa.trainingrights.ledger.EntryView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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

import java.util.List;
import java.util.UUID;

@Path("/api/v1/holders/{id}/cpf/refunds")
@Tag(name = "CPF")
@SecurityRequirement(name = "jwt")
public class RefundResource {

    /** The refund's entries, one per pot given back. */
    public record RefundView(UUID enrolmentId, fr.cpa.platform.money.Money amount, List<EntryView> entries) {
    }

    private final Caller caller;
    private final Refunds refunds;
    private final IdempotentRequests idempotency;
    private final CpfResource views;

    RefundResource(Caller caller, Refunds refunds, IdempotentRequests idempotency, CpfResource views) {
        this.caller = caller;
        this.refunds = refunds;
        this.idempotency = idempotency;
        this.views = views;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.SERVICE})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record what a training organisation paid back for an enrolment (admin, or the catalogue service acting for the organisation); Idempotency-Key required",
            description = "The amount goes back to the pots the enrolment was paid from, the last spent first (REFUND entries); "
                    + "a top-up granted for that enrolment only (the region's young-without-diploma top-up) is withdrawn by what it gets back. "
                    + "At most what was captured and not yet refunded. A cancellation with full re-credit after the capture is refunded "
                    + "automatically from EnrolmentCancelled.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RefundRequest.class), examples = @ExampleObject(name = "training ended early", value = """
                    {"enrolmentId": "8d7e2f4a-9c51-4b0e-a3c2-1f6b5e7d9a10", "amount": {"amount": 84000, "currency": "EUR"},
                     "reason": "training ended after 3 of 10 days"}""")))
    @APIResponse(responseCode = "201", description = "the REFUND entries", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "refund", value = """
                    {"enrolmentId": "8d7e2f4a-9c51-4b0e-a3c2-1f6b5e7d9a10", "amount": {"amount": 84000, "currency": "EUR"},
                     "entries": [{"kind": "REFUND", "pot": "ORDINARY", "amount": {"amount": 84000, "currency": "EUR"}}]}""")))
    @APIResponse(responseCode = "400", description = "bad fields, no Idempotency-Key, or more than is refundable",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "nothing was captured for this enrolment on this CPF",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response refund(@PathParam("id") UUID holderId,
                           @Parameter(description = "required: a retry with the same key returns the first answer")
                           @HeaderParam(IdempotentRequests.HEADER) String key,
                           @Valid @NotNull RefundRequest request) {
        if (request.amount().amount() <= 0) {
            throw ProblemException.invalid("amount.amount", "must be positive");
        }
        return idempotency.require(key, "cpf.refunds:" + caller.name() + ":" + holderId, request, () -> {
            List<CpfEntry> entries = refunds.refund(holderId, request, caller.subject());
            return Response.status(Response.Status.CREATED)
                    .entity(new RefundView(request.enrolmentId(), request.amount(), entries.stream().map(views::view).toList())).build();
        });
    }
}

package fr.cpa.hardship.use;

import fr.cpa.platform.idempotency.IdempotentRequests;
import fr.cpa.platform.security.Caller;
import fr.cpa.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/holders/{id}/c2p/uses")
@Tag(name = "C2P")
@SecurityRequirement(name = "bearer")
public class UseResource {

    private final Caller caller;
    private final UseService uses;
    private final IdempotentRequests idempotency;

    UseResource(Caller caller, UseService uses, IdempotentRequests idempotency) {
        this.caller = caller;
        this.uses = uses;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.HOLDER)
    @Operation(summary = "Use C2P points (role: the holder themselves, with a login of level substantial)",
            description = "TRAINING (point by point) and RECONVERSION credit the CPF with their euro value (event "
                    + "C2pPointsConverted); PART_TIME and RETIREMENT use blocks of 10 points. Every use also sends "
                    + "C2pPointsUsed with the points left. A refusal (422) lists every reason. Accepts an Idempotency-Key.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = UseRequest.class),
            examples = @ExampleObject(name = "training", value = "{\"use\": \"TRAINING\", \"points\": 10}")))
    @APIResponse(responseCode = "201", description = "applied", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = UseView.class), examples = @ExampleObject(name = "training", value = """
                    {"id": "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a", "use": "TRAINING", "points": 10, "usedOn": "2026-11-26", \
                    "amount": {"amount": 500000, "currency": "EUR"}, "minutes": null, "quarters": null, "explanation": \
                    ["TRAINING: 10 points × 500 € (rate from 2023-09-01, R4163-12, décret 2023-760 (500 € per point)) = 5000 € on the CPF, without co-payment", \
                    "balance 24 → 14 points"]}""")))
    @APIResponse(responseCode = "422", description = "refused by the rules; errors lists every reason",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "400", description = "invalid request", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "401", description = "no token, or a login weaker than substantial (acr)",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "403", description = "another holder's account", content = @Content(mediaType = "application/problem+json"))
    public Response use(@PathParam("id") UUID holderId, @HeaderParam(IdempotentRequests.HEADER) String key, UseRequest request) {
        caller.requireHolder(holderId);
        // converting points to CPF euros, part-time or retirement quarters cannot be undone
        caller.requireStrongLogin("using C2P points");
        return idempotency.handle(key, "c2p.uses:" + holderId, request, () -> {
            UseView view = uses.use(holderId, request);
            return Response.created(URI.create("/api/v1/holders/" + holderId + "/c2p/uses/" + view.id())).entity(view).build();
        });
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.HOLDER, Roles.ADVISOR, Roles.ADMIN, Roles.SERVICE})
    @Operation(summary = "The holder's applied uses of points, oldest first (roles: the holder themselves, advisor, admin, service)")
    public List<UseView> list(@PathParam("id") UUID holderId) {
        caller.requireHolder(holderId);
        return C2pUse.of(holderId).stream().map(UseView::of).toList();
    }
}

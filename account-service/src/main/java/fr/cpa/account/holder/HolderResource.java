package fr.cpa.account.holder;

import fr.cpa.account.nir.Nir;
import fr.cpa.account.nir.NirProtector;
import fr.cpa.platform.idempotency.IdempotentRequests;
import fr.cpa.platform.problem.ProblemException;
import fr.cpa.platform.security.Caller;
import fr.cpa.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.UUID;

@Path("/api/v1/holders")
@Tag(name = "Holders")
@SecurityRequirement(name = "bearer")
public class HolderResource {

    private final HolderService holders;
    private final IdempotentRequests idempotency;
    private final Caller caller;
    private final NirProtector nirProtector;

    HolderResource(HolderService holders, IdempotentRequests idempotency, Caller caller, NirProtector nirProtector) {
        this.holders = holders;
        this.idempotency = idempotency;
        this.caller = caller;
        this.nirProtector = nirProtector;
    }

    /**
     * What a retry is compared on. The idempotency record keeps an unkeyed SHA-256 of it, and the holder's
     * names and birth date sit in clear beside it: with the plain NIR in it, the hash would give the NIR
     * back to a search over the ~10^8 numbers that birth date allows. The keyed look-up hash stands in.
     */
    private record RegistrationFingerprint(String nirHash, String lastName, String firstName, LocalDate birthDate) {
    }

    private RegistrationFingerprint fingerprint(RegisterHolderRequest body) {
        // @ValidNir has passed: the NIR parses
        Nir nir = Nir.parse(body.nir()).orElseThrow();
        return new RegistrationFingerprint(HexFormat.of().formatHex(nirProtector.lookupHash(nir)),
                body.lastName(), body.firstName(), body.birthDate());
    }

    @POST
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN, Roles.SERVICE})
    @Operation(summary = "Register a holder (roles advisor, admin, service)",
            description = "Validates the NIR (key, Corsica 2A/2B) against the birth date, stores it encrypted and "
                    + "emits HolderRegistered. A NIR already registered gives 409.")
    @APIResponse(responseCode = "201", description = "registered")
    @APIResponse(responseCode = "400", description = "invalid field(s), each named")
    @APIResponse(responseCode = "409", description = "a holder with this NIR exists")
    public Response register(
            @Parameter(description = "retry key: a replay returns the first answer")
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @NotNull @Valid RegisterHolderRequest body) {
        return idempotency.handle(idempotencyKey, "holders.register:" + caller.name(), fingerprint(body), () -> {
            HolderView holder = holders.register(body);
            return Response.created(URI.create("/api/v1/holders/" + holder.id())).entity(holder).build();
        });
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.HOLDER, Roles.ADVISOR, Roles.ADMIN, Roles.SERVICE})
    @Operation(summary = "A holder's identity (the holder themselves, advisor, admin, service)")
    public HolderView get(@PathParam("id") UUID id) {
        caller.requireHolder(id);
        return holders.find(id).orElseThrow(() -> ProblemException.notFound("holder " + id));
    }
}

package fr.cpa.account.declaration;

import fr.cpa.platform.idempotency.IdempotentRequests;
import fr.cpa.platform.problem.ProblemException;
import fr.cpa.platform.security.Caller;
import fr.cpa.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
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

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.UUID;
import java.util.regex.Pattern;

@Path("/api/v1/declarations")
@Tag(name = "Declarations")
@SecurityRequirement(name = "bearer")
public class DeclarationResource {

    private static final int MAX_PAGE_SIZE = 100;
    private static final Pattern PERIOD = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

    private final DeclarationService declarations;
    private final Caller caller;

    DeclarationResource(DeclarationService declarations, Caller caller) {
        this.declarations = declarations;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EMPLOYER)
    @Operation(summary = "Push a monthly payroll declaration (role employer, for the token's own SIRET)",
            description = "One establishment and one month, up to 50 000 employees, read as a stream. Validated as a "
                    + "whole: any error refuses it all, listing every error by JSON path (employees[42].nir). "
                    + "Idempotent by declarationId (same id and same body: the stored declaration, header "
                    + "Idempotency-Replayed; same id, other body: 409). A new declarationId for a SIRET and month "
                    + "already declared replaces it (annule et remplace): the new version's ActivityDeclared and "
                    + "ExposureDeclared carry the corrected figures and overwrite the replaced version's, then an "
                    + "ActivityWithdrawn or ExposureWithdrawn follows only for what the new version no longer declares. "
                    + "Hardship factors (exposures) come in the December declaration or in the month the contract "
                    + "ends, for private-law employees only, for at most the months the contract ran that year.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DeclarationRequest.class),
            examples = @ExampleObject(name = "one employee", value = """
                    {"declarationId": "d3c1a2b4-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "siret": "73282932000074", "period": "2025-03",
                     "employees": [{"nir": "184127645108946", "lastName": "Durand", "firstName": "Paul", "birthDate": "1984-12-10",
                       "contract": {"nature": "CDI", "start": "2020-01-01", "end": null, "status": "EMPLOYEE", "category": null},
                       "timeUnit": "HOURS", "paidTime": 151.67, "referenceTime": 151.67, "partTimeRate": 100, "grossPay": null,
                       "absences": [{"kind": "MATERNITY", "hours": 35}], "exposures": []}]}""")))
    @APIResponse(responseCode = "201", description = "accepted",
            content = @Content(schema = @Schema(implementation = DeclarationView.class)))
    @APIResponse(responseCode = "200", description = "a replay of an accepted declaration")
    @APIResponse(responseCode = "400", description = "refused: every error, by JSON path")
    @APIResponse(responseCode = "403", description = "the SIRET is not the token's")
    @APIResponse(responseCode = "409", description = "this declarationId was used with another body")
    public Response submit(InputStream body) throws IOException {
        DeclarationService.Outcome outcome = declarations.submit(body, caller::requireSiret, caller.name());
        URI location = URI.create("/api/v1/declarations/" + outcome.view().declarationId());
        if (outcome.replayed()) {
            return Response.ok(outcome.view()).location(location).header(IdempotentRequests.REPLAYED, "true").build();
        }
        return Response.created(location).entity(outcome.view()).build();
    }

    @GET
    @RolesAllowed({Roles.EMPLOYER, Roles.ADVISOR, Roles.ADMIN, Roles.SERVICE})
    @Operation(summary = "The declarations of a SIRET, optionally of one month (employer: its own SIRET; staff)",
            description = "Every version, newest first, with status (ACCEPTED or REPLACED) and counts.")
    public DeclarationView.Page list(@QueryParam("siret") String siret, @QueryParam("period") String period,
                                     @QueryParam("page") @DefaultValue("0") int page,
                                     @QueryParam("size") @DefaultValue("20") int size) {
        if (siret == null || siret.isBlank()) {
            throw ProblemException.invalid("siret", "must be given");
        }
        caller.requireSiret(siret);
        if (period != null && !PERIOD.matcher(period).matches()) {
            throw ProblemException.invalid("period", "must be a month, YYYY-MM");
        }
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw ProblemException.invalid(size < 1 || size > MAX_PAGE_SIZE ? "size" : "page",
                    "page ≥ 0 and size from 1 to " + MAX_PAGE_SIZE);
        }
        return declarations.list(siret, period, page, size);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.EMPLOYER, Roles.ADVISOR, Roles.ADMIN, Roles.SERVICE})
    @Operation(summary = "One declaration version, its status and counts (employer: its own SIRET; staff)")
    public DeclarationView get(@PathParam("id") UUID id) {
        DeclarationView view = declarations.find(id).orElseThrow(() -> ProblemException.notFound("declaration " + id));
        caller.requireSiret(view.siret());
        return view;
    }
}

package fr.cpa.catalogue.organisation;

import fr.cpa.platform.security.Caller;
import fr.cpa.platform.problem.ProblemException;
import fr.cpa.platform.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

@Path("/api/v1/organisations")
@Tag(name = "Training organisations")
@SecurityRequirement(name = "bearer")
public class OrganisationResource {

    private final OrganisationService organisations;
    private final Caller caller;

    OrganisationResource(OrganisationService organisations, Caller caller) {
        this.organisations = organisations;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.TRAINING_ORG, Roles.ADMIN})
    @Operation(summary = "Register a training organisation (training-org for its own SIRET, admin)",
            description = "The SIRET must pass the Luhn check (La Poste's digit-sum rule excepted). A second "
                    + "registration of the same SIRET gives 409. The Qualiopi certificate is recorded by staff once "
                    + "checked (PUT …/qualiopi), or here by an admin; an organisation giving its own gets 400.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "organisation", value = """
            {"siret": "78959578200051", "name": "FORMALTIC", "declarationNumber": "76341234534",
             "qualiopi": {"certificate": "QUALIOPI-2024-01234", "validUntil": "2027-03-31"}}""")))
    @APIResponse(responseCode = "201", description = "registered")
    @APIResponse(responseCode = "400", description = "invalid field(s), each named")
    @APIResponse(responseCode = "403", description = "the token is bound to another SIRET")
    @APIResponse(responseCode = "409", description = "already registered")
    public Response register(@NotNull @Valid OrganisationApi.RegisterRequest body) {
        caller.requireSiret(body.siret());
        if (body.qualiopi() != null && !caller.isStaff()) {
            // the certificate decides whether the CPF may pay the organisation: never its own word
            throw ProblemException.invalid("qualiopi", "is recorded by staff once the certificate is checked "
                    + "(PUT /api/v1/organisations/{siret}/qualiopi); register without it");
        }
        OrganisationApi.OrganisationView view = organisations.register(body);
        return Response.created(URI.create("/api/v1/organisations/" + view.siret())).entity(view).build();
    }

    @GET
    @Path("{siret}")
    @PermitAll
    @Operation(summary = "A training organisation (public)")
    public OrganisationApi.OrganisationView get(@PathParam("siret") String siret) {
        return organisations.find(siret);
    }

    /**
     * Staff only: the certificate decides whether the organisation may be paid with the CPF (L6316-1), so an
     * organisation may not record or extend its own; it reads it, like anyone, through {@link #get}.
     */
    @PUT
    @Path("{siret}/qualiopi")
    @RolesAllowed({Roles.ADMIN, Roles.ADVISOR})
    @Operation(summary = "Record the organisation's Qualiopi certificate (admin, advisor)",
            description = "Decides whether its offers may be published and its trainings paid with the CPF. "
                    + "An organisation cannot record nor extend its own certificate (403); it reads it through GET.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "certificate",
            value = "{\"certificate\": \"QUALIOPI-2024-01234\", \"validUntil\": \"2027-03-31\"}")))
    @APIResponse(responseCode = "400", description = "invalid field(s), each named")
    @APIResponse(responseCode = "403", description = "not staff (an organisation's own token included)")
    @APIResponse(responseCode = "404", description = "no such organisation")
    public OrganisationApi.OrganisationView qualiopi(@PathParam("siret") String siret,
                                                     @NotNull @Valid OrganisationApi.Qualiopi body) {
        return organisations.setQualiopi(siret, body);
    }

    @PUT
    @Path("{siret}/status")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Suspend or reactivate an organisation (admin)",
            description = "A suspended organisation cannot publish and its offers leave the public search while it is suspended.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "suspend", value = "{\"status\": \"SUSPENDED\"}")))
    public OrganisationApi.OrganisationView status(@PathParam("siret") String siret,
                                                   @NotNull @Valid OrganisationApi.StatusRequest body) {
        return organisations.setStatus(siret, body.status());
    }
}

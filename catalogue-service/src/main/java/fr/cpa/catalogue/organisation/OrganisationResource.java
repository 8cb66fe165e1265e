package fr.cpa.catalogue.organisation;

import fr.cpa.platform.security.Caller;
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
                    + "registration of the same SIRET gives 409.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "organisation", value = """
            {"siret": "78959578200051", "name": "FORMALTIC", "declarationNumber": "76341234534",
             "qualiopi": {"certificate": "QUALIOPI-2024-01234", "validUntil": "2027-03-31"}}""")))
    @APIResponse(responseCode = "201", description = "registered")
    @APIResponse(responseCode = "400", description = "invalid field(s), each named")
    @APIResponse(responseCode = "403", description = "the token is bound to another SIRET")
    @APIResponse(responseCode = "409", description = "already registered")
    public Response register(@NotNull @Valid OrganisationApi.RegisterRequest body) {
        caller.requireSiret(body.siret());
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

    @PUT
    @Path("{siret}/qualiopi")
    @RolesAllowed({Roles.TRAINING_ORG, Roles.ADMIN})
    @Operation(summary = "Record the organisation's Qualiopi certificate (training-org for its own SIRET, admin)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "certificate",
            value = "{\"certificate\": \"QUALIOPI-2024-01234\", \"validUntil\": \"2027-03-31\"}")))
    public OrganisationApi.OrganisationView qualiopi(@PathParam("siret") String siret,
                                                     @NotNull @Valid OrganisationApi.Qualiopi body) {
        caller.requireSiret(siret);
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

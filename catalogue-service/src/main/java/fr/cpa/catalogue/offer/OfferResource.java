package fr.cpa.catalogue.offer;

import fr.cpa.catalogue.rules.CatalogueParameters;
import fr.cpa.platform.problem.ProblemException;
import fr.cpa.platform.security.Caller;
import fr.cpa.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

/**
 * An organisation manages its own offers and sessions: every path carries its SIRET, which the token
 * must be bound to ({@code siret} claim); admins pass.
 */
@Path("/api/v1/organisations/{siret}/offers")
@Tag(name = "Offers (organisation side)")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Roles.TRAINING_ORG, Roles.ADMIN})
public class OfferResource {

    static final String OFFER_EXAMPLE = """
            {"number": "78959578200051_M-FOR1512", "title": "Photoshop sur mesure",
             "objective": "Retoucher et composer des images", "content": "<ul><li>Calques</li><li>Masques</li></ul>",
             "certificationType": "RS", "certificationCode": "RS6204", "certificationTitle": "Tosa Photoshop",
             "formacodes": ["46006"], "romeCodes": ["E1205"], "durationMinutes": 1260,
             "price": {"amount": 233000, "currency": "EUR"}, "modality": "ON_SITE", "departmentCode": "34"}""";

    /** Volunteer-mission training: no register code; CPF-payable, with CEC money only (training-rights decides). */
    static final String VOLUNTEER_OFFER_EXAMPLE = """
            {"number": "78959578200051_BENEVOLES-01", "title": "Gérer la trésorerie d'une association",
             "objective": "Tenir les comptes d'une association en tant que trésorier bénévole",
             "content": "<ul><li>Budget</li><li>Comptes annuels</li></ul>",
             "certificationType": "VOLUNTEER_TRAINING", "certificationTitle": "Formation des bénévoles et volontaires",
             "durationMinutes": 840,
             "price": {"amount": 42000, "currency": "EUR"}, "modality": "ON_SITE", "departmentCode": "34"}""";

    private final OfferService offers;
    private final Caller caller;

    OfferResource(OfferService offers, Caller caller) {
        this.offers = offers;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The organisation's offers, drafts included (training-org for its own SIRET, admin)")
    public OfferApi.OfferPage list(@PathParam("siret") String siret,
                                   @QueryParam("page") @DefaultValue("0") int page,
                                   @QueryParam("size") @DefaultValue("20") int size) {
        caller.requireSiret(siret);
        if (page < 0) {
            throw ProblemException.invalid("page", "must be 0 or more");
        }
        return offers.list(siret, page, Math.max(1, Math.min(size, CatalogueParameters.MAX_PAGE_SIZE)));
    }

    @POST
    @Operation(summary = "Create an offer as a draft (training-org for its own SIRET, admin)",
            description = "Whether the offer is CPF-payable follows from its certification type (L6323-6). RNCP and RS"
                    + " need their certificationCode; the other types none. VOLUNTEER_TRAINING (formation des bénévoles"
                    + " et volontaires) is CPF-payable with the holder's CEC money only, and the one purchase a retired"
                    + " holder may still make.")
    @RequestBody(content = @Content(examples = {@ExampleObject(name = "offer", value = OFFER_EXAMPLE),
            @ExampleObject(name = "volunteer-training", value = VOLUNTEER_OFFER_EXAMPLE)}))
    @APIResponse(responseCode = "201", description = "created as DRAFT")
    @APIResponse(responseCode = "400", description = "invalid field(s), each named")
    @APIResponse(responseCode = "403", description = "the token is bound to another SIRET")
    @APIResponse(responseCode = "409", description = "an offer with this number exists")
    public Response create(@PathParam("siret") String siret, @NotNull @Valid OfferApi.OfferRequest body) {
        caller.requireSiret(siret);
        OfferApi.OfferView view = offers.create(siret, body);
        return Response.created(URI.create("/api/v1/organisations/" + siret + "/offers/" + view.id())).entity(view).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One of the organisation's offers with its sessions (training-org for its own SIRET, admin)")
    public OfferApi.OfferView get(@PathParam("siret") String siret, @PathParam("id") UUID id) {
        caller.requireSiret(siret);
        return offers.get(siret, id);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Replace an offer's fields (training-org for its own SIRET, admin)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "offer", value = OFFER_EXAMPLE)))
    public OfferApi.OfferView update(@PathParam("siret") String siret, @PathParam("id") UUID id,
                                     @NotNull @Valid OfferApi.OfferRequest body) {
        caller.requireSiret(siret);
        return offers.update(siret, id, body);
    }

    @POST
    @Path("{id}/publish")
    @Operation(summary = "Publish an offer in the public catalogue (training-org for its own SIRET, admin)",
            description = "Refused (422 qualiopi-required) unless the organisation is active and holds a Qualiopi "
                    + "certificate valid today (C. trav. L6316-1).")
    @APIResponse(responseCode = "200", description = "published")
    @APIResponse(responseCode = "422", description = "no valid Qualiopi certificate, or the organisation is suspended")
    public OfferApi.OfferView publish(@PathParam("siret") String siret, @PathParam("id") UUID id) {
        caller.requireSiret(siret);
        return offers.publish(siret, id);
    }

    @POST
    @Path("{id}/withdraw")
    @Operation(summary = "Withdraw an offer from the public catalogue (training-org for its own SIRET, admin)")
    public OfferApi.OfferView withdraw(@PathParam("siret") String siret, @PathParam("id") UUID id) {
        caller.requireSiret(siret);
        return offers.withdraw(siret, id);
    }

    @POST
    @Path("{id}/sessions")
    @Operation(summary = "Add a session to an offer (training-org for its own SIRET, admin)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "session", value = """
            {"startDate": "2027-01-11", "endDate": "2027-01-13", "seats": 12, "place": "Montpellier",
             "departmentCode": "34", "remote": false}""")))
    @APIResponse(responseCode = "201", description = "added")
    public Response addSession(@PathParam("siret") String siret, @PathParam("id") UUID id,
                               @NotNull @Valid OfferApi.SessionRequest body) {
        caller.requireSiret(siret);
        OfferApi.SessionView view = offers.addSession(siret, id, body);
        return Response.created(URI.create("/api/v1/organisations/" + siret + "/offers/" + id + "/sessions/" + view.id()))
                .entity(view).build();
    }

    @PUT
    @Path("{id}/sessions/{sessionId}")
    @Operation(summary = "Change a session (training-org for its own SIRET, admin)")
    public OfferApi.SessionView updateSession(@PathParam("siret") String siret, @PathParam("id") UUID id,
                                              @PathParam("sessionId") UUID sessionId,
                                              @NotNull @Valid OfferApi.SessionRequest body) {
        caller.requireSiret(siret);
        return offers.updateSession(siret, id, sessionId, body);
    }

    @DELETE
    @Path("{id}/sessions/{sessionId}")
    @Operation(summary = "Cancel a session (training-org for its own SIRET, admin)",
            description = "The session stays, as CANCELLED, for the enrolments that refer to it.")
    public OfferApi.SessionView cancelSession(@PathParam("siret") String siret, @PathParam("id") UUID id,
                                              @PathParam("sessionId") UUID sessionId) {
        caller.requireSiret(siret);
        return offers.cancelSession(siret, id, sessionId);
    }
}

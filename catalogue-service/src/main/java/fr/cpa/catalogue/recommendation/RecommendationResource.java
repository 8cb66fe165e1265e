package fr.cpa.catalogue.recommendation;

import fr.cpa.platform.security.Caller;
import fr.cpa.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/holders/{id}/recommendations")
@Tag(name = "Recommendations")
@SecurityRequirement(name = "bearer")
public class RecommendationResource {

    private final RecommendationService recommendations;
    private final Caller caller;

    RecommendationResource(RecommendationService recommendations, Caller caller) {
        this.recommendations = recommendations;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.HOLDER, Roles.ADVISOR, Roles.ADMIN, Roles.SERVICE})
    @Operation(summary = "Offers for the holder's target jobs within their CPF balance and region (the holder themselves, advisor, admin, service)",
            description = "From the skills profile (HolderSkillsUpdated) and the last CPF balance (balancesAfter of "
                    + "cpa.cpf.v1) this service has heard of; each item says why. At most " + RecommendationService.LIMIT
                    + ", those reaching the most "
                    + "target jobs first (by their own ROME codes or through their RNCP certification alike), then the "
                    + "cheapest.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", examples = @ExampleObject(
            name = "recommendations", value = """
            {"holderId": "8c0f…", "targetJobs": ["M1805"], "region": "76",
             "available": {"amount": 145000, "currency": "EUR"},
             "items": [{"offerId": "3f1c…", "title": "Développeur web", "organisation": "FORMALTIC",
               "price": {"amount": 120000, "currency": "EUR"}, "modality": "ON_SITE", "regions": ["76"],
               "jobs": [{"code": "M1805", "title": "Développeur / Développeuse informatique"}],
               "explanation": "leads to M1805; costs 1 200 €, you have 1 450 €"}], "note": null}""")))
    @APIResponse(responseCode = "403", description = "another holder's recommendations")
    public RecommendationApi.Recommendations get(@PathParam("id") UUID id) {
        caller.requireHolder(id);
        return recommendations.recommend(id);
    }
}

package fr.cpa.hardship.account;

import fr.cpa.hardship.exposure.YearAward;
import fr.cpa.hardship.rules.Use;
import fr.cpa.hardship.rules.UseRule;
import fr.cpa.hardship.use.UseService;
import fr.cpa.platform.problem.ProblemException;
import fr.cpa.platform.security.Caller;
import fr.cpa.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/v1/holders/{id}/c2p")
@Tag(name = "C2P")
@SecurityRequirement(name = "bearer")
public class C2pResource {

    /**
     * {@code GET /api/v1/holders/{id}/c2p}: {@code total} points on the account now ({@code acquired}
     * over the career less {@code used}), of which {@code reserved} for training or reconversion, the
     * most each use could take today, and each assessed year with its explanation.
     */
    public record C2pAccountView(UUID holderId, int total, int acquired, int used, int reserved,
                                 Map<Use, Integer> usable, List<YearView> years) {
    }

    public record YearView(int year, int points, List<String> explanation) {
    }

    private final Caller caller;
    private final UseService uses;

    C2pResource(Caller caller, UseService uses) {
        this.caller = caller;
        this.uses = uses;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed({Roles.HOLDER, Roles.ADVISOR, Roles.ADMIN, Roles.SERVICE})
    @Operation(summary = "The holder's C2P: total, reserved, usable per use, points by year (roles: the holder themselves, advisor, admin, service)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "account",
            value = """
                    {"holderId": "7c1e2f0a-3b4d-4e5f-8a9b-0c1d2e3f4a5b", "total": 24, "acquired": 24, "used": 0, "reserved": 20, \
                    "usable": {"TRAINING": 24, "RECONVERSION": 24, "PART_TIME": 0, "RETIREMENT": 0}, \
                    "years": [{"year": 2024, "points": 12, "explanation": ["contract 73282932000074: whole year, 4 per factor, 3 factors: 12 points (R4163-9, décret 2023-760)", "2024: 12 points"]}]}""")))
    public C2pAccountView account(@PathParam("id") UUID holderId) {
        caller.requireHolder(holderId);
        C2pAccount account = C2pAccount.findById(holderId);
        if (account == null) {
            throw ProblemException.notFound("C2P account of holder " + holderId);
        }
        UseRule.Account state = uses.state(account);
        List<YearView> years = YearAward.of(holderId).stream()
                .map(award -> new YearView(award.year, award.points, award.explanationLines()))
                .toList();
        return new C2pAccountView(holderId, state.balance(), state.acquired(), state.usedTotal(), state.reserved(),
                UseRule.usable(state, uses.today()), years);
    }
}

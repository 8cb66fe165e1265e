package fr.cpa.account.skills;

import fr.cpa.platform.problem.ProblemException;
import fr.cpa.platform.security.Caller;
import fr.cpa.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/holders/{id}/skills")
@Tag(name = "Holders")
@SecurityRequirement(name = "bearer")
public class SkillsResource {

    private final SkillsService skills;
    private final Caller caller;

    SkillsResource(SkillsService skills, Caller caller) {
        this.skills = skills;
        this.caller = caller;
    }

    @PUT
    @RolesAllowed({Roles.HOLDER, Roles.ADVISOR})
    @Operation(summary = "Replace a holder's skills profile (the holder themselves, or an advisor)",
            description = "Emits HolderSkillsUpdated for the catalogue's recommendations.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "accountant", value = """
            {"skills": [{"label": "comptabilité", "rome": "M1203", "formacode": "32663"}, {"label": "Excel"}],
             "diplomas": [{"title": "BTS comptabilité et gestion", "level": 5, "year": 2006}],
             "targetJobs": ["M1203", "M1805"], "region": "11"}""")))
    public SkillsProfile put(@PathParam("id") UUID id, @NotNull @Valid SkillsProfile body) {
        caller.requireHolder(id);
        return skills.put(id, body);
    }

    @GET
    @RolesAllowed({Roles.HOLDER, Roles.ADVISOR, Roles.ADMIN, Roles.SERVICE})
    @Operation(summary = "A holder's skills profile (the holder themselves, advisor, admin, service)")
    public SkillsProfile get(@PathParam("id") UUID id) {
        caller.requireHolder(id);
        return skills.get(id).orElseThrow(() -> ProblemException.notFound("skills profile of holder " + id));
    }
}

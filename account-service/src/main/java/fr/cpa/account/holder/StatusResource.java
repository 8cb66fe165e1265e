package fr.cpa.account.holder;

import fr.cpa.platform.security.Caller;
import fr.cpa.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
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

import java.util.UUID;

@Path("/api/v1/holders/{id}")
@Tag(name = "Holders")
@SecurityRequirement(name = "bearer")
public class StatusResource {

    private final StatusService statuses;
    private final Caller caller;

    StatusResource(StatusService statuses, Caller caller) {
        this.statuses = statuses;
        this.caller = caller;
    }

    @GET
    @Path("statuses")
    @RolesAllowed({Roles.HOLDER, Roles.ADVISOR, Roles.ADMIN, Roles.SERVICE})
    @Operation(summary = "A holder's dated situations (the holder themselves, advisor, admin, service)",
            description = "Every period (employee, civil servant, self-employed, job seeker, ESAT, young without "
                    + "diploma, volunteer, low-qualified, disabled worker) and those in force today.")
    public StatusView.History history(@PathParam("id") UUID id) {
        caller.requireHolder(id);
        return statuses.history(id);
    }

    @POST
    @Path("statuses")
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN, Roles.SERVICE})
    @Operation(summary = "Record a dated situation (advisor, admin, service)",
            description = "Situations may overlap, but not two periods of the same one. Emits HolderStatusChanged.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "civil servant",
            value = "{\"status\": \"CIVIL_SERVANT\", \"category\": \"C\", \"from\": \"2024-09-01\", \"to\": null}")))
    @APIResponse(responseCode = "201", description = "recorded")
    @APIResponse(responseCode = "400", description = "invalid field(s), each named, or an overlap")
    public Response add(@PathParam("id") UUID id, @NotNull @Valid StatusRequests.Add body) {
        caller.requireHolder(id);
        StatusView view = statuses.add(id, body, role());
        return Response.status(201).entity(view).build();
    }

    @PATCH
    @Path("statuses/{statusId}")
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN, Roles.SERVICE})
    @Operation(summary = "End (or move the end of) a dated situation (advisor, admin, service)",
            description = "Not for the low-qualified declaration, which only the holder ends. Emits HolderStatusChanged.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "end", value = "{\"to\": \"2025-06-30\"}")))
    public StatusView end(@PathParam("id") UUID id, @PathParam("statusId") UUID statusId,
                          @NotNull @Valid StatusRequests.End body) {
        caller.requireHolder(id);
        return statuses.end(id, statusId, body.to(), false);
    }

    @POST
    @Path("low-qualified")
    @RolesAllowed({Roles.HOLDER, Roles.ADVISOR})
    @Operation(summary = "Declare having no level-3 diploma (the holder themselves, or an advisor for them)",
            description = "Applies from 1 January of the current year until the holder ends it. Emits "
                    + "HolderStatusChanged with status LOW_QUALIFIED.")
    @APIResponse(responseCode = "201", description = "declared")
    @APIResponse(responseCode = "409", description = "a declaration is already in force")
    public Response declareLowQualified(@PathParam("id") UUID id) {
        caller.requireHolder(id);
        return Response.status(201).entity(statuses.declareLowQualified(id, role())).build();
    }

    @POST
    @Path("low-qualified/end")
    @RolesAllowed(Roles.HOLDER)
    @Operation(summary = "End one's low-qualified declaration (the holder only)",
            description = "The holder must end it once it is no longer true. Emits HolderStatusChanged.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "end", value = "{\"to\": \"2025-06-30\"}")))
    public StatusView endLowQualified(@PathParam("id") UUID id, @NotNull @Valid StatusRequests.End body) {
        caller.requireHolder(id);
        return statuses.endLowQualified(id, body.to());
    }

    @POST
    @Path("disabled-worker")
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN, Roles.SERVICE})
    @Operation(summary = "Record a disabled-worker (OETH) recognition (advisor, admin, service)",
            description = "Dated; ended like any other period. Emits HolderStatusChanged with status DISABLED_WORKER.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "OETH",
            value = "{\"from\": \"2023-02-01\", \"to\": \"2028-01-31\"}")))
    @APIResponse(responseCode = "201", description = "recorded")
    public Response addDisabledWorker(@PathParam("id") UUID id, @NotNull @Valid StatusRequests.DisabledWorker body) {
        caller.requireHolder(id);
        return Response.status(201).entity(statuses.addDisabledWorker(id, body, role())).build();
    }

    private String role() {
        for (String role : new String[]{Roles.HOLDER, Roles.ADVISOR, Roles.ADMIN, Roles.SERVICE}) {
            if (caller.hasRole(role)) {
                return role;
            }
        }
        return "unknown";
    }

}

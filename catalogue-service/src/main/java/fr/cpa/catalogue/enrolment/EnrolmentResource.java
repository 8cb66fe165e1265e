package fr.cpa.catalogue.enrolment;

import fr.cpa.catalogue.rules.EnrolmentLifecycle.Action;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Enrolments (issue 8): a holder buys a session, the organisation answers and declares the training's
 * steps, the holder confirms or cancels. Every endpoint checks the caller against the enrolment's
 * holder or organisation; what may spend the holder's rights (request, confirmation, cancellation) needs a
 * strong login. An action after its deadline is refused (409 deadline-passed) and the enrolment expires then.
 */
@Path("/api/v1")
@Tag(name = "Enrolments")
@SecurityRequirement(name = "bearer")
public class EnrolmentResource {


    private final EnrolmentService enrolments;
    private final Caller caller;
    private final IdempotentRequests idempotent;

    EnrolmentResource(EnrolmentService enrolments, Caller caller, IdempotentRequests idempotent) {
        this.enrolments = enrolments;
        this.caller = caller;
        this.idempotent = idempotent;
    }

    @POST
    @Path("enrolments")
    @RolesAllowed(Roles.HOLDER)
    @Operation(summary = "Enrol in a session (holder, with a login of level substantial; Idempotency-Key required)",
            description = "Creates the enrolment REQUESTED and sends EnrolmentRequested to training-rights, which holds the money "
                    + "(FundsReserved → AWAITING_ORGANISATION) or refuses (FundsRefused → REFUSED with the reason). "
                    + "Example body: {\"sessionId\": \"7d9f0a4e-2b1c-4c7e-9a51-0c2f5b9d1e11\"}")
    @APIResponse(responseCode = "201", description = "requested")
    @APIResponse(responseCode = "400", description = "invalid field(s) or no Idempotency-Key")
    @APIResponse(responseCode = "401", description = "no token, or a login weaker than substantial (acr)")
    @APIResponse(responseCode = "409", description = "already enrolled in this session, or the session is full")
    @APIResponse(responseCode = "422", description = "session not purchasable, the organisation without a Qualiopi certificate valid "
            + "today (organisation-not-certified), too soon, or the key reused with another body")
    public Response request(@HeaderParam(IdempotentRequests.HEADER) String key,
                            @NotNull @Valid EnrolmentApi.EnrolmentRequest body) {
        UUID holderId = caller.holderId().orElseThrow(() -> ProblemException.forbidden("only a holder may enrol"));
        requireStrongLogin();
        return idempotent.require(key, "enrolment:" + holderId, body, () -> {
            EnrolmentApi.EnrolmentView view = enrolments.request(holderId, body);
            return Response.created(URI.create("/api/v1/enrolments/" + view.id())).entity(view).build();
        });
    }

    @GET
    @Path("enrolments/{id}")
    @RolesAllowed({Roles.HOLDER, Roles.TRAINING_ORG, Roles.ADVISOR, Roles.ADMIN, Roles.SERVICE})
    @Operation(summary = "An enrolment (its holder, its organisation, advisor, admin, service)")
    @APIResponse(responseCode = "403", description = "another holder's or another organisation's enrolment")
    public EnrolmentApi.EnrolmentView get(@PathParam("id") UUID id) {
        return enrolments.get(id, this::requireParty);
    }

    @GET
    @Path("holders/{holderId}/enrolments")
    @RolesAllowed({Roles.HOLDER, Roles.ADVISOR, Roles.ADMIN, Roles.SERVICE})
    @Operation(summary = "A holder's enrolments, newest first (the holder, advisor, admin, service)")
    @APIResponse(responseCode = "403", description = "another holder's enrolments")
    public EnrolmentApi.EnrolmentList ofHolder(@PathParam("holderId") UUID holderId) {
        caller.requireHolder(holderId);
        return enrolments.ofHolder(holderId);
    }

    @POST
    @Path("enrolments/{id}/accept")
    @RolesAllowed({Roles.TRAINING_ORG, Roles.ADMIN})
    @Operation(summary = "Accept a request (training-org of the offer, admin): the holder then has 4 working days to confirm")
    @APIResponse(responseCode = "403", description = "another organisation's enrolment")
    @APIResponse(responseCode = "409", description = "not allowed in the enrolment's state, or the 2 (30) working days to answer "
            + "are over (deadline-passed: the enrolment is cancelled)")
    @APIResponse(responseCode = "422", description = "the organisation has no Qualiopi certificate valid today (organisation-not-certified)")
    public EnrolmentApi.EnrolmentView accept(@PathParam("id") UUID id) {
        return enrolments.act(id, Action.ACCEPT, null, this::requireOrganisation);
    }

    @POST
    @Path("enrolments/{id}/refuse")
    @RolesAllowed({Roles.TRAINING_ORG, Roles.ADMIN})
    @Operation(summary = "Refuse a request with a reason (training-org of the offer, admin); the hold is released",
            description = "Example body: {\"reason\": \"Session full\"}")
    @APIResponse(responseCode = "400", description = "no reason, or one longer than 500 characters")
    @APIResponse(responseCode = "403", description = "another organisation's enrolment")
    @APIResponse(responseCode = "409", description = "not allowed in the enrolment's state, or its deadline passed (deadline-passed: "
            + "the enrolment is cancelled)")
    public EnrolmentApi.EnrolmentView refuse(@PathParam("id") UUID id, @NotNull @Valid EnrolmentApi.ReasonRequest body) {
        return enrolments.act(id, Action.REFUSE, body.reason(), this::requireOrganisation);
    }

    @POST
    @Path("enrolments/{id}/start")
    @RolesAllowed({Roles.TRAINING_ORG, Roles.ADMIN})
    @Operation(summary = "Declare the entry into training, from the start date on (training-org of the offer, admin); the hold is captured")
    @APIResponse(responseCode = "403", description = "another organisation's enrolment")
    @APIResponse(responseCode = "409", description = "not allowed in the enrolment's state, before the start date, or after the 3 "
            + "working days to declare it (deadline-passed: the enrolment is cancelled)")
    @APIResponse(responseCode = "422", description = "the organisation has no Qualiopi certificate valid today (organisation-not-certified)")
    public EnrolmentApi.EnrolmentView start(@PathParam("id") UUID id) {
        return enrolments.act(id, Action.START, null, this::requireOrganisation);
    }

    @POST
    @Path("enrolments/{id}/end")
    @RolesAllowed({Roles.TRAINING_ORG, Roles.ADMIN})
    @Operation(summary = "Declare the end of the training (training-org of the offer, admin)")
    @APIResponse(responseCode = "403", description = "another organisation's enrolment")
    @APIResponse(responseCode = "409", description = "not allowed in the enrolment's state")
    public EnrolmentApi.EnrolmentView end(@PathParam("id") UUID id) {
        return enrolments.act(id, Action.END, null, this::requireOrganisation);
    }

    @POST
    @Path("enrolments/{id}/complete")
    @RolesAllowed({Roles.TRAINING_ORG, Roles.ADMIN})
    @Operation(summary = "Declare the service done (training-org of the offer, admin)")
    @APIResponse(responseCode = "403", description = "another organisation's enrolment")
    @APIResponse(responseCode = "409", description = "not allowed in the enrolment's state")
    public EnrolmentApi.EnrolmentView complete(@PathParam("id") UUID id) {
        return enrolments.act(id, Action.COMPLETE, null, this::requireOrganisation);
    }

    @POST
    @Path("enrolments/{id}/confirm")
    @RolesAllowed(Roles.HOLDER)
    @Operation(summary = "Confirm an accepted proposal (the holder, with a login of level substantial): the rights are committed")
    @APIResponse(responseCode = "401", description = "a login weaker than substantial (acr)")
    @APIResponse(responseCode = "403", description = "another holder's enrolment")
    @APIResponse(responseCode = "409", description = "not allowed in the enrolment's state, the withdrawal period would end after the "
            + "start, or the 4 working days to confirm are over (deadline-passed: the enrolment is cancelled)")
    public EnrolmentApi.EnrolmentView confirm(@PathParam("id") UUID id) {
        requireStrongLogin();
        return enrolments.act(id, Action.CONFIRM, null, p -> requireOwnHolder(p.holderId()));
    }

    @POST
    @Path("enrolments/{id}/cancel")
    @RolesAllowed({Roles.HOLDER, Roles.TRAINING_ORG, Roles.ADMIN})
    @Operation(summary = "Cancel (the holder with a login of level substantial, or the offer's training-org / admin once accepted)",
            description = "A holder's cancellation re-credits in full before validation, or after it more than 7 working days "
                    + "before the start; an organisation's always does. Example body: {\"reason\": \"Change of plans\"}")
    @APIResponse(responseCode = "400", description = "a reason longer than 500 characters")
    @APIResponse(responseCode = "401", description = "a holder's login weaker than substantial (acr)")
    @APIResponse(responseCode = "403", description = "another holder's or another organisation's enrolment")
    @APIResponse(responseCode = "409", description = "not allowed in the enrolment's state, or its deadline passed (deadline-passed: "
            + "the enrolment is cancelled by the deadline instead)")
    public EnrolmentApi.EnrolmentView cancel(@PathParam("id") UUID id, @Valid EnrolmentApi.CancelRequest body) {
        String reason = body == null ? null : body.reason();
        if (caller.hasRole(Roles.HOLDER)) {
            // a holder's late cancellation spends the hold (DOMAIN.md §4): every one is the holder's own decision,
            // asked with the login a purchase needs, whether or not this one would be re-credited in full
            caller.requireStrongLogin("cancelling an enrolment, which may spend CPF rights");
            return enrolments.act(id, Action.CANCEL_BY_HOLDER, reason, p -> requireOwnHolder(p.holderId()));
        }
        return enrolments.act(id, Action.CANCEL_BY_ORGANISATION, reason, this::requireOrganisation);
    }

    private void requireStrongLogin() {
        caller.requireStrongLogin("spending CPF rights");
    }

    /** A holder only for themselves (not staff: the holder's own consent is what is asked). */
    private void requireOwnHolder(UUID holderId) {
        if (caller.holderId().filter(holderId::equals).isEmpty()) {
            throw ProblemException.forbidden("this enrolment belongs to another holder");
        }
    }

    private void requireOrganisation(EnrolmentService.Parties p) {
        caller.requireSiret(p.siret());
    }

    private void requireParty(EnrolmentService.Parties p) {
        if (caller.hasRole(Roles.HOLDER) && !caller.isStaff()) {
            caller.requireHolder(p.holderId());
        } else if (caller.hasRole(Roles.TRAINING_ORG) && !caller.isStaff()) {
            caller.requireSiret(p.siret());
        }
    }
}

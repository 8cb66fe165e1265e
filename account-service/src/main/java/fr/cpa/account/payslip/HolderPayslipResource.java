package fr.cpa.account.payslip;

import fr.cpa.platform.problem.ProblemException;
import fr.cpa.platform.security.Caller;
import fr.cpa.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** A holder's payslips: its own class, since JAX-RS picks the resource class by its longest path first. */
@Tag(name = "Payslips")
@SecurityRequirement(name = "bearer")
@Path("/api/v1/holders/{id}/payslips")
public class HolderPayslipResource {

    private final PayslipService payslips;
    private final Caller caller;

    HolderPayslipResource(PayslipService payslips, Caller caller) {
        this.payslips = payslips;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.HOLDER, Roles.ADVISOR, Roles.ADMIN})
    @Operation(summary = "A holder's payslips, newest first (the holder themselves, advisor, admin)")
    public List<PayslipView> list(@PathParam("id") UUID id) {
        caller.requireHolder(id);
        return payslips.list(id);
    }

    @GET
    @Path("{payslipId}")
    @Produces("application/pdf")
    @RolesAllowed({Roles.HOLDER, Roles.ADVISOR, Roles.ADMIN})
    @Operation(summary = "Download a payslip's PDF (the holder themselves, advisor, admin)")
    public Response download(@PathParam("id") UUID id, @PathParam("payslipId") UUID payslipId) {
        caller.requireHolder(id);
        PayslipService.Document document = payslips.download(id, payslipId)
                .orElseThrow(() -> ProblemException.notFound("payslip " + payslipId));
        return Response.ok(document.content(), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + document.fileName() + "\"")
                .build();
    }
}

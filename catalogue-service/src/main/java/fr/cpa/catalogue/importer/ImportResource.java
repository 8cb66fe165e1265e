package fr.cpa.catalogue.importer;

import fr.cpa.platform.security.Caller;
import fr.cpa.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

import java.io.InputStream;
import java.net.URI;
import java.util.UUID;

@Path("/api/v1/admin/catalogue/imports")
@Tag(name = "Catalogue imports (admin)")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.ADMIN)
public class ImportResource {

    private final ImportService imports;
    private final Caller caller;

    ImportResource(ImportService imports, Caller caller) {
        this.imports = imports;
        this.caller = caller;
    }

    @POST
    @Consumes({"text/csv", "application/octet-stream", "text/plain"})
    @Operation(summary = "Import the Mon Compte Formation open-data CSV (admin)",
            description = "The body is the export as is (UTF-8, `;` or `,` detected from the header, its column "
                    + "names). Offers are upserted by numero_formation, one area per department; a re-run changes "
                    + "nothing. Answers 202 at once; follow the progress at the Location.")
    @RequestBody(content = @Content(mediaType = "text/csv", examples = @ExampleObject(name = "csv", value = """
            date_extract;nom_of;siret;numero_formation;intitule_formation;type_referentiel;code_rncp;code_inventaire;\
            intitule_certification;nombre_heures_total_min;nombre_heures_total_max;frais_ttc_tot_min;frais_ttc_tot_max;\
            code_departement;code_region;nb_session_active;nb_session_a_distance
            2024-07-11;FORMALTIC;78959578200051;78959578200051_M-FOR1512;PhotoShop sur mesure;RS;-1;6204;Tosa Photoshop;\
            21;21;2330.0;2330.0;34.0;76.0;1;0""")))
    @APIResponse(responseCode = "202", description = "accepted; the Location gives the progress")
    @APIResponse(responseCode = "400", description = "empty body")
    public Response start(@HeaderParam("X-File-Name") String fileName, InputStream body) {
        ImportApi.ImportView view = imports.start(body, fileName, caller.name());
        return Response.accepted(view).location(URI.create("/api/v1/admin/catalogue/imports/" + view.id())).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "An import's progress: rows read, created, updated, unchanged, rejected with reasons (admin)")
    public ImportApi.ImportView get(@PathParam("id") UUID id) {
        return imports.get(id);
    }
}

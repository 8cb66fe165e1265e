package fr.cpa.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * An RFC 9457 problem detail, served as {@code application/problem+json}. {@code type} is stable and
 * names the kind of problem; {@code errors} lists every bad field of a validation failure by its
 * JSON path ({@code employees[42].nir}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(example = "https://cpa.local/problems/validation") String type,
        @Schema(example = "Invalid request") String title,
        @Schema(example = "400") int status,
        String detail,
        @Schema(example = "/api/v1/holders") String instance,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://cpa.local/problems/";

    /** One bad field: its JSON path in the request and what is wrong with it. */
    @Schema(name = "FieldError")
    public record FieldError(@Schema(example = "nir") String field, @Schema(example = "invalid NIR key") String message) {
    }

    public Problem at(String path) {
        return new Problem(type, title, status, detail, path, errors);
    }
}

package fr.cpa.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every error of every service leaves as {@code application/problem+json}: ours
 * ({@link ProblemException}), bean validation, unreadable JSON, security refusals, HTTP errors and,
 * last, anything unexpected (500, without internals: the stack trace goes to the log only).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response violations(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            errors.add(new Problem.FieldError(jsonPath(v.getPropertyPath()), v.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message));
        return respond(ProblemException.invalid(errors).toProblem(path(uri)));
    }

    // Listed one by one: Quarkus has built-in mappers for some of these subtypes, and the most specific wins.
    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class, JsonMappingException.class,
            MismatchedInputException.class, InvalidFormatException.class, ValueInstantiationException.class})
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return respond(ProblemException.invalid(jsonPath(mapping), describe(mapping)).toProblem(path(uri)));
        }
        return respond(new ProblemException(400, "malformed-json", "Malformed JSON",
                "the body is not valid JSON: " + e.getOriginalMessage()).toProblem(path(uri)));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        return respond(new ProblemException(401, "unauthorized", "Unauthorized",
                "a valid bearer token is required").toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(ProblemException.forbidden("your role does not allow this operation").toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return respond(ProblemException.conflict("concurrent-update",
                "the resource changed meanwhile; retry").toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "HTTP " + status : type.getReasonPhrase();
        String slug = title.toLowerCase().replace(' ', '-');
        return respond(new ProblemException(status, slug, title, e.getMessage()).toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        LOG.errorf(e, "unexpected error on %s", path(uri));
        return respond(new ProblemException(500, "internal", "Internal error",
                "the request could not be completed; it has been logged").toProblem(path(uri)));
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    /** {@code register.body.employees[42].nir} → {@code employees[42].nir}: what the client sent. */
    static String jsonPath(Path path) {
        StringBuilder json = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR || kind == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (kind == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            // Hibernate Validator puts a list index on the node that follows the list.
            if (node.isInIterable()) {
                Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
                json.append('[').append(position == null ? "" : position).append(']');
            }
            if (kind == ElementKind.PROPERTY && node.getName() != null) {
                if (!json.isEmpty()) {
                    json.append('.');
                }
                json.append(node.getName());
            }
        }
        if (!json.isEmpty()) {
            return json.toString();
        }
        return parameter == null ? "$" : parameter;
    }

    static String jsonPath(JsonMappingException e) {
        StringBuilder json = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                json.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                if (!json.isEmpty()) {
                    json.append('.');
                }
                json.append(ref.getFieldName());
            }
        }
        return json.isEmpty() ? "$" : json.toString();
    }

    private static String describe(JsonMappingException e) {
        if (e instanceof InvalidFormatException format) {
            Class<?> target = format.getTargetType();
            if (target != null && target.isEnum()) {
                List<String> names = new ArrayList<>();
                for (Object constant : target.getEnumConstants()) {
                    names.add(constant.toString());
                }
                return "must be one of " + String.join(", ", names);
            }
            return "'" + format.getValue() + "' is not a valid " + simpleType(target);
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return "must be a " + simpleType(mismatched.getTargetType());
        }
        Throwable cause = e.getCause();
        if (cause instanceof IllegalArgumentException illegal && illegal.getMessage() != null) {
            return illegal.getMessage();
        }
        return "has the wrong type or format";
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "value";
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "date (YYYY-MM-DD)";
            case "YearMonth" -> "month (YYYY-MM)";
            case "Instant", "OffsetDateTime" -> "timestamp (ISO-8601)";
            case "UUID" -> "UUID";
            case "int", "Integer", "long", "Long" -> "whole number";
            case "BigDecimal", "double", "Double" -> "number";
            case "boolean", "Boolean" -> "boolean";
            case "String" -> "string";
            default -> type.isRecord() || !type.getName().startsWith("java") ? "JSON object" : type.getSimpleName();
        };
    }
}

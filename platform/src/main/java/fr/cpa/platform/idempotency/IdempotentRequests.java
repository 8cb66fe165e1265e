package fr.cpa.platform.idempotency;

import fr.cpa.platform.event.EventJson;
import fr.cpa.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} for POSTs a client may retry. The key is recorded in the same transaction
 * as the effect, so either both commit or neither does:
 *
 * <pre>{@code return idempotency.handle(key, "holders.register:" + caller.name(), body,
 *         () -> Response.status(201).entity(service.register(body)).build());}</pre>
 *
 * A replay with the same body returns the first answer (status, Location and body) with header
 * {@code Idempotency-Replayed: true}; the same key with another body is refused with 422. A failed
 * first try (an exception) rolls back the record too, so the client may retry with the same key.
 */
@ApplicationScoped
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotency-Replayed";
    private static final int MAX_KEY_LENGTH = 255;

    private final EntityManager em;
    private final EventJson json;

    IdempotentRequests(EntityManager em, EventJson json) {
        this.em = em;
        this.json = json;
    }

    /** As {@link #handle} but refuses a request without a key (400 naming the header). */
    @Transactional
    public Response require(String key, String scope, Object request, Supplier<Response> action) {
        if (key == null || key.isBlank()) {
            throw ProblemException.invalid(HEADER, "this operation requires an Idempotency-Key header");
        }
        return handle(key, scope, request, action);
    }

    /**
     * Runs {@code action} once per ({@code scope}, {@code key}); without a key, simply runs it.
     *
     * @param scope who and what the key belongs to: two callers never share keys
     */
    @Transactional
    public Response handle(String key, String scope, Object request, Supplier<Response> action) {
        if (key == null || key.isBlank()) {
            return action.get();
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.invalid(HEADER, "must be at most " + MAX_KEY_LENGTH + " characters");
        }
        String hash = sha256(json.write(request));
        // A concurrent first try with the same key holds this row's lock: we wait for it to finish.
        int inserted = em.createNativeQuery("""
                        insert into idempotency_record (scope, idem_key, request_hash) values (:scope, :key, :hash)
                        on conflict do nothing""")
                .setParameter("scope", scope).setParameter("key", key).setParameter("hash", hash)
                .executeUpdate();
        if (inserted == 0) {
            return replay(scope, key, hash);
        }
        Response response = action.get();
        String body = response.hasEntity() ? serialise(response.getEntity()) : null;
        URI location = response.getLocation();
        em.createNativeQuery("""
                        update idempotency_record set status = :status, location = :location, body = :body
                        where scope = :scope and idem_key = :key""")
                .setParameter("status", response.getStatus())
                .setParameter("location", location == null ? null : location.toString())
                .setParameter("body", body)
                .setParameter("scope", scope).setParameter("key", key)
                .executeUpdate();
        return response;
    }

    private Response replay(String scope, String key, String hash) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select request_hash, status, location, body from idempotency_record
                        where scope = :scope and idem_key = :key""")
                .setParameter("scope", scope).setParameter("key", key)
                .getResultList();
        Object[] row = rows.get(0);
        if (!hash.equals(row[0])) {
            throw ProblemException.unprocessable("idempotency-key-reused",
                    "this Idempotency-Key was already used with a different request body");
        }
        Response.ResponseBuilder replay = Response.status(((Number) row[1]).intValue())
                .header(REPLAYED, "true");
        if (row[2] != null) {
            replay.location(URI.create((String) row[2]));
        }
        if (row[3] != null) {
            replay.entity(row[3]).type(MediaType.APPLICATION_JSON_TYPE);
        }
        return replay.build();
    }

    private String serialise(Object entity) {
        return entity instanceof String text ? text : json.write(entity);
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}

package fr.cpa.gateway.client;

import fr.cpa.gateway.problem.Problem;
import fr.cpa.gateway.security.EdgeAuthentication;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Administration of machine clients, for the {@code admin} role only:
 * <ul>
 * <li>{@code POST /auth/clients} registers a client and answers its secret, the only time it is shown;</li>
 * <li>{@code GET /auth/clients/{id}} describes it (never the secret);</li>
 * <li>{@code POST /auth/clients/{id}/secret} gives it a new secret, the old one stops working;</li>
 * <li>{@code DELETE /auth/clients/{id}} revokes it.</li>
 * </ul>
 */
@Singleton
class ClientAdminEndpoint {

    static final String PATH = "/auth/clients";
    static final String ADMIN = "admin";

    private static final Logger LOG = Logger.getLogger(ClientAdminEndpoint.class);
    private static final long MAX_BODY_BYTES = 64 * 1024;

    private final ClientRegistry registry;

    ClientAdminEndpoint(ClientRegistry registry) {
        this.registry = registry;
    }

    void register(@Observes Router router) {
        // Vert.x wants the body handler first on a route.
        router.post(PATH).handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES))
                .handler(this::requireAdmin)
                .blockingHandler(this::registerClient);
        router.get(PATH + "/:id").handler(this::requireAdmin).blockingHandler(this::describe);
        router.post(PATH + "/:id/secret").handler(this::requireAdmin).blockingHandler(this::rotate);
        router.delete(PATH + "/:id").handler(this::requireAdmin).blockingHandler(this::revoke);
    }

    private void requireAdmin(RoutingContext ctx) {
        JsonWebToken caller = EdgeAuthentication.token(ctx).orElse(null);
        if (caller == null) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            Problem.of(401, "unauthorized", "Unauthorized", "an admin bearer token is required").send(ctx);
        } else if (!EdgeAuthentication.hasAnyRole(caller, List.of(ADMIN))) {
            Problem.of(403, "forbidden", "Forbidden", "only the admin role manages clients").send(ctx);
        } else {
            ctx.put(ADMIN, caller.getName());
            ctx.next();
        }
    }

    private void registerClient(RoutingContext ctx) {
        JsonObject json;
        try {
            json = ctx.body().asJsonObject();
            if (json == null) {
                throw new DecodeException("empty body");
            }
        } catch (DecodeException | ClassCastException e) {
            Problem.of(400, "malformed-json", "Malformed JSON", "the body must be a JSON object").send(ctx);
            return;
        }
        ClientRegistration registration = ClientRegistration.from(json);
        List<Problem.FieldError> errors = registration.errors();
        if (!errors.isEmpty()) {
            Problem.invalid(errors).send(ctx);
            return;
        }
        ClientRegistry.Issued issued = registry.register(registration);
        LOG.infof("client %s (%s) registered by %s", issued.clientId(), registration.kind().code(), ctx.<String>get(ADMIN));
        OAuthClient client = registry.find(issued.clientId()).orElseThrow();
        json(ctx, 201, view(client).put("client_secret", issued.clientSecret()));
    }

    private void describe(RoutingContext ctx) {
        Optional<OAuthClient> client = registry.find(ctx.pathParam("id"));
        if (client.isEmpty()) {
            Problem.notFound(ctx.normalizedPath()).send(ctx);
            return;
        }
        json(ctx, 200, view(client.get()));
    }

    private void rotate(RoutingContext ctx) {
        Optional<ClientRegistry.Issued> issued = registry.rotate(ctx.pathParam("id"));
        if (issued.isEmpty()) {
            Problem.of(404, "not-found", "Not found", "no live client " + ctx.pathParam("id")).send(ctx);
            return;
        }
        LOG.infof("secret of client %s rotated by %s", issued.get().clientId(), ctx.<String>get(ADMIN));
        json(ctx, 200, new JsonObject().put("client_id", issued.get().clientId()).put("client_secret", issued.get().clientSecret()));
    }

    private void revoke(RoutingContext ctx) {
        if (!registry.revoke(ctx.pathParam("id"))) {
            Problem.of(404, "not-found", "Not found", "no live client " + ctx.pathParam("id")).send(ctx);
            return;
        }
        LOG.infof("client %s revoked by %s", ctx.pathParam("id"), ctx.<String>get(ADMIN));
        ctx.response().setStatusCode(204).end();
    }

    private static JsonObject view(OAuthClient client) {
        JsonObject view = new JsonObject()
                .put("client_id", client.clientId)
                .put("name", client.name)
                .put("kind", client.kind)
                .put("scopes", new JsonArray(client.scopeList().stream().map(Scope::code).toList()))
                .put("created_at", client.createdAt.toString())
                .put("secret_rotated_at", client.secretRotatedAt.toString());
        if (!client.siretList().isEmpty()) {
            view.put("sirets", new JsonArray(client.siretList()));
        }
        if (client.rna != null) {
            view.put("rna", client.rna);
        }
        if (client.revokedAt != null) {
            view.put("revoked_at", client.revokedAt.toString());
        }
        return view;
    }

    private static void json(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store")
                .end(body.encode());
    }
}

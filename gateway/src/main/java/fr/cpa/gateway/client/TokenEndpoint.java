package fr.cpa.gateway.client;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * {@code POST /auth/token}: OAuth2 client credentials (RFC 6749 §4.4) for machine clients. The token
 * is a short-lived RS256 JWT signed with {@code smallrye.jwt.sign.key.location}, with
 * {@code kid} {@link TokenConfig#signingKeyId()}, the gateway's issuer, {@code sub} and {@code azp}
 * the client id, {@code groups} the roles of its scopes, and {@code sirets}, {@code siret} or
 * {@code rna} for the organisation it acts for, as the services' {@code Caller} reads them.
 */
@Singleton
class TokenEndpoint {

    static final String PATH = "/auth/token";

    private static final Logger LOG = Logger.getLogger(TokenEndpoint.class);
    private static final long MAX_BODY_BYTES = 4 * 1024;

    private final ClientRegistry registry;
    private final TokenConfig config;

    TokenEndpoint(ClientRegistry registry, TokenConfig config) {
        this.registry = registry;
        this.config = config;
    }

    void register(@Observes Router router) {
        router.post(PATH)
                .handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES))
                // Blocking: bcrypt and the database.
                .blockingHandler(this::issue);
    }

    private void issue(RoutingContext ctx) {
        TokenRequest.Parsed parsed = TokenRequest.parse(ctx.request().getHeader("Content-Type"),
                ctx.request().getHeader("Authorization"), form(ctx.request().formAttributes()));
        if (parsed instanceof TokenRequest.Failed failed) {
            refuse(ctx, failed.error(), failed.basic());
            return;
        }
        TokenRequest request = ((TokenRequest.Ok) parsed).request();
        Optional<OAuthClient> client = registry.authenticate(request.clientId(), request.clientSecret());
        if (client.isEmpty()) {
            // The client id may be a typo of a secret: it is not logged.
            LOG.info("client authentication failed");
            refuse(ctx, OAuthError.invalidClient(), request.basic());
            return;
        }
        OAuthClient found = client.get();
        Grant.Result result = Grant.of(found.clientId, found.clientKind(), found.scopeList(), found.siretList(),
                found.rna, request.scopes());
        if (result instanceof Grant.Refused refused) {
            refuse(ctx, refused.error(), request.basic());
            return;
        }
        Grant grant = ((Grant.Granted) result).grant();
        String token = sign(grant);
        LOG.infof("token issued to client %s (%s), scope %s", grant.clientId(), grant.kind().code(), grant.scope());
        answer(ctx, 200, new JsonObject()
                .put("access_token", token)
                .put("token_type", "Bearer")
                .put("expires_in", config.lifespan().toSeconds())
                .put("scope", grant.scope()));
    }

    private String sign(Grant grant) {
        JwtClaimsBuilder claims = Jwt.subject(grant.clientId())
                .claim("azp", grant.clientId())
                .claim("client_id", grant.clientId())
                .claim("scope", grant.scope())
                .groups(grant.groups())
                .claim("jti", UUID.randomUUID().toString())
                .expiresIn(config.lifespan());
        switch (grant.kind().binding()) {
            case SIRETS -> claims.claim("sirets", grant.sirets());
            case ONE_SIRET -> claims.claim("siret", grant.sirets().get(0));
            case RNA -> claims.claim("rna", grant.rna());
            case NONE -> { }
        }
        return claims.jws().keyId(config.signingKeyId()).sign();
    }

    private static void refuse(RoutingContext ctx, OAuthError error, boolean basic) {
        if (error.status() == 401) {
            // §5.2: a client that tried HTTP Basic must be told the scheme; others may be.
            ctx.response().putHeader("WWW-Authenticate", "Basic realm=\"cpa\"");
        }
        answer(ctx, error.status(), new JsonObject().put("error", error.error()).put("error_description", error.description()));
    }

    private static void answer(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                // §5.1: token responses must not be cached.
                .putHeader("Cache-Control", "no-store")
                .putHeader("Pragma", "no-cache")
                .end(body.encode());
    }

    private static Map<String, List<String>> form(MultiMap attributes) {
        Map<String, List<String>> form = new HashMap<>();
        attributes.names().forEach(name -> form.put(name, attributes.getAll(name)));
        return form;
    }
}

package fr.cpa.gateway.devtoken;

import fr.cpa.gateway.problem.Problem;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * {@code POST /auth/dev-token}: a signed demo token for any role, so that the suite can be tried
 * locally without an identity provider. The route is only registered when
 * {@code cpa.gateway.dev-tokens.enabled} is true (the {@code local} and {@code test} profiles);
 * elsewhere the path is unknown and answers 404.
 *
 * <p>Tokens are signed RS256 with the key at {@code smallrye.jwt.sign.key.location} and carry the
 * issuer of {@code smallrye.jwt.new-token.issuer}, the ones the services verify.
 */
@Singleton
class DevTokenEndpoint {

    static final String PATH = "/auth/dev-token";

    private static final Logger LOG = Logger.getLogger(DevTokenEndpoint.class);
    private static final long MAX_BODY_BYTES = 4 * 1024;

    private final DevTokenConfig config;

    DevTokenEndpoint(DevTokenConfig config) {
        this.config = config;
    }

    void register(@Observes Router router) {
        if (!config.enabled()) {
            return;
        }
        LOG.warnf("%s issues demo tokens for every role: never enable cpa.gateway.dev-tokens in production", PATH);
        router.post(PATH)
                .handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES))
                // Blocking: signing reads the private key file.
                .blockingHandler(this::issue);
    }

    private void issue(RoutingContext ctx) {
        DevTokenRequest request;
        try {
            JsonObject json = ctx.body().asJsonObject();
            if (json == null) {
                throw new DecodeException("empty body");
            }
            request = DevTokenRequest.from(json);
        } catch (DecodeException | ClassCastException e) {
            Problem.of(400, "malformed-json", "Malformed JSON", "the body must be a JSON object").send(ctx);
            return;
        }
        List<Problem.FieldError> errors = request.errors();
        if (!errors.isEmpty()) {
            Problem.invalid(errors).send(ctx);
            return;
        }

        JwtClaimsBuilder claims = Jwt.subject(request.subjectOrDefault())
                .groups(Set.of(request.role()))
                .expiresIn(config.lifespan());
        if (request.siret() != null) {
            claims.claim("siret", request.siret());
        }
        if (request.rna() != null) {
            claims.claim("rna", request.rna());
        }
        if (request.acr() != null) {
            claims.claim("acr", request.acr());
        }
        String token = claims.sign();
        LOG.infof("demo token issued: role %s, subject %s", request.role(), request.subjectOrDefault());

        ctx.response()
                .putHeader("Content-Type", "application/json")
                // RFC 6749 §5.1: a token response must not be cached.
                .putHeader("Cache-Control", "no-store")
                .end(new JsonObject()
                        .put("access_token", token)
                        .put("token_type", "Bearer")
                        .put("expires_in", config.lifespan().toSeconds())
                        .encode());
    }
}

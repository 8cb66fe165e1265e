package fr.cpa.gateway.client;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.TreeMap;

/**
 * The public keys of the tokens the gateway signs, as a JWKS (RFC 7517): the public half of the
 * signing key under {@link TokenConfig#signingKeyId()}, and during a rotation the previous keys
 * ({@link TokenConfig#previousPublicKeys()}) under theirs. One set for both uses: what
 * {@link JwksEndpoint} publishes to the services is what {@link GatewayJwtParser} verifies with, so a
 * token signed with a previous key, still within its lifespan, passes at the gateway as it does
 * behind it. Read once at start-up: a missing or bad key stops the gateway.
 */
final class GatewayKeySet {

    private GatewayKeySet() {
    }

    static JsonObject of(TokenConfig config, String signingKeyLocation) {
        JsonArray keys = new JsonArray().add(JwksEndpoint.jwk(config.signingKeyId(),
                JwksEndpoint.publicHalf(config.signingKeyId(), signingKeyLocation)));
        new TreeMap<>(config.previousPublicKeys()).forEach((kid, location) -> {
            if (!kid.equals(config.signingKeyId())) {
                keys.add(JwksEndpoint.jwk(kid, JwksEndpoint.publicKey(kid, location)));
            }
        });
        return new JsonObject().put("keys", keys);
    }
}

package fr.cpa.gateway.stepup;

import fr.cpa.gateway.problem.Problem;
import fr.cpa.gateway.security.EdgeAuthentication;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Refuses a spending request whose token was not obtained with a strong enough authentication:
 * 401 with the RFC 9470 step-up challenge
 * {@code WWW-Authenticate: Bearer error="insufficient_user_authentication", acr_values="substantial"},
 * so that the client sends the holder back to the identity provider. The services check roles and
 * ownership as usual (and may check {@code acr} again with {@code Caller#acr()}).
 */
@Singleton
class StepUpFilter {

    /** After authentication (200) and the rate limits (150). */
    static final int PRIORITY = 140;

    private final StepUpRoutes routes;
    private final String challenge;

    StepUpFilter(StepUpConfig config) {
        this.routes = StepUpRoutes.of(config.routes(), config.acceptedAcr());
        this.challenge = "Bearer error=\"insufficient_user_authentication\", "
                + "error_description=\"a strong authentication is required to spend rights\", "
                + "acr_values=\"" + config.requiredAcr() + "\"";
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    private void check(RoutingContext ctx) {
        if (!routes.requiresStepUp(ctx.request().method().name(), ctx.normalizedPath()) || routes.isStrongEnough(acr(ctx))) {
            ctx.next();
            return;
        }
        ctx.response().putHeader("WWW-Authenticate", challenge);
        Problem.of(401, "strong-authentication-required", "Strong authentication required",
                "spending rights requires a login at the level substantial or higher; log in again with a stronger means")
                .send(ctx);
    }

    private static String acr(RoutingContext ctx) {
        return EdgeAuthentication.token(ctx).map(jwt -> jwt.getClaim("acr")).map(Object::toString).orElse(null);
    }
}

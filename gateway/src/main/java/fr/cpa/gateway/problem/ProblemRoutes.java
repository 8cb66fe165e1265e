package fr.cpa.gateway.problem;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * Makes every error the gateway answers itself a problem: a path nobody serves (404) and any
 * failure of a route. (A refused bearer token is {@code EdgeAuthentication}'s 401.)
 */
@Singleton
class ProblemRoutes {

    private static final Logger LOG = Logger.getLogger(ProblemRoutes.class);

    void register(@Observes Router router) {
        // After every other route, Quarkus's own included: whatever reaches it is served by nobody.
        router.route().last().handler(ctx -> Problem.notFound(ctx.normalizedPath()).send(ctx));
        router.route().failureHandler(this::failed);
    }

    private void failed(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
        if (status >= 500) {
            LOG.errorf(failure, "%s %s failed", ctx.request().method(), ctx.normalizedPath());
            Problem.of(status, "internal", "Internal error",
                    "the request could not be completed; it has been logged").send(ctx);
            return;
        }
        String title = HttpResponseStatus.valueOf(status).reasonPhrase();
        Problem.of(status, title.toLowerCase().replace(' ', '-'), title, title).send(ctx);
    }
}

package fr.cpa.gateway.requestid;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is a sane token, else a new
 * UUID. The id is put in the logging MDC ({@code %X{requestId}}), echoed on the response and passed
 * to the upstream by the proxy, so one request can be followed across the services' logs.
 */
@Singleton
public class RequestIdFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    /** Before CORS (300) and authentication (200): refused requests carry an id too. */
    static final int PRIORITY = 1_000;

    /** The id goes into log lines and other services' headers: no spaces, no control characters. */
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    void register(@Observes Filters filters) {
        filters.register(this::assign, PRIORITY);
    }

    private void assign(RoutingContext ctx) {
        String given = ctx.request().getHeader(HEADER);
        String id = given != null && ACCEPTED.matcher(given).matches() ? given : newId();
        ctx.put(HEADER, id);
        // Quarkus keeps the MDC in the request's duplicated Vert.x context, so later callbacks see it too.
        MDC.put(MDC_KEY, id);
        // Set when the head is written, so it also replaces an id an upstream may have echoed.
        ctx.addHeadersEndHandler(v -> ctx.response().headers().set(HEADER, id));
        ctx.next();
    }

    /**
     * A random (version 4) UUID. An id has to be unique, not unguessable: it comes from the event
     * loop's own generator rather than from {@link UUID#randomUUID()}'s shared SecureRandom, which
     * costs a lock and more on every request.
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L; // version 4
        long low = random.nextLong() & ~(0xC000L << 48) | (0x8000L << 48); // IETF variant
        return new UUID(high, low).toString();
    }

    /** The id of the request being handled. */
    public static String of(RoutingContext ctx) {
        return ctx.get(HEADER);
    }
}

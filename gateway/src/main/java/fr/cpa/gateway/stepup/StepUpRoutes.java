package fr.cpa.gateway.stepup;

import fr.cpa.gateway.proxy.PathPattern;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Routes that require a strong authentication, and the {@code acr} values that are strong enough.
 * Spending CPF rights is a purchase: the holder must have logged in at the eIDAS level
 * "substantial" or higher, whatever the token otherwise allows.
 */
record StepUpRoutes(List<Route> routes, Set<String> acceptedAcr) {

    record Route(String method, PathPattern path) {

        static Route parse(String spec) {
            String[] parts = spec.trim().split("\\s+");
            if (parts.length != 2) {
                throw new IllegalArgumentException("step-up route '" + spec + "' must be 'METHOD /path'");
            }
            return new Route(parts[0].toUpperCase(Locale.ROOT), PathPattern.parse(parts[1]));
        }
    }

    StepUpRoutes {
        routes = List.copyOf(routes);
        acceptedAcr = Set.copyOf(acceptedAcr);
    }

    static StepUpRoutes of(List<String> specs, List<String> acceptedAcr) {
        return new StepUpRoutes(specs.stream().map(Route::parse).toList(), Set.copyOf(acceptedAcr));
    }

    boolean requiresStepUp(String method, String path) {
        return routes.stream().anyMatch(r -> r.method().equals(method) && r.path().matches(path));
    }

    /** Whether a token with this {@code acr} (null when absent) may call a step-up route. */
    boolean isStrongEnough(String acr) {
        return acr != null && acceptedAcr.contains(acr);
    }
}

package fr.cpa.gateway.stepup;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StepUpRoutesTest {

    private final StepUpRoutes routes = StepUpRoutes.of(
            List.of("POST /api/v1/enrolments", "post  /api/v1/enrolments/{id}/confirm"), List.of("substantial", "high"));

    @Test
    void onlyTheListedMethodAndPathRequireStepUp() {
        assertTrue(routes.requiresStepUp("POST", "/api/v1/enrolments"));
        assertTrue(routes.requiresStepUp("POST", "/api/v1/enrolments/42/confirm"));
        assertFalse(routes.requiresStepUp("GET", "/api/v1/enrolments"));
        assertFalse(routes.requiresStepUp("POST", "/api/v1/enrolments/42"));
        assertFalse(routes.requiresStepUp("POST", "/api/v1/enrolments/42/cancel"));
    }

    @Test
    void substantialAndHighAreStrongEnoughLowAndNoneAreNot() {
        assertTrue(routes.isStrongEnough("substantial"));
        assertTrue(routes.isStrongEnough("high"));
        assertFalse(routes.isStrongEnough("low"));
        assertFalse(routes.isStrongEnough(null));
    }

    @Test
    void aRouteWithoutMethodIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> StepUpRoutes.of(List.of("/api/v1/enrolments"), List.of("high")));
    }
}

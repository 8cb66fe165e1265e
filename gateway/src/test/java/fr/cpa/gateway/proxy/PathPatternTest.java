package fr.cpa.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PathPatternTest {

    @Test
    void aVariableMatchesExactlyOneNonEmptySegment() {
        PathPattern pattern = PathPattern.parse("/api/v1/holders/{id}/recommendations");

        assertTrue(pattern.matches("/api/v1/holders/42/recommendations"));
        assertFalse(pattern.matches("/api/v1/holders//recommendations"));
        assertFalse(pattern.matches("/api/v1/holders/4/2/recommendations"));
        assertFalse(pattern.matches("/api/v1/holders/42/recommendations/1"));
    }

    @Test
    void aTrailingDoubleStarMatchesThePathAndEverythingBelow() {
        PathPattern pattern = PathPattern.parse("/api/v1/holders/{id}/cpf/**");

        assertTrue(pattern.matches("/api/v1/holders/42/cpf"));
        assertTrue(pattern.matches("/api/v1/holders/42/cpf/"));
        assertTrue(pattern.matches("/api/v1/holders/42/cpf/entries/7"));
        assertFalse(pattern.matches("/api/v1/holders/42/cpfx"));
        assertFalse(pattern.matches("/api/v1/holders/42"));
    }

    @Test
    void literalsMustMatchExactly() {
        PathPattern pattern = PathPattern.parse("/api/v1/cpf/**");

        assertFalse(pattern.matches("/api/v1/CPF"));
        assertFalse(pattern.matches("/api/v2/cpf"));
    }

    @Test
    void badPatternsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> PathPattern.parse("api/v1/cpf"));
        assertThrows(IllegalArgumentException.class, () -> PathPattern.parse("/api/**/cpf"));
    }

    @Test
    void withoutDoubleStarAnExtraSegmentIsAnotherPath() {
        PathPattern pattern = PathPattern.parse("/api/v1/trainings");

        assertTrue(pattern.matches("/api/v1/trainings"));
        assertFalse(pattern.matches("/api/v1/trainings/7"));
        assertFalse(pattern.matches("/api/v1/trainings//"));
        assertFalse(pattern.matches("/api/v1/training"));
        assertFalse(pattern.matches("/api/v1"));
    }

    @Test
    void oneTrailingSlashIsTheSamePathAsNone() {
        // Vert.x Web serves /auth/token/ as /auth/token: a rate-limit rule or a step-up route must not miss it.
        assertTrue(PathPattern.parse("/auth/token").matches("/auth/token/"));
        assertTrue(PathPattern.parse("/api/v1/enrolments/{id}/confirm").matches("/api/v1/enrolments/42/confirm/"));
        assertTrue(PathPattern.parse("/api/v1/holders/{id}/c2p/uses").matches("/api/v1/holders/42/c2p/uses/"));
        assertTrue(PathPattern.parse("/api/v1/trainings/**").matches("/api/v1/trainings/"));
        assertTrue(PathPattern.parse("/api/v1/{service}/simulations/**").matches("/api/v1/cpf/simulations/"));
        // A pattern written with a trailing slash is the same pattern.
        assertTrue(PathPattern.parse("/auth/token/").matches("/auth/token"));
        assertTrue(PathPattern.parse("/auth/token/").matches("/auth/token/"));
        // The slash does not stand for a missing variable segment.
        assertFalse(PathPattern.parse("/api/v1/holders/{id}").matches("/api/v1/holders/"));
        assertFalse(PathPattern.parse("/api/v1/enrolments/{id}/confirm").matches("/api/v1/enrolments//confirm/"));
    }

    @Test
    void aPathShorterThanThePatternBeforeItsDoubleStarDoesNotMatch() {
        PathPattern pattern = PathPattern.parse("/api/v1/stats/**");

        assertFalse(pattern.matches("/api"));
        assertFalse(pattern.matches("/api/"));
        assertFalse(pattern.matches("/api/v1/"));
        assertTrue(pattern.matches("/api/v1/stats"));
    }

    @Test
    void aLoneDoubleStarMatchesEveryPath() {
        PathPattern pattern = PathPattern.parse("/**");

        assertTrue(pattern.matches("/"));
        assertTrue(pattern.matches("/auth/token"));
        assertTrue(pattern.matches("/api/v1/holders/42/cpf"));
    }
}

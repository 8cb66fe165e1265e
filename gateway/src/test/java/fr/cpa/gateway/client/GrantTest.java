package fr.cpa.gateway.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GrantTest {

    private static final List<Scope> REGISTERED = List.of(Scope.EMPLOYER, Scope.CATALOGUE_READ);

    @Test
    void noScopeAskedGrantsEveryRegisteredScope() {
        Grant grant = granted(Optional.empty());

        assertEquals(List.of("employer", "catalogue:read"), grant.scopes());
        assertEquals(Set.of("employer"), grant.groups());
    }

    @Test
    void aReadScopeAloneGrantsNoRole() {
        Grant grant = granted(Optional.of(Set.of("catalogue:read")));

        assertEquals("catalogue:read", grant.scope());
        assertEquals(Set.of(), grant.groups());
    }

    @Test
    void aKnownScopeNotRegisteredForTheClientIsInvalidScope() {
        Grant.Result result = Grant.of("c", ClientKind.EMPLOYER_PAYROLL, REGISTERED, List.of("73282932000074"), null,
                Optional.of(Set.of("service")));

        assertEquals("invalid_scope", assertInstanceOf(Grant.Refused.class, result).error().error());
    }

    @Test
    void onlyRoleScopesOfItsKindAreGrantedToAKind() {
        assertEquals(true, ClientKind.THIRD_PARTY.mayHave(Scope.SIMULATIONS_READ));
        assertEquals(false, ClientKind.THIRD_PARTY.mayHave(Scope.EMPLOYER));
        assertEquals(false, ClientKind.ASSOCIATION.mayHave(Scope.TRAINING_ORG));
        assertEquals(true, ClientKind.INTERNAL_SERVICE.mayHave(Scope.SERVICE));
    }

    private static Grant granted(Optional<Set<String>> asked) {
        return assertInstanceOf(Grant.Granted.class,
                Grant.of("c", ClientKind.EMPLOYER_PAYROLL, REGISTERED, List.of("73282932000074"), null, asked)).grant();
    }
}

package fr.cpa.gateway.client;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A registered machine client; its secret is only known by its bcrypt hash. */
@Entity
@Table(name = "oauth_client")
class OAuthClient extends PanacheEntityBase {

    @Id
    @Column(name = "client_id")
    String clientId;

    String name;

    String kind;

    /** Space-separated scope codes. */
    String scopes;

    /** Space-separated SIRETs, or null. */
    String sirets;

    String rna;

    @Column(name = "secret_hash")
    String secretHash;

    @Column(name = "created_at")
    Instant createdAt;

    @Column(name = "secret_rotated_at")
    Instant secretRotatedAt;

    @Column(name = "revoked_at")
    Instant revokedAt;

    ClientKind clientKind() {
        return ClientKind.of(kind).orElseThrow();
    }

    List<Scope> scopeList() {
        return split(scopes).stream().map(code -> Scope.of(code).orElseThrow()).toList();
    }

    List<String> siretList() {
        return split(sirets);
    }

    boolean revoked() {
        return revokedAt != null;
    }

    private static List<String> split(String value) {
        return value == null || value.isBlank() ? List.of() : Arrays.asList(value.trim().split(" +"));
    }
}

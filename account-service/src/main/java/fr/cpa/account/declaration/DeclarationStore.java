package fr.cpa.account.declaration;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The SQL of declarations: a declaration may carry 50 000 employees, which an ORM persisting one
 * entity at a time would turn into 50 000 round trips. Employee-months and factors go in with one
 * {@code COPY} per batch ({@link CopyRows}), pending holders in multi-row inserts, known holders are
 * found with one query per 1 000 hashes. Runs on the connection of the caller's transaction (Agroal
 * hands the transaction's connection back, the one {@code Outbox#publishAll} also uses), so it
 * commits or rolls back with the outbox rows.
 */
@ApplicationScoped
class DeclarationStore {

    /** The current (ACCEPTED) declaration of a SIRET and month, replaced by a new version. */
    record Current(UUID id, int version) {
    }

    /** A holder to create for a NIR nobody has registered yet (identity pending). */
    record NewHolder(UUID id, byte[] nirHash, byte[] nirCipher, String lastName, String firstName, LocalDate birthDate) {
    }

    /** What a replaced version had declared, to withdraw it. */
    record DeclaredLine(int line, UUID holderId) {
    }

    record DeclaredExposure(int line, UUID holderId, int year, String factor, String unit) {
    }

    private final DataSource dataSource;

    DeclarationStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Connection connection() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException("no database connection", e);
        }
    }

    /** Serialises versions of one SIRET and month until the transaction ends. */
    void lockSiretMonth(Connection c, String siret, String period) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select pg_advisory_xact_lock(hashtextextended(?, 0))")) {
            s.setString(1, "declaration:" + siret + ":" + period);
            s.execute();
        }
    }

    Optional<String> bodyHash(Connection c, UUID id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select body_hash from declaration where id = ?")) {
            s.setObject(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        }
    }

    Optional<Current> current(Connection c, String siret, String period) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "select id, version from declaration where siret = ? and period = ? and status = 'ACCEPTED' for update")) {
            s.setString(1, siret);
            s.setString(2, period);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new Current((UUID) r.getObject(1), r.getInt(2))) : Optional.empty();
            }
        }
    }

    int lastVersion(Connection c, String siret, String period) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "select coalesce(max(version), 0) from declaration where siret = ? and period = ?")) {
            s.setString(1, siret);
            s.setString(2, period);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    void markReplaced(Connection c, UUID id, UUID by) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "update declaration set status = 'REPLACED', replaced_by = ? where id = ?")) {
            s.setObject(1, by);
            s.setObject(2, id);
            s.executeUpdate();
        }
    }

    /** The new version's row, first, so that its lines can refer to it; counts come with {@link #complete}. */
    void insertHeader(Connection c, UUID id, String siret, String period, int version, UUID replaces,
                      String submittedBy) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                insert into declaration (id, siret, period, version, status, body_hash, replaces, submitted_by, received_at)
                values (?, ?, ?, ?, 'ACCEPTED', '', ?, ?, ?)""")) {
            s.setObject(1, id);
            s.setString(2, siret);
            s.setString(3, period);
            s.setInt(4, version);
            s.setObject(5, replaces);
            s.setString(6, submittedBy);
            s.setTimestamp(7, Timestamp.from(Instant.now()));
            s.executeUpdate();
        }
    }

    void complete(Connection c, UUID id, String bodyHash, int employees, int exposures, int pendingHolders)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                update declaration set body_hash = ?, employees = ?, exposures = ?, pending_holders = ? where id = ?""")) {
            s.setString(1, bodyHash);
            s.setInt(2, employees);
            s.setInt(3, exposures);
            s.setInt(4, pendingHolders);
            s.setObject(5, id);
            s.executeUpdate();
        }
    }

    /** The lines of {@code replaced} whose holder {@code replacement} does not declare. */
    List<DeclaredLine> linesGone(Connection c, UUID replaced, UUID replacement) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                select o.line, o.holder_id from declaration_employee o
                where o.declaration_id = ?
                  and not exists (select 1 from declaration_employee n where n.declaration_id = ? and n.holder_id = o.holder_id)
                order by o.line""")) {
            s.setObject(1, replaced);
            s.setObject(2, replacement);
            List<DeclaredLine> lines = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    lines.add(new DeclaredLine(r.getInt(1), (UUID) r.getObject(2)));
                }
            }
            return lines;
        }
    }

    /** The exposures of {@code replaced} (holder, year, factor, unit) that {@code replacement} does not declare. */
    List<DeclaredExposure> exposuresGone(Connection c, UUID replaced, UUID replacement) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                select o.line, o.holder_id, o.year, o.factor, o.unit from declaration_exposure o
                where o.declaration_id = ?
                  and not exists (select 1 from declaration_exposure n where n.declaration_id = ? and n.holder_id = o.holder_id
                                  and n.year = o.year and n.factor = o.factor and n.unit = o.unit)
                order by o.line, o.factor, o.unit""")) {
            s.setObject(1, replaced);
            s.setObject(2, replacement);
            List<DeclaredExposure> exposures = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    exposures.add(new DeclaredExposure(r.getInt(1), (UUID) r.getObject(2), r.getInt(3),
                            r.getString(4), r.getString(5)));
                }
            }
            return exposures;
        }
    }

    /** Rows per multi-row statement: PostgreSQL binds at most 32 767 parameters in one statement. */
    private static final int ROWS_PER_STATEMENT = 1000;

    /**
     * Holder ids by the hex of their NIR look-up hash, for those of {@code hashes} already known: one
     * query per {@value #ROWS_PER_STATEMENT} hashes, on the unique index of {@code nir_hash}.
     */
    Map<String, UUID> holdersByHash(Connection c, List<byte[]> hashes) throws SQLException {
        Map<String, UUID> found = new HashMap<>();
        for (int from = 0; from < hashes.size(); from += ROWS_PER_STATEMENT) {
            List<byte[]> chunk = hashes.subList(from, Math.min(hashes.size(), from + ROWS_PER_STATEMENT));
            StringBuilder sql = new StringBuilder("select nir_hash, id from holder where nir_hash in (");
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "?" : ",?");
            }
            sql.append(')');
            try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < chunk.size(); i++) {
                    s.setBytes(i + 1, chunk.get(i));
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        found.put(HexFormat.of().formatHex(r.getBytes(1)), (UUID) r.getObject(2));
                    }
                }
            }
        }
        return found;
    }

    /**
     * Creates pending holders, {@value #ROWS_PER_STATEMENT} per statement; a NIR that a concurrent request
     * registered meanwhile is skipped ({@code on conflict do nothing}). Returns the ids actually created.
     */
    List<UUID> insertPendingHolders(Connection c, List<NewHolder> holders) throws SQLException {
        List<UUID> created = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now());
        for (int from = 0; from < holders.size(); from += ROWS_PER_STATEMENT) {
            List<NewHolder> chunk = holders.subList(from, Math.min(holders.size(), from + ROWS_PER_STATEMENT));
            StringBuilder sql = new StringBuilder("""
                    insert into holder (id, nir_hash, nir_cipher, last_name, first_name, birth_date, identity_status,
                    created_at, version) values """);
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ",").append("(?, ?, ?, ?, ?, ?, 'PENDING', ?, 0)");
            }
            sql.append(" on conflict (nir_hash) do nothing returning id");
            try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                int p = 1;
                for (NewHolder h : chunk) {
                    s.setObject(p++, h.id());
                    s.setBytes(p++, h.nirHash());
                    s.setBytes(p++, h.nirCipher());
                    s.setString(p++, h.lastName());
                    s.setString(p++, h.firstName());
                    s.setDate(p++, Date.valueOf(h.birthDate()));
                    s.setTimestamp(p++, now);
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        created.add((UUID) r.getObject(1));
                    }
                }
            }
        }
        return created;
    }

    /**
     * The batch's employee-months with one {@code COPY}; {@code absencesJson} is each one's counted
     * absences, in the order of {@code employees}.
     */
    void insertLines(Connection c, UUID declarationId, List<DeclaredEmployee> employees, Map<Integer, UUID> holders,
                     List<String> absencesJson) throws SQLException {
        try (CopyRows copy = CopyRows.open(c, """
                copy declaration_employee (declaration_id, line, holder_id, last_name, first_name, birth_date,
                contract_nature, contract_start, contract_end, status, category, time_unit, paid_time, reference_time,
                part_time_rate, gross_pay, absences) from stdin""")) {
            for (int i = 0; i < employees.size(); i++) {
                DeclaredEmployee e = employees.get(i);
                copy.value(declarationId).number(e.index()).value(holders.get(e.index()))
                        .text(e.lastName()).text(e.firstName()).value(e.birthDate())
                        .text(e.contract().nature()).value(e.contract().start()).value(e.contract().end())
                        .text(e.contract().status()).text(e.contract().category()).text(e.timeUnit())
                        .value(e.paidTime()).value(e.referenceTime()).value(e.partTimeRate()).value(e.grossPayCents())
                        .text(absencesJson.get(i))
                        .endRow();
            }
            copy.finish();
        }
    }

    /** The batch's hardship factors with one {@code COPY} (none: no statement). */
    void insertExposures(Connection c, UUID declarationId, int year, List<DeclaredEmployee> employees,
                         Map<Integer, UUID> holders) throws SQLException {
        if (employees.stream().allMatch(e -> e.exposures().isEmpty())) {
            return;
        }
        try (CopyRows copy = CopyRows.open(c, """
                copy declaration_exposure (declaration_id, line, holder_id, year, factor, quantity, unit, months)
                from stdin""")) {
            for (DeclaredEmployee e : employees) {
                for (DeclaredEmployee.Exposure x : e.exposures()) {
                    copy.value(declarationId).number(e.index()).value(holders.get(e.index())).number(year)
                            .text(x.factor()).number(x.quantity()).text(x.unit()).number(x.months())
                            .endRow();
                }
            }
            copy.finish();
        }
    }
}

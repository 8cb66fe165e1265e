package fr.cpa.catalogue.importer;

import fr.cpa.catalogue.csv.CsvReader;
import fr.cpa.catalogue.rules.CatalogueRules;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Imports the open-data catalogue CSV on a JDBC connection, without any framework, so that the
 * service and the command line share it. The file is read as a stream, one record at a time, and
 * written in batches, each in its own transaction together with the import's progress: a crash
 * leaves whole batches and a true progress. Offers are upserted by {@code numero_formation} and
 * their areas by department; a row that changes nothing writes nothing, so a re-run is harmless.
 */
public final class CatalogueImporter {

    /** Rows per transaction. */
    static final int BATCH = 500;
    /** Rejected rows kept with their reasons per import (all are counted). */
    static final int MAX_KEPT_REJECTIONS = 1_000;

    /** The counters of an import. */
    public record Counts(long rowsRead, long created, long updated, long unchanged, long rejected, long bytesRead) {
    }

    /** Told after each committed batch. */
    public interface Progress {
        void committed(Counts counts);
    }

    private final Connection c;
    private final UUID importId;
    private final Map<String, UUID> organisations = new HashMap<>();
    private final LocalDate today = LocalDate.now();
    private long read;
    private long created;
    private long updated;
    private long unchanged;
    private long rejected;
    private long keptRejections;

    public CatalogueImporter(Connection connection, UUID importId) {
        this.c = connection;
        this.importId = importId;
    }

    /** Records a new import as RUNNING and commits. */
    public static void begin(Connection c, UUID id, String fileName, String requestedBy, Long bytesTotal) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("""
                insert into catalogue_import (id, status, file_name, requested_by, bytes_total, started_at)
                values (?, 'RUNNING', ?, ?, ?, now())""")) {
            ps.setObject(1, id);
            ps.setString(2, fileName);
            ps.setString(3, requestedBy);
            ps.setObject(4, bytesTotal);
            ps.executeUpdate();
        }
        c.commit();
    }

    /** Marks an import FAILED with the error, after a rollback of the batch in progress. */
    public static void fail(Connection c, UUID id, String error) throws SQLException {
        c.rollback();
        try (PreparedStatement ps = c.prepareStatement(
                "update catalogue_import set status = 'FAILED', error = ?, finished_at = now() where id = ?")) {
            ps.setString(1, error == null ? "unknown error" : error.length() > 2000 ? error.substring(0, 2000) : error);
            ps.setObject(2, id);
            ps.executeUpdate();
        }
        c.commit();
    }

    /** Reads the whole stream; returns the final counts. The import row must exist ({@link #begin}). */
    public Counts run(InputStream input, Progress progress) throws SQLException {
        c.setAutoCommit(false);
        CountingStream counting = new CountingStream(input);
        Map<String, String> regionOfDepartment = departments();
        try (CsvReader csv = CsvReader.open(new InputStreamReader(counting, StandardCharsets.UTF_8))) {
            OpenDataMapper mapper = new OpenDataMapper(csv::column, regionOfDepartment);
            List<String> missing = mapper.missingColumns();
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("the header lacks the column(s) " + String.join(", ", missing)
                        + " of the open-data export");
            }
            try (Statements s = new Statements(c)) {
                Set<UUID> touched = new LinkedHashSet<>();
                List<Accepted> batch = new ArrayList<>(BATCH);
                int inBatch = 0;
                for (List<String> fields; (fields = csv.next()) != null; ) {
                    read++;
                    OpenDataMapper.Result result = mapper.map(fields);
                    if (result.accepted()) {
                        batch.add(new Accepted(result.row(), csv.recordLine()));
                    } else {
                        reject(s, csv.recordLine(), numberOf(csv, fields), String.join("; ", result.reasons()));
                    }
                    if (++inBatch == BATCH) {
                        write(s, batch, touched);
                        commit(s, touched, counting.count, false);
                        progress.committed(counts(counting.count));
                        inBatch = 0;
                    }
                }
                write(s, batch, touched);
                commit(s, touched, counting.count, true);
            }
        }
        Counts counts = counts(counting.count);
        progress.committed(counts);
        return counts;
    }

    private Counts counts(long bytes) {
        return new Counts(read, created, updated, unchanged, rejected, bytes);
    }

    private static String numberOf(CsvReader csv, List<String> fields) {
        int i = csv.column("numero_formation");
        return i >= 0 && i < fields.size() && !fields.get(i).isBlank()
                ? fields.get(i).strip().substring(0, Math.min(150, fields.get(i).strip().length())) : null;
    }

    /** An accepted row and its line in the file. */
    private record Accepted(OpenDataRow row, long line) {
    }

    /** An offer as the database has it: what an import compares a row with. */
    private record KnownOffer(UUID id, String source, String hash) {
    }

    /** An area's values as the upsert of an area compares them ({@code is distinct from}: nulls equal). */
    private record AreaValues(String regionCode, int sessionsActive, int sessionsRemote, Long priceMinCents,
                              Long priceMaxCents, Integer durationMinMinutes, Integer durationMaxMinutes) {
        static AreaValues of(OpenDataRow r) {
            return new AreaValues(r.regionCode(), r.sessionsActive(), r.sessionsRemote(), r.priceMinCents(),
                    r.priceMaxCents(), r.durationMinMinutes(), r.durationMaxMinutes());
        }
    }

    private record AreaKey(UUID offerId, String departmentCode) {
    }

    /**
     * Writes a batch's rows in file order. What the database already has of their offers and areas is read
     * first, in two queries, so that a row that changes nothing sends no statement: a daily re-import of the
     * whole catalogue is mostly such rows, and an upsert per row also computes the offer's search vector
     * (a generated column) before it finds the conflict.
     */
    private void write(Statements s, List<Accepted> batch, Set<UUID> touched) throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        Map<String, KnownOffer> offers = new HashMap<>();
        s.knownOffers.setArray(1, c.createArrayOf("text", batch.stream().map(a -> a.row().number()).distinct().toArray()));
        try (ResultSet rs = s.knownOffers.executeQuery()) {
            while (rs.next()) {
                offers.put(rs.getString(1), new KnownOffer(rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4)));
            }
        }
        Map<AreaKey, AreaValues> areas = new HashMap<>();
        s.knownAreas.setArray(1, c.createArrayOf("uuid", offers.values().stream().map(KnownOffer::id).toArray()));
        try (ResultSet rs = s.knownAreas.executeQuery()) {
            while (rs.next()) {
                areas.put(new AreaKey(rs.getObject(1, UUID.class), rs.getString(2)), new AreaValues(rs.getString(3),
                        rs.getInt(4), rs.getInt(5), rs.getObject(6, Long.class), rs.getObject(7, Long.class),
                        rs.getObject(8, Integer.class), rs.getObject(9, Integer.class)));
            }
        }
        Map<String, Aggregates> inBatch = Aggregates.ofBatch(batch.stream().map(Accepted::row).toList());
        for (Accepted a : batch) {
            write(s, a.row(), a.line(), offers, areas, inBatch, touched);
        }
        batch.clear();
    }

    /** One row: its offer and its area, each written only when it differs from what {@code offers}/{@code areas} hold. */
    private void write(Statements s, OpenDataRow row, long line, Map<String, KnownOffer> offers,
                       Map<AreaKey, AreaValues> areas, Map<String, Aggregates> inBatch, Set<UUID> touched)
            throws SQLException {
        UUID organisationId = organisation(s, row);
        boolean cpfEligible = CatalogueRules.cpfEligible(row.certificationType(), row.certificationCode(), today);
        String hash = hash(row, organisationId, cpfEligible);
        KnownOffer known = offers.get(row.number());
        if (known != null && !"OPEN_DATA".equals(known.source())) {
            reject(s, line, row.number(), "offer " + row.number() + " is managed by its organisation through the API");
            return;
        }
        UUID offerId;
        boolean offerCreated = false;
        boolean offerChanged = false;
        if (known != null && hash.equals(known.hash())) {
            offerId = known.id();
        } else {
            OfferWrite written = upsertOffer(s, row, organisationId, cpfEligible, hash, inBatch.get(row.number()));
            if (written == null) {
                reject(s, line, row.number(), "offer " + row.number() + " is managed by its organisation through the API");
                return;
            }
            offerId = written.id();
            offerCreated = written.created();
            offerChanged = written.changed();
            offers.put(row.number(), new KnownOffer(offerId, "OPEN_DATA", hash));
        }
        AreaKey key = new AreaKey(offerId, row.departmentCode());
        AreaValues values = AreaValues.of(row);
        boolean areaChanged = false;
        if (!values.equals(areas.get(key))) {
            PreparedStatement area = s.upsertArea;
            area.setObject(1, offerId);
            area.setString(2, row.departmentCode());
            area.setString(3, row.regionCode());
            area.setInt(4, row.sessionsActive());
            area.setInt(5, row.sessionsRemote());
            area.setObject(6, row.priceMinCents());
            area.setObject(7, row.priceMaxCents());
            area.setObject(8, row.durationMinMinutes());
            area.setObject(9, row.durationMaxMinutes());
            try (ResultSet rs = area.executeQuery()) {
                areaChanged = rs.next();
            }
            areas.put(key, values);
        }
        if (offerCreated) {
            created++;
        } else if (offerChanged || areaChanged) {
            updated++;
        } else {
            unchanged++;
        }
        if (offerCreated || offerChanged || areaChanged) {
            touched.add(offerId);
        }
    }

    /**
     * What {@link #REFRESH_AGGREGATES} computes from an offer's areas, computed here from the batch's rows of a new
     * offer and written with it: the refresh at the end of the batch then finds nothing to change, where it
     * rewrote every new offer (its row, its indexes and its search rows) a second time. Should the two ever
     * differ (an offer's rows in two batches), the refresh still has the last word.
     */
    record Aggregates(List<String> regions, List<String> departments, Long priceMinCents, Long priceMaxCents,
                      Integer durationMinMinutes, Integer durationMaxMinutes, String modality) {

        /** Per offer number, from its rows (a later row of the same department replaces an earlier one, as its upsert does). */
        static Map<String, Aggregates> ofBatch(List<OpenDataRow> rows) {
            Map<String, Map<String, OpenDataRow>> areas = new HashMap<>();
            for (OpenDataRow r : rows) {
                areas.computeIfAbsent(r.number(), n -> new HashMap<>()).put(r.departmentCode(), r);
            }
            Map<String, Aggregates> byNumber = new HashMap<>();
            areas.forEach((number, byDepartment) -> byNumber.put(number, of(byDepartment.values())));
            return byNumber;
        }

        static Aggregates of(Collection<OpenDataRow> areas) {
            TreeSet<String> regions = new TreeSet<>();
            TreeSet<String> departments = new TreeSet<>();
            Long priceMin = null;
            Long priceMax = null;
            Integer durationMin = null;
            Integer durationMax = null;
            boolean allRemote = true;
            boolean anyRemote = false;
            for (OpenDataRow a : areas) {
                if (a.regionCode() != null) {
                    regions.add(a.regionCode());
                }
                if (!a.departmentCode().isEmpty()) {
                    departments.add(a.departmentCode());
                }
                priceMin = least(priceMin, a.priceMinCents());
                priceMax = greatest(priceMax, a.priceMaxCents());
                durationMin = least(durationMin, a.durationMinMinutes());
                durationMax = greatest(durationMax, a.durationMaxMinutes());
                boolean nowhere = a.departmentCode().isEmpty();
                allRemote &= nowhere || (a.sessionsRemote() > 0 && a.sessionsRemote() >= a.sessionsActive());
                anyRemote |= nowhere || a.sessionsRemote() > 0;
            }
            return new Aggregates(List.copyOf(regions), List.copyOf(departments), priceMin, priceMax, durationMin,
                    durationMax, allRemote ? "REMOTE" : anyRemote ? "MIXED" : "ON_SITE");
        }

        private static <T extends Comparable<T>> T least(T a, T b) {
            return a == null ? b : b == null || a.compareTo(b) <= 0 ? a : b;
        }

        private static <T extends Comparable<T>> T greatest(T a, T b) {
            return a == null ? b : b == null || a.compareTo(b) >= 0 ? a : b;
        }
    }

    /** What the upsert of an offer did. */
    private record OfferWrite(UUID id, boolean created, boolean changed) {
    }

    /**
     * Inserts the offer, or updates it when its hash differs (another import may have written the same offer
     * since the batch was read: then nothing changes); null when the number is an offer its organisation
     * manages through the API.
     */
    private OfferWrite upsertOffer(Statements s, OpenDataRow row, UUID organisationId, boolean cpfEligible, String hash,
                                   Aggregates aggregates) throws SQLException {
        PreparedStatement up = s.upsertOffer;
        int i = 1;
        up.setObject(i++, UUID.randomUUID());
        up.setString(i++, row.number());
        up.setObject(i++, organisationId);
        up.setString(i++, row.title());
        up.setString(i++, row.objective());
        up.setString(i++, row.content());
        up.setString(i++, row.certificationType().name());
        up.setString(i++, row.certificationCode());
        up.setString(i++, row.certificationTitle());
        up.setArray(i++, c.createArrayOf("text", row.formacodes().toArray()));
        up.setArray(i++, c.createArrayOf("text", row.romeCodes().toArray()));
        up.setBoolean(i++, cpfEligible);
        up.setString(i++, hash);
        up.setArray(i++, c.createArrayOf("text", aggregates.regions().toArray()));
        up.setArray(i++, c.createArrayOf("text", aggregates.departments().toArray()));
        up.setObject(i++, aggregates.priceMinCents());
        up.setObject(i++, aggregates.priceMaxCents());
        up.setObject(i++, aggregates.durationMinMinutes());
        up.setObject(i++, aggregates.durationMaxMinutes());
        up.setString(i, aggregates.modality());
        try (ResultSet rs = up.executeQuery()) {
            if (rs.next()) {
                boolean created = rs.getBoolean(2);
                return new OfferWrite(rs.getObject(1, UUID.class), created, !created);
            }
        }
        s.findOffer.setString(1, row.number());
        try (ResultSet rs = s.findOffer.executeQuery()) {
            rs.next();
            return "OPEN_DATA".equals(rs.getString(2)) ? new OfferWrite(rs.getObject(1, UUID.class), false, false) : null;
        }
    }

    private UUID organisation(Statements s, OpenDataRow row) throws SQLException {
        UUID known = organisations.get(row.siret());
        if (known != null) {
            return known;
        }
        s.upsertOrganisation.setObject(1, UUID.randomUUID());
        s.upsertOrganisation.setString(2, row.siret());
        s.upsertOrganisation.setString(3, row.organisationName().length() > 250
                ? row.organisationName().substring(0, 250) : row.organisationName());
        s.upsertOrganisation.executeUpdate();
        s.findOrganisation.setString(1, row.siret());
        try (ResultSet rs = s.findOrganisation.executeQuery()) {
            rs.next();
            UUID id = rs.getObject(1, UUID.class);
            organisations.put(row.siret(), id);
            return id;
        }
    }

    private void reject(Statements s, long line, String number, String reasons) throws SQLException {
        rejected++;
        if (keptRejections++ < MAX_KEPT_REJECTIONS) {
            s.reject.setObject(1, importId);
            s.reject.setLong(2, line);
            s.reject.setString(3, number);
            s.reject.setString(4, reasons);
            s.reject.executeUpdate();
        }
    }

    private void commit(Statements s, Set<UUID> touched, long bytes, boolean last) throws SQLException {
        if (!touched.isEmpty()) {
            s.refresh.setArray(1, c.createArrayOf("uuid", touched.toArray()));
            s.refresh.executeUpdate();
            touched.clear();
        }
        PreparedStatement p = s.progress;
        p.setLong(1, bytes);
        p.setLong(2, read);
        p.setLong(3, created);
        p.setLong(4, updated);
        p.setLong(5, unchanged);
        p.setLong(6, rejected);
        p.setString(7, last ? "DONE" : "RUNNING");
        p.setTimestamp(8, last ? Timestamp.from(Instant.now()) : null);
        p.setObject(9, importId);
        p.executeUpdate();
        c.commit();
    }

    private Map<String, String> departments() throws SQLException {
        Map<String, String> map = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select code, region_code from department")) {
            while (rs.next()) {
                map.put(rs.getString(1), rs.getString(2));
            }
        }
        c.commit();
        if (map.isEmpty()) {
            throw new IllegalStateException("no departments: the reference data is not loaded (start the service once)");
        }
        return map;
    }

    /** What an offer row says at the offer level: equal hashes mean nothing to write. */
    private static String hash(OpenDataRow r, UUID organisationId, boolean cpfEligible) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (Object o : new Object[]{organisationId, r.title(), r.objective(), r.content(), r.certificationType(),
                    r.certificationCode(), r.certificationTitle(), r.formacodes(), r.romeCodes(), cpfEligible}) {
                d.update(String.valueOf(o).getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The prepared statements of one run. */
    private static final class Statements implements AutoCloseable {
        final PreparedStatement upsertOrganisation;
        final PreparedStatement findOrganisation;
        final PreparedStatement upsertOffer;
        final PreparedStatement findOffer;
        final PreparedStatement knownOffers;
        final PreparedStatement knownAreas;
        final PreparedStatement upsertArea;
        final PreparedStatement refresh;
        final PreparedStatement reject;
        final PreparedStatement progress;
        private final List<PreparedStatement> all = new ArrayList<>();

        Statements(Connection c) throws SQLException {
            upsertOrganisation = add(c.prepareStatement("""
                    insert into organisation (id, siret, name, status, created_at, updated_at)
                    values (?, ?, ?, 'ACTIVE', now(), now())
                    on conflict (siret) do update set name = excluded.name, updated_at = now()
                    where organisation.name is distinct from excluded.name"""));
            findOrganisation = add(c.prepareStatement("select id from organisation where siret = ?"));
            upsertOffer = add(c.prepareStatement("""
                    insert into offer (id, number, organisation_id, title, objective, content, certification_type,
                        certification_code, certification_title, formacodes, rome_codes, cpf_eligible, source_hash,
                        region_codes, department_codes, price_min_cents, price_max_cents, duration_min_minutes,
                        duration_max_minutes, modality, status, source, created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PUBLISHED', 'OPEN_DATA', now(), now())
                    on conflict (number) do update set organisation_id = excluded.organisation_id,
                        title = excluded.title, objective = excluded.objective, content = excluded.content,
                        certification_type = excluded.certification_type, certification_code = excluded.certification_code,
                        certification_title = excluded.certification_title, formacodes = excluded.formacodes,
                        rome_codes = excluded.rome_codes, cpf_eligible = excluded.cpf_eligible,
                        source_hash = excluded.source_hash, updated_at = now(), version = offer.version + 1
                    where offer.source = 'OPEN_DATA' and offer.source_hash is distinct from excluded.source_hash
                    returning id, (xmax = 0)"""));
            findOffer = add(c.prepareStatement("select id, source from offer where number = ?"));
            knownOffers = add(c.prepareStatement("select number, id, source, source_hash from offer where number = any (?)"));
            knownAreas = add(c.prepareStatement("""
                    select offer_id, department_code, region_code, sessions_active, sessions_remote, price_min_cents,
                        price_max_cents, duration_min_minutes, duration_max_minutes
                    from offer_area where offer_id = any (?)"""));
            upsertArea = add(c.prepareStatement("""
                    insert into offer_area (offer_id, department_code, region_code, sessions_active, sessions_remote,
                        price_min_cents, price_max_cents, duration_min_minutes, duration_max_minutes)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (offer_id, department_code) do update set region_code = excluded.region_code,
                        sessions_active = excluded.sessions_active, sessions_remote = excluded.sessions_remote,
                        price_min_cents = excluded.price_min_cents, price_max_cents = excluded.price_max_cents,
                        duration_min_minutes = excluded.duration_min_minutes, duration_max_minutes = excluded.duration_max_minutes
                    where (offer_area.region_code, offer_area.sessions_active, offer_area.sessions_remote,
                           offer_area.price_min_cents, offer_area.price_max_cents, offer_area.duration_min_minutes,
                           offer_area.duration_max_minutes)
                        is distinct from (excluded.region_code, excluded.sessions_active, excluded.sessions_remote,
                           excluded.price_min_cents, excluded.price_max_cents, excluded.duration_min_minutes,
                           excluded.duration_max_minutes)
                    returning (xmax = 0)"""));
            refresh = add(c.prepareStatement(REFRESH_AGGREGATES));
            reject = add(c.prepareStatement("""
                    insert into catalogue_import_rejection (import_id, line, number, reasons) values (?, ?, ?, ?)
                    on conflict do nothing"""));
            progress = add(c.prepareStatement("""
                    update catalogue_import set bytes_read = ?, rows_read = ?, created = ?, updated = ?, unchanged = ?,
                        rejected = ?, status = ?, finished_at = ? where id = ?"""));
        }

        private PreparedStatement add(PreparedStatement ps) {
            all.add(ps);
            return ps;
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement ps : all) {
                ps.close();
            }
        }
    }

    /**
     * An offer's regions, departments, price and duration ranges and modality follow from its areas: an
     * area without department (remote or nationwide) or with only remote sessions is remote.
     */
    static final String REFRESH_AGGREGATES = """
            update offer o set region_codes = a.regions, department_codes = a.departments,
                price_min_cents = a.price_min, price_max_cents = a.price_max,
                duration_min_minutes = a.duration_min, duration_max_minutes = a.duration_max, modality = a.modality
            from (select offer_id,
                    coalesce(array_agg(distinct region_code::text order by region_code::text)
                             filter (where region_code is not null), '{}'::text[]) as regions,
                    coalesce(array_agg(distinct department_code::text order by department_code::text)
                             filter (where department_code <> ''), '{}'::text[]) as departments,
                    min(price_min_cents) as price_min, max(price_max_cents) as price_max,
                    min(duration_min_minutes) as duration_min, max(duration_max_minutes) as duration_max,
                    case when bool_and(department_code = '' or (sessions_remote > 0 and sessions_remote >= sessions_active))
                              then 'REMOTE'
                         when bool_or(department_code = '' or sessions_remote > 0) then 'MIXED'
                         else 'ON_SITE' end as modality
                  from offer_area where offer_id = any (?) group by offer_id) a
            where o.id = a.offer_id
              and (o.region_codes, o.department_codes, o.price_min_cents, o.price_max_cents, o.duration_min_minutes,
                   o.duration_max_minutes, o.modality)
                  is distinct from (a.regions, a.departments, a.price_min, a.price_max, a.duration_min, a.duration_max,
                   a.modality)""";

    /** Counts the bytes read, for the progress of a file of known size. */
    static final class CountingStream extends FilterInputStream {
        volatile long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}

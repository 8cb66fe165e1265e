package fr.cpa.catalogue.search;

import fr.cpa.catalogue.reference.Geography;
import fr.cpa.catalogue.rules.CertificationType;
import fr.cpa.catalogue.rules.Modality;
import fr.cpa.platform.money.Money;
import fr.cpa.platform.problem.ProblemException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The public catalogue search, in SQL: PostgreSQL full text with the {@code french_unaccent}
 * configuration (French stemming, accents ignored), weighted title (A) > certification (B) > objective
 * and content (C); when the words match nothing, a trigram search on the title tolerates typos.
 * Facets count the whole result set, with every filter applied. Ties are broken by id, so pages are
 * stable.
 */
@ApplicationScoped
public class TrainingSearch {

    static final String TS_QUERY = "websearch_to_tsquery('french_unaccent', ?)";

    private final AgroalDataSource dataSource;
    private final Geography geography;

    TrainingSearch(AgroalDataSource dataSource, Geography geography) {
        this.dataSource = dataSource;
        this.geography = geography;
    }

    /** The WHERE clause of a search and its parameters, shared by the page and the facet queries. */
    record Where(String sql, List<Object> params, String rank, List<Object> rankParams) {
    }

    public SearchApi.SearchPage search(SearchQuery query) {
        try (Connection c = dataSource.getConnection()) {
            boolean fuzzy = false;
            Pass pass = pass(c, query, where(query, false));
            if (pass.total == 0 && query.hasText()) {
                pass = pass(c, query, where(query, true));
                fuzzy = true;
            }
            List<SearchApi.TrainingItem> items = pass.page.isEmpty() ? List.of() : items(c, pass.page);
            Map<String, List<SearchApi.FacetValue>> facets = new LinkedHashMap<>();
            facets.put("region", pass.regions);
            facets.put("certificationType", pass.certificationTypes);
            facets.put("modality", pass.modalities);
            String sort = switch (query.sort()) {
                case RELEVANCE -> "relevance";
                case PRICE -> "price";
                case START_DATE -> "startDate";
            };
            return new SearchApi.SearchPage(items, pass.total, query.page(), query.size(), facets, sort, fuzzy);
        } catch (SQLException e) {
            throw new IllegalStateException("search failed", e);
        }
    }

    Where where(SearchQuery q, boolean fuzzy) {
        // the narrow search table (V8) holds only published offers of active organisations, one row per
        // offer and region: a region filter picks that region's rows, otherwise each offer's first row
        StringBuilder sql = new StringBuilder(" from offer_search o where ");
        List<Object> params = new ArrayList<>();
        if (q.region() != null) {
            sql.append("o.region_code = ?");
            params.add(q.region());
        } else {
            sql.append("o.first_area");
        }
        String rank = "0.0";
        List<Object> rankParams = new ArrayList<>();
        if (q.hasText()) {
            if (fuzzy) {
                // word_similarity: the query against the closest run of words of the title
                sql.append(" and catalogue_fold(?) <% o.title_folded");
                params.add(q.q());
                rank = "word_similarity(catalogue_fold(?), o.title_folded)";
            } else {
                sql.append(" and o.search_vector @@ ").append(TS_QUERY);
                params.add(q.q());
                rank = "ts_rank_cd(o.search_vector, " + TS_QUERY + ")";
            }
            rankParams.add(q.q());
        }
        if (q.department() != null) {
            sql.append(" and o.department_codes @> array[?]::text[]");
            params.add(q.department());
        }
        if (q.certificationType() != null) {
            sql.append(" and o.certification_type = ?");
            params.add(q.certificationType().name());
        }
        if (q.certificationCode() != null) {
            if (q.certificationCode().chars().allMatch(Character::isDigit)) {
                sql.append(" and o.certification_code in (?, ?)");
                params.add("RNCP" + q.certificationCode());
                params.add("RS" + q.certificationCode());
            } else {
                sql.append(" and o.certification_code = ?");
                params.add(q.certificationCode());
            }
        }
        if (q.rome() != null) {
            // an offer leads to a job by its own ROME codes or through its RNCP certification
            sql.append(" and (o.rome_codes @> array[?]::text[] or o.certification_code in"
                    + " (select cj.certification_code from certification_job cj where cj.rome_code = ?))");
            params.add(q.rome());
            params.add(q.rome());
        }
        if (q.maxPriceCents() != null) {
            sql.append(" and o.price_min_cents <= ?");
            params.add(q.maxPriceCents());
        }
        if (q.modality() != null) {
            sql.append(" and o.modality = ?");
            params.add(q.modality().name());
        }
        if (q.startAfter() != null) {
            sql.append(" and exists (select 1 from training_session s where s.offer_id = o.offer_id"
                    + " and s.status = 'OPEN' and s.start_date >= ?)");
            params.add(q.startAfter());
        }
        return new Where(sql.toString(), params, rank, rankParams);
    }

    /** What one pass over the matches gives: the total, the facets and the ids of the page in order. */
    record Pass(long total, List<SearchApi.FacetValue> regions, List<SearchApi.FacetValue> certificationTypes,
                List<SearchApi.FacetValue> modalities, List<RankedId> page) {
    }

    record RankedId(UUID id, double rank, long ordinal) {
    }

    /**
     * One statement, one visit of each matching offer: the match set is materialised with only the
     * columns the facets and the order need, then counted once with grouping sets (the total, by type, by
     * modality, by set of regions, unnested here) and cut to the page (a top-N sort of that narrow set).
     * Without words the match set comes from a covering index alone (V8). The page's rows are read
     * afterwards by primary key.
     */
    private Pass pass(Connection c, SearchQuery query, Where where) throws SQLException {
        String order = switch (query.sort()) {
            case RELEVANCE -> query.hasText() ? "rank desc, id" : "title, id";
            case PRICE -> "price_min_cents asc nulls last, id";
            case START_DATE -> "next_session_start asc nulls last, id";
        };
        String sql = "with m as materialized (select o.offer_id as id, o.title, o.certification_type, o.modality,"
                + " o.region_codes, o.price_min_cents, o.next_session_start, " + where.rank() + " as rank"
                + where.sql() + ")"
                + " select grouping(certification_type, modality, region_codes), certification_type, modality,"
                + " region_codes, count(*), null::uuid, null::float8, null::bigint from m"
                + " group by grouping sets ((), (certification_type), (modality), (region_codes))"
                + " union all (select -1, null, null, null, null, id, rank, row_number() over (order by " + order + ")"
                + " from m order by " + order + " limit ? offset ?)";
        long total = 0;
        Map<String, Long> regionCounts = new HashMap<>();
        List<SearchApi.FacetValue> types = new ArrayList<>();
        List<SearchApi.FacetValue> modalities = new ArrayList<>();
        List<RankedId> page = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = bind(ps, where.rankParams(), 1);
            i = bind(ps, where.params(), i);
            ps.setInt(i++, query.size());
            ps.setInt(i, query.page() * query.size());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    // grouping(): a bit set per column left out of the row's grouping set
                    switch (rs.getInt(1)) {
                        case 7 -> total = rs.getLong(5);
                        case 3 -> types.add(new SearchApi.FacetValue(rs.getString(2), rs.getString(2), rs.getLong(5)));
                        case 5 -> modalities.add(new SearchApi.FacetValue(rs.getString(3), rs.getString(3), rs.getLong(5)));
                        case 6 -> {
                            long n = rs.getLong(5);
                            for (String code : strings(rs.getArray(4))) {
                                regionCounts.merge(code, n, Long::sum);
                            }
                        }
                        default -> page.add(new RankedId(rs.getObject(6, UUID.class), rs.getDouble(7), rs.getLong(8)));
                    }
                }
            }
        }
        List<SearchApi.FacetValue> regions = new ArrayList<>();
        regionCounts.forEach((code, n) -> regions.add(
                new SearchApi.FacetValue(code, geography.regionName(code).orElse(code), n)));
        page.sort(Comparator.comparingLong(RankedId::ordinal));
        return new Pass(total, sorted(regions), sorted(types), sorted(modalities), page);
    }

    private static List<SearchApi.FacetValue> sorted(List<SearchApi.FacetValue> values) {
        values.sort((a, b) -> a.count() != b.count() ? Long.compare(b.count(), a.count()) : a.value().compareTo(b.value()));
        return List.copyOf(values);
    }

    /** The page's offers, read by primary key and given back in the pass's order. */
    private List<SearchApi.TrainingItem> items(Connection c, List<RankedId> page) throws SQLException {
        String sql = "select o.id, o.number, o.title, g.siret, g.name, o.certification_type, o.certification_code,"
                + " o.certification_title, o.price_min_cents, o.price_max_cents, o.duration_min_minutes, o.modality,"
                + " o.region_codes, o.department_codes, o.next_session_start, o.cpf_eligible"
                + " from offer o join organisation g on g.id = o.organisation_id where o.id = any (?)";
        Map<UUID, SearchApi.TrainingItem> byId = new HashMap<>();
        Map<UUID, Double> ranks = new HashMap<>();
        page.forEach(p -> ranks.put(p.id(), p.rank()));
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("uuid", page.stream().map(RankedId::id).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    byId.put(id, new SearchApi.TrainingItem(rs.getString(1), rs.getString(2), rs.getString(3),
                            new SearchApi.OrganisationRef(rs.getString(4), rs.getString(5)),
                            new SearchApi.Certification(CertificationType.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8)),
                            money(rs, 9), money(rs, 10), (Integer) rs.getObject(11), Modality.valueOf(rs.getString(12)),
                            strings(rs.getArray(13)), strings(rs.getArray(14)),
                            rs.getObject(15, LocalDate.class), rs.getBoolean(16),
                            Math.round(ranks.get(id) * 10_000) / 10_000.0));
                }
            }
        }
        List<SearchApi.TrainingItem> items = new ArrayList<>(page.size());
        for (RankedId p : page) {
            SearchApi.TrainingItem item = byId.get(p.id());
            if (item != null) {
                items.add(item);
            }
        }
        return items;
    }

    public SearchApi.TrainingDetail detail(UUID id) {
        try (Connection c = dataSource.getConnection()) {
            SearchApi.TrainingDetail detail;
            String certificationCode;
            try (PreparedStatement ps = c.prepareStatement("""
                    select o.id, o.number, o.title, o.objective, o.content, o.certification_type, o.certification_code,
                           o.certification_title, o.formacodes, o.rome_codes, o.duration_min_minutes, o.duration_max_minutes,
                           o.price_min_cents, o.price_max_cents, o.modality, o.cpf_eligible, o.next_session_start,
                           g.siret, g.name, g.declaration_number, g.qualiopi_certificate, g.qualiopi_valid_until
                    from offer o join organisation g on g.id = o.organisation_id
                    where o.id = ? and o.status = 'PUBLISHED' and g.status = 'ACTIVE'""")) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw ProblemException.notFound("training " + id);
                    }
                    certificationCode = rs.getString(7);
                    LocalDate validUntil = rs.getObject(22, LocalDate.class);
                    boolean qualiopiValid = rs.getString(21) != null && validUntil != null
                            && !validUntil.isBefore(LocalDate.now());
                    List<String> romeCodes = strings(rs.getArray(10));
                    detail = new SearchApi.TrainingDetail(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5),
                            new SearchApi.Certification(CertificationType.valueOf(rs.getString(6)), certificationCode, rs.getString(8)),
                            strings(rs.getArray(9)), romeCodes, (Integer) rs.getObject(11), (Integer) rs.getObject(12),
                            money(rs, 13), money(rs, 14), Modality.valueOf(rs.getString(15)), rs.getBoolean(16),
                            rs.getObject(17, LocalDate.class),
                            new SearchApi.OrganisationView(rs.getString(18), rs.getString(19), rs.getString(20),
                                    qualiopiValid, validUntil),
                            areas(c, id), sessions(c, id), jobs(c, romeCodes, certificationCode));
                }
            }
            return detail;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read training " + id, e);
        }
    }

    private List<SearchApi.Area> areas(Connection c, UUID id) throws SQLException {
        List<SearchApi.Area> areas = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select department_code, region_code, sessions_active, sessions_remote from offer_area
                where offer_id = ? order by department_code""")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String dep = rs.getString(1).isEmpty() ? null : rs.getString(1);
                    String reg = rs.getString(2);
                    areas.add(new SearchApi.Area(dep, geography.department(dep).map(Geography.Department::name).orElse(null),
                            reg, geography.regionName(reg).orElse(null), rs.getInt(3), rs.getInt(4)));
                }
            }
        }
        return areas;
    }

    private static List<SearchApi.Session> sessions(Connection c, UUID id) throws SQLException {
        List<SearchApi.Session> sessions = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select id, start_date, end_date, seats, place, department_code, remote from training_session
                where offer_id = ? and status = 'OPEN' and start_date >= current_date order by start_date, id""")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sessions.add(new SearchApi.Session(rs.getString(1), rs.getObject(2, LocalDate.class),
                            rs.getObject(3, LocalDate.class), rs.getInt(4), rs.getString(5), rs.getString(6),
                            rs.getBoolean(7)));
                }
            }
        }
        return sessions;
    }

    /** The jobs an offer leads to: its own ROME codes, and those of its certification (RNCP→ROME). */
    static List<SearchApi.JobRef> jobs(Connection c, List<String> romeCodes, String certificationCode) throws SQLException {
        List<SearchApi.JobRef> jobs = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select j.rome_code, j.title from job j
                where j.rome_code = any (?)
                   or j.rome_code in (select rome_code from certification_job where certification_code = ?)
                order by j.rome_code""")) {
            ps.setArray(1, c.createArrayOf("text", romeCodes.toArray()));
            ps.setString(2, certificationCode);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    jobs.add(new SearchApi.JobRef(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return jobs;
    }

    static int bind(PreparedStatement ps, List<Object> params, int from) throws SQLException {
        int i = from;
        for (Object p : params) {
            if (p instanceof LocalDate d) {
                ps.setObject(i++, d);
            } else {
                ps.setObject(i++, p);
            }
        }
        return i;
    }

    static Money money(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Money.cents(v);
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}

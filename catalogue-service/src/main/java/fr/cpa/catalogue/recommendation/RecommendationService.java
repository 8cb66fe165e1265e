package fr.cpa.catalogue.recommendation;

import fr.cpa.catalogue.rules.Modality;
import fr.cpa.platform.money.Money;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Recommends CPF-payable offers that lead to the holder's target jobs (own ROME codes or RNCP→ROME),
 * priced within the available balance, in the holder's region or remote; those reaching the most target
 * jobs first (either way), then the cheapest. Volunteer-mission training is left out: it prepares volunteers'
 * missions, not a job, and only the CEC part of the balance pays it, which the available balance read here does not
 * tell apart, so "within the balance" could not be promised.
 */
@ApplicationScoped
public class RecommendationService {

    static final int LIMIT = 20;

    private final AgroalDataSource dataSource;

    RecommendationService(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public RecommendationApi.Recommendations recommend(UUID holderId) {
        try (Connection c = dataSource.getConnection()) {
            List<String> targets = List.of();
            String region = null;
            boolean profile = false;
            try (PreparedStatement ps = c.prepareStatement("select target_jobs, region_code from holder_profile where holder_id = ?")) {
                ps.setObject(1, holderId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        profile = true;
                        targets = Arrays.asList((String[]) rs.getArray(1).getArray());
                        region = rs.getString(2);
                    }
                }
            }
            Long available = null;
            try (PreparedStatement ps = c.prepareStatement("select available_cents from holder_balance where holder_id = ?")) {
                ps.setObject(1, holderId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        available = rs.getLong(1);
                    }
                }
            }
            Money money = available == null ? null : Money.cents(available);
            if (!profile) {
                return new RecommendationApi.Recommendations(holderId.toString(), List.of(), null, money, List.of(),
                        "no skills profile yet: target jobs come from the holder's profile in account-service");
            }
            if (targets.isEmpty()) {
                return new RecommendationApi.Recommendations(holderId.toString(), targets, region, money, List.of(),
                        "the skills profile names no target job");
            }
            List<RecommendationApi.Recommendation> items = offers(c, targets, region, available);
            return new RecommendationApi.Recommendations(holderId.toString(), targets, region, money, items,
                    items.isEmpty() ? "no CPF-payable offer leads to the target jobs within the balance and region" : null);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot recommend for " + holderId, e);
        }
    }

    /**
     * The offers leading to the target jobs, each with the target jobs it leads to, ranked by how many it reaches
     * (by its own ROME codes and through its certification alike), then the cheapest. The candidates come from
     * the two index look-ups (GIN on rome_codes, certification code with the id in the index, V12), never from a
     * scan of every offer: written as one OR on the offers, PostgreSQL read all 200 000 of them (~450 ms for two
     * popular jobs).
     */
    static final String OFFERS = """
            with leads as (
                select x.id, array_agg(distinct x.rome_code order by x.rome_code) as jobs
                from (select l.id, r as rome_code from offer l cross join unnest(l.rome_codes) r
                      where l.rome_codes && ?::text[] and r = any (?)
                      union all
                      select l.id, cj.rome_code from certification_job cj
                      join offer l on l.certification_code = cj.certification_code
                      where cj.rome_code = any (?)) x
                group by x.id)
            select o.id, o.title, g.name, o.price_min_cents, o.modality, o.region_codes, c.jobs
            from leads c join offer o on o.id = c.id join organisation g on g.id = o.organisation_id
            where o.status = 'PUBLISHED' and g.status = 'ACTIVE' and o.cpf_eligible
              and o.certification_type <> 'VOLUNTEER_TRAINING'
              and o.price_min_cents is not null
              and (cast(? as bigint) is null or o.price_min_cents <= ?)
              and (cast(? as text) is null or o.region_codes @> array[cast(? as text)] or o.modality <> 'ON_SITE')
            order by cardinality(c.jobs) desc, o.price_min_cents, o.id
            limit ?""";

    private static List<RecommendationApi.Recommendation> offers(Connection c, List<String> targets, String region,
                                                                 Long available) throws SQLException {
        java.sql.Array jobs = c.createArrayOf("text", targets.toArray());
        record Row(String id, String title, String organisation, long price, Modality modality, List<String> regions,
                   List<String> leads) {
        }
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(OFFERS)) {
            ps.setArray(1, jobs);
            ps.setArray(2, jobs);
            ps.setArray(3, jobs);
            ps.setObject(4, available);
            ps.setObject(5, available);
            ps.setString(6, region);
            ps.setString(7, region);
            ps.setInt(8, LIMIT);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                            Modality.valueOf(rs.getString(5)), Arrays.asList((String[]) rs.getArray(6).getArray()),
                            Arrays.asList((String[]) rs.getArray(7).getArray())));
                }
            }
        }
        // the titles of every job the page leads to, read once (not once per offer)
        Map<String, String> titles = jobTitles(c, rows.stream().flatMap(r -> r.leads().stream()).distinct().toList());
        List<RecommendationApi.Recommendation> items = new ArrayList<>();
        for (Row r : rows) {
            List<RecommendationApi.JobRef> leads = r.leads().stream()
                    .filter(titles::containsKey).map(code -> new RecommendationApi.JobRef(code, titles.get(code))).toList();
            items.add(new RecommendationApi.Recommendation(r.id(), r.title(), r.organisation(), Money.cents(r.price()),
                    r.modality(), r.regions(), leads, Explanation.of(r.leads(), r.price(), available)));
        }
        return items;
    }

    /** ROME code → title of the given jobs (those of the reference; an unknown code is left out). */
    private static Map<String, String> jobTitles(Connection c, List<String> codes) throws SQLException {
        Map<String, String> titles = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select rome_code, title from job where rome_code = any (?)")) {
            ps.setArray(1, c.createArrayOf("text", codes.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    titles.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return titles;
    }
}

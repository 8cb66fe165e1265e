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
import java.util.List;
import java.util.UUID;

/**
 * Recommends CPF-payable offers that lead to the holder's target jobs (own ROME codes or RNCP→ROME),
 * priced within the available balance, in the holder's region or remote; most target jobs first, then
 * the cheapest.
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

    private static List<RecommendationApi.Recommendation> offers(Connection c, List<String> targets, String region,
                                                                 Long available) throws SQLException {
        String sql = """
                select o.id, o.title, g.name, o.price_min_cents, o.modality, o.region_codes,
                       array(select r from unnest(o.rome_codes) r where r = any (?)
                             union
                             select cj.rome_code from certification_job cj
                             where cj.certification_code = o.certification_code and cj.rome_code = any (?)
                             order by 1) as leads
                from offer o join organisation g on g.id = o.organisation_id
                where o.status = 'PUBLISHED' and g.status = 'ACTIVE' and o.cpf_eligible
                  and o.price_min_cents is not null
                  and (o.rome_codes && ?::text[] or o.certification_code in
                        (select certification_code from certification_job where rome_code = any (?)))
                  and (cast(? as bigint) is null or o.price_min_cents <= ?)
                  and (cast(? as text) is null or o.region_codes @> array[cast(? as text)] or o.modality <> 'ON_SITE')
                order by cardinality(array(select r from unnest(o.rome_codes) r where r = any (?))) desc,
                         o.price_min_cents, o.id
                limit ?""";
        java.sql.Array jobs = c.createArrayOf("text", targets.toArray());
        List<RecommendationApi.Recommendation> items = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, jobs);
            ps.setArray(2, jobs);
            ps.setArray(3, jobs);
            ps.setArray(4, jobs);
            ps.setObject(5, available);
            ps.setObject(6, available);
            ps.setString(7, region);
            ps.setString(8, region);
            ps.setArray(9, jobs);
            ps.setInt(10, LIMIT);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String> leads = Arrays.asList((String[]) rs.getArray(7).getArray());
                    long price = rs.getLong(4);
                    items.add(new RecommendationApi.Recommendation(rs.getString(1), rs.getString(2), rs.getString(3),
                            Money.cents(price), Modality.valueOf(rs.getString(5)),
                            Arrays.asList((String[]) rs.getArray(6).getArray()),
                            jobTitles(c, leads), Explanation.of(leads, price, available)));
                }
            }
        }
        return items;
    }

    private static List<RecommendationApi.JobRef> jobTitles(Connection c, List<String> codes) throws SQLException {
        List<RecommendationApi.JobRef> jobs = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select rome_code, title from job where rome_code = any (?) order by rome_code")) {
            ps.setArray(1, c.createArrayOf("text", codes.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    jobs.add(new RecommendationApi.JobRef(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return jobs;
    }
}

package fr.cpa.catalogue.stats;

import fr.cpa.platform.money.Money;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The catalogue's aggregated figures (the statistics API agreed across services), each computed by
 * PostgreSQL with GROUP BY: published offers by region and by certification type (offers of suspended
 * organisations are out of the catalogue, as in the search), enrolments by state and region, and the ten
 * certifications with the most CPF money committed. Nothing personal is returned.
 */
@ApplicationScoped
public class CatalogueStats {

    /** Rights are committed once the holder has validated (DOMAIN.md §4). */
    static final String COMMITTED_STATES = "('VALIDATED', 'IN_TRAINING', 'ENDED', 'SERVICE_DONE')";
    static final String LISTED = " from offer o where o.status = 'PUBLISHED' and not exists (select 1 from organisation g"
            + " where g.id = o.organisation_id and g.status <> 'ACTIVE')";

    @Schema(example = """
            {"asOf": "2026-11-26T17:00:00Z",
             "offersByRegion": [{"region": "11", "regionName": "Île-de-France", "offers": 1200}],
             "offersByCertificationType": [{"certificationType": "RNCP", "offers": 900}],
             "enrolmentsByStateAndRegion": [{"state": "REQUESTED", "region": "11", "count": 3}],
             "topCertifications": [{"certificationCode": "RNCP1234", "title": "Développeur web", "enrolments": 5,
                                    "committed": {"amount": 600000, "currency": "EUR"}}]}""")
    public record Stats(Instant asOf, List<RegionOffers> offersByRegion, List<TypeOffers> offersByCertificationType,
                        List<StateRegionCount> enrolmentsByStateAndRegion, List<TopCertification> topCertifications) {
    }

    public record RegionOffers(String region, String regionName, long offers) {
    }

    public record TypeOffers(String certificationType, long offers) {
    }

    public record StateRegionCount(String state, String region, long count) {
    }

    public record TopCertification(String certificationCode, String title, long enrolments, Money committed) {
    }

    private final AgroalDataSource dataSource;
    private final Clock clock;

    CatalogueStats(AgroalDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public Stats compute() {
        try (Connection c = dataSource.getConnection()) {
            List<RegionOffers> byRegion = new ArrayList<>();
            query(c, """
                            select r.code, reg.name, count(*) from offer o
                            cross join lateral unnest(o.region_codes) as r(code)
                            left join region reg on reg.code = r.code
                            where o.status = 'PUBLISHED' and not exists (select 1 from organisation g
                                where g.id = o.organisation_id and g.status <> 'ACTIVE')
                            group by r.code, reg.name order by count(*) desc, r.code""",
                    rs -> byRegion.add(new RegionOffers(rs.getString(1), rs.getString(2), rs.getLong(3))));
            List<TypeOffers> byType = new ArrayList<>();
            query(c, "select o.certification_type, count(*)" + LISTED + " group by o.certification_type"
                            + " order by count(*) desc, o.certification_type",
                    rs -> byType.add(new TypeOffers(rs.getString(1), rs.getLong(2))));
            List<StateRegionCount> enrolments = new ArrayList<>();
            query(c, "select state, region_code, count(*) from enrolment group by state, region_code"
                            + " order by state, region_code nulls last",
                    rs -> enrolments.add(new StateRegionCount(rs.getString(1), rs.getString(2), rs.getLong(3))));
            List<TopCertification> top = new ArrayList<>();
            query(c, "select certification_code, max(certification_title), count(*), sum(coalesce(held_cents, 0))"
                            + " from enrolment where certification_code is not null and state in " + COMMITTED_STATES
                            + " group by certification_code order by sum(coalesce(held_cents, 0)) desc, certification_code limit 10",
                    rs -> top.add(new TopCertification(rs.getString(1), rs.getString(2), rs.getLong(3), Money.cents(rs.getLong(4)))));
            return new Stats(clock.instant(), byRegion, byType, enrolments, top);
        } catch (SQLException e) {
            throw new IllegalStateException("catalogue statistics failed", e);
        }
    }

    interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String sql, Row row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                row.read(rs);
            }
        }
    }
}

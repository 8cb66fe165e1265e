package fr.cpa.catalogue.job;

import fr.cpa.catalogue.search.TrainingSearch;
import fr.cpa.platform.money.Money;
import fr.cpa.platform.problem.ProblemException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Jobs (ROME 4.0) and what leads to them: RNCP certifications (RNCP→ROME) and offers. */
@ApplicationScoped
public class JobService {

    private static final String COLUMNS = "j.rome_code, j.title, j.grand_domaine_code, j.grand_domaine_title, "
            + "j.domaine_code, j.domaine_title";
    /**
     * The first offers (by title) that lead to a job, with how many do: on the search table, which holds the listed
     * offers (published, of an active organisation) once each in their first area, with the same condition as the
     * search's {@code rome} filter, so the job's count is the search's total. Only the page's rows are joined to the
     * wide {@code offer} and {@code organisation} rows (M1805, 4 554 offers: the job's page in 26 ms over
     * HTTP; 128 ms with the two statements on {@code offer} before).
     */
    static final String OFFERS_LEADING_TO = "select o.id, o.title, g.name, o.certification_code, o.price_min_cents,"
            + " o.cpf_eligible, p.total from (select o.offer_id, o.title, count(*) over () as total from offer_search o"
            + " where o.first_area and " + TrainingSearch.LEADS_TO_JOB + " order by o.title, o.offer_id limit 20) p"
            + " join offer o on o.id = p.offer_id join organisation g on g.id = o.organisation_id"
            + " order by p.title, p.offer_id";

    private final AgroalDataSource dataSource;

    JobService(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** By ROME code, by words of the title or alternative titles (accents ignored), else by trigrams. */
    public JobApi.JobPage search(String q, int page, int size) {
        try (Connection c = dataSource.getConnection()) {
            if (q == null || q.isBlank()) {
                return page(c, "from job j", List.of(), "j.rome_code", page, size);
            }
            String query = q.strip();
            if (query.toUpperCase().matches("[A-N]\\d{4}")) {
                return page(c, "from job j where j.rome_code = ?", List.of(query.toUpperCase()), "j.rome_code", page, size);
            }
            JobApi.JobPage words = page(c, "from job j where j.search_vector @@ websearch_to_tsquery('french_unaccent', ?)",
                    List.of(query), "ts_rank_cd(j.search_vector, websearch_to_tsquery('french_unaccent', ?)) desc, j.rome_code",
                    page, size, query);
            if (words.total() > 0) {
                return words;
            }
            return page(c, "from job j where j.rome_code in (select t.rome_code from job_title t"
                            + " where catalogue_fold(?) <% catalogue_fold(t.title)) or catalogue_fold(?) <% catalogue_fold(j.title)",
                    List.of(query, query), "j.rome_code", page, size);
        } catch (SQLException e) {
            throw new IllegalStateException("job search failed", e);
        }
    }

    private static JobApi.JobPage page(Connection c, String from, List<Object> params, String order, int page, int size,
                                       Object... orderParams) throws SQLException {
        long total;
        try (PreparedStatement ps = c.prepareStatement("select count(*) " + from)) {
            bind(ps, params, 1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
        }
        List<JobApi.JobItem> items = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " " + from + " order by " + order
                + " limit ? offset ?")) {
            int i = bind(ps, params, 1);
            i = bind(ps, List.of(orderParams), i);
            ps.setInt(i++, size);
            ps.setInt(i, page * size);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(item(rs));
                }
            }
        }
        return new JobApi.JobPage(items, total, page, size);
    }

    public JobApi.JobDetail get(String code) {
        try (Connection c = dataSource.getConnection()) {
            JobApi.JobItem job;
            try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from job j where j.rome_code = ?")) {
                ps.setString(1, code);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw ProblemException.notFound("job " + code);
                    }
                    job = item(rs);
                }
            }
            List<String> titles = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select title from job_title where rome_code = ? order by title")) {
                ps.setString(1, code);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        titles.add(rs.getString(1));
                    }
                }
            }
            List<JobApi.Certification> certifications = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select c.code, c.title, c.active, c.level from certification_job cj
                    join certification c on c.code = cj.certification_code
                    where cj.rome_code = ? order by c.active desc, c.code limit 100""")) {
                ps.setString(1, code);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        certifications.add(new JobApi.Certification(rs.getString(1), rs.getString(2), rs.getBoolean(3),
                                rs.getString(4)));
                    }
                }
            }
            long certificationsTotal = count(c, "select count(*) from certification_job where rome_code = ?", code);
            List<JobApi.OfferRef> offers = new ArrayList<>();
            long offersTotal = 0;
            try (PreparedStatement ps = c.prepareStatement(OFFERS_LEADING_TO)) {
                ps.setString(1, code);
                ps.setString(2, code);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long price = rs.getLong(5);
                        offers.add(new JobApi.OfferRef(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.wasNull() ? null : Money.cents(price), rs.getBoolean(6)));
                        offersTotal = rs.getLong(7);
                    }
                }
            }
            return new JobApi.JobDetail(job.code(), job.title(), job.grandDomaine(), job.domaine(), titles,
                    certifications, certificationsTotal, offers, offersTotal);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read job " + code, e);
        }
    }

    private static long count(Connection c, String sql, String... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static JobApi.JobItem item(ResultSet rs) throws SQLException {
        return new JobApi.JobItem(rs.getString(1), rs.getString(2), new JobApi.Domain(rs.getString(3), rs.getString(4)),
                new JobApi.Domain(rs.getString(5), rs.getString(6)));
    }

    private static int bind(PreparedStatement ps, List<Object> params, int from) throws SQLException {
        int i = from;
        for (Object p : params) {
            ps.setObject(i++, p);
        }
        return i;
    }
}

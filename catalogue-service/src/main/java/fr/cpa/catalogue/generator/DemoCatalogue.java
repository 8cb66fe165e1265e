package fr.cpa.catalogue.generator;

import fr.cpa.catalogue.importer.CatalogueImporter;
import fr.cpa.catalogue.importer.ImportService;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Loads a small generated demo catalogue at start when the catalogue is empty and
 * {@code cpa.catalogue.demo.offers} is above 0 (the {@code local} profile of {@code ./cpa up}): offers
 * through the real importer, then open sessions in the coming months and a Qualiopi certificate for
 * the demo organisations, so that every endpoint has something to show.
 */
@ApplicationScoped
public class DemoCatalogue {

    private static final Logger LOG = Logger.getLogger(DemoCatalogue.class);

    private final ImportService imports;
    private final AgroalDataSource dataSource;
    private final int offers;
    private final int organisations;

    DemoCatalogue(ImportService imports, AgroalDataSource dataSource,
                  @ConfigProperty(name = "cpa.catalogue.demo.offers", defaultValue = "0") int offers,
                  @ConfigProperty(name = "cpa.catalogue.demo.organisations", defaultValue = "40") int organisations) {
        this.imports = imports;
        this.dataSource = dataSource;
        this.offers = offers;
        this.organisations = organisations;
    }

    void onStart(@Observes @Priority(20) StartupEvent event) throws Exception {
        if (offers <= 0) {
            return;
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select exists (select 1 from offer)")) {
            rs.next();
            if (rs.getBoolean(1)) {
                return;
            }
        }
        load(offers, organisations, 2026);
    }

    /** Generates and imports {@code offers} offers, then gives them sessions and their organisations a certificate. */
    public CatalogueImporter.Counts load(int offers, int organisations, long seed) throws Exception {
        StringWriter csv = new StringWriter();
        new CatalogueGenerator(seed).write(csv, offers, organisations);
        CatalogueImporter.Counts counts = imports.runNow(
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), "demo.csv", "demo");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(SESSIONS);
            s.execute("update organisation set qualiopi_certificate = 'DEMO-' || siret,"
                    + " qualiopi_valid_until = current_date + 365 where qualiopi_certificate is null"
                    + " and id in (select organisation_id from offer where " + GENERATED + ")");
        }
        LOG.infof("demo catalogue loaded: %d offers created", counts.created());
        return counts;
    }

    /** The generated offers (numbered {@code <siret>_GEN<n>}), not the imported real ones. */
    static final String GENERATED = "source = 'OPEN_DATA' and number like '%!_GEN%' escape '!'";
    static final String GENERATED_O = "o.source = 'OPEN_DATA' and o.number like '%!_GEN%' escape '!'";

    /** One to three open sessions per offer within the next 120 days, and each offer's next and last start. */
    static final String SESSIONS = """
            insert into training_session (id, offer_id, start_date, end_date, seats, place, department_code, remote,
                status, created_at, updated_at)
            select gen_random_uuid(), o.id, d.start, d.start + 2, 12, null, o.department_codes[1], o.modality = 'REMOTE',
                   'OPEN', now(), now()
            from offer o
            cross join lateral (select current_date + (7 + floor(random() * 120))::int as start
                                from generate_series(1, 1 + (abs(hashtext(o.number)) % 3))) d
            where\s""" + GENERATED_O + """
              and not exists (select 1 from training_session s where s.offer_id = o.id);
            update offer o set next_session_start = (select min(start_date) from training_session s
                where s.offer_id = o.id and s.status = 'OPEN' and s.start_date >= current_date),
                last_session_start = (select max(start_date) from training_session s
                where s.offer_id = o.id and s.status = 'OPEN')
            where o.next_session_start is null and\s""" + GENERATED_O;
}

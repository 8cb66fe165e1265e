package fr.cpa.catalogue.generator;

import fr.cpa.catalogue.csv.CsvReader;
import fr.cpa.platform.identity.Siret;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes a realistic synthetic catalogue in the open-data CSV format ({@code ;}, the export's column
 * names), for demos and benchmarks. Titles are built from the real ROME 4.0 job titles and RNCP
 * certification titles shipped under {@code reference/}; organisations get Luhn-valid SIRETs (SIREN
 * and SIRET keys) in real departments. The same seed gives the same file.
 *
 * <p>Prices follow a log-normal law whose mean is the real average purchase, 2.46 bn € for 1.4 million
 * trainings in 2024, about 1 757 € (DOMAIN.md §6). DOMAIN.md gives no average duration: the RS mean is
 * the real open-data sample's (15.5 h), the others are assumptions, see {@link #MEAN_HOURS}.
 *
 * <pre>java -cp 'target/quarkus-app/lib/main/*:target/quarkus-app/app/*' \
 *     fr.cpa.catalogue.generator.CatalogueGenerator --offers 200000 --organisations 15000 --out catalogue.csv</pre>
 */
public final class CatalogueGenerator {

    static final String HEADER = "date_extract;nom_of;siret;numero_formation;intitule_formation;type_referentiel;"
            + "code_rncp;code_inventaire;intitule_certification;code_formacode_1;code_rome_1;code_rome_2;"
            + "objectif_formation;contenu_formation;points_forts;nb_session_active;nb_session_a_distance;"
            + "nombre_heures_total_min;nombre_heures_total_max;frais_ttc_tot_min;frais_ttc_tot_max;"
            + "code_departement;nom_departement;code_region;nom_region";
    /** Mean price of a purchase in euros (2.46 bn € / 1.4 million trainings, 2024). */
    static final double MEAN_PRICE = 1_757;
    /** Mean total hours by kind: RS from the real sample; RNCP, bilan, licence: assumptions (unverified). */
    static final Map<String, Double> MEAN_HOURS = Map.of("RS", 15.5, "RNCP", 280.0, "BILAN", 24.0, "PERMIS", 30.0);

    record Job(String code, String title) {
    }

    record Certification(String code, String title, List<String> jobs) {
    }

    record Department(String code, String name, String regionCode, String regionName) {
    }

    record Organisation(String siret, String name, Department department) {
    }

    private final Random random;
    private final List<Job> titles = new ArrayList<>();
    private final Map<String, String> jobTitles = new HashMap<>();
    private final List<Certification> certifications = new ArrayList<>();
    private final List<Department> departments = new ArrayList<>();

    public CatalogueGenerator(long seed) {
        this.random = new Random(seed);
        load();
    }

    public static void main(String[] args) throws IOException {
        int offers = 200_000;
        int organisations = 15_000;
        long seed = 42;
        String out = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--offers" -> offers = Integer.parseInt(args[++i]);
                case "--organisations" -> organisations = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--out" -> out = args[++i];
                default -> {
                    System.err.println("usage: CatalogueGenerator [--offers N] [--organisations N] [--seed S] [--out FILE]");
                    System.exit(2);
                }
            }
        }
        long start = System.nanoTime();
        try (Writer w = out == null ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))
                : Files.newBufferedWriter(Path.of(out), StandardCharsets.UTF_8)) {
            new CatalogueGenerator(seed).write(w, offers, organisations);
        }
        System.err.printf("%d offers of %d organisations written in %.1f s%n", offers, organisations,
                (System.nanoTime() - start) / 1e9);
    }

    /** Writes {@code offers} rows (one offer each) of {@code organisations} organisations. */
    public void write(Writer w, int offers, int organisations) throws IOException {
        List<Organisation> orgs = new ArrayList<>(organisations);
        for (int i = 0; i < organisations; i++) {
            orgs.add(organisation(i));
        }
        w.write(HEADER);
        w.write('\n');
        for (int i = 0; i < offers; i++) {
            // a few organisations publish many offers, most a handful (square law)
            double u = random.nextDouble();
            Organisation org = orgs.get((int) (u * u * organisations));
            w.write(row(org, i));
            w.write('\n');
        }
        w.flush();
    }

    private Organisation organisation(int i) {
        String siren = String.format("%08d", random.nextInt(100_000_000));
        siren = siren + Siret.luhnCheckDigit(siren);
        String nic = String.format("%04d", 1 + random.nextInt(9_999));
        String siret = siren + nic + Siret.luhnCheckDigit(siren + nic);
        Department d = departments.get(random.nextInt(departments.size()));
        String[] kinds = {"Institut", "Centre de formation", "Académie", "École", "Atelier", "Campus", "Organisme"};
        String[] topics = {"des métiers", "professionnel", "numérique", "de la réussite", "des compétences", "Avenir",
                "Formation Conseil", "Pro"};
        String name = kinds[random.nextInt(kinds.length)] + " " + topics[random.nextInt(topics.length)] + " "
                + d.name() + " " + (i + 1);
        return new Organisation(siret, name, d);
    }

    private String row(Organisation org, int i) {
        double kind = random.nextDouble();
        String type;
        String rncp = "-1";
        String inventory = "";
        String certificationTitle;
        String title;
        List<String> rome = new ArrayList<>();
        String hoursKind;
        if (kind < 0.40 && !certifications.isEmpty()) {
            Certification c = certifications.get(random.nextInt(certifications.size()));
            type = "RNCP";
            rncp = c.code().substring(4);
            certificationTitle = c.title();
            String job = c.jobs().isEmpty() ? null : jobTitles.get(c.jobs().get(random.nextInt(c.jobs().size())));
            String[] forms = {"%s", "Préparation au titre : %s", "%s - parcours complet", "%s en alternance"};
            title = String.format(forms[random.nextInt(forms.length)], c.title());
            if (job != null && random.nextBoolean()) {
                title = "Devenir " + shortTitle(job) + " - " + c.title();
            }
            hoursKind = "RNCP";
        } else if (kind < 0.88) {
            Job j = titles.get(random.nextInt(titles.size()));
            type = "RS";
            inventory = String.valueOf(1_000 + random.nextInt(6_000));
            String[] forms = {"Compétences clés : %s", "%s - les fondamentaux", "Perfectionnement %s",
                    "Initiation au métier de %s", "%s : certification de compétences"};
            title = String.format(forms[random.nextInt(forms.length)], shortTitle(j.title()));
            certificationTitle = "Certification " + shortTitle(j.title());
            rome.add(j.code());
            hoursKind = "RS";
        } else if (kind < 0.94) {
            type = "Bilan de compétences";
            title = "Bilan de compétences " + (random.nextBoolean() ? "en présentiel" : "à distance");
            certificationTitle = "Bilan de compétences";
            hoursKind = "BILAN";
        } else {
            type = "Permis de conduire";
            title = random.nextBoolean() ? "Permis B - conduite automobile" : "Permis A2 - moto";
            certificationTitle = "Permis de conduire";
            hoursKind = "PERMIS";
        }
        double price = logNormal(MEAN_PRICE, 0.6);
        double hours = Math.max(1, Math.round(logNormal(MEAN_HOURS.get(hoursKind), 0.5)));
        boolean remote = random.nextDouble() < 0.15;
        Department d = remote ? null : random.nextDouble() < 0.7 ? org.department()
                : departments.get(random.nextInt(departments.size()));
        int sessions = 1 + random.nextInt(12);
        String number = org.siret() + "_GEN" + i;
        String[] fields = {"2026-11-26", org.name(), org.siret(), number, title, type, rncp, inventory,
                certificationTitle, String.valueOf(10_000 + random.nextInt(90_000)),
                rome.isEmpty() ? "" : rome.get(0), "",
                "Acquérir les compétences de : " + title,
                "<ul><li>Apports théoriques</li><li>Mises en situation</li><li>Évaluation finale</li></ul>",
                "<p>Formateurs experts du métier</p>", String.valueOf(sessions), remote ? String.valueOf(sessions) : "0",
                fmt(hours), fmt(hours), fmt(Math.round(price)), fmt(Math.round(price * (1 + random.nextDouble() * 0.2))),
                d == null ? "" : d.code(), d == null ? "" : d.name(), d == null ? "" : d.regionCode(),
                d == null ? "" : d.regionName()};
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < fields.length; k++) {
            if (k > 0) {
                sb.append(';');
            }
            sb.append(quote(fields[k]));
        }
        return sb.toString();
    }

    /** "Développeur / Développeuse informatique" → "Développeur informatique". */
    static String shortTitle(String title) {
        int slash = title.indexOf(" / ");
        if (slash < 0) {
            return title;
        }
        String masculine = title.substring(0, slash);
        String rest = title.substring(slash + 3);
        int space = rest.indexOf(' ');
        return space < 0 ? masculine : masculine + rest.substring(space);
    }

    private double logNormal(double mean, double sigma) {
        double mu = Math.log(mean) - sigma * sigma / 2;
        return Math.exp(mu + sigma * random.nextGaussian());
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) + ".0" : String.valueOf(v);
    }

    private static String quote(String s) {
        return s.contains(";") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private void load() {
        read("rome_appellations.csv", r -> titles.add(new Job(r.get(2), r.get(1))));
        read("rome_codes_tree.csv", r -> jobTitles.put(r.get(0), r.get(1)));
        Map<String, List<String>> links = new HashMap<>();
        read("rncp_rome.csv", r -> links.computeIfAbsent(r.get(0), k -> new ArrayList<>()).add(r.get(1)));
        read("rncp_info.csv", r -> {
            if ("ACTIVE".equals(r.get(2)) && r.get(1).length() <= 200) {
                certifications.add(new Certification(r.get(0), r.get(1).strip(),
                        links.getOrDefault(r.get(0), List.of()).stream().filter(jobTitles::containsKey).toList()));
            }
        });
        read("departements-france.csv", r -> departments.add(new Department(r.get(0), r.get(1), r.get(2), r.get(3))));
    }

    private static void read(String file, java.util.function.Consumer<List<String>> row) {
        InputStream in = CatalogueGenerator.class.getClassLoader().getResourceAsStream("reference/" + file);
        if (in == null) {
            throw new IllegalStateException("missing reference/" + file);
        }
        try (CsvReader csv = CsvReader.open(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (List<String> r; (r = csv.next()) != null; ) {
                row.accept(r);
            }
        } catch (UncheckedIOException e) {
            throw e;
        }
    }
}

package fr.cpa.catalogue.importer;

import fr.cpa.catalogue.rules.CatalogueParameters;
import fr.cpa.catalogue.rules.CertificationType;
import fr.cpa.platform.identity.Siret;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Maps the open-data columns (DOMAIN.md §4) to an {@link OpenDataRow}, or lists every reason to reject
 * the row. Tolerates what the real export does: numbers written as {@code 34.0}, {@code -1} for "no
 * RNCP code", HTML in text fields, departments without their leading zero ({@code 4.0} is 04).
 */
final class OpenDataMapper {

    /** The outcome of one row: a mapped row, or the reasons it is rejected. */
    record Result(OpenDataRow row, List<String> reasons) {
        boolean accepted() {
            return row != null;
        }
    }

    static final List<String> REQUIRED = List.of("numero_formation", "intitule_formation", "siret");

    private final Function<String, Integer> column;
    private final Map<String, String> regionOfDepartment;
    private final Set<String> regions;

    /**
     * @param column             index of a column by name (-1 when absent)
     * @param regionOfDepartment INSEE department code to its region code
     */
    OpenDataMapper(Function<String, Integer> column, Map<String, String> regionOfDepartment) {
        this.column = column;
        this.regionOfDepartment = regionOfDepartment;
        this.regions = Set.copyOf(regionOfDepartment.values());
    }

    /** The required columns missing from the header. */
    List<String> missingColumns() {
        return REQUIRED.stream().filter(c -> column.apply(c) < 0).toList();
    }

    Result map(List<String> f) {
        List<String> reasons = new ArrayList<>();
        String number = text(f, "numero_formation");
        if (number == null) {
            reasons.add("numero_formation is empty");
        } else if (number.length() > 150) {
            reasons.add("numero_formation is longer than 150 characters");
        }
        String title = text(f, "intitule_formation");
        if (title == null) {
            reasons.add("intitule_formation is empty");
        } else if (title.length() > 500) {
            title = title.substring(0, 500);
        }
        String siret = text(f, "siret");
        if (siret == null) {
            reasons.add("siret is empty");
        } else {
            siret = integerText(siret);
            if (siret.length() < 14 && siret.chars().allMatch(Character::isDigit)) {
                siret = "0".repeat(14 - siret.length()) + siret; // leading zeros lost by a spreadsheet
            }
            if (!Siret.isValid(siret)) {
                reasons.add("siret " + siret + " is not a valid SIRET");
            }
        }
        String organisationName = text(f, "nom_of");
        if (organisationName == null) {
            organisationName = siret;
        }
        String rncp = code(text(f, "code_rncp"));
        String inventory = code(text(f, "code_inventaire"));
        String certificationTitle = text(f, "intitule_certification");
        CertificationType type = certificationType(text(f, "type_referentiel"), rncp, inventory, certificationTitle);
        String certificationCode = switch (type) {
            case RNCP -> rncp == null ? null : "RNCP" + rncp;
            case RS, CLEA -> inventory == null ? null : "RS" + inventory;
            default -> rncp != null ? "RNCP" + rncp : inventory != null ? "RS" + inventory : null;
        };
        String department = text(f, "code_departement");
        String region = text(f, "code_region");
        if (department != null) {
            department = departmentCode(department);
            String derived = regionOfDepartment.get(department);
            if (derived == null) {
                reasons.add("code_departement " + department + " is not a known department");
            }
            region = derived;
        } else if (region != null) {
            region = integerText(region);
            if (!regions.contains(region)) {
                reasons.add("code_region " + region + " is not a known region");
            }
        }
        Integer durationMin = minutes(f, "nombre_heures_total_min", reasons);
        Integer durationMax = minutes(f, "nombre_heures_total_max", reasons);
        Long priceMin = cents(f, "frais_ttc_tot_min", reasons);
        Long priceMax = cents(f, "frais_ttc_tot_max", reasons);
        if (durationMin != null && durationMax != null && durationMax < durationMin) {
            reasons.add("nombre_heures_total_max is below nombre_heures_total_min");
        }
        if (priceMin != null && priceMax != null && priceMax < priceMin) {
            reasons.add("frais_ttc_tot_max is below frais_ttc_tot_min");
        }
        int sessions = count(f, "nb_session_active", reasons);
        int remote = count(f, "nb_session_a_distance", reasons);
        if (!reasons.isEmpty()) {
            return new Result(null, List.copyOf(reasons));
        }
        String content = join(Html.toText(rawText(f, "contenu_formation")), Html.toText(rawText(f, "points_forts")));
        return new Result(new OpenDataRow(number, siret, organisationName, title,
                Html.toText(rawText(f, "objectif_formation")), content, type, certificationCode,
                certificationTitle, codes(f, "code_formacode_"), codes(f, "code_rome_"),
                durationMin, durationMax == null ? durationMin : durationMax,
                priceMin, priceMax == null ? priceMin : priceMax,
                department == null ? "" : department, region, sessions, remote), List.of());
    }

    /** The export's {@code type_referentiel} with the other action types of L6323-6. */
    static CertificationType certificationType(String declared, String rncp, String inventory, String title) {
        String t = declared == null ? "" : fold(declared);
        if (fold(title == null ? "" : title).startsWith("clea")) {
            return CertificationType.CLEA;
        }
        if (t.equals("rncp")) {
            return CertificationType.RNCP;
        }
        if (t.equals("rs") || t.equals("inventaire") || t.startsWith("repertoire specifique")) {
            return CertificationType.RS;
        }
        if (t.contains("vae")) {
            return CertificationType.VAE;
        }
        if (t.contains("bilan")) {
            return CertificationType.BILAN;
        }
        if (t.contains("permis")) {
            return CertificationType.DRIVING_LICENCE;
        }
        if (t.contains("creation") || t.contains("reprise")) {
            return CertificationType.BUSINESS_CREATION;
        }
        if (t.contains("benevol") || t.contains("volontaire")) {
            return CertificationType.VOLUNTEER_TRAINING; // "formation des bénévoles et volontaires"
        }
        if (t.isEmpty()) {
            return rncp != null ? CertificationType.RNCP : inventory != null ? CertificationType.RS : CertificationType.OTHER;
        }
        return CertificationType.OTHER;
    }

    static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).strip();
    }

    /** {@code -1}, {@code 0} and blanks mean "no code"; {@code 34001.0} is 34001. */
    static String code(String s) {
        if (s == null) {
            return null;
        }
        String v = integerText(s);
        return v.equals("-1") || v.equals("0") || v.isEmpty() ? null : v;
    }

    /** {@code 34.0} → {@code 34}; {@code 4.0} → {@code 04}; {@code 2A} stays. */
    static String departmentCode(String s) {
        String v = integerText(s).toUpperCase(Locale.ROOT);
        return v.length() == 1 ? "0" + v : v;
    }

    static String integerText(String s) {
        String v = s.strip();
        return v.matches("-?\\d+\\.0+") ? v.substring(0, v.indexOf('.')) : v;
    }

    private List<String> codes(List<String> f, String prefix) {
        Set<String> codes = new LinkedHashSet<>();
        for (int i = 1; i <= CatalogueParameters.MAX_CODES; i++) {
            String c = code(text(f, prefix + i));
            if (c != null) {
                codes.add(c.toUpperCase(Locale.ROOT));
            }
        }
        return List.copyOf(codes);
    }

    private Integer minutes(List<String> f, String name, List<String> reasons) {
        BigDecimal hours = decimal(f, name, reasons);
        return hours == null ? null : hours.multiply(BigDecimal.valueOf(60)).setScale(0, RoundingMode.HALF_UP).intValueExact();
    }

    private Long cents(List<String> f, String name, List<String> reasons) {
        BigDecimal euros = decimal(f, name, reasons);
        return euros == null ? null : euros.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    private BigDecimal decimal(List<String> f, String name, List<String> reasons) {
        String v = text(f, name);
        if (v == null) {
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(v.replace(',', '.').replace(" ", ""));
            if (d.signum() < 0 || d.compareTo(BigDecimal.valueOf(10_000_000)) > 0) {
                reasons.add(name + " " + v + " is out of range");
                return null;
            }
            return d;
        } catch (NumberFormatException e) {
            reasons.add(name + " " + v + " is not a number");
            return null;
        }
    }

    private int count(List<String> f, String name, List<String> reasons) {
        BigDecimal d = decimal(f, name, reasons);
        return d == null ? 0 : d.intValue();
    }

    private String rawText(List<String> f, String name) {
        Integer i = column.apply(name);
        return i == null || i < 0 || i >= f.size() ? null : f.get(i);
    }

    private String text(List<String> f, String name) {
        String v = rawText(f, name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static String join(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + "\n" + b;
    }
}

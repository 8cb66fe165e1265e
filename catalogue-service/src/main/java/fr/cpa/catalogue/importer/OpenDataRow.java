package fr.cpa.catalogue.importer;

import fr.cpa.catalogue.rules.CertificationType;

import java.util.List;

/**
 * One row of the Mon Compte Formation open-data export, mapped: an offer (by {@code numero_formation})
 * in one department ({@code ""} when the row has none: remote or nationwide).
 */
record OpenDataRow(String number, String siret, String organisationName, String title, String objective,
                   String content, CertificationType certificationType, String certificationCode,
                   String certificationTitle, List<String> formacodes, List<String> romeCodes,
                   Integer durationMinMinutes, Integer durationMaxMinutes, Long priceMinCents, Long priceMaxCents,
                   String departmentCode, String regionCode, int sessionsActive, int sessionsRemote) {
}

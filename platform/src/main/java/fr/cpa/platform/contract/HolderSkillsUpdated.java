package fr.cpa.platform.contract;

import java.util.List;
import java.util.UUID;

/**
 * {@code cpa.holder.v1} / {@code HolderSkillsUpdated}: the holder's skills profile, for the catalogue's
 * recommendations. {@code targetJobs} are ROME codes (a letter and four digits); {@code region} the
 * INSEE region code.
 */
public record HolderSkillsUpdated(UUID holderId, List<String> skills, List<String> targetJobs, String region) {
    public static final String TYPE = "HolderSkillsUpdated";
}

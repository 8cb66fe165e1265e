package fr.cpa.account.skills;

import fr.cpa.platform.contract.HolderSkillsUpdated;
import fr.cpa.platform.contract.Topics;
import fr.cpa.platform.event.EventJson;
import fr.cpa.platform.outbox.Outbox;
import fr.cpa.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Keeps a holder's skills profile and tells the catalogue with {@code HolderSkillsUpdated}. */
@ApplicationScoped
public class SkillsService {

    private final EntityManager em;
    private final EventJson json;
    private final Outbox outbox;

    SkillsService(EntityManager em, EventJson json, Outbox outbox) {
        this.em = em;
        this.json = json;
        this.outbox = outbox;
    }

    @Transactional
    public SkillsProfile put(UUID holderId, SkillsProfile profile) {
        Number exists = (Number) em.createNativeQuery("select count(*) from holder where id = :id")
                .setParameter("id", holderId).getSingleResult();
        if (exists.intValue() == 0) {
            throw ProblemException.notFound("holder " + holderId);
        }
        em.createNativeQuery("""
                        insert into holder_skills (holder_id, profile, updated_at) values (:id, :profile, :now)
                        on conflict (holder_id) do update set profile = excluded.profile, updated_at = excluded.updated_at""")
                .setParameter("id", holderId)
                .setParameter("profile", json.write(profile))
                .setParameter("now", Timestamp.from(Instant.now()))
                .executeUpdate();
        outbox.publish(Topics.HOLDER, HolderSkillsUpdated.TYPE, holderId,
                new HolderSkillsUpdated(holderId, eventSkills(profile), List.copyOf(new LinkedHashSet<>(profile.targetJobs())),
                        profile.region()));
        return profile;
    }

    public Optional<SkillsProfile> get(UUID holderId) {
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery("select profile from holder_skills where holder_id = :id", String.class)
                .setParameter("id", holderId).getResultList();
        return rows.stream().findFirst().map(text -> {
            try {
                return json.mapper().readValue(text, SkillsProfile.class);
            } catch (Exception e) {
                throw new IllegalStateException("stored skills profile unreadable", e);
            }
        });
    }

    /**
     * The event carries one list: each skill's label, then the ROME and Formacode codes of the skills
     * (told apart by their shape: a letter and four digits, five digits), without repeats.
     */
    static List<String> eventSkills(SkillsProfile profile) {
        Set<String> skills = new LinkedHashSet<>();
        List<String> codes = new ArrayList<>();
        for (SkillsProfile.Skill skill : profile.skills()) {
            skills.add(skill.label().strip());
            if (skill.rome() != null) {
                codes.add(skill.rome());
            }
            if (skill.formacode() != null) {
                codes.add(skill.formacode());
            }
        }
        skills.addAll(codes);
        return List.copyOf(skills);
    }
}

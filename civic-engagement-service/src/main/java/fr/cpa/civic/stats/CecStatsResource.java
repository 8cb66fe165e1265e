package fr.cpa.civic.stats;

import fr.cpa.civic.rules.CecParameters;

import fr.cpa.platform.money.Money;
import fr.cpa.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

/**
 * {@code GET /api/v1/stats/cec}: the civic-engagement account in figures for the dashboard,
 * aggregated in SQL, with no holder in it.
 */
@Path("/api/v1/stats/cec")
@Tag(name = "statistics")
@SecurityRequirement(name = "bearer")
public class CecStatsResource {

    public record DeclarationsByState(String state, long count) {
    }

    /**
     * Credits granted for one kind of activity: {@code amount} for the years credited in euros,
     * {@code minutes} for 2017–2018, when the CEC was counted in hours.
     */
    public record CreditsByActivity(String activity, long credits, Money amount, long minutes) {
    }

    public record CecStats(Instant asOf, List<DeclarationsByState> declarationsByState,
                           List<CreditsByActivity> creditsByActivity) {
    }

    private final EntityManager em;
    private final Clock clock;

    CecStatsResource(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
    @Operation(summary = "Declarations by state and credits by activity (roles: advisor, admin)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "stats",
            value = """
                    {"asOf": "2026-03-02T10:15:00Z",
                     "declarationsByState": [{"state": "PENDING", "count": 4}, {"state": "VALIDATED", "count": 30}, {"state": "LAPSED", "count": 1}],
                     "creditsByActivity": [{"activity": "CIVIC_SERVICE", "credits": 12, "amount": {"amount": 288000, "currency": "EUR"}, "minutes": 0}]}""")))
    public CecStats stats() {
        @SuppressWarnings("unchecked")
        // A declaration left pending past its validation deadline is stored PENDING until someone tries to
        // decide it: counted as LAPSED, as Engagement.statusOn shows it everywhere else.
        MonthDay deadline = CecParameters.LAW.validationCloses();
        List<Object[]> states = em.createNativeQuery("""
                        select case when status = 'PENDING' and make_date(year + 1, :month, :day) < :today
                                    then 'LAPSED' else status end as state, count(*)
                        from engagement group by 1 order by 1""")
                .setParameter("month", deadline.getMonthValue())
                .setParameter("day", deadline.getDayOfMonth())
                .setParameter("today", LocalDate.now(clock))
                .getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> credits = em.createNativeQuery("""
                select kind, count(*),
                       coalesce(sum(value) filter (where unit = 'CENTS'), 0),
                       coalesce(sum(value) filter (where unit = 'MINUTES'), 0)
                from cec_credit group by kind order by kind""").getResultList();
        return new CecStats(Instant.now(),
                states.stream().map(r -> new DeclarationsByState((String) r[0], ((Number) r[1]).longValue())).toList(),
                credits.stream().map(r -> new CreditsByActivity((String) r[0], ((Number) r[1]).longValue(),
                        Money.cents(((Number) r[2]).longValue()), ((Number) r[3]).longValue())).toList());
    }
}

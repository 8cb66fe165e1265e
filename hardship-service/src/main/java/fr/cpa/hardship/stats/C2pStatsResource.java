package fr.cpa.hardship.stats;

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

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/stats/c2p}: the C2P in figures for the dashboard, aggregated in SQL, with no
 * holder in it.
 */
@Path("/api/v1/stats/c2p")
@Tag(name = "statistics")
@SecurityRequirement(name = "bearer")
public class C2pStatsResource {

    /**
     * Points awarded for {@code year} to the holders exposed to {@code factor} alone; holders exposed
     * to several factors that year (who earn the higher multi-factor rate) are counted under
     * {@code MULTIPLE}, so that no point is counted twice.
     */
    public record PointsByFactor(int year, String factor, long holders, long points) {
    }

    public record UsesByKind(String kind, long uses, long points) {
    }

    public record C2pStats(Instant asOf, List<PointsByFactor> pointsByFactorAndYear, List<UsesByKind> usesByKind) {
    }

    private final EntityManager em;

    C2pStatsResource(EntityManager em) {
        this.em = em;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
    @Operation(summary = "Points awarded by factor and year, and uses by kind (roles: advisor, admin)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "stats",
            value = """
                    {"asOf": "2026-03-02T10:15:00Z",
                     "pointsByFactorAndYear": [{"year": 2025, "factor": "NIGHT_WORK", "holders": 10, "points": 40},
                                               {"year": 2025, "factor": "MULTIPLE", "holders": 2, "points": 16}],
                     "usesByKind": [{"kind": "TRAINING", "uses": 3, "points": 12}]}""")))
    public C2pStats stats() {
        @SuppressWarnings("unchecked")
        List<Object[]> points = em.createNativeQuery("""
                with factors as (
                    select holder_id, year, min(factor) as factor, count(distinct factor) as kinds
                    from c2p_exposure group by holder_id, year)
                select a.year, case when f.kinds > 1 then 'MULTIPLE' else coalesce(f.factor, 'UNKNOWN') end as factor,
                       count(*), sum(a.points)
                from c2p_year_award a left join factors f on f.holder_id = a.holder_id and f.year = a.year
                where a.points > 0
                group by 1, 2 order by 1, 2""").getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> uses = em.createNativeQuery("""
                select use_kind, count(*), sum(points) from c2p_use group by use_kind order by use_kind""").getResultList();
        return new C2pStats(Instant.now(),
                points.stream().map(r -> new PointsByFactor(((Number) r[0]).intValue(), (String) r[1],
                        ((Number) r[2]).longValue(), ((Number) r[3]).longValue())).toList(),
                uses.stream().map(r -> new UsesByKind((String) r[0], ((Number) r[1]).longValue(),
                        ((Number) r[2]).longValue())).toList());
    }
}

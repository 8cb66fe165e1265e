package fr.cpa.civic.engagement;

import fr.cpa.civic.account.CecAccount;
import fr.cpa.civic.account.CreditService;
import fr.cpa.civic.rules.ActivityKind;
import fr.cpa.civic.rules.ActivityRules;
import fr.cpa.civic.rules.AssociationVolunteering;
import fr.cpa.civic.rules.AssociationVolunteering.AssociationHours;
import fr.cpa.civic.rules.CecParameters;
import fr.cpa.civic.rules.Eligibility;
import fr.cpa.civic.simulation.Activities;
import fr.cpa.platform.identity.Siret;
import fr.cpa.platform.problem.Problem;
import fr.cpa.platform.problem.ProblemException;
import fr.cpa.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Declarations of engagements and their validation (DOMAIN.md §3): a volunteer declares year N's
 * association hours from 1 January to 30 June of N+1; each association validates its own line until
 * 31 December of N+1, after which the line lapses; other activities come validated from their body.
 */
@ApplicationScoped
public class EngagementService {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    /** A decision's outcome; a lapsed engagement is reported after its new status is committed. */
    record Decided(EngagementView engagement, boolean lapsed) {
    }

    private final CreditService credits;
    private final Caller caller;
    private final Clock clock;

    EngagementService(CreditService credits, Caller caller, Clock clock) {
        this.credits = credits;
        this.caller = caller;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    @Transactional
    public List<EngagementView> declare(UUID holderId, DeclarationRequest body) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> rnas = new HashSet<>();
        for (int i = 0; i < body.associations().size(); i++) {
            DeclarationRequest.Association association = body.associations().get(i);
            if (association.siret() != null && !Siret.isValid(association.siret())) {
                errors.add(new Problem.FieldError("associations[" + i + "].siret", "is not a valid SIRET (14 digits, Luhn checksum)"));
            }
            if (!rnas.add(association.rna())) {
                errors.add(new Problem.FieldError("associations[" + i + "].rna", "association " + association.rna() + " is listed twice"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        // Locked: two identical declarations sent at once are taken one after the other, so the second
        // meets the first's rows and gets the 409 (not the unique index's error, a 500).
        if (CecAccount.findById(holderId, LockModeType.PESSIMISTIC_WRITE) == null) {
            throw ProblemException.notFound("CEC account of holder " + holderId);
        }
        int year = body.year();
        LocalDate today = today();
        LocalDate opens = CecParameters.LAW.declarationOpens(year);
        LocalDate closes = CecParameters.LAW.declarationCloses(year);
        if (today.isBefore(opens) || today.isAfter(closes)) {
            throw ProblemException.unprocessable("declaration-window-closed",
                    "association volunteering of " + year + " is declared from " + DAY.format(opens) + " to "
                            + DAY.format(closes) + "; today is " + DAY.format(today));
        }
        for (DeclarationRequest.Association association : body.associations()) {
            if (Engagement.alreadyDeclared(holderId, year, association.rna())) {
                throw ProblemException.conflict("already-declared", "hours in association " + association.rna()
                        + " are already declared for " + year);
            }
        }
        UUID declarationId = UUID.randomUUID();
        List<EngagementView> views = new ArrayList<>();
        for (DeclarationRequest.Association association : body.associations()) {
            Engagement e = newEngagement(holderId, declarationId, year, ActivityKind.ASSOCIATION_VOLUNTEERING, Origin.HOLDER);
            e.status = EngagementStatus.PENDING;
            e.rna = association.rna();
            e.siret = association.siret();
            e.hours = association.hours();
            e.role = association.role();
            e.persist();
            views.add(EngagementView.of(e, today, List.of()));
        }
        return views;
    }

    List<EngagementView> ofHolder(UUID holderId) {
        if (!CreditService.hasAccount(holderId)) {
            throw ProblemException.notFound("CEC account of holder " + holderId);
        }
        LocalDate today = today();
        return Engagement.ofHolder(holderId).stream().map(e -> EngagementView.of(e, today, List.of())).toList();
    }

    List<EngagementView> ofAssociation(String rna, EngagementStatus status) {
        LocalDate today = today();
        return Engagement.ofAssociation(rna).stream()
                .filter(e -> status == null || e.statusOn(today) == status)
                .map(e -> EngagementView.of(e, today, List.of())).toList();
    }

    @Transactional
    public Decided decide(UUID engagementId, ValidationRequest body) {
        Engagement e = Engagement.findById(engagementId, LockModeType.PESSIMISTIC_WRITE);
        if (e == null) {
            throw ProblemException.notFound("engagement " + engagementId);
        }
        // whose it is first: another association learns nothing of the engagement's state
        caller.requireAssociation(e.rna);
        if (e.origin != Origin.HOLDER) {
            throw ProblemException.conflict("not-awaiting-validation",
                    "engagement " + engagementId + " was declared validated by its responsible body");
        }
        LocalDate today = today();
        EngagementStatus status = e.statusOn(today);
        if (status == EngagementStatus.LAPSED) {
            e.status = EngagementStatus.LAPSED;
            return new Decided(EngagementView.of(e, today, List.of()), true);
        }
        if (status != EngagementStatus.PENDING) {
            throw ProblemException.conflict("already-decided", "engagement " + engagementId + " is already " + status);
        }
        if (body.decision() == ValidationRequest.Decision.VALIDATED && body.associationRegisteredOn() == null) {
            throw ProblemException.invalid("associationRegisteredOn", "is required to validate");
        }
        e.decidedAt = Instant.now(clock);
        e.decidedBy = caller.name();
        e.reason = body.reason();
        if (body.decision() == ValidationRequest.Decision.REJECTED) {
            e.status = EngagementStatus.REJECTED;
            return new Decided(EngagementView.of(e, today, List.of()), false);
        }
        // Two associations validating one volunteer at once must not each miss the other's hours.
        credits.lockAccount(e.holderId);
        e.status = EngagementStatus.VALIDATED;
        e.associationRegisteredOn = body.associationRegisteredOn();
        Engagement.flush();
        List<AssociationHours> lines = Engagement.validatedAssociationHours(e.holderId, e.year).stream()
                .map(v -> new AssociationHours(v.rna, v.hours, v.role, v.associationRegisteredOn)).toList();
        Eligibility eligibility = AssociationVolunteering.assess(e.year, lines, CecParameters.LAW);
        CreditService.Outcome outcome = credits.creditIfQualifying(e.holderId, e.year, eligibility);
        return new Decided(EngagementView.of(e, today, outcome.explanation()), false);
    }

    @Transactional
    public BatchResponse recordBatch(BatchRequest body) {
        List<Problem.FieldError> errors = new ArrayList<>();
        int thisYear = today().getYear();
        for (int i = 0; i < body.engagements().size(); i++) {
            BatchRequest.Item item = body.engagements().get(i);
            String path = "engagements[" + i + "]";
            if (item.kind() == ActivityKind.ASSOCIATION_VOLUNTEERING) {
                errors.add(new Problem.FieldError(path + ".kind",
                        "association volunteering is declared by the volunteer and validated by the association"));
            } else {
                Activities.check(item.activity(), path, errors);
            }
            if (item.year() > thisYear) {
                errors.add(new Problem.FieldError(path + ".year", "must not be after the current year " + thisYear));
            }
            if (!CreditService.hasAccount(item.holderId())) {
                errors.add(new Problem.FieldError(path + ".holderId", "no CEC account for this holder"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        UUID batchId = UUID.randomUUID();
        LocalDate today = today();
        List<EngagementView> views = new ArrayList<>();
        for (BatchRequest.Item item : body.engagements()) {
            Engagement e = newEngagement(item.holderId(), batchId, item.year(), item.kind(), Origin.SERVICE);
            e.status = EngagementStatus.VALIDATED;
            e.reference = body.reference();
            e.months = item.months();
            e.days = item.days();
            e.hours = item.hours();
            e.maxHoursInOneBody = item.maxHoursInOneBody();
            e.engagementYears = item.engagementYears();
            e.continuousYears = item.continuousYears();
            e.duties = item.duties();
            e.interventions = item.interventions();
            e.decidedAt = e.declaredAt;
            e.decidedBy = e.declaredBy;
            e.persist();
            Eligibility eligibility = ActivityRules.assess(Activities.toActivity(item.activity()), e.year, CecParameters.LAW);
            CreditService.Outcome outcome = credits.creditIfQualifying(e.holderId, e.year, eligibility);
            views.add(EngagementView.of(e, today, outcome.explanation()));
        }
        return new BatchResponse(body.reference(), views);
    }

    private Engagement newEngagement(UUID holderId, UUID declarationId, int year, ActivityKind kind, Origin origin) {
        Engagement e = new Engagement();
        e.id = UUID.randomUUID();
        e.holderId = holderId;
        e.declarationId = declarationId;
        e.year = year;
        e.kind = kind;
        e.origin = origin;
        e.declaredAt = Instant.now(clock);
        e.declaredBy = caller.name();
        return e;
    }
}

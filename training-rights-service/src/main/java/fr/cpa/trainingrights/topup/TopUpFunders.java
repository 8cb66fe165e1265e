package fr.cpa.trainingrights.topup;

import fr.cpa.platform.problem.Problem.FieldError;
import fr.cpa.platform.problem.ProblemException;
import fr.cpa.platform.security.Caller;
import fr.cpa.platform.security.Roles;
import fr.cpa.trainingrights.rules.FunderType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Who a top-up is recorded as paid by, and what the caller may claim. The funder type is more than a label: an
 * EMPLOYER or OPCO top-up spent on a purchase waives its co-payment, any third party's opens a driving licence
 * ({@link FunderType}), and the statistics count credits by funder. So an employer's payroll token records only its own
 * money (funder type EMPLOYER; not the work-accident top-up, which social security pays) and only for someone one of its
 * establishments has declared in a payroll declaration ({@code activity_month}, any month: the corrective and dismissal
 * top-ups come after the employment). OPCO, public funders, the holder's own money and the work-accident top-up are
 * recorded by staff (advisor, admin, a platform service acting for those funders).
 */
@ApplicationScoped
public class TopUpFunders {

    /** The kinds an employer's token may record (all but WORK_ACCIDENT), always with funder type EMPLOYER. */
    static final Set<String> EMPLOYER_KINDS = Set.of("CORRECTIVE", "COLLECTIVE_AGREEMENT_REFUSAL", "VOLUNTARY");

    private final Caller caller;
    private final EntityManager em;

    TopUpFunders(Caller caller, EntityManager em) {
        this.caller = caller;
        this.em = em;
    }

    /**
     * Who pays, as recorded on the entry after the funder type ({@code name}), and whether the employer's limits apply.
     */
    public record Funder(String name, boolean employer) {

        public static Funder staff(String subject) {
            return new Funder(subject, false);
        }

        /**
         * 422 naming {@code kind} and {@code funderType} when an employer claims money that is not its own. Only known
         * values are judged here: an unknown one is the validation's 400, as it is for everyone.
         */
        void requireMayRecord(String kind, String funderType) {
            if (!employer) {
                return;
            }
            List<FieldError> errors = new ArrayList<>();
            if (TopUpService.KINDS.contains(kind) && !EMPLOYER_KINDS.contains(kind)) {
                errors.add(new FieldError("kind", "the work-accident top-up is paid by social security: staff record it;"
                        + " an employer records " + String.join(", ", new TreeSet<>(EMPLOYER_KINDS))));
            }
            if (FunderType.ofFunder(funderType).filter(t -> t != FunderType.EMPLOYER).isPresent()) {
                errors.add(new FieldError("funderType", "an employer records only its own money, EMPLOYER; "
                        + funderType + " top-ups are recorded by staff for that funder"));
            }
            if (!errors.isEmpty()) {
                throw new ProblemException(422, "funder-not-allowed", "Refused by the rules",
                        "an employer records only top-ups it pays itself", errors);
            }
        }
    }

    /**
     * The funder of a top-up to {@code holderId} by the caller: an employer by the SIRET (of its token's) that declared
     * the holder, refused with 403 if none did; staff by their subject.
     */
    public Funder of(UUID holderId) {
        if (!caller.hasRole(Roles.EMPLOYER) || caller.isStaff()) {
            return Funder.staff(caller.subject());
        }
        Set<String> sirets = caller.sirets();
        if (sirets.isEmpty()) {
            throw ProblemException.forbidden("an employer's token must name its SIRET");
        }
        // the same 403 whether the holder has no account or is someone else's employee: no probing who exists
        @SuppressWarnings("unchecked")
        List<String> declaring = em.createNativeQuery("""
                        select siret from activity_month where holder_id = :holder and siret in (:sirets)
                        order by siret limit 1""")
                .setParameter("holder", holderId).setParameter("sirets", List.copyOf(sirets)).getResultList();
        if (declaring.isEmpty()) {
            throw ProblemException.forbidden("no payroll declaration of your establishment names this holder: an employer"
                    + " tops up only its own employees' or former employees' CPF");
        }
        return new Funder("SIRET " + declaring.get(0).strip(), true);
    }
}

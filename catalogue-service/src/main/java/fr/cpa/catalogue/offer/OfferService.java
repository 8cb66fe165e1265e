package fr.cpa.catalogue.offer;

import fr.cpa.catalogue.organisation.Organisation;
import fr.cpa.catalogue.reference.Geography;
import fr.cpa.catalogue.rules.CatalogueRules;
import fr.cpa.catalogue.rules.CertificationType;
import fr.cpa.catalogue.rules.Modality;
import fr.cpa.platform.money.Money;
import fr.cpa.platform.problem.Problem;
import fr.cpa.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * An organisation's offers and sessions. Every method takes the organisation's SIRET: an offer of
 * another organisation is answered as not found, so its existence does not leak.
 */
@ApplicationScoped
public class OfferService {

    private final EntityManager em;
    private final Geography geography;
    private final Clock clock;

    OfferService(EntityManager em, Geography geography, Clock clock) {
        this.em = em;
        this.geography = geography;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    @Transactional
    public OfferApi.OfferView create(String siret, OfferApi.OfferRequest request) {
        Organisation organisation = organisation(siret);
        if (Offer.count("number", request.number()) > 0) {
            throw ProblemException.conflict("offer-exists", "an offer numbered " + request.number() + " exists");
        }
        Offer offer = new Offer();
        offer.id = UUID.randomUUID();
        offer.organisationId = organisation.id;
        offer.number = request.number();
        offer.status = Offer.Status.DRAFT;
        offer.source = Offer.Source.API;
        offer.createdAt = Instant.now();
        apply(offer, request);
        offer.persist();
        em.flush();
        writeArea(offer);
        return view(offer, siret);
    }

    @Transactional
    public OfferApi.OfferView update(String siret, UUID id, OfferApi.OfferRequest request) {
        Offer offer = owned(siret, id);
        if (!offer.number.equals(request.number())) {
            throw ProblemException.invalid("number", "an offer's number cannot change");
        }
        apply(offer, request);
        em.flush();
        writeArea(offer);
        return view(offer, siret);
    }

    public OfferApi.OfferView get(String siret, UUID id) {
        return view(owned(siret, id), siret);
    }

    public OfferApi.OfferPage list(String siret, int page, int size) {
        Organisation organisation = organisation(siret);
        var query = Offer.find("organisationId = ?1 order by createdAt desc, id", organisation.id);
        List<OfferApi.OfferView> items = query.page(page, size).<Offer>list().stream().map(o -> view(o, siret)).toList();
        return new OfferApi.OfferPage(items, query.count(), page, size);
    }

    /** Publishing needs an active organisation with a Qualiopi certificate valid today (L6316-1). */
    @Transactional
    public OfferApi.OfferView publish(String siret, UUID id) {
        Offer offer = owned(siret, id);
        Organisation organisation = organisation(siret);
        CatalogueRules.refusalToPublish(organisation.asPublisher(), today()).ifPresent(reason -> {
            throw ProblemException.unprocessable("qualiopi-required", reason);
        });
        offer.status = Offer.Status.PUBLISHED;
        offer.updatedAt = Instant.now();
        return view(offer, siret);
    }

    @Transactional
    public OfferApi.OfferView withdraw(String siret, UUID id) {
        Offer offer = owned(siret, id);
        offer.status = Offer.Status.WITHDRAWN;
        offer.updatedAt = Instant.now();
        return view(offer, siret);
    }

    @Transactional
    public OfferApi.SessionView addSession(String siret, UUID offerId, OfferApi.SessionRequest request) {
        Offer offer = owned(siret, offerId);
        TrainingSession session = new TrainingSession();
        session.id = UUID.randomUUID();
        session.offerId = offer.id;
        session.status = TrainingSession.Status.OPEN;
        session.createdAt = Instant.now();
        apply(session, request);
        session.persist();
        refreshNextSession(offer);
        return OfferApi.SessionView.of(session);
    }

    @Transactional
    public OfferApi.SessionView updateSession(String siret, UUID offerId, UUID sessionId, OfferApi.SessionRequest request) {
        Offer offer = owned(siret, offerId);
        TrainingSession session = ownedSession(offer, sessionId);
        apply(session, request);
        refreshNextSession(offer);
        return OfferApi.SessionView.of(session);
    }

    /** A session is cancelled, not deleted: enrolments will refer to it. */
    @Transactional
    public OfferApi.SessionView cancelSession(String siret, UUID offerId, UUID sessionId) {
        Offer offer = owned(siret, offerId);
        TrainingSession session = ownedSession(offer, sessionId);
        session.status = TrainingSession.Status.CANCELLED;
        session.updatedAt = Instant.now();
        refreshNextSession(offer);
        return OfferApi.SessionView.of(session);
    }

    private void apply(Offer offer, OfferApi.OfferRequest r) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Geography.Department department = null;
        if (r.modality() != Modality.REMOTE && r.departmentCode() == null) {
            errors.add(new Problem.FieldError("departmentCode", "is required unless the modality is REMOTE"));
        } else if (r.departmentCode() != null) {
            department = geography.department(r.departmentCode()).orElse(null);
            if (department == null) {
                errors.add(new Problem.FieldError("departmentCode", "is not a known department"));
            }
        }
        boolean register = r.certificationType() == CertificationType.RNCP || r.certificationType() == CertificationType.RS;
        if (register && r.certificationCode() == null) {
            errors.add(new Problem.FieldError("certificationCode", "is required for an RNCP or RS certification"));
        } else if (register && !r.certificationCode().startsWith(r.certificationType().name())) {
            errors.add(new Problem.FieldError("certificationCode", "must be a " + r.certificationType() + " code"));
        }
        if (r.price().amount() < 0) {
            errors.add(new Problem.FieldError("price.amount", "must not be negative"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        offer.title = r.title().strip();
        offer.objective = r.objective();
        offer.content = r.content();
        offer.certificationType = r.certificationType();
        offer.certificationCode = r.certificationCode();
        offer.certificationTitle = r.certificationTitle();
        offer.formacodes = r.formacodes() == null ? new String[0] : r.formacodes().toArray(String[]::new);
        offer.romeCodes = r.romeCodes() == null ? new String[0] : r.romeCodes().stream().distinct().toArray(String[]::new);
        offer.durationMinMinutes = r.durationMinutes();
        offer.durationMaxMinutes = r.durationMinutes();
        offer.priceMinCents = r.price().amount();
        offer.priceMaxCents = r.price().amount();
        offer.modality = r.modality();
        offer.prerequisites = Boolean.TRUE.equals(r.prerequisites());
        offer.departmentCodes = department == null ? new String[0] : new String[]{department.code()};
        offer.regionCodes = department == null ? new String[0] : new String[]{department.regionCode()};
        offer.cpfEligible = CatalogueRules.cpfEligible(r.certificationType(), r.certificationCode(), today());
        offer.updatedAt = Instant.now();
    }

    private void apply(TrainingSession session, OfferApi.SessionRequest r) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (r.endDate().isBefore(r.startDate())) {
            errors.add(new Problem.FieldError("endDate", "must not be before startDate"));
        }
        if (r.departmentCode() != null && geography.department(r.departmentCode()).isEmpty()) {
            errors.add(new Problem.FieldError("departmentCode", "is not a known department"));
        }
        if (!r.remote() && r.departmentCode() == null) {
            errors.add(new Problem.FieldError("departmentCode", "is required for a session on site"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        session.startDate = r.startDate();
        session.endDate = r.endDate();
        session.seats = r.seats();
        session.place = r.place();
        session.departmentCode = r.departmentCode();
        session.remote = r.remote();
        session.updatedAt = Instant.now();
    }

    /** The one area of an offer written through the API (imports write one per department). */
    private void writeArea(Offer offer) {
        em.createNativeQuery("delete from offer_area where offer_id = :id").setParameter("id", offer.id).executeUpdate();
        String department = offer.departmentCodes.length == 0 ? "" : offer.departmentCodes[0];
        em.createNativeQuery("""
                        insert into offer_area (offer_id, department_code, region_code, sessions_active, sessions_remote,
                            price_min_cents, price_max_cents, duration_min_minutes, duration_max_minutes)
                        values (:id, :dep, :reg, 0, 0, :price, :price, :minutes, :minutes)""")
                .setParameter("id", offer.id)
                .setParameter("dep", department)
                .setParameter("reg", offer.regionCodes.length == 0 ? null : offer.regionCodes[0])
                .setParameter("price", offer.priceMinCents)
                .setParameter("minutes", offer.durationMinMinutes)
                .executeUpdate();
    }

    /** Its next and its last open session's start, which the search's sort and startAfter filter read (V13). */
    private void refreshNextSession(Offer offer) {
        em.flush();
        List<TrainingSession> open = TrainingSession.list("offerId = ?1 and status = ?2 order by startDate",
                offer.id, TrainingSession.Status.OPEN);
        LocalDate today = today();
        offer.nextSessionStart = open.stream().map(s -> s.startDate).filter(d -> !d.isBefore(today)).findFirst().orElse(null);
        offer.lastSessionStart = open.isEmpty() ? null : open.get(open.size() - 1).startDate;
        offer.updatedAt = Instant.now();
    }

    private static Organisation organisation(String siret) {
        return Organisation.findBySiret(siret).orElseThrow(() -> ProblemException.notFound("organisation " + siret));
    }

    private static Offer owned(String siret, UUID id) {
        Organisation organisation = organisation(siret);
        Offer offer = Offer.findById(id);
        if (offer == null || !offer.organisationId.equals(organisation.id)) {
            throw ProblemException.notFound("offer " + id + " of organisation " + siret);
        }
        return offer;
    }

    private static TrainingSession ownedSession(Offer offer, UUID sessionId) {
        TrainingSession session = TrainingSession.findById(sessionId);
        if (session == null || !session.offerId.equals(offer.id)) {
            throw ProblemException.notFound("session " + sessionId);
        }
        return session;
    }

    private static OfferApi.OfferView view(Offer o, String siret) {
        List<OfferApi.SessionView> sessions = TrainingSession.ofOffer(o.id).stream().map(OfferApi.SessionView::of).toList();
        return new OfferApi.OfferView(o.id.toString(), o.number, siret, o.title, o.objective, o.content,
                new OfferApi.Certification(o.certificationType, o.certificationCode, o.certificationTitle),
                Arrays.asList(o.formacodes), Arrays.asList(o.romeCodes), o.durationMinMinutes,
                o.priceMinCents == null ? null : Money.cents(o.priceMinCents), o.modality,
                Arrays.asList(o.regionCodes), Arrays.asList(o.departmentCodes), o.status, o.cpfEligible,
                o.nextSessionStart, sessions, o.prerequisites);
    }
}

package fr.cpa.catalogue.organisation;

import fr.cpa.platform.identity.Siret;
import fr.cpa.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Registers organisations and keeps their Qualiopi certificate and status. */
@ApplicationScoped
public class OrganisationService {

    private final Clock clock;

    OrganisationService() {
        this.clock = Clock.systemDefaultZone();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    @Transactional
    public OrganisationApi.OrganisationView register(OrganisationApi.RegisterRequest request) {
        if (!Siret.isValid(request.siret())) {
            throw ProblemException.invalid("siret", "is not a valid SIRET (Luhn checksum)");
        }
        if (Organisation.findBySiret(request.siret()).isPresent()) {
            throw ProblemException.conflict("organisation-exists", "an organisation with SIRET " + request.siret() + " exists");
        }
        Organisation o = new Organisation();
        o.id = UUID.randomUUID();
        o.siret = request.siret();
        o.name = request.name().strip();
        o.declarationNumber = request.declarationNumber();
        if (request.qualiopi() != null) {
            o.qualiopiCertificate = request.qualiopi().certificate().strip();
            o.qualiopiValidUntil = request.qualiopi().validUntil();
        }
        o.status = Organisation.Status.ACTIVE;
        o.createdAt = Instant.now();
        o.updatedAt = o.createdAt;
        try {
            o.persistAndFlush();
        } catch (PersistenceException e) {
            throw ProblemException.conflict("organisation-exists", "an organisation with SIRET " + request.siret() + " exists");
        }
        return OrganisationApi.OrganisationView.of(o, today());
    }

    public OrganisationApi.OrganisationView find(String siret) {
        return OrganisationApi.OrganisationView.of(require(siret), today());
    }

    @Transactional
    public OrganisationApi.OrganisationView setQualiopi(String siret, OrganisationApi.Qualiopi qualiopi) {
        Organisation o = require(siret);
        o.qualiopiCertificate = qualiopi.certificate().strip();
        o.qualiopiValidUntil = qualiopi.validUntil();
        o.updatedAt = Instant.now();
        return OrganisationApi.OrganisationView.of(o, today());
    }

    @Transactional
    public OrganisationApi.OrganisationView setStatus(String siret, Organisation.Status status) {
        Organisation o = require(siret);
        o.status = status;
        o.updatedAt = Instant.now();
        return OrganisationApi.OrganisationView.of(o, today());
    }

    static Organisation require(String siret) {
        return Organisation.findBySiret(siret).orElseThrow(() -> ProblemException.notFound("organisation " + siret));
    }
}

package fr.cpa.account.holder;

import fr.cpa.account.nir.Nir;
import fr.cpa.account.nir.NirBirthDate;
import fr.cpa.account.nir.NirProtector;
import fr.cpa.platform.contract.HolderIdentityActivated;
import fr.cpa.platform.contract.HolderRegistered;
import fr.cpa.platform.contract.Topics;
import fr.cpa.platform.outbox.Outbox;
import fr.cpa.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Registers holders and emits {@code HolderRegistered} through the outbox, in one transaction. */
@ApplicationScoped
public class HolderService {

    private static final Logger LOG = Logger.getLogger(HolderService.class);
    private static final LocalDate OLDEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

    private final NirProtector nirProtector;
    private final Outbox outbox;

    HolderService(NirProtector nirProtector, Outbox outbox) {
        this.nirProtector = nirProtector;
        this.outbox = outbox;
    }

    @Transactional
    public HolderView register(RegisterHolderRequest request) {
        Nir nir = Nir.parse(request.nir()).orElseThrow(() -> ProblemException.invalid("nir", "is not a valid NIR"));
        checkBirthDate(nir, request.birthDate());
        byte[] hash = nirProtector.lookupHash(nir);
        Optional<Holder> known = Holder.findByNirHash(hash);
        if (known.isPresent() && known.get().identityStatus == Holder.IdentityStatus.PENDING) {
            return activate(known.get(), request);
        }
        if (known.isPresent()) {
            throw duplicate();
        }
        Holder holder = new Holder();
        holder.id = UUID.randomUUID();
        holder.nirHash = hash;
        holder.nirCipher = nirProtector.encrypt(nir);
        holder.lastName = request.lastName().strip();
        holder.firstName = request.firstName().strip();
        holder.birthDate = request.birthDate();
        holder.identityStatus = Holder.IdentityStatus.ACTIVE;
        holder.createdAt = Instant.now();
        try {
            holder.persistAndFlush();
        } catch (PersistenceException e) {
            throw duplicate(); // a concurrent registration of the same NIR won the unique index
        }
        outbox.publish(Topics.HOLDER, HolderRegistered.TYPE, holder.id,
                new HolderRegistered(holder.id, holder.birthDate, List.of(), null, null));
        LOG.infof("holder %s registered", holder.id);
        return HolderView.of(holder);
    }

    /**
     * A holder created from a payroll declaration (identity pending) becomes active when the person
     * registers: same id, so everything already declared stays theirs. HolderRegistered was emitted
     * when the pending holder was created; the activation emits HolderIdentityActivated.
     */
    private HolderView activate(Holder pending, RegisterHolderRequest request) {
        pending.lastName = request.lastName().strip();
        pending.firstName = request.firstName().strip();
        pending.birthDate = request.birthDate();
        pending.identityStatus = Holder.IdentityStatus.ACTIVE;
        outbox.publish(Topics.HOLDER, HolderIdentityActivated.TYPE, pending.id,
                new HolderIdentityActivated(pending.id, pending.birthDate, Instant.now()));
        LOG.infof("pending holder %s activated", pending.id);
        return HolderView.of(pending);
    }

    /** The holder a NIR designates (active or pending), found by its keyed hash. */
    public Optional<UUID> idByNir(Nir nir) {
        return Holder.findByNirHash(nirProtector.lookupHash(nir)).map(h -> h.id);
    }

    public Optional<HolderView> find(UUID id) {
        return Holder.<Holder>findByIdOptional(id).map(HolderView::of);
    }

    /** The NIR carries the birth year and month (when known): they must agree with the birth date. */
    private static void checkBirthDate(Nir nir, LocalDate birthDate) {
        if (birthDate.isBefore(OLDEST_BIRTH_DATE)) {
            throw ProblemException.invalid("birthDate", "must be on or after " + OLDEST_BIRTH_DATE);
        }
        if (!NirBirthDate.matches(nir, birthDate)) {
            throw ProblemException.invalid("nir", "does not match birthDate (year and month of birth)");
        }
    }

    private static ProblemException duplicate() {
        return ProblemException.conflict("holder-exists", "a holder with this NIR is already registered");
    }
}

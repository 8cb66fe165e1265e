package fr.cpa.account.declaration;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.cpa.account.nir.Nir;
import fr.cpa.account.nir.NirProtector;
import fr.cpa.platform.contract.ActivityDeclared;
import fr.cpa.platform.contract.ActivityWithdrawn;
import fr.cpa.platform.contract.ExposureDeclared;
import fr.cpa.platform.contract.ExposureWithdrawn;
import fr.cpa.platform.contract.HolderRegistered;
import fr.cpa.platform.contract.Topics;
import fr.cpa.platform.event.EventJson;
import fr.cpa.platform.identity.Siret;
import fr.cpa.platform.money.Money;
import fr.cpa.platform.outbox.Outbox;
import fr.cpa.platform.problem.Problem.FieldError;
import fr.cpa.platform.problem.ProblemException;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Takes an employer's monthly declaration (DSN-like, DOMAIN.md §5) as a stream: each employee is
 * read, checked, and stored in batches as the body arrives, so 50 000 employees never sit in memory
 * twice. All or nothing: every broken rule of the whole body is listed, and any one of them rolls the
 * transaction back, rows, pending holders and outbox events alike.
 *
 * <p>Idempotent by {@code declarationId}: the same id with the same bytes answers with the stored
 * declaration; with other bytes, 409. A new id for a SIRET and month already declared replaces the
 * current version ("annule et remplace"). Consumers keep one employee-month per SIRET and month (one
 * factor per SIRET, year and unit) and a higher version overwrites it, so the new version's events alone
 * carry the corrected figures; only what the new version no longer has is withdrawn
 * ({@code ActivityWithdrawn}, {@code ExposureWithdrawn}), after them. A consumer never counts both, and
 * never goes through a take-back (a withdrawal then a new credit) for an employee still declared.
 */
@ApplicationScoped
public class DeclarationService {

    private static final Logger LOG = Logger.getLogger(DeclarationService.class);
    /**
     * Employees stored, and their events written, per round of COPYs: large enough that the fixed cost
     * of a statement vanishes, small enough that a batch of rows and events stays a few MB.
     */
    static final int BATCH = 5000;
    private static final Pattern PERIOD = Pattern.compile("\\d{4}-\\d{2}");

    /** The answer to a submission: the declaration, and whether this was a replay of an earlier one. */
    public record Outcome(DeclarationView view, boolean replayed) {
    }

    private enum Mode { STORE, VALIDATE, REPLAY }

    private record Header(UUID declarationId, String siret, YearMonth period) {
        boolean valid() {
            return declarationId != null && siret != null && period != null;
        }
    }

    private final DeclarationStore store;
    private final RejectionLog rejections;
    private final NirProtector nirProtector;
    private final Outbox outbox;
    private final EntityManager em;
    private final EventJson json;
    private final ObjectMapper reader;
    private final Clock clock;

    DeclarationService(DeclarationStore store, RejectionLog rejections, NirProtector nirProtector, Outbox outbox,
                       EntityManager em, EventJson json, Clock clock) {
        this.clock = clock;
        this.store = store;
        this.rejections = rejections;
        this.nirProtector = nirProtector;
        this.outbox = outbox;
        this.em = em;
        this.json = json;
        // exact decimals: 151.67 hours must not become 151.66999…
        this.reader = json.mapper().copy().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /**
     * @param authorise refuses (throws) a SIRET the caller is not bound to, as soon as it is read
     */
    @Transactional(rollbackOn = Exception.class)
    @TransactionConfiguration(timeout = 1800)
    public Outcome submit(InputStream body, Consumer<String> authorise, String submittedBy) throws IOException {
        String[] siret = new String[1]; // the body's SIRET once read and valid: the rejection log names it
        try {
            return receive(body, s -> {
                siret[0] = s;
                authorise.accept(s);
            }, submittedBy);
        } catch (ProblemException e) {
            if (e.status() == 400) { // refused as invalid: counted by the statistics (403 and 409 are not)
                List<FieldError> errors = e.toProblem(null).errors();
                rejections.record(siret[0], errors != null ? errors : List.of(new FieldError("$", e.getMessage())));
            }
            throw e;
        } catch (JsonProcessingException e) {
            rejections.record(siret[0], List.of(new FieldError("$", "the body is not readable JSON")));
            throw e;
        }
    }

    private Outcome receive(InputStream body, Consumer<String> authorise, String submittedBy) throws IOException {
        long started = System.nanoTime();
        MessageDigest sha256 = sha256();
        DigestInputStream in = new DigestInputStream(body, sha256);
        List<FieldError> errors = new ArrayList<>();
        Map<String, JsonNode> header = new LinkedHashMap<>();
        List<JsonNode> waiting = new ArrayList<>();
        Intake intake = null;
        int count = 0;
        boolean employeesGiven = false;
        try (Connection c = store.connection(); JsonParser p = reader.getFactory().createParser(in)) {
            p.setCodec(reader);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw ProblemException.invalid("$", "the body must be a JSON object");
            }
            parsing:
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "declarationId", "siret", "period" -> header.put(name, p.readValueAsTree());
                    case "employees" -> {
                        employeesGiven = true;
                        if (value != JsonToken.START_ARRAY) {
                            errors.add(new FieldError("employees", "must be an array"));
                            p.skipChildren();
                            break;
                        }
                        if (intake == null && header.size() == 3) {
                            intake = begin(c, header, errors, authorise, submittedBy);
                        }
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            if (intake != null && intake.mode == Mode.REPLAY) {
                                break parsing; // only the bytes matter now
                            }
                            if (count >= DeclarationParameters.MAX_EMPLOYEES) {
                                p.skipChildren();
                                count++;
                                continue;
                            }
                            JsonNode employee = p.readValueAsTree();
                            if (intake != null) {
                                intake.accept(count, employee);
                            } else {
                                waiting.add(employee); // the header comes after the employees: check them then
                            }
                            count++;
                        }
                    }
                    default -> p.skipChildren(); // fields added later by the contract, unknown here
                }
            }
            if (intake == null) {
                intake = begin(c, header, errors, authorise, submittedBy);
                for (int i = 0; i < waiting.size() && intake.mode != Mode.REPLAY; i++) {
                    intake.accept(i, waiting.get(i));
                }
                waiting.clear();
            }
            in.transferTo(OutputStream.nullOutputStream());
            String hash = HexFormat.of().formatHex(sha256.digest());
            if (intake.mode == Mode.REPLAY) {
                return replay(intake.header.declarationId(), hash);
            }
            if (!employeesGiven) {
                errors.add(new FieldError("employees", "must be given"));
            } else if (count == 0) {
                errors.add(new FieldError("employees", "must list at least one employee"));
            } else if (count > DeclarationParameters.MAX_EMPLOYEES) {
                errors.add(new FieldError("employees", "at most " + DeclarationParameters.MAX_EMPLOYEES
                        + " employees in one declaration, got " + count));
            }
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
            intake.flush();
            if (intake.replaces != null) {
                withdrawWhatIsGone(c, intake.replaces, intake.header.declarationId(), intake.header.period());
            }
            store.complete(c, intake.header.declarationId(), hash, intake.employees, intake.exposures,
                    intake.pendingHolders);
            LOG.infof("declaration %s accepted: SIRET %s, %s, version %d, %d employees, %d exposures, %d pending holders"
                            + " in %d ms (holders %d ms, rows %d ms, events %d ms, the rest reading and checking)",
                    intake.header.declarationId(), intake.header.siret(), intake.header.period(), intake.version,
                    intake.employees, intake.exposures, intake.pendingHolders, (System.nanoTime() - started) / 1_000_000,
                    intake.holdersNanos / 1_000_000, intake.rowsNanos / 1_000_000, intake.eventsNanos / 1_000_000);
            em.clear();
            return new Outcome(find(intake.header.declarationId()).orElseThrow(), false);
        } catch (SQLException e) {
            throw new IllegalStateException("declaration could not be stored", e);
        }
    }

    public Optional<DeclarationView> find(UUID id) {
        return Declaration.<Declaration>findByIdOptional(id).map(DeclarationView::of);
    }

    public DeclarationView.Page list(String siret, String period, int page, int size) {
        var query = period == null
                ? Declaration.<Declaration>find("siret = ?1 order by period desc, version desc", siret)
                : Declaration.<Declaration>find("siret = ?1 and period = ?2 order by version desc", siret, period);
        List<DeclarationView> items = query.page(page, size).list().stream().map(DeclarationView::of).toList();
        return new DeclarationView.Page(items, page, size, query.count());
    }

    private Outcome replay(UUID id, String hash) {
        Declaration existing = Declaration.findById(id);
        if (!existing.bodyHash.equals(hash)) {
            throw ProblemException.conflict("declaration-id-reused",
                    "declaration " + id + " was already received with a different body; a correction needs a new declarationId");
        }
        return new Outcome(DeclarationView.of(existing), true);
    }

    /** Checks the header, authorises the SIRET and, when all is well, opens the new version. */
    private Intake begin(Connection c, Map<String, JsonNode> fields, List<FieldError> errors,
                         Consumer<String> authorise, String submittedBy) throws SQLException {
        Header header = header(fields, errors);
        if (header.siret() != null) {
            authorise.accept(header.siret());
        }
        if (!header.valid()) {
            return new Intake(c, header, Mode.VALIDATE, 0, null, errors);
        }
        store.lockSiretMonth(c, header.siret(), header.period().toString());
        if (store.bodyHash(c, header.declarationId()).isPresent()) {
            return new Intake(c, header, Mode.REPLAY, 0, null, errors);
        }
        Optional<DeclarationStore.Current> current = store.current(c, header.siret(), header.period().toString());
        int version = store.lastVersion(c, header.siret(), header.period().toString()) + 1;
        if (current.isPresent()) {
            store.markReplaced(c, current.get().id(), header.declarationId());
        }
        store.insertHeader(c, header.declarationId(), header.siret(), header.period().toString(), version,
                current.map(DeclarationStore.Current::id).orElse(null), submittedBy);
        return new Intake(c, header, Mode.STORE, version, current.map(DeclarationStore.Current::id).orElse(null), errors);
    }

    /**
     * What the replaced version declared and the new one does not (an employee no longer listed, a factor
     * no longer reported) no longer counts: one withdrawal per employee-month and per factor, written after
     * the new version's events. A withdrawal names the replaced declaration, so a consumer whose row the new
     * version already overwrote finds nothing to remove.
     */
    private void withdrawWhatIsGone(Connection c, UUID replaced, UUID replacement, YearMonth period) throws SQLException {
        List<Outbox.Message> events = new ArrayList<>();
        for (DeclarationStore.DeclaredLine line : store.linesGone(c, replaced, replacement)) {
            events.add(new Outbox.Message(Topics.ACTIVITY, ActivityWithdrawn.TYPE, line.holderId(),
                    new ActivityWithdrawn(line.holderId(), replaced, period.toString())));
        }
        DeclarationStore.DeclaredExposure last = null;
        for (DeclarationStore.DeclaredExposure x : store.exposuresGone(c, replaced, replacement)) {
            // NOISE may come in hours and in peaks: one withdrawal of the factor covers both
            boolean sameFactor = last != null && last.line() == x.line() && last.factor().equals(x.factor());
            if (!sameFactor) {
                events.add(new Outbox.Message(Topics.EXPOSURE, ExposureWithdrawn.TYPE, x.holderId(),
                        new ExposureWithdrawn(x.holderId(), replaced, x.year(), x.factor())));
            }
            last = x;
        }
        outbox.publishAll(events);
    }

    private Header header(Map<String, JsonNode> fields, List<FieldError> errors) {
        UUID id = null;
        JsonNode idNode = fields.get("declarationId");
        if (idNode == null || idNode.isNull()) {
            errors.add(new FieldError("declarationId", "must be given"));
        } else {
            try {
                id = idNode.isTextual() ? UUID.fromString(idNode.asText()) : null;
            } catch (IllegalArgumentException e) {
                id = null;
            }
            if (id == null) {
                errors.add(new FieldError("declarationId", "must be a UUID"));
            }
        }
        String siret = null;
        JsonNode siretNode = fields.get("siret");
        if (siretNode == null || siretNode.isNull()) {
            errors.add(new FieldError("siret", "must be given"));
        } else if (!siretNode.isTextual() || !Siret.isValid(siretNode.asText())) {
            errors.add(new FieldError("siret", "is not a valid SIRET (14 digits with a Luhn checksum)"));
        } else {
            siret = siretNode.asText();
        }
        YearMonth period = null;
        JsonNode periodNode = fields.get("period");
        if (periodNode == null || periodNode.isNull()) {
            errors.add(new FieldError("period", "must be given"));
        } else {
            try {
                if (periodNode.isTextual() && PERIOD.matcher(periodNode.asText()).matches()) {
                    period = YearMonth.parse(periodNode.asText());
                }
            } catch (DateTimeParseException e) {
                period = null;
            }
            if (period == null) {
                errors.add(new FieldError("period", "must be a month, YYYY-MM"));
            } else if (period.isBefore(DeclarationParameters.FIRST_PERIOD)) {
                errors.add(new FieldError("period", "must be " + DeclarationParameters.FIRST_PERIOD + " or later"));
                period = null;
            } else if (period.isAfter(YearMonth.now(clock))) {
                errors.add(new FieldError("period", "is in the future"));
                period = null;
            }
        }
        return new Header(id, siret, period);
    }

    /** The employees of one declaration being read: checked one by one, stored and announced by batch. */
    private final class Intake {
        final Connection c;
        final Header header;
        final Mode mode;
        final int version;
        /** the version this one replaces, if any */
        final UUID replaces;
        final List<FieldError> errors;
        final EmployeeReader rules;
        final Map<Nir, Integer> seen = new HashMap<>();
        final List<DeclaredEmployee> batch = new ArrayList<>();
        int employees;
        int exposures;
        int pendingHolders;
        /** Time by phase, logged with the outcome: where a declaration's seconds go (the rest is reading). */
        long holdersNanos;
        long rowsNanos;
        long eventsNanos;

        Intake(Connection c, Header header, Mode mode, int version, UUID replaces, List<FieldError> errors) {
            this.c = c;
            this.header = header;
            this.mode = mode;
            this.version = version;
            this.replaces = replaces;
            this.errors = errors;
            this.rules = new EmployeeReader(header.period());
        }

        void accept(int index, JsonNode node) {
            Optional<DeclaredEmployee> employee = rules.read(index, node, errors);
            if (employee.isEmpty()) {
                batch.clear(); // nothing more will be stored: keep no rows in memory
                return;
            }
            Integer first = seen.putIfAbsent(employee.get().nir(), index);
            if (first != null) {
                errors.add(new FieldError("employees[" + index + "].nir",
                        "is declared twice (also employees[" + first + "]): one line per employee and month"));
            }
            if (mode == Mode.STORE && errors.isEmpty()) {
                batch.add(employee.get());
                if (batch.size() >= BATCH) {
                    flush();
                }
            } else {
                batch.clear();
            }
        }

        /**
         * Stores the batch and writes its events: one query finds the known holders, multi-row inserts
         * create the pending ones, one COPY each stores the employee-months and the factors, and one COPY
         * writes every event of the batch to the outbox (HolderRegistered before the activity it carries).
         */
        void flush() {
            if (batch.isEmpty()) {
                return;
            }
            try {
                long t0 = System.nanoTime();
                List<Outbox.Message> events = new ArrayList<>(batch.size() * 2);
                Map<Integer, UUID> holders = holders(events);
                long t1 = System.nanoTime();
                List<String> absences = new ArrayList<>(batch.size());
                for (DeclaredEmployee e : batch) {
                    absences.add(absencesJson(e));
                }
                store.insertLines(c, header.declarationId(), batch, holders, absences);
                store.insertExposures(c, header.declarationId(), header.period().getYear(), batch, holders);
                long t2 = System.nanoTime();
                for (DeclaredEmployee e : batch) {
                    announce(e, holders.get(e.index()), events);
                }
                outbox.publishAll(events);
                long t3 = System.nanoTime();
                holdersNanos += t1 - t0;
                rowsNanos += t2 - t1;
                eventsNanos += t3 - t2;
                employees += batch.size();
                batch.clear();
            } catch (SQLException e) {
                throw new IllegalStateException("declaration could not be stored", e);
            }
        }

        private Map<Integer, UUID> holders(List<Outbox.Message> events) throws SQLException {
            List<byte[]> hashes = new ArrayList<>(batch.size());
            for (DeclaredEmployee e : batch) {
                hashes.add(nirProtector.lookupHash(e.nir()));
            }
            Map<String, UUID> known = store.holdersByHash(c, hashes);
            List<DeclarationStore.NewHolder> unknown = new ArrayList<>();
            Map<Integer, UUID> holders = new HashMap<>();
            for (int i = 0; i < batch.size(); i++) {
                DeclaredEmployee e = batch.get(i);
                UUID id = known.get(HexFormat.of().formatHex(hashes.get(i)));
                if (id == null) {
                    id = UUID.randomUUID();
                    unknown.add(new DeclarationStore.NewHolder(id, hashes.get(i), nirProtector.encrypt(e.nir()),
                            e.lastName(), e.firstName(), e.birthDate()));
                }
                holders.put(e.index(), id);
            }
            if (unknown.isEmpty()) {
                return holders;
            }
            Set<UUID> created = new HashSet<>(store.insertPendingHolders(c, unknown));
            List<byte[]> lost = new ArrayList<>();
            for (DeclarationStore.NewHolder h : unknown) {
                if (created.contains(h.id())) {
                    pendingHolders++;
                    events.add(new Outbox.Message(Topics.HOLDER, HolderRegistered.TYPE, h.id(),
                            new HolderRegistered(h.id(), h.birthDate(), List.of(), null, null)));
                } else {
                    lost.add(h.nirHash()); // registered by a concurrent request meanwhile: use theirs
                }
            }
            if (!lost.isEmpty()) {
                Map<String, UUID> winners = store.holdersByHash(c, lost);
                for (int i = 0; i < batch.size(); i++) {
                    UUID winner = winners.get(HexFormat.of().formatHex(hashes.get(i)));
                    if (winner != null) {
                        holders.put(batch.get(i).index(), winner);
                    }
                }
            }
            return holders;
        }

        private void announce(DeclaredEmployee e, UUID holderId, List<Outbox.Message> events) {
            UUID id = header.declarationId();
            events.add(new Outbox.Message(Topics.ACTIVITY, ActivityDeclared.TYPE, holderId, new ActivityDeclared(holderId,
                    id, version, header.siret(), header.period().toString(), e.contract().status(),
                    e.contract().category(), e.timeUnit(), e.paidTime(), e.referenceTime(), e.partTimeRate(),
                    e.grossPayCents() == null ? null : Money.cents(e.grossPayCents()), counted(e))));
            List<ExposureDeclared.DeclaredFactor> allFactors = e.exposures().isEmpty() ? List.of() : e.exposures().stream()
                    .map(x -> new ExposureDeclared.DeclaredFactor(x.factor(), x.quantity(), x.unit(), x.months())).toList();
            for (DeclaredEmployee.Exposure x : e.exposures()) {
                events.add(new Outbox.Message(Topics.EXPOSURE, ExposureDeclared.TYPE, holderId, new ExposureDeclared(
                        holderId, id, version, header.siret(), header.period().getYear(), x.factor(), x.quantity(),
                        x.unit(), x.months(), header.period().toString(), allFactors)));
                exposures++;
            }
        }

        /**
         * The stored form of the counted absences, {@code [{"kind":"MATERNITY","minutes":2100}]}, written
         * directly: kinds come from the fixed list of L6323-12 (nothing to escape), minutes are numbers.
         */
        private static String absencesJson(DeclaredEmployee e) {
            if (e.absences().isEmpty()) {
                return "[]";
            }
            StringBuilder out = new StringBuilder(48 * e.absences().size());
            for (DeclaredEmployee.Absence a : e.absences()) {
                out.append(out.isEmpty() ? "[" : ",").append("{\"kind\":\"").append(a.kind())
                        .append("\",\"minutes\":").append(a.minutes()).append('}');
            }
            return out.append(']').toString();
        }

        private List<ActivityDeclared.CountedAbsence> counted(DeclaredEmployee e) {
            return e.absences().stream().map(a -> new ActivityDeclared.CountedAbsence(a.kind(), a.minutes())).toList();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}

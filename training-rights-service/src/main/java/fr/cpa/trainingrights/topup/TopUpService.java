package fr.cpa.trainingrights.topup;

import fr.cpa.platform.problem.Problem.FieldError;
import fr.cpa.platform.problem.ProblemException;
import fr.cpa.trainingrights.account.CpfAccount;
import fr.cpa.trainingrights.ledger.CpfEntry;
import fr.cpa.trainingrights.ledger.Ledger;
import fr.cpa.trainingrights.rules.Explanation;
import fr.cpa.trainingrights.rules.FunderType;
import fr.cpa.trainingrights.rules.Param;
import fr.cpa.trainingrights.rules.ParameterTable;
import fr.cpa.trainingrights.rules.ParameterValue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Top-ups (abondements): validated against the dated amounts, appended to the ledger in their own pot. */
@ApplicationScoped
public class TopUpService {

    static final Set<String> KINDS = Set.of("CORRECTIVE", "COLLECTIVE_AGREEMENT_REFUSAL", "WORK_ACCIDENT", "VOLUNTARY");
    static final Set<String> FUNDERS = java.util.Arrays.stream(FunderType.values()).map(Enum::name)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
    static final Pattern CERTIFICATION = Pattern.compile("(RNCP|RS)[0-9]{1,6}");
    /** Earmarking to certifications exists since April 2025 (loi 2024-… / décret 2025, DOMAIN.md). */
    static final LocalDate EARMARK_FROM = LocalDate.of(2025, 4, 1);
    static final long MAX_CENTS = 10_000_000; // 100 000 €: beyond, surely a typo in cents

    private final Ledger ledger;
    private final ParameterTable table = ParameterTable.LAW;

    TopUpService(Ledger ledger) {
        this.ledger = ledger;
    }

    @Transactional
    public CpfEntry topUp(UUID holderId, TopUpRequest request, TopUpFunders.Funder funder, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null) {
            throw ProblemException.invalid("body", "a top-up request is required");
        }
        String kind = request.kind();
        if (kind == null || !KINDS.contains(kind)) {
            errors.add(new FieldError("kind", "one of " + String.join(", ", new java.util.TreeSet<>(KINDS))));
        }
        if (request.funderType() == null || !FUNDERS.contains(request.funderType())) {
            errors.add(new FieldError("funderType", "one of " + String.join(", ", new java.util.TreeSet<>(FUNDERS))));
        }
        Set<String> earmark = new LinkedHashSet<>();
        if (request.earmarkedTo() != null) {
            if (!request.earmarkedTo().isEmpty() && today.isBefore(EARMARK_FROM)) {
                errors.add(new FieldError("earmarkedTo", "earmarking exists from " + EARMARK_FROM));
            }
            if (request.earmarkedTo().size() > 20) {
                errors.add(new FieldError("earmarkedTo", "at most 20 certifications"));
            }
            for (int i = 0; i < request.earmarkedTo().size(); i++) {
                String code = request.earmarkedTo().get(i);
                if (code == null || !CERTIFICATION.matcher(code).matches()) {
                    errors.add(new FieldError("earmarkedTo[" + i + "]", "a certification code such as RNCP35185 or RS5858"));
                } else {
                    earmark.add(code);
                }
            }
        }
        if (request.reference() != null && request.reference().length() > 100) {
            errors.add(new FieldError("reference", "at most 100 characters"));
        }
        long amount = 0;
        ParameterValue rule = null;
        if (kind != null && KINDS.contains(kind)) {
            switch (kind) {
                case "CORRECTIVE" -> {
                    rule = table.at(Param.TOP_UP_CORRECTIVE, today);
                    amount = fixed(request, rule, errors);
                }
                case "WORK_ACCIDENT" -> {
                    rule = table.at(Param.TOP_UP_WORK_ACCIDENT, today);
                    amount = fixed(request, rule, errors);
                    long min = table.at(Param.TOP_UP_WORK_ACCIDENT_MIN_INCAPACITY, today).value();
                    if (request.incapacityPercent() == null || request.incapacityPercent() < min || request.incapacityPercent() > 100) {
                        errors.add(new FieldError("incapacityPercent", "required, between " + min + " and 100"));
                    }
                    if (request.reference() == null || request.reference().isBlank()) {
                        errors.add(new FieldError("reference", "the accident's reference is required (one top-up per accident)"));
                    }
                }
                case "COLLECTIVE_AGREEMENT_REFUSAL" -> {
                    rule = table.at(Param.TOP_UP_COLLECTIVE_AGREEMENT_MIN, today);
                    amount = request.amount() == null ? 0 : request.amount().amount();
                    if (request.amount() == null || amount < rule.value() || amount > MAX_CENTS) {
                        errors.add(new FieldError("amount.amount", "at least " + rule.value() + " cents (and at most " + MAX_CENTS + ")"));
                    }
                }
                case "VOLUNTARY" -> {
                    amount = request.amount() == null ? 0 : request.amount().amount();
                    if (request.amount() == null || amount <= 0 || amount > MAX_CENTS) {
                        errors.add(new FieldError("amount.amount", "required, between 1 and " + MAX_CENTS + " cents"));
                    }
                }
                default -> throw new IllegalStateException(kind);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        funder.requireMayRecord(kind, request.funderType());
        CpfAccount account = CpfAccount.findById(holderId);
        if (account == null) {
            throw ProblemException.notFound("CPF account of holder " + holderId);
        }
        if (account.closed) {
            throw ProblemException.unprocessable("account-closed", "the holder claimed their pension: the account takes no more top-ups");
        }
        if ("WORK_ACCIDENT".equals(kind) && CpfEntry.count("holderId = ?1 and topUpKind = 'WORK_ACCIDENT' and topUpReference = ?2",
                holderId, request.reference()) > 0) {
            throw ProblemException.conflict("work-accident-already-topped-up", "this accident already gave its top-up");
        }
        Explanation why = new Explanation("TOP_UP_" + kind, rule == null ? "L6323-4 (dotations)" : rule.param().legalReference(),
                rule == null ? List.of() : List.of(rule.describe()),
                Map.of("kind", kind, "funderType", request.funderType(), "funder", funder.name(),
                        "earmarkedTo", String.join(",", earmark), "reference", String.valueOf(request.reference())),
                List.of("top-ups are outside the cap"), "credit " + fr.cpa.platform.money.Money.cents(amount)
                        + " to its own pot" + (earmark.isEmpty() ? "" : ", earmarked to " + String.join(", ", earmark)));
        Ledger.Draft draft = new Ledger.Draft(CpfEntry.Kind.TOP_UP, null, amount, 0, 0, null, null, null, kind,
                request.funderType() + " " + funder.name(), earmark, List.of(why));
        CpfEntry entry = ledger.append(account, draft, request.reference());
        ledger.publishCredited(account, entry);
        return entry;
    }

    private static long fixed(TopUpRequest request, ParameterValue rule, List<FieldError> errors) {
        if (request.amount() != null && request.amount().amount() != rule.value()) {
            errors.add(new FieldError("amount.amount", "this top-up is " + rule.value() + " cents (" + rule.param() + ")"));
        }
        return rule.value();
    }
}

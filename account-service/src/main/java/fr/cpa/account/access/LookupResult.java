package fr.cpa.account.access;

import fr.cpa.account.summary.SummaryView;

import java.util.UUID;

/** The holder found and their CPA summary. */
public record LookupResult(UUID holderId, SummaryView summary) {
}

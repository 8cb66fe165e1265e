package fr.cpa.catalogue.search;

import fr.cpa.catalogue.reference.Geography;
import fr.cpa.catalogue.rules.CertificationType;
import fr.cpa.catalogue.rules.Modality;
import fr.cpa.platform.money.Money;
import fr.cpa.platform.problem.ProblemException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.postgresql.PGStatement;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The public catalogue search, in SQL: PostgreSQL full text with the {@code french_unaccent}
 * configuration (French stemming, accents ignored), weighted title (A) > certification (B) > objective
 * and content (C); when the words match nothing, typos are corrected from the words of the listed titles
 * (V14) and the search runs again, and if that finds nothing either a trigram search on the title answers.
 * Facets count the whole result set, with every filter applied. Ties are broken by id, so pages are
 * stable.
 */
@ApplicationScoped
public class TrainingSearch {

    static final String TS_QUERY = "websearch_to_tsquery('french_unaccent', ?)";

    /**
     * An offer {@code o} of {@code offer_search} leads to the job (two parameters: its ROME code twice) by its own
     * ROME codes or through its certification (RNCP→ROME). The certifications are an array, not an {@code in
     * (select …)}: PostgreSQL then ORs two index scans (GIN on rome_codes, btree on certification_code) where the
     * sub-select made it test every offer (M1805, 902 certifications, 4 554 offers of 200 000: 16 ms against 172 ms over HTTP).
     */
    public static final String LEADS_TO_JOB = "(o.rome_codes @> array[?]::text[] or o.certification_code = any (array("
            + "select cj.certification_code from certification_job cj where cj.rome_code = ?)))";

    private final AgroalDataSource dataSource;
    private final Geography geography;
    private final Clock clock;

    TrainingSearch(AgroalDataSource dataSource, Geography geography, Clock clock) {
        this.dataSource = dataSource;
        this.geography = geography;
        this.clock = clock;
    }

    /**
     * The conditions of a search on {@code offer_search o} and their parameters, and its rank. {@code counted}:
     * no words and no filter but region, certification type and modality, whose columns {@code
     * offer_search_count} (V10) shares with {@code offer_search}, so the same conditions select its counters.
     */
    record Where(String conditions, List<Object> params, String rank, List<Object> rankParams, boolean counted,
                 Optional<WordList> wordList) {
    }

    /**
     * How a one-word search reads its word's list when the word is frequent (V15): the list's conditions on
     * {@code w} (price) and those of the facet keys {@code f} (region, type, modality), with their parameters.
     */
    record WordList(String onList, List<Object> listParams, String onFacet, List<Object> facetParams) {
    }

    /**
     * One word, quoted or not, no operator: websearch_to_tsquery makes it one lexeme (the statement checks), or
     * several for a hyphenated word.
     */
    private static final Pattern ONE_WORD = Pattern.compile("(?U)\\s*\"?\\w[\\w'’-]*\"?\\s*");

    /**
     * The lists of frequent words (V15) answer a search by relevance of one word whose other filters are
     * columns of the lists (price) or of the facet keys (region, type, modality); the other searches narrow
     * the matches by columns the lists do not have.
     */
    static Optional<WordList> wordList(SearchQuery q) {
        if (!q.hasText() || q.sort() != SearchQuery.Sort.RELEVANCE || !ONE_WORD.matcher(q.q()).matches()
                || q.q().trim().equalsIgnoreCase("or") || q.department() != null || q.certificationCode() != null
                || q.rome() != null || q.startAfter() != null) {
            return Optional.empty();
        }
        String onList = "";
        List<Object> listParams = new ArrayList<>();
        if (q.maxPriceCents() != null) {
            onList = " and w.price_min_cents <= ?";
            listParams.add(q.maxPriceCents());
        }
        StringBuilder onFacet = new StringBuilder();
        List<Object> facetParams = new ArrayList<>();
        if (q.region() != null) {
            // an offer is listed in each region of its regions (V8), as its facet key says (V11)
            onFacet.append(" and f.region_codes @> array[?]::text[]");
            facetParams.add(q.region());
        }
        if (q.certificationType() != null) {
            onFacet.append(" and f.certification_type = ?");
            facetParams.add(q.certificationType().name());
        }
        if (q.modality() != null) {
            onFacet.append(" and f.modality = ?");
            facetParams.add(q.modality().name());
        }
        return Optional.of(new WordList(onList, listParams, onFacet.toString(), facetParams));
    }

    public SearchApi.SearchPage search(SearchQuery query) {
        try (Connection c = dataSource.getConnection()) {
            boolean fuzzy = false;
            String correctedQuery = null;
            Result result = run(c, query, where(query, false));
            if (result.total == 0 && query.hasText()) {
                fuzzy = true;
                correctedQuery = corrected(c, query.q()).orElse(null);
                if (correctedQuery != null) {
                    SearchQuery corrected = query.withText(correctedQuery);
                    result = run(c, corrected, where(corrected, false));
                }
                if (result.total == 0) {
                    correctedQuery = null;
                    result = run(c, query, where(query, true));
                }
            }
            Map<String, List<SearchApi.FacetValue>> facets = new LinkedHashMap<>();
            facets.put("region", result.regions);
            facets.put("certificationType", result.certificationTypes);
            facets.put("modality", result.modalities);
            String sort = switch (query.sort()) {
                case RELEVANCE -> "relevance";
                case PRICE -> "price";
                case START_DATE -> "startDate";
            };
            return new SearchApi.SearchPage(result.items, result.total, query.page(), query.size(), facets, sort, fuzzy,
                    correctedQuery);
        } catch (SQLException e) {
            throw new IllegalStateException("search failed", e);
        }
    }

    /** A word of a query, as websearch_to_tsquery reads words (an apostrophe or a hyphen inside it). */
    private static final Pattern WORD = Pattern.compile("(?U)\\w[\\w'’-]*");
    static final int MAX_CORRECTED_WORDS = 8;
    static final int CORRECTION_CANDIDATES = 3;

    /**
     * {@code q} with its words folded, each word that matches no offer by itself replaced by the closest word of
     * the listed titles by trigrams (V14) that does; empty when no word was replaced. The query's syntax stays
     * as it is (quotes, {@code or}, {@code -word}): a phrase keeps its quotes, and a negated word is left alone
     * (excluding a word of no offer excludes nothing). Words that match something, stop words, words shorter
     * than three letters and words with digits (codes, years: a neighbour would be a confident wrong answer)
     * stay as they are.
     */
    static Optional<String> corrected(Connection c, String q) throws SQLException {
        List<int[]> spans = new ArrayList<>();
        Matcher m = WORD.matcher(q);
        while (m.find()) {
            spans.add(new int[]{m.start(), m.end()});
        }
        if (spans.isEmpty() || spans.size() > MAX_CORRECTED_WORDS) {
            return Optional.empty();
        }
        List<String> words = folded(c, spans.stream().map(span -> q.substring(span[0], span[1])).toList());
        boolean[] negated = negated(q, spans);
        StringBuilder corrected = new StringBuilder();
        boolean changed = false;
        int last = 0;
        for (int i = 0; i < spans.size(); i++) {
            String original = q.substring(spans.get(i)[0], spans.get(i)[1]);
            // a folded word stays a word (unaccent maps a few letters to quotes or colons: keep those as written)
            String word = WORD.matcher(words.get(i)).matches() ? words.get(i) : original;
            // "or'x" is websearch's or, then x: not one word to correct
            boolean orApostrophe = word.startsWith("or'") || word.startsWith("or’");
            String replacement = negated[i] || orApostrophe || word.equals("or") || word.length() < 3
                    || word.chars().anyMatch(Character::isDigit)
                    || matchesAnOfferOrIsAStopWord(c, word) ? word : closestTitleWord(c, word).orElse(word);
            changed |= !replacement.equals(word);
            corrected.append(q, last, spans.get(i)[0]).append(replacement);
            last = spans.get(i)[1];
        }
        corrected.append(q.substring(last));
        return changed ? Optional.of(corrected.toString().trim()) : Optional.empty();
    }

    /**
     * Which words websearch_to_tsquery negates: a {@code -} at the start of a token (after a space, a quote, an
     * operator or another {@code -}), outside quotes, negates the next word whatever non-word characters stand
     * between ({@code - word}, {@code -"word"}), or the whole phrase it opens; two negate nothing. Inside
     * quotes, and inside a token ({@code a.-b}), a {@code -} is no operator.
     */
    static boolean[] negated(String q, List<int[]> spans) {
        boolean[] negated = new boolean[spans.size()];
        boolean inQuotes = false;
        boolean pending = false;
        boolean phraseNegated = false;
        int next = 0;
        for (int i = 0; i < q.length(); ) {
            if (next < spans.size() && i == spans.get(next)[0]) {
                negated[next] = inQuotes ? phraseNegated : pending;
                if (!inQuotes) {
                    pending = false;
                }
                i = spans.get(next++)[1];
                continue;
            }
            char ch = q.charAt(i);
            if (ch == '"') {
                if (!inQuotes) {
                    phraseNegated = pending;
                    pending = false;
                }
                inQuotes = !inQuotes;
            } else if (ch == '-' && !inQuotes && (i == 0 || Character.isWhitespace(q.charAt(i - 1))
                    || "\"!&|()<-".indexOf(q.charAt(i - 1)) >= 0)) {
                pending = !pending;
            }
            i++;
        }
        return negated;
    }

    /** The words folded as the titles' words are (lower case, no accents), in order. */
    private static List<String> folded(Connection c, List<String> words) throws SQLException {
        List<String> folded = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select catalogue_fold(w) from unnest(?::text[]) with ordinality as t(w, i) order by i")) {
            ps.setArray(1, c.createArrayOf("text", words.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    folded.add(rs.getString(1));
                }
            }
        }
        return folded;
    }

    /** Through the words' index (V14's offer_search_matches): a word of no offer is one look-up, not a scan. */
    private static boolean matchesAnOfferOrIsAStopWord(Connection c, String word) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select numnode(plainto_tsquery('french_unaccent', ?)) = 0"
                + " or offer_search_matches(plainto_tsquery('french_unaccent', ?))")) {
            ps.setString(1, word);
            ps.setString(2, word);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /**
     * Of the few title words closest to {@code word}, the first that still matches an offer: words are never removed
     * from {@code search_word}, so the closest may be of offers no longer listed.
     */
    private static Optional<String> closestTitleWord(Connection c, String word) throws SQLException {
        List<String> candidates = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select w.word from search_word w where w.word % ?"
                + " group by w.word order by similarity(w.word, ?) desc, w.word limit " + CORRECTION_CANDIDATES)) {
            ps.setString(1, word);
            ps.setString(2, word);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    candidates.add(rs.getString(1));
                }
            }
        }
        for (String candidate : candidates) {
            if (matchesAnOfferOrIsAStopWord(c, candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    Where where(SearchQuery q, boolean fuzzy) {
        // the narrow search table (V8) holds only published offers of active organisations, one row per
        // offer and region: a region filter picks that region's rows, otherwise each offer's first row
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        if (q.region() != null) {
            sql.append("o.region_code = ?");
            params.add(q.region());
        } else {
            sql.append("o.first_area");
        }
        String rank = "0.0";
        List<Object> rankParams = new ArrayList<>();
        if (q.hasText()) {
            if (fuzzy) {
                // word_similarity: the query against the closest run of words of the title
                sql.append(" and catalogue_fold(?) <% o.title_folded");
                params.add(q.q());
                rank = "word_similarity(catalogue_fold(?), o.title_folded)";
            } else {
                sql.append(" and o.search_vector @@ ").append(TS_QUERY);
                params.add(q.q());
                // ts_rank, not ts_rank_cd: both weigh title > certification > content, but the cover density
                // costs three times as much per match, and a broad word ranks thousands of them (management:
                // 6 890 matches, 8 ms of ts_rank_cd against 3 ms of ts_rank)
                rank = "ts_rank(o.search_vector, " + TS_QUERY + ")";
            }
            rankParams.add(q.q());
        }
        if (q.department() != null) {
            sql.append(" and o.department_codes @> array[?]::text[]");
            params.add(q.department());
        }
        if (q.certificationType() != null) {
            sql.append(" and o.certification_type = ?");
            params.add(q.certificationType().name());
        }
        if (q.certificationCode() != null) {
            if (q.certificationCode().chars().allMatch(Character::isDigit)) {
                sql.append(" and o.certification_code in (?, ?)");
                params.add("RNCP" + q.certificationCode());
                params.add("RS" + q.certificationCode());
            } else {
                sql.append(" and o.certification_code = ?");
                params.add(q.certificationCode());
            }
        }
        if (q.rome() != null) {
            sql.append(" and ").append(LEADS_TO_JOB);
            params.add(q.rome());
            params.add(q.rome());
        }
        if (q.maxPriceCents() != null) {
            sql.append(" and o.price_min_cents <= ?");
            params.add(q.maxPriceCents());
        }
        if (q.modality() != null) {
            sql.append(" and o.modality = ?");
            params.add(q.modality().name());
        }
        if (q.startAfter() != null) {
            // a session starting on or after the day: its last open session does (V13, indexed)
            sql.append(" and o.last_session_start >= ?");
            params.add(q.startAfter());
        }
        // only region, type and modality are columns of the counters
        boolean counted = !q.hasText() && q.department() == null && q.certificationCode() == null && q.rome() == null
                && q.maxPriceCents() == null && q.startAfter() == null;
        return new Where(sql.toString(), params, rank, rankParams, counted, fuzzy ? Optional.empty() : wordList(q));
    }

    /** A search's answer but for the query's echo: the total, the facets and the page's offers in order. */
    record Result(long total, List<SearchApi.FacetValue> regions, List<SearchApi.FacetValue> certificationTypes,
                  List<SearchApi.FacetValue> modalities, List<SearchApi.TrainingItem> items) {
    }

    /** The page's offers with their organisation, joined to the page {@code p} (id, rank, ordinal). */
    static final String ITEMS = "select -1, o.certification_type, o.modality, o.region_codes, null, p.id, p.rank, p.ordinal,"
            + " o.number, o.title, g.siret, g.name, o.certification_code, o.certification_title, o.price_min_cents,"
            + " o.price_max_cents, o.duration_min_minutes, o.department_codes, o.next_session_start, o.cpf_eligible"
            + " from p join offer o on o.id = p.id join organisation g on g.id = o.organisation_id";

    static final String NO_OFFER = ", null, null, null, null, null, null, null, null, null, null, null, null, null, null, null";

    /**
     * Total and facets of the matches {@code m}: counted by their facet key (V11), one integer per combination of
     * certification type, modality and set of regions, whose few values are then read from {@code
     * offer_search_facet}; {@link #run} adds these counts up into the total and each facet.
     */
    static final String MATCH_COUNTS = "select 0, f.certification_type, f.modality, f.region_codes, c.n" + NO_OFFER
            + " from (select facet, count(*) as n from m group by facet) c join offer_search_facet f on f.id = c.facet";

    /** Total and facets of a {@link Where#counted} search: its counters, added up by {@link #run}. */
    static String counterCounts(String conditions) {
        return "select 0, o.certification_type, o.modality, o.region_codes, o.n" + NO_OFFER
                + " from offer_search_count o where " + conditions;
    }

    /**
     * One statement, one round trip: the total, the facets and the page's offers (rows told apart by their
     * first column: 0 for a count, -1 for an offer). The matches {@code m} have only the columns the facets
     * and the page's order need; the page {@code p} is cut from them and only its rows are joined to the
     * wide {@code offer} and {@code organisation} rows.
     * <ul>
     * <li>When the matches come from an index of words, ROME codes, departments or certification codes, they are
     * materialised, then counted once and sorted to the page (top-N): each match is found, and ranked, once.
     * <li>Otherwise (price, session dates, region, type, modality: columns of btree indexes) the count and the page
     * are planned apart: the count reads the facet keys from an index alone (V8, V13), the page is the start of an
     * index in its order (title, price, next session: V10, V13) walked until the filters have kept enough, instead
     * of sorting every match (startAfter matching 128 000 offers: 35 ms instead of 350 over HTTP).
     * <li>A {@link Where#counted} search sums the few counters of {@code offer_search_count} (V10) instead of
     * counting its matches.
     * </ul>
     */
    static String statement(SearchQuery query, Where where) {
        // the one column the page's order needs besides id and rank (each extra column is copied for every match)
        String orderColumn;
        String order;
        switch (query.sort()) {
            case RELEVANCE -> {
                orderColumn = query.hasText() ? "" : " o.title,";
                order = query.hasText() ? "rank desc, id" : "title, id";
            }
            case PRICE -> {
                orderColumn = " o.price_min_cents,";
                order = "price_min_cents asc nulls last, id";
            }
            default -> {
                orderColumn = " o.next_session_start,";
                order = "next_session_start asc nulls last, id";
            }
        }
        boolean counted = where.counted();
        boolean indexedMatches = query.hasText() || query.rome() != null || query.department() != null
                || query.certificationCode() != null;
        Optional<WordList> list = where.wordList();
        String page = "select id, rank from m order by " + order + " limit ? offset ?";
        return "with " + (list.isPresent() ? FREQUENT_WORD : "")
                + "m as " + (indexedMatches ? "materialized " : "not materialized ")
                + "(select o.offer_id as id, o.facet," + orderColumn
                + " " + where.rank() + " as rank from offer_search o where " + where.conditions()
                // a frequent word's matches are not visited: its list answers
                + (list.isPresent() ? " and not exists (select 1 from h)" : "") + "),"
                // the ordinal numbers the page's rows as the limit gave them: a window ordered like the page
                // would sort every match instead of keeping the top N
                + " p as (select id, rank, row_number() over () as ordinal from ("
                + list.map(l -> "(" + page + ") union all (" + listPage(l) + ")").orElse(page) + ") page)"
                + " " + (counted ? counterCounts(where.conditions()) : MATCH_COUNTS)
                + " union all " + ITEMS
                // last: the offers' rows give the null columns of the counts their types
                + list.map(l -> " union all " + listCounts(l)).orElse("");
    }

    /**
     * {@code h}: the query's one lexeme when it is a frequent word (V15), else no row. With a row, the matches
     * {@code m} are not searched (a one-time filter of the plan) and the word's list gives the page and counts.
     */
    static final String FREQUENT_WORD = "h as materialized (select f.lexeme from frequent_word f where f.lexeme ="
            + " (select trim(both '''' from querytree(t)) from " + TS_QUERY + " t where numnode(t) = 1)), ";

    /** The page from the start of the word's list in rank order (ties by id, as {@code m}'s page). */
    private static String listPage(WordList l) {
        return "select w.offer_id, w.rank from frequent_word_offer w where w.lexeme = (select lexeme from h)" + l.onList()
                + (l.onFacet().isEmpty() ? ""
                : " and w.facet = any (array(select f.id from offer_search_facet f where true" + l.onFacet() + "))")
                + " order by w.rank desc, w.offer_id limit ? offset ?";
    }

    /** Total and facets of the word's listed offers, by facet key, read from the list's index alone. */
    private static String listCounts(WordList l) {
        return "select 0, f.certification_type, f.modality, f.region_codes, c.n" + NO_OFFER
                + " from (select w.facet, count(*) as n from frequent_word_offer w where w.lexeme = (select lexeme from h)"
                + l.onList() + " group by w.facet) c join offer_search_facet f on f.id = c.facet where true" + l.onFacet();
    }

    /** The parameters of {@link #statement}, in order. */
    static List<Object> parameters(SearchQuery query, Where where) {
        List<Object> params = new ArrayList<>();
        where.wordList().ifPresent(l -> params.add(query.q()));
        params.addAll(where.rankParams());
        params.addAll(where.params());
        params.add(query.size());
        params.add(query.page() * query.size());
        where.wordList().ifPresent(l -> {
            params.addAll(l.listParams());
            params.addAll(l.facetParams());
            params.add(query.size());
            params.add(query.page() * query.size());
        });
        if (where.counted()) {
            params.addAll(where.params());
        }
        where.wordList().ifPresent(l -> {
            params.addAll(l.listParams());
            params.addAll(l.facetParams());
        });
        return params;
    }

    private Result run(Connection c, SearchQuery query, Where where) throws SQLException {
        long total = 0;
        Map<String, Long> regionCounts = new HashMap<>();
        Map<String, Long> typeCounts = new HashMap<>();
        Map<String, Long> modalityCounts = new HashMap<>();
        List<Ranked> page = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(statement(query, where))) {
            // planned with its values at each search, as psql plans its literals: after a few runs the driver
            // would otherwise keep a named statement whose generic plan ignores how selective the words are
            // (it ANDs a region's 20 000-row bitmap with the words' 300 rows, twice the time)
            ps.unwrap(PGStatement.class).setPrepareThreshold(0);
            bind(ps, parameters(query, where), 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getInt(1) == 0) {
                        // an offer counts once in its type, its modality and each of its regions
                        long n = rs.getLong(5);
                        total += n;
                        typeCounts.merge(rs.getString(2), n, Long::sum);
                        modalityCounts.merge(rs.getString(3), n, Long::sum);
                        for (String code : strings(rs.getArray(4))) {
                            regionCounts.merge(code, n, Long::sum);
                        }
                    } else {
                        page.add(new Ranked(rs.getLong(8), item(rs)));
                    }
                }
            }
        }
        List<SearchApi.FacetValue> regions = new ArrayList<>();
        regionCounts.forEach((code, n) -> regions.add(
                new SearchApi.FacetValue(code, geography.regionName(code).orElse(code), n)));
        page.sort(Comparator.comparingLong(Ranked::ordinal));
        return new Result(total, sorted(regions), sorted(labelled(typeCounts)), sorted(labelled(modalityCounts)),
                page.stream().map(Ranked::item).toList());
    }

    /** Facet values whose label is their value (certification types, modalities). */
    private static List<SearchApi.FacetValue> labelled(Map<String, Long> counts) {
        List<SearchApi.FacetValue> values = new ArrayList<>();
        counts.forEach((value, n) -> values.add(new SearchApi.FacetValue(value, value, n)));
        return values;
    }

    record Ranked(long ordinal, SearchApi.TrainingItem item) {
    }

    /** An offer row of {@link #ITEMS}. */
    private static SearchApi.TrainingItem item(ResultSet rs) throws SQLException {
        return new SearchApi.TrainingItem(rs.getString(6), rs.getString(9), rs.getString(10),
                new SearchApi.OrganisationRef(rs.getString(11), rs.getString(12)),
                new SearchApi.Certification(CertificationType.valueOf(rs.getString(2)), rs.getString(13), rs.getString(14)),
                money(rs, 15), money(rs, 16), (Integer) rs.getObject(17), Modality.valueOf(rs.getString(3)),
                strings(rs.getArray(4)), strings(rs.getArray(18)), rs.getObject(19, LocalDate.class), rs.getBoolean(20),
                Math.round(rs.getDouble(7) * 10_000) / 10_000.0);
    }

    private static List<SearchApi.FacetValue> sorted(List<SearchApi.FacetValue> values) {
        values.sort((a, b) -> a.count() != b.count() ? Long.compare(b.count(), a.count()) : a.value().compareTo(b.value()));
        return List.copyOf(values);
    }

    public SearchApi.TrainingDetail detail(UUID id) {
        try (Connection c = dataSource.getConnection()) {
            SearchApi.TrainingDetail detail;
            String certificationCode;
            try (PreparedStatement ps = c.prepareStatement("""
                    select o.id, o.number, o.title, o.objective, o.content, o.certification_type, o.certification_code,
                           o.certification_title, o.formacodes, o.rome_codes, o.duration_min_minutes, o.duration_max_minutes,
                           o.price_min_cents, o.price_max_cents, o.modality, o.cpf_eligible, o.next_session_start,
                           g.siret, g.name, g.declaration_number, g.qualiopi_certificate, g.qualiopi_valid_until
                    from offer o join organisation g on g.id = o.organisation_id
                    where o.id = ? and o.status = 'PUBLISHED' and g.status = 'ACTIVE'""")) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw ProblemException.notFound("training " + id);
                    }
                    certificationCode = rs.getString(7);
                    LocalDate validUntil = rs.getObject(22, LocalDate.class);
                    boolean qualiopiValid = rs.getString(21) != null && validUntil != null
                            && !validUntil.isBefore(LocalDate.now(clock));
                    List<String> romeCodes = strings(rs.getArray(10));
                    detail = new SearchApi.TrainingDetail(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5),
                            new SearchApi.Certification(CertificationType.valueOf(rs.getString(6)), certificationCode, rs.getString(8)),
                            strings(rs.getArray(9)), romeCodes, (Integer) rs.getObject(11), (Integer) rs.getObject(12),
                            money(rs, 13), money(rs, 14), Modality.valueOf(rs.getString(15)), rs.getBoolean(16),
                            rs.getObject(17, LocalDate.class),
                            new SearchApi.OrganisationView(rs.getString(18), rs.getString(19), rs.getString(20),
                                    qualiopiValid, validUntil),
                            areas(c, id), sessions(c, id), jobs(c, romeCodes, certificationCode));
                }
            }
            return detail;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read training " + id, e);
        }
    }

    private List<SearchApi.Area> areas(Connection c, UUID id) throws SQLException {
        List<SearchApi.Area> areas = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select department_code, region_code, sessions_active, sessions_remote from offer_area
                where offer_id = ? order by department_code""")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String dep = rs.getString(1).isEmpty() ? null : rs.getString(1);
                    String reg = rs.getString(2);
                    areas.add(new SearchApi.Area(dep, geography.department(dep).map(Geography.Department::name).orElse(null),
                            reg, geography.regionName(reg).orElse(null), rs.getInt(3), rs.getInt(4)));
                }
            }
        }
        return areas;
    }

    private static List<SearchApi.Session> sessions(Connection c, UUID id) throws SQLException {
        List<SearchApi.Session> sessions = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select id, start_date, end_date, seats, place, department_code, remote from training_session
                where offer_id = ? and status = 'OPEN' and start_date >= current_date order by start_date, id""")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sessions.add(new SearchApi.Session(rs.getString(1), rs.getObject(2, LocalDate.class),
                            rs.getObject(3, LocalDate.class), rs.getInt(4), rs.getString(5), rs.getString(6),
                            rs.getBoolean(7)));
                }
            }
        }
        return sessions;
    }

    /** The jobs an offer leads to: its own ROME codes, and those of its certification (RNCP→ROME). */
    static List<SearchApi.JobRef> jobs(Connection c, List<String> romeCodes, String certificationCode) throws SQLException {
        List<SearchApi.JobRef> jobs = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select j.rome_code, j.title from job j
                where j.rome_code = any (?)
                   or j.rome_code in (select rome_code from certification_job where certification_code = ?)
                order by j.rome_code""")) {
            ps.setArray(1, c.createArrayOf("text", romeCodes.toArray()));
            ps.setString(2, certificationCode);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    jobs.add(new SearchApi.JobRef(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return jobs;
    }

    static int bind(PreparedStatement ps, List<Object> params, int from) throws SQLException {
        int i = from;
        for (Object p : params) {
            if (p instanceof LocalDate d) {
                ps.setObject(i++, d);
            } else {
                ps.setObject(i++, p);
            }
        }
        return i;
    }

    static Money money(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Money.cents(v);
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}

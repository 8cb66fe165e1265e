#!/usr/bin/env python3
"""Steady-rate search benchmark of catalogue-service and the same SQL run directly in psql.

For each kind of query (text only, text + region, text + price, facets only) it sends requests at a
fixed rate (open loop: latency counted from the scheduled send time, so a slow server is not hidden),
then runs, in one psql session, the one statement the service runs for each of those searches
(total, facets and the page's offers), timed with \\timing, at the same steady rate and back to back.
Writes bench/results/catalogue-search.{md,json}.

The HTTP client is the standard library's http.client, one kept-alive connection per sending thread:
`requests` spent 2-4 ms of its own per request on this 2-core machine (measured against http.client on
the same searches), which counted as the service's latency although psql's side has no such cost.
"""
import argparse, http.client, json, random, re, statistics, subprocess, threading, time, datetime
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlencode, urlsplit

WORDS = ["comptabilité", "developpeur", "anglais", "soudure", "paie", "gestion de projet", "cuisine",
         "electricien", "infirmier", "logistique", "maçon", "commercial", "secrétaire", "plombier",
         "informatique", "management", "coiffure", "vente", "transport", "aide soignant"]
REGIONS = ["11", "84", "76", "93", "44", "32", "75", "53", "52", "24", "27", "28"]

MIX = "mix of the four"
WARM_UP = 1500

def kinds(rng):
    k = {
        "text": lambda: {"q": rng.choice(WORDS)},
        "text+region": lambda: {"q": rng.choice(WORDS), "region": rng.choice(REGIONS)},
        "text+price": lambda: {"q": rng.choice(WORDS), "maxPrice": str(rng.choice([50000, 100000, 150000, 200000]))},
        "facets": lambda: {"region": rng.choice(REGIONS), "certificationType": rng.choice(["RNCP", "RS"])},
    }
    # the "mix of queries": one steady stream, each request of one of the four kinds drawn at random
    four = list(k.values())
    k[MIX] = lambda: rng.choice(four)()
    return k

def lit(s):
    return "'" + s.replace("'", "''") + "'"

ITEMS = ("select -1, o.certification_type, o.modality, o.region_codes, null, p.id, p.rank, p.ordinal,"
         " o.number, o.title, g.siret, g.name, o.certification_code, o.certification_title, o.price_min_cents,"
         " o.price_max_cents, o.duration_min_minutes, o.department_codes, o.next_session_start, o.cpf_eligible"
         " from p join offer o on o.id = p.id join organisation g on g.id = o.organisation_id")

NO_OFFER = ", null, null, null, null, null, null, null, null, null, null, null, null, null, null, null"

MATCH_COUNTS = ("select 0, f.certification_type, f.modality, f.region_codes, c.n" + NO_OFFER +
                " from (select facet, count(*) as n from m group by facet) c join offer_search_facet f on f.id = c.facet")

def counter_counts(cond):
    return "select 0, o.certification_type, o.modality, o.region_codes, o.n" + NO_OFFER + " from offer_search_count o where " + cond

Q4 = "'" * 4  # SQL's quote character, quoted
# TrainingSearch.ONE_WORD; Python's \w and Java's (?U)\w differ on rare characters (², combining accents), not on
# the benchmark's words
ONE_WORD = re.compile(r"\s*\"?\w[\w'’-]*\"?\s*")

def word_list(p, tsq):
    """TrainingSearch#wordList and #statement's parts for a one-word search: (h, list page, list counts), or None."""
    if not p.get("q") or not ONE_WORD.fullmatch(p["q"]) or p["q"].strip().lower() == "or":
        return None
    on_list = (" and w.price_min_cents <= %s" % p["maxPrice"]) if p.get("maxPrice") else ""
    on_facet = ""
    if p.get("region"):
        on_facet += " and f.region_codes @> array[%s]::text[]" % lit(p["region"])
    if p.get("certificationType"):
        on_facet += " and f.certification_type = %s" % lit(p["certificationType"])
    h = ("h as materialized (select f.lexeme from frequent_word f where f.lexeme ="
         " (select trim(both " + Q4 + " from querytree(t)) from " + tsq + " t where numnode(t) = 1)), ")
    page = ("select w.offer_id, w.rank from frequent_word_offer w where w.lexeme = (select lexeme from h)" + on_list
            + ("" if not on_facet else " and w.facet = any (array(select f.id from offer_search_facet f where true" + on_facet + "))")
            + " order by w.rank desc, w.offer_id limit %d offset 0")
    counts = ("select 0, f.certification_type, f.modality, f.region_codes, c.n" + NO_OFFER
              + " from (select w.facet, count(*) as n from frequent_word_offer w where w.lexeme = (select lexeme from h)"
              + on_list + " group by w.facet) c join offer_search_facet f on f.id = c.facet where true" + on_facet)
    return h, page, counts

def pass_of(p, size=20):
    """The one statement TrainingSearch#run sends for p (total, facets and the page's offers; its
    full-text path, and a frequent word's list for one word), with literals instead of parameters. Keep it
    identical to TrainingSearch#where/#statement."""
    cond = ("o.region_code = %s" % lit(p["region"])) if p.get("region") else "o.first_area"
    rank = "0.0"
    if p.get("q"):
        tsq = "websearch_to_tsquery('french_unaccent', %s)" % lit(p["q"])
        cond += " and o.search_vector @@ " + tsq
        rank = "ts_rank(o.search_vector, %s)" % tsq
    if p.get("certificationType"):
        cond += " and o.certification_type = %s" % lit(p["certificationType"])
    counted = not p.get("q") and not p.get("maxPrice")
    if p.get("maxPrice"):
        cond += " and o.price_min_cents <= %s" % p["maxPrice"]
    order = "rank desc, id" if p.get("q") else "title, id"
    order_column = "" if p.get("q") else " o.title,"
    wl = word_list(p, tsq) if p.get("q") else None
    page = "select id, rank from m order by " + order + " limit %d offset 0" % size
    return ("with " + (wl[0] if wl else "") + "m as " + ("materialized " if p.get("q") else "not materialized ") +
            "(select o.offer_id as id, o.facet," + order_column +
            " " + rank + " as rank from offer_search o where " + cond
            + (" and not exists (select 1 from h)" if wl else "") + "),"
            " p as (select id, rank, row_number() over () as ordinal from ("
            + (("(" + page + ") union all (" + wl[1] % size + ")") if wl else page) + ") page)"
            + " " + (counter_counts(cond) if counted else MATCH_COUNTS)
            + " union all " + ITEMS
            + (" union all " + wl[2] if wl else ""))

def pct(values, q):
    if not values:
        return None
    v = sorted(values)
    k = max(0, min(len(v) - 1, int(round(q / 100.0 * len(v) + 0.5)) - 1))
    return round(v[k], 2)

class Client:
    """One kept-alive HTTP/1.1 connection per thread (http.client), reopened if the server closed it."""

    def __init__(self, base):
        u = urlsplit(base)
        self.host, self.port = u.hostname, u.port or 80
        self.local = threading.local()

    def get(self, path, params):
        conn = getattr(self.local, "conn", None)
        if conn is None:
            conn = self.local.conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
        try:
            conn.request("GET", path + "?" + urlencode(params))
            r = conn.getresponse()
            r.read()
            return r.status
        except (http.client.HTTPException, OSError):
            conn.close()
            self.local.conn = None
            raise

def run_http(client, params_fn, rate, seconds, expected=200):
    n = int(rate * seconds)
    lat, lags, errors = [], [], []
    sent = [None] * n
    lock = threading.Lock()
    start = time.perf_counter() + 0.2
    def one(i):
        scheduled = start + i / rate
        delay = scheduled - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        p = sent[i] = params_fn()
        # how late the client itself sends (its thread's wake-up): part of the latency, not the service's
        lag = (time.perf_counter() - scheduled) * 1000
        try:
            status = client.get("/api/v1/trainings", p)
        except (http.client.HTTPException, OSError) as e:
            status = type(e).__name__
        ms = (time.perf_counter() - scheduled) * 1000
        with lock:
            lags.append(lag)
            if status == expected:
                lat.append(ms)
            else:
                errors.append(status)
    with ThreadPoolExecutor(max_workers=16) as ex:
        list(ex.map(one, range(n)))
    return lat, lags, errors, sent

def psql(pg_port, script):
    return subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(pg_port), "-U", "postgres", "-d", "catalogue", "-X", "-q", "-At"],
                          input=script, capture_output=True, text=True, check=True).stdout

def run_psql(pg_port, params_list, rate=None):
    """Runs the service's statement of each search in one psql session; returns per-search ms. With a rate,
    the statements are spaced like the HTTP requests (a pg_sleep of 1/rate before each, not counted), so
    that PostgreSQL and psql wait idle between searches as the service does; without, back to back."""
    script = ["\\timing on", "\\o /dev/null"]
    for p in params_list:
        if rate:
            script.append("select pg_sleep(%f);" % (1.0 / rate))
        script.append(pass_of(p) + ";")
    out = psql(pg_port, "\n".join(script))
    times = [float(t) for t in re.findall(r"Time: ([0-9.]+) ms", out)]
    return times[1::2] if rate else times

def summary(lat, raw, raw_b2b, lags, requests, errors):
    """Latency percentiles of the requests, of the same statements in psql (spaced and back to back), and ratios."""
    r = {
        "requests": requests, "errors": errors,
        "http_ms": {"p50": pct(lat, 50), "p95": pct(lat, 95), "p99": pct(lat, 99), "max": round(max(lat), 2) if lat else None},
        "client_send_lag_ms": {"p50": pct(lags, 50), "p95": pct(lags, 95)},
        "raw_sql_ms": {"p50": pct(raw, 50), "p95": pct(raw, 95), "p99": pct(raw, 99)},
        "raw_sql_back_to_back_ms": {"p50": pct(raw_b2b, 50), "p95": pct(raw_b2b, 95), "p99": pct(raw_b2b, 99)},
    }
    r["ratio_p50"] = round(r["http_ms"]["p50"] / r["raw_sql_ms"]["p50"], 2) if r["raw_sql_ms"]["p50"] else None
    r["ratio_p95"] = round(r["http_ms"]["p95"] / r["raw_sql_ms"]["p95"], 2) if r["raw_sql_ms"]["p95"] else None
    b = r["raw_sql_back_to_back_ms"]
    r["ratio_p95_back_to_back"] = round(r["http_ms"]["p95"] / b["p95"], 2) if b["p95"] else None
    return r

def main():
    a = argparse.ArgumentParser()
    a.add_argument("--base"); a.add_argument("--pg-port", type=int); a.add_argument("--rate", type=float, default=20)
    a.add_argument("--seconds", type=float, default=30); a.add_argument("--import", dest="imp")
    a.add_argument("--reimport"); a.add_argument("--offers", type=int); a.add_argument("--out")
    args = a.parse_args()
    rng = random.Random(7)
    ks = kinds(rng)
    client = Client(args.base)
    # warm-up, back to back: PostgreSQL's caches, and the service's JIT at steady state (after 50 requests of
    # each kind the answer made without SQL took 3.8 ms p50 at 20 req/s, after 6 000 of each 1.5 ms)
    for _ in range(WARM_UP):
        for name, fn in ks.items():
            client.get("/api/v1/trainings", fn())
        client.get("/api/v1/trainings", {"size": "x"})
    results = {}
    for name, fn in ks.items():
        lat, lags, errors, sent = run_http(client, fn, args.rate, args.seconds)
        # the very searches the requests made, in the same order: the ratio compares the same statements
        run_psql(args.pg_port, sent[:20])  # warm
        raw = run_psql(args.pg_port, sent, args.rate)
        raw_b2b = run_psql(args.pg_port, sent)
        results[name] = r = summary(lat, raw, raw_b2b, lags, len(lat) + len(errors), len(errors))
        print(name, json.dumps(r))
    # what any request costs here without SQL: an invalid page size, answered 400 before the database
    floor, _, floor_errors, _ = run_http(client, lambda: {"size": "x"}, args.rate, args.seconds, expected=400)
    http_floor = {"p50": pct(floor, 50), "p95": pct(floor, 95), "p99": pct(floor, 99), "requests": len(floor),
                  "unexpected": len(floor_errors)}
    print("floor", json.dumps(http_floor))
    imp = open(args.imp).read().strip() if args.imp else ""
    reimp = open(args.reimport).read().strip() if args.reimport else ""
    doc = {"date": datetime.datetime.utcnow().isoformat() + "Z", "offers": args.offers, "rate_per_s": args.rate,
           "seconds_per_kind": args.seconds, "search": results, "import": imp, "reimport": reimp,
           "http_floor_ms": http_floor, "targets": {"p95_ms": 20, "ratio_to_raw_sql": 1.5}}
    load = open("/proc/loadavg").read().split()[:3]
    load = "%s (1 min), %s (5 min), %s (15 min) at the end of the run" % tuple(load)
    doc["load_average"] = load
    with open(args.out + "/catalogue-search.json", "w") as f:
        json.dump(doc, f, indent=2, ensure_ascii=False)
    lines = ["# Catalogue search benchmark", "",
             "Generated %s by `bench/catalogue/run.sh` on this machine (2 cores, shared with other builds: "
             "numbers are noisy)." % doc["date"], "",
             "%d generated offers; %s req/s for %s s per kind of query; latency from the scheduled send time. "
             "Raw SQL: the service's one statement for each search the requests made, the same searches in the same order (total, facets and the page's offers), "
             "run in one psql session with `\\timing`, spaced at the same rate as the requests (the ratio's "
             "reference: both sides wait idle between searches) and back to back (its ratio in the last column). "
             "HTTP client: http.client, one kept-alive connection per thread. Load average: %s."
             % (args.offers, args.rate, args.seconds, load), "",
             "| query | requests | errors | p50 ms | p95 ms | p99 ms | raw SQL p50 | raw SQL p95 | ratio p50 | ratio p95 "
             "| p95 ≤ 20 ms | ratio ≤ 1.5 | raw SQL back to back p50 / p95 | ratio p95 to back to back "
             "| client send lag p50 / p95 (in the latency) |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for name, r in results.items():
        h, s, b = r["http_ms"], r["raw_sql_ms"], r["raw_sql_back_to_back_ms"]
        lines.append("| %s | %d | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s / %s | %s | %s / %s |" % (
            name, r["requests"], r["errors"], h["p50"], h["p95"], h["p99"], s["p50"], s["p95"], r["ratio_p50"],
            r["ratio_p95"], "yes" if h["p95"] is not None and h["p95"] <= 20 else "no",
            "yes" if r["ratio_p95"] is not None and r["ratio_p95"] <= 1.5 else "no", b["p50"], b["p95"],
            r["ratio_p95_back_to_back"], r["client_send_lag_ms"]["p50"], r["client_send_lag_ms"]["p95"]))
    lines += ["", "The %s: one steady stream at the same rate, each request (and statement) of one of the four kinds "
              "drawn at random, as the issue words its target. The floor of any request here: an invalid page size, answered 400 by the service "
              "before any SQL, at the same rate, p50 %s / p95 %s / p99 %s ms (%d requests): what a ratio to raw SQL "
              "cannot go below for a statement of a few milliseconds." % (MIX, http_floor["p50"], http_floor["p95"],
                                                                           http_floor["p99"], http_floor["requests"])]
    lines += ["", "## Import", "", "```", imp, "```", "", "Re-import of the same file:", "", "```", reimp, "```", ""]
    with open(args.out + "/catalogue-search.md", "w") as f:
        f.write("\n".join(lines))

if __name__ == "__main__":
    main()

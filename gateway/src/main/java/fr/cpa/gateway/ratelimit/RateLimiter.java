package fr.cpa.gateway.ratelimit;

import fr.cpa.gateway.proxy.PathPattern;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The rate-limit rules and their buckets, in this replica's memory. Free of Vert.x so that the rules
 * are tested in plain JUnit with a clock in hand.
 */
final class RateLimiter {

    /** One rule: its paths and the bucket sizes per client and per IP (null: no such limit). */
    record Rule(String name, List<PathPattern> paths, Limit perClient, Limit perIp) {

        boolean matches(String path) {
            for (PathPattern pattern : paths) {
                if (pattern.matches(path)) {
                    return true;
                }
            }
            return false;
        }
    }

    record Limit(long capacity, Duration period) {
    }

    /** A refusal: which limit, and how long until a request would pass. */
    record Refusal(String rule, String limitedBy, Duration retryAfter) {

        /** Whole seconds for {@code Retry-After} (RFC 9110 §10.2.3), rounded up, at least 1. */
        long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toNanos() + 999_999_999L) / 1_000_000_000L);
        }
    }

    private final List<Rule> rules;
    private final ConcurrentMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * Takes a token for this request from its IP address's bucket; empty if it may pass. Checked
     * before the bearer token is verified, so that every request counts, a forged token's too.
     */
    Optional<Refusal> checkIp(String path, String ip, long now) {
        Rule rule = ruleFor(path);
        return rule == null || ip == null ? Optional.empty() : take(rule, rule.perIp(), "ip", ip, now);
    }

    /** Takes a token for this request from its client's bucket (the caller of a verified token); empty if it may pass. */
    Optional<Refusal> checkClient(String path, String client, long now) {
        Rule rule = ruleFor(path);
        return rule == null || client == null ? Optional.empty() : take(rule, rule.perClient(), "client", client, now);
    }

    private Optional<Refusal> take(Rule rule, Limit limit, String kind, String key, long now) {
        if (limit == null) {
            return Optional.empty();
        }
        long wait = bucket(rule, limit, kind, key, now).tryTake(now);
        return wait > 0 ? Optional.of(new Refusal(rule.name(), kind, Duration.ofNanos(wait))) : Optional.empty();
    }

    private Rule ruleFor(String path) {
        for (Rule rule : rules) { // on every request: a plain loop, no stream
            if (rule.matches(path)) {
                return rule;
            }
        }
        return null;
    }

    /** Forgets the buckets that are full again, so that memory follows the active clients only. */
    void sweep(long now) {
        buckets.values().removeIf(bucket -> bucket.isFull(now));
    }

    int size() {
        return buckets.size();
    }

    private TokenBucket bucket(Rule rule, Limit limit, String kind, String key, long now) {
        return buckets.computeIfAbsent(rule.name() + '|' + kind + '|' + key,
                k -> new TokenBucket(limit.capacity(), limit.period().toNanos(), now));
    }
}

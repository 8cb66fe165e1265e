package fr.cpa.trainingrights.rules;

import java.math.BigInteger;

/** An exact non-negative fraction (worked / reference): pro rata never goes through floating point. */
record Ratio(BigInteger numerator, BigInteger denominator) implements Comparable<Ratio> {

    static final Ratio ZERO = of(0, 1);
    static final Ratio ONE = of(1, 1);

    Ratio {
        if (denominator.signum() <= 0) {
            throw new IllegalArgumentException("a ratio needs a positive denominator");
        }
        BigInteger gcd = numerator.gcd(denominator);
        if (gcd.signum() > 0 && !gcd.equals(BigInteger.ONE)) {
            numerator = numerator.divide(gcd);
            denominator = denominator.divide(gcd);
        }
    }

    static Ratio of(long numerator, long denominator) {
        return new Ratio(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }

    Ratio plus(Ratio other) {
        return new Ratio(numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
                denominator.multiply(other.denominator));
    }

    Ratio minus(Ratio other) {
        return plus(new Ratio(other.numerator.negate(), other.denominator));
    }

    Ratio atMostOne() {
        return compareTo(ONE) > 0 ? ONE : this;
    }

    /** {@code amount × this}, rounded up to the unit (a cent or a minute). */
    long timesRoundedUp(long amount) {
        BigInteger[] qr = BigInteger.valueOf(amount).multiply(numerator).divideAndRemainder(denominator);
        return qr[1].signum() > 0 ? qr[0].longValueExact() + 1 : qr[0].longValueExact();
    }

    /** Is this at least {@code percent} %? */
    boolean atLeastPercent(long percent) {
        return numerator.multiply(BigInteger.valueOf(100)).compareTo(denominator.multiply(BigInteger.valueOf(percent))) >= 0;
    }

    @Override
    public int compareTo(Ratio other) {
        return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
    }

    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }
}

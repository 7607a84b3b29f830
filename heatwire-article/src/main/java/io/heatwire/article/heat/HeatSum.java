package io.heatwire.article.heat;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The exact heat sum of a set of stories (SPEC 8): {@code Σ_s w(s)·2^(t_s/H)} with
 * {@code w(s) = 1 + quality(s)/100} (1 when the quality is unknown) and {@code t_s} the story's
 * publication time. {@link #heatScore()} is its log2, in half-lives; it does not change as time
 * passes, so ranking by it equals ranking by {@link #heatAt(Instant) heat} at any instant.
 *
 * <p>Every story adds one term {@code m·2^k}, a dyadic rational computed deterministically from
 * (quality, publication millisecond, H): with {@code t = whole + frac} half-lives ({@code whole} and
 * {@code frac} from exact integer arithmetic on epoch milliseconds), {@code k = whole − 52} and
 * {@code m = round((1 + q/100)·2^frac·2^52)}. Terms are summed without rounding, so removing a term
 * returns exactly the value before it was added, after any number of operations, and equal sets of
 * stories give equal sums whatever the order. No date can overflow: exponents are longs.
 *
 * <p>The sum is kept as its binary expansion, cut into chunks wherever at least {@value #GAP} zero
 * bits separate two runs of digits. That form is unique for a value (so {@link #equals(Object)}
 * compares exact values), a cluster spread over weeks at H = 24 h is one chunk of about 80 bits, and
 * however far apart the dates are the size stays below about 120 bits per story. Since a lower
 * chunk is worth less than 2^−64 of the top one, the score is read from the top chunk alone.
 *
 * <p>Stories without a publication time contribute nothing: {@link #add} and {@link #remove}
 * return this sum unchanged for them. So do instants too far from 1970 for epoch milliseconds to
 * fit in a long (about 292 million years).
 */
@JsonAutoDetect(
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        fieldVisibility = JsonAutoDetect.Visibility.NONE)
public final class HeatSum {

    /** Zero bits that separate two chunks; shorter runs of zeros are kept inside a chunk. */
    static final int GAP = 64;

    /** The shortest half-life: keeps {@code whole − 52} inside a long for every epoch millisecond. */
    public static final Duration MIN_HALF_LIFE = Duration.ofSeconds(1);

    private static final int MANTISSA_BITS = 52;
    private static final double LN2 = StrictMath.log(2.0);
    private static final long[] NO_EXPONENTS = new long[0];
    private static final BigInteger[] NO_MANTISSAS = new BigInteger[0];

    private final long halfLifeMillis;
    /** Exponent of each chunk's lowest bit, ascending. */
    private final long[] exponents;
    /** Each chunk's digits: odd and positive. */
    private final BigInteger[] mantissas;

    private HeatSum(final long halfLifeMillis, final long[] exponents, final BigInteger[] mantissas) {
        this.halfLifeMillis = halfLifeMillis;
        this.exponents = exponents;
        this.mantissas = mantissas;
    }

    /** The sum of no stories, with half-life {@code halfLife} (at least {@link #MIN_HALF_LIFE}). */
    public static HeatSum empty(final Duration halfLife) {
        return empty(halfLife.toMillis());
    }

    /** The sum of no stories, with a half-life of {@code halfLifeMillis} milliseconds. */
    public static HeatSum empty(final long halfLifeMillis) {
        if (halfLifeMillis < MIN_HALF_LIFE.toMillis()) {
            throw new IllegalArgumentException("half-life below " + MIN_HALF_LIFE + ": " + halfLifeMillis + " ms");
        }
        return new HeatSum(halfLifeMillis, NO_EXPONENTS, NO_MANTISSAS);
    }

    /**
     * Reads the state form written by {@link #halfLifeMillis()} and {@link #chunks()}.
     *
     * @throws IllegalArgumentException when the chunks are not in the unique form this class writes
     */
    @JsonCreator
    public static HeatSum of(
            @JsonProperty("halfLifeMillis") final long halfLifeMillis,
            @JsonProperty("chunks") final List<Chunk> chunks) {
        final HeatSum empty = empty(halfLifeMillis);
        if (chunks == null || chunks.isEmpty()) {
            return empty;
        }
        final long[] exponents = new long[chunks.size()];
        final BigInteger[] mantissas = new BigInteger[chunks.size()];
        for (int i = 0; i < exponents.length; i++) {
            exponents[i] = chunks.get(i).exponent();
            mantissas[i] = new BigInteger(chunks.get(i).digits(), 16);
            if (mantissas[i].signum() <= 0
                    || !mantissas[i].testBit(0)
                    || i > 0 && exponents[i - 1] + mantissas[i - 1].bitLength() + GAP > exponents[i]) {
                throw new IllegalArgumentException("not a canonical heat sum: " + chunks);
            }
        }
        return new HeatSum(halfLifeMillis, exponents, mantissas);
    }

    /** This sum with the term of a story of quality {@code quality} (0–100 or null) published at {@code publishedAt}. */
    public HeatSum add(final Integer quality, final Instant publishedAt) {
        return apply(quality, publishedAt, false);
    }

    /**
     * This sum without the term that {@link #add} added for the same arguments.
     *
     * @throws IllegalArgumentException when the sum would become negative; removing a term that was
     *                                  never added is not always detected, and leaves a wrong sum
     */
    public HeatSum remove(final Integer quality, final Instant publishedAt) {
        return apply(quality, publishedAt, true);
    }

    public boolean isEmpty() {
        return exponents.length == 0;
    }

    @JsonProperty("halfLifeMillis")
    public long halfLifeMillis() {
        return halfLifeMillis;
    }

    /** The state form: the chunks of the binary expansion, lowest first, digits in hexadecimal. */
    @JsonProperty("chunks")
    public List<Chunk> chunks() {
        final List<Chunk> chunks = new ArrayList<>(exponents.length);
        for (int i = 0; i < exponents.length; i++) {
            chunks.add(new Chunk(exponents[i], mantissas[i].toString(16)));
        }
        return chunks;
    }

    /** log2 of the sum, in half-lives since 1970; null for an empty sum. */
    public Double heatScore() {
        if (isEmpty()) {
            return null;
        }
        final int top = exponents.length - 1;
        final BigInteger mantissa = mantissas[top];
        final int bits = mantissa.bitLength();
        final int shift = bits - (MANTISSA_BITS + 1);
        // The top 53 bits, truncated: deterministic, and within 2^-52 of the exact ratio.
        final long head = shift > 0 ? mantissa.shiftRight(shift).longValue() : mantissa.longValue() << -shift;
        final double fraction = Math.scalb((double) head, -MANTISSA_BITS) - 1.0;
        return (double) (exponents[top] + bits - 1) + StrictMath.log1p(fraction) / LN2;
    }

    /**
     * {@code heat(T) = 2^(heatScore − T/H)}: 0 for an empty sum, never NaN or infinite (it saturates
     * at {@link Double#MAX_VALUE} for an instant long before the stories, and underflows to 0 long
     * after them). A monotone function of {@link #heatScore()} for a given instant.
     */
    public double heatAt(final Instant instant) {
        final Double score = heatScore();
        if (score == null) {
            return 0.0;
        }
        final long millis = instant.toEpochMilli();
        final long whole = Math.floorDiv(millis, halfLifeMillis);
        final double frac = (double) Math.floorMod(millis, halfLifeMillis) / halfLifeMillis;
        final double scoreWhole = Math.floor(score);
        final double exponent = scoreWhole - whole;
        final double heat = Math.scalb(StrictMath.pow(2.0, score - scoreWhole - frac), (int)
                Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, exponent)));
        return Math.min(heat, Double.MAX_VALUE);
    }

    private HeatSum apply(final Integer quality, final Instant publishedAt, final boolean subtract) {
        if (quality != null && (quality < 0 || quality > 100)) {
            throw new IllegalArgumentException("quality outside 0-100: " + quality);
        }
        if (publishedAt == null) {
            return this;
        }
        final long millis;
        try {
            millis = publishedAt.toEpochMilli();
        } catch (ArithmeticException e) {
            return this;
        }
        final long whole = Math.floorDiv(millis, halfLifeMillis);
        final double frac = (double) Math.floorMod(millis, halfLifeMillis) / halfLifeMillis;
        final double weight = 1.0 + (quality == null ? 0 : quality) / 100.0;
        final long m = Math.round(Math.scalb(weight * StrictMath.pow(2.0, frac), MANTISSA_BITS));
        final BigInteger term = BigInteger.valueOf(subtract ? -m : m);
        return withTerm(term, whole - MANTISSA_BITS);
    }

    /** This sum plus {@code term·2^k}: adds it to the chunks it reaches and cuts the result again. */
    private HeatSum withTerm(final BigInteger term, final long k) {
        final int n = exponents.length;
        // Chunks ending GAP bits or more below the term cannot meet it, nor can a borrow reach them.
        int first = 0;
        while (first < n && exponents[first] + mantissas[first].bitLength() + GAP <= k) {
            first++;
        }
        BigInteger window = term;
        long base = k;
        int next = first;
        while (next < n && (window.signum() < 0 || exponents[next] < base + window.bitLength() + GAP)) {
            if (exponents[next] < base) {
                window = window.shiftLeft(Math.toIntExact(base - exponents[next]));
                base = exponents[next];
            }
            window = window.add(mantissas[next].shiftLeft(Math.toIntExact(exponents[next] - base)));
            next++;
        }
        if (window.signum() < 0) {
            throw new IllegalArgumentException("removing more heat than the sum holds");
        }
        final List<long[]> cuts = cut(window);
        final int size = first + cuts.size() + (n - next);
        final long[] newExponents = new long[size];
        final BigInteger[] newMantissas = new BigInteger[size];
        System.arraycopy(exponents, 0, newExponents, 0, first);
        System.arraycopy(mantissas, 0, newMantissas, 0, first);
        int at = first;
        for (final long[] cut : cuts) {
            final int low = (int) cut[0];
            final int length = (int) cut[1];
            newExponents[at] = base + low;
            newMantissas[at] =
                    window.shiftRight(low).and(BigInteger.ONE.shiftLeft(length).subtract(BigInteger.ONE));
            at++;
        }
        System.arraycopy(exponents, next, newExponents, at, n - next);
        System.arraycopy(mantissas, next, newMantissas, at, n - next);
        return new HeatSum(halfLifeMillis, newExponents, newMantissas);
    }

    /** The runs of {@code value}'s digits that fewer than GAP zero bits separate, as {low bit, length}. */
    private static List<long[]> cut(final BigInteger value) {
        if (value.signum() == 0) {
            return List.of();
        }
        final int lowest = value.getLowestSetBit();
        final int bits = value.bitLength();
        if (bits - lowest <= GAP) {
            return List.of(new long[] {lowest, bits - lowest});
        }
        final List<long[]> cuts = new ArrayList<>();
        int low = lowest;
        int lastOne = lowest;
        for (int bit = lowest + 1; bit < bits; bit++) {
            if (value.testBit(bit)) {
                if (bit - lastOne - 1 >= GAP) {
                    cuts.add(new long[] {low, lastOne - low + 1});
                    low = bit;
                }
                lastOne = bit;
            }
        }
        cuts.add(new long[] {low, lastOne - low + 1});
        return cuts;
    }

    /** Equal when the half-lives and the exact sums are equal. */
    @Override
    public boolean equals(final Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof HeatSum that)) {
            return false;
        }
        return halfLifeMillis == that.halfLifeMillis
                && Arrays.equals(exponents, that.exponents)
                && Arrays.equals(mantissas, that.mantissas);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Long.hashCode(halfLifeMillis) + Arrays.hashCode(exponents)) + Arrays.hashCode(mantissas);
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "HeatSum[halfLifeMillis=%d, heatScore=%s, chunks=%d]",
                halfLifeMillis,
                heatScore(),
                exponents.length);
    }

    /**
     * One run of the sum's binary digits: {@code parseUnsignedHex(digits)·2^exponent}, in half-lives.
     *
     * @param exponent the weight of the lowest digit, a power of two in half-lives
     * @param digits   lowercase hexadecimal, odd
     */
    public record Chunk(long exponent, String digits) {}
}

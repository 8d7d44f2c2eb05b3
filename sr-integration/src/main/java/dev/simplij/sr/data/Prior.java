package dev.simplij.sr.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleSupplier;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * A one-dimensional distribution read from a configuration string, used for free-constant values
 * and for input coordinates:
 * <ul>
 *   <li>{@code uniform(a, b)}: uniform on {@code [a, b)};</li>
 *   <li>{@code normal(mean, sd)};</li>
 *   <li>{@code loguniform(a, b)}: {@code exp} of a uniform on {@code [log a, log b)}, {@code 0 < a < b};</li>
 *   <li>{@code signed-loguniform(a, b)}: the same with a random sign;</li>
 *   <li>{@code choice(v1, v2, ...)}: one of the listed values, equally likely;</li>
 *   <li>{@code fixed(v)}.</li>
 * </ul>
 * Immutable; {@link #sampler} binds it to one random generator.
 */
public final class Prior {
    private enum Kind { UNIFORM, NORMAL, LOGUNIFORM, SIGNED_LOGUNIFORM, CHOICE, FIXED }

    private final String text;
    private final Kind kind;
    private final double[] parameters;

    private Prior(String text, Kind kind, double[] parameters) {
        this.text = text;
        this.kind = kind;
        this.parameters = parameters;
    }

    /**
     * Reads a prior such as {@code uniform(-5, 5)}.
     *
     * @throws IllegalArgumentException saying what is wrong with the text
     */
    public static Prior parse(String text) {
        String t = text.trim();
        int open = t.indexOf('(');
        if (open < 0 || !t.endsWith(")")) {
            throw new IllegalArgumentException("prior '" + text + "' is not of the form name(arguments), e.g. uniform(-5, 5)");
        }
        String name = t.substring(0, open).trim().toLowerCase(Locale.ROOT);
        List<Double> args = new ArrayList<>();
        String inner = t.substring(open + 1, t.length() - 1).trim();
        if (!inner.isEmpty()) {
            for (String part : inner.split(",")) {
                try {
                    args.add(Double.parseDouble(part.trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("prior '" + text + "': '" + part.trim() + "' is not a number", e);
                }
            }
        }
        double[] p = args.stream().mapToDouble(Double::doubleValue).toArray();
        for (double v : p) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("prior '" + text + "': arguments must be finite");
            }
        }
        Kind kind = switch (name) {
            case "uniform" -> Kind.UNIFORM;
            case "normal" -> Kind.NORMAL;
            case "loguniform" -> Kind.LOGUNIFORM;
            case "signed-loguniform" -> Kind.SIGNED_LOGUNIFORM;
            case "choice" -> Kind.CHOICE;
            case "fixed" -> Kind.FIXED;
            default -> throw new IllegalArgumentException("prior '" + text + "': unknown distribution '" + name
                    + "' (known: uniform, normal, loguniform, signed-loguniform, choice, fixed)");
        };
        int wanted = switch (kind) {
            case UNIFORM, NORMAL, LOGUNIFORM, SIGNED_LOGUNIFORM -> 2;
            case FIXED -> 1;
            case CHOICE -> -1;
        };
        if (wanted >= 0 && p.length != wanted) {
            throw new IllegalArgumentException("prior '" + text + "': " + name + " takes " + wanted + " arguments, got " + p.length);
        }
        switch (kind) {
            case UNIFORM -> require(p[0] < p[1], text, "needs a < b");
            case NORMAL -> require(p[1] > 0, text, "needs sd > 0");
            case LOGUNIFORM, SIGNED_LOGUNIFORM -> require(p[0] > 0 && p[0] < p[1], text, "needs 0 < a < b");
            case CHOICE -> require(p.length > 0, text, "needs at least one value");
            default -> {
            }
        }
        return new Prior(t, kind, p);
    }

    private static void require(boolean ok, String text, String what) {
        if (!ok) {
            throw new IllegalArgumentException("prior '" + text + "' " + what);
        }
    }

    /** A source of draws from this prior that reads {@code rng}. */
    public DoubleSupplier sampler(UniformRandomProvider rng) {
        double[] p = parameters;
        return switch (kind) {
            case UNIFORM -> () -> p[0] + (p[1] - p[0]) * rng.nextDouble();
            case NORMAL -> {
                ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
                yield () -> p[0] + p[1] * gauss.sample();
            }
            case LOGUNIFORM -> {
                double lo = Math.log(p[0]);
                double span = Math.log(p[1]) - lo;
                yield () -> Math.exp(lo + span * rng.nextDouble());
            }
            case SIGNED_LOGUNIFORM -> {
                double lo = Math.log(p[0]);
                double span = Math.log(p[1]) - lo;
                yield () -> {
                    double v = Math.exp(lo + span * rng.nextDouble());
                    return rng.nextBoolean() ? v : -v;
                };
            }
            case CHOICE -> () -> p[rng.nextInt(p.length)];
            case FIXED -> () -> p[0];
        };
    }

    /** The text this prior was read from. */
    @Override
    public String toString() {
        return text;
    }
}

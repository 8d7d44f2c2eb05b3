package dev.simplij.miner;

/**
 * Rounds a value to a grid cell so that candidate equivalents land in the same or a neighbouring
 * cell. The grid is uniform in {@code asinh(v / Z)}: relative near large values, absolute near zero
 * (so {@code 1.2e-16}, the double value of {@code sin pi}, shares the cell of 0).
 *
 * <p>Rounding is robust: a query looks at every cell within {@link #SLACK} of the value, which
 * covers any value within the loose tolerance of {@link ValueCheck}, so a value sitting on a cell
 * boundary is never missed.
 */
final class Fingerprint {
    private static final double Z = 1e-3;
    private static final double LOG_Z = Math.log(Z);
    private static final double WIDTH = 1e-4;
    /** Larger than the asinh-distance of any two values within ValueCheck's loose tolerance. */
    static final double SLACK = 1e-5;

    private Fingerprint() {
    }

    /** The grid coordinate of a finite value. */
    static double scaled(double v) {
        double a = Math.abs(v);
        double g = a > 1e100 ? Math.log(2 * a) - LOG_Z : Math.log(a + Math.sqrt(a * a + Z * Z)) - LOG_Z;
        return v < 0 ? -g : g;
    }

    static long cell(double scaled) {
        return (long) Math.floor(scaled / WIDTH);
    }

    static long lowCell(double v) {
        return cell(scaled(v) - SLACK);
    }

    static long highCell(double v) {
        return cell(scaled(v) + SLACK);
    }
}

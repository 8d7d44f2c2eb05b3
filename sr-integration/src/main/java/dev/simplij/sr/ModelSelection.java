package dev.simplij.sr;

import java.util.ArrayList;
import java.util.List;

/**
 * Picks one equation of a Pareto front: {@link #best()} (PySR's rule), {@link #accuracy()}, or the
 * most accurate within a complexity cap. Immutable.
 */
public final class ModelSelection {
    private enum Mode { BEST, ACCURACY, MAX_COMPLEXITY }

    /** PySR's tolerance: "best" considers equations within this factor of the lowest loss. */
    private static final double BEST_LOSS_FACTOR = 1.5;

    private final Mode mode;
    private final int cap;

    private ModelSelection(Mode mode, int cap) {
        this.mode = mode;
        this.cap = cap;
    }

    /** The highest score among equations whose loss is within 1.5 times the lowest. */
    public static ModelSelection best() {
        return new ModelSelection(Mode.BEST, 0);
    }

    /** The lowest loss. */
    public static ModelSelection accuracy() {
        return new ModelSelection(Mode.ACCURACY, 0);
    }

    /** The lowest loss among equations of complexity at most {@code cap}. */
    public static ModelSelection maxComplexity(int cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("complexity cap must be >= 1, got " + cap);
        }
        return new ModelSelection(Mode.MAX_COMPLEXITY, cap);
    }

    /**
     * {@code best}, {@code accuracy}, or a complexity cap written as a number.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static ModelSelection parse(String text) {
        return switch (text) {
            case "best" -> best();
            case "accuracy" -> accuracy();
            default -> {
                try {
                    yield maxComplexity(Integer.parseInt(text));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("model selection must be best, accuracy or a complexity cap, got '"
                            + text + "'", e);
                }
            }
        };
    }

    /** The index of the chosen equation in {@code front} (sorted by increasing complexity), -1 when empty. */
    public int select(List<Equation> front) {
        return select(front, 0);
    }

    /** As {@link #select(List)}, with losses below {@code lossFloor} counted as the floor. */
    int select(List<Equation> front, double lossFloor) {
        int chosen = -1;
        double minLoss = Double.POSITIVE_INFINITY;
        for (Equation e : front) {
            minLoss = Math.min(minLoss, Math.max(e.loss(), lossFloor));
        }
        for (int i = 0; i < front.size(); i++) {
            Equation e = front.get(i);
            boolean better = switch (mode) {
                case ACCURACY -> chosen < 0 || e.loss() < front.get(chosen).loss();
                case MAX_COMPLEXITY -> e.complexity() <= cap && (chosen < 0 || e.loss() < front.get(chosen).loss());
                case BEST -> Math.max(e.loss(), lossFloor) <= BEST_LOSS_FACTOR * minLoss
                        && (chosen < 0 || e.score() > front.get(chosen).score());
            };
            if (better) {
                chosen = i;
            }
        }
        if (chosen < 0 && mode == Mode.MAX_COMPLEXITY && !front.isEmpty()) {
            chosen = 0; // nothing under the cap: the simplest there is
        }
        return chosen;
    }

    /**
     * The front with scores: {@code -(log l_i - log l_{i-1}) / (c_i - c_{i-1})}, 0 for the first.
     * Losses below {@code lossFloor} count as the floor, so rounding noise in exact fits does not
     * look like an improvement.
     */
    static List<Equation> score(List<Equation> front, double lossFloor) {
        List<Equation> scored = new ArrayList<>(front.size());
        for (int i = 0; i < front.size(); i++) {
            double s = 0;
            if (i > 0) {
                Equation prev = front.get(i - 1);
                Equation cur = front.get(i);
                double dl = Math.log(Math.max(cur.loss(), lossFloor)) - Math.log(Math.max(prev.loss(), lossFloor));
                s = Math.max(0, -dl / (cur.complexity() - prev.complexity()));
            }
            scored.add(front.get(i).withScore(s));
        }
        return scored;
    }

    @Override
    public String toString() {
        return switch (mode) {
            case BEST -> "best";
            case ACCURACY -> "accuracy";
            case MAX_COMPLEXITY -> Integer.toString(cap);
        };
    }
}

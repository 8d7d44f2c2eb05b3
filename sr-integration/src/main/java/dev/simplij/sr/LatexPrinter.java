package dev.simplij.sr;

import dev.simplij.expr.Expr;
import dev.simplij.expr.NodeKind;
import dev.simplij.expr.Operator;

/** Prints an expression as LaTeX for papers and notebooks. Recursive: front entries are small. */
final class LatexPrinter {
    private static final int SUM = 1;
    private static final int PRODUCT = 2;
    private static final int UNARY = 3;
    private static final int POWER = 4;
    private static final int ATOM = 5;

    private LatexPrinter() {
    }

    static String print(Expr e) {
        return print(e, 0).text;
    }

    private record Printed(String text, int precedence) {
    }

    private static String wrap(Printed p, int floor) {
        return p.precedence < floor ? "\\left(" + p.text + "\\right)" : p.text;
    }

    private static Printed print(Expr e, int node) {
        NodeKind kind = e.kind(node);
        switch (kind) {
            case VARIABLE -> {
                return new Printed(variable(e.variable(node)), ATOM);
            }
            case NUMBER -> {
                String t = e.token(node);
                return new Printed(t, t.startsWith("-") ? UNARY : ATOM);
            }
            case CONSTANT -> {
                return new Printed("c", ATOM);
            }
            case PLACEHOLDER -> {
                return new Printed("\\_" + e.placeholder(node), ATOM);
            }
            default -> {
            }
        }
        Operator op = e.operator(node);
        if (op.arity() == 0) {
            return new Printed(op == Operator.PI ? "\\pi" : "e", ATOM);
        }
        Printed a = print(e, node + 1);
        if (op.arity() == 2) {
            Printed b = print(e, e.child(node, 1));
            return switch (op) {
                case ADD -> new Printed(a.text + " + " + wrap(b, SUM), SUM);
                case SUB -> new Printed(a.text + " - " + wrap(b, SUM + 1), SUM);
                case MUL -> new Printed(wrap(a, PRODUCT) + " " + wrap(b, PRODUCT + 1), PRODUCT);
                case DIV -> new Printed("\\frac{" + a.text + "}{" + b.text + "}", ATOM);
                case POW -> new Printed(wrap(a, ATOM) + "^{" + b.text + "}", POWER);
                default -> throw new IllegalArgumentException("no LaTeX for " + op);
            };
        }
        return switch (op) {
            case NEG -> new Printed("-" + wrap(a, POWER), UNARY);
            case INV -> new Printed("\\frac{1}{" + a.text + "}", ATOM);
            case ABS -> new Printed("\\left|" + a.text + "\\right|", ATOM);
            case POW2, POW3, POW4, POW5 -> new Printed(wrap(a, ATOM) + "^{" + op.token().substring(3) + "}", POWER);
            case POW1_2 -> new Printed("\\sqrt{" + a.text + "}", ATOM);
            case POW1_3, POW1_4, POW1_5 -> new Printed("\\sqrt[" + op.token().substring(5) + "]{" + a.text + "}", ATOM);
            case EXP -> new Printed("e^{" + a.text + "}", POWER);
            case LOG -> new Printed("\\log{\\left(" + a.text + "\\right)}", ATOM);
            case SIN, COS, TAN, SINH, COSH, TANH -> new Printed("\\" + op.token() + "{\\left(" + a.text + "\\right)}", ATOM);
            case ASIN, ACOS, ATAN -> new Printed("\\operatorname{" + op.token() + "}{\\left(" + a.text + "\\right)}", ATOM);
            default -> throw new IllegalArgumentException("no LaTeX for " + op);
        };
    }

    /** {@code x1} as {@code x_{1}}, {@code theta} as {@code \theta}; other names as upright text. */
    private static String variable(String name) {
        int split = name.length();
        while (split > 0 && Character.isDigit(name.charAt(split - 1))) {
            split--;
        }
        String stem = name.substring(0, split);
        String index = name.substring(split);
        String greek = switch (stem) {
            case "alpha", "beta", "gamma", "delta", "epsilon", "theta", "lambda", "mu", "nu", "rho", "sigma",
                 "tau", "phi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Sigma", "Phi", "Omega" -> "\\" + stem;
            default -> null;
        };
        String base = greek != null ? greek : stem.length() <= 1 ? stem : "\\mathrm{" + stem.replace("_", "\\_") + "}";
        return index.isEmpty() ? base : base + "_{" + index + "}";
    }
}

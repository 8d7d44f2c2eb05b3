package dev.simplij.bench;

import dev.simplij.bench.ExprAssembler.NotExpressible;
import dev.simplij.expr.Expr;
import dev.simplij.expr.NodeKind;
import dev.simplij.expr.Operator;
import io.jenetics.ext.util.Tree;
import io.jenetics.ext.util.TreeNode;
import io.jenetics.prog.op.Const;
import io.jenetics.prog.op.MathExpr;
import io.jenetics.prog.op.MathOp;
import io.jenetics.prog.op.Op;
import io.jenetics.prog.op.Val;
import io.jenetics.prog.op.Var;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Jenetics' {@code MathExpr.simplify}, in-process: its tree rewriter for arithmetic identities and
 * constant folding, the simplifier of a Java genetic-programming library. Trees are built directly
 * from SimpliJ's prefix encoding; the time covers {@code simplify} on a ready {@code MathExpr}.
 * Jenetics has no real fifth root: {@code pow1_5 x} goes in as {@code x^0.2}, undefined for x < 0.
 */
final class JeneticsPeer implements Peer {
    private static final Map<Operator, MathOp> OPS = new EnumMap<>(Map.ofEntries(Map.entry(Operator.ADD, MathOp.ADD),
            Map.entry(Operator.SUB, MathOp.SUB), Map.entry(Operator.MUL, MathOp.MUL), Map.entry(Operator.DIV, MathOp.DIV),
            Map.entry(Operator.POW, MathOp.POW), Map.entry(Operator.NEG, MathOp.NEG), Map.entry(Operator.ABS, MathOp.ABS),
            Map.entry(Operator.POW2, MathOp.SQR), Map.entry(Operator.POW1_2, MathOp.SQRT),
            Map.entry(Operator.POW1_3, MathOp.CBRT), Map.entry(Operator.EXP, MathOp.EXP), Map.entry(Operator.LOG, MathOp.LOG),
            Map.entry(Operator.SIN, MathOp.SIN), Map.entry(Operator.COS, MathOp.COS), Map.entry(Operator.TAN, MathOp.TAN),
            Map.entry(Operator.ASIN, MathOp.ASIN), Map.entry(Operator.ACOS, MathOp.ACOS),
            Map.entry(Operator.ATAN, MathOp.ATAN), Map.entry(Operator.SINH, MathOp.SINH),
            Map.entry(Operator.COSH, MathOp.COSH), Map.entry(Operator.TANH, MathOp.TANH)));
    private static final Map<MathOp, Operator> BACK = new EnumMap<>(MathOp.class);

    static {
        OPS.forEach((ours, theirs) -> BACK.put(theirs, ours));
    }

    @Override
    public String name() {
        return "Jenetics";
    }

    @Override
    public Outcome simplify(Expr input) {
        MathExpr expr = new MathExpr(toJenetics(input));
        MathExpr result;
        long t0 = System.nanoTime();
        try {
            result = expr.simplify();
        } catch (RuntimeException | StackOverflowError e) {
            return new Outcome(Status.ERROR, (System.nanoTime() - t0) / 1e3, null, e.toString());
        }
        double micros = (System.nanoTime() - t0) / 1e3;
        try {
            return new Outcome(Status.OK, micros, fromJenetics(result.toTree()), "");
        } catch (NotExpressible e) {
            return new Outcome(Status.UNSUPPORTED, micros, null, e.getMessage() + " in " + result);
        }
    }

    /** The expression as a Jenetics program tree; variables are indexed in order of appearance. */
    static TreeNode<Op<Double>> toJenetics(Expr e) {
        List<String> names = e.variables();
        Deque<TreeNode<Op<Double>>> stack = new ArrayDeque<>();
        for (int i = e.size() - 1; i >= 0; i--) {
            TreeNode<Op<Double>> node = switch (e.kind(i)) {
                case VARIABLE -> TreeNode.of(Var.of(e.variable(i), names.indexOf(e.variable(i))));
                case NUMBER -> TreeNode.of(Const.of(e.number(i)));
                case OPERATOR -> operator(e.operator(i), stack);
                default -> throw new IllegalArgumentException("Jenetics takes no " + e.kind(i) + ": " + e);
            };
            stack.push(node);
        }
        return stack.pop();
    }

    private static TreeNode<Op<Double>> operator(Operator op, Deque<TreeNode<Op<Double>>> operands) {
        return switch (op) {
            case PI -> TreeNode.of(MathOp.PI);
            case EULER -> TreeNode.of(MathOp.E);
            case INV -> TreeNode.<Op<Double>>of(MathOp.DIV).attach(TreeNode.of(Const.of(1.0))).attach(operands.pop());
            case POW3, POW4, POW5, POW1_4, POW1_5 -> TreeNode.<Op<Double>>of(MathOp.POW).attach(operands.pop())
                    .attach(TreeNode.of(Const.of(exponent(op))));
            default -> {
                TreeNode<Op<Double>> node = TreeNode.of(OPS.get(op));
                for (int k = 0; k < op.arity(); k++) {
                    node.attach(operands.pop());
                }
                yield node;
            }
        };
    }

    private static double exponent(Operator op) {
        return switch (op) {
            case POW3 -> 3;
            case POW4 -> 4;
            case POW5 -> 5;
            case POW1_4 -> 0.25;
            case POW1_5 -> 0.2;
            default -> throw new IllegalArgumentException(op.token());
        };
    }

    /** Jenetics' result as a SimpliJ expression, in the spelling {@link ExprAssembler} chooses. */
    static Expr fromJenetics(Tree<? extends Op<Double>, ?> node) throws NotExpressible {
        Op<Double> op = node.value();
        if (op instanceof Var<Double> v) {
            return ExprAssembler.variable(v.name());
        }
        if (op == MathOp.PI) {
            return ExprAssembler.apply(Operator.PI);
        }
        if (op == MathOp.E) {
            return ExprAssembler.apply(Operator.EULER);
        }
        if (op instanceof Val<Double> c) {
            return ExprAssembler.number(c.value());
        }
        if (!(op instanceof MathOp m) || !BACK.containsKey(m)) {
            throw new NotExpressible("operation " + op);
        }
        Expr a = fromJenetics(node.childAt(0));
        if (m == MathOp.DIV && a.size() == 1 && a.kind(0) == NodeKind.NUMBER && a.number(0) == 1) {
            return ExprAssembler.apply(Operator.INV, fromJenetics(node.childAt(1)));
        }
        if (m == MathOp.POW && node.childAt(1).value() instanceof Val<Double> c && c.value() == Math.rint(c.value())
                && Math.abs(c.value()) <= 5) {
            return ExprAssembler.power(a, c.value().longValue(), 1);
        }
        Operator ours = BACK.get(m);
        return ours.arity() == 1 ? ExprAssembler.apply(ours, a) : ExprAssembler.apply(ours, a, fromJenetics(node.childAt(1)));
    }

    @Override
    public void close() {
        // nothing held
    }
}

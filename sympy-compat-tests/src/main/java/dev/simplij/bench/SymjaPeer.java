package dev.simplij.bench;

import dev.simplij.bench.ExprAssembler.NotExpressible;
import dev.simplij.bench.ExprAssembler.Term;
import dev.simplij.expr.Expr;
import dev.simplij.expr.Operator;
import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.eval.ExprEvaluator;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IFraction;
import org.matheclipse.core.interfaces.IInteger;
import org.matheclipse.core.interfaces.ISymbol;

import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Symja's {@code FullSimplify}, in-process. Expressions are built with Symja's factory (no parsing),
 * variables are declared real as in the SymPy corpus, and each evaluation runs on a dedicated thread
 * so it can be stopped at the time-out; a thread that does not stop is abandoned and a fresh engine
 * takes over. Symja remembers results, so the caller must give it distinct expressions.
 */
final class SymjaPeer implements Peer {
    private static final Map<Operator, IExpr> FUNCTIONS = Map.ofEntries(Map.entry(Operator.EXP, S.Exp),
            Map.entry(Operator.LOG, S.Log), Map.entry(Operator.ABS, S.Abs), Map.entry(Operator.SIN, S.Sin),
            Map.entry(Operator.COS, S.Cos), Map.entry(Operator.TAN, S.Tan), Map.entry(Operator.ASIN, S.ArcSin),
            Map.entry(Operator.ACOS, S.ArcCos), Map.entry(Operator.ATAN, S.ArcTan), Map.entry(Operator.SINH, S.Sinh),
            Map.entry(Operator.COSH, S.Cosh), Map.entry(Operator.TANH, S.Tanh));
    private static final Map<IExpr, Operator> FROM_FUNCTIONS = Map.ofEntries(Map.entry(S.Log, Operator.LOG),
            Map.entry(S.Abs, Operator.ABS), Map.entry(S.Sin, Operator.SIN), Map.entry(S.Cos, Operator.COS),
            Map.entry(S.Tan, Operator.TAN), Map.entry(S.ArcSin, Operator.ASIN), Map.entry(S.ArcCos, Operator.ACOS),
            Map.entry(S.ArcTan, Operator.ATAN), Map.entry(S.Sinh, Operator.SINH), Map.entry(S.Cosh, Operator.COSH),
            Map.entry(S.Tanh, Operator.TANH), Map.entry(S.Exp, Operator.EXP));
    private static final Map<IExpr, Operator> RECIPROCALS = Map.of(S.Sec, Operator.COS, S.Csc, Operator.SIN,
            S.Cot, Operator.TAN, S.Sech, Operator.COSH, S.Csch, Operator.SINH, S.Coth, Operator.TANH);

    private final double timeoutSeconds;
    private ExecutorService thread;
    private volatile Thread worker;
    private ExprEvaluator evaluator;

    SymjaPeer(double timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds;
        quietLogging();
    }

    /** Symja logs through Log4j without a back end; without this it prints a warning at start-up. */
    static void quietLogging() {
        System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        System.setProperty("org.apache.logging.log4j.simplelog.StatusLogger.level", "OFF");
        System.setProperty("org.apache.logging.log4j.simplelog.level", "OFF");
    }

    @Override
    public String name() {
        return "Symja";
    }

    private void start() {
        thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "symja");
            t.setDaemon(true);
            worker = t;
            return t;
        });
        evaluator = submit(() -> {
            PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
            EvalEngine engine = new EvalEngine("simplij-bench", 256, quiet, true);
            engine.setErrorPrintStream(quiet);
            return new ExprEvaluator(engine, true, (short) 100);
        }, 120);
    }

    private <T> T submit(java.util.concurrent.Callable<T> task, double seconds) {
        try {
            return thread.submit(task).get((long) (seconds * 1000), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Symja did not start: " + e, e);
        }
    }

    @Override
    public Outcome simplify(Expr input) {
        if (thread == null) {
            try {
                start();
            } catch (IllegalStateException e) {
                abandon(null);
                return new Outcome(Status.ERROR, 0, null, e.getMessage());
            }
        }
        ExprEvaluator ev = evaluator;
        long[] nanos = new long[1];
        Future<IExpr> future = thread.submit(() -> {
            EvalEngine engine = ev.getEvalEngine();
            engine.setStopRequested(false);
            IExpr converted = toSymja(input);
            IAST call = F.binaryAST2(S.FullSimplify, converted, F.Element(variables(input), S.Reals));
            long t0 = System.nanoTime();
            try {
                return ev.eval(call);
            } finally {
                nanos[0] = System.nanoTime() - t0;
            }
        });
        IExpr result;
        try {
            result = future.get((long) (timeoutSeconds * 1000), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            abandon(future);
            return new Outcome(Status.TIMEOUT, timeoutSeconds * 1e6, null, "after " + timeoutSeconds + " s");
        } catch (ExecutionException e) {
            return new Outcome(Status.ERROR, nanos[0] / 1e3, null, String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(Status.ERROR, 0, null, "interrupted");
        }
        double micros = nanos[0] / 1e3;
        try {
            return new Outcome(Status.OK, micros, fromSymja(result), "");
        } catch (NotExpressible | RuntimeException e) {
            return new Outcome(Status.UNSUPPORTED, micros, null, e.getMessage() + " in " + result);
        }
    }

    /**
     * Asks the engine to stop; when it does not within two seconds, stops its thread by force. Symja
     * does not always poll its stop flag, and a runaway thread would take a core from every later
     * measurement; {@code Thread.stop} is the only way to get it back, and this thread holds nothing
     * that outlives its engine.
     */
    @SuppressWarnings("deprecation")
    private void abandon(Future<IExpr> future) {
        if (evaluator != null) {
            evaluator.getEvalEngine().stopRequest();
        }
        if (future != null) {
            future.cancel(true);
        }
        Thread t = worker;
        thread.shutdownNow();
        try {
            if (!thread.awaitTermination(2, TimeUnit.SECONDS) && t != null) {
                t.stop();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (UnsupportedOperationException e) {
            // Java 20+ has no Thread.stop: the thread runs on, a daemon that dies with the benchmark
        }
        thread = null;
        evaluator = null;
        worker = null;
    }

    private static IExpr variables(Expr e) {
        List<String> names = e.variables();
        if (names.size() == 1) {
            return F.symbol(names.get(0));
        }
        IExpr[] symbols = names.stream().map(F::symbol).toArray(IExpr[]::new);
        return F.List(symbols);
    }

    /** The expression in Symja's form, built bottom-up from the prefix encoding. */
    static IExpr toSymja(Expr e) {
        IExpr[] stack = new IExpr[e.size()];
        int top = 0;
        for (int i = e.size() - 1; i >= 0; i--) {
            IExpr v = switch (e.kind(i)) {
                case VARIABLE -> F.symbol(e.variable(i));
                case NUMBER -> number(e.number(i));
                case OPERATOR -> {
                    Operator op = e.operator(i);
                    if (op.arity() == 0) {
                        yield op == Operator.PI ? S.Pi : S.E;
                    }
                    IExpr a = stack[--top];
                    yield op.arity() == 1 ? unary(op, a) : binary(op, a, stack[--top]);
                }
                default -> throw new IllegalArgumentException("Symja takes no " + e.kind(i) + ": " + e);
            };
            stack[top++] = v;
        }
        return stack[0];
    }

    private static IExpr number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? F.ZZ((long) v) : F.num(v);
    }

    private static IExpr unary(Operator op, IExpr a) {
        return switch (op) {
            case NEG -> F.Negate(a);
            case INV -> F.Power(a, F.CN1);
            case POW2, POW3, POW4, POW5 -> F.Power(a, F.ZZ(op.ordinal() - Operator.POW2.ordinal() + 2));
            case POW1_2 -> F.Sqrt(a);
            case POW1_4 -> F.Power(a, F.QQ(1, 4));
            case POW1_3 -> F.Surd(a, F.ZZ(3));
            case POW1_5 -> F.Surd(a, F.ZZ(5));
            default -> F.unaryAST1(FUNCTIONS.get(op), a);
        };
    }

    private static IExpr binary(Operator op, IExpr a, IExpr b) {
        return switch (op) {
            case ADD -> F.Plus(a, b);
            case SUB -> F.Subtract(a, b);
            case MUL -> F.Times(a, b);
            case DIV -> F.Divide(a, b);
            case POW -> F.Power(a, b);
            default -> throw new IllegalArgumentException("not binary: " + op);
        };
    }

    /** Symja's result as a SimpliJ expression, in the spelling {@link ExprAssembler} chooses. */
    static Expr fromSymja(IExpr e) throws NotExpressible {
        if (e.isInteger()) {
            return integer(((IInteger) e).toBigNumerator());
        }
        if (e.isFraction()) {
            IFraction f = (IFraction) e;
            return ExprAssembler.rational(exactLong(f.toBigNumerator()), exactLong(f.toBigDenominator()));
        }
        if (e.isReal()) {
            return ExprAssembler.number(e.evalf());
        }
        if (e.isNumber()) {
            throw new NotExpressible("complex number " + e);
        }
        if (e == S.Pi) {
            return ExprAssembler.apply(Operator.PI);
        }
        if (e == S.E) {
            return ExprAssembler.apply(Operator.EULER);
        }
        if (e.isSymbol()) {
            if (e.isBuiltInSymbol()) {
                throw new NotExpressible("symbol " + e);
            }
            return ExprAssembler.variable(((ISymbol) e).getSymbolName());
        }
        if (!e.isAST()) {
            throw new NotExpressible(e.getClass().getSimpleName());
        }
        IAST a = (IAST) e;
        IExpr head = a.head();
        if (head == S.Plus) {
            List<Term> terms = new ArrayList<>();
            for (int i = 1; i <= a.argSize(); i++) {
                terms.add(term(a.get(i)));
            }
            return ExprAssembler.sum(terms);
        }
        if (head == S.Times) {
            Term t = term(a);
            return t.negative() ? ExprAssembler.negate(t.magnitude()) : t.magnitude();
        }
        if (head == S.Power && a.argSize() == 2) {
            return power(a.arg1(), a.arg2());
        }
        if (a.argSize() == 2 && head == S.Surd && a.arg2().isInteger()
                && (a.arg2().toIntDefault() == 3 || a.arg2().toIntDefault() == 5)) {
            return ExprAssembler.apply(a.arg2().toIntDefault() == 3 ? Operator.POW1_3 : Operator.POW1_5,
                    fromSymja(a.arg1()));
        }
        if (a.argSize() == 2 && head == S.Log) {
            return ExprAssembler.apply(Operator.DIV, ExprAssembler.apply(Operator.LOG, fromSymja(a.arg2())),
                    ExprAssembler.apply(Operator.LOG, fromSymja(a.arg1())));
        }
        if (a.argSize() == 1 && FROM_FUNCTIONS.containsKey(head)) {
            return ExprAssembler.apply(FROM_FUNCTIONS.get(head), fromSymja(a.arg1()));
        }
        if (a.argSize() == 1 && RECIPROCALS.containsKey(head)) {
            return ExprAssembler.apply(Operator.INV, ExprAssembler.apply(RECIPROCALS.get(head), fromSymja(a.arg1())));
        }
        throw new NotExpressible(head.toString());
    }

    private static Expr integer(BigInteger v) throws NotExpressible {
        return ExprAssembler.number(exactLong(v));
    }

    private static long exactLong(BigInteger v) throws NotExpressible {
        if (v.bitLength() > 53) {
            throw new NotExpressible("integer " + v);
        }
        return v.longValue();
    }

    /** One term of a sum (or a whole product) split into sign and magnitude. */
    private static Term term(IExpr e) throws NotExpressible {
        if (e.isNumber() && e.isNegative()) {
            return new Term(true, fromSymja(e.negate()));
        }
        if (!e.isTimes()) {
            return new Term(false, fromSymja(e));
        }
        IAST times = (IAST) e;
        IExpr coefficient = F.C1;
        List<Expr> numerator = new ArrayList<>();
        List<Expr> denominator = new ArrayList<>();
        for (int i = 1; i <= times.argSize(); i++) {
            IExpr f = times.get(i);
            if (f.isNumber()) {
                coefficient = coefficient.times(f);
            } else if (f.isPower() && f.exponent().isNumber() && f.exponent().isNegative()) {
                denominator.add(power(f.base(), f.exponent().negate()));
            } else {
                numerator.add(fromSymja(f));
            }
        }
        if (!coefficient.isReal()) {
            throw new NotExpressible("coefficient " + coefficient);
        }
        boolean negative = coefficient.isNegative();
        IExpr magnitude = negative ? coefficient.negate() : coefficient;
        List<Expr> lead = new ArrayList<>();
        if (magnitude.isFraction()) {
            IFraction f = (IFraction) magnitude;
            lead.add(integer(f.toBigNumerator()));
            denominator.add(0, integer(f.toBigDenominator()));
        } else if (!magnitude.isOne()) {
            lead.add(fromSymja(magnitude));
        }
        if (lead.size() == 1 && lead.get(0).size() == 1 && lead.get(0).number(0) == 1) {
            lead.clear();
        }
        numerator.addAll(0, lead);
        return new Term(negative, ExprAssembler.quotient(numerator, denominator));
    }

    private static Expr power(IExpr base, IExpr exponent) throws NotExpressible {
        if (base == S.E) {
            return ExprAssembler.apply(Operator.EXP, fromSymja(exponent));
        }
        Expr b = fromSymja(base);
        if (exponent.isInteger()) {
            return ExprAssembler.power(b, exactLong(((IInteger) exponent).toBigNumerator()), 1);
        }
        if (exponent.isFraction()) {
            IFraction f = (IFraction) exponent;
            return ExprAssembler.power(b, exactLong(f.toBigNumerator()), exactLong(f.toBigDenominator()));
        }
        return ExprAssembler.apply(Operator.POW, b, fromSymja(exponent));
    }

    @Override
    public void close() {
        if (thread != null) {
            thread.shutdownNow();
            thread = null;
        }
    }
}

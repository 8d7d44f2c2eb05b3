package dev.simplij.expr;

import java.util.function.IntBinaryOperator;

/**
 * How SymPy's printer ({@code sympy/printing/str.py}) reads a sum or a product, applied to SimpliJ's
 * binary trees: the one place both printers take their order from.
 *
 * <p>A chain of {@code + - neg} is read as a list of signed terms, in the order of SymPy's
 * {@code Add.as_ordered_terms}: each term is a coefficient (its number-valued factors: literals,
 * {@code pi}, {@code sqrt(2)} ...) times a monomial over generators (the other factors, a power
 * {@code x**k} or {@code 1/x} counting as the generator {@code x} with exponent {@code k} or
 * {@code -1}); generators are ordered by SymPy's {@code sort_key}, monomials lexicographically with
 * the higher exponent first, ties by the smaller coefficient. So {@code x**2 - 2*x + 1},
 * {@code x**2*y + x*y**2}, {@code x + sin(x)**2}, {@code x + pi}. As in SymPy, a positive number
 * beside one negative multiple of one factor stays in front ({@code 1 - x}).
 *
 * <p>A chain of {@code * / inv neg} is read as a sign, numerator factors and denominator factors
 * (SymPy's {@code _print_Mul} lists), each in {@code sort_key} order: numbers, then {@code E},
 * {@code pi}, symbols by name (a power sorts with its base), then products, sums, then functions
 * ({@code exp log sin cos tan sinh cosh tanh}, then the others by name). A negative literal gives
 * its sign to the product, a literal {@code 1} is left out, a power with a negative literal exponent
 * goes to the denominator ({@code y*x**-2} reads {@code y/x**2}; alone it stays {@code x**(-2)}). A quotient inside a denominator is
 * kept whole ({@code a/(b/c)}, where SymPy writes {@code a*c/b}), so the printed text is undefined
 * exactly where the tree is.
 *
 * <p>Deviations from SymPy, all in the order only (the value never depends on it): {@code <constant>}
 * sorts as a symbol of that name (before every variable), each occurrence its own symbol, in tree order; {@code real_root(x, n)} as {@code x**(1/n)};
 * a generator {@code b**e} with a symbolic exponent is not split into {@code b**e'} times a rational
 * power; sums and products that SymPy would evaluate ({@code 2*3}, {@code x*x}) are ordered as they
 * stand; key comparisons deeper than {@link #MAX_DEPTH} levels fall back to {@link ExprOrder}.
 *
 * <p>One instance per printed expression; not thread-safe.
 */
final class ReadingOrder {
    /** A negative literal whose sign went to the product: print it without its minus. */
    static final int ABS_LITERAL = 1;
    /** A {@code pow b -k} moved to the denominator: print it as {@code b**k}. */
    static final int POSITIVE_POWER = 2;
    /** The factor belongs to the denominator (only while a product is being split). */
    private static final int DENOMINATOR = 4;

    /** Key comparisons nest at most this deep, then compare structurally (bounded recursion). */
    static final int MAX_DEPTH = 48;

    // Class ranks of SymPy's class_key, in its order.
    private static final int NUMBER = 0;
    private static final int EULER = 1;
    private static final int PI = 2;
    private static final int SYMBOL = 3;
    private static final int MUL = 4;
    private static final int ADD = 5;
    private static final int POW = 6;
    private static final int FUNCTION = 7;

    private static final int MUL_CODE = Operator.MUL.ordinal();
    private static final int DIV_CODE = Operator.DIV.ordinal();
    private static final int INV_CODE = Operator.INV.ordinal();
    private static final int NEG_CODE = Operator.NEG.ordinal();
    private static final int POW_CODE = Operator.POW.ordinal();

    private Expr e;
    private Factors[] factorPool;
    private Terms[] termPool;
    /** symbolFrom[i]: the first node at or after i that is a variable, constant or placeholder; lazily. */
    private int[] symbolFrom;

    ReadingOrder(Expr e) {
        this.e = e;
    }

    /** Reads another expression, keeping the scratch space. */
    void reset(Expr next) {
        e = next;
        symbolFrom = null;
    }

    // ---------------------------------------------------------------- products

    /** A product split into sign, numerator factors and denominator factors, each in reading order. */
    static final class Factors {
        int[] nodes = new int[8];
        int[] flags = new int[8];
        /** Nesting of key comparisons this split serves (bounds them: {@link #MAX_DEPTH}). */
        int depth;
        /** nodes[0, numerator) are the numerator, nodes[numerator, numerator + denominator) the denominator. */
        int numerator;
        int denominator;
        boolean negative;
        /** Literal values multiplied in: the numerator's divided by the denominator's (signs included). */
        double literals;
        /** A factor is the literal 0: the product is 0 or undefined, its sign means nothing. */
        boolean zero;
        private int[] stack = new int[16];
        private int[] spareNodes = new int[8];
        private int[] spareFlags = new int[8];

        int count() {
            return numerator + denominator;
        }

        private void add(int node, int flag) {
            int n = numerator + denominator;
            if (n == nodes.length) {
                nodes = java.util.Arrays.copyOf(nodes, n * 2);
                flags = java.util.Arrays.copyOf(flags, n * 2);
            }
            nodes[n] = node;
            flags[n] = flag;
            if ((flag & DENOMINATOR) != 0) {
                denominator++;
            } else {
                numerator++;
            }
        }
    }

    /** True for the operators a product is read through. */
    static boolean isProduct(Operator op) {
        return op == Operator.MUL || op == Operator.DIV || op == Operator.INV;
    }

    /** True when the node reads as a product: {@link #isProduct}, or {@code pow b -1} (SymPy: {@code 1/b}). */
    static boolean readsAsProduct(Expr e, int node) {
        int code = e.code(node);
        return code == MUL_CODE || code == DIV_CODE || code == INV_CODE || code == POW_CODE && reciprocal(e, node);
    }

    private static boolean reciprocal(Expr e, int pow) {
        int x = e.end(pow + 1);
        return e.code(x) == Expr.NUMBER && e.number(x) == -1;
    }

    /** True for the operators a sum is read through. */
    static boolean isSum(Operator op) {
        return op == Operator.ADD || op == Operator.SUB || op == Operator.NEG;
    }

    /** Splits the product (or single factor) at {@code node} into {@code out}, ordered. */
    void product(int node, Factors out) {
        split(node, out);
        arrange(out);
    }

    /** Numerator factors first, each part in key order. */
    private void arrange(Factors out) {
        int[] nodes = out.nodes;
        int[] flags = out.flags;
        int n = out.count();
        if (out.denominator > 0 && out.numerator > 0) {
            // Stable partition: numerator factors first.
            if (out.spareNodes.length < n) {
                out.spareNodes = new int[nodes.length];
                out.spareFlags = new int[nodes.length];
            }
            int k = 0;
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < n; i++) {
                    if (((flags[i] & DENOMINATOR) != 0) == (pass == 1)) {
                        out.spareNodes[k] = nodes[i];
                        out.spareFlags[k++] = flags[i];
                    }
                }
            }
            System.arraycopy(out.spareNodes, 0, nodes, 0, n);
            System.arraycopy(out.spareFlags, 0, flags, 0, n);
        }
        sortFactors(out, 0, out.numerator);
        sortFactors(out, out.numerator, n);
    }

    /** Collects the factors of the product at {@code node}, in tree order, with sign and literal value. */
    private void split(int node, Factors out) {
        out.numerator = 0;
        out.denominator = 0;
        out.negative = false;
        out.zero = false;
        out.literals = 1;
        int[] stack = out.stack;
        int top = 0;
        stack[top++] = node << 1;
        while (top > 0) {
            int entry = stack[--top];
            int n = entry >> 1;
            int below = entry & 1;
            int code = e.code(n);
            if (top + 2 > stack.length) {
                stack = out.stack = java.util.Arrays.copyOf(stack, stack.length * 2);
            }
            if (code == MUL_CODE) {
                stack[top++] = e.end(n + 1) << 1 | below;
                stack[top++] = (n + 1) << 1 | below;
            } else if (code == NEG_CODE) {
                out.negative = !out.negative;
                out.literals = -out.literals;
                stack[top++] = (n + 1) << 1 | below;
            } else if (code == DIV_CODE && below == 0) {
                stack[top++] = e.end(n + 1) << 1 | 1;
                stack[top++] = (n + 1) << 1;
            } else if (code == INV_CODE && below == 0) {
                stack[top++] = (n + 1) << 1 | 1;
            } else if (code == Expr.NUMBER) {
                double v = e.number(n);
                out.literals = below != 0 ? out.literals / v : out.literals * v;
                if (v < 0) {
                    out.negative = !out.negative;
                }
                if (Math.abs(v) != 1) {
                    out.add(n, (v < 0 ? ABS_LITERAL : 0) | (below != 0 ? DENOMINATOR : 0));
                }
                out.zero |= v == 0;
            } else if (code == POW_CODE && below == 0 && reciprocal(e, n)) {
                stack[top++] = (n + 1) << 1 | 1;
            } else if (code == POW_CODE && below == 0 && n != node && negativeLiteral(e.end(n + 1))) {
                out.add(n, POSITIVE_POWER | DENOMINATOR);
            } else {
                out.add(n, below != 0 ? DENOMINATOR : 0);
            }
        }
        // No "-0": it would read back as the literal 0, and the printed text would not be a fixed point.
        out.negative &= !out.zero;
    }

    private boolean negativeLiteral(int node) {
        return e.code(node) == Expr.NUMBER && e.number(node) < 0;
    }

    private void sortFactors(Factors f, int from, int to) {
        int[] nodes = f.nodes;
        int[] flags = f.flags;
        if (to - from > 12) {
            // A long product: merge sort through an index permutation (n log n comparisons).
            int n = to - from;
            int[] index = new int[n];
            for (int k = 0; k < n; k++) {
                index[k] = from + k;
            }
            int depth = f.depth;
            sortIndices(index, n, (a, b) -> order(nodes[a], nodes[b], depth), new int[n]);
            int[] sortedNodes = new int[n];
            int[] sortedFlags = new int[n];
            for (int k = 0; k < n; k++) {
                sortedNodes[k] = nodes[index[k]];
                sortedFlags[k] = flags[index[k]];
            }
            System.arraycopy(sortedNodes, 0, nodes, from, n);
            System.arraycopy(sortedFlags, 0, flags, from, n);
            return;
        }
        // Insertion sort: products are short.
        for (int i = from + 1; i < to; i++) {
            int node = nodes[i];
            int flag = flags[i];
            int j = i - 1;
            while (j >= from && order(nodes[j], node, f.depth) > 0) {
                nodes[j + 1] = nodes[j];
                flags[j + 1] = flags[j];
                j--;
            }
            nodes[j + 1] = node;
            flags[j + 1] = flag;
        }
    }

    /** SymPy's sort_key order, then the structural order: 0 only for equal subtrees. */
    int order(int a, int b) {
        return order(a, b, 0);
    }

    private int order(int a, int b, int depth) {
        if (a == b) {
            return 0;
        }
        int codeA = e.code(a);
        int codeB = e.code(b);
        if (codeA == Expr.VARIABLE && codeB == Expr.VARIABLE) {
            return e.variable(a).compareTo(e.variable(b));
        }
        if (codeA == Expr.NUMBER || codeB == Expr.NUMBER) {
            // A bare number sorts before anything but a number (or a power of one: then the full key decides).
            if (codeA == Expr.NUMBER && codeB == Expr.NUMBER) {
                int c = Double.compare(e.number(a), e.number(b));
                return c != 0 ? c : ExprOrder.compare(e, a, e, b);
            }
            int other = codeA == Expr.NUMBER ? b : a;
            if (plain(other) && e.code(base(other)) != Expr.NUMBER) {
                return codeA == Expr.NUMBER ? -1 : 1;
            }
        }
        int c = compareKeys(a, false, b, false, depth);
        return c != 0 ? c : ExprOrder.compare(e, a, e, b);
    }

    // ---------------------------------------------------------------- sums

    /** A sum split into signed terms, in reading order after {@link #sum}. */
    static final class Terms {
        int count;
        int[] nodes = new int[8];
        boolean[] negative = new boolean[8];
        /** The coefficient of each term (its number-valued factors, signs included), for ties. */
        double[] coefficients = new double[8];
        /** The term's generators and exponents: gens[genStart[t], genStart[t + 1]). */
        int[] genStart = new int[9];
        int[] gens = new int[16];
        int[] exponents = new int[16];
        int[] order = new int[8];
        /** Nesting of key comparisons this sum serves (bounds them: {@link #MAX_DEPTH}). */
        int depth;
        /**
         * The factors of a term that is a product (numerator, then denominator, as {@link #product}
         * arranges them): factorNodes[factorStart[t], factorStart[t + 1]), numerators[t] of them
         * in the numerator; a term that is no product has none.
         */
        int[] factorStart = new int[9];
        int[] numerators = new int[8];
        int[] factorNodes = new int[16];
        int[] factorFlags = new int[16];
        private int[] scratch = new int[8];
        private int[] stack = new int[16];
        private final Factors factors = new Factors();
        private final IntBinaryOperator compare;

        Terms(ReadingOrder reading) {
            compare = (i, j) -> reading.compareTerms(this, i, j);
        }

        /** The term printed {@code k}-th. */
        int node(int k) {
            return nodes[order[k]];
        }

        boolean negative(int k) {
            return negative[order[k]];
        }

        /** True when the term printed {@code k}-th is a product, printed from its factors. */
        boolean isProduct(int k) {
            int t = order[k];
            return factorStart[t + 1] > factorStart[t];
        }

        private void addFactors(Factors f) {
            int t = count - 1;
            int start = factorStart[t];
            int n = f.count();
            if (start + n > factorNodes.length) {
                factorNodes = java.util.Arrays.copyOf(factorNodes, 2 * (start + n));
                factorFlags = java.util.Arrays.copyOf(factorFlags, 2 * (start + n));
            }
            System.arraycopy(f.nodes, 0, factorNodes, start, n);
            System.arraycopy(f.flags, 0, factorFlags, start, n);
            factorStart[t + 1] = start + n;
            numerators[t] = f.numerator;
        }

        private void addTerm(int node, boolean sign) {
            if (count == nodes.length) {
                int size = count * 2;
                nodes = java.util.Arrays.copyOf(nodes, size);
                negative = java.util.Arrays.copyOf(negative, size);
                coefficients = java.util.Arrays.copyOf(coefficients, size);
                genStart = java.util.Arrays.copyOf(genStart, size + 1);
                order = java.util.Arrays.copyOf(order, size);
                factorStart = java.util.Arrays.copyOf(factorStart, size + 1);
                numerators = java.util.Arrays.copyOf(numerators, size);
            }
            nodes[count] = node;
            negative[count] = sign;
            genStart[count + 1] = genStart[count];
            factorStart[count + 1] = factorStart[count];
            count++;
        }

        /** Inserts a generator of the last term at position {@code at} of the generator arrays. */
        private void addGeneratorAt(int at, int gen, int exponent) {
            int end = genStart[count];
            if (end == gens.length) {
                gens = java.util.Arrays.copyOf(gens, end * 2);
                exponents = java.util.Arrays.copyOf(exponents, end * 2);
            }
            for (int i = end; i > at; i--) { // a term has few generators: no arraycopy call
                gens[i] = gens[i - 1];
                exponents[i] = exponents[i - 1];
            }
            gens[at] = gen;
            exponents[at] = exponent;
            genStart[count] = end + 1;
        }
    }

    Terms newTerms() {
        return new Terms(this);
    }

    /** Splits the sum at {@code node} into {@code out}: signed terms, in reading order. */
    void sum(int node, Terms out) {
        out.factors.depth = out.depth;
        out.count = 0;
        out.genStart[0] = 0;
        out.factorStart[0] = 0;
        int[] stack = out.stack;
        int top = 0;
        stack[top++] = node << 1;
        while (top > 0) {
            int entry = stack[--top];
            int n = entry >> 1;
            boolean minus = (entry & 1) != 0;
            Operator op = e.operator(n);
            if (top + 2 > stack.length) {
                stack = out.stack = java.util.Arrays.copyOf(stack, stack.length * 2);
            }
            if (op == Operator.ADD) {
                stack[top++] = (e.child(n, 1) << 1) | (minus ? 1 : 0);
                stack[top++] = ((n + 1) << 1) | (minus ? 1 : 0);
            } else if (op == Operator.SUB) {
                stack[top++] = (e.child(n, 1) << 1) | (minus ? 0 : 1);
                stack[top++] = ((n + 1) << 1) | (minus ? 1 : 0);
            } else if (op == Operator.NEG) {
                stack[top++] = ((n + 1) << 1) | (minus ? 0 : 1);
            } else {
                describeTerm(out, n, minus);
            }
        }
        for (int t = 0; t < out.count; t++) {
            out.order[t] = t;
        }
        if (out.count == 2 && numberBeforeNegativeMultiple(out)) {
            return;
        }
        if (out.scratch.length < out.count) {
            out.scratch = new int[out.order.length];
        }
        sortIndices(out.order, out.count, out.compare, out.scratch);
    }

    /** Adds one term with its sign, coefficient, factors (when a product) and sorted, merged generators. */
    private void describeTerm(Terms out, int node, boolean minus) {
        int t = out.count;
        if (e.code(node) == Expr.NUMBER) {
            double v = e.number(node);
            out.addTerm(node, v != 0 && minus != v < 0); // never "-0" (see split)
            out.coefficients[t] = minus ? -v : v;
            return;
        }
        int code = e.code(node);
        if (code == Expr.VARIABLE || code == Expr.CONSTANT || code == Expr.PLACEHOLDER) {
            // A symbol, the commonest term: its own generator.
            out.addTerm(node, minus);
            out.coefficients[t] = minus ? -1 : 1;
            out.addGeneratorAt(out.genStart[t], node, 1);
            return;
        }
        if (!readsAsProduct(e, node)) {
            // One factor: no product to split.
            out.addTerm(node, minus);
            out.coefficients[t] = minus ? -1 : 1;
            addFactor(out, node, 0);
            return;
        }
        Factors f = out.factors;
        product(node, f);
        out.addTerm(node, !f.zero && minus != f.negative);
        out.coefficients[t] = minus ? -f.literals : f.literals;
        out.addFactors(f);
        for (int i = 0, n = f.count(); i < n; i++) {
            if ((f.flags[i] & ABS_LITERAL) == 0 && e.code(f.nodes[i]) != Expr.NUMBER) { // literals are in f.literals
                addFactor(out, f.nodes[i], f.flags[i]);
            }
        }
    }

    /** Adds a factor of the last term: to its coefficient when it is a number, else as a generator. */
    private void addFactor(Terms out, int factor, int flag) {
        int t = out.count - 1;
        boolean below = (flag & DENOMINATOR) != 0;
        if (!symbolic(factor)) {
            double v = constantValue(factor);
            out.coefficients[t] = below ? out.coefficients[t] / v : out.coefficients[t] * v;
            return;
        }
        int first = out.genStart[t];
        int gen = factor;
        int exponent = 1;
        Operator op = e.operator(factor);
        if (op != null) {
            switch (op) {
                case POW2, POW3, POW4, POW5 -> {
                    gen = factor + 1;
                    exponent = op.token().charAt(3) - '0';
                }
                case INV -> {
                    gen = factor + 1;
                    exponent = -1;
                }
                case POW -> {
                    int x = e.child(factor, 1);
                    if (e.code(x) == Expr.NUMBER) {
                        double v = e.number(x);
                        if (v == Math.rint(v) && Math.abs(v) < 1 << 20) {
                            gen = factor + 1;
                            exponent = (int) v;
                        }
                    }
                }
                default -> {
                }
            }
        }
        if (below && (flag & POSITIVE_POWER) == 0) {
            exponent = -exponent;
        }
        // Insert in generator order, merging a repeated generator.
        int end = out.genStart[t + 1];
        int j = end - 1;
        int c = 1;
        while (j >= first && (c = order(out.gens[j], gen, out.depth)) > 0) {
            j--;
        }
        if (j >= first && c == 0) {
            out.exponents[j] += exponent;
            return;
        }
        out.addGeneratorAt(j + 1, gen, exponent);
    }

    /**
     * SymPy keeps {@code Add(Number, Mul(negative Number, x))} in that order ({@code 1 - x},
     * {@code 1 - x/2}, {@code pi - 2*x}; but {@code -x*y + 1}).
     */
    private boolean numberBeforeNegativeMultiple(Terms t) {
        for (int k = 0; k < 2; k++) {
            int number = t.nodes[k];
            int other = t.nodes[1 - k];
            if (t.negative[k] || !t.negative[1 - k] || !isNumberOrNumberSymbol(number)) {
                continue;
            }
            Factors f = t.factors;
            split(other, f);
            int nonLiteral = 0;
            for (int i = 0, n = f.count(); i < n; i++) {
                if (e.code(f.nodes[i]) != Expr.NUMBER) {
                    nonLiteral++;
                }
            }
            if (nonLiteral == 1) {
                t.order[0] = k;
                t.order[1] = 1 - k;
                return true;
            }
        }
        return false;
    }

    private boolean isNumberOrNumberSymbol(int node) {
        Operator op = e.operator(node);
        if (op == Operator.PI || op == Operator.EULER) {
            return true;
        }
        if (op == null) {
            return e.code(node) == Expr.NUMBER;
        }
        if (!isProduct(op)) {
            return false;
        }
        // A rational: a quotient of literals.
        for (int i = node, end = e.end(node); i < end; i++) {
            Operator inner = e.operator(i);
            if (inner != null ? !isProduct(inner) : e.code(i) != Expr.NUMBER) {
                return false;
            }
        }
        return true;
    }

    /** SymPy's Add order of terms i and j: monomials lexicographically, higher exponent first; then coefficients. */
    int compareTerms(Terms t, int i, int j) {
        int a = t.genStart[i];
        int aEnd = t.genStart[i + 1];
        int b = t.genStart[j];
        int bEnd = t.genStart[j + 1];
        while (a < aEnd || b < bEnd) {
            int c = a == aEnd ? 1 : b == bEnd ? -1 : order(t.gens[a], t.gens[b], t.depth);
            if (c == 0) {
                if (t.exponents[a] != t.exponents[b]) {
                    return t.exponents[a] > t.exponents[b] ? -1 : 1;
                }
                a++;
                b++;
            } else if (c < 0) {
                // Generator a[...] is absent from term j (exponent 0 there).
                if (t.exponents[a] != 0) {
                    return t.exponents[a] > 0 ? -1 : 1;
                }
                a++;
            } else {
                if (t.exponents[b] != 0) {
                    return t.exponents[b] > 0 ? 1 : -1;
                }
                b++;
            }
        }
        int c = Double.compare(t.coefficients[i], t.coefficients[j]);
        if (c != 0) {
            return c;
        }
        c = ExprOrder.compare(e, t.nodes[i], e, t.nodes[j]); // SymPy keeps its own order here: any fixed one will do
        return c != 0 ? c : Boolean.compare(t.negative[i], t.negative[j]);
    }

    /** Sorts {@code order[0, n)} with a stable merge sort (insertion sort for short runs); {@code scratch} of n or more. */
    private static void sortIndices(int[] order, int n, IntBinaryOperator compare, int[] scratch) {
        if (n <= 12) {
            for (int i = 1; i < n; i++) {
                int x = order[i];
                int j = i - 1;
                while (j >= 0 && compare.applyAsInt(order[j], x) > 0) {
                    order[j + 1] = order[j];
                    j--;
                }
                order[j + 1] = x;
            }
            return;
        }
        int[] from = order;
        int[] to = scratch;
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    to[k++] = compare.applyAsInt(from[j], from[i]) < 0 ? from[j++] : from[i++];
                }
                while (i < mid) {
                    to[k++] = from[i++];
                }
                while (j < hi) {
                    to[k++] = from[j++];
                }
            }
            int[] swap = from;
            from = to;
            to = swap;
        }
        if (from != order) {
            System.arraycopy(from, 0, order, 0, n);
        }
    }

    // ---------------------------------------------------------------- sort keys

    /** True when the subtree at {@code node} holds a variable, {@code <constant>} or placeholder. */
    boolean symbolic(int node) {
        int code = e.code(node);
        if (code < 0) {
            return isSymbol(code);
        }
        int end = e.end(node);
        if (end - node <= 32 && symbolFrom == null) {
            for (int i = node; i < end; i++) {
                if (isSymbol(e.code(i))) {
                    return true;
                }
            }
            return false;
        }
        if (symbolFrom == null) {
            // Long subtrees, perhaps nested: one pass for all of them, so nothing is scanned twice.
            int n = e.size();
            int[] from = new int[n + 1];
            from[n] = n;
            for (int i = n - 1; i >= 0; i--) {
                from[i] = isSymbol(e.code(i)) ? i : from[i + 1];
            }
            symbolFrom = from;
        }
        return symbolFrom[node] < end;
    }

    private static boolean isSymbol(int code) {
        return code == Expr.VARIABLE || code == Expr.CONSTANT || code == Expr.PLACEHOLDER;
    }

    /** The value of a subtree without symbols (NaN where undefined). */
    private double constantValue(int node) {
        int end = e.end(node);
        double[] stack = new double[end - node];
        int top = 0;
        for (int i = end - 1; i >= node; i--) {
            Operator op = e.operator(i);
            double v;
            if (op == null) {
                v = e.number(i);
            } else if (op.arity() == 0) {
                v = op.constantValue();
            } else if (op.arity() == 1) {
                v = op.apply(stack[--top]);
            } else {
                double left = stack[--top];
                double right = stack[--top];
                v = op.apply(left, right);
            }
            stack[top++] = v;
        }
        return stack[0];
    }

    /**
     * Compares SymPy's {@code sort_key} of two subtrees: (class, arguments, exponent, coefficient),
     * a power sorting with its base. {@code negA}/{@code negB}: the factor stands in a denominator
     * (its exponent is negated).
     */
    private int compareKeys(int a, boolean negA, int b, boolean negB, int depth) {
        if (depth > MAX_DEPTH) {
            return ExprOrder.compare(e, a, e, b);
        }
        if (!plain(a) || !plain(b)) {
            return compareGeneral(a, negA, b, negB, depth);
        }
        int baseA = base(a);
        int baseB = base(b);
        if (baseA != a && baseB == b && e.code(b) == Expr.NUMBER) {
            return 1; // a bare number before a power of a number: 3 before sqrt(2)
        }
        if (baseA == a && baseB != b && e.code(a) == Expr.NUMBER) {
            return -1;
        }
        int c = compareBases(baseA, baseB, depth);
        if (c != 0) {
            return c;
        }
        return compareExponents(a, negA, b, negB, depth);
    }

    /** A node whose key needs no coefficient split: not a product, negation or rational. */
    private boolean plain(int node) {
        Operator op = e.operator(node);
        if (op == null) {
            return true;
        }
        return switch (op) {
            case MUL, DIV, NEG -> false;
            case INV -> e.code(node + 1) != Expr.NUMBER;
            default -> true;
        };
    }

    /** The base a power sorts with ({@code x} for {@code x**2}, {@code sqrt(x)}, {@code 1/x}), else the node. */
    private int base(int node) {
        Operator op = e.operator(node);
        if (op == null) {
            return node;
        }
        return switch (op) {
            case POW, POW2, POW3, POW4, POW5, POW1_2, POW1_3, POW1_4, POW1_5, INV -> node + 1;
            default -> node;
        };
    }

    private int rank(int node) {
        Operator op = e.operator(node);
        if (op == null) {
            return e.code(node) == Expr.NUMBER ? NUMBER : SYMBOL;
        }
        return switch (op) {
            case EULER -> EULER;
            case PI -> PI;
            case MUL, DIV, NEG -> MUL;
            case ADD, SUB -> ADD;
            case POW, POW2, POW3, POW4, POW5, POW1_2, POW1_3, POW1_4, POW1_5, INV -> POW;
            default -> FUNCTION;
        };
    }

    /** SymPy's class_key index of a function: exp log sin cos tan, sinh cosh tanh, then the rest by name. */
    private static int functionIndex(Operator op) {
        return switch (op) {
            case EXP -> 10;
            case LOG -> 11;
            case SIN -> 20;
            case COS -> 21;
            case TAN -> 22;
            case SINH -> 30;
            case COSH -> 31;
            case TANH -> 32;
            case ABS -> 10_000;
            case ACOS -> 10_001;
            case ASIN -> 10_002;
            case ATAN -> 10_003;
            default -> 20_000 + op.ordinal();
        };
    }

    /** Class, then arguments, of two bases. */
    private int compareBases(int a, int b, int depth) {
        int rankA = rank(a);
        int rankB = rank(b);
        if (rankA != rankB) {
            return Integer.compare(rankA, rankB);
        }
        switch (rankA) {
            case NUMBER:
                return Double.compare(e.number(a), e.number(b));
            case SYMBOL:
                if (e.code(a) == Expr.CONSTANT && e.code(b) == Expr.CONSTANT) {
                    return Integer.compare(a, b); // each <constant> is its own unknown: keep them apart, in order
                }
                return symbolName(a).compareTo(symbolName(b));
            case EULER:
            case PI:
                return 0;
            case FUNCTION: {
                Operator opA = e.operator(a);
                Operator opB = e.operator(b);
                if (opA != opB) {
                    return Integer.compare(functionIndex(opA), functionIndex(opB));
                }
                return compareKeys(a + 1, false, b + 1, false, depth + 1);
            }
            case POW: {
                int c = compareKeys(a + 1, false, b + 1, false, depth + 1);
                return c != 0 ? c : compareExponents(a, false, b, false, depth + 1);
            }
            case ADD:
                return compareSums(a, b, depth + 1);
            default:
                return compareProducts(a, false, b, false, depth + 1);
        }
    }

    private String symbolName(int node) {
        return switch (e.kind(node)) {
            case VARIABLE -> e.variable(node);
            case CONSTANT -> Expr.CONSTANT_TOKEN;
            default -> e.token(node);
        };
    }

    /**
     * The exponents of two powers with equal bases: a bare number has none (first), then numeric
     * exponents by value, then symbolic ones by key.
     */
    private int compareExponents(int a, boolean negA, int b, boolean negB, int depth) {
        boolean bareA = e.code(a) == Expr.NUMBER;
        boolean bareB = e.code(b) == Expr.NUMBER;
        if (bareA || bareB) {
            return Boolean.compare(!bareA, !bareB);
        }
        int symbolicA = symbolicExponent(a);
        int symbolicB = symbolicExponent(b);
        if (symbolicA < 0 && symbolicB < 0) {
            double x = exponent(a);
            double y = exponent(b);
            return Double.compare(negA ? -x : x, negB ? -y : y);
        }
        if (symbolicA < 0 || symbolicB < 0) {
            return symbolicA < 0 ? -1 : 1;
        }
        int c = Boolean.compare(negA, negB);
        return c != 0 ? c : compareKeys(symbolicA, false, symbolicB, false, depth + 1);
    }

    /** The exponent node of {@code pow b x} when it is not a number, else -1. */
    private int symbolicExponent(int node) {
        if (e.operator(node) != Operator.POW) {
            return -1;
        }
        int x = e.child(node, 1);
        return Double.isNaN(literalValue(x)) ? x : -1;
    }

    /** The numeric exponent of a power (1 for a node that is no power). */
    private double exponent(int node) {
        Operator op = e.operator(node);
        if (op == null) {
            return 1;
        }
        return switch (op) {
            case POW2 -> 2;
            case POW3 -> 3;
            case POW4 -> 4;
            case POW5 -> 5;
            case POW1_2 -> 0.5;
            case POW1_3 -> 1.0 / 3;
            case POW1_4 -> 0.25;
            case POW1_5 -> 0.2;
            case INV -> -1;
            case POW -> literalValue(e.child(node, 1));
            default -> 1;
        };
    }

    /** The value of a literal or a rational written with literals ({@code -2}, {@code 1/3}), else NaN. */
    private double literalValue(int node) {
        Operator op = e.operator(node);
        if (op == null) {
            return e.code(node) == Expr.NUMBER ? e.number(node) : Double.NaN;
        }
        return switch (op) {
            case NEG -> -literalValue(node + 1);
            case INV -> 1 / literalValue(node + 1);
            case DIV -> literalValue(node + 1) / literalValue(e.child(node, 1));
            default -> Double.NaN;
        };
    }

    /** Keys of nodes that carry a coefficient (products, negations, rationals): split them first. */
    private int compareGeneral(int a, boolean negA, int b, boolean negB, int depth) {
        Factors fa = pooledFactors(2 * depth);
        Factors fb = pooledFactors(2 * depth + 1);
        product(a, fa);
        product(b, fb);
        int coreA = core(fa);
        int coreB = core(fb);
        int rankA = coreA == -1 ? NUMBER : coreA == -2 ? MUL : rank(base(fa.nodes[coreA]));
        int rankB = coreB == -1 ? NUMBER : coreB == -2 ? MUL : rank(base(fb.nodes[coreB]));
        if (rankA != rankB) {
            return Integer.compare(rankA, rankB);
        }
        int c;
        if (coreA == -1 || coreB == -1) {
            c = Integer.compare(coreA == -1 ? 0 : 1, coreB == -1 ? 0 : 1); // a bare number first
        } else if (coreA == -2 || coreB == -2) {
            c = coreA != coreB ? (coreA == -2 ? 1 : -1)
                    : compareFactorLists(fa, negA, fb, negB, depth + 1);
        } else {
            int nodeA = fa.nodes[coreA];
            int nodeB = fb.nodes[coreB];
            c = compareBases(base(nodeA), base(nodeB), depth);
            if (c == 0) {
                c = compareExponents(nodeA, negA != inverted(fa, coreA), nodeB, negB != inverted(fb, coreB), depth);
            }
        }
        if (c != 0) {
            return c;
        }
        double ka = fa.literals;
        double kb = fb.literals;
        return Double.compare(negA ? 1 / ka : ka, negB ? 1 / kb : kb);
    }

    /** True when factor {@code i} stands for its reciprocal: in the denominator, not a moved negative power. */
    private static boolean inverted(Factors f, int i) {
        return i >= f.numerator && (f.flags[i] & POSITIVE_POWER) == 0;
    }

    /** The one factor that is not a literal (its index), -1 when all are literals, -2 when several are not. */
    private int core(Factors f) {
        int found = -1;
        for (int i = 0, n = f.count(); i < n; i++) {
            if (e.code(f.nodes[i]) != Expr.NUMBER) {
                if (found >= 0) {
                    return -2;
                }
                found = i;
            }
        }
        return found;
    }

    /** Mul arguments: the non-literal factors in key order, fewer first, then factor by factor. */
    private int compareFactorLists(Factors fa, boolean negA, Factors fb, boolean negB, int depth) {
        int[] a = nonLiteral(fa);
        int[] b = nonLiteral(fb);
        if (a.length != b.length) {
            return Integer.compare(a.length, b.length);
        }
        for (int i = 0; i < a.length; i++) {
            boolean belowA = negA != inverted(fa, a[i]);
            boolean belowB = negB != inverted(fb, b[i]);
            int c = compareKeys(fa.nodes[a[i]], belowA, fb.nodes[b[i]], belowB, depth);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private int[] nonLiteral(Factors f) {
        int n = 0;
        int[] out = new int[f.count()];
        for (int i = 0; i < f.count(); i++) {
            if (e.code(f.nodes[i]) != Expr.NUMBER) {
                out[n++] = i;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private int compareProducts(int a, boolean negA, int b, boolean negB, int depth) {
        Factors fa = pooledFactors(2 * depth);
        Factors fb = pooledFactors(2 * depth + 1);
        product(a, fa);
        product(b, fb);
        return compareFactorLists(fa, negA, fb, negB, depth + 1);
    }

    /**
     * Scratch space of the comparisons at one nesting depth (two per depth: both sides). A
     * comparison at depth d uses slots 2d and 2d + 1 and calls only deeper ones, so none is
     * overwritten while in use.
     */
    private Factors pooledFactors(int slot) {
        if (factorPool == null) {
            factorPool = new Factors[2 * MAX_DEPTH + 6];
        }
        Factors f = factorPool[slot];
        if (f == null) {
            f = factorPool[slot] = new Factors();
        }
        f.depth = slot / 2 + 1;
        return f;
    }

    private Terms pooledTerms(int slot) {
        if (termPool == null) {
            termPool = new Terms[2 * MAX_DEPTH + 6];
        }
        Terms t = termPool[slot];
        if (t == null) {
            t = termPool[slot] = newTerms();
        }
        t.depth = slot / 2 + 1;
        return t;
    }

    /** Add arguments: the terms in reading order, fewer first, then term by term. */
    private int compareSums(int a, int b, int depth) {
        Terms ta = pooledTerms(2 * depth);
        Terms tb = pooledTerms(2 * depth + 1);
        sum(a, ta);
        sum(b, tb);
        if (ta.count != tb.count) {
            return Integer.compare(ta.count, tb.count);
        }
        for (int k = 0; k < ta.count; k++) {
            int c = compareTerm(ta, k, tb, k, depth + 1);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private int compareTerm(Terms ta, int i, Terms tb, int j, int depth) {
        int c = compareKeys(ta.node(i), false, tb.node(j), false, depth);
        return c != 0 ? c : Boolean.compare(tb.negative(j), ta.negative(i)); // coefficient -1 before 1
    }
}

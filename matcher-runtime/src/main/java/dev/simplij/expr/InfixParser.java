package dev.simplij.expr;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads infix in SymPy's (Python's) syntax with an operator-precedence (shunting-yard) parser, so
 * nesting depth is limited only by memory, never by the call stack.
 *
 * <p>Spellings map to the shortest operator of the table: {@code x**2} reads as {@code pow2 x},
 * {@code x**(1/2)}, {@code x**0.5} and {@code sqrt(x)} as {@code pow1_2 x}, {@code x**(1/4)} as
 * {@code pow1_4 x}, {@code x**(-1)} and {@code 1/x} as {@code inv x}, {@code real_root(x, 3)} as
 * {@code pow1_3 x}. A minus sign written directly before a number is part of the literal
 * ({@code -2}), unless a power follows ({@code -2**2} is {@code -(2**2)}, as in Python).
 */
final class InfixParser {
    private enum Kind { NUMBER, NAME, CONSTANT, PLUS, MINUS, TIMES, DIVIDE, POWER, LPAREN, RPAREN, COMMA, END }

    private static final int UNARY_MINUS = -1;
    private static final int OPEN_PAREN = -2;
    private static final int CALL = -3;

    private final String text;
    private int pos;
    private Kind kind;
    private int tokenStart;
    private String tokenText;
    private double tokenValue;
    /** The exact value of a literal token that is pooled ({@link Literals}), else null. */
    private BigDecimal tokenPooled;
    private final String[] problem = new String[1];
    private final BigDecimal[] pooled = new BigDecimal[1];

    // Tree under construction: node i has code[i], payload[i] and operands first[i], second[i].
    private int[] codes = new int[16];
    private long[] payloads = new long[16];
    private int[] firsts = new int[16];
    private int[] seconds = new int[16];
    private int nodeCount;
    private final List<String> names = new ArrayList<>();
    /**
     * Pooled literals; a pooled node's payload refers here ({@link Literals#pooled}). Such a payload
     * is a NaN bit pattern, so {@link #literal} reads it as no value: no spelling applies to it.
     */
    private List<BigDecimal> literals; // created with the first pooled literal: most inputs have none

    // Shunting-yard stacks.
    private int[] operands = new int[16];
    private int operandTop;
    private int[] pending = new int[16];
    private int[] pendingPosition = new int[16];
    private int[] pendingArgs = new int[16];
    private Operator[] pendingFunction = new Operator[16];
    private int pendingTop;

    private InfixParser(String text) {
        this.text = text;
    }

    static Expr parse(String text) {
        return new InfixParser(text).parseAll();
    }

    private Expr parseAll() {
        boolean expectOperand = true;
        advance();
        if (kind == Kind.END) {
            throw new ParseException("empty expression", 0);
        }
        while (true) {
            if (expectOperand) {
                switch (kind) {
                    case NUMBER -> {
                        long payload;
                        if (tokenPooled != null) {
                            if (literals == null) {
                                literals = new ArrayList<>();
                            }
                            payload = Literals.pooled(literals.size());
                            literals.add(tokenPooled);
                        } else {
                            payload = Double.doubleToLongBits(tokenValue == 0 ? 0.0 : tokenValue);
                        }
                        pushOperand(node(Expr.NUMBER, payload, -1, -1));
                        expectOperand = false;
                    }
                    case CONSTANT -> {
                        pushOperand(node(Expr.CONSTANT, 0, -1, -1));
                        expectOperand = false;
                    }
                    case NAME -> expectOperand = name();
                    case MINUS -> pushPending(UNARY_MINUS, tokenStart, null);
                    case PLUS -> {
                        // unary plus is the identity
                    }
                    case LPAREN -> pushPending(OPEN_PAREN, tokenStart, null);
                    case END -> throw new ParseException("expression ends where an operand is expected", tokenStart);
                    default -> throw new ParseException("unexpected '" + tokenText + "' where an operand is expected",
                            tokenStart);
                }
            } else {
                switch (kind) {
                    case PLUS, MINUS, TIMES, DIVIDE, POWER -> {
                        binary(kind);
                        expectOperand = true;
                    }
                    case RPAREN -> closeParen();
                    case COMMA -> {
                        comma();
                        expectOperand = true;
                    }
                    case END -> {
                        return finish();
                    }
                    default -> throw new ParseException("unexpected '" + tokenText + "' after a complete operand"
                            + " (implicit multiplication is not supported)", tokenStart);
                }
            }
            advance();
        }
    }

    /** Handles an identifier in operand position; returns whether an operand is still expected. */
    private boolean name() {
        String name = tokenText;
        int start = tokenStart;
        int save = pos;
        advance();
        boolean call = kind == Kind.LPAREN;
        if (!call) {
            pos = save;
            kind = Kind.NAME;
        }
        Operator op = Operator.byName(name);
        if (name.equals("real_root")) {
            op = Operator.POW1_3;
        }
        if (call) {
            if (op == null || op.arity() == 0) {
                throw new ParseException("unknown function '" + Numbers.abbreviate(name) + "'", start);
            }
            pushPending(CALL, start, op);
            // -2: a second argument is expected (pow(x, y), real_root(x, n)); -3: it was read
            pendingArgs[pendingTop - 1] = name.equals("real_root") || op.arity() == 2 ? -2 : 1;
            pushPending(OPEN_PAREN, tokenStart, null);
            return true;
        }
        if (op != null && op.arity() == 0) {
            pushOperand(node(op.ordinal(), 0, -1, -1));
            return false;
        }
        if (op != null) {
            throw new ParseException("operator '" + name + "' needs parenthesized operands", start);
        }
        String why = Identifiers.variableNameProblem(name);
        if (why != null) {
            throw new ParseException(why, start);
        }
        int index = names.indexOf(name);
        if (index < 0) {
            index = names.size();
            names.add(name);
        }
        pushOperand(node(Expr.VARIABLE, index, -1, -1));
        return false;
    }

    private static int precedence(int pendingOp) {
        if (pendingOp == UNARY_MINUS) {
            return Operator.Precedence.UNARY_MINUS;
        }
        return switch (Operator.ofOrdinal(pendingOp)) {
            case ADD, SUB -> Operator.Precedence.SUM;
            case MUL, DIV -> Operator.Precedence.PRODUCT;
            default -> Operator.Precedence.POWER;
        };
    }

    private void binary(Kind k) {
        Operator op = switch (k) {
            case PLUS -> Operator.ADD;
            case MINUS -> Operator.SUB;
            case TIMES -> Operator.MUL;
            case DIVIDE -> Operator.DIV;
            default -> Operator.POW;
        };
        int prec = precedence(op.ordinal());
        boolean rightAssociative = op == Operator.POW;
        while (pendingTop > 0) {
            int top = pending[pendingTop - 1];
            if (top == OPEN_PAREN || top == CALL) {
                break;
            }
            int topPrec = precedence(top);
            if (topPrec > prec || (topPrec == prec && !rightAssociative)) {
                reduce();
            } else {
                break;
            }
        }
        pushPending(op.ordinal(), tokenStart, null);
    }

    private void closeParen() {
        reduceToParen(")");
        int parenPos = pendingPosition[pendingTop - 1];
        pendingTop--;
        if (pendingTop > 0 && pending[pendingTop - 1] == CALL) {
            finishCall(parenPos);
        }
    }

    private void comma() {
        reduceToParen(",");
        if (pendingTop < 2 || pending[pendingTop - 2] != CALL || pendingArgs[pendingTop - 2] != -2) {
            throw new ParseException("unexpected ',' (only pow and real_root take two arguments)", tokenStart);
        }
        pendingArgs[pendingTop - 2] = -3;
    }

    private void reduceToParen(String what) {
        while (pendingTop > 0 && pending[pendingTop - 1] != OPEN_PAREN) {
            reduce();
        }
        if (pendingTop == 0) {
            throw new ParseException("unbalanced '" + what + "': no matching '('", tokenStart);
        }
    }

    private void finishCall(int parenPos) {
        pendingTop--;
        Operator op = pendingFunction[pendingTop];
        int args = pendingArgs[pendingTop];
        int start = pendingPosition[pendingTop];
        if (args == -2) {
            throw new ParseException(op.arity() == 2 ? "function '" + op.token() + "' takes two arguments: pow(x, 3)"
                    : "real_root needs two arguments: real_root(x, 3) or real_root(x, 5)", start);
        }
        if (args == -3 && op.arity() == 2) {
            int exponent = popOperand();
            pushOperand(spell(op, popOperand(), exponent));
            return;
        }
        if (args == -3) {
            int degree = popOperand();
            int radicand = popOperand();
            double n = codes[degree] == Expr.NUMBER ? Double.longBitsToDouble(payloads[degree]) : Double.NaN;
            if (n != 3 && n != 5) {
                throw new ParseException("real_root supports degrees 3 and 5 only", start);
            }
            pushOperand(node((n == 3 ? Operator.POW1_3 : Operator.POW1_5).ordinal(), 0, radicand, -1));
            return;
        }
        pushOperand(node(op.ordinal(), 0, popOperand(), -1));
    }

    private void reduce() {
        pendingTop--;
        int op = pending[pendingTop];
        if (op == UNARY_MINUS) {
            pushOperand(node(Operator.NEG.ordinal(), 0, popOperand(), -1));
            return;
        }
        int right = popOperand();
        int left = popOperand();
        pushOperand(spell(Operator.ofOrdinal(op), left, right));
    }

    /** Builds a binary node in the shortest spelling of the operator table ({@link Spelling}, exact only). */
    private int spell(Operator op, int left, int right) {
        double rightInverse = codes[right] == Operator.INV.ordinal() ? literal(firsts[right]) : Double.NaN;
        Operator unary = Spelling.unary(op, literal(left), literal(right), rightInverse, false);
        if (unary != null) {
            return node(unary.ordinal(), 0, Spelling.overRight(op) ? right : left, -1);
        }
        return node(op.ordinal(), 0, left, right);
    }

    /** The value of a literal node, NaN for other nodes. */
    private double literal(int node) {
        return codes[node] == Expr.NUMBER ? Double.longBitsToDouble(payloads[node]) : Double.NaN;
    }

    private Expr finish() {
        while (pendingTop > 0) {
            if (pending[pendingTop - 1] == OPEN_PAREN || pending[pendingTop - 1] == CALL) {
                throw new ParseException("unbalanced '(': no matching ')'", pendingPosition[pendingTop - 1]);
            }
            reduce();
        }
        int root = popOperand();
        // Emit prefix order with an explicit stack.
        Expr.Builder builder = Expr.builder();
        int[] stack = new int[Math.max(4, nodeCount)];
        int top = 0;
        stack[top++] = root;
        while (top > 0) {
            int n = stack[--top];
            int code = codes[n];
            switch (code) {
                case Expr.NUMBER -> {
                    if (Literals.isPooled(payloads[n])) {
                        builder.number(literals.get(Literals.poolIndex(payloads[n])));
                    } else {
                        builder.number(Double.longBitsToDouble(payloads[n]));
                    }
                }
                case Expr.VARIABLE -> builder.variable(names.get((int) payloads[n]));
                case Expr.CONSTANT -> builder.constant();
                default -> {
                    builder.operator(Operator.ofOrdinal(code));
                    if (seconds[n] >= 0) {
                        stack[top++] = seconds[n];
                    }
                    if (firsts[n] >= 0) {
                        stack[top++] = firsts[n];
                    }
                }
            }
        }
        return builder.build();
    }

    private int node(int code, long payload, int first, int second) {
        if (nodeCount == codes.length) {
            int size = nodeCount * 2;
            codes = Arrays.copyOf(codes, size);
            payloads = Arrays.copyOf(payloads, size);
            firsts = Arrays.copyOf(firsts, size);
            seconds = Arrays.copyOf(seconds, size);
        }
        codes[nodeCount] = code;
        payloads[nodeCount] = payload;
        firsts[nodeCount] = first;
        seconds[nodeCount] = second;
        return nodeCount++;
    }

    private void pushOperand(int node) {
        if (operandTop == operands.length) {
            operands = Arrays.copyOf(operands, operandTop * 2);
        }
        operands[operandTop++] = node;
    }

    private int popOperand() {
        if (operandTop == 0) {
            throw new ParseException("missing operand", tokenStart);
        }
        return operands[--operandTop];
    }

    private void pushPending(int op, int position, Operator function) {
        if (pendingTop == pending.length) {
            int size = pendingTop * 2;
            pending = Arrays.copyOf(pending, size);
            pendingPosition = Arrays.copyOf(pendingPosition, size);
            pendingArgs = Arrays.copyOf(pendingArgs, size);
            pendingFunction = Arrays.copyOf(pendingFunction, size);
        }
        pending[pendingTop] = op;
        pendingPosition[pendingTop] = position;
        pendingFunction[pendingTop] = function;
        pendingArgs[pendingTop] = 0;
        pendingTop++;
    }

    /** Reads the next token into {@link #kind}, {@link #tokenText}, {@link #tokenValue}. */
    private void advance() {
        int n = text.length();
        while (pos < n && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        tokenStart = pos;
        if (pos >= n) {
            kind = Kind.END;
            tokenText = "end of input";
            return;
        }
        char c = text.charAt(pos);
        int literal = Numbers.literalLength(text, pos);
        if (literal > 0) {
            number(pos, pos + literal);
            return;
        }
        if (c == '-' && previousAllowsSignedLiteral()) {
            int after = pos + 1;
            while (after < n && Character.isWhitespace(text.charAt(after))) {
                after++;
            }
            int len = Numbers.literalLength(text, after);
            if (len > 0 && !powerFollows(after + len)) {
                number(pos, after + len);
                tokenText = "-" + text.substring(after, after + len);
                parseLiteral(tokenText, pos);
                return;
            }
        }
        if (Identifiers.isIdentifierStart(c)) {
            int end = pos + 1;
            while (end < n && Identifiers.isIdentifierPart(text.charAt(end))) {
                end++;
            }
            kind = Kind.NAME;
            tokenText = text.substring(pos, end);
            pos = end;
            return;
        }
        if (text.startsWith(Expr.CONSTANT_TOKEN, pos)) {
            kind = Kind.CONSTANT;
            tokenText = Expr.CONSTANT_TOKEN;
            pos += Expr.CONSTANT_TOKEN.length();
            return;
        }
        pos++;
        switch (c) {
            case '+' -> kind = Kind.PLUS;
            case '-' -> kind = Kind.MINUS;
            case '/' -> kind = Kind.DIVIDE;
            case '^' -> kind = Kind.POWER;
            case '*' -> {
                if (pos < n && text.charAt(pos) == '*') {
                    pos++;
                    kind = Kind.POWER;
                } else {
                    kind = Kind.TIMES;
                }
            }
            case '(' -> kind = Kind.LPAREN;
            case ')' -> kind = Kind.RPAREN;
            case ',' -> kind = Kind.COMMA;
            default -> throw new ParseException("unexpected character " + describe(c), tokenStart);
        }
        tokenText = text.substring(tokenStart, pos);
    }

    private void number(int start, int end) {
        kind = Kind.NUMBER;
        tokenText = text.substring(start, end);
        parseLiteral(tokenText, start);
        pos = end;
    }

    /** Sets {@link #tokenValue} and {@link #tokenPooled} from a literal's text. */
    private void parseLiteral(String literal, int position) {
        tokenValue = Numbers.parse(literal, problem, pooled);
        if (problem[0] != null) {
            throw new ParseException(problem[0], position);
        }
        tokenPooled = pooled[0];
    }

    /** A '-' begins a negative literal only where an operand is expected. */
    private boolean previousAllowsSignedLiteral() {
        return kind == null || switch (kind) {
            case PLUS, MINUS, TIMES, DIVIDE, POWER, LPAREN, COMMA -> true;
            default -> false;
        };
    }

    private boolean powerFollows(int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return text.startsWith("**", i) || text.startsWith("^", i);
    }

    private static String describe(char c) {
        if (c >= 32 && c < 127) {
            return "'" + c + "'";
        }
        return String.format("U+%04X", (int) c);
    }
}

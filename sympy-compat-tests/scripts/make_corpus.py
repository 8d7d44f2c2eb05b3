#!/usr/bin/env python3
"""Generates the SymPy golden corpora of sympy-compat-tests.

Two TSV files are written:

* random.tsv: seeded random expressions, sampled as in Lample & Charton (2019), "Deep learning
  for symbolic mathematics": a tree shape drawn uniformly among the unary-binary trees with n
  internal nodes, then weighted operators and leaves. Rows are grouped in buckets of prefix length.
* identities.tsv: the hand-written textbook identities and physics formulas of identities.txt.

Each row holds the input (SimpliJ prefix tokens and SymPy-syntax infix), what sympy.simplify makes
of it (converted back to SimpliJ prefix tokens when SimpliJ can express it), the lengths in tokens,
a status and SymPy's wall time. SymPy runs in a worker process that is killed when one expression
takes longer than the time-out.

Every result is checked numerically at seeded random points: SymPy's result against the input where
the input is real and finite (status sympy_mismatch when they differ), and the emitted prefix,
read back into SymPy, against SymPy's result (a converter bug makes the row an error).

Only the sympy_us column depends on the machine; everything else is a function of the seed and the
SymPy version. Run with no arguments to regenerate the committed files.
"""

import argparse
import json
import math
import os
import random
import re
import select
import statistics
import subprocess
import sys
import time
from decimal import Decimal

SCRIPT = os.path.abspath(__file__)
SCRIPTS_DIR = os.path.dirname(SCRIPT)
MODULE_DIR = os.path.dirname(SCRIPTS_DIR)
REPO_DIR = os.path.dirname(MODULE_DIR)
DEFAULT_OUT = os.path.join(MODULE_DIR, "src", "test", "resources", "corpus")
DEFAULT_IDENTITIES = os.path.join(SCRIPTS_DIR, "identities.txt")
DEFAULT_SEED = 20261123
DEFAULT_PER_BUCKET = 200
DEFAULT_TIMEOUT = 5.0

COLUMNS = ("id", "bucket", "input_prefix", "input_infix", "input_len",
           "sympy_prefix", "sympy_infix", "sympy_len", "sympy_status", "sympy_us")

# Buckets of input length in prefix tokens, inclusive.
BUCKETS = ((1, 10), (11, 20), (21, 30), (31, 45), (46, 60))

POINTS_PER_ROW = 20
UNSUPPORTED = "UNSUPPORTED"

# ---------------------------------------------------------------------------------------------
# Vocabulary: the SimpliJ operator table, as far as this script needs it.

BINARY = ("+", "-", "*", "/", "pow")
UNARY = ("neg", "inv", "abs", "pow2", "pow3", "pow4", "pow5", "pow1_2", "pow1_3", "pow1_4", "pow1_5",
         "exp", "log", "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh")
CONSTANTS = ("pi", "E")
ARITY = {**{op: 2 for op in BINARY}, **{op: 1 for op in UNARY}}
FUNCTIONS = ("exp", "log", "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh")

NUMBER_RE = re.compile(r"-?[0-9]+(\.[0-9]+)?\Z")
IDENT_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")

# Sampling weights (integers, so that sampling does not depend on floating-point rounding).
BINARY_WEIGHTS = (("+", 8), ("-", 5), ("*", 8), ("/", 5), ("pow", 2))
UNARY_WEIGHTS = (("pow2", 8), ("pow1_2", 6), ("exp", 6), ("log", 6), ("sin", 6), ("cos", 6),
                 ("neg", 5), ("inv", 5), ("pow3", 3), ("tan", 2), ("abs", 2), ("pow4", 1),
                 ("pow5", 1), ("pow1_3", 2), ("pow1_4", 1), ("pow1_5", 1), ("asin", 1), ("acos", 1),
                 ("atan", 2), ("sinh", 1), ("cosh", 1), ("tanh", 1))
LEAF_WEIGHTS = (("x1", 20), ("x2", 14), ("x3", 10),
                ("1", 6), ("2", 6), ("3", 4), ("4", 2), ("5", 2),
                ("-1", 4), ("-2", 3), ("-3", 2), ("-4", 1), ("-5", 1),
                ("0", 1), ("0.5", 3))
assert {op for op, _ in UNARY_WEIGHTS} == set(UNARY)
assert {op for op, _ in BINARY_WEIGHTS} == set(BINARY)


def is_number(token):
    return NUMBER_RE.match(token) is not None


def is_variable(token):
    return (IDENT_RE.match(token) is not None and token not in ARITY and token not in CONSTANTS)


# ---------------------------------------------------------------------------------------------
# Trees: a leaf is its token (str), an operator node is a tuple (op, child...).

def parse_prefix(tokens):
    """Reads a list of prefix tokens into a tree; raises ValueError on malformed input."""
    pos = 0

    def node():
        nonlocal pos
        if pos >= len(tokens):
            raise ValueError("prefix expression ends early: " + " ".join(tokens))
        tok = tokens[pos]
        pos += 1
        arity = ARITY.get(tok)
        if arity is None:
            if not (is_number(tok) or tok in CONSTANTS or is_variable(tok)):
                raise ValueError("unknown token %r in %s" % (tok, " ".join(tokens)))
            return tok
        return (tok,) + tuple(node() for _ in range(arity))

    tree = node()
    if pos != len(tokens):
        raise ValueError("trailing tokens in prefix expression: " + " ".join(tokens))
    return tree


def to_prefix(tree):
    out = []

    def walk(t):
        if isinstance(t, str):
            out.append(t)
        else:
            out.append(t[0])
            for c in t[1:]:
                walk(c)

    walk(tree)
    return out


def variables_of(tree):
    return sorted({tok for tok in to_prefix(tree) if is_variable(tok)})


def has_variable(tree):
    if isinstance(tree, str):
        return is_variable(tree)
    return any(has_variable(c) for c in tree[1:])


# ---------------------------------------------------------------------------------------------
# Evaluation with SimpliJ's real semantics. eval_double mirrors Operator.java (IEEE doubles, any
# non-finite intermediate is NaN = undefined); eval_mp is the same semantics in mpmath.

NAN = float("nan")


def _finite_or_nan(v):
    return v if math.isfinite(v) else NAN


def _real_pow(a, b):
    if math.isnan(b):
        return NAN  # Java's Math.pow(1, NaN) is NaN, C's pow(1, NaN) is 1
    if a < 0 and b != math.floor(b):
        return NAN
    if a == 0 and b < 0:
        return NAN
    try:
        return math.pow(a, b)
    except (OverflowError, ValueError):
        return NAN


def _guard(f):
    def g(a):
        try:
            return f(a)
        except (OverflowError, ValueError):
            return NAN
    return g


DOUBLE_UNARY = {
    "neg": lambda a: -a,
    "inv": lambda a: NAN if a == 0 else 1.0 / a,
    "abs": abs,
    "pow2": lambda a: a * a,
    "pow3": lambda a: a * a * a,
    "pow4": lambda a: (a * a) * (a * a),
    "pow5": lambda a: (a * a) * (a * a) * a,
    "pow1_2": lambda a: NAN if a < 0 else math.sqrt(a),
    "pow1_3": math.cbrt,
    "pow1_4": lambda a: NAN if a < 0 else math.sqrt(math.sqrt(a)),
    "pow1_5": lambda a: math.copysign(math.pow(abs(a), 0.2), a),
    "exp": _guard(math.exp),
    "log": lambda a: NAN if not a > 0 else math.log(a),
    "sin": _guard(math.sin), "cos": _guard(math.cos), "tan": _guard(math.tan),
    "asin": _guard(math.asin), "acos": _guard(math.acos), "atan": math.atan,
    "sinh": _guard(math.sinh), "cosh": _guard(math.cosh), "tanh": math.tanh,
}
DOUBLE_BINARY = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "/": lambda a, b: NAN if b == 0 else a / b,
    "pow": _real_pow,
}


def eval_double(tree, env):
    """Value at a point (dict variable -> float) as SimpliJ computes it; NaN where undefined."""
    if isinstance(tree, str):
        if tree in env:
            return env[tree]
        if tree == "pi":
            return math.pi
        if tree == "E":
            return math.e
        return float(tree)
    op = tree[0]
    if len(tree) == 2:
        a = eval_double(tree[1], env)
        if math.isnan(a):
            return NAN
        return _finite_or_nan(DOUBLE_UNARY[op](a))
    a = eval_double(tree[1], env)
    b = eval_double(tree[2], env)
    if op == "pow":
        # pow(NaN, 0) is 1 in Java, so NaN does not always propagate through pow.
        return _finite_or_nan(_real_pow(a, b))
    if math.isnan(a) or math.isnan(b):
        return NAN
    return _finite_or_nan(DOUBLE_BINARY[op](a, b))


# ---------------------------------------------------------------------------------------------
# Infix printing and parsing in the SymPy spellings SimpliJ uses.

SUM, PRODUCT, UNARY_MINUS, POWER, ATOM = 10, 20, 30, 40, 50
BINARY_INFIX = {"+": (" + ", SUM), "-": (" - ", SUM), "*": ("*", PRODUCT), "/": ("/", PRODUCT)}


def to_infix(tree):
    return _infix(tree)[0]


def _infix(t):
    """Returns (text, precedence)."""
    if isinstance(t, str):
        return t, (UNARY_MINUS if t.startswith("-") else ATOM)
    op = t[0]

    def operand(child, floor):
        text, prec = _infix(child)
        return "(" + text + ")" if prec < floor else text

    def right_operand(child, floor):
        # a - (-b), a*(-b): valid Python without parentheses, but easier on every reader with them
        text, prec = _infix(child)
        return "(" + text + ")" if prec < floor or text.startswith("-") else text

    if op in BINARY_INFIX:
        sep, prec = BINARY_INFIX[op]
        # left-associative: the left operand may have the same precedence, the right may not
        return operand(t[1], prec) + sep + right_operand(t[2], prec + 1), prec
    if op == "pow":
        return operand(t[1], ATOM) + "**" + right_operand(t[2], POWER), POWER
    if op == "neg":
        child = t[1]
        text, prec = _infix(child)
        if prec <= UNARY_MINUS or (isinstance(child, str) and is_number(child)):
            text = "(" + text + ")"  # -(3) is neg 3, while -3 is a literal
        return "-" + text, UNARY_MINUS
    if op == "inv":
        return "1/" + right_operand(t[1], POWER), PRODUCT
    if op in ("pow2", "pow3", "pow4", "pow5"):
        return operand(t[1], ATOM) + "**" + op[3], POWER
    if op == "pow1_4":
        return operand(t[1], ATOM) + "**(1/4)", POWER
    if op == "pow1_2":
        return "sqrt(" + to_infix(t[1]) + ")", ATOM
    if op in ("pow1_3", "pow1_5"):
        return "real_root(" + to_infix(t[1]) + ", " + op[5] + ")", ATOM
    if op == "abs":
        return "Abs(" + to_infix(t[1]) + ")", ATOM
    if op in FUNCTIONS:
        return op + "(" + to_infix(t[1]) + ")", ATOM
    raise ValueError("cannot print operator " + op)


INFIX_TOKEN_RE = re.compile(r"\s*(?:([0-9]+(?:\.[0-9]+)?)|([A-Za-z_][A-Za-z0-9_]*)|(\*\*|[-+*/^(),]))")
INFIX_FUNCTIONS = {"Abs": "abs", "sqrt": "pow1_2", **{f: f for f in FUNCTIONS}}


def parse_infix(text):
    """Reads SimpliJ's SymPy-syntax infix into a tree (the inverse of to_infix)."""
    tokens = []
    pos = 0
    text = text.strip()
    while pos < len(text):
        m = INFIX_TOKEN_RE.match(text, pos)
        if not m or m.end() == pos:
            raise ValueError("cannot read %r at column %d" % (text, pos))
        kind = "num" if m.group(1) else "name" if m.group(2) else "op"
        tokens.append((kind, m.group(1) or m.group(2) or m.group(3)))
        pos = m.end()
        while pos < len(text) and text[pos].isspace():
            pos += 1
    tokens.append(("end", ""))
    i = 0

    def peek(k=0):
        return tokens[min(i + k, len(tokens) - 1)]

    def take(expected=None):
        nonlocal i
        tok = tokens[i]
        if expected is not None and tok[1] != expected:
            raise ValueError("expected %r but found %r in %r" % (expected, tok[1], text))
        i += 1
        return tok

    def sum_():
        t = product()
        while peek()[1] in ("+", "-") and peek()[0] == "op":
            op = take()[1]
            t = (op, t, product())
        return t

    def product():
        t = unary()
        while peek()[1] in ("*", "/") and peek()[0] == "op":
            op = take()[1]
            r = unary()
            if op == "/" and t == "1" and not (isinstance(r, str) and is_number(r)):
                t = ("inv", r)
            else:
                t = (op, t, r)
        return t

    def unary():
        if peek() == ("op", "-"):
            take()
            if peek(0)[0] == "num" and peek(1)[1] not in ("**", "^"):
                return "-" + take()[1]
            return ("neg", unary())
        return power()

    def power():
        base = atom()
        if peek()[1] in ("**", "^") and peek()[0] == "op":
            take()
            exponent = unary()
            if exponent in ("2", "3", "4", "5"):
                return ("pow" + exponent, base)
            if exponent == ("/", "1", "4"):
                return ("pow1_4", base)
            return ("pow", base, exponent)
        return base

    def atom():
        kind, value = take()
        if kind == "num":
            return value
        if kind == "name":
            if peek()[1] == "(":
                take("(")
                arg = sum_()
                if value == "real_root":
                    take(",")
                    n = take()[1]
                    take(")")
                    if n not in ("3", "5"):
                        raise ValueError("real_root(a, %s) is not in the vocabulary: %r" % (n, text))
                    return ("pow1_" + n, arg)
                take(")")
                if value not in INFIX_FUNCTIONS:
                    raise ValueError("unknown function %s in %r" % (value, text))
                return (INFIX_FUNCTIONS[value], arg)
            if value in ARITY:
                raise ValueError("operator name %s used as a variable in %r" % (value, text))
            return value
        if value == "(":
            t = sum_()
            take(")")
            return t
        raise ValueError("unexpected %r in %r" % (value, text))

    tree = sum_()
    if peek()[0] != "end":
        raise ValueError("unexpected %r in %r" % (peek()[1], text))
    return tree


# ---------------------------------------------------------------------------------------------
# Random expressions (Lample & Charton 2019, appendix C).

class TreeSampler:
    """Samples unary-binary trees with n internal nodes uniformly among all such shapes.

    D[e][n] counts the ways to complete a partial tree that has e empty slots (future subtrees)
    with exactly n more operators: D[0][n] = 0 for n > 0, D[e][0] = 1 and
    D[e][n] = D[e-1][n] + D[e][n-1] + D[e+1][n-1] (the first slot becomes a leaf, a unary node or a
    binary node). Slots are filled in prefix order, so the tokens come out as a prefix expression.
    """

    def __init__(self, max_ops):
        self.max_ops = max_ops
        width = 2 * max_ops + 3
        d = [[0] * (max_ops + 1) for _ in range(width + 1)]
        for e in range(1, width + 1):
            d[e][0] = 1
        for n in range(1, max_ops + 1):
            for e in range(1, width - n + 1):
                d[e][n] = d[e - 1][n] + d[e][n - 1] + d[e + 1][n - 1]
        self.d = d

    def shape(self, rng, n_ops):
        """Returns the arities of the nodes in prefix order (0 = leaf)."""
        if not 0 <= n_ops <= self.max_ops:
            raise ValueError("n_ops must be in [0, %d]: %d" % (self.max_ops, n_ops))
        d = self.d
        arities = []
        e, n = 1, n_ops
        while n > 0:
            # P(skip k slots as leaves, then an operator of arity a) = D[e-k+a-1][n-1] / D[e][n]
            r = rng.randrange(d[e][n])
            chosen = None
            for k in range(e):
                for a in (1, 2):
                    w = d[e - k + a - 1][n - 1]
                    if r < w:
                        chosen = (k, a)
                        break
                    r -= w
                if chosen:
                    break
            assert chosen is not None, "D table is inconsistent"
            k, a = chosen
            arities.extend([0] * k)
            arities.append(a)
            e = e - k - 1 + a
            n -= 1
        arities.extend([0] * e)
        return arities


def weighted_choice(rng, weighted):
    total = sum(w for _, w in weighted)
    r = rng.randrange(total)
    for item, w in weighted:
        if r < w:
            return item
        r -= w
    raise AssertionError("unreachable")


def random_expression(rng, sampler, n_ops):
    tokens = []
    for arity in sampler.shape(rng, n_ops):
        if arity == 0:
            tokens.append(weighted_choice(rng, LEAF_WEIGHTS))
        elif arity == 1:
            tokens.append(weighted_choice(rng, UNARY_WEIGHTS))
        else:
            tokens.append(weighted_choice(rng, BINARY_WEIGHTS))
    return parse_prefix(tokens)


def sample_points(seed, tree, count=POINTS_PER_ROW):
    """Seeded points for one expression: half with all variables in (0, 3], half in [-3, 3]."""
    rng = random.Random("points|%d|%s" % (seed, " ".join(to_prefix(tree))))
    names = variables_of(tree)
    points = []
    for i in range(count):
        lo = 0.0 if i < count // 2 else -3.0
        points.append({v: round(rng.uniform(lo, 3.0), 6) or 0.25 for v in names})
    return points


def constants_are_tame(tree):
    """Rejects variable-free subtrees that are undefined or outside [1e-6, 1e6] in magnitude: they
    make SymPy compute huge exact integers (pow(5, pow5(pow5(3)))) or are undefined everywhere."""
    if isinstance(tree, str):
        return True
    if not all(constants_are_tame(c) for c in tree[1:]):
        return False
    if has_variable(tree):
        return True
    v = eval_double(tree, {})
    return not math.isnan(v) and (v == 0 or 1e-6 <= abs(v) <= 1e6)


def rejection_reason(tree, lo, hi, seed, seen):
    n = len(to_prefix(tree))
    if not lo <= n <= hi:
        return "length"
    if not has_variable(tree):
        return "constant"
    if parse_infix(to_infix(tree)) != tree:
        return "not canonical"  # e.g. pow x 2 prints as x**2, which reads back as pow2 x
    key = " ".join(to_prefix(tree))
    if key in seen:
        return "duplicate"
    if not constants_are_tame(tree):
        return "wild constant"
    if not any(not math.isnan(eval_double(tree, p)) for p in sample_points(seed, tree)):
        return "undefined"
    return None


def sample_bucket(seed, lo, hi, count, sampler, seen, log):
    """count distinct expressions of prefix length lo..hi, from the bucket's own random stream."""
    rng = random.Random("bucket|%d|%d-%d" % (seed, lo, hi))
    n_min, n_max = (lo - 1 + 1) // 2, hi - 1  # all binary: length 2n+1; all unary: n+1
    rejected = {}
    out = []
    while len(out) < count:
        tree = random_expression(rng, sampler, rng.randint(n_min, n_max))
        reason = rejection_reason(tree, lo, hi, seed, seen)
        if reason:
            rejected[reason] = rejected.get(reason, 0) + 1
            continue
        seen.add(" ".join(to_prefix(tree)))
        out.append(tree)
    log("bucket %d-%d: %d sampled, rejected %s" % (lo, hi, count, json.dumps(rejected, sort_keys=True)))
    return out


# ---------------------------------------------------------------------------------------------
# SymPy side. Everything below runs in the worker process (sympy is imported lazily there).

def sympy_module():
    import sympy
    return sympy


class Unsupported(Exception):
    """A SymPy expression that SimpliJ's vocabulary cannot express."""


def to_sympy(tree, symbols):
    """Builds the SymPy expression of a tree; symbols maps variable names to real Symbols."""
    sp = sympy_module()
    if isinstance(tree, str):
        if tree == "pi":
            return sp.pi
        if tree == "E":
            return sp.E
        if is_number(tree):
            # a decimal literal is the double nearest to it, as in SimpliJ (and as SymPy's Floats are)
            return sp.Float(float(tree)) if "." in tree else sp.Integer(int(tree))
        if tree not in symbols:
            symbols[tree] = sp.Symbol(tree, real=True)
        return symbols[tree]
    op = tree[0]
    args = [to_sympy(c, symbols) for c in tree[1:]]
    if op == "+":
        return args[0] + args[1]
    if op == "-":
        return args[0] - args[1]
    if op == "*":
        return args[0] * args[1]
    if op == "/":
        return args[0] / args[1]
    if op == "pow":
        return args[0] ** args[1]
    a = args[0]
    if op == "neg":
        return -a
    if op == "inv":
        return sp.Integer(1) / a
    if op == "abs":
        return sp.Abs(a)
    if op in ("pow2", "pow3", "pow4", "pow5"):
        return a ** sp.Integer(int(op[3]))
    if op == "pow1_2":
        return sp.sqrt(a)
    if op == "pow1_4":
        return a ** sp.Rational(1, 4)
    if op in ("pow1_3", "pow1_5"):
        return sp.real_root(a, int(op[5]))
    if op in FUNCTIONS:
        return getattr(sp, op)(a)
    raise ValueError("unknown operator " + op)


def float_literal(value):
    v = float(value)
    if not math.isfinite(v):
        raise Unsupported("non-finite float")
    if v == 0:
        return "0.0"
    text = repr(v)
    if "e" in text or "E" in text:
        text = format(Decimal(text), "f")
        if "." not in text:
            text += ".0"
    return text


class _RealRoot:
    """Marker for sign(b)*Abs(b)**(1/q), which is how SymPy spells real_root(b, q) for real b."""

    def __init__(self, base, q):
        self.base = base
        self.q = q


def from_sympy(e):
    """SimpliJ prefix tokens for a SymPy expression; raises Unsupported."""
    sp = sympy_module()
    if e.is_Symbol:
        if not is_variable(e.name):
            raise Unsupported("symbol " + e.name)
        return [e.name]
    if e is sp.pi:
        return ["pi"]
    if e is sp.E:
        return ["E"]
    if e.is_Number:
        if e.is_Integer:
            return [str(int(e))]
        if e.is_Rational:
            return ["/", str(e.p), str(e.q)]
        if e.is_Float:
            return [float_literal(e)]
        raise Unsupported(str(e))  # nan, oo, zoo
    if e.is_Add:
        return _from_add(e)
    if e.is_Mul:
        return _from_mul(e)
    if e.is_Pow:
        return _from_pow(e.base, e.exp)
    if len(e.args) != 1:
        raise Unsupported(type(e).__name__)
    name = type(e).__name__
    if name in FUNCTIONS:
        return [name] + from_sympy(e.args[0])
    if name == "Abs":
        # |b**r| = |b|**r for real r. Abs(sqrt(x1)/x2**(1/4)) is real for every x1, x2 != 0, but read
        # as abs(pow1_2 x1 ...) it would be undefined for x1 < 0 in SimpliJ.
        parts = sp.Mul.make_args(e.args[0])
        if any(_is_real_power(f) for f in parts):
            return from_sympy(sp.Mul(*[sp.Pow(sp.Abs(f.base), f.exp) if _is_real_power(f) else sp.Abs(f)
                                       for f in parts]))
    a = from_sympy(e.args[0])
    if name == "Abs":
        return ["abs"] + a
    reciprocal = {"sec": "cos", "csc": "sin", "cot": "tan", "sech": "cosh", "csch": "sinh", "coth": "tanh"}
    if name in reciprocal:
        return ["inv", reciprocal[name]] + a
    # inverse hyperbolics as logarithms; both sides are real on the same domain
    if name == "asinh":
        return ["log", "+"] + a + ["pow1_2", "+", "pow2"] + a + ["1"]
    if name == "acosh":
        return ["log", "+"] + a + ["pow1_2", "-", "pow2"] + a + ["1"]
    if name == "atanh":
        return ["/", "log", "/", "+", "1"] + a + ["-", "1"] + a + ["2"]
    raise Unsupported(name)


def _is_real_power(f):
    return f.is_Pow and f.exp.is_extended_real is True and f.exp.is_integer is not True


def _fold(op, parts):
    out = parts[0]
    for p in parts[1:]:
        out = [op] + out + p
    return out


def _from_add(e):
    sp = sympy_module()
    signed = []
    for term in e.as_ordered_terms():
        coeff, _ = term.as_coeff_Mul()
        if coeff.is_Number and coeff.is_extended_negative:
            signed.append((True, -term))
        else:
            signed.append((False, term))
    if signed[0][0]:
        # -a + b is `+ neg a b` but b - a is `- b a`: start with a positive term when there is one
        for i, (negative, _) in enumerate(signed):
            if not negative:
                signed.insert(0, signed.pop(i))
                break
    negative, first = signed[0]
    tokens = from_sympy(sp.Mul(-1, first) if negative else first)
    for negative, term in signed[1:]:
        tokens = ["-" if negative else "+"] + tokens + from_sympy(term)
    return tokens


def _fold_real_roots(factors):
    sp = sympy_module()
    factors = list(factors)
    for s in [f for f in factors if isinstance(f, sp.sign)]:
        b = s.args[0]
        for q in (3, 5):
            parts = list(sp.Mul.make_args(sp.Abs(b) ** sp.Rational(1, q)))
            remaining = [f for f in factors if f is not s]
            positions = []
            for p in parts:
                idx = next((i for i, f in enumerate(remaining) if i not in positions and f == p), None)
                if idx is None:
                    break
                positions.append(idx)
            else:
                at = min(positions)
                kept = [f for i, f in enumerate(remaining) if i not in positions or i == at]
                factors = [_RealRoot(b, q) if f is remaining[at] else f for f in kept]
                break
    return factors


def _from_factor(f):
    if isinstance(f, _RealRoot):
        return ["pow1_%d" % f.q] + from_sympy(f.base)
    return from_sympy(f)


def _from_mul(e):
    sp = sympy_module()
    coeff = sp.Integer(1)
    num, den = [], []
    for f in _fold_real_roots(e.as_ordered_factors()):
        if isinstance(f, _RealRoot):
            num.append(f)
        elif f.is_Number:
            coeff *= f
        elif f.is_Pow and f.exp.is_Number and f.exp.is_extended_negative:
            den.append(sp.Pow(f.base, -f.exp))
        else:
            num.append(f)
    if not coeff.is_extended_real or not coeff.is_finite:
        raise Unsupported("coefficient " + str(coeff))
    negative = bool(coeff < 0)
    coeff = -coeff if negative else coeff
    lead = []
    if coeff.is_Rational:
        if coeff.p != 1:
            lead = [sp.Integer(coeff.p)]
        if coeff.q != 1:
            den.insert(0, sp.Integer(coeff.q))
    elif coeff != 1:
        lead = [coeff]
    if negative and lead:
        lead = [-lead[0]]  # -3*x is `* -3 x`: a negative literal is one token
        negative = False
    num = lead + num
    if num and den:
        body = ["/"] + _fold("*", [_from_factor(f) for f in num]) + _fold("*", [from_sympy(f) for f in den])
    elif num:
        body = _fold("*", [_from_factor(f) for f in num])
    else:
        body = ["inv"] + _fold("*", [from_sympy(f) for f in den])
    return ["neg"] + body if negative else body


def _from_pow(b, x):
    base = from_sympy(b)
    if x.is_Integer:
        n = int(x)
        if 2 <= n <= 5:
            return ["pow%d" % n] + base
        if n == -1:
            return ["inv"] + base
        if -5 <= n <= -2:
            return ["inv", "pow%d" % -n] + base
        return ["pow"] + base + [str(n)]
    if x.is_Rational:
        p, q = x.p, x.q
        candidates = []
        # b**(p/q) == (b**(1/q))**p on SymPy's principal branch for every integer p, and SimpliJ's
        # real reading agrees wherever b**(1/q) is real. pow1_3/pow1_5 are real roots, so they
        # stand for b**(1/3) only where b >= 0.
        if q in (2, 4) or (q in (3, 5) and b.is_nonnegative):
            root = ["pow1_%d" % q] + base
            m = abs(p)
            r = root if m == 1 else (["pow%d" % m] + root if m <= 5 else ["pow"] + root + [str(m)])
            candidates.append(["inv"] + r if p < 0 else r)
        candidates.append(["pow"] + base + ["/", str(p), str(q)])
        return min(candidates, key=len)
    return ["pow"] + base + from_sympy(x)


# ---------------------------------------------------------------------------------------------
# Numerical checks (worker side).

CHECK_DPS = 30


class _EvalTimeout(BaseException):
    """Raised by SIGALRM inside evalf; a BaseException so that no `except Exception` swallows it."""


EVAL_TIMED_OUT = object()  # sentinel
EVAL_SECONDS = 5.0


def _on_alarm(signum, frame):
    raise _EvalTimeout()


def eval_sympy(expr, symbols, point):
    """Complex value (mpmath mpc) of a SymPy expression at a point, or None if it is not a finite
    number or evalf took longer than EVAL_SECONDS (sympy_worker.py uses this too)."""
    value = eval_sympy_timed(expr, symbols, point)
    return None if value is EVAL_TIMED_OUT else value


def eval_sympy_timed(expr, symbols, point):
    """As eval_sympy, but EVAL_TIMED_OUT when evalf was stopped (evalf of sin(huge**huge) can take
    hours)."""
    sp = sympy_module()
    import mpmath
    import signal
    subs = {symbols[name]: sp.Float(v, CHECK_DPS) for name, v in point.items() if name in symbols}
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, EVAL_SECONDS)
    try:
        v = expr.evalf(CHECK_DPS, subs=subs)
        if v.free_symbols or v.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
            return None
        re_part, im_part = v.as_real_imag()
        c = mpmath.mpc(mpmath.mpf(sp.Float(re_part, CHECK_DPS)._mpf_),
                       mpmath.mpf(sp.Float(im_part, CHECK_DPS)._mpf_))
    except _EvalTimeout:
        return EVAL_TIMED_OUT
    except Exception:  # evalf gives up in many ways; a point it cannot evaluate is not compared
        return None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    if not (mpmath.isfinite(c.real) and mpmath.isfinite(c.imag)):
        return None
    return c


def close(a, b, rel=1e-8):
    import mpmath
    scale = max(1, abs(a), abs(b))
    return mpmath.fabs(a - b) <= rel * scale


def is_real(c, rel=1e-8):
    return abs(c.imag) <= rel * max(1, abs(c.real))


def check_row(tree, expr, result, out_tree, symbols, points):
    """Counts, over the points where the input is real and finite in SimpliJ's semantics:
    compared (SymPy's reading of the input is real there too), sympy_wrong (SymPy's result differs),
    roundtrip_wrong (sympy_prefix read back differs from SymPy's result), simplij_undefined (SymPy is
    right but SimpliJ's reading of sympy_prefix is undefined), input_not_real and eval_timeout
    (points skipped). Points where the input is undefined are skipped: there SymPy may answer
    anything, and evaluating it may not end (the double overflowed, evalf does not)."""
    stats = {"compared": 0, "sympy_wrong": 0, "input_not_real": 0, "roundtrip_wrong": 0,
             "simplij_undefined": 0, "eval_timeout": 0}
    rt = to_sympy(out_tree, dict(symbols)) if out_tree is not None else None
    for point in points:
        if math.isnan(eval_double(tree, point)):
            continue
        ref = eval_sympy_timed(expr, symbols, point)
        res = eval_sympy_timed(result, symbols, point)
        back = eval_sympy_timed(rt, symbols, point) if rt is not None else None
        if any(v is EVAL_TIMED_OUT for v in (ref, res, back)):
            stats["eval_timeout"] += 1
            continue
        if rt is not None and ((back is None) != (res is None) or (back is not None and not close(back, res))):
            stats["roundtrip_wrong"] += 1
        if ref is None or not is_real(ref):
            # SimpliJ says real and finite, SymPy's own reading of the input does not: not comparable
            stats["input_not_real"] += 1
            continue
        stats["compared"] += 1
        if res is None or not is_real(res) or not close(ref.real, res.real):
            stats["sympy_wrong"] += 1
        elif out_tree is not None and math.isnan(eval_double(out_tree, point)):
            stats["simplij_undefined"] += 1
    return stats


def worker_main():
    """Reads one JSON request per line, answers with a 'simplified' line then a 'done' line."""
    sp = sympy_module()
    from sympy.core.cache import clear_cache

    def send(obj):
        sys.stdout.write(json.dumps(obj, sort_keys=True) + "\n")
        sys.stdout.flush()

    send({"phase": "ready"})
    for line in sys.stdin:
        req = json.loads(line)
        tree = parse_prefix(req["prefix"].split())
        symbols = {}
        try:
            expr = to_sympy(tree, symbols)
            clear_cache()  # results and times must not depend on what ran before
            t0 = time.perf_counter_ns()
            result = sp.simplify(expr)
            us = (time.perf_counter_ns() - t0) // 1000
        except Exception as ex:  # SymPy raises all kinds of things on odd input
            send({"phase": "done", "status": "error", "note": "%s: %s" % (type(ex).__name__, ex)})
            continue
        send({"phase": "simplified", "us": us})
        reply = {"phase": "done", "note": ""}
        try:
            parsed = sp.parse_expr(req["infix"], local_dict={**symbols, "real_root": sp.real_root})
            if parsed != expr:
                reply["note"] += "infix reads differently in SymPy: %s; " % parsed
            try:
                out = from_sympy(result)
                out_tree = parse_prefix(out)
                if parse_infix(to_infix(out_tree)) != out_tree:
                    raise AssertionError("emitted prefix is not canonical: " + " ".join(out))
                reply.update(status="ok", prefix=" ".join(out), infix=to_infix(out_tree), len=len(out))
            except Unsupported as u:
                out_tree = None
                reply.update(status="unsupported", prefix=UNSUPPORTED, infix=str(result),
                             note=reply["note"] + "unsupported: %s; " % u)
            points = [{k: float(v) for k, v in p.items()} for p in req["points"]]
            stats = check_row(tree, expr, result, out_tree, symbols, points)
            reply["stats"] = stats
            if stats["sympy_wrong"]:
                reply["note"] += "SymPy's result differs from the input at %d of %d points; " % (
                    stats["sympy_wrong"], stats["compared"])
                if reply["status"] == "ok":
                    reply["status"] = "sympy_mismatch"
            if stats["roundtrip_wrong"]:
                reply["note"] += "converter round trip differs at %d points; " % stats["roundtrip_wrong"]
                if reply["status"] == "ok":
                    reply["status"] = "error"  # a converter bug, unless SymPy's result is wrong anyway
            if stats["simplij_undefined"]:
                reply["note"] += "sympy_prefix undefined at %d points where input and SymPy agree; " % (
                    stats["simplij_undefined"])
        except Exception as ex:
            reply.update(status="error", note=reply["note"] + "%s: %s" % (type(ex).__name__, ex))
        send(reply)


# ---------------------------------------------------------------------------------------------
# Driver: runs the worker with a hard time-out per expression.

class Worker:
    def __init__(self, log):
        self.proc = None
        self.log = log
        self.starts = 0

    def _start(self):
        env = dict(os.environ, PYTHONHASHSEED="0")  # SymPy's internal set orders follow str hashes
        self.proc = subprocess.Popen([sys.executable, SCRIPT, "--worker"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, env=env)
        self.buffer = b""
        self.starts += 1
        msg = self._read(120)
        if not msg or msg.get("phase") != "ready":
            raise RuntimeError("SymPy worker did not start")

    def _read(self, timeout):
        """The next message, None after timeout seconds, or {"phase": "died"}. Reads the pipe
        unbuffered: a buffered reader could swallow two messages while select() waits for one."""
        deadline = time.monotonic() + timeout
        fd = self.proc.stdout.fileno()
        while b"\n" not in self.buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([fd], [], [], remaining)[0]:
                return None
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                return {"phase": "died"}
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return json.loads(line)

    def kill(self):
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
            self.proc = None

    def run(self, prefix, infix, points, timeout, check_timeout):
        if self.proc is None:
            self._start()
        t0 = time.perf_counter()
        request = json.dumps({"prefix": prefix, "infix": infix, "points": points}) + "\n"
        self.proc.stdin.write(request.encode("utf-8"))
        self.proc.stdin.flush()
        msg = self._read(timeout)
        if msg is None:
            elapsed = int((time.perf_counter() - t0) * 1e6)
            self.kill()
            return {"status": "timeout", "us": elapsed, "note": "killed after %.1f s" % timeout}
        if msg.get("phase") == "died":
            self.kill()
            return {"status": "error", "us": int((time.perf_counter() - t0) * 1e6), "note": "worker died"}
        if msg["phase"] == "done":  # simplify raised
            msg["us"] = int((time.perf_counter() - t0) * 1e6)
            return msg
        us = msg["us"]
        done = self._read(check_timeout)
        if done is None or done.get("phase") != "done":
            self.kill()
            return {"status": "error", "us": us, "note": "numerical check did not finish"}
        done["us"] = us
        return done


def make_row(row_id, bucket, tree, answer):
    prefix = to_prefix(tree)
    status = answer["status"]
    sympy_prefix = answer.get("prefix", "")
    sympy_len = str(answer["len"]) if status in ("ok", "sympy_mismatch") else ""
    return {"id": row_id, "bucket": bucket, "input_prefix": " ".join(prefix), "input_infix": to_infix(tree),
            "input_len": str(len(prefix)), "sympy_prefix": sympy_prefix if status != "error" else "",
            "sympy_infix": answer.get("infix", "") if status != "error" else "", "sympy_len": sympy_len,
            "sympy_status": status, "sympy_us": str(answer["us"])}


def write_tsv(path, comments, rows):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for c in comments:
            f.write("# " + c + "\n")
        f.write("\t".join(COLUMNS) + "\n")
        for row in rows:
            cells = [row[c] for c in COLUMNS]
            for cell in cells:
                if "\t" in cell or "\n" in cell:
                    raise ValueError("tab or newline in a cell of row %s" % row["id"])
            f.write("\t".join(cells) + "\n")


def read_identities(path):
    items = []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 2 or not IDENT_RE.match(parts[0]):
                raise ValueError("%s:%d: expected name<TAB>infix: %r" % (path, lineno, line))
            try:
                tree = parse_infix(parts[1])
            except ValueError as ex:
                raise ValueError("%s:%d: %s" % (path, lineno, ex)) from None
            items.append((parts[0], tree, lineno))
    names = [n for n, _, _ in items]
    if len(set(names)) != len(names):
        raise ValueError("%s: duplicate names" % path)
    return items


def command_line(args):
    cmd = ["python3", os.path.relpath(SCRIPT, REPO_DIR), "--seed", str(args.seed),
           "--per-bucket", str(args.per_bucket), "--timeout", "%g" % args.timeout]
    if os.path.abspath(args.out) != DEFAULT_OUT:
        cmd += ["--out", args.out]
    return " ".join(cmd)


def run_rows(worker, items, seed, args, log, label):
    """items: (row_id, bucket, tree). Returns rows and per-row answers."""
    rows, answers = [], []
    t_start = time.perf_counter()
    for i, (row_id, bucket, tree) in enumerate(items, 1):
        points = sample_points(seed, tree)
        answer = worker.run(" ".join(to_prefix(tree)), to_infix(tree), points, args.timeout, args.check_timeout)
        rows.append(make_row(row_id, bucket, tree, answer))
        answers.append(answer)
        if answer.get("note") and answer["status"] != "timeout":
            log("  %s [%s] %s" % (row_id, answer["status"], answer["note"]))
        if i % 25 == 0 or i == len(items):
            log("%s: %d/%d rows, %.0f s" % (label, i, len(items), time.perf_counter() - t_start))
    return rows, answers


def summarize(rows, answers, log):
    by_bucket = {}
    for row, ans in zip(rows, answers):
        by_bucket.setdefault(row["bucket"], []).append((row, ans))
    total_us = 0
    for bucket, pairs in by_bucket.items():
        statuses = {}
        for row, _ in pairs:
            statuses[row["sympy_status"]] = statuses.get(row["sympy_status"], 0) + 1
        times = [int(r["sympy_us"]) for r, _ in pairs]
        total_us += sum(times)
        stats = {}
        for _, ans in pairs:
            for k, v in ans.get("stats", {}).items():
                stats[k] = stats.get(k, 0) + v
        shorter = sum(1 for r, _ in pairs if r["sympy_len"] and int(r["sympy_len"]) < int(r["input_len"]))
        log("%-10s rows=%d %s sympy_s=%.1f median_ms=%.1f max_ms=%.0f shorter=%d checks=%s" % (
            bucket, len(pairs), json.dumps(statuses, sort_keys=True), sum(times) / 1e6,
            statistics.median(times) / 1e3, max(times) / 1e3, shorter, json.dumps(stats, sort_keys=True)))
    log("total SymPy time %.1f s" % (total_us / 1e6))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--per-bucket", type=int, default=DEFAULT_PER_BUCKET, help="rows per length bucket")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, help="seconds per sympy.simplify call")
    parser.add_argument("--check-timeout", type=float, default=60.0, help=argparse.SUPPRESS)
    parser.add_argument("--out", default=DEFAULT_OUT, help="directory for random.tsv and identities.tsv")
    parser.add_argument("--identities", default=DEFAULT_IDENTITIES, help=argparse.SUPPRESS)
    parser.add_argument("--only", choices=("random", "identities"), help="write only one of the files")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker_main()
        return

    def log(msg):
        print(msg, file=sys.stderr, flush=True)

    import mpmath
    import sympy
    versions = "sympy %s, mpmath %s, python %d.%d" % (sympy.__version__, mpmath.__version__,
                                                        sys.version_info[0], sys.version_info[1])
    header = ["Generated by: " + command_line(args),
              "seed %d; %s; symbols are real; simplify time-out %g s; sympy_us is machine-dependent wall time "
              "of simplify (for a timeout: until the kill)" % (args.seed, versions, args.timeout)]
    worker = Worker(log)
    try:
        if args.only in (None, "identities"):
            items = [(name, "identities", tree) for name, tree, _ in read_identities(args.identities)]
            for name, tree, lineno in read_identities(args.identities):
                if parse_infix(to_infix(tree)) != tree:
                    log("identities.txt:%d %s: prints as %s, which reads back differently" % (lineno, name, to_infix(tree)))
                if all(math.isnan(eval_double(tree, p)) for p in sample_points(args.seed, tree)):
                    log("identities.txt:%d %s: undefined at every sample point" % (lineno, name))
            rows, answers = run_rows(worker, items, args.seed, args, log, "identities")
            write_tsv(os.path.join(args.out, "identities.tsv"),
                      header + ["Inputs: sympy-compat-tests/scripts/identities.txt"], rows)
            summarize(rows, answers, log)
        if args.only in (None, "random"):
            sampler = TreeSampler(max(hi for _, hi in BUCKETS))
            seen = set()
            items = []
            for lo, hi in BUCKETS:
                bucket = "%02d-%02d" % (lo, hi)
                for tree in sample_bucket(args.seed, lo, hi, args.per_bucket, sampler, seen, log):
                    items.append(("r%04d" % (len(items) + 1), bucket, tree))
            rows, answers = run_rows(worker, items, args.seed, args, log, "random")
            write_tsv(os.path.join(args.out, "random.tsv"), header, rows)
            summarize(rows, answers, log)
        log("SymPy worker started %d times" % worker.starts)
    finally:
        worker.kill()


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""A long-lived SymPy process that the JVM side talks to over standard input and output.

One JSON object per line in, one per line out; every answer echoes the request's "id".

  {"op": "simplify", "id": 7, "prefix": "+ pow2 sin x1 pow2 cos x1", "timeout": 5}
      -> {"id": 7, "status": "ok", "us": 41250, "prefix": "1", "infix": "1", "len": 1, "note": ""}
     status is ok, timeout, unsupported (SymPy's result has no SimpliJ spelling) or error.
     "us" is the wall time of sympy.simplify alone, measured in this process, after clearing
     SymPy's cache so that a result does not depend on what ran before.
  {"op": "eval", "id": 8, "infix": "sqrt(x1)*x2", "points": [{"x1": 0.5, "x2": 2.0}]}
      -> {"id": 8, "status": "ok", "values": [1.41421356237310, null]}
     the value of the SimpliJ-printed infix as SymPy reads it, at each point; null where SymPy
     gives no finite real number, "timeout" where evalf did not finish (make_corpus.EVAL_SECONDS).
  {"op": "quit"}

The time-out is enforced in-process with SIGALRM; a simplify that does not come back to Python
code in time is the caller's to kill (the Java client kills and restarts this process).

The SymPy <-> SimpliJ conversions are those of make_corpus.py beside this file, so the benchmark
measures lengths exactly as the golden corpora do.
"""

import json
import math
import os
import signal
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import make_corpus as corpus  # noqa: E402  (needs the path above)


class SimplifyTimeout(BaseException):
    """Raised by the alarm; a BaseException so that SymPy's `except Exception` cannot swallow it."""


def _alarm(signum, frame):
    raise SimplifyTimeout()


def simplify(req):
    sp = corpus.sympy_module()
    from sympy.core.cache import clear_cache

    tree = corpus.parse_prefix(req["prefix"].split())
    symbols = {}
    expr = corpus.to_sympy(tree, symbols)
    timeout = float(req.get("timeout", corpus.DEFAULT_TIMEOUT))
    clear_cache()
    t0 = time.perf_counter_ns()
    try:
        signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            result = sp.simplify(expr)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except SimplifyTimeout:
        return {"status": "timeout", "us": (time.perf_counter_ns() - t0) // 1000, "note": "after %g s" % timeout}
    except Exception as ex:  # SymPy raises all kinds of things on odd input
        return {"status": "error", "us": (time.perf_counter_ns() - t0) // 1000,
                "note": "%s: %s" % (type(ex).__name__, ex)}
    us = (time.perf_counter_ns() - t0) // 1000
    try:
        out = corpus.from_sympy(result)
    except corpus.Unsupported as u:
        return {"status": "unsupported", "us": us, "infix": str(result), "note": str(u)}
    return {"status": "ok", "us": us, "prefix": " ".join(out), "infix": corpus.to_infix(corpus.parse_prefix(out)),
            "len": len(out), "note": ""}


def evaluate(req):
    sp = corpus.sympy_module()
    points = req["points"]
    names = sorted({name for p in points for name in p})
    symbols = {name: sp.Symbol(name, real=True) for name in names}
    expr = sp.parse_expr(req["infix"], local_dict={**symbols, "real_root": sp.real_root})
    values = []
    for point in points:
        c = corpus.eval_sympy(expr, symbols, point)
        if c is corpus.EVAL_TIMED_OUT:
            values.append("timeout")
        elif c is None or not corpus.is_real(c):
            values.append(None)
        else:
            v = float(c.real)
            values.append(v if math.isfinite(v) else None)
    return {"status": "ok", "values": values}


def main():
    signal.signal(signal.SIGALRM, _alarm)
    sp = corpus.sympy_module()

    def send(obj):
        sys.stdout.write(json.dumps(obj, sort_keys=True) + "\n")
        sys.stdout.flush()

    send({"id": None, "status": "ready", "sympy": sp.__version__,
          "python": "%d.%d.%d" % sys.version_info[:3]})
    for line in sys.stdin:
        if not line.strip():
            continue
        req = json.loads(line)
        op = req.get("op")
        if op == "quit":
            break
        try:
            if op == "simplify":
                reply = simplify(req)
            elif op == "eval":
                reply = evaluate(req)
            else:
                reply = {"status": "error", "note": "unknown op %r" % op}
        except SimplifyTimeout:  # an alarm that fired just after simplify returned
            reply = {"status": "error", "note": "late alarm"}
        except Exception as ex:
            reply = {"status": "error", "note": "%s: %s" % (type(ex).__name__, ex)}
        reply["id"] = req.get("id")
        send(reply)


if __name__ == "__main__":
    main()

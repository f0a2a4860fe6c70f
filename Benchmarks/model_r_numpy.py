#!/usr/bin/env python3
"""Model R (Benchmarks/README.md) in vectorised numpy, as a peer for `riskreg score`.

    python3 model_r_numpy.py N [--trials T] [--threads 2] [--seed 1] [--chunk-cells C] [--per-risk]

Trials are cut into chunks of about C trial x risk cells; each chunk draws from its own PCG64
stream (spawned from one SeedSequence, so the result does not depend on --threads) and is
processed on a pool of threads: numpy's generators and arithmetic release the GIL. Per chunk:
occurrence = U < p (one uniform per trial and risk); for the occurrences only, impact =
min + (max - min) * Beta(alpha, beta) with each risk's PERT shape (risks sharing a shape draw
together); the impacts are summed per trial (the totals, kept: 8 bytes a trial) and per risk
(for the per-risk means).

Prints one JSON line: trials, risks, mean, mean_se, sd, p50, p90, p95, p95_se, p99, the largest
relative error of the per-risk means against their exact values, seconds (compute only; the
process as a whole is timed by Benchmarks/compare). --per-risk adds the per-risk means.
"""
import argparse
import json
import os
import time
from concurrent.futures import ThreadPoolExecutor

import numpy as np


def model_r(n):
    """Likelihood, PERT min, mode and max of each of the n risks."""
    i = np.arange(n)
    p = 0.05 + 0.9 * ((37 * i) % 100) / 100
    low = 1000.0 * (1 + i % 7)
    return p, low, 2.5 * low, 10.0 * low


def pert_shape(low, mode, high):
    """Beta shape parameters of PERT(low, mode, high), with the usual lambda = 4."""
    span = high - low
    return 1 + 4 * (mode - low) / span, 1 + 4 * (high - mode) / span


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("risks", type=int)
    ap.add_argument("--trials", type=int, default=1_000_000)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--chunk-cells", type=int, default=1 << 20,
                    help="trial x risk cells per chunk (default 2^20: ~8 MB per float array)")
    ap.add_argument("--per-risk", action="store_true", help="print every per-risk mean too")
    args = ap.parse_args()

    start = time.perf_counter()
    n, t = args.risks, args.trials
    p, low, mode, high = model_r(n)
    alpha, beta = pert_shape(low, mode, high)
    span = high - low

    rows = max(1, args.chunk_cells // n)  # trials per chunk
    bounds = [(a, min(a + rows, t)) for a in range(0, t, rows)]
    streams = np.random.SeedSequence(args.seed).spawn(len(bounds))
    totals = np.empty(t)

    # Risks that share a PERT shape draw their betas together, with scalar parameters (numpy's
    # beta is about twice as fast so); model R has one shape, min_i only scales it.
    shapes = {}
    for j, key in enumerate(zip(alpha.tolist(), beta.tolist())):
        shapes.setdefault(key, []).append(j)
    groups = [(a_, b_, np.array(cols)) for (a_, b_), cols in shapes.items()]
    group_of = np.empty(n, dtype=np.intp)
    for g, (_, _, cols) in enumerate(groups):
        group_of[cols] = g

    def run(k):
        a, b = bounds[k]
        rng = np.random.Generator(np.random.PCG64(streams[k]))
        m = b - a
        occurs = rng.random((m, n)) < p                    # one uniform per trial and risk
        rows, cols = np.nonzero(occurs)                    # betas only for the risks that occur
        loss = np.empty(rows.size)
        if len(groups) == 1:
            loss[:] = rng.beta(groups[0][0], groups[0][1], size=rows.size)
        else:
            g = group_of[cols]
            for i, (a_, b_, _) in enumerate(groups):
                where = g == i
                loss[where] = rng.beta(a_, b_, size=int(where.sum()))
        loss *= span[cols]
        loss += low[cols]
        totals[a:b] = np.bincount(rows, weights=loss, minlength=m)
        return np.bincount(cols, weights=loss, minlength=n)

    with ThreadPoolExecutor(max_workers=args.threads) as pool:
        risk_sums = np.zeros(n)
        for part in pool.map(run, range(len(bounds))):
            risk_sums += part

    mean = totals.mean()
    sd = totals.std(ddof=1)
    probs = [0.5, 0.9, 0.95, 0.99]
    # The P95's standard error from the order statistics around it (binomial spread of the rank).
    h = np.sqrt(0.95 * 0.05 / t)
    q = np.quantile(totals, probs + [0.95 - h, 0.95 + h])
    risk_means = risk_sums / t
    exact = p * (low + 4 * mode + high) / 6
    seconds = time.perf_counter() - start

    out = {
        "trials": t, "risks": n, "threads": args.threads,
        "mean": mean, "mean_se": sd / np.sqrt(t), "sd": sd,
        "p50": q[0], "p90": q[1], "p95": q[2], "p95_se": (q[5] - q[4]) / 2, "p99": q[3],
        "exact_mean": exact.sum(),
        "risk_means_max_rel_err": float(np.max(np.abs(risk_means / exact - 1))),
        "seconds": round(seconds, 3),
    }
    out = {k: (float(v) if isinstance(v, np.floating) else v) for k, v in out.items()}
    if args.per_risk:
        out["risk_means"] = risk_means.tolist()
    print(json.dumps(out))


if __name__ == "__main__":
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    main()

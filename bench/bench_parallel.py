"""Training step with 1 thread, 2 threads and 'auto', on an idle machine and with one core kept busy.

    python bench/bench_parallel.py [--reps 7] [--steps 3]

BLAS runs single-threaded (as in the app). "busy" starts a second process that spins on one core for the
duration. Medians of interleaved repetitions; the ratio is time / one-thread time (below 1 is faster).
'auto' is measured after a warm-up of 60 steps, long enough for it to have chosen. Asserts nothing.
"""

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from threadpoolctl import threadpool_limits  # noqa: E402

from engine.deep_convnet import DeepConvNet  # noqa: E402
from engine.optimizer import Adam  # noqa: E402
from engine.parallel import DataParallel  # noqa: E402
from engine.simple_convnet import SimpleConvNet  # noqa: E402


def measure(make, reps, steps, warmup_auto=60):
    x = np.random.default_rng(0).random((100, 1, 28, 28), dtype=np.float32)
    t = np.arange(100) % 10
    steppers = {"1 thread": make(), "2 threads": DataParallel(make(), threads=2),
                "auto": DataParallel(make(), threads="auto")}
    opts = {k: Adam() for k in steppers}
    for _ in range(warmup_auto):
        opts["auto"].update(steppers["auto"].params, steppers["auto"].gradient(x, t))
    times = {k: [] for k in steppers}
    for _ in range(reps):
        for k, s in steppers.items():
            t0 = time.perf_counter()
            for _ in range(steps):
                opts[k].update(s.params, s.gradient(x, t))
            times[k].append(1000 * (time.perf_counter() - t0) / steps)
    return {k: statistics.median(v) for k, v in times.items()}, steppers["auto"].threads_in_use


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--reps", type=int, default=7)
    p.add_argument("--steps", type=int, default=3)
    args = p.parse_args()
    threadpool_limits(1, user_api="blas")
    for load in ("idle", "busy"):
        burner = None
        if load == "busy":
            burner = subprocess.Popen([sys.executable, "-c", "while True: pass"])
        try:
            nets = (("SimpleConvNet", lambda: SimpleConvNet(seed=0)), ("DeepConvNet", lambda: DeepConvNet(seed=0)))
            for name, make in nets:
                med, chosen = measure(make, args.reps, args.steps)
                one = med["1 thread"]
                row = "  ".join(f"{k} {v:6.1f} ms ({v / one:.2f})" for k, v in med.items())
                print(f"{load:4s} {name:13s} {row}   auto chose {chosen}")
        finally:
            if burner:
                burner.kill()


if __name__ == "__main__":
    main()

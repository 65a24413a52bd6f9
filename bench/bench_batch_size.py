"""Cost per image of one gradient step at batch 100 and at batch 1,000, whole and in sub-batches.

    python bench/bench_batch_size.py [--reps 5]

One BLAS thread (as in the app). "whole" sends the 1,000 images through the network at once;
"sub-batched" is the engine's DataParallel with its default pieces of at most 200 images. The
reference is the same network at batch 100 in the same run; medians of interleaved repetitions.
Asserts nothing.
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from threadpoolctl import threadpool_limits  # noqa: E402

from engine.deep_convnet import DeepConvNet  # noqa: E402
from engine.parallel import DataParallel  # noqa: E402
from engine.simple_convnet import SimpleConvNet  # noqa: E402


def per_image_ms(step, x, t):
    start = time.perf_counter()
    step(x, t)
    return (time.perf_counter() - start) / len(x) * 1e3


def measure(net, reps):
    rng = np.random.default_rng(0)
    small = rng.random((100, 1, 28, 28), dtype=np.float32), rng.integers(0, 10, 100)
    large = rng.random((1000, 1, 28, 28), dtype=np.float32), rng.integers(0, 10, 1000)
    whole = DataParallel(net, threads=1, sub_batch=10**9)
    pieces = DataParallel(net, threads=1)
    rows = {"batch 100": [], "batch 1,000 whole": [], "batch 1,000 sub-batched": []}
    net.gradient(*small)
    for _ in range(reps):
        rows["batch 100"].append(per_image_ms(net.gradient, *small))
        rows["batch 1,000 whole"].append(per_image_ms(whole.gradient, *large))
        rows["batch 1,000 sub-batched"].append(per_image_ms(pieces.gradient, *large))
    return {k: statistics.median(v) for k, v in rows.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=5)
    args = parser.parse_args()
    threadpool_limits(1)
    for name, net in (("SimpleConvNet", SimpleConvNet()), ("DeepConvNet", DeepConvNet())):
        result = measure(net, args.reps)
        base = result["batch 100"]
        print(f"{name}: ms per image (ratio to batch 100)")
        for row, value in result.items():
            print(f"  {row:<26} {value:7.4f}  {value / base:5.2f}")


if __name__ == "__main__":
    main()

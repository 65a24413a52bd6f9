"""Engine speed, side by side with references measured in the same run.

    python bench/bench_engine.py [--reps 7] [--steps 10] [--threads 1]

Prints medians over interleaved repetitions (ms per step / µs per image) and ratios for:
1. SimpleConvNet training step (batch 100, Adam): ours (float32) vs the book-style float64
   reference in bench/book_reference.py vs PyTorch CPU float32 (when torch is installed).
2. Single-image inference (1x1x28x28 -> probabilities).
3. The 5-layer MLP race step (784-100-100-100-100-10, batch 128, SGD/Momentum/AdaGrad/Adam
   each updating its own network on the same batch): engine.race (all four networks' layers as
   batched products, one flat parameter vector per network) against the book-style reference
   (gradient + update per network), the book's own loop (which also computes each network's
   loss after its update) and our MultiLayerNet stepped one network at a time.
``--threads`` sets BLAS threads (threadpoolctl) and torch's intra-op threads, the same for every
side (default 1: OpenBLAS's own default spins on a core another program keeps busy, which made a
step 10x slower here and the ratios meaningless). Asserts nothing about time.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import book_reference as book  # noqa: E402

from engine.multi_layer_net import MultiLayerNet  # noqa: E402
from engine.optimizer import SGD, AdaGrad, Adam, Momentum  # noqa: E402
from engine.race import OptimizerRace  # noqa: E402
from engine.simple_convnet import SimpleConvNet  # noqa: E402

try:
    import torch
except ImportError:  # the comparison is optional
    torch = None

try:
    from threadpoolctl import threadpool_info, threadpool_limits
except ImportError:
    threadpool_info = threadpool_limits = None


def timed(fn, steps):
    """Median seconds of ``steps`` calls."""
    times = []
    for _ in range(steps):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def compare(cases, reps, steps, warmup=3):
    """Interleave the cases rep by rep so drifting machine load hits them all alike."""
    for fn in cases.values():
        for _ in range(warmup):
            fn()
    results = {name: [] for name in cases}
    for _ in range(reps):
        for name, fn in cases.items():
            results[name].append(timed(fn, steps))
    return {name: statistics.median(v) for name, v in results.items()}


def torch_convnet():
    net = torch.nn.Sequential(
        torch.nn.Conv2d(1, 30, 5), torch.nn.ReLU(), torch.nn.MaxPool2d(2), torch.nn.Flatten(),
        torch.nn.Linear(4320, 100), torch.nn.ReLU(), torch.nn.Linear(100, 10),
    )
    return net


def bench_training(reps, steps, rng):
    x = rng.random((100, 1, 28, 28))
    t = rng.integers(0, 10, 100)
    ours, ours_opt = SimpleConvNet(seed=0), Adam()
    ref, ref_opt = book.SimpleConvNet(seed=0), book.Adam()
    x32 = x.astype(np.float32)
    cases = {
        "ours float32": lambda: ours_opt.update(ours.params, ours.gradient(x32, t)),
        "book-style float64": lambda: ref_opt.update(ref.params, ref.gradient(x, t)),
    }
    if torch is not None:
        tnet = torch_convnet()
        topt = torch.optim.Adam(tnet.parameters(), lr=1e-3)
        tx, tt = torch.from_numpy(x32), torch.from_numpy(t)
        lossf = torch.nn.CrossEntropyLoss()

        def torch_step():
            topt.zero_grad()
            lossf(tnet(tx), tt).backward()
            topt.step()

        cases["torch float32"] = torch_step
    return compare(cases, reps, steps)


def bench_inference(reps, steps, rng):
    x = rng.random((1, 1, 28, 28))
    ours = SimpleConvNet(seed=0)
    ref = book.SimpleConvNet(seed=0)
    x32 = x.astype(np.float32)
    cases = {
        "ours float32": lambda: ours.predict_proba(x32),
        "book-style float64": lambda: book.softmax(ref.predict(x)),
    }
    if torch is not None:
        tnet = torch_convnet().eval()
        tx = torch.from_numpy(x32)

        def torch_infer():
            with torch.no_grad():
                return torch.softmax(tnet(tx), dim=1).numpy()

        cases["torch float32"] = torch_infer
    return compare(cases, reps, steps * 20)


def bench_mlp_race(reps, steps, rng):
    x = rng.random((128, 784))
    t = rng.integers(0, 10, 128)
    x32 = x.astype(np.float32)
    sizes = (784, [100] * 4, 10)
    race = OptimizerRace({"SGD": SGD(0.01), "Momentum": Momentum(0.01), "AdaGrad": AdaGrad(0.01),
                          "Adam": Adam(0.001)}, *sizes, seed=0)
    separate = [(MultiLayerNet(*sizes, seed=i), opt) for i, opt in
                enumerate([SGD(0.01), Momentum(0.01), AdaGrad(0.01), Adam(0.001)])]
    ref = [(book.MultiLayerNet(*sizes, seed=i), opt) for i, opt in
           enumerate([book.SGD(0.01), book.Momentum(0.01), book.AdaGrad(0.01), book.Adam(0.001)])]

    def one_by_one(nets, xb):
        for net, opt in nets:
            opt.update(net.params, net.gradient(xb, t))

    def book_loop(nets, xb):  # ch06/optimizer_compare_mnist.py also records each loss after the update
        for net, opt in nets:
            opt.update(net.params, net.gradient(xb, t))
            net.loss(xb, t)

    lean = [(book.MultiLayerNet(*sizes, seed=i, weight_decay_lambda=None), opt) for i, opt in
            enumerate([book.SGD(0.01), book.Momentum(0.01), book.AdaGrad(0.01), book.Adam(0.001)])]
    return compare({"ours float32": lambda: race.step(x32, t),
                    "book-style float64": lambda: one_by_one(ref, x),
                    "book-style, no weight-decay lines": lambda: one_by_one(lean, x),
                    "book's loop float64": lambda: book_loop(ref, x),
                    "ours, nets one by one": lambda: one_by_one(separate, x32)}, reps, steps)


def report(title, result, unit, scale, target=None):
    print(f"\n{title}")
    base = result["ours float32"]
    for name, sec in result.items():
        ratio = "" if name == "ours float32" else f"  ours/{name.split()[0]} = {base / sec:.3f}  ({sec / base:.1f}x)"
        print(f"  {name:<34} {sec * scale:9.2f} {unit}{ratio}")
    if target:
        print(f"  target: {target}")


def describe_threads(threads):
    coretype = os.environ.get("OPENBLAS_CORETYPE")
    line = f"threads: {threads} (BLAS via threadpoolctl" + (", torch.set_num_threads)" if torch else ")")
    line += f"; OPENBLAS_CORETYPE={coretype}" if coretype else "; OPENBLAS_CORETYPE not set"
    print(line)
    if threadpool_info is not None:
        for lib in threadpool_info():
            version = f" {lib['version']}" if lib.get("version") else ""
            print(f"  {lib['internal_api']}{version} ({lib['user_api']}): {lib['num_threads']} threads, "
                  f"{Path(lib['filepath']).name}")
    else:
        print("  threadpoolctl not installed: BLAS threads left at their default")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--reps", type=int, default=7)
    p.add_argument("--steps", type=int, default=10)
    p.add_argument("--threads", type=int, default=1, help="BLAS and torch threads (default 1)")
    args = p.parse_args()
    limits = threadpool_limits(limits=args.threads) if threadpool_limits is not None else None
    if torch is not None:
        torch.set_num_threads(args.threads)
    try:
        run(args)
    finally:
        if limits is not None:
            limits.restore_original_limits()


def run(args):
    rng = np.random.default_rng(0)
    print(f"numpy {np.__version__}" + (f", torch {torch.__version__} ({torch.get_num_threads()} threads)" if torch else
                                        ", torch not installed"))
    describe_threads(args.threads)
    report("SimpleConvNet training step, batch 100, Adam", bench_training(args.reps, args.steps, rng), "ms", 1e3,
           ">= 15x faster than book-style float64; ours/torch <= 0.45 (#13)")
    inference = bench_inference(args.reps, args.steps, rng)
    report("Single-image inference 1x1x28x28 -> probabilities", inference, "µs", 1e6,
           ">= 8x faster than book-style float64 and >= 3x faster than torch (#13)")
    report("MLP race step (784-100x4-10, batch 128, 4 optimizers)", bench_mlp_race(args.reps, args.steps, rng),
           "ms", 1e3, ">= 3x faster than the book-style reference")


if __name__ == "__main__":
    main()

"""DeepConvNet speed, side by side with references measured in the same run.

    python bench/bench_deep.py [--reps 5] [--steps 3] [--threads 1]

The book's chapter 8 network (six 3x3 convolutions, three poolings, two affine layers, dropout)
on 1x28x28 images, three ways: ours (engine.deep_convnet.DeepConvNet, float32), the book-style
float64 reference in bench/book_reference.py, and PyTorch CPU float32 with the same layers and
the same starting weights (its rows are left out when torch is not installed).

1. Training step, batch 100, Adam lr 0.001 (ours: net.gradient + optimizer.update).
2. Inference on 1,000 images in batches of 100 (each side's accuracy loop; torch in eval mode
   under no_grad).
3. One 60,000-image epoch (600 steps) estimated from the median step.

The cases are interleaved repetition by repetition (``--steps`` training steps per repetition,
one 1,000-image pass), so drifting machine load hits them all alike; the table shows medians over
repetitions and the ratios of each repetition. ``--threads`` sets BLAS threads (threadpoolctl)
and torch's intra-op threads. Asserts nothing about time.
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import book_reference as book  # noqa: E402
from bench_engine import describe_threads, timed  # noqa: E402  (median seconds of a few calls)

from engine.deep_convnet import DeepConvNet  # noqa: E402
from engine.optimizer import Adam  # noqa: E402

try:
    import torch
except ImportError:  # the comparison is optional
    torch = None

try:
    from threadpoolctl import threadpool_info, threadpool_limits
except ImportError:
    threadpool_info = threadpool_limits = None

OURS, BOOK, TORCH = "ours float32", "book-style float64", "torch float32"
BATCH = 100
EPOCH_STEPS = 60_000 // BATCH


def compare(cases, reps, steps, warmup=2):
    """Per case, one median per repetition; the cases take turns within every repetition."""
    for fn in cases.values():
        for _ in range(warmup):
            fn()
    results = {name: [] for name in cases}
    for _ in range(reps):
        for name, fn in cases.items():
            results[name].append(timed(fn, steps))
    return results


def torch_deep_convnet(ours):
    """The same layers as ours, starting from our weights (torch's Linear keeps W transposed).

    torch's Dropout scales by 1 / (1 - p) while training instead of by (1 - p) at test time:
    the same work per step, so the timings compare."""
    nn = torch.nn
    layers = []
    for idx, cp in enumerate(ours.conv_params, start=1):
        W = ours.params[f"W{idx}"]
        conv = nn.Conv2d(W.shape[1], W.shape[0], W.shape[2], stride=cp["stride"], padding=cp["pad"])
        layers += [conv, nn.ReLU()]
        if idx % 2 == 0:
            layers.append(nn.MaxPool2d(2))
    layers += [nn.Flatten(), nn.Linear(*ours.params["W7"].shape), nn.ReLU(), nn.Dropout(ours.dropout_ratio),
               nn.Linear(*ours.params["W8"].shape), nn.Dropout(ours.dropout_ratio)]
    net = nn.Sequential(*layers)
    weighted = [m for m in net if isinstance(m, (nn.Conv2d, nn.Linear))]
    with torch.no_grad():
        for idx, m in enumerate(weighted, start=1):
            W = ours.params[f"W{idx}"]
            m.weight.copy_(torch.from_numpy(W.T.copy() if W.ndim == 2 else W))
            m.bias.copy_(torch.from_numpy(ours.params[f"b{idx}"]))
    return net


def networks():
    ours = DeepConvNet(seed=0)
    ref = book.DeepConvNet()
    ref.set_params(ours.params)
    tnet = torch_deep_convnet(ours) if torch is not None else None
    return ours, ref, tnet


def bench_training(reps, steps, rng):
    x = rng.random((BATCH, 1, 28, 28))
    t = rng.integers(0, 10, BATCH)
    x32 = x.astype(np.float32)
    ours, ref, tnet = networks()
    ours_opt, ref_opt = Adam(lr=0.001), book.Adam(lr=0.001)
    cases = {
        OURS: lambda: ours_opt.update(ours.params, ours.gradient(x32, t)),
        BOOK: lambda: ref_opt.update(ref.params, ref.gradient(x, t)),
    }
    if tnet is not None:
        tnet.train()
        topt = torch.optim.Adam(tnet.parameters(), lr=0.001)
        tx, tt = torch.from_numpy(x32), torch.from_numpy(t)
        lossf = torch.nn.CrossEntropyLoss()

        def torch_step():
            topt.zero_grad()
            lossf(tnet(tx), tt).backward()
            topt.step()

        cases[TORCH] = torch_step
    return compare(cases, reps, steps)


def bench_inference(reps, rng, n=1000):
    x = rng.random((n, 1, 28, 28))
    t = rng.integers(0, 10, n)
    x32 = x.astype(np.float32)
    ours, ref, tnet = networks()
    cases = {
        OURS: lambda: ours.accuracy(x32, t, batch_size=BATCH),
        BOOK: lambda: ref.accuracy(x, t, batch_size=BATCH),
    }
    if tnet is not None:
        tnet.eval()
        tx, tt = torch.from_numpy(x32), torch.from_numpy(t)

        def torch_accuracy():
            correct = 0
            with torch.no_grad():
                for i in range(0, n, BATCH):
                    correct += int((tnet(tx[i : i + BATCH]).argmax(dim=1) == tt[i : i + BATCH]).sum())
            return correct / n

        cases[TORCH] = torch_accuracy
    return compare(cases, reps, 1, warmup=1)


def per_rep_ratios(results, num, den):
    return [a / b for a, b in zip(results[num], results[den])]


def report(title, results, unit, scale, targets):
    """Medians, ratios of the medians, the ratios of every repetition, and the targets."""
    med = {name: statistics.median(v) for name, v in results.items()}
    print(f"\n{title}")
    for name, sec in med.items():
        print(f"  {name:<20} {sec * scale:10.1f} {unit}   (repetitions: "
              + " ".join(f"{s * scale:.0f}" for s in results[name]) + ")")
    ratios = {"book/ours": (BOOK, OURS), "ours/torch": (OURS, TORCH)}
    for label, (num, den) in ratios.items():
        if num in med and den in med:
            each = per_rep_ratios(results, num, den)
            print(f"  {label:<10} {med[num] / med[den]:6.2f} of the medians; per repetition: "
                  + " ".join(f"{r:.2f}" for r in each))
    for label, op, limit in targets:
        num, den = ratios[label]
        if num in med and den in med:
            value = med[num] / med[den]
            met = value >= limit if op == ">=" else value <= limit
            print(f"  target {label} {op} {limit}: {value:.2f}  {'met' if met else 'NOT met'}")
        else:
            print(f"  target {label} {op} {limit}: not measured (torch not installed)")
    return med


def report_epoch(step_med, infer_med):
    print(f"\nOne 60,000-image epoch ({EPOCH_STEPS} steps of {BATCH}) estimated from the median step")
    for name, sec in step_med.items():
        steps = EPOCH_STEPS * sec
        test = 10 * infer_med[name]  # plus the 10,000 test images a trainer evaluates per epoch
        print(f"  {name:<20} {steps:6.0f} s = {steps / 60:4.1f} min; with a 10,000-image evaluation "
              f"{(steps + test) / 60:4.1f} min")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--reps", type=int, default=5, help="interleaved repetitions (default 5)")
    p.add_argument("--steps", type=int, default=3, help="training steps timed per repetition (default 3)")
    p.add_argument("--threads", type=int, default=1, help="BLAS and torch threads (default 1)")
    args = p.parse_args()
    limits = threadpool_limits(limits=args.threads) if threadpool_limits is not None else None
    if torch is not None:
        torch.set_num_threads(args.threads)
    try:
        print(f"numpy {np.__version__}" + (f", torch {torch.__version__} ({torch.get_num_threads()} threads)"
                                            if torch else ", torch not installed"))
        describe_threads(args.threads)
        rng = np.random.default_rng(0)
        t0 = time.perf_counter()
        step = report(f"DeepConvNet training step, batch {BATCH}, Adam lr 0.001", bench_training(args.reps, args.steps,
                      rng), "ms", 1e3, [("book/ours", ">=", 10), ("ours/torch", "<=", 0.8)])
        infer = report("DeepConvNet inference, 1,000 images in batches of 100", bench_inference(args.reps, rng),
                       "ms", 1e3, [("book/ours", ">=", 10)])
        report_epoch(step, infer)
        print(f"\n(bench took {time.perf_counter() - t0:.0f} s)")
    finally:
        if limits is not None:
            limits.restore_original_limits()


if __name__ == "__main__":
    main()

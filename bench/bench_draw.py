"""Draw & Classify: how fast a drawing is read, and how well the shipped network reads it.

    python bench/bench_draw.py [--data DIR]

1. Median time of preprocess + predict for a 280x280 canvas, next to predict alone and the
   book-style float64 reference's predict of the same 28x28 image.
2. Shipped network's accuracy on the MNIST test set as is, and after passing every test digit
   through the panel's own preprocessing (re-cropped, re-scaled, re-centred).
3. Digits drawn programmatically as strokes (a vertical stroke, a loop, a seven).
Asserts nothing.
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

from engine import pretrained  # noqa: E402
from engine.inference import read_digit  # noqa: E402
from engine.mnist import load_mnist  # noqa: E402
from engine.preprocess import mnist_style  # noqa: E402


def strokes(polylines, width=22, size=280):
    """Rasterise thick polylines (canvas pixel coordinates) into an ink image."""
    yy, xx = np.mgrid[0:size, 0:size] + 0.5
    ink = np.zeros((size, size))
    for line in polylines:
        pts = np.asarray(line, dtype=float)
        for (x0, y0), (x1, y1) in zip(pts[:-1], pts[1:]):
            dx, dy = x1 - x0, y1 - y0
            t = np.clip(((xx - x0) * dx + (yy - y0) * dy) / max(dx * dx + dy * dy, 1e-9), 0, 1)
            d = np.hypot(xx - (x0 + t * dx), yy - (y0 + t * dy))
            ink = np.maximum(ink, np.clip(width / 2 - d + 0.5, 0, 1))
    return ink


SHAPES = {
    1: [[(140, 50), (140, 230)]],
    0: [[(140 + 55 * np.sin(a), 140 - 85 * np.cos(a)) for a in np.linspace(0, 2 * np.pi, 60)]],
    7: [[(80, 60), (200, 60), (120, 230)]],
}


def median_us(fn, n=500):
    for _ in range(20):
        fn()
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1e6


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--data", default=str(Path(__file__).resolve().parents[2] / "shared" / "datasets" / "mnist"))
    args = p.parse_args()
    net = pretrained.load_simple_convnet()
    ref = book.SimpleConvNet()
    for k in ref.params:
        ref.params[k][...] = net.params[k]
    ink = strokes(SHAPES[7])
    image = mnist_style(ink)
    print("Timing (median of 500)")
    print(f"  preprocess + predict, 280x280 canvas : {median_us(lambda: read_digit(net, ink)):8.1f} µs")
    x32 = image[None, None]
    print(f"  predict only (ours, float32)          : {median_us(lambda: net.predict_proba(x32)):8.1f} µs")
    x64 = image[None, None].astype(np.float64)
    print(f"  predict only (book-style float64)     : {median_us(lambda: book.softmax(ref.predict(x64))):8.1f} µs")
    print("  target: preprocess + predict under 5 ms")

    _, (x, t) = load_mnist(flatten=False, data_dir=args.data)
    raw = net.accuracy(x, t)
    again = np.stack([mnist_style(img) for img in x[:, 0]])[:, None]
    re = net.accuracy(again, t)
    print("\nShipped network on the 10,000 MNIST test digits")
    print(f"  as stored                        : {100 * raw:.2f}%")
    print(f"  through the panel's preprocessing: {100 * re:.2f}%  (difference {100 * (re - raw):+.2f} points; "
          "target within 0.3)")

    print("\nDigits drawn as strokes")
    for label, shape in SHAPES.items():
        r = read_digit(net, strokes(shape))
        print(f"  drew a {label}: read as {r.answer} ({100 * r.confidence:.1f}%)")


if __name__ == "__main__":
    main()

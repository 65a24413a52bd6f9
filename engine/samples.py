"""A small fixed sample of MNIST test digits shipped in ``resources/`` for offline use.

``python -m engine.samples --data DIR`` rebuilds ``resources/mnist_samples.npz`` from the
MNIST test set: the first ``per_class`` test images of every digit, in test-set order.
MNIST: Y. LeCun, C. Cortes, C. J. C. Burges; CC BY-SA 3.0.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

from .mnist import load_idx_dataset
from .resource_files import resource_path
from .weights import save_npz

SAMPLES_FILE = resource_path("mnist_samples.npz")


def make_samples(data_dir: str | Path, per_class: int = 100) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(images uint8 (10*per_class, 28, 28), labels uint8, test-set indices)."""
    _, (x_test, t_test) = load_idx_dataset(data_dir)
    idx = np.concatenate([np.flatnonzero(t_test == d)[:per_class] for d in range(10)])
    idx.sort()
    return x_test[idx], t_test[idx], idx


def load_samples(path: str | Path = SAMPLES_FILE) -> tuple[np.ndarray, np.ndarray]:
    """The shipped digits: (images uint8 (K, 28, 28), labels (K,) int64)."""
    with np.load(path, allow_pickle=False) as data:
        return data["images"], data["labels"].astype(np.int64)


def main(argv=None):
    p = argparse.ArgumentParser(description="Rebuild the shipped MNIST sample from the test set.")
    p.add_argument("--data", required=True, help="folder with the MNIST IDX files")
    p.add_argument("--per-class", type=int, default=100)
    p.add_argument("--out", default=str(SAMPLES_FILE))
    args = p.parse_args(argv)
    images, labels, idx = make_samples(args.data, args.per_class)
    save_npz(args.out, {"images": images, "labels": labels, "test_index": idx.astype(np.int32)})
    print(f"wrote {len(images)} digits to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

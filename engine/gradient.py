"""Numerical gradients by central differences (the book's ``common/gradient.py``)."""

from collections.abc import Callable

import numpy as np


def numerical_gradient(f: Callable[[np.ndarray], float], x: np.ndarray, h: float = 1e-4) -> np.ndarray:
    """d f / d x by central differences, one element at a time.

    ``f`` is called with no meaningful argument (the book's convention: it reads ``x``
    through a closure), and ``x`` is perturbed in place and restored.
    x: any shape, float; returns an array of the same shape.
    """
    if not isinstance(x, np.ndarray) or x.dtype not in (np.float32, np.float64):
        kind = x.dtype if isinstance(x, np.ndarray) else type(x).__name__
        raise TypeError(f"numerical_gradient perturbs x in place and needs a float32 or float64 array, got {kind} "
                        "(an integer array cannot hold x + h; float16 rounds h = 1e-4 away)")
    grad = np.zeros_like(x, dtype=np.float64)
    it = np.nditer(x, flags=["multi_index"], op_flags=[["readwrite"]])
    while not it.finished:
        idx = it.multi_index
        original = x[idx]
        x[idx] = original + h
        fxh1 = float(f(x))
        x[idx] = original - h
        fxh2 = float(f(x))
        grad[idx] = (fxh1 - fxh2) / (2 * h)
        x[idx] = original
        it.iternext()
    return grad.astype(x.dtype, copy=False)

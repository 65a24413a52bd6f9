"""Activation and loss functions (the book's ``common/functions.py``).

All functions keep the dtype of their input: float32 in, float32 out.
"""

import numpy as np
from numpy.typing import ArrayLike


def identity_function(x: ArrayLike) -> ArrayLike:
    return x


def step_function(x: ArrayLike) -> np.ndarray:
    return np.asarray(x > 0, dtype=int)


def sigmoid(x: ArrayLike) -> np.ndarray:
    # 0.5 * (1 + tanh(x/2)) equals 1 / (1 + exp(-x)) but never overflows for large |x|.
    x = np.asarray(x)
    return 0.5 * (1.0 + np.tanh(0.5 * x))


def sigmoid_grad(x: ArrayLike) -> np.ndarray:
    s = sigmoid(x)
    return (1.0 - s) * s


def relu(x: ArrayLike) -> np.ndarray:
    return np.maximum(x, 0)


def relu_grad(x: ArrayLike) -> np.ndarray:
    """The book's derivative of ReLU: 1 where x >= 0 (it takes 1 as the subgradient at 0), else 0."""
    x = np.asarray(x)
    return (x >= 0).astype(x.dtype if x.dtype.kind == "f" else np.float64)


def softmax(x: ArrayLike) -> np.ndarray:
    """Softmax over the last axis; x: (N, K) or (K,)."""
    x = np.asarray(x)
    e = np.exp(x - x.max(axis=-1, keepdims=True))  # shifted: exp of large numbers would overflow
    e /= e.sum(axis=-1, keepdims=True)
    return e


def log_softmax(x: ArrayLike) -> np.ndarray:
    """log(softmax(x)) computed without taking the log of a rounded-to-zero probability."""
    x = np.asarray(x)
    shifted = x - np.max(x, axis=-1, keepdims=True)
    return shifted - np.log(np.sum(np.exp(shifted), axis=-1, keepdims=True))


def mean_squared_error(y: ArrayLike, t: ArrayLike) -> float:
    return 0.5 * np.sum((y - t) ** 2)


def _labels(t, y):
    """Class indices from either one-hot rows or indices; a label that is not a whole number from 0 to
    K-1 (-1 would index the last class, 3.7 would be read as 3) is a ValueError."""
    t = np.asarray(t)
    if t.size == y.size:
        return t.reshape(y.shape).argmax(axis=-1)
    if t.size != y.shape[0]:
        raise ValueError(f"{t.size} labels for {y.shape[0]} rows of scores")
    if t.dtype.kind not in "iu":
        if t.dtype.kind != "f" or not np.all(t == np.round(t)):
            raise ValueError(f"labels must be whole numbers (class indices) or one-hot rows, got {t.dtype}")
    if t.size and (t.min() < 0 or t.max() >= y.shape[-1]):
        bad = t.min() if t.min() < 0 else t.max()
        raise ValueError(f"label {bad:g} is not a class from 0 to {y.shape[-1] - 1}")
    return t.astype(np.intp, copy=False)


def cross_entropy_error(y: ArrayLike, t: ArrayLike) -> float:
    """The book's cross-entropy of probabilities y: (N, K) against labels or one-hot t.

    The book adds 1e-7 inside the log to avoid log(0); kept here for compatibility.
    ``softmax_cross_entropy`` below is the exact form used by ``SoftmaxWithLoss``.
    """
    y = np.asarray(y)
    if y.ndim == 1:
        y = y.reshape(1, -1)
        t = np.asarray(t).reshape(1, -1) if np.asarray(t).size == y.size else np.atleast_1d(t)
    labels = _labels(t, y)
    batch_size = y.shape[0]
    return -np.sum(np.log(y[np.arange(batch_size), labels] + 1e-7)) / batch_size


def softmax_cross_entropy(x: ArrayLike, t: ArrayLike) -> float:
    """Exact mean cross-entropy of softmax(x) against t, via log-softmax.

    This is precisely the function whose gradient is (softmax(x) - onehot(t)) / N, so
    numerical gradient checks against it are exact up to rounding.
    """
    x = np.asarray(x)
    if x.ndim == 1:
        x = x.reshape(1, -1)
    labels = _labels(t, x)
    logp = log_softmax(x)
    return -np.mean(logp[np.arange(x.shape[0]), labels])

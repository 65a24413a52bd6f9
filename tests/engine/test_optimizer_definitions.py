"""Every optimizer against its textbook formula, over several steps, on parameters of every kind the
engine meets: small and large (Adam's blocked path), contiguous and not, float32 and float64.

The reference updates below are the formulas of the book (chapter 6.1) and of the papers, written
out plainly with fresh arrays; the engine's updates are in place, blocked and fused. Several steps
with different random gradients make every term matter (a missing decay, the bias correction
lr_t against lr, the order of Nesterov's two moves)."""

import numpy as np
import pytest

from engine import optimizer as opt

EPS = 1e-7
STEPS = 6


def reference(name, hp, w, grads):
    """The parameter after len(grads) updates, by the definition, in float64."""
    w = np.array(w, dtype=np.float64)
    zeros = np.zeros_like(w)
    v, h, m = zeros.copy(), zeros.copy(), zeros.copy()
    for t, g in enumerate(grads, start=1):
        g = np.asarray(g, dtype=np.float64)
        if name == "sgd":
            w = w - hp["lr"] * g
        elif name == "momentum":
            v = hp["momentum"] * v - hp["lr"] * g
            w = w + v
        elif name == "nesterov":  # Sutskever et al.: W holds the look-ahead point
            mu = hp["momentum"]
            v_new = mu * v - hp["lr"] * g
            w = w + mu * mu * v - (1 + mu) * hp["lr"] * g
            v = v_new
        elif name == "adagrad":
            h = h + g * g
            w = w - hp["lr"] * g / (np.sqrt(h) + EPS)
        elif name == "rmsprop":
            h = hp["decay_rate"] * h + (1 - hp["decay_rate"]) * g * g
            w = w - hp["lr"] * g / (np.sqrt(h) + EPS)
        elif name == "adam":
            b1, b2 = hp["beta1"], hp["beta2"]
            m = b1 * m + (1 - b1) * g
            v = b2 * v + (1 - b2) * g * g
            lr_t = hp["lr"] * np.sqrt(1 - b2**t) / (1 - b1**t)
            w = w - lr_t * m / (np.sqrt(v) + EPS)
    return w


HYPER = {
    "sgd": {"lr": 0.1},
    "momentum": {"lr": 0.05, "momentum": 0.8},
    "nesterov": {"lr": 0.05, "momentum": 0.7},
    "adagrad": {"lr": 0.3},
    "rmsprop": {"lr": 0.02, "decay_rate": 0.9},
    "adam": {"lr": 0.01, "beta1": 0.8, "beta2": 0.95},
}


def parameters(dtype, rng):
    """A dict of parameters of several shapes and layouts, and where each came from."""
    square = rng.standard_normal((6, 5)).astype(dtype)
    wide = rng.standard_normal((4, 40)).astype(dtype)
    strided = wide[:, ::3]  # not contiguous: the update must reach the parent array
    return {"W": square, "b": rng.standard_normal(5).astype(dtype), "big": rng.standard_normal(50).astype(dtype),
            "view": strided}, wide


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
@pytest.mark.parametrize("name", list(HYPER))
def test_several_steps_follow_the_definition(name, dtype, monkeypatch):
    monkeypatch.setattr(opt, "BLOCK", 7)  # "big" (50 elements) goes through Adam's blocked path
    rng = np.random.default_rng(list(HYPER).index(name))
    params, parent = parameters(dtype, rng)
    start = {k: v.astype(np.float64) for k, v in params.items()}
    steps = [{k: rng.standard_normal(v.shape).astype(dtype) for k, v in params.items()} for _ in range(STEPS)]
    optimizer = opt.OPTIMIZERS[name](**HYPER[name])
    ids = {k: id(v) for k, v in params.items()}
    for grads in steps:
        optimizer.update(params, grads)
    tol = 1e-12 if dtype == np.float64 else 2e-5
    for key in params:
        expected = reference(name, HYPER[name], start[key], [g[key] for g in steps])
        np.testing.assert_allclose(params[key], expected, rtol=tol, atol=tol, err_msg=key)
        assert id(params[key]) == ids[key]  # updated in place, not rebound
    np.testing.assert_array_equal(parent[:, ::3], params["view"])  # the view's parent changed with it


def test_blocked_adam_covers_every_block_including_the_last_partial_one(monkeypatch):
    """50 elements in blocks of 7: seven whole blocks and one of 1; each element must move."""
    monkeypatch.setattr(opt, "BLOCK", 7)
    w = np.zeros(50)
    adam = opt.Adam(lr=0.1)
    adam.update({"w": w}, {"w": np.ones(50)})
    lr_t = 0.1 * np.sqrt(1 - 0.999) / (1 - 0.9)
    m, v = 0.1, 0.001  # (1 - beta1)·1 and (1 - beta2)·1²
    np.testing.assert_allclose(w, -lr_t * m / (np.sqrt(v) + EPS), rtol=1e-12)

"""An optimizer walking on a surface, step by step, with everything the lecture talks about.

The steps are the engine's own optimizers (``update(params, grads)`` on a {'x', 'y'} dict, as
the book's optimizer_compare_naive.py does); this module records what they did.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # annotations only
    from .optimizer import Optimizer
    from .surfaces import Surface

DIVERGE_LIMIT = 1e6  # |x| or |y| beyond this is far outside any view: the walk has blown up


@dataclass
class OptimizerPath:
    name: str
    positions: np.ndarray  # (K + 1, 2): start, then after each update
    losses: np.ndarray  # (K + 1,)
    gradients: np.ndarray  # (K, 2): the gradient used by update k
    states: list = field(default_factory=list)  # per update: {"v": (2,), "h": ..., "m": ..., "iter": ...}
    diverged_at: int | None = None  # the update after which the position was not finite or too far

    @property
    def steps(self) -> int:
        return len(self.gradients)


def run(optimizer: Optimizer, surface: Surface, start: tuple[float, float], iterations: int,
        limit: float | None = None, noise: float = 0.0, seed: int = 0) -> OptimizerPath:
    """Apply ``iterations`` updates of ``optimizer`` from ``start`` on ``surface``; stops on divergence.

    Diverged means a position that is not finite or beyond ``limit`` in |x| or |y| (default: 1000
    times the surface's view, at least DIVERGE_LIMIT / 1000) — far outside anything shown.
    ``noise`` > 0 adds Gaussian noise of that standard deviation to every gradient, as a mini-batch's
    gradient scatters around the true one; the same ``seed`` gives every optimizer the same noise. The
    path's ``gradients`` are the ones the optimizer was given.
    """
    rng = np.random.default_rng(seed)
    if limit is None:
        xmin, xmax, ymin, ymax = getattr(surface, "view", (-1, 1, -1, 1))
        limit = max(1000 * max(abs(xmin), abs(xmax), abs(ymin), abs(ymax)), DIVERGE_LIMIT / 1000)
    params = {"x": np.array([float(start[0])]), "y": np.array([float(start[1])])}
    positions = [(params["x"][0], params["y"][0])]
    losses = [float(surface.f(*positions[0]))]
    gradients, states = [], []
    diverged = None
    with np.errstate(all="ignore"):  # a blow-up is reported once, not as a flood of warnings
        for k in range(iterations):
            gx, gy = surface.grad(params["x"][0], params["y"][0])
            if noise:
                gx, gy = gx + noise * rng.standard_normal(), gy + noise * rng.standard_normal()
            grads = {"x": np.array([float(gx)]), "y": np.array([float(gy)])}
            optimizer.update(params, grads)
            x, y = float(params["x"][0]), float(params["y"][0])
            gradients.append((float(gx), float(gy)))
            states.append(snapshot(optimizer))
            positions.append((x, y))
            losses.append(float(surface.f(x, y)))
            if not (np.isfinite(x) and np.isfinite(y)) or max(abs(x), abs(y)) > limit:
                diverged = k + 1
                break
    return OptimizerPath(getattr(optimizer, "name", type(optimizer).__name__), np.array(positions),
                         np.array(losses), np.array(gradients).reshape(-1, 2), states, diverged)


def snapshot(optimizer: Optimizer) -> dict[str, np.ndarray]:
    """The optimizer's internal state as (x, y) pairs, copied."""
    x, y = optimizer.state("x"), optimizer.state("y")  # the optimizer's own reading of its state
    out = {attr: np.array([x[attr][0], y[attr][0]], dtype=float) for attr in x}
    if hasattr(optimizer, "iter"):
        out["iter"] = optimizer.iter
        out["lr_t"] = float(optimizer.lr_t)
    return out

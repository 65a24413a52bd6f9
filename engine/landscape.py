"""A real network's loss landscape with the optimizers' paths on it (after Li et al., "Visualizing the
Loss Landscape of Neural Nets", 2018).

SimpleConvNet has some 430,000 parameters; its loss is a surface over that many dimensions. A picture
can only show a 2-D slice of it: pick a centre θ* and two directions d1, d2, and draw

    L(α, β) = loss(θ* + α·d1 + β·d2)

on a grid of (α, β). Two choices of directions are offered, and the difference between them is the
lesson:

* **filter-normalised random directions** (Li et al. §4): Gaussian noise, each filter rescaled to the
  norm of the same filter in θ* (so a step of 1 changes every filter by about its own size), biases
  left out. They show the shape of the valley around θ*; but in 430,000 dimensions two random
  directions are almost perpendicular to any path, so the paths' projections hardly move.
* **the paths' own directions** (Li et al. §7): the two directions through θ* that fit the recorded
  points of all paths best (a principal component analysis of θ_t − θ*, without removing the mean, so
  the plane passes through θ*). The paths now lie nearly in the slice, and their share of it is
  measured.

A path's point θ_t appears on the slice at the (α, β) that best reproduce θ_t − θ* as α·d1 + β·d2
(least squares; for orthonormal directions simply the two dot products).

The paths: the optimizers train their own SimpleConvNet from the same initial weights on the same
mini-batches (the book's optimizer comparison, on the chapter 7 network), and every few updates a copy
of the parameters is kept.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import numpy as np

from .events import RaceStep
from .optimizer import Optimizer
from .protocols import Params
from .simple_convnet import SimpleConvNet

BOOK_RATES = {"sgd": 0.01, "momentum": 0.01, "adagrad": 0.01, "adam": 0.001}  # optimizer_compare_mnist.py's
BIAS_KEYS = ("b1", "b2", "b3")  # left out of random directions (Li et al.: their directions are 0)


class Layout:
    """How a network's parameter arrays sit in one long vector: W1's numbers first, then b1, W2, ...
    A path's point is such a vector (433,890 numbers for SimpleConvNet), so the geometry below is
    plain vector algebra: dot products, lengths, a least-squares fit."""

    def __init__(self, params: Params):
        self.keys = list(params)
        self.shapes = {k: params[k].shape for k in self.keys}
        self.slices, end = {}, 0
        for k in self.keys:
            n = int(np.prod(self.shapes[k]))
            self.slices[k] = slice(end, end + n)
            end += n
        self.size = end

    def flatten(self, params: Params, dtype=np.float32) -> np.ndarray:
        out = np.empty(self.size, dtype=dtype)
        for k in self.keys:
            out[self.slices[k]] = params[k].ravel()
        return out

    def unflatten(self, vector: np.ndarray) -> Params:
        """The arrays as views into ``vector``."""
        return {k: vector[self.slices[k]].reshape(self.shapes[k]) for k in self.keys}

    def load(self, network, vector: np.ndarray) -> None:
        """Write ``vector``'s numbers into ``network``'s own parameter arrays (its layers hold them)."""
        for k, value in self.unflatten(vector).items():
            network.params[k][...] = value


@dataclass
class Paths:
    """The optimizers' recorded paths: row k of ``points[name]`` is the network's parameters (as one
    vector, see Layout) after ``iterations[k]`` updates, row 0 the shared start; ``batch_losses[name]``
    every update's mini-batch loss."""

    names: list[str]
    iterations: list[int]
    points: dict[str, np.ndarray]
    layout: Layout
    batch_losses: dict[str, list[float]] = field(default_factory=dict)


@dataclass(frozen=True)
class SliceRow:
    """Row ``row`` of ``rows`` of the grid is computed: the losses at β = betas[row] for every α."""

    row: int
    rows: int
    values: np.ndarray


@dataclass(frozen=True)
class Slice:
    """The loss on the grid: ``losses[j, i]`` is the loss at α = alphas[i], β = betas[j] (rows are β,
    as in an image); ``coords[name]`` each path point's (α, β); ``in_plane[name]`` the share of the
    path's squared distance from the centre that the slice holds (1: the path lies in it)."""

    kind: str
    alphas: np.ndarray
    betas: np.ndarray
    losses: np.ndarray
    coords: dict[str, np.ndarray]
    in_plane: dict[str, float]
    explained: tuple[float, float] | None = None  # for "paths": each direction's share of all points


# -- directions -------------------------------------------------------------------------------------------


def filter_normalised_direction(centre: Params, rng: np.random.Generator) -> Params:
    """A Gaussian direction with every filter rescaled to the norm of that filter in ``centre``.

    A filter is what one output unit owns: W1[f] for a convolution's filter f (FN, C, FH, FW), the column
    W[:, j] for an Affine layer's unit j (its weights are (in, out)). Biases get 0.
    """
    d = {}
    for key, w in centre.items():
        if key in BIAS_KEYS or w.ndim < 2:
            d[key] = np.zeros(w.shape)
            continue
        r = rng.standard_normal(w.shape)
        axes = tuple(range(1, w.ndim)) if w.ndim == 4 else (0,)  # conv: per filter; affine: per column
        r_norm = np.sqrt(np.sum(r * r, axis=axes, keepdims=True))
        w_norm = np.sqrt(np.sum(w.astype(np.float64) ** 2, axis=axes, keepdims=True))
        d[key] = r / np.where(r_norm > 0, r_norm, 1.0) * w_norm
    return d


def path_directions(centre: np.ndarray, points: np.ndarray) -> tuple[np.ndarray, np.ndarray, tuple[float, float]]:
    """The two orthonormal directions through ``centre`` that fit the rows of ``points`` best (least
    squares) and each one's share of Σ‖θ − θ*‖²: the two leading right singular vectors of D, the points
    minus the centre, found from D·Dᵀ (one row and column per point, not per parameter). D is kept in
    the points' dtype: 80 points of SimpleConvNet are 140 MB in float32."""
    deltas = points - centre.astype(points.dtype)
    gram = (deltas @ deltas.T).astype(np.float64)
    values, vectors = np.linalg.eigh(gram)
    order = np.argsort(values)[::-1]
    total = float(values.clip(min=0).sum())
    if len(points) < 2 or total <= 0 or values[order[1]] <= total * 1e-12:
        raise ValueError("the paths did not move in two independent directions: nothing to fit a plane to")
    d1, d2 = ((vectors[:, idx] / np.sqrt(values[idx])).astype(deltas.dtype) @ deltas for idx in order[:2])
    shares = (float(values[order[0]] / total), float(values[order[1]] / total))
    return d1.astype(np.float64), d2.astype(np.float64), shares


def project(deltas: np.ndarray, d1: np.ndarray, d2: np.ndarray) -> np.ndarray:
    """The (α, β) with α·d1 + β·d2 closest to each row of ``deltas`` (a 2-column least squares by its
    normal equations; d1 and d2 need not be orthogonal). One vector gives one (α, β)."""
    basis = np.stack([d1, d2]).astype(np.float64)
    g = basis @ basis.T
    rhs = np.asarray(deltas) @ basis.T.astype(np.asarray(deltas).dtype)
    return np.linalg.solve(g, rhs.astype(np.float64).T).T


def in_plane_share(deltas: np.ndarray, d1: np.ndarray, d2: np.ndarray) -> float:
    """Σ‖δ's projection on the plane‖² / Σ‖δ‖² over the rows δ of ``deltas`` (1: they lie in the plane)."""
    deltas = np.atleast_2d(deltas)
    total = float(np.einsum("ij,ij->", deltas, deltas, dtype=np.float64))
    if total <= 0:
        return 1.0
    basis = np.stack([d1, d2]).astype(np.float64)
    coords = project(deltas, d1, d2)
    kept = np.einsum("ri,ij,rj->", coords, basis @ basis.T, coords)  # ‖α·d1 + β·d2‖² summed over the rows
    return float(kept / total)


# -- the paths ---------------------------------------------------------------------------------------------


def iterate_paths(x_train: np.ndarray, t_train: np.ndarray, optimizers: dict[str, Optimizer], *,
                  iterations: int = 300, batch_size: int = 100, points: int = 20, seed: int = 0,
                  transform: Callable[[np.ndarray], np.ndarray] | None = None,
                  should_stop: Callable[[], bool] | None = None) -> Iterator[RaceStep]:
    """Train one SimpleConvNet per optimizer from the same initial weights (``seed``) on the same
    mini-batches; yields a RaceStep per update (``losses`` in the optimizers' order); returns the Paths
    with each network's parameters at the start and after every ``iterations/points`` updates (and the
    last). A stop keeps the points so far."""
    if iterations < 1 or points < 1 or batch_size < 1:
        raise ValueError("iterations, points and batch_size must be at least 1")
    names = list(optimizers)
    start = SimpleConvNet(seed=seed)
    layout = Layout(start.params)
    nets = {name: SimpleConvNet(seed=seed) for name in names}
    first = layout.flatten(start.params)
    for net in nets.values():  # the very same numbers (not just the same seed's) for everyone
        layout.load(net, first)
    record = sorted(set(np.linspace(0, iterations, min(points, iterations) + 1).round().astype(int).tolist()))
    kept = {name: np.empty((len(record), layout.size), dtype=np.float32) for name in names}
    for name in names:
        kept[name][0] = first
    taken = [0]
    losses_of = {name: [] for name in names}
    rng = np.random.default_rng(seed)
    transform = transform or (lambda a: a)
    done = 0
    for it in range(1, iterations + 1):
        if should_stop is not None and should_stop():
            break
        batch = rng.choice(len(x_train), batch_size)
        xb, tb = transform(x_train[batch]), t_train[batch]
        losses = []
        for name in names:
            net = nets[name]
            grads = net.gradient(xb, tb)
            losses.append(float(net.last_loss))
            optimizers[name].update(net.params, grads)
        for name, loss in zip(names, losses):
            losses_of[name].append(loss)
        done = it
        if it in record:
            for name in names:
                kept[name][len(taken)] = layout.flatten(nets[name].params)
            taken.append(it)
        yield RaceStep(it, iterations, np.array(losses))
    if taken[-1] != done:  # stopped between two records: the last point too
        for name in names:
            kept[name][len(taken)] = layout.flatten(nets[name].params)
        taken.append(done)
    points_of = {name: kept[name][: len(taken)] for name in names}
    return Paths(names, taken, points_of, layout, losses_of)


# -- the slice ---------------------------------------------------------------------------------------------


def grid_for(kind: str, coords: dict[str, np.ndarray], resolution: int, span: float = 1.0,
             margin: float = 0.15) -> tuple[np.ndarray, np.ndarray]:
    """The grid's α and β: [−span, span] for random directions (Li et al.'s units); for the paths'
    directions, each axis from the paths' smallest to largest coordinate with ``margin`` of that range
    added on both sides (and the centre always inside)."""
    if kind == "random":
        axis = np.linspace(-span, span, resolution)
        return axis, axis.copy()
    pts = np.concatenate(list(coords.values()) + [np.zeros((1, 2))])
    out = []
    for k in range(2):
        lo, hi = float(pts[:, k].min()), float(pts[:, k].max())
        pad = max((hi - lo) * margin, 1e-6)
        out.append(np.linspace(lo - pad, hi + pad, resolution))
    return out[0], out[1]


def iterate_slice(paths: Paths, x: np.ndarray, t: np.ndarray, *, kind: str = "paths", centre: str | None = None,
                  resolution: int = 15, span: float = 1.0, seed: int = 0,
                  should_stop: Callable[[], bool] | None = None) -> Iterator[SliceRow]:
    """The loss of SimpleConvNet on images ``x`` (labels ``t``) over a ``resolution``² grid of the slice
    through the last point of path ``centre`` (default: the last optimizer's, the book's Adam) with
    directions ``kind`` ("paths" or "random", the random ones drawn with ``seed``); yields a SliceRow per
    row of β; returns the Slice (None when stopped)."""
    if kind not in ("paths", "random"):
        raise ValueError(f"kind must be 'paths' or 'random', got {kind!r}")
    if resolution < 2:
        raise ValueError(f"resolution must be at least 2, got {resolution}")
    layout = paths.layout
    centre = centre or paths.names[-1]
    theta = paths.points[centre][-1]
    explained = None
    if kind == "random":
        rng = np.random.default_rng(seed)
        at = layout.unflatten(theta)
        d1 = layout.flatten(filter_normalised_direction(at, rng), np.float64)
        d2 = layout.flatten(filter_normalised_direction(at, rng), np.float64)
    else:
        d1, d2, explained = path_directions(theta, np.concatenate([paths.points[n] for n in paths.names]))
    coords, in_plane = {}, {}
    for name in paths.names:
        deltas = paths.points[name] - theta
        coords[name] = project(deltas, d1, d2)
        in_plane[name] = in_plane_share(deltas, d1, d2)
    alphas, betas = grid_for(kind, coords, resolution, span)
    net = SimpleConvNet(seed=0)
    losses = np.empty((len(betas), len(alphas)))
    for j, beta in enumerate(betas):
        if should_stop is not None and should_stop():
            return None
        for i, alpha in enumerate(alphas):
            layout.load(net, theta + alpha * d1 + beta * d2)  # in float64, stored in the net's float32
            losses[j, i] = net.loss(x, t)
        yield SliceRow(j, len(betas), losses[j].copy())
    return Slice(kind, alphas, betas, losses, coords, in_plane, explained)


def path_losses(paths: Paths, x: np.ndarray, t: np.ndarray) -> dict[str, np.ndarray]:
    """Each recorded point's loss on ``x``, ``t`` (the slice's images): the true height of the path,
    to compare with the slice's height under its projection."""
    net = SimpleConvNet(seed=0)
    out = {}
    for name in paths.names:
        values = []
        for point in paths.points[name]:
            paths.layout.load(net, point)
            values.append(float(net.loss(x, t)))
        out[name] = np.array(values)
    return out


def bilinear(alphas: np.ndarray, betas: np.ndarray, losses: np.ndarray, a, b) -> np.ndarray:
    """The grid's losses (``losses[j, i]`` at alphas[i], betas[j]) interpolated bilinearly at (a, b)
    (arrays of one shape; points outside the grid take its edge)."""
    a, b = np.broadcast_arrays(np.asarray(a, dtype=float), np.asarray(b, dtype=float))
    i = np.clip(np.searchsorted(alphas, a) - 1, 0, len(alphas) - 2)
    j = np.clip(np.searchsorted(betas, b) - 1, 0, len(betas) - 2)
    u = np.clip((a - alphas[i]) / (alphas[i + 1] - alphas[i]), 0.0, 1.0)
    v = np.clip((b - betas[j]) / (betas[j + 1] - betas[j]), 0.0, 1.0)
    return ((1 - u) * (1 - v) * losses[j, i] + u * (1 - v) * losses[j, i + 1]
            + (1 - u) * v * losses[j + 1, i] + u * v * losses[j + 1, i + 1])


def parameter_count(params: Params) -> int:
    """How many numbers a network has (the dimension its loss lives in)."""
    return Layout(params).size

"""Looking inside a trained network through its input: gradients, saliency, activation maximisation.

Every function takes a network with ``inspection_layers()`` (SimpleConvNet, DeepConvNet) and works
on the book's layer chain, so the same code serves both networks. The objective of a unit is its
value *before* the ReLU (a ``Conv*`` or ``Affine*`` output): a unit that is switched off still
tells which way to change the input.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import ArrayLike

from .functions import softmax
from .receptive_field import layer_geometry

if TYPE_CHECKING:  # annotations only
    from .image_network import ImageNetwork


def _chain_upto(net, layer):
    chain = net.inspection_layers()
    names = [name for name, _ in chain]
    if layer not in names:
        raise ValueError(f"no layer {layer!r}; the network has {', '.join(names)}")
    return chain[: names.index(layer) + 1]


def forward_to(net: ImageNetwork, x: ArrayLike, layer: str) -> np.ndarray:
    """The output of ``layer`` for images x: (N, C, H, W), through a fresh inspection chain."""
    h = net._as_input(x)
    for _, lay in _chain_upto(net, layer):
        h = lay.forward(h)
    return h


def input_gradient(net: ImageNetwork, x: ArrayLike, layer: str, weights: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """d(sum(weights * output of ``layer``)) / d(x) for x: (N, C, H, W).

    ``weights`` has the layer's output shape (or broadcasts to it): a one-hot array picks one
    unit, a channel's ones its mean map. Returns (values of the layer, gradient like x).
    """
    chain = _chain_upto(net, layer)
    h = net._as_input(x)
    for _, lay in chain:
        h = lay.forward(h)
    dout = np.broadcast_to(np.asarray(weights, dtype=h.dtype), h.shape).copy()
    for _, lay in reversed(chain):
        dout = lay.backward(dout)
    return h, dout


def unit_weights(shape: tuple[int, ...], channel: int, position: tuple[int, int] | None = None) -> np.ndarray:
    """One-hot weights over a batch's layer output ``shape`` (N, C, H, W) or (N, D) for ``channel``
    (a class or hidden unit for vectors); ``position`` (i, j) defaults to the map's centre."""
    w = np.zeros(shape, dtype=np.float32)
    if len(shape) == 2:
        w[:, channel] = 1.0
        return w
    i, j = position if position is not None else (shape[2] // 2, shape[3] // 2)
    w[:, channel, i, j] = 1.0
    return w


def score_layer(net: ImageNetwork) -> str:
    """The name of the layer holding the class scores before softmax (its last affine layer)."""
    names = [name for name, _ in net.inspection_layers() if name.startswith("Affine")]
    return names[-1]


def saliency(net: ImageNetwork, image: np.ndarray, cls: int | None = None) -> np.ndarray:
    """|d score_cls / d pixel| for one (C, H, W) or (H, W) image, as (H, W) scaled to max 1.

    ``cls`` defaults to the network's answer. (Simonyan et al. 2013, "vanilla" gradient.)"""
    x = np.asarray(image, dtype=net.dtype).reshape((1, *net.input_dim))
    layer = score_layer(net)
    scores = forward_to(net, x, layer)
    cls = int(np.argmax(scores[0])) if cls is None else int(cls)
    _, grad = input_gradient(net, x, layer, unit_weights(scores.shape, cls))
    s = np.abs(grad[0]).max(axis=0)
    top = s.max()
    return s / top if top > 0 else s


def occlusion(net: ImageNetwork, image: np.ndarray, cls: int | None = None, patch: int = 5,
              fill: float = 0.0) -> np.ndarray:
    """How much the probability of ``cls`` drops when a ``patch`` x ``patch`` square around each
    pixel is painted ``fill``: (H, W), positive where covering the pixel hurts the answer.
    (Zeiler & Fergus 2014.) One batch of H*W covered copies."""
    x = np.asarray(image, dtype=net.dtype).reshape(net.input_dim)
    C, H, W = x.shape
    base = net.predict_proba(x[None])[0]
    cls = int(np.argmax(base)) if cls is None else int(cls)
    half = patch // 2
    covered = np.repeat(x[None], H * W, axis=0)
    for i in range(H):
        for j in range(W):
            covered[i * W + j, :, max(i - half, 0) : i + half + 1, max(j - half, 0) : j + half + 1] = fill
    probs = np.concatenate([net.predict_proba(covered[k : k + 200]) for k in range(0, H * W, 200)])
    return (base[cls] - probs[:, cls]).reshape(H, W)


def _blur(x):
    """A 3x3 binomial blur ([1 2 1] / 4 each way) of x: (N, C, H, W), edges repeated."""
    p = np.pad(x, [(0, 0), (0, 0), (1, 1), (1, 1)], mode="edge")
    rows = 0.25 * p[:, :, :-2] + 0.5 * p[:, :, 1:-1] + 0.25 * p[:, :, 2:]
    return 0.25 * rows[..., :-2] + 0.5 * rows[..., 1:-1] + 0.25 * rows[..., 2:]


def maximize_activation(net, layer, channels, *, steps=150, lr=0.1, jitter=None, blur_every=4, decay=0.01,
                        seed=0, value_range=(0.0, 1.0), progress: Callable | None = None,
                        should_stop: Callable | None = None) -> tuple[np.ndarray, np.ndarray] | None:
    """Images that excite ``channels`` of ``layer`` most: gradient ascent on the input.

    One image per channel, optimised together as one batch, from seeded faint noise. The
    objective is the channel's centre unit (for a map) or the unit itself (for a vector), before
    the ReLU. Without help the ascent finds high-frequency patterns no eye reads; three usual
    regularisers keep the picture readable: each step looks at a randomly shifted copy
    (``jitter`` pixels; by default a sixth of the receptive field, at most 2), every ``blur_every``
    steps the image is blurred, and every step it decays towards the background (``decay``) and is
    clipped to ``value_range`` (MNIST: ink 0..1). Each step moves the most sensitive pixel by
    ``lr`` of the value range. An image whose unit gets no gradient at all (every path blocked
    by a ReLU) is shaken with fresh noise until one opens.

    Returns (images (K, C, H, W), activations (K,) of the final images). ``progress(done, steps)``
    is called every step; ``should_stop()`` ends early (returning None).
    """
    channels = np.atleast_1d(np.asarray(channels, dtype=int))
    if jitter is None:
        geometry = {g.name: g for g in layer_geometry(net.inspection_layers(), net.input_dim)}[layer]
        jitter = 2 if geometry.size is None else min(2, min(geometry.size) // 6)
    rng = np.random.default_rng(seed)
    K = channels.size
    lo, hi = value_range
    x = (lo + 0.1 * (hi - lo) * rng.random((K, *net.input_dim))).astype(net.dtype)
    out_shape = (K, *forward_to(net, x[:1], layer).shape[1:])
    weights = np.zeros(out_shape, dtype=np.float32)
    for k, c in enumerate(channels):
        weights[k] = unit_weights((1, *out_shape[1:]), int(c))[0]
    for step in range(steps):
        if should_stop is not None and should_stop():
            return None
        dy, dx = rng.integers(-jitter, jitter + 1, 2) if jitter else (0, 0)
        shifted = np.roll(x, (dy, dx), axis=(2, 3))
        _, grad = input_gradient(net, shifted, layer, weights)
        grad = np.roll(grad, (-dy, -dx), axis=(2, 3))
        scale = np.abs(grad).max(axis=(1, 2, 3), keepdims=True)
        # A unit whose every path is switched off by a ReLU gets no gradient: shake its image.
        dead = scale[:, 0, 0, 0] == 0
        if dead.any():
            x[dead] += (0.3 * (hi - lo) * rng.random(x[dead].shape)).astype(x.dtype)
        x += (lr * (hi - lo) / np.maximum(scale, 1e-12)) * grad  # same pace for every channel
        x *= 1.0 - decay
        if blur_every and (step + 1) % blur_every == 0:
            x = _blur(x).astype(net.dtype, copy=False)
        np.clip(x, lo, hi, out=x)
        if progress is not None:
            progress(step + 1, steps)
    values = (forward_to(net, x, layer) * weights).reshape(K, -1).sum(axis=1)
    return x, values


def conv_layers(net: ImageNetwork) -> list[str]:
    """Names of the convolution layers of the inspection chain, input to output."""
    return [g.name for g in layer_geometry(net.inspection_layers(), net.input_dim) if g.kind == "conv"]


@dataclass(frozen=True)
class ImageInspection:
    """One image seen by a network: every layer's output, the answer, and where it looked."""

    image: np.ndarray  # (H, W) the input
    activations: dict  # layer name -> (C, H, W) map or (D,) vector, in chain order
    probabilities: np.ndarray  # (K,)
    saliency: np.ndarray  # (H, W) |d score of the answer / d pixel|, scaled to max 1

    @property
    def answer(self) -> int:
        return int(np.argmax(self.probabilities))


def inspect_image(net, image) -> ImageInspection:
    """Every layer's output for one (H, W) or (C, H, W) image, the probabilities, and the saliency of
    the answer: one forward and one backward pass through the book's chain."""
    x = np.asarray(image, dtype=net.dtype).reshape((1, *net.input_dim))
    chain = net.inspection_layers()
    acts = {}
    h = x
    for name, layer in chain:
        h = layer.forward(h)
        acts[name] = h[0]
    scores = h
    answer = int(np.argmax(scores[0]))
    dout = np.zeros_like(scores)
    dout[0, answer] = 1.0
    for _, layer in reversed(chain):
        dout = layer.backward(dout)
    s = np.abs(dout[0]).max(axis=0)
    top = s.max()
    return ImageInspection(x[0, 0].copy(), acts, softmax(scores[0]), s / top if top > 0 else s)

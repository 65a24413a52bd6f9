"""What a channel responds to, measured on a data set: its top images and how alike they are.

For every convolution layer and channel we keep, per image, only the channel's strongest response
and where it was: O(images x channels) numbers instead of the maps themselves (the maps of
DeepConvNet over 10,000 test images would take about 1.5 GB). From those we pick each channel's
top images and crop them to the receptive field of the unit that fired.

"How abstract is a layer": the top images of a channel of the first layer share little but a
stroke direction, those of the last layer tend to be one digit. ``label_agreement`` measures it:
the share of a channel's top k images that carry the most common label among them, averaged over
the layer's channels (chance for k = 9 and ten balanced classes: about 0.29).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from math import factorial

import numpy as np
from numpy.typing import ArrayLike

from .receptive_field import layer_geometry


@dataclass(frozen=True)
class ChannelMaxima:
    """Per layer: ``values[layer]`` (N, C) strongest response of each channel to each image,
    ``positions[layer]`` (N, C, 2) its (row, col) in the layer's map."""

    layers: tuple
    values: dict
    positions: dict


def channel_maxima(net, images, layers=None, *, batch_size=100, transform=None,
                   progress: Callable | None = None, should_stop: Callable | None = None) -> ChannelMaxima | None:
    """Strongest response (before ReLU) and its position, per image and channel of each conv layer.

    images: (N, C, H, W) (or anything ``transform`` turns into that, batch by batch, e.g. uint8
    MNIST to float / 255). ``layers`` defaults to every convolution layer. ``progress(done, N)``
    after every batch; returns None if ``should_stop()`` says so.
    """
    chain = net.inspection_layers()
    geometry = layer_geometry(chain, net.input_dim)
    if layers is None:
        layers = [g.name for g in geometry if g.kind == "conv"]
    layers = tuple(layers)
    wanted = set(layers)
    last = max(i for i, (name, _) in enumerate(chain) if name in wanted)
    N = len(images)
    values = {name: None for name in layers}
    positions = {name: None for name in layers}
    for start in range(0, N, batch_size):
        if should_stop is not None and should_stop():
            return None
        xb = images[start : start + batch_size]
        h = net._as_input(transform(xb) if transform is not None else xb)
        for name, layer in chain[: last + 1]:
            h = layer.forward(h)
            if name not in wanted:
                continue
            n, c, hh, ww = h.shape
            flat = h.reshape(n, c, hh * ww)
            arg = flat.argmax(axis=2)
            if values[name] is None:
                values[name] = np.empty((N, c), dtype=h.dtype)
                positions[name] = np.empty((N, c, 2), dtype=np.int16)
            values[name][start : start + n] = np.take_along_axis(flat, arg[..., None], axis=2)[..., 0]
            positions[name][start : start + n, :, 0], positions[name][start : start + n, :, 1] = divmod(arg, ww)
        if progress is not None:
            progress(min(start + batch_size, N), N)
    return ChannelMaxima(layers, values, positions)


@dataclass(frozen=True)
class TopImages:
    """For one layer: ``index`` (C, k) of the top images per channel (strongest first), their
    ``values`` (C, k) and the unit ``positions`` (C, k, 2) that fired."""

    layer: str
    index: np.ndarray
    values: np.ndarray
    positions: np.ndarray


def top_images(maxima: ChannelMaxima, layer: str, k: int = 9) -> TopImages:
    """Each channel's k most exciting images of ``layer``; ties go to the earlier image."""
    v = maxima.values[layer]  # (N, C)
    k = min(k, v.shape[0])
    order = np.argsort(-v, axis=0, kind="stable")[:k].T  # (C, k)
    channels = np.arange(v.shape[1])[:, None]
    return TopImages(layer, order, v[order, channels], maxima.positions[layer][order, channels])


def crop(image: np.ndarray, box: tuple[int, int, int, int], fill: float = 0) -> np.ndarray:
    """image[top:bottom, left:right] of an (H, W) image, with ``fill`` where the box leaves it."""
    top, left, bottom, right = box
    H, W = image.shape
    out = np.full((bottom - top, right - left), fill, dtype=image.dtype)
    t, lft, b, r = max(top, 0), max(left, 0), min(bottom, H), min(right, W)
    if t < b and lft < r:
        out[t - top : b - top, lft - left : r - left] = image[t:b, lft:r]
    return out


def top_patches(net, top: TopImages, images: np.ndarray) -> np.ndarray:
    """The top images of every channel cropped to the receptive field of the unit that fired:
    (C, k, size, size) of the first channel of ``images`` (N, C, H, W) or (N, H, W)."""
    geometry = {g.name: g for g in layer_geometry(net.inspection_layers(), net.input_dim)}[top.layer]
    C, k = top.index.shape
    out = np.zeros((C, k, *geometry.size), dtype=np.asarray(images[:1]).dtype)
    for c in range(C):
        for r in range(k):
            img = np.asarray(images[top.index[c, r]])
            img = img.reshape(img.shape[-2:]) if img.ndim == 2 or img.shape[0] == 1 else img[0]
            i, j = top.positions[c, r]
            out[c, r] = crop(img, geometry.box(int(i), int(j)))
    return out


def label_agreement(labels_of_top: np.ndarray) -> float:
    """(C, k) labels of each channel's top images -> mean over channels of (count of the most
    common label) / k."""
    labels_of_top = np.asarray(labels_of_top)
    C, k = labels_of_top.shape
    counts = np.zeros((C, int(labels_of_top.max()) + 1), dtype=int)
    np.add.at(counts, (np.repeat(np.arange(C), k), labels_of_top.ravel()), 1)
    return float(counts.max(axis=1).mean() / k)


def chance_agreement(k: int = 9, class_probs: ArrayLike | None = None) -> float:
    """The expected ``label_agreement`` of k images drawn at random: E[max count] / k for a
    multinomial(k, p), exactly (p: class frequencies; default ten equal classes).

    P(max <= m) = k! [z^k] prod_c (sum_{j<=m} (p_c z)^j / j!), a product of truncated exponentials.
    """
    p = np.full(10, 0.1) if class_probs is None else np.asarray(class_probs, dtype=float)
    p = p / p.sum()
    cdf = []
    for m in range(k + 1):
        poly = np.zeros(k + 1)
        poly[0] = 1.0
        for pc in p:
            term = np.array([pc**j / factorial(j) if j <= m else 0.0 for j in range(k + 1)])
            poly = np.convolve(poly, term)[: k + 1]
        cdf.append(factorial(k) * poly[k])
    cdf = np.array(cdf)
    expected_max = sum(m * (cdf[m] - (cdf[m - 1] if m else 0.0)) for m in range(k + 1))
    return float(expected_max / k)


def layer_agreement(maxima: ChannelMaxima, labels: np.ndarray, k: int = 9) -> dict[str, float]:
    """{layer: label_agreement of its channels' top k images} for every layer in ``maxima``."""
    labels = np.asarray(labels)
    return {layer: label_agreement(labels[top_images(maxima, layer, k).index]) for layer in maxima.layers}

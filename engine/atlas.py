"""A network's feature atlas: for every convolution layer, what each channel responds to.

For each conv layer: every channel's 9 most exciting test images (with where the unit fired),
an activation-maximisation image per channel, and the layer's label agreement (how often a
channel's top images share one digit) next to the untrained network's and chance. Plus one
class-model image per output class. Everything the Layer Explorer shows beside the live maps.

Building one takes a pass over the test set and some gradient ascent (seconds to a minute), so
the shipped networks come with theirs precomputed (``python -m engine.atlas``) and others are
built in a worker and cached. Stored as .npz without pickles; images as uint8.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .features import ChannelMaxima, chance_agreement, channel_maxima, label_agreement, top_images
from .visualize import maximize_activation, score_layer
from .weights import WeightsFileError, save_npz

TOP_K = 9
FORMAT = 1


def fingerprint(net) -> str:
    """A short hash of a network's class and parameters: which weights an atlas belongs to."""
    h = hashlib.sha256(type(net).__name__.encode())
    for key in sorted(net.params):
        h.update(key.encode())
        h.update(np.ascontiguousarray(net.params[key], dtype=np.float32).tobytes())
    return h.hexdigest()[:16]


@dataclass
class LayerAtlas:
    """One conv layer: top images (C, k) as indices into ``Atlas.images``, their activations,
    the firing units' (row, col), the maximisation images (C, H, W) in 0..1."""

    name: str
    top_index: np.ndarray
    top_values: np.ndarray
    top_positions: np.ndarray
    maximized: np.ndarray | None = None


@dataclass
class Atlas:
    layers: dict = field(default_factory=dict)  # name -> LayerAtlas, input to output
    images: np.ndarray | None = None  # (M, H, W) uint8: the test images some channel ranks top
    labels: np.ndarray | None = None  # (M,)
    agreement: dict = field(default_factory=dict)  # layer -> label agreement, trained network
    agreement_untrained: dict = field(default_factory=dict)  # the same layers before training
    chance: float = 0.0
    classes: np.ndarray | None = None  # (K, H, W) in 0..1: one class-model image per output
    fingerprint: str = ""  # of the weights it describes

    def image(self, layer: str, channel: int, rank: int) -> np.ndarray:
        """The rank-th top test image of ``channel`` (H, W) uint8."""
        return self.images[self.layers[layer].top_index[channel, rank]]


def _agreements(maxima: ChannelMaxima, labels, k):
    return {name: label_agreement(labels[top_images(maxima, name, k).index]) for name in maxima.layers}


def build_atlas(net, images, labels, *, untrained=None, k=TOP_K, maximize_steps=150, seed=0,
                transform=None, progress: Callable | None = None,
                should_stop: Callable | None = None) -> Atlas | None:
    """The atlas of ``net`` over ``images`` (N, 1, H, W) (uint8 with ``transform``, or floats).

    ``untrained``: the same architecture before training, for the comparison curve (optional).
    ``progress(stage, done, total)`` with stage "scan", "untrained", "maximize" or "classes";
    returns None when ``should_stop()``.
    """
    labels = np.asarray(labels)

    def stage(name):
        return None if progress is None else (lambda d, n: progress(name, d, n))

    maxima = channel_maxima(net, images, transform=transform, progress=stage("scan"), should_stop=should_stop)
    if maxima is None:
        return None
    atlas = Atlas(chance=chance_agreement(k, np.bincount(labels, minlength=10) / len(labels)),
                  fingerprint=fingerprint(net))
    tops = {name: top_images(maxima, name, k) for name in maxima.layers}
    used = np.unique(np.concatenate([t.index.ravel() for t in tops.values()]))
    remap = np.full(len(images), -1, dtype=np.int32)
    remap[used] = np.arange(len(used))
    raw = np.asarray(images[used] if not isinstance(images, np.ndarray) else images[used])
    raw = raw.reshape(len(used), *raw.shape[-2:])
    atlas.images = raw if raw.dtype == np.uint8 else np.round(np.clip(raw, 0, 1) * 255).astype(np.uint8)
    atlas.labels = labels[used]
    atlas.agreement = _agreements(maxima, labels, k)
    for name, t in tops.items():
        atlas.layers[name] = LayerAtlas(name, remap[t.index], t.values.astype(np.float32),
                                        t.positions.astype(np.int16))
    if untrained is not None:
        m0 = channel_maxima(untrained, images, transform=transform, progress=stage("untrained"),
                            should_stop=should_stop)
        if m0 is None:
            return None
        atlas.agreement_untrained = _agreements(m0, labels, k)
    names = list(atlas.layers)
    total = sum(la.top_index.shape[0] for la in atlas.layers.values())
    done = 0
    for name in names:
        C = atlas.layers[name].top_index.shape[0]
        step_report = None if progress is None else (
            lambda d, n, before=done, C=C: progress("maximize", before + C * d // n, total))
        result = maximize_activation(net, name, np.arange(C), steps=maximize_steps, seed=seed,
                                     progress=step_report, should_stop=should_stop)
        if result is None:
            return None
        atlas.layers[name].maximized = result[0][:, 0]
        done += C
    result = maximize_activation(net, score_layer(net), np.arange(net.output_size), steps=2 * maximize_steps,
                                 seed=seed, progress=stage("classes"), should_stop=should_stop)
    if result is None:
        return None
    atlas.classes = result[0][:, 0]
    return atlas


def _u8(a):
    return np.round(np.clip(a, 0, 1) * 255).astype(np.uint8)


def save_atlas(path: str | Path, atlas: Atlas) -> None:
    names = list(atlas.layers)
    arrays = {
        "format": np.array(FORMAT), "layers": np.array(names), "images": atlas.images,
        "labels": atlas.labels.astype(np.int16), "chance": np.array(atlas.chance),
        "agreement": np.array([atlas.agreement[n] for n in names]),
        "agreement_untrained": np.array([atlas.agreement_untrained.get(n, np.nan) for n in names]),
        "classes": _u8(atlas.classes), "fingerprint": np.array(atlas.fingerprint),
    }
    for n, la in atlas.layers.items():
        arrays[f"top_index_{n}"] = la.top_index
        arrays[f"top_values_{n}"] = la.top_values
        arrays[f"top_positions_{n}"] = la.top_positions
        arrays[f"maximized_{n}"] = _u8(la.maximized)
    save_npz(path, arrays)


def load_atlas(path) -> Atlas:
    """Read an atlas written by ``save_atlas``; a malformed file raises WeightsFileError."""
    try:
        with np.load(path, allow_pickle=False) as data:
            if int(data["format"]) != FORMAT:
                raise WeightsFileError(f"{path}: atlas format {int(data['format'])}, expected {FORMAT}")
            names = [str(n) for n in data["layers"]]
            untrained = data["agreement_untrained"]
            atlas = Atlas(images=data["images"], labels=data["labels"].astype(np.int64),
                          chance=float(data["chance"]), classes=data["classes"] / 255.0,
                          agreement=dict(zip(names, map(float, data["agreement"]))),
                          agreement_untrained={n: float(v) for n, v in zip(names, untrained) if np.isfinite(v)},
                          fingerprint=str(data["fingerprint"]))
            for n in names:
                atlas.layers[n] = LayerAtlas(n, data[f"top_index_{n}"], data[f"top_values_{n}"],
                                             data[f"top_positions_{n}"], data[f"maximized_{n}"] / 255.0)
    except WeightsFileError:
        raise  # already says what is wrong (it is a ValueError too: not to be wrapped again)
    except (OSError, KeyError, ValueError, EOFError, zipfile.BadZipFile) as e:
        raise WeightsFileError(f"{path}: not a readable atlas ({e})") from None
    return atlas


def main(argv=None):
    from .deep_convnet import DeepConvNet  # the command line only: the module itself serves the app
    from .mnist import load_mnist
    from .simple_convnet import SimpleConvNet

    p = argparse.ArgumentParser(description="Build a network's feature atlas over the MNIST test set.")
    p.add_argument("--net", choices=("simple", "deep"), required=True)
    p.add_argument("--weights", required=True, help="trained weights (.npz or the book's .pkl)")
    p.add_argument("--initial", default=None, help="the untrained weights, for the comparison curve")
    p.add_argument("--data", default=None, help="folder with the MNIST IDX files")
    p.add_argument("--out", required=True)
    args = p.parse_args(argv)
    make = DeepConvNet if args.net == "deep" else SimpleConvNet
    net = make()
    net.load_params(args.weights)
    untrained = None
    if args.initial:
        untrained = make()
        untrained.load_params(args.initial)
    _, (x, t) = load_mnist(flatten=False, normalize=False, data_dir=args.data)

    last = [None]  # the line shown last

    def report(stage, done, total):  # a line each twentieth of the way, and the last; never one twice
        if (done == total or done % max(total // 20, 1) == 0) and last[0] != (stage, done):
            last[0] = (stage, done)
            sys.stderr.write(f"\r{stage}: {done}/{total}   ")

    atlas = build_atlas(net, x, t, untrained=untrained, transform=lambda b: b.astype(np.float32) / 255,
                        progress=report)
    save_atlas(args.out, atlas)
    sys.stderr.write("\n")
    agreement = " ".join(f"{n} {v:.2f}" for n, v in atlas.agreement.items())
    print(f"wrote {args.out}: label agreement {agreement} (chance {atlas.chance:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

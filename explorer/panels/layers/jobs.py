"""Background work of the Layer Explorer: which network, one image through it, and atlases."""

import copy
from dataclasses import dataclass

import numpy as np

from engine import mnist, pretrained
from engine.atlas import build_atlas, fingerprint, load_atlas, save_atlas
from engine.weights import WeightsFileError


@dataclass(frozen=True)
class ExploredNetwork:
    """A network as the Layer Explorer holds it: its own copy (workers compute on it, nothing else
    changes it), the untrained network for comparison, and the fingerprint its atlas carries."""

    net: object
    untrained: object | None
    key: str  # fingerprint of the weights

    def atlas_paths(self):
        """Where its atlas may be: shipped (the book's own weights, opened from a file, may be the
        shipped ones), else in the cache. Whose it is, the fingerprint inside says."""
        shipped = [pretrained.resource(kind, "_atlas.npz") for kind in ("deep", "simple")]
        return [p for p in shipped if p.exists()] + [atlas_cache_path(self.key)]


def atlas_cache_path(key):
    return mnist.cache_dir() / "atlas" / f"{key}.npz"


def shipped_network(kind):
    """The shipped SimpleConvNet or DeepConvNet (with its untrained start and atlas); raises
    WeightsFileError/OSError when the files are missing or broken."""
    net = pretrained.load_network(kind)
    try:
        untrained = pretrained.load_network(kind, initial=True)
    except (WeightsFileError, OSError):
        untrained = None
    return ExploredNetwork(net, untrained, fingerprint(net))


def explored(net, untrained=None):
    """Any network (trained in the Studio, opened from a file), copied for the workers. Without its
    own untrained start, a freshly initialised network of the same kind stands in for it."""
    net = copy.deepcopy(net)
    if untrained is None:
        untrained = type(net)(seed=0)
    return ExploredNetwork(net, untrained, fingerprint(net))


def network_job(key, current):
    """(key, ExploredNetwork, error) for 'deep' (the shipped DeepConvNet) or 'current' (``current``, the
    SimpleConvNet of Draw & Classify, or the shipped one when ``current`` is None). A missing or broken
    shipped DeepConvNet falls back to 'current' with the reason."""
    error = None
    if key == "deep":
        try:
            return key, shipped_network("deep"), None
        except (WeightsFileError, OSError) as e:
            key, error = "current", str(e)
    try:
        return key, (shipped_network("simple") if current is None else explored(current)), error
    except (WeightsFileError, OSError):
        return key, explored(pretrained.NETWORKS["simple"](seed=0)), error


def find_atlas_job(network: ExploredNetwork):
    """The first readable atlas of ``network`` that belongs to its weights, or None."""
    for path in network.atlas_paths():
        if path.exists():
            try:
                atlas = load_atlas(path)
            except WeightsFileError:
                continue
            if atlas.fingerprint == network.key:
                return atlas
    return None


def build_atlas_job(network: ExploredNetwork, data_dir, *, report, should_stop):
    """Scan the MNIST test set and maximise every channel; cache the result. None when stopped."""
    _, (x, t) = mnist.load_mnist(flatten=False, normalize=False, data_dir=data_dir, download=False)
    atlas = build_atlas(network.net, x, t, untrained=network.untrained,
                        transform=lambda b: b.astype(np.float32) / 255,
                        progress=lambda stage, done, total: report((stage, done, total)), should_stop=should_stop)
    if atlas is not None:
        save_atlas(atlas_cache_path(network.key), atlas)
    return atlas

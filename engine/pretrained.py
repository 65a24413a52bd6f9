"""The networks shipped in ``resources/`` (trained by ``python -m engine.train``) and their atlases.

SimpleConvNet (ch. 7) and DeepConvNet (ch. 8, ``--net deep``), each with its trained weights,
the untrained weights the run started from, JSON metadata, and a precomputed feature atlas
(``python -m engine.atlas``) for the Layer Explorer.
"""

import json
from enum import Enum
from pathlib import Path

import numpy as np

from .deep_convnet import DeepConvNet
from .image_network import ImageNetwork
from .resource_files import resource_path
from .simple_convnet import SimpleConvNet
from .weights import WeightsFileError, assign_params, load_params_file

WEIGHTS = resource_path("simple_convnet.npz")
INITIAL_WEIGHTS = resource_path("simple_convnet_init.npz")
METADATA = resource_path("simple_convnet.json")



class NetworkKind(str, Enum):
    """The two shipped networks. A str: "simple" and "deep" (settings, files, the command line) are the
    same values."""

    SIMPLE = "simple"
    DEEP = "deep"

    def __str__(self) -> str:  # "deep", not "NetworkKind.DEEP", wherever it is written out
        return self.value

    __format__ = str.__format__


NETWORKS = {NetworkKind.SIMPLE: SimpleConvNet, NetworkKind.DEEP: DeepConvNet}
FILES = {NetworkKind.SIMPLE: "simple_convnet", NetworkKind.DEEP: "deep_convnet"}


def resource(kind: str, suffix: str = ".npz") -> Path:
    """resources/<simple_convnet|deep_convnet><suffix>: '.npz', '_init.npz', '.json', '_atlas.npz'."""
    return resource_path(f"{FILES[kind]}{suffix}")


def load_network(kind: str = "simple", initial: bool = False) -> ImageNetwork:
    """The shipped SimpleConvNet (``kind='simple'``) or DeepConvNet (``'deep'``), trained or untrained."""
    net = NETWORKS[kind]()
    net.load_params(resource(kind, "_init.npz" if initial else ".npz"))
    return net


def load_simple_convnet(initial: bool = False) -> SimpleConvNet:
    """The book's SimpleConvNet with the shipped trained (or, initial=True, untrained) weights."""
    return load_network("simple", initial)


def load_deep_convnet(initial: bool = False) -> DeepConvNet:
    """The book's DeepConvNet with the shipped trained (or, initial=True, untrained) weights."""
    return load_network("deep", initial)


def metadata(kind: str = "simple") -> dict:
    """How the shipped weights were made (hyperparameters, accuracy, time), or {}."""
    try:
        return json.loads(resource(kind, ".json").read_text())
    except (OSError, ValueError):
        return {}


def network_kind(params: dict[str, np.ndarray]) -> NetworkKind:
    """'deep' or 'simple' from the parameter names of a loaded file (W8 only in DeepConvNet)."""
    if "W8" in params:
        return NetworkKind.DEEP
    if "W3" in params and "W4" not in params:
        return NetworkKind.SIMPLE
    raise WeightsFileError("neither SimpleConvNet (W1-W3, b1-b3) nor DeepConvNet (W1-W8, b1-b8) parameters")


def network_from_file(path: str | Path) -> ImageNetwork:
    """A SimpleConvNet or DeepConvNet with the weights of ``path`` (.npz or the book's .pkl),
    whichever the parameter names say. Raises WeightsFileError with the reason."""
    params = load_params_file(path)
    net = NETWORKS[network_kind(params)]()
    assign_params(net.params, params, source=Path(path).name)
    return net

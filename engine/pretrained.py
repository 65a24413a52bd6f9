"""The networks shipped in ``resources/`` (trained by ``python -m engine.train``) and their atlases.

SimpleConvNet (ch. 7) and DeepConvNet (ch. 8, ``--net deep``), each with its trained weights,
the untrained weights the run started from, JSON metadata, and a precomputed feature atlas
(``python -m engine.atlas``) for the Layer Explorer.
"""

import json
from pathlib import Path

from .deep_convnet import DeepConvNet
from .resource_files import resource_path
from .simple_convnet import SimpleConvNet
from .weights import WeightsFileError, assign_params, load_params_file

WEIGHTS = resource_path("simple_convnet.npz")
INITIAL_WEIGHTS = resource_path("simple_convnet_init.npz")
METADATA = resource_path("simple_convnet.json")

NETWORKS = {"simple": SimpleConvNet, "deep": DeepConvNet}
FILES = {"simple": "simple_convnet", "deep": "deep_convnet"}


def resource(kind, suffix=".npz"):
    """resources/<simple_convnet|deep_convnet><suffix>: '.npz', '_init.npz', '.json', '_atlas.npz'."""
    return resource_path(f"{FILES[kind]}{suffix}")


def load_network(kind="simple", initial=False):
    """The shipped SimpleConvNet (``kind='simple'``) or DeepConvNet (``'deep'``), trained or untrained."""
    net = NETWORKS[kind]()
    net.load_params(resource(kind, "_init.npz" if initial else ".npz"))
    return net


def load_simple_convnet(initial=False):
    """The book's SimpleConvNet with the shipped trained (or, initial=True, untrained) weights."""
    return load_network("simple", initial)


def load_deep_convnet(initial=False):
    """The book's DeepConvNet with the shipped trained (or, initial=True, untrained) weights."""
    return load_network("deep", initial)


def metadata(kind="simple"):
    """How the shipped weights were made (hyperparameters, accuracy, time), or {}."""
    try:
        return json.loads(resource(kind, ".json").read_text())
    except (OSError, ValueError):
        return {}


def network_kind(params):
    """'deep' or 'simple' from the parameter names of a loaded file (W8 only in DeepConvNet)."""
    if "W8" in params:
        return "deep"
    if "W3" in params and "W4" not in params:
        return "simple"
    raise WeightsFileError("neither SimpleConvNet (W1-W3, b1-b3) nor DeepConvNet (W1-W8, b1-b8) parameters")


def network_from_file(path):
    """A SimpleConvNet or DeepConvNet with the weights of ``path`` (.npz or the book's .pkl),
    whichever the parameter names say. Raises WeightsFileError with the reason."""
    params = load_params_file(path)
    net = NETWORKS[network_kind(params)]()
    assign_params(net.params, params, source=Path(path).name)
    return net

"""The SimpleConvNet weights shipped in ``resources/`` (trained by ``python -m engine.train``)."""

import json
from pathlib import Path

from .simple_convnet import SimpleConvNet

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
WEIGHTS = RESOURCES / "simple_convnet.npz"
INITIAL_WEIGHTS = RESOURCES / "simple_convnet_init.npz"
METADATA = RESOURCES / "simple_convnet.json"


def load_simple_convnet(initial=False):
    """The book's SimpleConvNet with the shipped trained (or, initial=True, untrained) weights."""
    net = SimpleConvNet()
    net.load_params(INITIAL_WEIGHTS if initial else WEIGHTS)
    return net


def metadata():
    """How the shipped weights were made (hyperparameters, accuracy, time), or {}."""
    try:
        return json.loads(METADATA.read_text())
    except (OSError, ValueError):
        return {}

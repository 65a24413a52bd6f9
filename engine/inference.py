"""Classify a drawn digit: MNIST-style preprocessing, then the network, optionally inside out."""

from dataclasses import dataclass

import numpy as np

from .image_network import ImageNetwork
from .preprocess import mnist_style


@dataclass
class DigitReading:
    """What the network makes of one drawing."""

    image: np.ndarray  # (28, 28) float32, the network's input
    probabilities: np.ndarray  # (10,)
    activations: dict | None = None  # SimpleConvNet.activations for this image, if asked

    @property
    def answer(self) -> int:
        return int(np.argmax(self.probabilities))

    @property
    def confidence(self) -> float:
        return float(np.max(self.probabilities))


def read_digit(net: ImageNetwork, ink: np.ndarray, with_activations: bool = False) -> DigitReading | None:
    """ink: (H, W) floats 0..1, white on black -> DigitReading, or None when there is no ink."""
    image = mnist_style(ink)
    if image is None:
        return None
    return read_image(net, image, with_activations)


def read_image(net: ImageNetwork, image: np.ndarray, with_activations: bool = False) -> DigitReading:
    """An already MNIST-style (28, 28) image -> DigitReading."""
    x = image[None, None].astype(net.dtype, copy=False)
    if with_activations:
        acts = {k: v[0] for k, v in net.activations(x).items()}
        return DigitReading(image, acts["Softmax"], acts)
    return DigitReading(image, net.predict_proba(x)[0])

"""The shapes of what the engine passes around, for annotations: parameter dicts and the network
protocol the Trainer, the training loops and DataParallel accept (the book's duck typing, named)."""

from typing import Protocol

import numpy as np
from numpy.typing import ArrayLike

Params = dict[str, np.ndarray]  # "W1", "b1", ... -> array (the book's ``network.params``)


class Network(Protocol):
    """What training needs of a network: the book's SimpleConvNet, DeepConvNet, MultiLayerNet(Extend)
    and any object of the book's own with these members."""

    params: Params

    def predict(self, x: np.ndarray) -> np.ndarray: ...

    def loss(self, x: np.ndarray, t: ArrayLike) -> float: ...

    def accuracy(self, x: np.ndarray, t: ArrayLike) -> float: ...

    def gradient(self, x: np.ndarray, t: ArrayLike) -> Params: ...

"""What the book's image networks (SimpleConvNet, DeepConvNet) share beyond their layers.

The book repeats these methods in every network class; here they are written once. A subclass
provides ``input_dim``, ``dtype``, ``params``, ``predict(x)``, ``loss(x, t)`` and
``inspection_layers()``.
"""

from collections import OrderedDict

import numpy as np
from numpy.typing import ArrayLike

from .functions import softmax
from .gradient import numerical_gradient as _numerical_gradient
from .protocols import Params
from .weights import assign_params, load_params_file, save_npz


class ImageNetwork:
    def _as_input(self, x):
        """x as (N, C, H, W) in the network's dtype; also accepts flattened images and one (C, H, W) image."""
        x = np.asarray(x, dtype=self.dtype)
        if x.ndim == 2 and x.shape[1] == int(np.prod(self.input_dim)):
            x = x.reshape((-1, *self.input_dim))
        if x.ndim == 3 and x.shape == self.input_dim:
            x = x[None]
        if x.ndim != 4 or x.shape[1:] != self.input_dim:
            raise ValueError(f"expected images of shape (N, {', '.join(map(str, self.input_dim))}), got {x.shape}")
        return x

    def accuracy(self, x: np.ndarray, t: ArrayLike, batch_size: int = 100) -> float:
        """Share of x classified as t (labels or one-hot), in batches; a last partial batch counts too
        (the book's loop drops it)."""
        t = np.asarray(t)
        if t.ndim != 1:
            t = np.argmax(t, axis=1)
        x = self._as_input(x)
        if x.shape[0] == 0 or len(t) != x.shape[0]:
            raise ValueError(f"accuracy needs as many labels as images, at least one: got {x.shape[0]} images "
                             f"and {len(t)} labels")
        correct = 0
        for i in range(0, x.shape[0], batch_size):
            y = self.predict(x[i : i + batch_size])
            correct += int(np.sum(np.argmax(y, axis=1) == t[i : i + batch_size]))
        return correct / x.shape[0]

    def numerical_gradient(self, x: np.ndarray, t: ArrayLike) -> Params:
        """Central-difference gradient of ``loss`` for every parameter (slow; for checks)."""
        def loss_w(_):
            return self.loss(x, t)
        return {key: _numerical_gradient(loss_w, self.params[key]) for key in self.params}

    def activations(self, x: ArrayLike) -> dict[str, np.ndarray]:
        """What every layer of the book's chain outputs for x: (N, C, H, W), in order: an OrderedDict
        from ``inspection_layers`` names to arrays (Conv* before ReLU), ending with Softmax."""
        x = self._as_input(x)
        out = OrderedDict()
        for name, layer in self.inspection_layers():
            x = out[name] = layer.forward(x)
        out["Softmax"] = softmax(x)
        return out

    def save_params(self, file_name: str = "params.npz") -> None:
        save_npz(file_name, self.params)

    def load_params(self, file_name: str = "params.npz") -> None:
        """Load .npz (or the book's .pkl); names and shapes are checked, the arrays stay shared."""
        assign_params(self.params, load_params_file(file_name), source=str(file_name))

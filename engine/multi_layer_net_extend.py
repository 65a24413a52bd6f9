"""The book's MultiLayerNetExtend (chapter 6.3–6.4): MultiLayerNet with batch normalisation, dropout
and weight decay, for the experiments on what makes training work.

    Affine - [BatchNorm] - activation - [Dropout] - ... - Affine - softmax

Keyword names are the book's, ``dropout_ration`` (sic) included, so its scripts run unchanged.
"""

from collections import OrderedDict

import numpy as np
from numpy.typing import ArrayLike

from .gradient import numerical_gradient as _numerical_gradient
from .layers import Affine, BatchNormalization, Dropout, SoftmaxWithLoss
from .multi_layer_net import _ACTIVATIONS, affine_params
from .protocols import Params
from .weights import assign_params, load_params_file, save_npz


class MultiLayerNetExtend:
    """x: (N, input_size). Parameters W1.., b1.., and with batch norm gamma1.., beta1.. (one per hidden
    layer). ``loss`` adds 0.5·λ·ΣW² over every weight matrix; ``gradient`` adds λ·W to each dW."""

    def __init__(self, input_size, hidden_size_list, output_size, activation="relu", weight_init_std="relu",
                 weight_decay_lambda=0, use_dropout=False, dropout_ration=0.5, use_batchnorm=False,
                 dtype=np.float64, seed=None):
        if activation not in _ACTIVATIONS:
            raise ValueError(f"activation must be 'relu' or 'sigmoid', got {activation!r}")
        self.input_size = input_size
        self.output_size = output_size
        self.hidden_size_list = list(hidden_size_list)
        self.hidden_layer_num = len(self.hidden_size_list)
        self.weight_decay_lambda = weight_decay_lambda
        self.use_dropout = use_dropout
        self.use_batchnorm = use_batchnorm
        self.dtype = np.dtype(dtype)
        rng = np.random.default_rng(seed)

        sizes = [input_size, *self.hidden_size_list, output_size]
        self.params = affine_params(sizes, weight_init_std, self.dtype, rng)

        self.layers = OrderedDict()
        for idx in range(1, self.hidden_layer_num + 1):
            self.layers[f"Affine{idx}"] = Affine(self.params[f"W{idx}"], self.params[f"b{idx}"])
            if use_batchnorm:
                self.params[f"gamma{idx}"] = np.ones(sizes[idx], dtype=self.dtype)
                self.params[f"beta{idx}"] = np.zeros(sizes[idx], dtype=self.dtype)
                self.layers[f"BatchNorm{idx}"] = BatchNormalization(self.params[f"gamma{idx}"],
                                                                    self.params[f"beta{idx}"])
            self.layers[f"Activation_function{idx}"] = _ACTIVATIONS[activation]()
            if use_dropout:
                self.layers[f"Dropout{idx}"] = Dropout(dropout_ration, rng=rng)
        idx = self.hidden_layer_num + 1
        self.layers[f"Affine{idx}"] = Affine(self.params[f"W{idx}"], self.params[f"b{idx}"])
        self.last_layer = SoftmaxWithLoss()
        self.last_loss = None

    def predict(self, x: np.ndarray, train_flg: bool = False) -> np.ndarray:
        """Scores; batch norm and dropout behave as in training only with ``train_flg=True``."""
        x = np.asarray(x, dtype=self.dtype)
        x = x.reshape(x.shape[0], -1)
        for layer in self.layers.values():
            if isinstance(layer, (Dropout, BatchNormalization)):
                x = layer.forward(x, train_flg)
            else:
                x = layer.forward(x)
        return x

    def _weight_decay(self):
        if not self.weight_decay_lambda:
            return 0.0
        return 0.5 * self.weight_decay_lambda * sum(
            float(np.sum(self.params[f"W{i}"] ** 2)) for i in range(1, self.hidden_layer_num + 2))

    def loss(self, x: np.ndarray, t: ArrayLike, train_flg: bool = False) -> float:
        return self.last_layer.forward(self.predict(x, train_flg), t) + self._weight_decay()

    def accuracy(self, X: np.ndarray, T: ArrayLike) -> float:
        T = np.asarray(T)
        if T.ndim != 1:
            T = np.argmax(T, axis=1)
        return float(np.mean(np.argmax(self.predict(X, train_flg=False), axis=1) == T))

    def gradient(self, x: np.ndarray, t: ArrayLike) -> Params:
        """Backpropagation in training mode; the loss is kept in ``last_loss``."""
        self.last_loss = self.loss(x, t, train_flg=True)
        dout = self.last_layer.backward(1)
        for layer in reversed(self.layers.values()):
            dout = layer.backward(dout)
        grads = {}
        for idx in range(1, self.hidden_layer_num + 2):
            affine = self.layers[f"Affine{idx}"]
            grads[f"W{idx}"] = affine.dW + self.weight_decay_lambda * affine.W
            grads[f"b{idx}"] = affine.db
            if self.use_batchnorm and idx != self.hidden_layer_num + 1:
                grads[f"gamma{idx}"] = self.layers[f"BatchNorm{idx}"].dgamma
                grads[f"beta{idx}"] = self.layers[f"BatchNorm{idx}"].dbeta
        return grads

    def numerical_gradient(self, X: np.ndarray, T: ArrayLike) -> Params:
        """Central differences of the training-mode loss (the book's; fix dropout masks to compare)."""
        def loss_w(_):
            return self.loss(X, T, train_flg=True)
        return {key: _numerical_gradient(loss_w, self.params[key]) for key in self.params}

    def save_params(self, file_name: str = "params.npz") -> None:
        save_npz(file_name, self.params)

    def load_params(self, file_name: str = "params.npz") -> None:
        assign_params(self.params, load_params_file(file_name), source=str(file_name))

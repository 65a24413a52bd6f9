"""The book's fully connected MultiLayerNet (chapter 6), used by the MNIST optimizer race."""

from collections import OrderedDict

import numpy as np
from numpy.typing import ArrayLike

from .gradient import numerical_gradient as _numerical_gradient
from .layers import Affine, Relu, Sigmoid, SoftmaxWithLoss
from .protocols import Params
from .weights import assign_params, load_params_file, save_npz

_ACTIVATIONS = {"relu": Relu, "sigmoid": Sigmoid}


def init_scale(weight_init_std: float | str, fan_in: int) -> float:
    """'relu'/'he' -> sqrt(2/n), 'sigmoid'/'xavier' -> sqrt(1/n), or a number as is."""
    if isinstance(weight_init_std, str):
        name = weight_init_std.lower()
        if name in ("relu", "he"):
            return np.sqrt(2.0 / fan_in)
        if name in ("sigmoid", "xavier"):
            return np.sqrt(1.0 / fan_in)
        raise ValueError(f"unknown weight_init_std {weight_init_std!r}: use 'he', 'xavier' or a number")
    return float(weight_init_std)


def affine_params(sizes: list[int], weight_init_std: float | str, dtype, rng: np.random.Generator) -> Params:
    """{W1, b1, ..., Wn, bn} for layer sizes [input, hidden..., output]: weights scaled by
    ``init_scale`` of each layer's fan-in, biases zero."""
    params = {}
    for idx in range(1, len(sizes)):
        scale = init_scale(weight_init_std, sizes[idx - 1])
        params[f"W{idx}"] = (scale * rng.standard_normal((sizes[idx - 1], sizes[idx]))).astype(dtype)
        params[f"b{idx}"] = np.zeros(sizes[idx], dtype=dtype)
    return params


class MultiLayerNet:
    """Affine - activation - ... - Affine - softmax; x: (N, input_size)."""

    def __init__(self, input_size, hidden_size_list, output_size, activation="relu",
                 weight_init_std="relu", weight_decay_lambda=0, dtype=np.float32, seed=None):
        if activation not in _ACTIVATIONS:
            raise ValueError(f"activation must be 'relu' or 'sigmoid', got {activation!r}")
        self.input_size = input_size
        self.output_size = output_size
        self.hidden_size_list = list(hidden_size_list)
        self.hidden_layer_num = len(self.hidden_size_list)
        self.weight_decay_lambda = weight_decay_lambda
        self.dtype = np.dtype(dtype)
        sizes = [input_size, *self.hidden_size_list, output_size]
        self.params = affine_params(sizes, weight_init_std, self.dtype, np.random.default_rng(seed))

        self.layers = OrderedDict()
        for idx in range(1, self.hidden_layer_num + 1):
            self.layers[f"Affine{idx}"] = Affine(self.params[f"W{idx}"], self.params[f"b{idx}"])
            self.layers[f"Activation_function{idx}"] = _ACTIVATIONS[activation]()
        idx = self.hidden_layer_num + 1
        self.layers[f"Affine{idx}"] = Affine(self.params[f"W{idx}"], self.params[f"b{idx}"])
        self.layers["Affine1"].need_input_grad = False
        self.last_layer = SoftmaxWithLoss()
        self.last_loss = None

    def predict(self, x: np.ndarray) -> np.ndarray:
        x = np.asarray(x, dtype=self.dtype)
        x = x.reshape(x.shape[0], -1)
        for layer in self.layers.values():
            x = layer.forward(x)
        return x

    def loss(self, x: np.ndarray, t: ArrayLike) -> float:
        y = self.predict(x)
        weight_decay = 0.0
        if self.weight_decay_lambda:
            for idx in range(1, self.hidden_layer_num + 2):
                W = self.params[f"W{idx}"]
                weight_decay += 0.5 * self.weight_decay_lambda * np.sum(W * W)
        return self.last_layer.forward(y, t) + weight_decay

    def accuracy(self, x: np.ndarray, t: ArrayLike, batch_size: int = 1000) -> float:
        t = np.asarray(t)
        if t.ndim != 1:
            t = np.argmax(t, axis=1)
        correct = 0
        for i in range(0, len(x), batch_size):
            correct += int(np.sum(np.argmax(self.predict(x[i : i + batch_size]), axis=1) == t[i : i + batch_size]))
        return correct / len(x)

    def gradient(self, x: np.ndarray, t: ArrayLike) -> Params:
        self.last_loss = self.loss(x, t)
        dout = self.last_layer.backward(1)
        for layer in reversed(self.layers.values()):
            dout = layer.backward(dout)
        grads = {}
        for idx in range(1, self.hidden_layer_num + 2):
            layer = self.layers[f"Affine{idx}"]
            grads[f"W{idx}"] = layer.dW + self.weight_decay_lambda * layer.W if self.weight_decay_lambda else layer.dW
            grads[f"b{idx}"] = layer.db
        return grads

    def numerical_gradient(self, x: np.ndarray, t: ArrayLike) -> Params:
        def loss_w(_):
            return self.loss(x, t)
        return {key: _numerical_gradient(loss_w, self.params[key]) for key in self.params}

    def save_params(self, file_name: str = "params.npz") -> None:
        save_npz(file_name, self.params)

    def load_params(self, file_name: str = "params.npz") -> None:
        assign_params(self.params, load_params_file(file_name), source=str(file_name))

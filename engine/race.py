"""Several optimizers racing on the same batches, each training its own MultiLayerNet.

The networks share an architecture, so each layer of all of them is one batched matrix
product over stacked weights (K, n_in, n_out): the same numbers as K separate
``MultiLayerNet.gradient`` calls (a test checks it), with a fraction of the Python overhead.
Each network's ``params`` are views into the stacks, and each optimizer updates its own.
"""

import numpy as np

from .functions import log_softmax, softmax
from .multi_layer_net import MultiLayerNet


class OptimizerRace:
    """optimizers: {name: optimizer}; the networks are MultiLayerNet(..., seed=seed + i)."""

    def __init__(self, optimizers, input_size, hidden_size_list, output_size, activation="relu",
                 weight_init_std="relu", seed=0, dtype=np.float32):
        if activation not in ("relu", "sigmoid"):
            raise ValueError(f"activation must be 'relu' or 'sigmoid', got {activation!r}")
        self.names = list(optimizers)
        self.optimizers = optimizers
        self.activation = activation
        nets = [MultiLayerNet(input_size, hidden_size_list, output_size, activation, weight_init_std,
                              dtype=dtype, seed=seed + i) for i in range(len(self.names))]
        self.layers = len(hidden_size_list) + 1
        self.W = [np.stack([n.params[f"W{i}"] for n in nets]) for i in range(1, self.layers + 1)]
        self.b = [np.stack([n.params[f"b{i}"] for n in nets]) for i in range(1, self.layers + 1)]
        self.params = [{f"W{i + 1}": self.W[i][k] for i in range(self.layers)}
                       | {f"b{i + 1}": self.b[i][k] for i in range(self.layers)} for k in range(len(self.names))]
        self.dtype = np.dtype(dtype)

    def _act(self, z):
        return np.maximum(z, 0) if self.activation == "relu" else 0.5 * (1.0 + np.tanh(0.5 * z))

    def predict(self, x):
        """Scores of every network: (K, N, output_size)."""
        h = np.asarray(x, dtype=self.dtype).reshape(len(x), -1)
        for i in range(self.layers):
            h = np.matmul(h, self.W[i]) + self.b[i][:, None, :]
            if i < self.layers - 1:
                h = self._act(h)
        return h

    def step(self, x, t):
        """One update of every network on the same batch; returns each network's loss (K,)."""
        x = np.asarray(x, dtype=self.dtype).reshape(len(x), -1)
        t = np.asarray(t)
        hs = [x]  # inputs of each layer
        h = x
        for i in range(self.layers):
            h = np.matmul(h, self.W[i]) + self.b[i][:, None, :]
            if i < self.layers - 1:
                h = self._act(h)
                hs.append(h)
        n = len(x)
        labels = t.argmax(axis=1) if t.ndim == 2 else t
        rows = np.arange(n)
        losses = -log_softmax(h)[:, rows, labels].mean(axis=1)
        d = softmax(h)
        d[:, rows, labels] -= 1
        d /= n
        grads = [dict() for _ in self.names]
        for i in reversed(range(self.layers)):
            a = hs[i]
            # The first layer's input is shared (N, D): one product for every network.
            dW = np.matmul(a.T, d) if a.ndim == 2 else np.matmul(a.transpose(0, 2, 1), d)
            db = d.sum(axis=1)
            for k, g in enumerate(grads):
                g[f"W{i + 1}"], g[f"b{i + 1}"] = dW[k], db[k]
            if i == 0:
                break  # nobody needs the gradient of the input
            d = np.matmul(d, self.W[i].transpose(0, 2, 1))
            d *= (a > 0) if self.activation == "relu" else (1.0 - a) * a
        for k, name in enumerate(self.names):
            self.optimizers[name].update(self.params[k], grads[k])
        return losses

    def accuracy(self, x, t, batch_size=1000):
        """Each network's accuracy: (K,)."""
        t = np.asarray(t)
        labels = t.argmax(axis=1) if t.ndim == 2 else t
        correct = np.zeros(len(self.names))
        for i in range(0, len(x), batch_size):
            correct += (self.predict(x[i : i + batch_size]).argmax(axis=2) == labels[i : i + batch_size]).sum(axis=1)
        return correct / len(x)

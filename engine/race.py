"""Several optimizers racing on the same batches, each training its own MultiLayerNet.

The networks share an architecture, so each layer of all of them is one batched matrix
product over stacked weights (K, n_in, n_out): the same numbers as K separate
``MultiLayerNet.gradient`` calls (a test checks it), with a fraction of the Python overhead.

Every network's parameters live in one flat row of ``theta`` (W1 b1 W2 b2 ...) and its
gradient in the same place of ``grad``; the layers' weights are views into these rows. So an
optimizer updates one long vector instead of ten small arrays (on arrays this small the
NumPy calls, not the arithmetic, are the cost).
"""

from collections.abc import Callable, Iterator

import numpy as np

from .events import Diverged, RaceEval, RaceStep
from .multi_layer_net import MultiLayerNet

FLAT = "theta"  # the one key the optimizers see: update({FLAT: theta[k]}, {FLAT: grad[k]})


class OptimizerRace:
    """optimizers: {name: optimizer}; the networks are MultiLayerNet(..., seed=seed + i).

    ``params[k]``: network k's parameters by the book's names (views into ``theta``, always current).
    """

    def __init__(self, optimizers, input_size, hidden_size_list, output_size, activation="relu",
                 weight_init_std="relu", seed=0, dtype=np.float32):
        if activation not in ("relu", "sigmoid"):
            raise ValueError(f"activation must be 'relu' or 'sigmoid', got {activation!r}")
        self.names = list(optimizers)
        self.optimizers = optimizers
        self.activation = activation
        self.dtype = np.dtype(dtype)
        K = len(self.names)
        nets = [MultiLayerNet(input_size, hidden_size_list, output_size, activation, weight_init_std,
                              dtype=dtype, seed=seed + i) for i in range(K)]
        self.layers = len(hidden_size_list) + 1
        keys = [f"{kind}{i}" for i in range(1, self.layers + 1) for kind in "Wb"]  # the order in a row
        shapes = {key: nets[0].params[key].shape for key in keys}
        offsets, end = {}, 0
        for key in keys:
            offsets[key] = (end, end + int(np.prod(shapes[key])))
            end = offsets[key][1]
        self.theta = np.empty((K, end), dtype=self.dtype)
        self.grad = np.zeros_like(self.theta)

        def stacked(flat, key):
            lo, hi = offsets[key]
            return flat[:, lo:hi].reshape(K, *shapes[key])

        n = self.layers
        self.W = [stacked(self.theta, f"W{i}") for i in range(1, n + 1)]
        self.b = [stacked(self.theta, f"b{i}") for i in range(1, n + 1)]
        self.dW = [stacked(self.grad, f"W{i}") for i in range(1, n + 1)]
        self.db = [stacked(self.grad, f"b{i}") for i in range(1, n + 1)]
        for key in keys:
            stacked(self.theta, key)[...] = [net.params[key] for net in nets]
        order = sorted(keys, key=lambda s: (s[0], int(s[1:])))  # W1 W2 ... b1 b2 ..., as MultiLayerNet
        self.params = [{key: stacked(self.theta, key)[k] for key in order} for k in range(K)]

    def _act(self, z):
        """The activation, in place."""
        if self.activation == "relu":
            return np.maximum(z, 0, out=z)
        np.tanh(np.multiply(z, 0.5, out=z), out=z)  # sigmoid(z) = (1 + tanh(z/2)) / 2
        z += 1.0
        z *= 0.5
        return z

    def _forward(self, x, keep=None):
        h = x
        for i in range(self.layers):
            h = np.matmul(h, self.W[i])
            h += self.b[i][:, None, :]
            if i < self.layers - 1:
                h = self._act(h)
                if keep is not None:
                    keep.append(h)
        return h

    def predict(self, x: np.ndarray) -> np.ndarray:
        """Scores of every network: (K, N, output_size)."""
        return self._forward(np.asarray(x, dtype=self.dtype).reshape(len(x), -1))

    def step(self, x: np.ndarray, t: np.ndarray) -> np.ndarray:
        """One update of every network on the same batch; returns each network's loss (K,)."""
        x = np.asarray(x, dtype=self.dtype).reshape(len(x), -1)
        t = np.asarray(t)
        labels = t.argmax(axis=1) if t.ndim == 2 else t
        hs = [x]  # inputs of each layer
        h = self._forward(x, keep=hs)
        n = len(x)
        rows = np.arange(n)
        # Softmax and the exact cross-entropy from one exp: log p = shifted - log(sum(exp(shifted))).
        h -= h.max(axis=2, keepdims=True)
        d = np.exp(h)
        total = d.sum(axis=2, keepdims=True)
        losses = (np.log(total[:, :, 0]) - h[:, rows, labels]).mean(axis=1)
        d /= total
        d[:, rows, labels] -= 1
        d /= n
        ones = np.ones((1, n), dtype=self.dtype)
        for i in reversed(range(self.layers)):
            a = hs[i]
            # Gradients go straight into their places in the flat buffer.
            # The first layer's input is shared (N, D): a.T is one matrix for every network.
            np.matmul(a.T if a.ndim == 2 else a.transpose(0, 2, 1), d, out=self.dW[i])
            np.matmul(ones, d, out=self.db[i][:, None, :])  # the sum over the batch; BLAS is ~4x faster than sum
            if i == 0:
                break  # nobody needs the gradient of the input
            d = np.matmul(d, self.W[i].transpose(0, 2, 1))  # with the weights from before the update
            d *= (a > 0) if self.activation == "relu" else (1.0 - a) * a
        for k, name in enumerate(self.names):
            self.optimizers[name].update({FLAT: self.theta[k]}, {FLAT: self.grad[k]})
        return losses

    def accuracy(self, x: np.ndarray, t: np.ndarray, batch_size: int = 1000) -> np.ndarray:
        """Each network's accuracy: (K,)."""
        t = np.asarray(t)
        labels = t.argmax(axis=1) if t.ndim == 2 else t
        correct = np.zeros(len(self.names))
        for i in range(0, len(x), batch_size):
            correct += (self.predict(x[i : i + batch_size]).argmax(axis=2) == labels[i : i + batch_size]).sum(axis=1)
        return correct / len(x)


def iterate_race(race: OptimizerRace, x_train: np.ndarray, t_train: np.ndarray, x_test: np.ndarray | None = None,
                 t_test: np.ndarray | None = None, *, iterations: int = 2000, batch_size: int = 128,
                 eval_every: int = 100, eval_samples: int = 1000, seed: int | None = None,
                 should_stop: Callable[[], bool] | None = None,
                 transform: Callable | None = None) -> Iterator[RaceStep | Diverged | RaceEval]:
    """Run the race as the book's ch06/optimizer_compare_mnist.py does, yielding progress.

    Every iteration draws one random mini-batch that all networks train on. Yields a ``RaceStep``
    (``engine.events``) after each step and, every ``eval_every`` iterations and at the end, a
    ``RaceEval`` on the first ``eval_samples`` test images. A network whose loss becomes infinite
    or NaN drops out of the race with a ``Diverged`` (its later losses and accuracies are NaN)
    while the others go on; if all of them diverge, FloatingPointError.
    ``should_stop()`` is polled between steps. ``transform(x)``, if given, turns stored images
    into network input batch by batch.
    """
    tf = transform or (lambda x: x)
    rng = np.random.default_rng(seed)
    n = len(x_train)
    if n == 0:
        raise ValueError("the training set is empty")
    out = np.zeros(len(race.names), dtype=bool)  # networks that diverged
    for it in range(1, iterations + 1):
        if should_stop is not None and should_stop():
            return
        idx = rng.choice(n, min(batch_size, n))
        with np.errstate(over="ignore", invalid="ignore"):  # a diverging network is reported below
            losses = race.step(tf(x_train[idx]), t_train[idx])
        losses[out] = np.nan  # a diverged network's numbers mean nothing any more
        yield RaceStep(it, iterations, losses)
        for k in np.flatnonzero(~out & ~np.isfinite(losses)):
            out[k] = True
            yield Diverged(race.names[k], it)
        if out.all():
            raise FloatingPointError(f"the loss of every network ({', '.join(race.names)}) became infinite or NaN "
                                     f"by iteration {it}: lower the learning rates")
        if x_test is not None and (it % eval_every == 0 or it == iterations):
            with np.errstate(invalid="ignore"):
                acc = race.accuracy(tf(x_test[:eval_samples]), t_test[:eval_samples])
            acc[out] = np.nan
            yield RaceEval(it, acc)

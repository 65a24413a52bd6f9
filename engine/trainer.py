"""Training loops: a generator of progress events, and the book's ``Trainer`` on top of it."""

import time
from collections.abc import Callable, Iterator

import numpy as np

from .events import EpochEnd, TrainStep
from .optimizer import Optimizer, make_optimizer
from .protocols import Network


def random_shift(x: np.ndarray, max_shift: int, rng: np.random.Generator) -> np.ndarray:
    """Move every image of x: (N, C, H, W) by its own random (dy, dx) in [-max_shift, max_shift],
    filling with zeros (background). A cheap augmentation: digits are not always centred."""
    N, C, H, W = x.shape
    m = max_shift
    padded = np.pad(x, [(0, 0), (0, 0), (m, m), (m, m)])
    dy = rng.integers(-m, m + 1, N)
    dx = rng.integers(-m, m + 1, N)
    rows = (m - dy)[:, None] + np.arange(H)  # (N, H): source row of each output row
    cols = (m - dx)[:, None] + np.arange(W)
    n = np.arange(N)[:, None, None, None]
    c = np.arange(C)[None, :, None, None]
    return padded[n, c, rows[:, None, :, None], cols[:, None, None, :]]


def chunked_accuracy(network: Network, x: np.ndarray, t: np.ndarray, transform: Callable | None = None,
                     should_stop: Callable[[], bool] | None = None, chunk: int = 1000) -> float | None:
    """network.accuracy over x, a chunk at a time, polling should_stop in between (None if stopped)."""
    transform = transform or (lambda b: b)
    correct = 0
    for i in range(0, len(x), chunk):
        if should_stop is not None and should_stop():
            return None
        xb = transform(x[i : i + chunk])
        correct += round(network.accuracy(xb, t[i : i + chunk]) * len(xb))  # a count, exactly
    return correct / len(x)


def iterate_training(network: Network, x_train: np.ndarray, t_train: np.ndarray, x_test: np.ndarray | None = None,
                     t_test: np.ndarray | None = None, *, epochs: int = 20, mini_batch_size: int = 100,
                     optimizer: Optimizer | None = None, evaluate_sample_num_per_epoch: int | None = None,
                     seed: int | None = None, should_stop: Callable[[], bool] | None = None, augment_shift: int = 0,
                     transform: Callable | None = None) -> Iterator[TrainStep | EpochEnd]:
    """Train ``network`` and yield its progress (``engine.events``); nothing is printed.

    Each epoch visits the training set once in a fresh random order (seeded: the same
    seed and data give the same weights), ``n // mini_batch_size`` updates. Yields a
    ``TrainStep`` after every update and an ``EpochEnd`` after every epoch.
    ``should_stop()`` is polled between steps for cooperative cancellation.
    ``augment_shift`` > 0 shifts each training image by up to that many pixels (images only).
    ``transform(x)``, if given, turns stored images into network input batch by batch (e.g. uint8
    to float32 / 255, so 60,000 images need not sit in memory as floats).
    """
    tf = transform or (lambda x: x)
    optimizer = optimizer or make_optimizer("sgd", lr=0.01)
    rng = np.random.default_rng(seed)
    n = x_train.shape[0]
    if n == 0:
        raise ValueError("the training set is empty")
    batch = min(mini_batch_size, n)
    iter_per_epoch = max(n // batch, 1)
    max_iter = epochs * iter_per_epoch
    iteration = 0
    fast_loss = hasattr(network, "last_loss")
    start = time.perf_counter()
    for epoch in range(1, epochs + 1):
        order = rng.permutation(n)
        for b in range(iter_per_epoch):
            if should_stop is not None and should_stop():
                return
            idx = order[b * batch : (b + 1) * batch]
            x_batch = tf(x_train[idx])
            if augment_shift:
                x_batch = random_shift(x_batch, augment_shift, rng)
            with np.errstate(over="ignore", invalid="ignore"):  # a diverging loss is reported below
                grads = network.gradient(x_batch, t_train[idx])
                optimizer.update(network.params, grads)
            iteration += 1
            # The engine's networks keep the loss their gradient computed; any other object with the
            # book's interface (params, gradient, loss, accuracy) is asked, as the book's Trainer does.
            loss = float(network.last_loss if fast_loss else network.loss(x_batch, t_train[idx]))
            yield TrainStep(epoch, iteration, max_iter, loss)
            if not np.isfinite(loss):
                raise FloatingPointError(f"the loss became {loss} at iteration {iteration}: lower the learning rate")
        sample = slice(None) if not evaluate_sample_num_per_epoch else slice(0, evaluate_sample_num_per_epoch)
        train_acc = chunked_accuracy(network, x_train[sample], t_train[sample], tf, should_stop)
        test_acc = (chunked_accuracy(network, x_test[sample], t_test[sample], tf, should_stop)
                    if x_test is not None else None)
        if train_acc is None or (x_test is not None and test_acc is None):
            return  # stopped while evaluating
        yield EpochEnd(epoch, iteration, max_iter, train_acc, test_acc, time.perf_counter() - start)


class Trainer:
    """The book's ``common/trainer.py`` face: train a network and keep its curves."""

    def __init__(self, network, x_train, t_train, x_test, t_test, epochs=20, mini_batch_size=100,
                 optimizer="SGD", optimizer_param=None, evaluate_sample_num_per_epoch=None,
                 verbose=True, seed=None, callback=None):
        self.network = network
        self.verbose = verbose
        self.x_train, self.t_train, self.x_test, self.t_test = x_train, t_train, x_test, t_test
        self.epochs = epochs
        self.batch_size = mini_batch_size
        self.evaluate_sample_num_per_epoch = evaluate_sample_num_per_epoch
        self.optimizer = make_optimizer(optimizer, **(optimizer_param or {"lr": 0.01}))
        self.seed = seed
        self.callback = callback
        self.train_loss_list = []
        self.train_acc_list = []
        self.test_acc_list = []

    def _report(self, event):
        if self.callback is not None:
            self.callback(event)
        if not self.verbose:
            return
        # The book's console output; only when verbose=True, as in the book.
        if isinstance(event, TrainStep):
            print("train loss:" + str(event.loss))
        else:
            print(f"=== epoch:{event.epoch}, train acc:{event.train_acc}, test acc:{event.test_acc} ===")

    def train(self) -> float:
        for event in iterate_training(
            self.network, self.x_train, self.t_train, self.x_test, self.t_test,
            epochs=self.epochs, mini_batch_size=self.batch_size, optimizer=self.optimizer,
            evaluate_sample_num_per_epoch=self.evaluate_sample_num_per_epoch, seed=self.seed,
        ):
            if isinstance(event, TrainStep):
                self.train_loss_list.append(event.loss)
            else:
                self.train_acc_list.append(event.train_acc)
                self.test_acc_list.append(event.test_acc)
            self._report(event)
        test_acc = self.network.accuracy(self.x_test, self.t_test)
        if self.verbose:
            print("=============== Final Test Accuracy ===============")
            print("test acc:" + str(test_acc))
        return test_acc

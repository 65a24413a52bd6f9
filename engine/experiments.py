"""The rest of chapter 6 as experiments to run and watch: how the initial weights shape the activations
(ch06/weight_init_activation_histogram.py) and how a big network overfits a few images, with weight
decay and dropout as the cures (ch06/overfit_weight_decay.py, overfit_dropout.py).

Each long experiment is a generator of small frozen events (``engine.events``), like the trainer's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import numpy as np

from .events import BatchNormEpoch, EpochEnd, OverfitEpoch, RaceStep, Trial
from .multi_layer_net import MultiLayerNet, init_scale
from .multi_layer_net_extend import MultiLayerNetExtend
from .optimizer import SGD
from .trainer import iterate_training

# -- weight initialisation and activations (6.2) ----------------------------------------------------------

ACTIVATIONS = {
    "sigmoid": lambda x: 1.0 / (1.0 + np.exp(-x)),
    "tanh": np.tanh,
    "relu": lambda x: np.maximum(x, 0.0),
}
INITS = ("1", "0.01", "xavier", "he")  # std 1, std 0.01, Xavier 1/sqrt(n), He sqrt(2/n)


def init_std(init: str, fan_in: int) -> float:
    """The weights' standard deviation: the book's std 1 and 0.01, Xavier's 1/√n, He's √(2/n)."""
    if init in ("xavier", "he"):
        return init_scale(init, fan_in)
    if init in ("1", "0.01"):
        return float(init)
    raise ValueError(f"init must be one of {', '.join(INITS)}, got {init!r}")


def activation_histograms(activation: str = "sigmoid", init: str = "1", *, samples: int = 1000, nodes: int = 100,
                          layers: int = 5, seed: int = 0) -> list[np.ndarray]:
    """The book's experiment: 1,000 random inputs (standard normal, 100 features) through ``layers``
    fully connected layers of ``nodes`` units without biases; returns each layer's activations
    (samples, nodes). Their histograms show whether the layers keep a spread of values."""
    if activation not in ACTIVATIONS:
        raise ValueError(f"activation must be one of {', '.join(ACTIVATIONS)}, got {activation!r}")
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((samples, nodes))
    out = []
    for _ in range(layers):
        w = rng.standard_normal((x.shape[1], nodes)) * init_std(init, x.shape[1])
        x = ACTIVATIONS[activation](x @ w)
        out.append(x)
    return out


COMPARED_INITS = ("0.01", "xavier", "he")  # the book's weight_init_compare.py: std 0.01, Xavier, He


def iterate_init_compare(x_train: np.ndarray, t_train: np.ndarray, *, inits: tuple[str, ...] = COMPARED_INITS,
                         iterations: int = 2000, batch_size: int = 128, lr: float = 0.01, seed: int = 0,
                         transform: Callable | None = None,
                         should_stop: Callable[[], bool] | None = None) -> Iterator[RaceStep]:
    """The book's weight_init_compare.py: one 784-100x4-10 ReLU network per initialisation, SGD at ``lr``,
    the same random mini-batches for all; yields every step's losses (K,) measured after the update, as
    the book does. x: (N, 784) floats, or what ``transform`` turns into them (uint8 images)."""
    prepare = transform if transform is not None else (lambda a: a)
    rng = np.random.default_rng(seed)
    nets = [MultiLayerNet(784, [100] * 4, 10, weight_init_std=0.01 if init == "0.01" else float(init)
                          if init == "1" else init, seed=seed) for init in inits]
    optimizer = SGD(lr=lr)
    for it in range(1, iterations + 1):
        if should_stop is not None and should_stop():
            return
        batch = rng.choice(len(x_train), batch_size)
        x, t = prepare(x_train[batch]), t_train[batch]
        losses = np.empty(len(nets))
        for k, net in enumerate(nets):
            optimizer.update(net.params, net.gradient(x, t))
            losses[k] = net.loss(x, t)
        yield RaceStep(it, iterations, losses)


# -- overfitting and regularisation (6.4) -----------------------------------------------------------------

OVERFIT_HIDDEN = (100,) * 6  # the book's deep network for this experiment: 6 hidden layers of 100


def overfitting_network(weight_decay_lambda: float = 0.0, dropout_ratio: float = 0.0, seed: int = 0,
                        hidden: tuple[int, ...] = OVERFIT_HIDDEN) -> MultiLayerNetExtend:
    """The book's network for overfitting: 784-100x6-10, ReLU, He initialisation, with weight decay λ
    and, when ``dropout_ratio`` > 0, dropout after every hidden layer."""
    return MultiLayerNetExtend(784, list(hidden), 10, weight_decay_lambda=weight_decay_lambda,
                               use_dropout=dropout_ratio > 0, dropout_ration=dropout_ratio, dtype=np.float32,
                               seed=seed)


def iterate_overfitting(x_train: np.ndarray, t_train: np.ndarray, x_test: np.ndarray, t_test: np.ndarray, *,
                        train_size: int = 300, weight_decay_lambda: float = 0.0, dropout_ratio: float = 0.0,
                        epochs: int = 200, batch_size: int = 100, lr: float = 0.01, seed: int = 0,
                        hidden: tuple[int, ...] = OVERFIT_HIDDEN, transform: Callable | None = None,
                        should_stop: Callable[[], bool] | None = None) -> Iterator[OverfitEpoch]:
    """The book's overfit_weight_decay.py loop (overfit_dropout.py's too): the first ``train_size``
    training images, mini-batches of ``batch_size`` drawn at random with replacement, SGD at ``lr``.
    Every epoch (train_size / batch_size updates) it measures the accuracy on those images and on the
    whole test set; the first measurement is before any update (epoch 0), the last after ``epochs``.
    x: (N, 784) floats, or anything ``transform`` turns into them batch by batch (uint8 images)."""
    prepare = transform if transform is not None else (lambda a: a)
    x_small, t_small = prepare(x_train[:train_size]), t_train[:train_size]
    x_eval = prepare(x_test)
    rng = np.random.default_rng(seed)
    net = overfitting_network(weight_decay_lambda, dropout_ratio, seed, hidden)
    optimizer = SGD(lr=lr)
    per_epoch = max(len(x_small) // batch_size, 1)
    for epoch in range(epochs + 1):
        if should_stop is not None and should_stop():
            return
        yield OverfitEpoch(epoch, epochs, net.accuracy(x_small, t_small), net.accuracy(x_eval, t_test))
        if epoch == epochs:
            return
        for _ in range(per_epoch):
            batch = rng.choice(len(x_small), batch_size)
            optimizer.update(net.params, net.gradient(x_small[batch], t_small[batch]))


# -- batch normalisation (6.3) ------------------------------------------------------------------------------

BOOK_WEIGHT_SCALES = tuple(float(w) for w in np.logspace(0, -4, num=16))  # batch_norm_test.py: 1 down to 1e-4


def iterate_batchnorm(x_train: np.ndarray, t_train: np.ndarray, *, weight_scales=BOOK_WEIGHT_SCALES,
                      train_size: int = 1000, epochs: int = 20, batch_size: int = 100, lr: float = 0.01,
                      seed: int = 0, hidden: tuple[int, ...] = (100,) * 5, transform: Callable | None = None,
                      should_stop: Callable[[], bool] | None = None) -> Iterator[BatchNormEpoch]:
    """The book's batch_norm_test.py: for every initial weight scale (std), a 784-100x5-10 network with
    batch normalisation and one without, updated by SGD on the same mini-batches (drawn with replacement
    from the first ``train_size`` images); after the first update of every epoch both networks'
    accuracy on those images, ``epochs`` times per scale."""
    prepare = transform if transform is not None else (lambda a: a)
    x, t = prepare(x_train[:train_size]), t_train[:train_size]
    per_epoch = max(len(x) // batch_size, 1)
    for run, scale in enumerate(weight_scales):
        rng = np.random.default_rng(seed)
        nets = [MultiLayerNetExtend(784, list(hidden), 10, weight_init_std=scale, use_batchnorm=bn,
                                    dtype=np.float32, seed=seed) for bn in (False, True)]
        optimizer = SGD(lr=lr)
        for i in range(epochs * per_epoch):
            if should_stop is not None and should_stop():
                return
            batch = rng.choice(len(x), batch_size)
            with np.errstate(over="ignore", invalid="ignore"):  # large scales blow up without BN: the point
                for net in nets:
                    optimizer.update(net.params, net.gradient(x[batch], t[batch]))
            if i % per_epoch == 0:
                yield BatchNormEpoch(run, len(weight_scales), scale, i // per_epoch + 1, epochs,
                                     nets[0].accuracy(x, t), nets[1].accuracy(x, t))


# -- hyperparameter search (6.5) ----------------------------------------------------------------------------

BOOK_LR_RANGE = (-6.0, -2.0)  # log10 of the learning rate, drawn uniformly (hyperparameter_optimization.py)
BOOK_DECAY_RANGE = (-8.0, -4.0)  # log10 of the weight decay λ


def iterate_hyperparameter_search(x_train: np.ndarray, t_train: np.ndarray, *, trials: int = 100,
                                  train_size: int = 500, validation_rate: float = 0.2, epochs: int = 50,
                                  lr_range: tuple[float, float] = BOOK_LR_RANGE,
                                  decay_range: tuple[float, float] = BOOK_DECAY_RANGE, seed: int = 0,
                                  hidden: tuple[int, ...] = (100,) * 6, transform: Callable | None = None,
                                  should_stop: Callable[[], bool] | None = None) -> Iterator[Trial]:
    """The book's hyperparameter_optimization.py: the first ``train_size`` training images, shuffled and
    split into validation (``validation_rate``) and training data; each trial draws log10(lr) and
    log10(λ) uniformly from their ranges and trains a 784-100x6-10 network (weight decay λ, SGD at lr,
    batches of 100) for ``epochs`` epochs, measured on the validation data after every epoch. Never
    the test set: that is for the end."""
    prepare = transform if transform is not None else (lambda a: a)
    rng = np.random.default_rng(seed)
    order = rng.permutation(min(train_size, len(x_train)))
    x, t = prepare(x_train[order]), t_train[order]
    n_val = int(len(x) * validation_rate)
    x_val, t_val, x_fit, t_fit = x[:n_val], t[:n_val], x[n_val:], t[n_val:]
    for index in range(trials):
        decay = float(10 ** rng.uniform(*decay_range))
        lr = float(10 ** rng.uniform(*lr_range))
        net = MultiLayerNet(784, list(hidden), 10, weight_decay_lambda=decay, seed=int(rng.integers(2**31)))
        val, train = [], []
        for e in iterate_training(net, x_fit, t_fit, x_val, t_val, epochs=epochs, mini_batch_size=100,
                                  optimizer=SGD(lr=lr), seed=int(rng.integers(2**31)), should_stop=should_stop):
            if isinstance(e, EpochEnd):
                val.append(e.test_acc)
                train.append(e.train_acc)
        if should_stop is not None and should_stop():
            return
        yield Trial(index, trials, lr, decay, tuple(val), tuple(train))

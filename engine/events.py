"""Progress of the engine's long computations, as small frozen dataclasses: one type per kind of event,
so a consumer dispatches on the type and a misspelt field is an error instead of a silent ``None``.
Everywhere ``iteration`` counts updates from 1 and ``iterations`` is their total for the whole run."""

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class TrainStep:
    """One update of ``iterate_training``: the mini-batch loss after it."""

    epoch: int
    iteration: int
    iterations: int
    loss: float


@dataclass(frozen=True)
class EpochEnd:
    """An epoch of ``iterate_training`` is over and measured (``test_acc`` None without a test set)."""

    epoch: int
    iteration: int
    iterations: int
    train_acc: float
    test_acc: float | None
    seconds: float  # since training started


@dataclass(frozen=True)
class RaceStep:
    """One step of ``iterate_race``: every network's loss on the shared mini-batch (NaN once diverged)."""

    iteration: int
    iterations: int
    losses: np.ndarray  # (K,)


@dataclass(frozen=True)
class Diverged:
    """A network of the race whose loss became infinite or NaN; it drops out, the others go on."""

    name: str
    iteration: int


@dataclass(frozen=True)
class RaceEval:
    """Every network's accuracy on the test sample (NaN for the diverged)."""

    iteration: int
    test_acc: np.ndarray  # (K,)


@dataclass(frozen=True)
class OverfitEpoch:
    """An epoch of ``iterate_overfitting`` measured: the accuracy on its few training images and on the
    test set (epoch 0: before any update)."""

    epoch: int
    epochs: int
    train_acc: float
    test_acc: float


@dataclass(frozen=True)
class BatchNormEpoch:
    """An epoch of ``iterate_batchnorm``: at initial weight scale number ``run`` (``scale``), the training
    accuracy of the network without and with batch normalisation."""

    run: int
    runs: int
    scale: float
    epoch: int
    epochs: int
    plain_acc: float
    bn_acc: float


@dataclass(frozen=True)
class Trial:
    """One trial of ``iterate_hyperparameter_search``: its learning rate and weight decay, and the
    validation accuracy after every epoch (the last is the trial's score)."""

    index: int
    trials: int
    lr: float
    weight_decay: float
    val_acc: tuple[float, ...]
    train_acc: tuple[float, ...]

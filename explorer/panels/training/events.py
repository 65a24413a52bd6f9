"""What the Training Studio's jobs report to its pages: the engine's events (``engine.events``) with
what a page draws besides (the losses since the last report, copies of the filters, the abstraction
curve), and the job's own stages. Frozen dataclasses: a page dispatches on the type."""

from dataclasses import dataclass

import numpy as np

from engine.events import EpochEnd, RaceStep, TrainStep


@dataclass(frozen=True)
class Loading:
    """MNIST is being read from disk (the first run of a session)."""


@dataclass(frozen=True)
class Started:
    """A network's training began: its first-layer filters before training, the sizes of the sets."""

    filters: np.ndarray
    train_images: int
    test_images: int


@dataclass(frozen=True)
class Steps:
    """Training went on to ``step``; ``losses`` are the mini-batch losses since the last report."""

    step: TrainStep
    losses: np.ndarray
    filters: np.ndarray | None = None  # a fresh copy now and then


@dataclass(frozen=True)
class Evaluating:
    """The epoch's last update is done; its accuracy is being measured."""

    epoch: int


@dataclass(frozen=True)
class Epoch:
    """An epoch is over: its accuracies, the filters now, and (for a deep network) the abstraction curve."""

    end: EpochEnd
    filters: np.ndarray
    agreement: dict | None = None


@dataclass(frozen=True)
class EvaluatingAll:
    """Training finished; every training image is being measured once."""

    train_images: int


@dataclass(frozen=True)
class Final:
    """The accuracy on every training image, measured at the end."""

    train_acc: float
    train_images: int


@dataclass(frozen=True)
class RaceStarted:
    names: list


@dataclass(frozen=True)
class RaceSteps:
    """The race went on to ``step``; ``losses`` (steps since the last report, K)."""

    step: RaceStep
    losses: np.ndarray


@dataclass(frozen=True)
class SliceStarted:
    """The paths are recorded; the loss on the slice (directions ``kind``, ``resolution``² points) is
    being computed."""

    kind: str
    resolution: int

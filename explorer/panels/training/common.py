"""What the Training Studio's pages share: durations in words and when a network is not learning."""

import numpy as np
from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QDoubleSpinBox, QSpinBox, QWidget

from . import jobs, scripts


def duration(seconds):
    """'48 s' or '3 min 05 s'."""
    seconds = int(round(seconds))
    return f"{seconds} s" if seconds < 60 else f"{seconds // 60} min {seconds % 60:02d} s"


CHANCE = 0.2  # test accuracy below this (guessing one of ten classes gives 0.1): the network is not learning


def STUCK_TEXT():  # noqa: N802 (a translated constant)
    return QCoreApplication.translate(
        "Training", "That is about the accuracy of guessing: the network is not learning. The usual cause is "
        "a learning rate far too large (every ReLU switched off); try the optimizer's default.")


def learning_rate_box(value=None):
    """A spin box for a learning rate: 0.0001 to 1, four decimals."""
    box = QDoubleSpinBox()
    box.setDecimals(4)
    box.setRange(0.0001, 1.0)
    box.setSingleStep(0.001)
    if value is not None:
        box.setValue(value)
    return box


def whole_box(low, high, value=None, step=1):
    """A spin box for a whole number from ``low`` to ``high`` (``step`` per arrow), set to ``value``."""
    box = QSpinBox()
    box.setRange(low, high)
    box.setSingleStep(step)
    if value is not None:
        box.setValue(value)
    return box


def seed_box():
    """The seed every Studio page offers: 0 to 99,999."""
    return whole_box(0, 99999)


def accuracy_floor(lowest):
    """The bottom of an accuracy axis that still shows 93 % and 99 % apart: 0.9, or lower in steps of 0.05
    when some curve is lower."""
    return min(0.9, float(np.floor((lowest - 0.02) * 20) / 20))


class ExperimentPage(QWidget):
    """What every tab of the Studio shares: ``run_requested(job, settings)`` asks the panel to run its
    job (``JOB``, a generator in ``.jobs``) with ``settings()``; ``script()`` is the same experiment as the
    book-style script ``SCRIPT`` of ``.scripts``, saved as ``SCRIPT_NAME`` (the book's own name)."""

    run_requested = Signal(object, object)  # (job function, keyword arguments); not a dict: Qt sorts keys
    JOB = ""
    SCRIPT = ""
    SCRIPT_NAME = ""

    def settings(self):
        raise NotImplementedError

    def start(self):
        self.run_requested.emit(getattr(jobs, self.JOB), self.settings())

    def script(self):
        """These settings as a runnable Python script on the engine."""
        return getattr(scripts, self.SCRIPT)(self.settings())

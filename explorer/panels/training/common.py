"""What the Training Studio's pages share: durations in words and when a network is not learning."""

from PySide6.QtCore import QCoreApplication


def duration(seconds):
    """'48 s' or '3 min 05 s'."""
    seconds = int(round(seconds))
    return f"{seconds} s" if seconds < 60 else f"{seconds // 60} min {seconds % 60:02d} s"


CHANCE = 0.2  # test accuracy below this (guessing one of ten classes gives 0.1): the network is not learning


def STUCK_TEXT():  # noqa: N802 (a translated constant)
    return QCoreApplication.translate(
        "Training", "That is about the accuracy of guessing: the network is not learning. The usual cause is "
        "a learning rate far too large (every ReLU switched off); try the optimizer's default.")

"""Training Studio: GUI-thread time per progress report, at the largest runs the panel offers.

    python bench/bench_studio.py

The worker reports about 10 times a second; each report redraws the curves on the GUI thread,
which must stay under ~50 ms. Losses are synthetic but shaped like real runs (decay plus
mini-batch noise): drawing time depends on how jagged the curves are. Prints medians over 20
reports. Asserts nothing about time.
"""

import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def losses(rng, n, k=1, start=0):
    """Like a real run: decaying from ln(10) towards 0.1, with mini-batch noise."""
    it = np.arange(start, start + n)[:, None]
    return 0.1 + 2.2 * np.exp(-it / (300 + 100 * np.arange(k))) + 0.08 * rng.standard_normal((n, k))


def median_ms(app, fn, n=20):
    times = []
    for i in range(n):
        t0 = time.perf_counter()
        fn(i)
        app.processEvents()
        times.append(time.perf_counter() - t0)
    return 1e3 * statistics.median(times)


def main():
    app = QApplication([])
    from engine.events import RaceStep, TrainStep
    from explorer.panels.training.convnet_page import ConvNetPage
    from explorer.panels.training.events import RaceStarted, RaceSteps, Started, Steps
    from explorer.panels.training.race_page import RacePage

    rng = np.random.default_rng(0)
    race = RacePage()
    race.resize(1100, 800)
    race.show()
    race.on_started()
    names = ["sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam"]
    race.on_progress(RaceStarted(names))
    for done, label in ((1990, "2,000 (the book's run)"), (19990, "20,000 (the most offered)")):
        race.on_started()
        race.on_progress(RaceStarted(names))
        race.on_progress(RaceSteps(RaceStep(done, done + 10, np.zeros(6)), losses(rng, done, 6)))
        ms = median_ms(app, lambda i, done=done: race.on_progress(
            RaceSteps(RaceStep(done + i, done + 30, np.zeros(6)), losses(rng, 1, 6, done + i))))
        print(f"race, six optimizers, at iteration {label}: {ms:6.1f} ms per report (budget 50)")

    conv = ConvNetPage()
    conv.resize(1100, 800)
    conv.show()
    conv.on_started()
    conv.on_progress(Started(rng.random((30, 5, 5)), 60000, 10000))
    for n, label in ((300, "300 (3 epochs of 10,000)"), (30000, "30,000 (50 epochs of 60,000)")):
        conv.iterations = list(losses(rng, n)[:, 0])
        ms = median_ms(app, lambda i, n=n: conv.on_progress(
            Steps(TrainStep(1, n + i, n + 100, 0.1), losses(rng, 8, 1, n + i)[:, 0], rng.random((30, 5, 5)))))
        print(f"SimpleConvNet, loss curve + filters, at iteration {label}: {ms:6.1f} ms per report (budget 50)")


if __name__ == "__main__":
    main()

"""Optimizer Playground frame time with all six optimizers and trails, next to one optimizer.

    QT_QPA_PLATFORM=offscreen python bench/bench_playground.py [--iterations 200]

A frame is what the animation timer does: draw the next update (paths, positions, loss curves,
state text) and repaint the plots. 60 frames per second leaves 16.7 ms a frame. Medians.
Asserts nothing.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["DLFS_CONFIG_DIR"] = tempfile.mkdtemp()
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--iterations", type=int, default=200)
    args = p.parse_args()
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    from explorer.app import MainWindow
    from explorer.settings import Settings

    w = MainWindow(Settings(), lang="en", panel="optimizer")
    w.resize(1400, 900)
    w.show()
    panel = w.current_panel()
    panel.iterations.setValue(args.iterations)

    def frames(label):
        panel.playing = True  # as while the animation runs
        times = []
        for k in range(args.iterations + 1):
            t0 = time.perf_counter()
            panel.set_frame(k)
            app.processEvents()  # the paint events the update posted are handled here, as in the app
            times.append(time.perf_counter() - t0)
        med, p95 = statistics.median(times) * 1e3, sorted(times)[int(0.95 * len(times))] * 1e3
        print(f"  {label:<36} median {med:6.2f} ms   95th percentile {p95:6.2f} ms   ({1000 / med:5.0f} fps)")

    print(f"Optimizer Playground frame time over {args.iterations} updates (60 fps = 16.7 ms)")
    for key in panel.table.checks:
        panel.table.checks[key].setChecked(key == "sgd")
    frames("one optimizer (reference)")
    for key in panel.table.checks:
        panel.table.checks[key].setChecked(True)
    panel.trails.setChecked(True)
    frames("all six optimizers, trails on")
    w.close()


if __name__ == "__main__":
    main()

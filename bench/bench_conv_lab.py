"""Convolution Lab responsiveness at its largest setting, next to the lecture's 4x4 example.

    QT_QPA_PLATFORM=offscreen python bench/bench_conv_lab.py

Times (medians) one step (update + full repaint of the page) and one edit (new trace + update
+ repaint) for the 4x4 lecture example and for 32x32 inputs, 3 channels, 4 filters, batch 4,
7x7 filters, padding 2. The GUI budget is about 50 ms per action. Asserts nothing.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["DLFS_CONFIG_DIR"] = tempfile.mkdtemp()
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def median_ms(fn, n=15):
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1e3


def main():
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    from explorer.app import MainWindow
    from explorer.settings import Settings

    w = MainWindow(Settings(), lang="en", panel="conv")
    w.resize(1400, 900)
    w.show()
    page = w.current_panel().conv_page

    def measure(label):
        k = [0]

        def step():
            k[0] = (k[0] + 1) % page.steps.count
            page.steps.set_step(k[0])
            page.grab()  # forces a full paint of every grid

        def edit():
            page.setup.x[0, 0, 0, 0] += 1
            page.rebuild()
            page.grab()

        app.processEvents()
        print(f"  {label:<44} step {median_ms(step):7.1f} ms   edit {median_ms(edit):7.1f} ms")

    print("Convolution Lab, median of 15 (budget ~50 ms per action)")
    page.preset.setCurrentIndex(page.preset.findData("lecture"))
    measure("lecture 4x4, 3x3 filter (reference)")
    for key, value in (("H", 32), ("W", 32), ("C", 3), ("FN", 4), ("N", 4), ("FH", 7), ("FW", 7), ("pad", 2)):
        page.spins[key].setValue(value)
    measure("32x32, C=3, FN=4, N=4, 7x7 filters, pad 2")
    w.close()


if __name__ == "__main__":
    main()

"""Layer Explorer: what its GUI thread and its workers cost, next to the 50 ms budget.

    QT_QPA_PLATFORM=offscreen python bench/bench_layers.py [--reps 7]

GUI thread (medians of --reps): building the panel, switching network, showing each layer
(drawing all its maps), clicking a unit (tracer and channel column), switching to the By depth
tab. Workers: one image through DeepConvNet with saliency (``inspect_image``), loading the shipped
atlas, and a straightforward reference for the inspection (the book-style float64 chain) measured
in the same run. Asserts nothing.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import book_reference as book  # noqa: E402

BUDGET_MS = 50


def ms(fn, reps, app=None):
    """Median and worst milliseconds of fn (and, with ``app``, the repaint it causes)."""
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        if app is not None:
            app.processEvents()
        times.append(1000 * (time.perf_counter() - t0))
    return statistics.median(times), max(times)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--reps", type=int, default=7)
    args = p.parse_args()
    from threadpoolctl import threadpool_limits

    threadpool_limits(1, user_api="blas")  # as the app runs
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    import tempfile

    os.environ.setdefault("DLFS_CONFIG_DIR", tempfile.mkdtemp())
    from engine import pretrained
    from engine.atlas import load_atlas
    from engine.visualize import inspect_image
    from explorer.app import MainWindow
    from explorer.settings import Settings

    w = MainWindow(Settings(), lang="en", panel="draw")
    w.resize(1400, 900)
    w.show()
    app.processEvents()

    def settle():
        for _ in range(400):
            app.processEvents()
            p = w.panels.get("layers")
            if p is not None and not any(p.jobs.busy(s) for s in ("network", "inspect", "find-atlas")):
                break
            time.sleep(0.005)

    t0 = time.perf_counter()
    w.select_panel("layers")
    build = 1000 * (time.perf_counter() - t0)
    panel = w.current_panel()
    settle()
    panel.controls.position = 217
    panel.controls.set_source("test")
    settle()
    rows = [("build the panel (first Ctrl+5)", build, build)]
    switch = []
    for _ in range(args.reps):  # the files are read in a worker; the GUI thread applies the result
        for key in ("current", "deep"):
            panel.set_network(key)
            while panel.jobs.busy("network"):
                app.processEvents()
                time.sleep(0.001)
            t0 = time.perf_counter()
            settle()
            switch.append(1000 * (time.perf_counter() - t0))
    rows.append(("switch network (apply + first inspection)", statistics.median(switch), max(switch)))
    worst = ("", 0.0)
    layer_times = []
    for name in list(panel.strip.buttons):
        med, top = ms(lambda name=name: panel.select_layer(name), args.reps, app)
        layer_times.append(med)
        if top > worst[1]:
            worst = (name, top)
    rows.append((f"show a layer (median over {len(layer_times)} layers)", statistics.median(layer_times),
                 max(layer_times)))
    panel.select_layer("Conv4")
    rows.append(("click a unit (tracer + channel column)",
                 *ms(lambda: panel._on_unit_clicked(5, 9, 6), args.reps, app)))
    rows.append(("By depth tab", *ms(lambda: (panel.tabs.setCurrentIndex(1), app.processEvents(),
                                              panel.tabs.setCurrentIndex(0)), args.reps)))
    print(f"GUI thread (budget {BUDGET_MS} ms per action; median / worst of {args.reps}):")
    for label, med, top in rows:
        flag = "" if top <= BUDGET_MS else "  OVER"
        print(f"  {label:45s} {med:7.1f} ms / {top:7.1f} ms{flag}")
    print(f"  slowest layer: {worst[0]} ({worst[1]:.1f} ms)")

    net = pretrained.load_deep_convnet()
    ref = book.DeepConvNet()
    ref.set_params(net.params)
    image = panel.controls.image().astype(np.float32)
    x64 = image[None, None].astype(np.float64)
    ours, theirs = [], []
    for _ in range(args.reps):  # interleaved
        ours.append(ms(lambda: inspect_image(net, image), 1)[0])
        theirs.append(ms(lambda: ref.predict(x64, train_flg=False), 1)[0])
    print("Workers:")
    print(f"  one image through DeepConvNet + saliency      {statistics.median(ours):7.2f} ms")
    print(f"  book-style float64 predict of the same image  {statistics.median(theirs):7.2f} ms "
          f"({statistics.median(theirs) / statistics.median(ours):.1f}x ours, which also does the backward pass)")
    path = pretrained.resource("deep", "_atlas.npz")
    print(f"  load the shipped atlas ({path.stat().st_size / 1e6:.2f} MB)        "
          f"{ms(lambda: load_atlas(path), args.reps)[0]:7.1f} ms")
    w.close()


if __name__ == "__main__":
    main()

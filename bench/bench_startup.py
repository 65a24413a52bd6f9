"""Cold start to first paint of the main window, next to a bare PySide6 window in the same run.

    python bench/bench_startup.py [--runs 5]

Each run is a fresh process (offscreen); the app prints the wall-clock time of its first
event-loop turn after show(), the bench subtracts the time it launched the process. Medians.
Asserts nothing.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BARE = (
    "import sys, time\n"
    "from PySide6.QtWidgets import QApplication, QLabel\n"
    "from PySide6.QtCore import QTimer\n"
    "app = QApplication(sys.argv)\n"
    "w = QLabel('hello'); w.show()\n"
    "QTimer.singleShot(0, lambda: (print(f'first-paint {time.time():.6f}', flush=True), app.exit(0)))\n"
    "app.exec()\n"
)


def probe(cmd, env, marks=("first-paint",)):
    """Seconds from launching ``cmd`` to each mark it prints ("first-paint <time>")."""
    t0 = time.time()
    out = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60).stdout
    stamps = dict(ln.split() for ln in out.splitlines() if ln.split()[0] in marks)
    return [float(stamps[m]) - t0 for m in marks]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--panel", default="draw")
    args = p.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "DLFS_CONFIG_DIR": tempfile.mkdtemp()}
    paint, ready, bare = [], [], []
    for _ in range(args.runs):
        p, r = probe([sys.executable, "main.py", "--startup-probe", "--panel", args.panel], env,
                     ("first-paint", "panel-ready"))
        paint.append(p)
        ready.append(r)
        bare.append(probe([sys.executable, "-c", BARE], env)[0])
    a, r, b = statistics.median(paint), statistics.median(ready), statistics.median(bare)
    print(f"cold start, median of {args.runs} fresh processes:")
    print(f"  DLFS Explorer, first paint            : {a:.3f} s   (app/bare = {a / b:.2f})")
    print(f"  DLFS Explorer, '{args.panel}' panel ready   : {r:.3f} s")
    print(f"  bare PySide6 QLabel, first paint      : {b:.3f} s")
    print("  target: first paint under 1.5 s")


if __name__ == "__main__":
    main()

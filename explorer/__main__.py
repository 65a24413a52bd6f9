"""Command line: ``python main.py [--panel conv|optimizer|draw|training|layers] [--lang ko|en] [--screenshot PATH]``.

Qt and the app are imported inside the functions, after the arguments are read: ``--help`` and a
mistyped option answer at once, and the start-up clock (START) includes them."""

import argparse
import sys
import time

START = time.time()


def tour_step(number):
    """The tour's step index for ``--tour [STEP]``: None (where it was left) without a number, else STEP − 1."""
    return None if number == 0 else max(number - 1, 0)


def parse_args(argv=None):
    from .panels import PANEL_KEYS

    parser = argparse.ArgumentParser(prog="dlfs-explorer",
                                     description="DLFS Explorer: chapters 6-7 of Deep Learning from Scratch, live.")
    parser.add_argument("--panel", choices=PANEL_KEYS, default=None, help="panel to open (default: the last one)")
    parser.add_argument("--lang", choices=["ko", "en"], default=None,
                        help="interface language (default: the last one, else the system's)")
    parser.add_argument("--screenshot", metavar="PATH", default=None,
                        help="render the window to an image once laid out (PNG, or JPEG for .jpg), then exit")
    parser.add_argument("--tour", nargs="?", type=int, const=0, default=None, metavar="STEP",
                        help="open the guided tour through the lecture: where it was left, or at step STEP (from 1)")
    parser.add_argument("--install-desktop-entry", action="store_true",
                        help="add DLFS Explorer to this user's desktop menu (Linux), then exit")
    parser.add_argument("--startup-probe", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.screenshot is not None and not args.screenshot.strip():
        parser.error("--screenshot needs a file name")
    return args


def limit_blas_threads():
    """One BLAS thread. On a 2-core machine that is also running a browser and an editor, OpenBLAS's
    own threads wait for each other: measured here, a DeepConvNet gradient step took 19x longer
    with two threads than with one, and training 4-7x longer. The app's heavy work runs in one
    worker at a time, and the GUI thread keeps the other core."""
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=1, user_api="blas")


def main(argv=None):
    args = parse_args(argv)
    if args.install_desktop_entry:
        from .desktop import install_desktop_entry

        print(f"installed {install_desktop_entry()}")
        return 0
    _blas = limit_blas_threads()  # noqa: F841 (kept for the life of the app)
    from PySide6.QtCore import QCoreApplication, Qt, QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    QCoreApplication.setOrganizationName("dlfs-explorer")
    QCoreApplication.setApplicationName("DLFS Explorer")
    app = QApplication.instance() or QApplication(sys.argv[:1])

    from .errors import install_excepthook, setup_logging
    from .settings import Settings

    log_problem = setup_logging()
    install_excepthook(exit_on_error=args.screenshot is not None)
    from .app import MainWindow, render_screenshot

    window = MainWindow(Settings(), lang=args.lang, panel=args.panel, defer_panel=True)
    window.show()
    if log_problem:
        window.statusBar().showMessage(log_problem, 15000)
    if args.tour is not None:
        window.first_painted.connect(lambda: QTimer.singleShot(0, lambda: window.start_tour(tour_step(args.tour))))
    if args.startup_probe:  # bench/bench_startup.py: report the first paint, then leave
        window.first_painted.connect(lambda: print(f"first-paint {time.time():.6f}", flush=True))
        window.panel_changed.connect(lambda _k: (print(f"panel-ready {time.time():.6f}", flush=True), app.exit(0)))
    if args.screenshot is not None:
        render_screenshot(window, args.screenshot)
    code = app.exec()
    from .workers import wait_for_set_aside

    wait_for_set_aside()  # a job still ending when the window closed: let it end before the process does
    return code


if __name__ == "__main__":
    sys.exit(main())

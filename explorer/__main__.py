"""Command-line entry point: parse options, build the QApplication, show the main window."""

import argparse
import sys


def parse_args(argv=None):
    parser = argparse.ArgumentParser(prog="dlfs-explorer", description="DLFS Explorer")
    parser.add_argument("--panel", choices=["conv", "optimizer", "draw", "training"], default=None)
    parser.add_argument("--lang", choices=["ko", "en"], default=None)
    parser.add_argument("--screenshot", metavar="PATH", default=None,
                        help="render the window to a PNG file and exit")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication.instance() or QApplication(sys.argv[:1])
    label = QLabel("DLFS Explorer")
    label.resize(800, 600)
    label.show()
    if args.screenshot:
        app.processEvents()
        label.grab().save(args.screenshot)
        return 0
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())

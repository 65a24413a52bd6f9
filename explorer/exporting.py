"""Writing a widget to PNG (pixels) or SVG (vectors) for slides.

Every export is written to a temporary file beside the target and moved into place only when it
was written whole, so a failed export never leaves half a file, and success is what was written —
not whether a file (or a folder!) of that name happens to exist.
"""

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QPoint, QRectF
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsView, QWidget

from engine.weights import new_file_mode


def write_atomically(path, write):
    """Run ``write(temporary_path) -> bool`` and move the result to ``path``; False on any failure."""
    path = Path(path)
    if path.is_dir():
        return False
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".export-", suffix=path.suffix)
    except OSError:
        return False
    os.close(fd)
    try:
        ok = bool(write(tmp)) and os.path.getsize(tmp) > 0
        if ok:
            os.chmod(tmp, new_file_mode())  # mkstemp makes 0600; an export is an ordinary file
            os.replace(tmp, path)
        return ok
    except OSError:
        return False
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def export_png(widget, path):
    return write_atomically(path, lambda tmp: widget.grab().save(tmp, "PNG"))


def export_svg(widget, path):
    """SVG of any widget; a graphics view (pyqtgraph plots) renders its scene as real vectors."""
    return write_atomically(path, lambda tmp: _write_svg(widget, tmp))


def _write_svg(widget, path):
    from PySide6.QtSvg import QSvgGenerator  # a Qt module of its own: loaded on the first SVG export

    gen = QSvgGenerator()
    gen.setFileName(str(path))
    gen.setSize(widget.size())
    gen.setViewBox(QRectF(0, 0, widget.width(), widget.height()))
    gen.setTitle("DLFS Explorer")
    # The screen's resolution, not the generator's 72 dpi: pyqtgraph replays its axes from QPictures
    # recorded at screen resolution, which a 72-dpi device shrinks to 0.75 of their size.
    gen.setResolution(widget.logicalDpiX())
    painter = QPainter()
    if not painter.begin(gen):
        return False
    items = widget.scene().items() if isinstance(widget, QGraphicsView) else []
    try:
        # pyqtgraph's export mode: scatter symbols drawn as paths instead of pasted from a pixmap atlas
        # (which an SVG painter garbles)
        for item in items:
            if hasattr(item, "setExportMode"):
                item.setExportMode(True, {"painter": painter, "antialias": True})
        if isinstance(widget, QGraphicsView):
            # The scene itself, item by item (pyqtgraph's SVGExporter chokes on Qt 6's path syntax).
            widget.render(painter)
        else:
            QWidget.render(widget, painter, QPoint(0, 0))
    finally:
        ok = painter.end()
        for item in items:
            if hasattr(item, "setExportMode"):
                item.setExportMode(False)
    return ok


def export_widget(widget, path):
    """By the file's suffix: .svg as vectors, anything else as PNG. True when the file was written."""
    return export_svg(widget, path) if str(path).lower().endswith(".svg") else export_png(widget, path)

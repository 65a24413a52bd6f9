"""Writing a widget to PNG (pixels) or SVG (vectors) for slides."""

from pathlib import Path

from PySide6.QtCore import QPoint, QRectF
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsView, QWidget


def export_png(widget, path):
    return widget.grab().save(str(path), "PNG")


def export_svg(widget, path):
    """SVG of any widget; a graphics view (pyqtgraph plots) renders its scene as real vectors."""
    from PySide6.QtSvg import QSvgGenerator

    path = str(path)
    gen = QSvgGenerator()
    gen.setFileName(path)
    gen.setSize(widget.size())
    gen.setViewBox(QRectF(0, 0, widget.width(), widget.height()))
    gen.setTitle("DLFS Explorer")
    # The screen's resolution, not the generator's 72 dpi: pyqtgraph replays its axes from QPictures
    # recorded at screen resolution, which a 72-dpi device shrinks to 0.75 of their size.
    gen.setResolution(widget.logicalDpiX())
    painter = QPainter(gen)
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
        painter.end()
        for item in items:
            if hasattr(item, "setExportMode"):
                item.setExportMode(False)
    return Path(path).exists()


def export_widget(widget, path):
    """By the file's suffix: .svg as vectors, anything else as PNG."""
    return export_svg(widget, path) if str(path).lower().endswith(".svg") else export_png(widget, path)

"""Saving the playground for slides: the figure as PNG/SVG, the animation as a GIF."""

from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QPoint, QRectF
from PySide6.QtGui import QPainter


def export_figure(widget, path):
    """PNG (pixels) or SVG (vector) of the plot widget."""
    path = str(path)
    if path.lower().endswith(".svg"):
        from PySide6.QtSvg import QSvgGenerator

        gen = QSvgGenerator()
        gen.setFileName(path)
        gen.setSize(widget.size())
        gen.setViewBox(QRectF(0, 0, widget.width(), widget.height()))
        painter = QPainter(gen)
        try:
            widget.render(painter, QPoint(0, 0))
        finally:
            painter.end()
        return Path(path).exists()
    return widget.grab().save(path, "PNG")


def export_gif(panel, path, max_frames=200, frame_ms=120):
    """Replay the updates 0..K, grab the plot each time, write an animated GIF (Pillow)."""
    from PIL import Image

    saved = panel.state.frame
    frames = []
    last = min(panel.state.iterations, max_frames)
    try:
        for k in range(last + 1):
            panel.set_frame(k)
            buffer = QBuffer()
            buffer.open(QIODevice.OpenModeFlag.WriteOnly)
            panel.view.grab().save(buffer, "PNG")
            from io import BytesIO

            frames.append(Image.open(BytesIO(bytes(buffer.data()))).convert("P", palette=Image.Palette.ADAPTIVE))
    finally:
        panel.set_frame(saved)
    frames[0].save(path, save_all=True, append_images=frames[1:], duration=frame_ms, loop=0, optimize=True)
    return Path(path).exists()

"""Saving the playground for slides: the figure as PNG/SVG, the animation as a GIF."""

from io import BytesIO

from PySide6.QtCore import QBuffer, QIODevice

from ...exporting import write_atomically


def export_gif(panel, path, max_frames=200, frame_ms=120):
    """Replay the updates 0..K, grab the plot each time, write an animated GIF (Pillow)."""
    from PIL import Image  # Pillow loads in ~0.1 s: only when a GIF is written

    saved = panel.state.frame
    frames = []
    last = min(panel.state.iterations, max_frames)
    try:
        for k in range(last + 1):
            panel.set_frame(k)
            buffer = QBuffer()
            buffer.open(QIODevice.OpenModeFlag.WriteOnly)
            panel.view.grab().save(buffer, "PNG")
            frames.append(Image.open(BytesIO(bytes(buffer.data()))).convert("P", palette=Image.Palette.ADAPTIVE))
    finally:
        panel.set_frame(saved)
    def write(tmp):
        frames[0].save(tmp, format="GIF", save_all=True, append_images=frames[1:], duration=frame_ms, loop=0,
                       optimize=True)
        return True

    return write_atomically(path, write)

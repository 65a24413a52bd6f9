"""NumPy arrays and QImages, both ways, in one place. QImage rows are padded to 4 bytes, so a 5-pixel-wide
grey image has 8 bytes per row: each conversion here minds that."""

import numpy as np
from PySide6.QtGui import QImage


def to_qimage(pixels):
    """uint8 (H, W) grey or (H, W, 3) RGB -> a QImage holding its own copy of the pixels."""
    data = np.ascontiguousarray(pixels, dtype=np.uint8)
    h, w = data.shape[:2]
    if data.ndim == 2:
        return QImage(data.data, w, h, w, QImage.Format.Format_Grayscale8).copy()
    if data.ndim == 3 and data.shape[2] == 3:
        return QImage(data.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()
    raise ValueError(f"expected (H, W) grey or (H, W, 3) RGB pixels, got shape {data.shape}")


def to_array(image, channels=1):
    """A QImage's pixels as a new uint8 array: (H, W) grey (``channels=1``) or (H, W, 4) RGBA, not
    premultiplied (``channels=4``)."""
    if channels not in (1, 4):
        raise ValueError(f"channels must be 1 (grey) or 4 (RGBA), got {channels}")
    fmt = QImage.Format.Format_Grayscale8 if channels == 1 else QImage.Format.Format_RGBA8888
    converted = image.convertToFormat(fmt)  # the same image, shared, when it already is in that format
    w, h = converted.width(), converted.height()
    data = np.frombuffer(converted.constBits(), dtype=np.uint8, count=converted.sizeInBytes())
    rows = data.reshape(h, converted.bytesPerLine())[:, : channels * w]
    return (rows.reshape(h, w) if channels == 1 else rows.reshape(h, w, 4)).copy()

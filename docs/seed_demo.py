"""Seed a settings folder with a drawn digit, for the README screenshots of Draw & Classify.

    DLFS_CONFIG_DIR=/tmp/demo python docs/seed_demo.py [INDEX]
"""

import sys

from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QImage

from engine.preprocess import resize
from engine.samples import load_samples
from explorer.settings import Settings


def main():
    index = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    images, _ = load_samples()
    # A sample digit, enlarged to the canvas with a margin, as if drawn there.
    ink = resize(images[index] / 255.0, 240, 240)
    canvas = (ink.clip(0, 1) * 255).astype("uint8")
    import numpy as np

    full = np.zeros((280, 280), dtype=np.uint8)
    full[20:260, 20:260] = canvas
    image = QImage(full.data, 280, 280, 280, QImage.Format.Format_Grayscale8).copy()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    settings = Settings()
    settings.set("draw/canvas", buffer.data())
    settings.sync()


if __name__ == "__main__":
    main()

"""A photo or scan of a digit, read from a file off the GUI thread (Draw & Classify, Layer Explorer).

``read_ink`` decodes the file — a large one already scaled down while decoding, so an 8000x8000
photo never fills memory — keeps its transparency, and hands the picture to
``engine.photo.photo_to_ink``. It returns the ink cut to a square, or an ``ImageFileProblem`` that
says, in the user's language, why the file cannot be used.
"""

from pathlib import Path

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize
from PySide6.QtGui import QImageReader

from engine.files import DANGLING, FOLDER, LOOP, MISSING, SPECIAL, UNREADABLE, file_problem
from engine.photo import photo_to_ink
from engine.preprocess import fit_square, mnist_style

from .i18n import fill
from .qimages import to_array

MAX_SIDE = 1024  # larger images are scaled down while decoding: a digit needs no more
MIN_SIDE = 8  # fewer pixels than this cannot show a digit

NOT_AN_IMAGE = QT_TRANSLATE_NOOP("ImageFile", "%1 is not an image this program can read, or the file is broken.")
TOO_SMALL = QT_TRANSLATE_NOOP("ImageFile", "%1 is %2×%3 pixels (width × height): a digit needs at least %4×%4.")
CUT_OFF = QT_TRANSLATE_NOOP("ImageFile", "%1 is cut off: the file ends before the picture does.")
BLANK = QT_TRANSLATE_NOOP("ImageFile", "No digit found in %1: the image looks blank.")
NOT_A_FILE = {  # what engine.files.file_problem finds, in words a user can act on
    MISSING: QT_TRANSLATE_NOOP("ImageFile", "%1 does not exist."),
    DANGLING: QT_TRANSLATE_NOOP("ImageFile", "%1 is a link to a file that does not exist."),
    LOOP: QT_TRANSLATE_NOOP("ImageFile", "%1 is a link that leads back to itself."),
    FOLDER: QT_TRANSLATE_NOOP("ImageFile", "%1 is a folder, not an image."),
    SPECIAL: QT_TRANSLATE_NOOP("ImageFile", "%1 is not a regular file (a pipe, socket or device)."),
    UNREADABLE: QT_TRANSLATE_NOOP("ImageFile", "%1 cannot be read: permission denied."),
}


class ImageFileProblem:
    """Why a file cannot be used: an English template with %1.. and its values, translated on demand."""

    def __init__(self, template, *values):
        self.template, self.values = template, tuple(str(v) for v in values)

    def message(self):
        return fill(QCoreApplication.translate("ImageFile", self.template), *self.values)

    def __repr__(self):
        return f"ImageFileProblem({fill(self.template, *self.values)!r})"


def decode(path):
    """(grey, alpha or None) as float arrays 0..1, or an ImageFileProblem."""
    name = Path(path).name
    problem = file_problem(path)  # before Qt opens it: a pipe would block the reader for ever
    if problem is not None:
        return ImageFileProblem(NOT_A_FILE[problem], name)
    reader = QImageReader(str(path))
    # Qt refuses images whose full size would take more than 256 MB (64 megapixels) even when they are
    # decoded scaled down; a phone's 108-megapixel photo is a fine digit. The scaled image is what is
    # allocated here, so the limit can be lifted for reading it.
    reader.setAllocationLimit(1024)  # MB: up to 256 megapixels
    size = reader.size()
    if not reader.canRead() or not size.isValid():
        return ImageFileProblem(NOT_AN_IMAGE, name)
    if min(size.width(), size.height()) < MIN_SIDE:
        return ImageFileProblem(TOO_SMALL, name, size.width(), size.height(), MIN_SIDE)
    if reader.format().data().lower() in (b"jpeg", b"jpg") and not _jpeg_ends(path):
        return ImageFileProblem(CUT_OFF, name)  # Qt decodes the part that is there and greys the rest
    if max(size.width(), size.height()) > MAX_SIDE:
        scale = MAX_SIDE / max(size.width(), size.height())
        reader.setScaledSize(QSize(max(1, round(size.width() * scale)), max(1, round(size.height() * scale))))
    image = reader.read()
    if image.isNull():
        return ImageFileProblem(NOT_AN_IMAGE, name)
    pixels = to_array(image, channels=4).astype(np.float64) / 255.0  # RGBA, not premultiplied
    grey = pixels[..., :3] @ np.array([0.299, 0.587, 0.114])  # luma, as Qt's own grey conversion
    alpha = pixels[..., 3] if image.hasAlphaChannel() else None
    return grey, alpha


def _jpeg_ends(path):
    """Whether a JPEG file holds its end-of-image marker (FF D9) near its end, as a whole one does."""
    try:
        with open(path, "rb") as f:
            f.seek(0, 2)
            f.seek(max(0, f.tell() - 4096))
            return b"\xff\xd9" in f.read()
    except OSError:
        return False


def read_ink(path):
    """The digit in an image file as ink cut to a square (white on black, 0..1), or an ImageFileProblem."""
    decoded = decode(path)
    if isinstance(decoded, ImageFileProblem):
        return decoded
    ink = fit_square(photo_to_ink(*decoded))
    if ink is None:
        return ImageFileProblem(BLANK, Path(path).name)
    return ink


def read_digit_job(path):
    """The digit in an image file as the 28x28 MNIST-style image, or an ImageFileProblem."""
    ink = read_ink(path)
    return ink if isinstance(ink, ImageFileProblem) else mnist_style(ink).astype(np.float32)

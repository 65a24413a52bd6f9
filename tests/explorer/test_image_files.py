"""Reading a digit from an image file: sizes, colours, scaling and the MNIST-style result."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen

from engine.preprocess import STROKE_BAND, stroke_width
from explorer.image_files import MAX_SIDE, ImageFileProblem, decode, read_digit_job


def save(tmp_path, name, width, height, fill="white"):
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(fill))
    path = tmp_path / name
    assert image.save(str(path))
    return path, image


@pytest.mark.parametrize("width, height", [(4, 100), (100, 4), (7, 7)])
def test_images_thinner_than_eight_pixels_either_way_are_too_small(tmp_path, width, height, qapp):
    path, _ = save(tmp_path, "thin.png", width, height)
    problem = decode(path)
    assert isinstance(problem, ImageFileProblem)
    assert f"{width}×{height} pixels" in problem.message() and "at least 8×8" in problem.message()


def test_colours_become_grey_by_their_luma(tmp_path, qapp):
    path, image = save(tmp_path, "rgb.png", 12, 9)
    for col, colour in enumerate(("#ff0000", "#00ff00", "#0000ff")):
        for r in range(9):
            image.setPixelColor(col, r, QColor(colour))
    image.save(str(path))
    grey, alpha = decode(path)
    assert alpha is None
    np.testing.assert_allclose(grey[:, :3].mean(axis=0), [0.299, 0.587, 0.114], atol=1e-9)
    assert grey[0, 5] == pytest.approx(1.0)


def test_large_images_are_scaled_to_the_limit_keeping_their_shape(tmp_path, qapp):
    path, _ = save(tmp_path, "wide.png", 3000, 1500)
    grey, _ = decode(path)
    assert grey.shape == (MAX_SIDE // 2, MAX_SIDE)  # rows, columns
    path, _ = save(tmp_path, "tall.png", 600, 2400)
    assert decode(path)[0].shape == (MAX_SIDE, MAX_SIDE // 4)


def test_a_thin_pen_on_a_large_page_comes_out_with_mnist_stroke_width(tmp_path, qapp):
    path, image = save(tmp_path, "ring.png", 400, 400)
    painter = QPainter(image)
    painter.setPen(QPen(QColor("black"), 3, Qt.PenStyle.SolidLine))
    painter.drawEllipse(100, 60, 200, 280)  # a "0" drawn with a 3 px pen: 0.2 px once 20 px tall
    painter.end()
    image.save(str(path))
    digit = read_digit_job(path)
    assert digit.shape == (28, 28) and digit.max() > 0.9
    assert STROKE_BAND[0] <= stroke_width(digit) <= STROKE_BAND[1]


def test_a_pipe_a_folder_or_a_link_loop_is_named_and_never_opened(tmp_path, qapp):
    import os

    os.mkfifo(tmp_path / "pipe.png")  # Qt would wait for ever for a writer
    (tmp_path / "folder.png").mkdir()
    os.symlink("b.png", tmp_path / "a.png")
    os.symlink("a.png", tmp_path / "b.png")
    messages = {name: decode(tmp_path / name).message() for name in ("pipe.png", "folder.png", "a.png", "none.png")}
    assert messages == {"pipe.png": "pipe.png is not a regular file (a pipe, socket or device).",
                        "folder.png": "folder.png is a folder, not an image.",
                        "a.png": "a.png is a link that leads back to itself.",
                        "none.png": "none.png does not exist."}


def test_a_jpeg_with_bytes_after_its_end_marker_is_not_called_cut_off(tmp_path, qapp):
    path, image = save(tmp_path, "camera.jpg", 64, 64)
    with open(path, "ab") as f:
        f.write(b"\0" * 200)  # some cameras and editors pad the file after the end-of-image marker
    decoded = decode(path)
    assert not isinstance(decoded, ImageFileProblem), decoded
    assert decoded[0].shape == (64, 64)


def test_the_smallest_image_kept_its_transparency_and_each_refusal_names_its_reason(tmp_path, qapp):
    # Exactly 8×8 is enough; the alpha channel comes through as it is (not premultiplied into the grey).
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    image.fill(QColor(0, 0, 0, 0))
    image.setPixelColor(2, 5, QColor(255, 255, 255, 128))
    assert image.save(str(tmp_path / "small.png"))
    grey, alpha = decode(tmp_path / "small.png")
    assert grey.shape == alpha.shape == (8, 8)
    assert alpha[5, 2] == pytest.approx(128 / 255) and alpha.sum() == pytest.approx(128 / 255)
    assert grey[5, 2] == pytest.approx(1.0)
    # A blank page, a file that is no image, a JPEG cut off half way.
    blank, _ = save(tmp_path, "blank.png", 64, 64)
    (tmp_path / "notes.png").write_bytes(b"these are not pixels" * 20)
    whole, _ = save(tmp_path, "photo.jpg", 200, 200, fill="#808080")
    data = whole.read_bytes()
    (tmp_path / "half.jpg").write_bytes(data[: len(data) // 2])
    said = {name: read_digit_job(tmp_path / name).message() for name in ("blank.png", "notes.png", "half.jpg")}
    assert said == {"blank.png": "No digit found in blank.png: the image looks blank.",
                    "notes.png": "notes.png is not an image this program can read, or the file is broken.",
                    "half.jpg": "half.jpg is cut off: the file ends before the picture does."}


def test_an_image_files_problem_is_told_in_korean_when_the_app_speaks_korean(window, tmp_path):
    (tmp_path / "scan.png").write_bytes(b"not a picture at all")
    problem = decode(tmp_path / "scan.png")
    assert problem.message() == "scan.png is not an image this program can read, or the file is broken."
    window.set_language("ko")
    try:
        assert problem.message() == "scan.png은(는) 이 프로그램이 읽을 수 있는 이미지가 아니거나 파일이 손상되었습니다."
    finally:
        window.set_language("en")

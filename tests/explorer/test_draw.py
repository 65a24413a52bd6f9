import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from engine import pretrained
from engine.preprocess import mnist_style
from engine.samples import load_samples
from engine.visualize import saliency


@pytest.fixture
def panel(window, qtbot):
    window.select_panel("draw")
    p = window.current_panel()
    p.resize(1000, 800)
    qtbot.waitExposed(p.canvas)
    return p


def canvas_point(canvas, x, y):
    """Canvas pixel (0..280) -> widget position."""
    t = canvas._target()
    return QPoint(int(t.x() + x * t.width() / 280), int(t.y() + y * t.height() / 280))


def stroke(canvas, points):
    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     canvas_point(canvas, *points[0]))
    for x, y in points[1:]:
        QTest.mouseMove(canvas, canvas_point(canvas, x, y))
    QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       canvas_point(canvas, *points[-1]))


def vertical_line():
    return [(140, y) for y in range(50, 231, 10)]


def loop():
    return [(140 + 55 * np.sin(a), 140 - 85 * np.cos(a)) for a in np.linspace(0, 2 * np.pi, 40)]


def test_saliency_overlay_colours_where_the_answer_comes_from(panel, qtbot):
    stroke(panel.canvas, loop())
    grey = panel.preview.pixmap().toImage().scaled(28, 28)
    assert grey.isGrayscale()
    panel.saliency_check.click()
    assert panel.context.settings.get("draw/saliency", False, bool)
    heat = saliency(panel.context.model.net, panel.state.reading.image)
    image = panel.preview.pixmap().toImage().scaled(28, 28)
    assert not image.isGrayscale()
    i, j = np.unravel_index(np.argmax(heat), heat.shape)
    hot = image.pixelColor(int(j), int(i))
    assert hot.red() > 200 and hot.red() > hot.blue() + 100  # orange where the gradient is largest
    k, m = np.unravel_index(np.argmin(heat + (panel.state.reading.image > 0)), heat.shape)
    cold = image.pixelColor(int(m), int(k))
    assert heat[k, m] < 0.05 and cold.red() < 60  # black where it does not matter


def test_empty_canvas_gives_no_prediction(panel):
    assert panel.state.reading is None
    assert panel.bars.probabilities is None
    assert panel.answer.text() == "–"


def test_mouse_stroke_produces_a_prediction(panel):
    stroke(panel.canvas, vertical_line())
    assert not panel.canvas.is_empty()
    reading = panel.state.reading
    assert reading is not None and reading.activations is not None
    assert panel.answer.text() == str(reading.answer)
    assert sum(panel.bars.probabilities) == pytest.approx(1, abs=1e-5)
    # The 28x28 preview is exactly the preprocessing function's output.
    np.testing.assert_array_equal(reading.image, mnist_style(panel.canvas.to_array()))
    assert not panel.preview.pixmap().isNull()


def test_while_a_stroke_goes_on_the_answer_follows_it_and_the_inside_view_waits_for_its_end(panel, qtbot):
    """Live readings during a stroke are cheap (no activations): the bars and the answer follow the pen and
    the inside view keeps the last complete one; releasing the pen computes the inside view of the new drawing."""
    from engine.inference import read_digit

    stroke(panel.canvas, vertical_line())
    before = panel.state.reading.activations
    points = loop()
    QTest.mousePress(panel.canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     canvas_point(panel.canvas, *points[0]))
    for x, y in points[1:]:
        QTest.mouseMove(panel.canvas, canvas_point(panel.canvas, x, y))
    panel.update_prediction(live=True)  # what the pen's timer does mid-stroke
    net = panel.context.model.net
    live = read_digit(net, panel.canvas.to_array())
    np.testing.assert_allclose(panel.state.reading.probabilities, live.probabilities)
    assert panel.state.reading.activations is before  # the inside view of the finished line, kept
    QTest.mouseRelease(panel.canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       canvas_point(panel.canvas, *points[-1]))
    full = read_digit(net, panel.canvas.to_array(), with_activations=True)
    after = panel.state.reading.activations
    assert after is not before and set(after) == set(full.activations)
    for name, value in full.activations.items():
        np.testing.assert_allclose(after[name], value)


@pytest.mark.skipif(not pretrained.WEIGHTS.exists(), reason="shipped weights not built yet")
def test_strokes_are_read_as_the_digits_they_draw(panel):
    stroke(panel.canvas, vertical_line())
    assert panel.state.reading.answer == 1
    panel.canvas.clear()
    stroke(panel.canvas, loop())
    assert panel.state.reading.answer == 0


def test_undo_redo_and_clear(panel, qtbot):
    def buttons():
        return panel.undo_button.isEnabled(), panel.redo_button.isEnabled()

    assert buttons() == (False, False)
    stroke(panel.canvas, vertical_line())
    assert buttons() == (True, False)  # something to undo, nothing undone to redo
    panel.canvas.setFocus()
    QTest.keyClick(panel, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert panel.canvas.is_empty() and panel.state.reading is None
    assert buttons() == (False, True)
    QTest.keyClick(panel, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not panel.canvas.is_empty() and panel.state.reading is not None
    assert buttons() == (True, False)
    QTest.keyClick(panel, Qt.Key.Key_Escape)
    assert panel.canvas.is_empty() and panel.bars.probabilities is None
    panel.undo_button.click()
    assert not panel.canvas.is_empty()


def test_the_eraser_leaves_no_ghost(panel):
    stroke(panel.canvas, vertical_line())
    panel.eraser_button.setChecked(True)  # the same pen width, once along the same path
    stroke(panel.canvas, vertical_line())
    assert panel.canvas.to_array().max() == 0  # not even a faint grey edge


def test_eraser_removes_ink(panel):
    stroke(panel.canvas, vertical_line())
    before = panel.canvas.to_array().sum()
    panel.eraser_button.setChecked(True)
    panel.pen_slider.setValue(40)
    stroke(panel.canvas, [(140, y) for y in range(40, 100, 5)])
    assert panel.canvas.to_array().sum() < before


def write_photo(path, digit_uint8):
    """A 'photo' of a digit: dark ink on light paper, larger and not centred."""
    ink = np.kron(digit_uint8.astype(float) / 255, np.ones((6, 6)))
    page = np.full((240, 320), 0.9)
    page[30:198, 100:268] -= 0.7 * ink
    data = np.ascontiguousarray((page * 255).astype(np.uint8))
    QImage(data.data, 320, 240, 320, QImage.Format.Format_Grayscale8).copy().save(str(path))


def load(panel, qtbot, path):
    """Load an image file into the panel and wait for the worker; True if it reached the canvas."""
    with qtbot.waitSignal(panel.image_load_finished, timeout=10000) as blocker:
        panel.load_image(path)
    return blocker.args[0]


def save_grey(page, path, quality=-1):
    """A grey float page 0..1 saved as an image file (PNG, or JPEG at ``quality``)."""
    data = np.ascontiguousarray((np.clip(page, 0, 1) * 255).round().astype(np.uint8))
    h, w = data.shape
    assert QImage(data.data, w, h, w, QImage.Format.Format_Grayscale8).copy().save(str(path), None, quality)


def test_loading_a_photo_classifies_it(panel, qtbot, tmp_path):
    images, labels = load_samples()
    write_photo(tmp_path / "digit.png", images[3])
    assert load(panel, qtbot, tmp_path / "digit.png")
    assert panel.cursor().shape() != Qt.CursorShape.BusyCursor
    reading = panel.state.reading
    assert reading is not None
    direct = mnist_style(images[3] / 255)
    assert np.abs(reading.image - direct).mean() < 0.05
    assert reading.answer == labels[3]


def test_photos_of_paper_under_uneven_light_are_read_as_their_digits(panel, qtbot, tmp_path):
    """Real MNIST digits as phone-like JPEG photos: a 45 % brightness ramp, pencil-grey or black ink,
    noise and blur, off-centre on a large page; loaded through the panel as a user would."""
    from tests.photos import photo_of

    images, labels = load_samples()
    rng = np.random.default_rng(7)
    right = 0
    count = 24
    for i in range(count):
        page = photo_of(images[i], rng, ramp=0.45, pencil=i % 2 == 1, size=(480, 360))
        save_grey(page, tmp_path / f"photo{i}.jpg", quality=70)
        assert load(panel, qtbot, tmp_path / f"photo{i}.jpg")
        right += panel.state.reading.answer == labels[i]
    assert right >= 0.95 * count


def test_a_black_digit_on_a_transparent_png_is_a_digit(panel, qtbot, tmp_path):
    images, labels = load_samples()
    digit = np.kron(images[5], np.ones((8, 8), dtype=np.uint8))
    rgba = np.zeros((*digit.shape, 4), dtype=np.uint8)  # black everywhere, see-through but the ink
    rgba[..., 3] = digit
    h, w = digit.shape
    QImage(rgba.data, w, h, 4 * w, QImage.Format.Format_RGBA8888).copy().save(str(tmp_path / "t.png"))
    assert load(panel, qtbot, tmp_path / "t.png")
    assert panel.state.reading.answer == labels[5]


def test_broken_tiny_and_blank_images_get_a_message(panel, qtbot, tmp_path, monkeypatch):
    from tests.photos import blank_paper

    messages = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: messages.append(a[2]))
    (tmp_path / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\nnot really")
    stroke(panel.canvas, vertical_line())
    before = panel.canvas.to_array().copy()
    assert not load(panel, qtbot, tmp_path / "broken.png")
    assert "broken.png" in messages[-1] and "not an image" in messages[-1]
    np.testing.assert_array_equal(panel.canvas.to_array(), before)  # nothing lost
    blank = QImage(50, 50, QImage.Format.Format_Grayscale8)
    blank.fill(230)
    blank.save(str(tmp_path / "blank.png"))
    assert not load(panel, qtbot, tmp_path / "blank.png")
    assert messages[-1] == "No digit found in blank.png: the image looks blank."
    save_grey(blank_paper(np.random.default_rng(3)), tmp_path / "noisy.jpg", quality=80)
    assert not load(panel, qtbot, tmp_path / "noisy.jpg")  # noisy, unevenly lit paper is still blank
    assert messages[-1].startswith("No digit found in noisy.jpg")
    tiny = QImage(1, 1, QImage.Format.Format_Grayscale8)
    tiny.fill(0)
    tiny.save(str(tmp_path / "tiny.png"))
    assert not load(panel, qtbot, tmp_path / "tiny.png")
    assert messages[-1] == "tiny.png is 1×1 pixels (width × height): a digit needs at least 8×8."
    np.testing.assert_array_equal(panel.canvas.to_array(), before)


def test_the_window_answers_while_a_large_image_loads(panel, qtbot, tmp_path):
    """Decoding runs in a worker: the GUI thread is free (a busy cursor shows) until the image arrives."""
    big = QImage(4000, 3000, QImage.Format.Format_Grayscale8)
    big.fill(225)
    from PySide6.QtGui import QColor, QPainter

    painter = QPainter(big)
    painter.fillRect(1900, 700, 160, 1600, QColor(30, 30, 30))  # a "1"
    painter.end()
    big.save(str(tmp_path / "big.png"))
    with qtbot.waitSignal(panel.image_load_finished, timeout=20000) as blocker:
        panel.load_image(tmp_path / "big.png")
        assert panel.cursor().shape() == Qt.CursorShape.BusyCursor  # returned at once, still loading
    assert blocker.args[0] and panel.state.reading.answer == 1


def test_gallery_loads_a_digit_and_lists_mistakes(panel, qtbot):
    page = panel.gallery_page
    panel.tabs.setCurrentWidget(page)
    assert page.gallery.count() == 600  # of 1,000: the grid shows at most 600 at once
    assert page.status.text() == "1,000 digits; click one to load it (showing the first 600)"
    page.gallery.itemClicked.emit(page.gallery.item(7))
    assert panel.state.reading is not None
    page.filter.setCurrentIndex(page.filter.findData("3"))
    assert page.gallery.count() == 100 and page.status.text() == "100 digits; click one to load it"
    assert page.gallery.item(0).text() == "3" and page.gallery.item(0).toolTip() == "A 3 from the MNIST test set"
    page.filter.setCurrentIndex(page.filter.findData("mistakes"))
    assert "Classifying 1,000 digits" in page.status.text()  # in a worker, not on the GUI thread
    src = page.sources["samples"]
    qtbot.waitUntil(lambda: src.predictions is not None and "of 1,000" in page.status.text(), timeout=10000)
    expected = panel.context.model.net.predict(src.images[:, None] / 255.0).argmax(axis=1)
    np.testing.assert_array_equal(src.predictions, expected)
    wrong = int(np.sum(expected != src.labels))
    assert page.gallery.count() == wrong and page.status.text() == (
        f"{wrong} of 1,000 digits are misclassified (under each: the network's answer ≠ the true digit)")
    first = int(np.flatnonzero(expected != src.labels)[0])
    assert page.gallery.item(0).text() == f"{expected[first]}≠{src.labels[first]}"


def test_gallery_drops_answers_for_weights_that_changed_meanwhile(panel, qtbot):
    page = panel.gallery_page
    panel.tabs.setCurrentWidget(page)
    page.filter.setCurrentIndex(page.filter.findData("mistakes"))
    first = page.classifier
    from engine.simple_convnet import SimpleConvNet

    untrained = SimpleConvNet(seed=5)
    panel.context.model._net = untrained  # new weights while the first answer is on its way
    page.invalidate_predictions()
    src = page.sources["samples"]
    qtbot.waitUntil(lambda: src.predictions is not None and "of 1,000" in page.status.text(), timeout=10000)
    from shiboken6 import isValid

    assert page.generation == 1 and (not isValid(first) or first.isFinished())  # deleted once it had ended
    expected = untrained.predict(src.images[:, None] / 255.0).argmax(axis=1)
    np.testing.assert_array_equal(src.predictions, expected)  # the answer for the old weights was dropped
    assert np.sum(expected != src.labels) > 500  # (an untrained network gets most digits wrong)


def test_gallery_offers_the_mnist_test_set_when_present(panel, qtbot, monkeypatch, tmp_path):
    from tests.engine.test_mnist import write_dataset

    page = panel.gallery_page
    panel.tabs.setCurrentWidget(page)
    page.source.setCurrentIndex(page.source.findData("test"))  # nothing downloaded yet
    assert "not on this computer" in page.status.text() and page.source_key == "samples"
    write_dataset(tmp_path / "mnist", n_train=10, n_test=40)
    panel.context.settings.set("data_dir", str(tmp_path / "mnist"))
    page.source.setCurrentIndex(page.source.findData("test"))
    qtbot.waitUntil(lambda: page.source_key == "test", timeout=5000)
    assert page.gallery.count() == 40
    page.filter.setCurrentIndex(page.filter.findData("mistakes"))
    src = page.sources["test"]
    assert page.gallery.count() == int(np.sum(src.predictions != src.labels))
    net = panel.context.model.net  # the answers are the network's, image by image
    np.testing.assert_array_equal(src.predictions, net.predict(src.images[:, None] / 255.0).argmax(axis=1))
    page.source.setCurrentIndex(page.source.findData("samples"))  # back: no reload, the samples' digits
    assert page.source_key == "samples" and "test" in page.sources
    page.source.setCurrentIndex(page.source.findData("test"))
    assert page.source_key == "test" and page.sources["test"] is src  # kept: not read again
    panel.context.model.use(type(net)(seed=5), "other")  # new weights: the test set's answers are stale
    assert "test" not in page.sources and page.source_key == "samples"
    assert page.source.currentData() == "samples"


def test_predicting_in_batches_is_predicting_at_once_and_stops_between_batches():
    from engine.simple_convnet import SimpleConvNet
    from explorer.panels.draw.gallery_page import predict_all

    net = SimpleConvNet(seed=2)
    images = np.random.default_rng(0).integers(0, 256, (23, 28, 28)).astype(np.uint8)
    whole = net.predict(images[:, None].astype(np.float32) / 255.0).argmax(axis=1)
    np.testing.assert_array_equal(predict_all(net, images, batch=5), whole)  # 5 + 5 + 5 + 5 + 3
    asked = []
    assert predict_all(net, images, batch=5, should_stop=lambda: asked.append(1) or len(asked) > 2) is None
    assert len(asked) == 3  # asked before each batch: the third question stops it


def test_clicking_a_feature_map_selects_its_filter(panel, qtbot):
    stroke(panel.canvas, vertical_line())
    panel._on_map_clicked(4)
    assert panel.state.selected_map == 4
    from engine.visualize import forward_to

    net = panel.context.model.net  # what filter 5 finds: its map after the ReLU, computed from the definition
    conv = forward_to(net, panel.state.reading.image[None, None], "Conv1")[0, 4]
    shown = panel.detail_map.image.image  # one map: the mosaic is the map itself, rows first
    np.testing.assert_allclose(shown, np.maximum(conv, 0), rtol=1e-5, atol=1e-6)
    assert (conv < 0).any()  # so the ReLU shows: the map before it would differ
    bias = float(panel.context.model.net.params["b1"][4])
    assert panel.detail_title.text() == f"Filter 5 and what it finds (bias {bias:+.3g})"
    with qtbot.waitSignal(panel.filter_on_image_requested) as blocker:
        panel.conv_lab_button.click()
    request = blocker.args[0]
    np.testing.assert_array_equal(request.filter, panel.context.model.net.params["W1"][4, 0])
    np.testing.assert_array_equal(request.image, panel.state.reading.image)
    assert request.index == 4 and request.bias == pytest.approx(float(panel.context.model.net.params["b1"][4]))
    window = panel.window()
    assert window.current_key() == "conv"  # routed by the main window to the Convolution Lab
    assert window.statusBar().currentMessage() == "Filter 5 of conv1 on your digit"  # counted from 1, as its title
    lab = window.current_panel()
    np.testing.assert_array_equal(lab.conv_page.setup.W[0, 0], request.filter)
    np.testing.assert_array_equal(lab.conv_page.setup.x[0, 0], request.image)


def test_mosaic_click_maps_to_tiles(panel):
    view = panel.maps_view
    stroke(panel.canvas, vertical_line())
    assert view.tile_at(0, 0) == 0
    assert view.tile_at(25, 0) == 1  # 24 wide + 1 gap
    assert view.tile_at(24.5, 3) is None  # the gap
    assert view.tile_at(0, 25 * 4 + 1) == 24


def test_drawing_survives_closing_the_window(window, qtbot, settings):
    from explorer.app import MainWindow

    window.select_panel("draw")
    panel = window.current_panel()
    stroke(panel.canvas, vertical_line())
    ink = panel.canvas.to_array()
    window.close()
    again = MainWindow(settings, lang="en", panel="draw")
    qtbot.addWidget(again)
    restored = again.current_panel()
    np.testing.assert_allclose(restored.canvas.to_array(), ink, atol=1 / 255)
    assert restored.state.reading is not None
    assert not restored.undo_button.isEnabled() and not restored.redo_button.isEnabled()  # nothing to undo


def test_korean_texts(panel, window):
    window.set_language("ko")
    assert panel.clear_button.text() == "모두 지우기" and panel.eraser_button.text() == "지우개"  # not look-alikes
    window.set_language("en")
    assert panel.clear_button.text() == "Clear"



def test_esc_clears_the_canvas_even_when_the_training_studio_exists(window, qtbot):
    window.select_panel("training")  # built, with its own Esc (stop)
    window.select_panel("draw")
    panel = window.current_panel()
    qtbot.waitExposed(panel.canvas)
    stroke(panel.canvas, vertical_line())
    assert not panel.canvas.is_empty()
    QTest.keyClick(panel, Qt.Key.Key_Escape)
    assert panel.canvas.is_empty()


def test_the_image_dialog_remembers_its_own_folder(panel, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from explorer.dialogs import ask_image_path

    seen = []
    picked = tmp_path / "photos" / "three.png"
    picked.parent.mkdir()

    def fake_dialog(parent, title, start, kinds):
        seen.append(start)
        return str(picked), kinds

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(fake_dialog))
    panel.context.settings.set("last_dir", "/somewhere/else")
    assert ask_image_path(panel, panel.context.settings) == str(picked)
    assert ask_image_path(panel, panel.context.settings) == str(picked)
    assert seen == ["/somewhere/else", str(picked.parent)]  # the second time, where it was last used


def test_the_gallery_classifies_with_its_own_copy_of_the_network(panel, qtbot, monkeypatch):
    """The network's layers keep their last forward pass: a worker sharing the live network with the
    strokes being classified on the GUI thread could mix the two. Each worker gets a copy."""
    import explorer.panels.draw.gallery_page as gallery_page

    given = []
    real = gallery_page.FunctionWorker

    def spy(fn, *args, **kwargs):
        given.extend(a for a in args if hasattr(a, "params"))
        return real(fn, *args, **kwargs)

    monkeypatch.setattr(gallery_page, "FunctionWorker", spy)
    page = panel.gallery_page
    panel.tabs.setCurrentWidget(page)
    page.filter.setCurrentIndex(page.filter.findData("mistakes"))
    qtbot.waitUntil(lambda: page.classifier is None, timeout=10000)
    live = panel.context.model.net
    assert given and all(net is not live for net in given)
    for net in given:
        for key in live.params:
            np.testing.assert_array_equal(net.params[key], live.params[key])


def test_a_cut_off_jpeg_is_called_cut_off_not_read(panel, qtbot, tmp_path, monkeypatch):
    """The first third of a JPEG decoded to a digit's top above grey, and was read as a 7 at 68 %."""
    from tests.photos import photo_of

    messages = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: messages.append(a[2]))
    images, _labels = load_samples()
    save_grey(photo_of(images[0], np.random.default_rng(0)), tmp_path / "whole.jpg", quality=80)
    data = (tmp_path / "whole.jpg").read_bytes()
    (tmp_path / "cut.jpg").write_bytes(data[: len(data) // 3])
    assert not load(panel, qtbot, tmp_path / "cut.jpg")
    assert messages[-1] == "cut.jpg is cut off: the file ends before the picture does."
    assert load(panel, qtbot, tmp_path / "whole.jpg")


def test_a_photo_over_64_megapixels_is_read_not_called_broken(panel, qtbot, tmp_path, monkeypatch):
    """Qt refuses images over 256 MB of pixels by default even when decoding them scaled down:
    a 67-megapixel phone photo was 'not an image this program can read'."""
    from PySide6.QtGui import QColor, QPainter

    messages = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: messages.append(a[2]))

    big = QImage(8200, 8200, QImage.Format.Format_Grayscale8)
    big.fill(225)
    painter = QPainter(big)
    painter.fillRect(3900, 1200, 400, 5800, QColor(30, 30, 30))  # a "1"
    painter.end()
    assert big.save(str(tmp_path / "big.png"), "PNG")  # PNG: no scaled decoding, the limit applies
    assert load(panel, qtbot, tmp_path / "big.png"), messages
    assert panel.state.reading.answer == 1


def test_finished_gallery_workers_are_deleted_not_kept(panel, qtbot):
    from explorer.workers import FunctionWorker

    page = panel.gallery_page
    panel.tabs.setCurrentWidget(page)
    page.filter.setCurrentIndex(page.filter.findData("mistakes"))  # the network's answers are needed
    for _ in range(3):  # each change of weights classifies the gallery again in a new worker
        page.invalidate_predictions()
        src = page.sources["samples"]
        qtbot.waitUntil(lambda s=src: s.predictions is not None, timeout=10000)
    qtbot.waitUntil(lambda: len(page.findChildren(FunctionWorker)) <= 1, timeout=5000)  # (was one more per run)


def test_clearing_an_empty_canvas_leaves_nothing_to_undo(panel):
    panel.canvas.clear()
    panel.canvas.reset_history()
    panel.canvas.clear()
    assert not panel.canvas.can_undo()
    stroke(panel.canvas, vertical_line())
    panel.canvas.clear()
    assert panel.canvas.can_undo()


def test_a_gallery_digit_comes_onto_the_canvas_with_its_grey_levels(panel):
    from engine.samples import load_samples

    images, _ = load_samples()
    digit = images[0]
    panel._on_gallery_digit_chosen(digit)
    ink = panel.canvas.to_array()
    assert abs(ink.mean() - digit.mean() / 255.0) < 0.03  # uint8 taken as 0..1 ink would fill every stroke


def test_the_confusion_matrix_counts_the_answers_and_opens_the_digits_of_a_cell(panel, qtbot):
    from PySide6.QtCore import Qt as QtNS

    page = panel.gallery_page
    panel.tabs.setCurrentWidget(page)
    page.filter.setCurrentIndex(page.filter.findData("confusion"))
    src = page.sources["samples"]
    qtbot.waitUntil(lambda: src.predictions is not None and page.confusion.isVisible(), timeout=10000)
    answers = panel.context.model.net.predict(src.images[:, None] / 255.0).argmax(axis=1)
    expected = np.zeros((10, 10))
    for t, p in zip(src.labels, answers):  # row: truth, column: answer
        expected[t, p] += 1
    np.testing.assert_array_equal(page.matrix.values, expected)
    wrong = np.flatnonzero(answers != src.labels)
    assert page.gallery.count() == len(wrong)  # before a click: every mistake
    assert page.status.text() == f"{len(wrong)} of {len(src.labels):,} digits are misclassified"
    t, p = int(src.labels[wrong[0]]), int(answers[wrong[0]])
    page.matrix.cell_clicked.emit(t, p)
    behind = np.flatnonzero((src.labels == t) & (answers == p))
    shown = [page.gallery.item(k).data(QtNS.ItemDataRole.UserRole) for k in range(page.gallery.count())]
    assert shown == list(behind) and page.gallery.item(0).text() == f"{p}≠{t}"
    assert page.gallery.item(0).toolTip() == f"The network says {p}; the truth is {t}"
    n = len(behind)
    assert page.status.text() == f"{t} read as {p}: {n} digit" + ("s" if n != 1 else "")
    page.matrix.cell_clicked.emit(4, 4)  # the diagonal: the right answers
    assert page.gallery.count() == int(expected[4, 4])
    assert page.status.text() == f"4 read right: {int(expected[4, 4])} digits"
    page.filter.setCurrentIndex(page.filter.findData("all"))
    assert not page.confusion.isVisible() and page.pair is None


def test_the_mistakes_filter_names_answer_and_truth_in_each_tooltip(panel, qtbot):
    from PySide6.QtCore import Qt as QtNS

    page = panel.gallery_page
    panel.tabs.setCurrentWidget(page)
    page.filter.setCurrentIndex(page.filter.findData("mistakes"))
    src = page.sources["samples"]
    qtbot.waitUntil(lambda: src.predictions is not None and page.gallery.count() > 0, timeout=10000)
    for k in range(page.gallery.count()):
        i = page.gallery.item(k).data(QtNS.ItemDataRole.UserRole)
        answer, truth = int(src.predictions[i]), int(src.labels[i])
        assert answer != truth
        assert page.gallery.item(k).text() == f"{answer}≠{truth}"
        assert page.gallery.item(k).toolTip() == f"The network says {answer}; the truth is {truth}"


def test_the_answer_says_how_sure_in_percent(panel):
    stroke(panel.canvas, vertical_line())
    reading = panel.state.reading
    assert panel.answer.text() == str(reading.answer)
    assert panel.confidence.text() == f"{100 * float(reading.probabilities.max()):.1f}% sure"


def test_the_pen_width_is_kept_for_the_next_start(window, panel, qtbot, settings):
    from explorer.app import MainWindow

    panel.pen_slider.setValue(31)
    assert panel.canvas.pen_width == 31
    window.close()
    again = MainWindow(settings, lang="en", panel="draw")
    qtbot.addWidget(again)
    assert again.current_panel().pen_slider.value() == 31 and again.current_panel().canvas.pen_width == 31

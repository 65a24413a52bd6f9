"""Layer Explorer: driven through its widgets, checked against the engine."""

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from engine import pretrained
from engine.atlas import load_atlas
from engine.receptive_field import layer_geometry
from engine.simple_convnet import SimpleConvNet
from engine.visualize import forward_to
from explorer.image_files import read_digit_job
from explorer.panels.layers import jobs
from tests.explorer.test_draw import write_photo
from tests.explorer.test_training import write_learnable_dataset


@pytest.fixture
def panel(window, qtbot):
    action = window.panel_actions["layers"]
    assert action.shortcut().toString() == "Ctrl+5"
    action.trigger()
    p = window.current_panel()
    assert p.spec.key == "layers"
    qtbot.waitExposed(p)
    qtbot.waitUntil(lambda: p.network is not None and p.inspection is not None, timeout=10000)
    settle(p, qtbot)
    return p


def settle(panel, qtbot):
    qtbot.waitUntil(lambda: not any(panel.jobs.busy(s) for s in ("network", "open", "inspect", "find-atlas")),
                    timeout=10000)


def show_test_digit(panel, qtbot, position):
    panel.controls.position = position
    panel.controls.set_source("test")
    qtbot.waitUntil(lambda: panel.inspection is not None and np.array_equal(
        panel.inspection.image, (panel.controls.images[position] / 255.0).astype(np.float32)), timeout=5000)


def test_opens_on_the_shipped_deep_convnet_with_every_layer_in_the_strip(window, panel):
    assert type(panel.network.net).__name__ == "DeepConvNet"
    assert not window.weights_label.isVisible()  # it names Draw & Classify's SimpleConvNet
    buttons = panel.strip.buttons
    assert list(buttons)[:5] == ["Conv1", "Relu1", "Conv2", "Relu2", "Pool1"] and "Dropout2" in buttons
    # Receptive fields computed from the chain: 3, 5, 10, 14, 24, 32 pixels for conv1..conv6.
    for name, size, shape in (("Conv1", 3, "16×28×28"), ("Conv3", 10, "32×14×14"), ("Conv4", 14, "32×16×16"),
                              ("Conv6", 32, "64×8×8"), ("Pool3", 36, "64×4×4")):
        assert buttons[name].text() == f"{name}\n{shape}\nsees {size}×{size}"
    assert buttons["Affine1"].text() == "Affine1\n50\nsees all"
    assert buttons["Conv4"].toolTip() == ("Conv4: output 32×16×16 per image; each unit sees a 14×14 pixel window of "
                                          "the input")
    assert buttons["Affine1"].toolTip() == "Affine1: output 50 per image; each unit sees all of the input"


def test_test_digits_are_classified_as_the_engine_does(panel, qtbot):
    show_test_digit(panel, qtbot, 123)
    net = pretrained.load_deep_convnet()
    image = panel.controls.images[123] / 255.0
    expected = net.predict_proba(image[None, None].astype(np.float32))[0]
    np.testing.assert_allclose(panel.inspection.probabilities, expected, rtol=1e-4, atol=1e-6)
    assert panel.controls.answer.text().startswith(f"Answer: {int(expected.argmax())} (")
    assert "test digit #124" in panel.controls.answer.text()
    # By class: the first 4 after the current one.
    panel.controls.class_combo.setCurrentIndex(panel.controls.class_combo.findData(4))
    panel.controls.class_combo.activated.emit(panel.controls.class_combo.currentIndex())
    assert panel.controls.labels[panel.controls.position] == 4 and panel.controls.position > 123
    before = panel.controls.position
    panel.controls.prev_button.click()
    assert panel.controls.labels[panel.controls.position] == 4 and panel.controls.position < before


def test_selected_layer_shows_every_channel_the_engine_computes(panel, qtbot):
    show_test_digit(panel, qtbot, 7)
    qtbot.mouseClick(panel.strip.buttons["Conv4"], Qt.MouseButton.LeftButton)
    assert panel.state.layer == "Conv4"
    K, h, w, cols, _pad = panel.maps.shape
    assert (K, h, w) == (32, 16, 16)
    expected = forward_to(pretrained.load_deep_convnet(), panel.controls.image()[None, None], "Conv4")[0]
    np.testing.assert_allclose(panel.inspection.activations["Conv4"], expected, rtol=1e-4, atol=1e-5)
    assert "32 maps of 16×16" in panel.caption.text()
    QTest.keyClick(panel, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert panel.state.layer == "Relu4"


def test_clicking_a_unit_traces_its_receptive_field(panel, qtbot):
    show_test_digit(panel, qtbot, 0)
    panel.select_layer("Conv3")
    view = panel.maps
    rect = view.tile_rect(4)  # channel 5; pixel (row 2, col 7) inside it
    scene = view.image.mapToScene(rect.x() + 0.5 + 7 + 0.5, rect.y() + 0.5 + 2 + 0.5)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(scene))
    assert panel.state.channel == 4 and panel.state.unit == (2, 7)
    # Conv3: size 10, step 2, start -4 -> rows -4+2*2 = 0 .. 9, columns -4+2*7 = 10 .. 19.
    boxes = [b for b in panel.controls.digit._boxes if b.isVisible()]
    own = boxes[-1].rect()
    assert (own.top(), own.left(), own.bottom(), own.right()) == (0, 10, 10, 20)
    assert len(boxes) == 1 + 9  # the 3x3 window of Pool1 units feeding it
    assert panel.trace.text() == ("Unit (2, 7) of channel 5 sees input rows 0–9, columns 10–19 (cyan). It is "
                                  "computed from 9 units of Pool1 (green: what each of them sees).")
    C, H, W = panel.inspection.activations["Conv3"].shape
    low, high = view.image.getLevels()
    assert panel.maps_page.caption.text() == (
        f"<b>Conv3</b>: {C} maps of {H}×{W} for this input; each unit sees a 10×10 pixel window of the input. "
        f"Colour: dark {low:.3g} … bright {high:.3g}.")
    assert (C, H, W) == (32, 14, 14)  # the book's DeepConvNet: Conv3 has 32 filters, after one 2x2 pooling of 28x28


def test_channel_detail_shows_the_shipped_atlas(panel, qtbot):
    atlas = load_atlas(pretrained.resource("deep", "_atlas.npz"))
    assert panel.atlas is not None and panel.atlas.fingerprint == atlas.fingerprint
    panel.select_layer("Relu5")  # a ReLU shows its convolution's channels
    panel._on_unit_clicked(6, 1, 1)
    d = panel.detail
    assert "Channel 7 of Conv5" in d.title.text() and "24×24" in d.title.text()
    assert d.top_view.shape[:3] == (9, 24, 24)
    top = atlas.layers["Conv5"].top_values[6]
    counts = np.bincount(atlas.labels[atlas.layers["Conv5"].top_index[6]], minlength=10)
    assert d.top_values.text() == (f"Responses, strongest first: {' '.join(f'{v:.2f}' for v in top)}. "
                                   f"{counts.max()} of 9 are a {counts.argmax()}.")
    assert not d.filter_row.isVisibleTo(d)  # only the first layer has a picture of its weights
    panel.select_layer("Conv1")
    assert d.filter_row.isVisibleTo(d) and d.filter_view.shape[1:3] == (3, 3)
    # By depth: six conv rows and the classes; the abstraction curve is the atlas's.
    assert sum(view.isVisibleTo(panel.depth) for _, view in panel.depth.rows) == 7
    x, y = panel.abstraction.trained.getData()
    np.testing.assert_allclose(y, [atlas.agreement[f"Conv{i}"] for i in range(1, 7)])
    assert y[-1] > y[0] + 0.2  # deeper layers agree more: the lecture's claim on the shipped weights
    legend = [label.text for _, label in panel.abstraction.plot.plotItem.legend.items]
    assert legend[0] == "DeepConvNet, trained" and legend[1] == "the same network before training"


def test_drawing_in_draw_and_classify_feeds_the_explorer(window, panel, qtbot):
    window.select_panel("draw")
    draw = window.current_panel()
    ink = np.zeros((280, 280))
    ink[60:220, 130:150] = 1.0  # a "1"
    draw.canvas.set_array(ink)
    window.select_panel("layers")
    panel.controls.set_source("drawing")
    qtbot.waitUntil(lambda: panel.inspection is not None
                    and np.array_equal(panel.inspection.image, draw.state.reading.image.astype(np.float32)),
                    timeout=5000)
    assert panel.inspection.answer == 1


def test_saliency_overlay(panel, qtbot):
    show_test_digit(panel, qtbot, 3)
    assert not panel.controls.digit.heat.isVisible()
    panel.controls.overlay_check.setChecked(True)
    assert panel.controls.digit.heat.isVisible()
    np.testing.assert_allclose(panel.controls.digit.heat_values, panel.inspection.saliency)
    rgba = panel.controls.digit.heat.image
    i, j = np.unravel_index(np.argmax(panel.inspection.saliency), (28, 28))
    assert rgba[i, j, 3] == 220 and rgba[i, j, 0] == 255  # opaque orange at the strongest pixel
    assert rgba[..., 3].min() < 20  # and nearly clear where the gradient vanishes


def test_a_bad_weights_file_says_why_and_keeps_the_network(panel, qtbot, tmp_path):
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a zip")
    before = panel.network
    with qtbot.waitSignal(panel.status_message, timeout=5000) as blocker:
        panel.open_weights(str(bad))
    assert blocker.args == [f"Cannot open {bad}: bad.npz: not a valid .npz file (it is not a zip archive)"]
    assert panel.network is before


def test_simple_convnet_from_a_file_and_its_atlas_computed_cancelled_and_cached(panel, qtbot, tmp_path):
    net = SimpleConvNet(seed=3)
    net.save_params(tmp_path / "mine.npz")
    panel.open_weights(str(tmp_path / "mine.npz"))
    qtbot.waitUntil(lambda: panel.state.network == "file", timeout=5000)
    settle(panel, qtbot)
    assert type(panel.network.net).__name__ == "SimpleConvNet" and panel.atlas is None
    assert panel.context.settings.get("layers/network", "", str) == "deep"  # a file is not reopened at the next start
    assert [b for b in panel.strip.buttons] == ["Conv1", "Relu1", "Pool1", "Affine1", "Relu2", "Affine2"]
    assert panel.detail.compute_button.isHidden()  # no MNIST here yet
    panel.context.settings.set("data_dir", str(write_learnable_dataset(tmp_path / "mnist", 20, 60)))
    panel._show_detail()
    assert panel.detail.compute_button.isVisibleTo(panel.detail)
    panel.compute_atlas()
    assert panel.detail.progress.isVisibleTo(panel.detail)
    panel.detail.cancel_button.click()  # cancel: nothing kept, the button is back
    assert panel.atlas is None and panel.detail.compute_button.isVisibleTo(panel.detail)
    panel.compute_atlas()
    qtbot.waitUntil(lambda: panel.atlas is not None, timeout=60000)
    assert not panel.detail.progress.isVisibleTo(panel.detail)
    assert jobs.atlas_cache_path(panel.network.key).exists()
    assert panel.atlas.layers["Conv1"].top_index.shape == (30, 9)
    assert panel.atlas.agreement_untrained  # a freshly initialised network stands in for the untrained one
    geometry = layer_geometry(net.inspection_layers(), net.input_dim)
    assert panel.detail.top_view.shape[1:3] == geometry[0].size


def test_closing_mid_computation_stops_the_worker(window, panel, qtbot, tmp_path):
    panel.context.settings.set("data_dir", str(write_learnable_dataset(tmp_path / "mnist", 20, 2000)))
    panel.set_network("current")
    settle(panel, qtbot)
    panel.compute_atlas()
    worker = panel.jobs.running["atlas"]
    window.close()
    assert not worker.isRunning()


def test_every_layer_name_of_both_networks_has_a_view(panel, qtbot):
    show_test_digit(panel, qtbot, 11)
    for key in ("deep", "current"):
        panel.set_network(key)
        settle(panel, qtbot)
        for name in list(panel.strip.buttons):
            panel.select_layer(name)
            assert panel.maps.shape is not None and panel.caption.text()
        panel._on_unit_clicked(0, 0, 3)  # a dense layer: the unit is a number, no box
        assert panel.state.unit is None and panel.state.channel == 3


def test_unit_click_mapping_on_a_non_square_tile_grid(panel, qtbot):
    show_test_digit(panel, qtbot, 2)
    panel.select_layer("Pool1")
    view = panel.maps
    _, h, w, cols, pad = view.shape
    k = cols + 1  # second row, second column
    rect = view.tile_rect(k)
    got = []
    view.unit_clicked.connect(lambda *a: got.append(a))
    scene = view.image.mapToScene(rect.x() + 0.5 + 9 + 0.5, rect.y() + 0.5 + 3 + 0.5)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(*map(int, (
        view.mapFromScene(scene).x(), view.mapFromScene(scene).y()))))
    assert got == [(k, 3, 9)]


def test_a_photo_of_a_digit_becomes_the_input_and_a_broken_one_gets_a_message(panel, qtbot, tmp_path):
    digit = panel.controls.images[217]
    write_photo(tmp_path / "photo.png", digit)
    panel.load_image(str(tmp_path / "photo.png"))
    qtbot.waitUntil(lambda: panel.state.source == "image" and panel.inspection is not None
                    and np.array_equal(panel.inspection.image, panel.controls.loaded), timeout=5000)
    assert panel.controls.source_combo.currentData() == "image"
    assert panel.inspection.answer == panel.controls.labels[217]
    (tmp_path / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n not really")
    with qtbot.waitSignal(panel.status_message, timeout=5000) as blocker:
        panel.load_image(str(tmp_path / "broken.png"))
    assert blocker.args[0] == "broken.png is not an image this program can read, or the file is broken."
    assert panel.state.source == "image"  # the last good image stays


def test_a_huge_image_is_scaled_while_decoding(tmp_path):
    from PySide6.QtGui import QColor, QImage, QPainter

    big = QImage(6000, 4000, QImage.Format.Format_Grayscale8)
    big.fill(QColor(230, 230, 230))
    painter = QPainter(big)
    painter.fillRect(2900, 1000, 220, 2000, QColor(20, 20, 20))  # a dark vertical bar: a "1"
    painter.end()
    big.save(str(tmp_path / "big.png"))
    digit = read_digit_job(tmp_path / "big.png")
    assert digit.shape == (28, 28) and digit.max() > 0.5


def test_choosing_an_opened_file_again_in_the_list_brings_it_back(panel, qtbot, tmp_path):
    net = SimpleConvNet(seed=4)
    net.save_params(tmp_path / "mine.npz")
    panel.open_weights(str(tmp_path / "mine.npz"))
    qtbot.waitUntil(lambda: panel.state.network == "file", timeout=5000)
    settle(panel, qtbot)
    combo = panel.controls.network_combo
    for key in ("deep", "file"):
        combo.setCurrentIndex(combo.findData(key))
        combo.activated.emit(combo.currentIndex())
        qtbot.waitUntil(lambda key=key: panel.state.network == key, timeout=5000)
        settle(panel, qtbot)
    assert combo.currentText() == "mine.npz"
    assert panel.network.net.params["W1"].tolist() == net.params["W1"].tolist()


def test_switching_network_mid_computation_cancels_it_and_clears_the_progress(panel, qtbot, tmp_path):
    panel.context.settings.set("data_dir", str(write_learnable_dataset(tmp_path / "mnist", 20, 2000)))
    panel.set_network("current")
    settle(panel, qtbot)
    panel.compute_atlas()
    assert panel.detail.progress.isVisibleTo(panel.detail)
    panel.set_network("deep")
    settle(panel, qtbot)
    assert not panel.jobs.busy("atlas") and not panel.detail.progress.isVisibleTo(panel.detail)


def test_drawing_switches_the_input_and_an_empty_canvas_clears_the_maps(window, panel, qtbot):
    show_test_digit(panel, qtbot, 5)
    image = np.zeros((28, 28), dtype=np.float32)
    image[6:22, 13:16] = 1.0
    panel.context.drawing.set(image)  # as Draw & Classify does after a stroke
    qtbot.waitUntil(lambda: panel.state.source == "drawing" and panel.inspection is not None
                    and np.array_equal(panel.inspection.image, image), timeout=5000)
    panel.context.drawing.set(None)  # the canvas was cleared
    qtbot.waitUntil(lambda: panel.inspection is None, timeout=5000)
    assert panel.maps.image.image is None and panel.controls.answer.text() == "No input yet"


def test_a_dense_layer_marks_the_chosen_number_and_names_it(panel, qtbot):
    show_test_digit(panel, qtbot, 9)
    panel.select_layer("Affine2")
    panel._on_unit_clicked(0, 1, 3)  # 10 scores drawn as a 3x4 tile: row 1, column 3 is class 7
    assert panel.state.channel == 7
    score = float(panel.inspection.activations["Affine2"][7])
    assert panel.trace.text() == f"Class 7: score {score:.3f} (click another number)"
    assert panel.detail.title.text() == "<b>Affine2</b>, unit 8"  # units counted from 1, as the strip's tooltip
    low, high = panel.maps.image.getLevels()
    assert panel.caption.text() == (f"<b>Affine2</b>: 10 numbers (every unit sees the whole input). "
                                    f"Colour: dark {low:.3g} … bright {high:.3g}.")
    assert not panel.maps.frame.isVisible() and panel.maps.unit_mark.isVisible()
    tile = panel.maps.tile_rect(0)  # the mark outlines row 1, column 3 of the 3x4 tile: number 7
    mark = panel.maps.unit_mark.rect()
    assert (mark.x() - tile.x(), mark.y() - tile.y(), mark.width(), mark.height()) == (3.5, 1.5, 1, 1)
    panel._on_unit_clicked(0, 2, 1)  # row 2, column 1: class 9
    assert panel.state.channel == 9
    mark = panel.maps.unit_mark.rect()
    assert (mark.x() - tile.x(), mark.y() - tile.y()) == (1.5, 2.5)


def test_browsing_back_from_the_first_digit_of_a_class_wraps_to_its_last(panel, qtbot):
    controls = panel.controls
    controls.class_combo.setCurrentIndex(controls.class_combo.findData(3))
    fours = np.flatnonzero(controls.labels == 3)
    controls.position = int(fours[0])
    controls.step(-1)
    assert controls.position == int(fours[-1])
    controls.step(+1)
    assert controls.position == int(fours[0])


def test_a_channel_kept_across_layers_stays_inside_the_new_layer(panel, qtbot):
    panel.select_layer("Conv6")  # 64 channels
    panel.state.channel = 63
    panel.select_layer("Conv1")  # 16 channels
    assert panel.state.channel == 15
    panel.select_layer("Affine2")  # a vector: no channels
    assert panel.state.channel == 0


def test_job_slots_queue_the_newest_request_or_replace_the_running_one(qtbot):
    import threading

    from PySide6.QtWidgets import QWidget

    from explorer.panels.layers.runner import JobSlots

    owner = QWidget()  # as in the app: the slots belong to a widget that outlives their workers
    qtbot.addWidget(owner)
    slots = JobSlots(owner)
    gate, results = threading.Event(), []

    def slow(value):
        gate.wait(5)
        return value

    slots.start("s", slow, 1, on_done=results.append)
    slots.start("s", slow, 2, on_done=results.append)  # waits its turn ...
    slots.start("s", slow, 3, on_done=results.append)  # ... and only the newest waiting request is kept
    gate.set()
    qtbot.waitUntil(lambda: results == [1, 3] and not slots.busy("s"), timeout=5000)
    gate.clear()
    slots.start("s", slow, 4, on_done=results.append)
    slots.start("s", slow, 5, on_done=results.append, replace=True)  # the running one's answer is dropped
    gate.set()
    qtbot.waitUntil(lambda: not slots.busy("s"), timeout=5000)
    assert results == [1, 3, 5]
    qtbot.waitUntil(lambda: not slots._finishing, timeout=5000)
    slots.shutdown()


def test_a_queued_job_keeps_its_own_error_handler(qtbot):
    """A request waiting its turn keeps all three of its callbacks: when it fails, its on_error hears it
    (not its on_done)."""
    import threading

    from PySide6.QtWidgets import QWidget

    from explorer.panels.layers.runner import JobSlots

    owner = QWidget()  # as in the app, the slots belong to a widget that outlives their workers
    qtbot.addWidget(owner)
    slots = JobSlots(owner)
    gate, done, errors = threading.Event(), [], []

    def slow():
        gate.wait(5)
        return "first"

    def failing():
        raise ValueError("no such layer")

    slots.start("s", slow, on_done=done.append, on_error=errors.append)
    slots.start("s", failing, on_done=done.append, on_error=errors.append)  # queued behind the first
    gate.set()
    qtbot.waitUntil(lambda: not slots.busy("s"), timeout=5000)
    assert done == ["first"] and errors == ["no such layer"]
    qtbot.waitUntil(lambda: not slots._finishing, timeout=5000)  # both threads over and deleted
    slots.shutdown()


def test_the_shipped_networks_come_with_their_own_untrained_start():
    """The abstraction curve compares the trained network with its own start: the shipped _init weights
    (not the trained ones again, not a fresh random network)."""
    for kind in ("simple", "deep"):
        shipped = jobs.shipped_network(kind)
        initial = pretrained.load_network(kind, initial=True)
        trained = pretrained.load_network(kind)
        for key in trained.params:
            np.testing.assert_array_equal(shipped.untrained.params[key], initial.params[key])
        assert not np.array_equal(shipped.untrained.params["W1"], trained.params["W1"])
        np.testing.assert_array_equal(shipped.net.params["W1"], trained.params["W1"])


def test_the_layer_explorer_opens_on_the_network_chosen_last_time(window, qtbot):
    window.settings.set("layers/network", "current")
    window.panel_actions["layers"].trigger()
    p = window.current_panel()
    qtbot.waitUntil(lambda: p.network is not None and p.inspection is not None, timeout=10000)
    settle(p, qtbot)
    assert p.state.network == "current"
    np.testing.assert_array_equal(p.network.net.params["W1"], window.model.net.params["W1"])


def test_explored_networks_are_copies_the_workers_may_run_alongside_the_gui():
    from engine.simple_convnet import SimpleConvNet
    from explorer.panels.layers.jobs import explored

    net = SimpleConvNet(seed=0)
    network = explored(net)
    assert network.net is not net and network.net.params["W1"] is not net.params["W1"]
    np.testing.assert_array_equal(network.net.params["W1"], net.params["W1"])


# -- list V (session 7's fresh planted list) ----------------------------------------------------------------


def test_the_explorer_starts_on_the_shipped_deep_network_and_falls_back_to_simple_with_the_reason(monkeypatch):
    from engine.weights import WeightsFileError
    from explorer.panels.layers.state import LayerExplorerState

    assert LayerExplorerState().network == "deep"
    real = jobs.shipped_network

    def missing_deep(kind):
        if kind == "deep":
            raise WeightsFileError("deep_convnet_params.npz: no such file")
        return real(kind)

    monkeypatch.setattr(jobs, "shipped_network", missing_deep)
    key, network, error = jobs.network_job("deep", None)
    assert key == "current" and "no such file" in error
    assert network.key == real("simple").key  # the shipped SimpleConvNet stands in


def test_previous_and_next_go_to_the_neighbouring_digit_of_the_chosen_class(panel):
    controls = panel.controls
    controls.class_combo.setCurrentIndex(controls.class_combo.findData(7))
    sevens = np.flatnonzero(controls.labels == 7)
    assert len(sevens) >= 4
    controls.position = int(sevens[2])
    controls.step(-1)
    assert controls.position == sevens[1]  # the one just before, not the first seven
    controls.step(+1)
    assert controls.position == sevens[2]


def test_the_answer_says_how_sure_in_percent_and_the_test_row_shows_only_for_test_digits(panel):
    from types import SimpleNamespace

    controls = panel.controls
    p = np.full(10, 0.015 / 9)
    p[3] = 0.985
    controls.set_source("image")
    controls.show_inspection(SimpleNamespace(image=np.zeros((28, 28)), probabilities=p, answer=3))
    assert controls.answer.text() == "Answer: 3 (98.5% sure)"
    assert controls.test_row.isHidden()
    controls.set_source("drawing")
    assert controls.test_row.isHidden()
    controls.set_source("test")
    assert not controls.test_row.isHidden()


def test_stepping_through_the_layers_reaches_the_first_and_stops_at_either_end(panel):
    names = [g.name for g in panel.state.geometry]
    panel.select_layer(names[1])
    panel._step_layer(-1)
    assert panel.state.layer == names[0]
    panel._step_layer(-1)
    assert panel.state.layer == names[0]
    panel.select_layer(names[-1])
    panel._step_layer(+1)
    assert panel.state.layer == names[-1]


def test_the_atlas_progress_bar_adds_the_finished_stages_shares(panel):
    from explorer.panels.layers.channel_detail import STAGES

    d = panel.detail
    d.show_progress("scan", 0, 100)
    assert d.progress.value() == 0
    d.show_progress("maximize", 30, 60)  # scan and untrained done, maximize half done
    assert d.progress.value() == int(1000 * (STAGES["scan"] + STAGES["untrained"] + STAGES["maximize"] / 2))
    d.show_progress("classes", 300, 300)
    assert d.progress.value() == 1000 and sum(STAGES.values()) == 1.0


def test_the_depth_rows_name_the_most_selective_channels_counted_from_1(panel):
    from explorer.panels.layers.depth_page import PER_ROW

    atlas = panel.atlas
    panel.tabs.setCurrentIndex(1)
    page = panel.depth
    for r, name in enumerate(atlas.layers):
        labels = atlas.labels[atlas.layers[name].top_index]
        share = [np.bincount(row, minlength=10).max() for row in labels]
        chosen = sorted(range(len(share)), key=lambda c: (-share[c], c))[:PER_ROW]
        caption, view = page.rows[r]
        assert view.toolTip() == (f"Channels {', '.join(str(c + 1) for c in chosen)} of {name} (the ones whose top "
                                  "images agree most on one digit)")
        # receptive fields of 3×3 convolutions, doubled steps after each 2×2 pooling: 3, 5 | 10, 14 | 24, 32
        size = {"Conv1": 3, "Conv2": 5, "Conv3": 10, "Conv4": 14, "Conv5": 24, "Conv6": 32}[name]
        assert caption.text() == f"<b>{name}</b><br>sees {size}×{size} pixels<br>agreement {atlas.agreement[name]:.2f}"



def test_the_current_network_follows_draw_and_classifys_weights_and_the_deep_one_does_not(panel, qtbot):
    panel.set_network("current")
    settle(panel, qtbot)
    new = SimpleConvNet(seed=7)
    panel.context.model.use(new, "trained here")
    qtbot.waitUntil(lambda: np.array_equal(panel.network.net.params["W1"], new.params["W1"]), timeout=5000)
    settle(panel, qtbot)
    panel.set_network("deep")
    settle(panel, qtbot)
    deep = panel.network
    panel.context.model.use(SimpleConvNet(seed=8), "again")
    settle(panel, qtbot)
    assert panel.state.network == "deep" and panel.network is deep


def test_an_image_that_fails_to_load_and_an_atlas_that_fails_say_why(panel, qtbot, monkeypatch, tmp_path):
    import explorer.panels.layers as layers_panel

    def broken(*args, **kwargs):
        raise RuntimeError("the decoder gave up")

    monkeypatch.setattr(layers_panel, "read_digit_job", broken)
    with qtbot.waitSignal(panel.status_message, timeout=5000) as blocker:
        panel.load_image(str(tmp_path / "seven.png"))
    assert blocker.args == ["Cannot load seven.png: the decoder gave up"]
    monkeypatch.setattr(jobs, "build_atlas_job", broken)
    panel.context.settings.set("data_dir", str(write_learnable_dataset(tmp_path / "mnist", 20, 60)))
    panel.set_network("current")
    settle(panel, qtbot)
    panel.compute_atlas()
    qtbot.waitUntil(lambda: not panel.jobs.busy("atlas"), timeout=5000)
    assert panel.detail.message.text() == "Could not compute it: the decoder gave up"
    assert panel.detail.compute_button.isVisibleTo(panel.detail)  # try again
    assert not panel.detail.progress.isVisibleTo(panel.detail)


def test_top_patches_are_cut_where_the_unit_that_fired_looks():
    """SimpleConvNet's Conv1 (5x5, stride 1, no padding): unit (i, j) sees rows i..i+4 and columns j..j+4 of
    the image. Positions off the diagonal (i != j) tell rows from columns."""
    from engine.atlas import Atlas, LayerAtlas
    from explorer.panels.layers.channel_detail import patch_tiles

    net = SimpleConvNet(seed=0)
    geometry = {g.name: g for g in layer_geometry(net.inspection_layers(), net.input_dim)}["Conv1"]
    images = (np.arange(2 * 28 * 28) % 251).astype(np.uint8).reshape(2, 28, 28)
    positions = np.array([[[3, 10], [20, 1]]])  # channel 0: its top 2 units
    atlas = Atlas(layers={"Conv1": LayerAtlas("Conv1", np.array([[1, 0]]), np.array([[2.0, 1.0]]), positions)},
                  images=images)
    tiles = patch_tiles(atlas, "Conv1", 0, geometry)
    np.testing.assert_allclose(tiles[0], images[1, 3:8, 10:15] / 255.0)
    np.testing.assert_allclose(tiles[1], images[0, 20:25, 1:6] / 255.0)

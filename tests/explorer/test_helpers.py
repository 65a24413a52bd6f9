"""The explorer's small helpers against their definitions: settings, colours, the long-curve drawing, the
matrix view's coordinates and editing, step controls, the shared digit, the Layer Explorer's arithmetic."""

from types import SimpleNamespace

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPointF, Qt

from engine.deep_convnet import DeepConvNet
from engine.receptive_field import layer_geometry
from explorer.colors import ON_DARK, _luminance, label_rgb
from explorer.model import CurrentDigit
from explorer.panels.layers.state import (
    LayerExplorerState,
    grid_columns,
    label_summary,
    most_selective,
    tracer_boxes,
)
from explorer.panels.training.common import duration
from explorer.plotting import MAX_DRAWN, long_curve, set_long_data
from explorer.settings import Settings
from explorer.widgets.matrix_view import MatrixView, fmt
from explorer.widgets.step_controls import StepControls

# -- settings and colours ------------------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [("1", True), ("true", True), ("Yes", True), ("0", False),
                                            ("false", False), ("no", False), ("maybe", None)])
def test_hand_edited_switches_read_as_people_write_them(tmp_path, text, expected):
    (tmp_path / "s.ini").write_text(f"[General]\nflag={text}\n")
    settings = Settings(tmp_path / "s.ini")
    for default in (True, False):
        assert settings.get("flag", default, bool) is (default if expected is None else expected)


def test_luminance_weights_red_green_and_blue_as_rec_709():
    assert _luminance((255, 0, 0)) == pytest.approx(0.2126)
    assert _luminance((0, 255, 0)) == pytest.approx(0.7152)
    assert _luminance((0, 0, 255)) == pytest.approx(0.0722)
    assert label_rgb("adam", (255, 128, 0)) != ON_DARK  # an orange window is light (luminance 0.57)
    assert label_rgb("adam", (0, 60, 255)) == ON_DARK  # a deep blue one is dark (0.24)


def test_long_curves_draw_about_max_drawn_points_whatever_their_length(qtbot):
    widget = pg.PlotWidget()
    qtbot.addWidget(widget)
    curve = long_curve(widget.getPlotItem(), "r")
    x = np.arange(20_000, dtype=float)
    set_long_data(curve, x, np.sin(x / 100))
    shown = len(curve.getData()[0])
    assert MAX_DRAWN == 250 and MAX_DRAWN * 0.9 <= shown <= MAX_DRAWN * 1.1
    set_long_data(curve, x[:100], x[:100])
    assert len(curve.getData()[0]) == 100  # short curves are drawn whole


def test_durations_switch_to_minutes_at_one_minute():
    assert duration(59.4) == "59 s"
    assert duration(60) == "1 min 00 s"
    assert duration(185) == "3 min 05 s"


# -- the matrix view ----------------------------------------------------------------------------------


@pytest.fixture
def padded(qtbot):
    view = MatrixView(editable=True)
    qtbot.addWidget(view)
    view.set_values(np.arange(6.0).reshape(2, 3) + 1, pad=1)  # 2x3 values, shown 4x5 with the ring
    view.resize(252, 202)
    return view


def test_padded_coordinates_read_the_ring_as_zeros_and_the_values_inside(padded):
    assert padded.shape == (4, 5)
    assert padded.value_at(0, 0) == 0 and padded.value_at(3, 4) == 0
    assert padded.value_at(1, 1) == 1 and padded.value_at(1, 3) == 3 and padded.value_at(2, 1) == 4


def test_only_cells_inside_the_padding_ring_are_editable(padded):
    inside = {(r, c) for r in range(4) for c in range(5) if padded._editable_cell((r, c))}
    assert inside == {(r, c) for r in (1, 2) for c in (1, 2, 3)}


def test_an_edit_on_a_padded_view_lands_on_its_value(padded, qtbot):
    with qtbot.waitSignal(padded.cell_edited) as blocker:
        assert padded.commit_text(2, 3, "9.5")
    assert blocker.args == [1, 2, 9.5] and padded.values[1, 2] == 9.5


def test_a_click_maps_to_row_then_column(padded):
    s = padded.cell_size()
    x0, y0 = padded.origin()
    assert padded.cell_at(QPointF(x0 + 3.5 * s, y0 + 1.5 * s)) == (1, 3)  # 4th column, 2nd row
    assert padded.cell_at(QPointF(x0 + 0.5 * s, y0 + 2.5 * s)) == (2, 0)
    assert padded.cell_at(QPointF(x0 + 5.5 * s, y0 + 0.5 * s)) is None  # right of the grid


def test_a_whole_grid_block_pastes_at_the_top_left_even_with_a_cell_selected(padded):
    padded.current = (2, 3)
    assert padded.paste("7 8 9\n10 11 12")
    np.testing.assert_array_equal(padded.values, [[7, 8, 9], [10, 11, 12]])
    padded.current = (2, 2)
    assert padded.paste("5 6")  # a smaller block goes where the selection is: value row 1, column 1
    np.testing.assert_array_equal(padded.values, [[7, 8, 9], [10, 5, 6]])


def test_negative_values_are_blue_and_positive_red_in_a_diverging_view(qtbot):
    view = MatrixView(diverging=True)
    qtbot.addWidget(view)
    view.set_values([[-2.0, 0.0, 2.0]])
    blue, white, red = view.colors()[0].astype(int)
    assert blue[2] > blue[0] and red[0] > red[2]
    assert tuple(white) == (255, 255, 255) and tuple(blue) != tuple(white)


def test_cell_numbers_keep_two_decimals_down_to_one_hundredth():
    assert [fmt(v) for v in (0.05, -0.0123, 0.01, 1.5, 3.0)] == ["0.05", "-0.01", "0.01", "1.50", "3"]
    assert fmt(0.0099) == "9.9e-3"


def test_numbers_are_read_as_plain_decimals_only():
    from explorer.widgets.matrix_view import parse_number

    assert [parse_number(t) for t in ("3", "−2.5", " +.5 ", "5.", "1e3", "-4E-2")] == [3, -2.5, 0.5, 5, 1000, -0.04]
    assert [parse_number(t) for t in ("nan", "inf", "1_000", "0x10", "", "-", "1e", "2,5", "--1")] == [None] * 9


def test_cell_numbers_outside_two_decimals_keep_their_size():
    assert [fmt(v) for v in (0.0, -7.0, 999999.0, 123.456, -0.00057, float("nan"), None)] == \
        ["0", "-7", "999999", "123.46", "-5.7e-4", "", ""]


def test_typing_a_digit_edits_the_selected_cell_and_enter_or_f2_edits_its_value(padded, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    padded.show()
    qtbot.waitExposed(padded)
    padded.current = (2, 1)  # value row 1, column 0: 4
    QTest.keyClick(padded, Qt.Key.Key_7)
    assert padded._editor is not None and padded._editor.text() == "7"
    with qtbot.waitSignal(padded.cell_edited) as blocker:
        QTest.keyClick(padded._editor, Qt.Key.Key_Return)
    assert blocker.args == [1, 0, 7.0] and padded.values[1, 0] == 7
    qtbot.wait(10)  # the Enter that closed the editor does not open another
    padded.current = (1, 3)
    QTest.keyClick(padded, Qt.Key.Key_F2)
    assert padded._editor.text() == "3" and padded._editor.selectedText() == "3"  # its value, ready to type over
    padded._editor.setText("x")
    refused = []
    padded.edit_refused.connect(refused.append)
    QTest.keyClick(padded._editor, Qt.Key.Key_Return)
    assert padded.values[0, 2] == 3 and refused == ["'x' is not a number; the cell keeps its value."]
    padded.current = (0, 2)  # the padding ring: zeros the user cannot edit
    QTest.keyClick(padded, Qt.Key.Key_5)
    assert padded._editor is None
    padded.current = (2, 2)  # a negative number starts with its minus sign
    QTest.keyClick(padded, Qt.Key.Key_Minus)
    assert padded._editor is not None and padded._editor.text() == "-"
    QTest.keyClicks(padded._editor, "2.5")
    QTest.keyClick(padded._editor, Qt.Key.Key_Return)
    assert padded.values[1, 1] == -2.5


def test_a_block_that_does_not_fit_is_refused_with_where_it_was_put(padded):
    refused, pasted = [], []
    padded.edit_refused.connect(refused.append)
    padded.block_pasted.connect(pasted.append)
    padded.current = (1, 3)  # value row 0, column 2
    assert not padded.paste("1 2")
    assert refused == ["Cannot paste: a 1×2 block does not fit at row 1, column 3 of this 2×3 grid."]
    assert not padded.paste("1 x")
    assert refused[-1] == "Cannot paste: row 1: 'x' is not a number"
    np.testing.assert_array_equal(padded.values, [[1, 2, 3], [4, 5, 6]])
    assert not pasted
    padded.current = (1, 2)
    assert padded.paste("8\n9")
    np.testing.assert_array_equal(pasted[0], [[1, 8, 3], [4, 9, 6]])
    pasted[0][0, 0] = 100  # what was handed out is a copy
    assert padded.values[0, 0] == 1


def test_cells_above_or_left_of_the_grid_are_no_cell_and_leaving_says_so(padded, qtbot):
    s = padded.cell_size()
    x0, y0 = padded.origin()
    assert padded.cell_at(QPointF(x0 - 0.2 * s, y0 + 0.5 * s)) is None
    assert padded.cell_at(QPointF(x0 + 0.5 * s, y0 - 0.2 * s)) is None
    assert padded.cell_at(QPointF(x0 + 4.5 * s, y0 + 3.5 * s)) == (3, 4)
    with qtbot.waitSignal(padded.cell_hovered) as blocker:
        padded.leaveEvent(None)
    assert blocker.args == [-1, -1]


def test_a_one_signed_view_shades_white_to_blue_and_the_ring_and_unknown_cells_stand_apart(qtbot):
    view = MatrixView(diverging=False)
    qtbot.addWidget(view)
    view.set_values([[0.0, 1.0, 2.0], [-1.0, np.nan, 2.0]], pad=1)
    c = view.colors().astype(int)
    assert c.shape == (4, 5, 3)
    assert (c[0] == 225).all() and (c[:, 0] == 225).all() and (c[-1] == 225).all()  # the padding ring
    white, half, full = c[1, 1], c[1, 2], c[1, 3]
    assert tuple(white) == (255, 255, 255) and tuple(c[2, 1]) == (255, 255, 255)  # negatives as zero
    assert full[2] > full[0] and full[1] > full[0]  # blue: red falls fastest
    np.testing.assert_allclose(255 - half, (255 - full) / 2, atol=1)  # linear in the value
    from PySide6.QtGui import QPalette

    base = view.palette().color(QPalette.ColorRole.Base)
    assert tuple(c[2, 2]) == (base.red(), base.green(), base.blue())


def test_a_mosaic_of_non_square_tiles_places_finds_and_marks_each_by_row_and_column(qtbot):
    """Ten 3×5 maps in 4 columns with 1-pixel gaps, checked against the layout by its definition: tile k at
    row k // 4, column k % 4, its pixel (i, j) at image (x, y) = (col·6 + j, row·4 + i)."""
    from functools import partial
    from types import SimpleNamespace

    from PySide6.QtCore import QPointF

    from explorer.widgets.mosaic import MosaicView, tile

    K, h, w, cols = 10, 3, 5, 4
    maps = np.arange(K * h * w, dtype=np.float32).reshape(K, h, w) - 40
    image = tile(maps, cols)
    assert image.shape == (3 * (h + 1) - 1, cols * (w + 1) - 1)
    for k in range(K):
        r, c = divmod(k, cols)
        np.testing.assert_array_equal(image[r * 4 : r * 4 + h, c * 6 : c * 6 + w], maps[k])
    assert np.isnan(image[3, :]).all() and np.isnan(image[:, 5]).all() and np.isnan(image[8:, 12:]).all()

    view = MosaicView(symmetric=False)
    qtbot.addWidget(view)
    clicked = []
    view.unit_clicked.connect(lambda *a: clicked.append(a))
    view.set_maps(maps, cols)
    assert view.image.levels.tolist() == [-40, maps.max()]
    for k in range(K):
        r, c = divmod(k, cols)
        for i, j in ((0, 0), (h - 1, w - 1), (1, 3)):
            x, y = c * 6 + j + 0.5, r * 4 + i + 0.5
            assert view.tile_at(x, y) == k
            view._on_scene_clicked(SimpleNamespace(scenePos=partial(view.image.mapToScene, QPointF(x, y))))
            assert clicked[-1] == (k, i, j) and view.selected == k
        rect = view.tile_rect(k)
        assert (rect.x() + 0.5, rect.y() + 0.5, rect.width() - 1, rect.height() - 1) == (c * 6, r * 4, w, h)
        view.mark_unit(k, 2, 4)
        mark = view.unit_mark.rect()
        assert (mark.x(), mark.y(), mark.width()) == (c * 6 + 4, r * 4 + 2, 1) and view.unit_mark.isVisible()
    assert view.tile_at(5.5, 0.5) is None and view.tile_at(0.5, 3.5) is None  # gaps
    assert view.tile_at(2 * 6 + 0.5, 2 * 4 + 0.5) is None  # row 2 holds tiles 8 and 9 only
    assert view.tile_at(-0.5, 0.5) is None and view.tile_at(4 * 6 + 0.5, 0.5) is None
    view.select(K)
    assert not view.frame.isVisible()
    view.mark_unit(None, 0, 0)
    assert not view.unit_mark.isVisible()
    symmetric = MosaicView(symmetric=True)
    qtbot.addWidget(symmetric)
    symmetric.set_maps(maps, cols)
    assert symmetric.image.levels.tolist() == [-float(maps.max()), float(maps.max())]


@pytest.fixture
def wide_canvas(qtbot):
    """A canvas in a widget wider than tall: the square drawing area is centred, 100 px from the left."""
    from explorer.widgets.drawing_canvas import DrawingCanvas

    canvas = DrawingCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(500, 300)
    canvas.show()
    qtbot.waitExposed(canvas)
    return canvas


def draw_on(canvas, points):
    from PySide6.QtCore import QPoint
    from PySide6.QtTest import QTest

    def at(x, y):  # canvas pixels (280 per side) on the 300-px square 100 px from the left
        return QPoint(round(100 + x * 300 / 280), round(y * 300 / 280))

    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at(*points[0]))
    for p in points[1:]:
        QTest.mouseMove(canvas, at(*p))
    QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at(*points[-1]))


def ink_centre(ink):
    rows, cols = np.nonzero(ink > 0.5)
    return rows.mean(), cols.mean()


def test_ink_lands_where_the_pointer_is_in_a_wide_widget_with_the_pens_width(wide_canvas):
    wide_canvas.pen_width = 20
    draw_on(wide_canvas, [(200, 60)])  # a dot: row 60, column 200 of the canvas
    r, c = ink_centre(wide_canvas.to_array())
    assert abs(r - 60) < 2 and abs(c - 200) < 2
    wide_canvas.clear()
    draw_on(wide_canvas, [(40, 150), (240, 150)])  # a horizontal line 20 px thick
    ink = wide_canvas.to_array() > 0.5
    assert abs(ink[:, 140].sum() - 20) <= 2 and ink[150, 50:230].all() and not ink[:, 10].any()


def test_undo_keeps_the_last_hundred_steps_and_a_new_stroke_forgets_the_redos(wide_canvas):
    from explorer.widgets.drawing_canvas import UNDO_LIMIT

    assert UNDO_LIMIT == 100
    wide_canvas.clear()  # nothing to clear: nothing to undo
    assert not wide_canvas.can_undo()
    for k in range(UNDO_LIMIT + 5):
        draw_on(wide_canvas, [(10 + 2 * k, 10 + 2 * k)])
    undone = 0
    while wide_canvas.can_undo():
        wide_canvas.undo()
        undone += 1
    assert undone == UNDO_LIMIT and not wide_canvas.is_empty()  # the first five strokes stay
    np.testing.assert_array_equal(wide_canvas.to_array()[:, 30:] > 0.5, False)  # ...and only they
    wide_canvas.redo()
    wide_canvas.redo()
    assert wide_canvas.can_redo()
    draw_on(wide_canvas, [(200, 200)])
    assert not wide_canvas.can_redo()
    wide_canvas.clear()
    assert wide_canvas.is_empty() and wide_canvas.can_undo()
    wide_canvas.undo()
    assert wide_canvas.to_array()[200, 200] > 0.5  # the last stroke is back
    assert wide_canvas.can_redo()
    wide_canvas.reset_history()  # a drawing brought back at start: nothing to undo or redo
    assert not wide_canvas.can_undo() and not wide_canvas.can_redo()


def test_a_small_digit_set_on_the_canvas_is_scaled_to_fill_it_and_can_be_undone(wide_canvas):
    digit = np.zeros((28, 28))
    digit[4:7, 18:23] = 1.0  # rows 4-6, columns 18-22: centre (5.5, 20.5) in MNIST pixels
    wide_canvas.set_array(digit)
    r, c = ink_centre(wide_canvas.to_array())
    assert abs(r - 55) < 3 and abs(c - 205) < 3
    wide_canvas.undo()
    assert wide_canvas.is_empty()


# -- step controls and the shared digit -------------------------------------------------------------


def test_step_controls_stop_at_the_last_step(qtbot):
    controls = StepControls()
    qtbot.addWidget(controls)
    controls.set_count(5)
    controls.set_step(10)
    assert controls.step == 4
    controls.set_step(-3)
    assert controls.step == 0


def test_the_shared_digit_is_a_copy_of_what_was_drawn(qtbot):
    digit = CurrentDigit()
    image = np.ones((28, 28), dtype=np.float32)
    digit.set(image)
    image[...] = 0  # the canvas goes on drawing into its own array
    assert digit.image.sum() == 28 * 28


# -- the Layer Explorer's arithmetic ------------------------------------------------------------------


@pytest.mark.parametrize("count, columns", [(1, 1), (3, 3), (16, 6), (30, 7), (64, 11)])
def test_grids_are_about_one_and_a_half_times_wider_than_tall(count, columns):
    assert grid_columns(count) == columns  # the fewest columns c with c² ≥ 1.6·count


def test_the_tracer_lists_only_feeders_inside_the_layer_below():
    state = LayerExplorerState(geometry=layer_geometry(DeepConvNet().inspection_layers(), (1, 28, 28)))
    state.layer, state.unit = "Conv4", (0, 0)  # pad 2: its window reaches two rows and columns outside Pool1
    own, feeders = tracer_boxes(state, (28, 28))
    assert len(feeders) == 1
    state.layer, state.unit = "Conv2", (0, 5)  # pad 1: the row above Conv1's map is padding
    _, feeders = tracer_boxes(state, (28, 28))
    assert len(feeders) == 6  # rows 0-1 x columns 4-6 of Conv1


def test_most_selective_channels_and_ties_in_channel_order():
    labels = np.array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 3, 3, 3])
    top = np.array([[0, 1, 2], [10, 11, 0], [10, 11, 12], [10, 11, 1], [1, 2, 3]])  # share 1/3 2/3 1 2/3 1/3
    atlas = SimpleNamespace(labels=labels, layers={"Conv1": SimpleNamespace(top_index=top)})
    assert most_selective(atlas, "Conv1", 4) == [2, 1, 3, 0]
    assert label_summary(atlas, "Conv1", 1) == (3, 2, 3)  # label 3, two of the three, k = 3


def test_a_dense_layers_numbers_become_one_near_square_tile_in_reading_order_and_maps_stay_maps():
    from explorer.panels.layers.state import as_tiles

    tiles = as_tiles(np.arange(10.0))  # 10 numbers: 4 columns, 3 rows, two cells left empty
    assert tiles.shape == (1, 3, 4) and tiles.dtype == np.float32
    np.testing.assert_array_equal(tiles[0, :2], [[0, 1, 2, 3], [4, 5, 6, 7]])
    assert tiles[0, 2, :2].tolist() == [8, 9] and np.isnan(tiles[0, 2, 2:]).all()
    maps = np.arange(24.0).reshape(2, 3, 4)
    np.testing.assert_array_equal(as_tiles(maps), maps)
    assert as_tiles(np.ones(9)).shape == (1, 3, 3) and not np.isnan(as_tiles(np.ones(9))).any()


def test_agreement_series_keeps_each_layers_place_and_the_untrained_apart():
    from explorer.panels.layers.state import agreement_series

    atlas = SimpleNamespace(agreement={"Conv1": 0.3, "Conv3": 0.8}, agreement_untrained={"Conv1": 0.1, "Conv2": 0.2})
    trained, untrained = agreement_series(atlas, ["Conv1", "Conv2", "Conv3"])
    np.testing.assert_array_equal(trained, [0.3, np.nan, 0.8])
    np.testing.assert_array_equal(untrained, [0.1, 0.2, np.nan])


def test_the_tracers_boxes_are_the_selected_unit_and_exactly_the_units_its_window_reads():
    """SimpleConvNet on a 10×14 input: Pool1 (2×2, stride 2) unit (1, 3) reads rows 2-3 and columns 6-7 of the
    8×12 map below; each box is that unit's receptive field on the input, as the geometry computes it."""
    from engine.simple_convnet import SimpleConvNet

    net = SimpleConvNet(input_dim=(1, 10, 14), conv_param={"filter_num": 2, "filter_size": 3, "pad": 0, "stride": 1},
                        hidden_size=4, output_size=3)
    state = LayerExplorerState(geometry=layer_geometry(net.inspection_layers(), (1, 10, 14)))
    assert (state.network, state.source, state.layer, state.unit) == ("deep", "drawing", "Conv1", None)
    assert state.below(state.geometry[0].name) is None
    state.layer, state.unit = "Pool1", (1, 3)
    below = state.below()
    assert below is not None and below.shape[1:] == (8, 12)
    own, feeders = tracer_boxes(state, (10, 14))
    assert own == state.geo().box(1, 3, (10, 14))
    assert feeders == [below.box(r, c, (10, 14)) for r in (2, 3) for c in (6, 7)]
    state.unit = None
    assert tracer_boxes(state, (10, 14)) == (None, [])


@pytest.mark.parametrize("w", [5, 28, 31])
def test_arrays_and_qimages_convert_both_ways_whatever_the_row_padding(w, qapp):
    from explorer.qimages import to_array, to_qimage

    rng = np.random.default_rng(w)
    grey = rng.integers(0, 256, (7, w), dtype=np.uint8)
    image = to_qimage(grey)
    assert (image.width(), image.height()) == (w, 7) and image.pixelColor(w - 1, 6).red() == grey[6, w - 1]
    np.testing.assert_array_equal(to_array(image), grey)
    rgb = rng.integers(0, 256, (3, w, 3), dtype=np.uint8)
    rgba = to_array(to_qimage(rgb), channels=4)
    np.testing.assert_array_equal(rgba[..., :3], rgb)
    assert (rgba[..., 3] == 255).all()
    with pytest.raises(ValueError, match="grey or"):
        to_qimage(np.zeros((2, 2, 4)))


@pytest.mark.parametrize("lowest, floor", [(0.99, 0.9), (0.93, 0.9), (0.91, 0.85), (0.5, 0.45), (0.13, 0.1)])
def test_accuracy_axes_start_at_0_9_or_lower_in_steps_of_0_05(lowest, floor):
    from explorer.panels.training.common import accuracy_floor

    assert accuracy_floor(lowest) == pytest.approx(floor)


def test_a_throttle_lets_one_through_per_period_and_when_forced():
    from explorer.workers import Throttle

    now = [0.0]
    throttle = Throttle(0.1, clock=lambda: now[0])
    seen = []
    for t in (0.0, 0.05, 0.1, 0.12, 0.19, 0.21, 0.25):
        now[0] = t
        seen.append(throttle.due(force=t == 0.25))
    assert seen == [True, False, True, False, False, True, True]
    late = Throttle(0.5, clock=lambda: now[0], start_due=False)  # the first after a full period
    assert not late.due()
    now[0] += 0.5
    assert late.due()


def test_a_dialog_never_used_opens_where_any_dialog_was_last_used(tmp_path):
    settings = Settings(tmp_path / "s.ini")
    settings.remember_folder("weights", str(tmp_path / "nets" / "a.npz"))
    assert settings.folder("images") == str(tmp_path / "nets")  # not yet used: the last folder of any dialog
    settings.remember_folder("images", str(tmp_path / "photos" / "b.png"))
    assert settings.folder("weights") == str(tmp_path / "nets")
    assert settings.folder("export") == str(tmp_path / "photos")


def test_a_settings_path_that_is_a_folder_is_a_problem_said_at_start(tmp_path):
    (tmp_path / "s.ini").mkdir()
    settings = Settings(tmp_path / "s.ini")
    assert settings.problem and "cannot be saved" in settings.problem and settings.path != tmp_path / "s.ini"


def test_the_tracer_reaches_the_right_edge_of_a_layer_wider_than_tall():
    from engine.simple_convnet import SimpleConvNet

    net = SimpleConvNet(input_dim=(1, 10, 14), conv_param={"filter_num": 2, "filter_size": 3, "pad": 0, "stride": 1},
                        hidden_size=4, output_size=3)
    state = LayerExplorerState(geometry=layer_geometry(net.inspection_layers(), (1, 10, 14)))
    below = state.geo("Relu1") if state.geo("Relu1") is not None else state.geo("Conv1")
    assert below.shape[1:] == (8, 12)
    state.layer, state.unit = "Pool1", (0, 5)  # reads columns 10 and 11 of the 8 x 12 map below
    _, feeders = tracer_boxes(state, (10, 14))
    assert len(feeders) == 4


def test_arrow_keys_stop_at_the_last_row_and_column(qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    view = MatrixView(editable=True)
    qtbot.addWidget(view)
    view.set_values(np.zeros((2, 3)))
    view.show()
    view.current = (1, 2)
    QTest.keyClick(view, Qt.Key.Key_Down)
    QTest.keyClick(view, Qt.Key.Key_Right)
    assert view.current == (1, 2)
    QTest.keyClick(view, Qt.Key.Key_Up)
    QTest.keyClick(view, Qt.Key.Key_Left)
    assert view.current == (0, 1)


def test_enter_and_f2_open_a_cells_editor_and_other_keys_do_not(qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLineEdit

    view = MatrixView(editable=True)
    qtbot.addWidget(view)
    view.set_values(np.arange(6.0).reshape(2, 3))
    view.show()
    view.current = (1, 2)
    for key in (Qt.Key.Key_A, Qt.Key.Key_Space, Qt.Key.Key_Tab, Qt.Key.Key_Escape):
        QTest.keyClick(view, key)
        assert view.findChild(QLineEdit) is None, key
    QTest.keyClick(view, Qt.Key.Key_F2)
    editor = view.findChild(QLineEdit)
    assert editor is not None and editor.text() == "5" and editor.selectedText() == "5"
    shown = MatrixView(editable=False)
    qtbot.addWidget(shown)
    shown.set_values(np.arange(6.0).reshape(2, 3))
    shown.show()
    shown.current = (0, 0)
    for key in (Qt.Key.Key_Return, Qt.Key.Key_F2, Qt.Key.Key_5):
        QTest.keyClick(shown, key)
    assert shown.findChild(QLineEdit) is None  # a view that only shows numbers never edits them


def test_a_highlight_frames_its_rows_down_and_its_columns_across(qtbot):
    """A (top, left, rows, columns) highlight of 1 x 4 cells is four cells wide and one tall, and the
    painted frame is there: its colour on the frame's left and right edges, not below its first row."""
    from PySide6.QtGui import QColor

    view = MatrixView()
    qtbot.addWidget(view)
    view.set_values(np.zeros((5, 6)))
    view.resize(6 * 40 + 2, 5 * 40 + 2)
    s = view.cell_size()
    x0, y0 = view.origin()
    rect = view.block_rect(2, 1, 1, 4)
    assert (rect.left(), rect.top(), rect.width(), rect.height()) == (x0 + s, y0 + 2 * s, 4 * s, s)
    tall = view.block_rect(0, 5, 3, 1)
    assert (tall.left(), tall.top(), tall.width(), tall.height()) == (x0 + 5 * s, y0, s, 3 * s)
    view.set_highlights([(2, 1, 1, 4, QColor(255, 0, 0))])
    image = view.grab().toImage()

    def red(x, y):
        c = image.pixelColor(int(x), int(y))
        return c.red() > 200 and c.green() < 80 and c.blue() < 80

    mid_y = y0 + 2.5 * s
    assert red(x0 + s + 1, mid_y) and red(x0 + 5 * s - 1, mid_y)  # the frame's left and right sides
    assert not red(x0 + 2.5 * s, y0 + 3.5 * s) and not red(x0 + 5.5 * s, mid_y)  # not a row lower, not further


def test_a_mosaic_wider_than_tall_is_framed_whole(qtbot):
    from explorer.widgets.mosaic import MosaicView

    view = MosaicView()
    qtbot.addWidget(view)
    view.resize(300, 300)
    view.show()
    view.set_maps(np.random.default_rng(0).random((8, 3, 5)), cols=4)  # 2 x 4 tiles: 7 rows, 23 columns
    (x0, x1), (y0, y1) = view.view.viewRange()
    assert x0 <= 0 and x1 >= 23 and y0 <= 0 and y1 >= 7
    assert x1 - x0 < 23 * 1.1  # the width fills the view; the height has room to spare
    view.set_maps(np.random.default_rng(0).random((8, 5, 3)), cols=2)  # 4 x 2 tiles: 23 rows, 7 columns
    (x0, x1), (y0, y1) = view.view.viewRange()
    assert x0 <= 0 and x1 >= 7 and y0 <= 0 and y1 >= 23 and y1 - y0 < 23 * 1.1


def test_step_controls_buttons_label_and_replay_from_the_end(qtbot):
    controls = StepControls(speed=(2, 10, 4))
    qtbot.addWidget(controls)
    seen = []
    controls.step_changed.connect(seen.append)
    controls.set_count(6)
    assert controls.label.text() == "Step 1 of 6" and controls.speed.value() == 4
    assert (controls.speed.minimum(), controls.speed.maximum()) == (2, 10)
    controls.next_button.click()
    controls.next_button.click()
    assert controls.step == 2 and controls.label.text() == "Step 3 of 6"
    controls.prev_button.click()
    assert controls.step == 1
    controls.last_button.click()
    assert controls.step == 5 and controls.label.text() == "Step 6 of 6"
    controls.next_button.click()  # past the end: nothing happens, nothing is emitted
    controls.first_button.click()
    controls.prev_button.click()
    assert controls.step == 0 and seen == [0, 1, 2, 1, 5, 0]
    controls.last_button.click()
    controls.play_button.setChecked(True)  # playing from the last step starts again from the first
    assert controls.step == 0 and controls.timer.isActive() and controls.timer.interval() == 250
    controls.speed.setValue(10)
    assert controls.timer.interval() == 100
    controls.play_button.setChecked(False)
    assert not controls.timer.isActive()
    controls.set_count(3)  # fewer steps: the position is kept inside
    controls.set_step(2)
    controls.set_count(2)
    assert controls.step == 1 and controls.label.text() == "Step 2 of 2"
    worded = StepControls(label=lambda k, n: f"window {k} / {n}")
    qtbot.addWidget(worded)
    worded.set_count(4)
    worded.set_step(3)
    assert worded.label.text() == "window 3 / 4"


def test_playing_stops_at_the_last_step(qtbot):
    controls = StepControls()
    qtbot.addWidget(controls)
    controls.set_count(3)
    controls.speed.setValue(20)
    controls.set_step(1)
    controls.play_button.setChecked(True)
    qtbot.waitUntil(lambda: not controls.play_button.isChecked(), timeout=3000)
    assert controls.step == 2


def test_blocks_may_be_separated_by_semicolons_as_spreadsheets_copy_them():
    from explorer.widgets.matrix_view import parse_block

    np.testing.assert_array_equal(parse_block("1; 2; 3\n4;5;6"), [[1, 2, 3], [4, 5, 6]])


def test_placeholders_are_one_to_nine_and_a_percent_zero_stays_as_typed():
    from explorer.i18n import fill

    assert fill("a %0 b %1 c %2", "x", "y") == "a %0 b x c y"
    assert fill("%1 of %3", "1") == "1 of %3"  # a missing value leaves its placeholder


def test_an_export_that_writes_nothing_is_a_failure_and_leaves_no_file(tmp_path):
    from explorer.exporting import write_atomically

    assert not write_atomically(tmp_path / "empty.png", lambda tmp: open(tmp, "wb").close() or True)
    assert list(tmp_path.iterdir()) == []
    assert write_atomically(tmp_path / "one.png", lambda tmp: open(tmp, "wb").write(b"x") == 1)
    assert (tmp_path / "one.png").read_bytes() == b"x"


def test_a_data_folder_that_does_not_hold_mnist_falls_back_to_where_the_app_finds_it(tmp_path, monkeypatch):
    from engine import mnist
    from explorer.data import data_folder
    from tests.engine.test_mnist import write_dataset

    write_dataset(tmp_path / "cache")

    def find(folder):  # the app's search: the given folder must hold MNIST; None looks in the usual places
        if folder is None:
            return tmp_path / "cache"
        raise mnist.DatasetError(f"{folder}: no MNIST there")

    monkeypatch.setattr(mnist, "find_data_dir", find)
    settings = Settings(tmp_path / "s.ini")
    settings.set("data_dir", str(tmp_path / "gone"))
    assert data_folder(settings) == tmp_path / "cache"


def test_without_the_shipped_weights_the_network_says_it_is_untrained(monkeypatch):
    from engine import pretrained
    from engine.weights import WeightsFileError
    from explorer.model import ModelStore

    def missing():
        raise WeightsFileError("simple_convnet.npz: not found")

    shipped = ModelStore()
    assert shipped.source == ModelStore.SHIPPED and shipped.describe() == "shipped weights"
    np.testing.assert_array_equal(shipped.net.params["W1"], pretrained.load_simple_convnet().params["W1"])
    assert shipped.describe() == "shipped weights"
    monkeypatch.setattr(pretrained, "load_simple_convnet", missing)
    store = ModelStore()
    assert store.net.params["W1"].shape == (30, 1, 5, 5)  # a fresh SimpleConvNet stands in
    assert store.describe() == "untrained weights (shipped weights not found)"


def test_the_download_dialog_counts_in_thousandths(qtbot):
    from PySide6.QtWidgets import QWidget

    from explorer.data import MnistDownload

    parent = QWidget()
    qtbot.addWidget(parent)
    download = MnistDownload(parent)
    download._on_progress(("train-images-idx3-ubyte.gz", 250, 1000))
    assert download.dialog.maximum() == 1000 and download.dialog.value() == 250
    assert download.dialog.labelText() == "Downloading train-images-idx3-ubyte.gz…"
    download._on_progress(("t10k-labels-idx1-ubyte.gz", 3, 4))
    assert download.dialog.value() == 750
    download.dialog.show()  # as start() shows it (without starting the download)
    download._on_progress(("train-images-idx3-ubyte.gz", 9, 9))  # one file done, three to go
    assert download.dialog.value() == 1000 and download.dialog.isVisible()  # not reset, not closed
    download.stop()


def test_the_download_passes_on_the_engines_progress_as_name_bytes_done_and_total(qtbot, monkeypatch):
    from PySide6.QtWidgets import QWidget

    from engine import mnist
    from explorer.data import MnistDownload, _download_job

    def fake(progress=None, should_stop=None, **kwargs):
        progress("t10k-images-idx3-ubyte.gz", 300, 1200)
        return "/somewhere/mnist"

    monkeypatch.setattr(mnist, "download_mnist", fake)
    reported = []
    assert _download_job(reported.append, lambda: False) == "/somewhere/mnist"
    assert reported == [("t10k-images-idx3-ubyte.gz", 300, 1200)]
    parent = QWidget()
    qtbot.addWidget(parent)
    download = MnistDownload(parent)
    with qtbot.waitSignal(download.finished, timeout=5000) as blocker:
        download.start()
    assert blocker.args == ["/somewhere/mnist"]
    assert download.dialog.labelText() == "Downloading t10k-images-idx3-ubyte.gz…"


@pytest.mark.parametrize("outcome", ["fails", "succeeds"])
def test_a_download_that_fails_says_why_and_one_that_succeeds_hands_over_its_folder(qtbot, monkeypatch, tmp_path,
                                                                                   outcome):
    from PySide6.QtWidgets import QMessageBox, QWidget

    from explorer import data

    def job(report, should_stop):
        report(("train-images-idx3-ubyte.gz", 1, 2))
        if outcome == "fails":
            raise OSError("mirror unreachable: connection refused")
        return tmp_path

    warnings = []
    monkeypatch.setattr(data, "_download_job", job)
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text, *a: warnings.append(text)))
    parent = QWidget()
    qtbot.addWidget(parent)
    download = data.MnistDownload(parent)
    with qtbot.waitSignal(download.finished, timeout=5000) as blocker:
        download.start()
    if outcome == "fails":
        assert blocker.args == [None] and warnings == ["mirror unreachable: connection refused"]
    else:
        assert blocker.args == [tmp_path] and warnings == []
    assert download.done and not download.dialog.isVisible()


def test_the_shared_digit_hands_out_its_own_copy_not_the_drawers_array():
    image = np.zeros((28, 28), np.float32)
    image[10, 10] = 1.0
    digit = CurrentDigit()
    got = []
    digit.changed.connect(got.append)
    digit.set(image)
    image[10, 10] = 0.0  # the canvas draws on
    assert got[0] is digit.image and got[0][10, 10] == 1.0
    digit.set(None)
    assert got[-1] is None and digit.image is None


def test_a_cancelled_file_dialog_remembers_no_folder(tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from explorer.dialogs import ask_path

    settings = Settings(tmp_path / "s.ini")
    settings.remember_folder("weights", str(tmp_path / "kept" / "a.npz"))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a: ("", "")))
    assert ask_path(None, settings, "weights", "Open", "*") == ""
    assert settings.folder("weights") == str(tmp_path / "kept")


def test_the_update_shown_names_each_axis_with_its_own_gradient():
    from explorer.panels.optimizer.state import PlaygroundState, update_html

    state = PlaygroundState()
    state.compute(state.surface())
    path = state.paths["sgd"]
    gx, gy = path.gradients[0]
    html = update_html("sgd", path, 1, state.configs["sgd"])
    assert f"∂f/∂x = {gx:.4g}, ∂f/∂y = {gy:.4g}" in html and gx != gy


# -- list V (session 7's fresh planted list): what its survivors showed untested --------------------------


def test_step_controls_name_the_new_count_at_once(qtbot):
    steps = StepControls()
    qtbot.addWidget(steps)
    steps.set_count(5)
    steps.set_step(2)
    steps.set_count(9)  # the step (3) stays: the label must still say "of 9"
    assert steps.label.text() == "Step 3 of 9"
    steps.set_count(2)
    assert steps.step == 1 and steps.label.text() == "Step 2 of 2"


def test_drawing_undo_redo_undo_returns_to_the_undone_drawing(qtbot):
    from explorer.widgets.drawing_canvas import DrawingCanvas

    canvas = DrawingCanvas()
    qtbot.addWidget(canvas)
    first = np.zeros((28, 28))
    first[5:20, 12:15] = 1.0
    canvas.set_array(first)
    drawn = canvas.to_array().copy()
    canvas.undo()  # loading a digit can be undone: back to the empty canvas
    assert canvas.is_empty()
    canvas.redo()
    np.testing.assert_array_equal(canvas.to_array(), drawn)
    canvas.undo()
    assert canvas.is_empty()
    canvas.redo()
    canvas.redo()  # nothing more to redo
    np.testing.assert_array_equal(canvas.to_array(), drawn)


def test_nested_pauses_of_garbage_collection_end_with_the_last_one():
    import gc

    from explorer.workers import gc_paused

    assert gc.isenabled()
    with gc_paused():
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer job still runs
    assert gc.isenabled()


def test_an_svg_of_a_wide_widget_has_a_wide_view_box(qtbot, tmp_path):
    import re

    from PySide6.QtWidgets import QLabel

    from explorer.exporting import export_svg

    widget = QLabel("wide")
    qtbot.addWidget(widget)
    widget.resize(300, 120)
    assert export_svg(widget, tmp_path / "w.svg")
    text = (tmp_path / "w.svg").read_text(encoding="utf-8")
    box = re.search(r'viewBox="([\d.\s-]+)"', text).group(1).split()
    assert [float(v) for v in box] == [0, 0, 300, 120]


def test_the_shortcuts_table_has_the_keys_in_the_first_column(qtbot):
    from PySide6.QtWidgets import QTableWidget

    from explorer.dialogs import ShortcutsDialog

    dialog = ShortcutsDialog([("Ctrl+1", "Convolution Lab"), ("F1", "This list")])
    qtbot.addWidget(dialog)
    table = dialog.findChild(QTableWidget)
    assert [table.item(r, 0).text() for r in range(2)] == ["Ctrl+1", "F1"]
    assert [table.item(r, 1).text() for r in range(2)] == ["Convolution Lab", "This list"]


def test_the_time_left_is_what_the_remaining_work_takes_at_the_pace_so_far(qtbot):
    from explorer.widgets.run_controls import RunControls

    run = RunControls()
    qtbot.addWidget(run)
    assert run.start_button.isEnabled() and not run.stop_button.isEnabled()  # idle until a job starts
    run.set_fraction(25, 100, "waiting")
    assert run.status.text() == "waiting" and run.progress.value() == 250  # no time left before a start
    run.set_running(True)
    assert not run.start_button.isEnabled() and run.stop_button.isEnabled() and run.progress.value() == 0
    run._t0 -= 30.0  # a quarter of the work took 30 s: three quarters take 90 s
    run.set_fraction(25, 100, "working")
    assert run.status.text() == "working  ·  1:30 left" and run.progress.value() == 250
    from explorer.widgets.run_controls import format_seconds

    assert [format_seconds(s) for s in (5, 59.6, 65, 600, 3725.2)] == ["0:05", "1:00", "1:05", "10:00", "62:05"]


def test_the_gallery_keeps_one_icon_per_source_and_digit(qtbot, monkeypatch):
    from explorer.widgets import digit_gallery

    drawn = []
    real = digit_gallery.digit_icon
    monkeypatch.setattr(digit_gallery, "digit_icon", lambda image: (drawn.append(int(image[0, 0])), real(image))[1])
    gallery = digit_gallery.DigitGallery()
    qtbot.addWidget(gallery)
    samples, test_set = np.full((3, 28, 28), 10, np.uint8), np.full((3, 28, 28), 200, np.uint8)
    gallery.show_digits(samples, [0, 2], ["a", "b"], ["", ""], key="samples")
    gallery.show_digits(test_set, [0, 2], ["a", "b"], ["", ""], key="test")  # the same positions, other digits
    gallery.show_digits(samples, [2], ["b"], [""], key="samples")  # cached
    assert drawn == [10, 10, 200, 200]


def test_the_mouse_hovers_clicks_and_double_clicks_cells_row_first(padded, qtbot):
    """Real mouse events on a 4×5 padded grid: hovering says (row, column), leaving says (-1, -1), a click
    selects and reports the cell, a double click on a value opens its editor (not on the padding ring)."""
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtTest import QTest

    padded.show()
    qtbot.waitExposed(padded)

    def centre(r, c):
        return padded.cell_rect(r, c).center().toPoint()

    hovered, clicked = [], []
    padded.cell_hovered.connect(lambda r, c: hovered.append((r, c)))
    padded.cell_clicked.connect(lambda r, c: clicked.append((r, c)))
    QTest.mouseMove(padded, centre(1, 3))
    qtbot.waitUntil(lambda: hovered and hovered[-1] == (1, 3), timeout=2000)
    QTest.mouseMove(padded, QPoint(2, 2))  # outside the grid, inside the widget
    qtbot.waitUntil(lambda: hovered[-1] == (-1, -1), timeout=2000)
    QTest.mouseMove(padded, centre(2, 1))
    qtbot.waitUntil(lambda: hovered[-1] == (2, 1), timeout=2000)
    padded.leaveEvent(QEvent(QEvent.Type.Leave))
    assert hovered[-1] == (-1, -1)
    QTest.mouseClick(padded, Qt.MouseButton.LeftButton, pos=centre(2, 3))
    assert clicked == [(2, 3)] and padded.current == (2, 3) and padded._editor is None
    QTest.mouseClick(padded, Qt.MouseButton.LeftButton, pos=QPoint(2, 2))  # beside the grid: nothing
    assert clicked == [(2, 3)] and padded.current == (2, 3)
    QTest.mouseDClick(padded, Qt.MouseButton.LeftButton, pos=centre(0, 1))  # the ring: selected, not edited
    assert padded.current == (0, 1) and padded._editor is None
    QTest.mouseDClick(padded, Qt.MouseButton.LeftButton, pos=centre(1, 2))  # value row 0, column 1: 2
    assert padded.current == (1, 2) and padded._editor is not None and padded._editor.text() == "2"


def test_probability_bars_write_each_digits_percentage_and_draw_its_bar_that_long(qtbot):
    from PySide6.QtGui import QColor

    from explorer.widgets.prob_bars import ProbabilityBars

    bars = ProbabilityBars()
    qtbot.addWidget(bars)
    assert bars.rows() == [(str(d), "") for d in range(10)]  # nothing drawn yet: the digits only
    probs = [0.01, 0.02, 0.03, 0.6, 0.04, 0.05, 0.06, 0.07, 0.08, 0.04]
    bars.set_probabilities(probs)
    assert bars.rows()[3] == ("3", "60.0%") and bars.rows()[0] == ("0", "1.0%") and bars.rows()[9] == ("9", "4.0%")
    assert bars.accessibleDescription().startswith("0: 1.0%, 1: 2.0%, 2: 3.0%, 3: 60.0%")
    bars.resize(400, 220)
    image = bars.grab().toImage()
    orange, blue = QColor(221, 107, 32).rgb(), QColor(66, 133, 244).rgb()

    def run_length(digit, colour):  # coloured pixels along the middle of the digit's row
        y = int((digit + 0.5) * 22)
        return sum(image.pixel(x, y) == colour for x in range(image.width()))

    lengths = [run_length(d, orange if d == 3 else blue) for d in range(10)]
    assert lengths[3] > 0 and all(run_length(d, orange) == 0 for d in range(10) if d != 3)  # only the top is orange
    assert lengths[8] == pytest.approx(lengths[3] * 0.08 / 0.6, abs=2)  # bars in proportion to the probabilities
    assert lengths[1] < lengths[2] < lengths[5] < lengths[6] < lengths[7] < lengths[8]


def test_refilling_a_combo_keeps_its_position_quietly():
    from PySide6.QtWidgets import QComboBox

    from explorer.widgets.combo import refill

    combo = QComboBox()
    refill(combo, [("one", 1), ("two", 2), ("three", 3)])
    assert combo.currentIndex() == 0  # an empty combo starts at its first item
    combo.setCurrentIndex(2)
    changed = []
    combo.currentIndexChanged.connect(changed.append)
    refill(combo, [("eins", 1), ("zwei", 2), ("drei", 3)])  # a language change
    assert combo.currentIndex() == 2 and combo.currentText() == "drei" and changed == []


def test_the_gallery_says_which_image_was_chosen_not_which_tile(qtbot):
    from explorer.widgets.digit_gallery import DigitGallery

    gallery = DigitGallery()
    qtbot.addWidget(gallery)
    images = np.zeros((12, 28, 28), dtype=np.uint8)
    gallery.show_digits(images, [9, 4, 11], ["9", "4", "11"], ["", "", ""], "test")
    chosen = []
    gallery.digit_chosen.connect(chosen.append)
    gallery.itemClicked.emit(gallery.item(2))
    gallery.itemActivated.emit(gallery.item(0))
    assert chosen == [11, 9]


def test_clicking_a_layer_button_names_that_layer(qtbot):
    from explorer.widgets.layer_strip import LayerStrip

    strip = LayerStrip()
    qtbot.addWidget(strip)
    strip.set_layers([("Conv1", "Conv1\n16×28×28", ""), ("Relu1", "Relu1", ""), ("Pool1", "Pool1", "")])
    said = []
    strip.layer_selected.connect(said.append)
    strip.buttons["Relu1"].click()
    strip.buttons["Conv1"].click()
    strip.buttons["Pool1"].click()
    assert said == ["Relu1", "Conv1", "Pool1"] and strip.buttons["Pool1"].isChecked()
    assert not strip.buttons["Conv1"].isChecked()


def test_widths_follow_the_text_size_360_px_at_the_normal_size_576_at_sixteen_tenths(qtbot):
    from PySide6.QtWidgets import QApplication, QLabel

    from explorer.widgets.sizing import cap_width, fix_width, scaled

    app = QApplication.instance()
    before = app.property("base_point_size")
    app.setProperty("base_point_size", 10.0)
    try:
        label = QLabel("x")
        qtbot.addWidget(label)
        font = label.font()
        font.setPointSizeF(10.0)
        label.setFont(font)
        assert scaled(label, 360) == 360
        cap_width(label, 360)
        assert label.maximumWidth() == 360
        font.setPointSizeF(16.0)  # zoomed in: the cap follows the font
        label.setFont(font)
        assert scaled(label, 360) == 576 and label.maximumWidth() == 576
        fixed = QLabel("y")
        qtbot.addWidget(fixed)
        font.setPointSizeF(8.0)
        fixed.setFont(font)
        fix_width(fixed, 100)
        assert fixed.minimumWidth() == fixed.maximumWidth() == 80
    finally:
        app.setProperty("base_point_size", before)

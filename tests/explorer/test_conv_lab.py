import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from engine.layers import Convolution, Pooling
from explorer.panels.conv_lab.state import CONV_PRESETS
from explorer.widgets.matrix_view import parse_block, parse_number
from tests.engine import oracles


@pytest.fixture
def lab(window, qtbot):
    window.select_panel("conv")
    panel = window.current_panel()
    panel.resize(1300, 900)
    return panel


def stepped_output(page):
    trace = page.trace
    out = np.full(trace.output.shape, np.nan)
    for k in range(len(trace)):
        page.steps.set_step(k)
        n, f, i, j = trace.cell(k)
        out[n, f, i, j] = trace.step(k).value
        # What the panel shows for the current cell is that value.
        shown = page.outputs[f].values[i, j]
        assert shown == pytest.approx(out[n, f, i, j])
    return out


@pytest.mark.parametrize("preset", CONV_PRESETS)
def test_every_preset_steps_to_the_engines_forward(lab, preset):
    page = lab.conv_page
    page.preset.setCurrentIndex(page.preset.findData(preset))
    s = page.setup
    expected = Convolution(s.W.copy(), s.b.copy(), s.stride, s.pad).forward(s.x.copy())
    if len(page.trace) > 400:  # the 28x28 presets: check a sample of steps, and all values at once
        np.testing.assert_allclose(page.trace.output, expected)
        for k in np.linspace(0, len(page.trace) - 1, 25).astype(int):
            n, f, i, j = page.trace.cell(int(k))
            assert page.trace.step(int(k)).value == pytest.approx(expected[n, f, i, j])
    else:
        np.testing.assert_allclose(stepped_output(page), expected)


@pytest.mark.parametrize("first, then", [("lecture_bias", "channels"), ("channels", "lecture"), ("lecture", "batch")])
def test_a_preset_with_other_shapes_chosen_mid_walk_starts_at_its_first_step(lab, first, then):
    """Choosing 'three channels' while at step 1 of a one-channel example redrew the new numbers on the
    old grids before rebuilding them (IndexError in the slot; pytest-qt fails the test on it)."""
    page = lab.conv_page
    page.preset.setCurrentIndex(page.preset.findData(first))
    page.steps.set_step(1)
    page.preset.setCurrentIndex(page.preset.findData(then))
    s = page.setup.shapes
    assert page.steps.step == 0 and len(page.inputs) == s["C"] and len(page.outputs) == s["FN"]
    np.testing.assert_array_equal(page.inputs[s["C"] - 1].values[page.setup.pad:, page.setup.pad:][:s["H"], :s["W"]],
                                  page.setup.x[0, s["C"] - 1])


def test_lecture_example_numbers_are_shown(lab):
    page = lab.conv_page
    page.preset.setCurrentIndex(page.preset.findData("lecture_bias"))
    page.steps.set_step(0)
    assert "18" in page.mac.text() and "15" in page.mac.text()
    page.steps.set_step(3)
    np.testing.assert_array_equal(page.outputs[0].values, [[18, 19], [9, 18]])


def test_editing_a_cell_changes_the_output(lab, qtbot):
    page = lab.conv_page
    page.preset.setCurrentIndex(page.preset.findData("lecture"))
    before = page.trace.output.copy()
    view = page.inputs[0]
    view.current = (0, 0)
    view.setFocus()
    QTest.keyClicks(view, "5")  # typing starts an editor with the digit
    editor = view._editor
    assert editor is not None
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert page.setup.x[0, 0, 0, 0] == 5
    assert page.trace.output[0, 0, 0, 0] == before[0, 0, 0, 0] + (5 - 1) * 2  # W[0, 0] = 2
    assert view._editor is None  # Enter committed and closed the editor; it did not open a new one
    qtbot.wait(10)
    QTest.keyClick(view, Qt.Key.Key_Return)  # a later Enter edits again, as before
    assert view._editor is not None


def test_text_that_is_not_a_number_is_refused(lab, qtbot):
    page = lab.conv_page
    view = page.filters[0]
    with qtbot.waitSignal(view.edit_refused) as blocker:
        assert not view.commit_text(0, 0, "abc")
    assert "'abc' is not a number" in blocker.args[0]
    assert page.setup.W[0, 0, 0, 0] == 2


def test_pasting_blocks(lab, qtbot):
    page = lab.conv_page
    page.preset.setCurrentIndex(page.preset.findData("lecture"))
    view = page.filters[0]
    assert view.paste("1 0 0\n0 1 0\n0 0 1")
    np.testing.assert_array_equal(page.setup.W[0, 0], np.eye(3))
    with qtbot.waitSignal(view.edit_refused) as blocker:
        assert not view.paste("1 2 3 4\n5 6 7 8")
    assert "does not fit" in blocker.args[0] and "3×3" in blocker.args[0]
    with qtbot.waitSignal(view.edit_refused) as blocker:
        assert not view.paste("1 x\n2 3")
    assert "'x' is not a number" in blocker.args[0]


def test_parsers():
    assert parse_number(" -1.5 ") == -1.5 and parse_number("nan") is None and parse_number("1e3") == 1000
    np.testing.assert_array_equal(parse_block("[[1, 2], [3, 4]]".replace("], [", "\n")), [[1, 2], [3, 4]])
    with pytest.raises(ValueError, match="different lengths"):
        parse_block("1 2\n3")


def test_invalid_geometry_says_so_and_does_not_crash(lab):
    page = lab.conv_page
    page.preset.setCurrentIndex(page.preset.findData("lecture"))
    page.spins["stride"].setValue(2)  # (4 - 3)/2 + 1 = 1.5
    assert "is not a whole number" in page.formula.text()
    assert page.trace is not None and page.trace.output.shape[2:] == (1, 1)
    page.spins["FH"].setValue(7)  # does not fit at all
    assert "does not fit" in page.formula.text()
    assert page.trace is None and not page.steps.isEnabled()
    page.spins["FH"].setValue(3)
    page.spins["stride"].setValue(1)
    assert page.trace is not None and "not a whole number" not in page.formula.text()


def test_shapes_change_blocks(lab):
    page = lab.conv_page
    page.spins["C"].setValue(3)
    page.spins["FN"].setValue(2)
    page.spins["N"].setValue(2)
    assert len(page.inputs) == 3 and len(page.outputs) == 2
    assert page.trace.output.shape[:2] == (2, 2)
    assert "(2, 3, 4, 4)" in page.blocks.text() and "(2, 3, 3, 3)" in page.blocks.text()
    np.testing.assert_allclose(stepped_output(page), Convolution(page.setup.W, page.setup.b).forward(page.setup.x))


def test_keyboard_stepping(lab, qtbot):
    page = lab.conv_page
    page.preset.setCurrentIndex(page.preset.findData("lecture"))
    page.steps.set_step(0)
    lab.setFocus()
    QTest.keyClick(lab, Qt.Key.Key_Right)
    assert page.steps.step == 1
    QTest.keyClick(lab, Qt.Key.Key_End)
    assert page.steps.step == 3
    QTest.keyClick(lab, Qt.Key.Key_Left)
    assert page.steps.step == 2
    QTest.keyClick(lab, Qt.Key.Key_Home)
    assert page.steps.step == 0


def test_clicking_an_output_cell_jumps_to_its_window(lab):
    page = lab.conv_page
    page.preset.setCurrentIndex(page.preset.findData("lecture"))
    page.outputs[0].cell_clicked.emit(1, 0)
    assert page.steps.step == 2
    assert page.inputs[0].highlights[0][:2] == (1, 0)


def test_hovering_an_input_cell_marks_the_outputs_it_feeds(lab):
    page = lab.conv_page
    page.preset.setCurrentIndex(page.preset.findData("lecture"))
    page.inputs[0].cell_hovered.emit(1, 1)
    assert set(page.outputs[0].marks) == {(0, 0), (0, 1), (1, 0), (1, 1)}
    page.inputs[0].cell_hovered.emit(-1, -1)
    assert page.outputs[0].marks == {}


def test_im2col_page_links_the_current_window(lab):
    page = lab.conv_page
    page.preset.setCurrentIndex(page.preset.findData("batch"))
    lab.tabs.setCurrentWidget(lab.im2col_page)
    im = lab.im2col_page
    im.steps.set_step(7)
    trace = page.trace
    row = trace.im2col_row(7)
    assert im.col_view.highlights[0][0] == row
    np.testing.assert_array_equal(im.col_view.values[row], trace.step(7).window.ravel())
    assert "(2, 2, 3, 3)" in im.explain.text()


def test_pooling_presets_and_robustness(lab):
    pool = lab.pool_page
    lab.tabs.setCurrentWidget(pool)
    pool.load_preset("lecture")
    np.testing.assert_array_equal(pool.trace.output[0, 0], [[2, 3], [4, 2]])
    pool.steps.set_step(1)
    window = pool.trace.step(1).window.ravel()
    assert pool.result.text() == f"max({', '.join(f'{v:g}' for v in window)}) = 3"  # the window's numbers, row by row
    assert (1, 3) in pool.main.input.marks  # the 3 is the chosen maximum
    x = pool.setup.x[0, 0]
    for k, (top, left) in enumerate([(0, 0), (0, 2), (2, 0), (2, 2)]):  # each window's maximum, found by hand
        window = x[top : top + 2, left : left + 2]
        r, c = np.unravel_index(np.argmax(window), window.shape)
        pool.steps.set_step(k)
        assert set(pool.main.input.marks) == {(top + r, left + c)}, k  # (row, column) of the input
    assert set(pool.main.input.marks) == {(2, 3)}  # the last window's 2 is at row 2, column 3
    pool.load_preset("robustness")
    assert pool.preset.currentData() == "robustness"  # the list names what is shown
    np.testing.assert_array_equal(pool.trace.output[0, 0], [[9, 7], [6, 8]])
    np.testing.assert_array_equal(pool.shift_trace.output[0, 0], [[9, 7], [6, 8]])
    assert pool.shifted.isVisible()
    pool.mode.setCurrentIndex(1)
    np.testing.assert_allclose(pool.trace.output, Pooling(3, 3, 3, mode="avg").forward(pool.setup.x))


def test_backward_running_sums_end_at_the_engines_backward(lab):
    page = lab.conv_page
    page.preset.setCurrentIndex(page.preset.findData("channels"))
    back = lab.backward_page
    lab.tabs.setCurrentWidget(back)
    back.which.setCurrentIndex(0)
    back._set_dout("random")
    back.steps.set_step(back.steps.count - 1)
    s = page.setup
    layer = Convolution(s.W.copy(), s.b.copy(), s.stride, s.pad)
    layer.forward(s.x.copy())
    dx = layer.backward(back.dout.copy())
    for c in range(3):
        np.testing.assert_allclose(back.dw_views[c].values, layer.dW[0, c])
        np.testing.assert_allclose(back.dx_views[c].values, dx[0, c])
    back.steps.set_step(0)
    assert not np.allclose(back.dw_views[0].values, layer.dW[0, 0]) or np.allclose(layer.dW, 0)
    # Pooling: each gradient goes to its window's maximum.
    lab.pool_page.load_preset("lecture")
    back.which.setCurrentIndex(1)
    back.steps.set_step(back.steps.count - 1)
    np.testing.assert_array_equal(back.dx_views[0].values,
                                  [[0, 1, 0, 0], [0, 0, 0, 1], [0, 0, 0, 1], [0, 1, 0, 0]])


def test_quiz_checks_answers(lab):
    quiz = lab.quiz_page
    quiz.oh.setValue(4)
    quiz.ow.setValue(4)
    assert quiz.check()
    assert "Right" in quiz.feedback.text() and "(4 + 2·1 − 3)/1 + 1 = 4" in quiz.feedback.text()
    quiz.next_question()
    quiz.oh.setValue(2)
    quiz.ow.setValue(2)
    assert not quiz.check()
    assert "= 3" in quiz.feedback.text() and "Score: 1 of 2" in quiz.feedback.text()
    quiz.oh.setValue(3)
    quiz.ow.setValue(3)
    for _ in range(5):  # pressing Check again on the same question scores nothing more
        quiz.check()
    assert "Score: 1 of 2" in quiz.feedback.text() and quiz.score == [1, 2]


def test_filter_from_draw_and_classify(window, qtbot):
    window.select_panel("draw")
    draw = window.current_panel()
    draw.canvas.set_array(np.pad(np.ones((20, 4)), ((4, 4), (12, 12))))
    draw._on_map_clicked(2)
    draw.conv_lab_button.click()
    assert window.current_key() == "conv"
    lab = window.current_panel()
    s = lab.conv_page.setup
    assert s.x.shape == (1, 1, 28, 28)
    np.testing.assert_array_equal(s.W[0, 0], window.model.net.params["W1"][2, 0])
    np.testing.assert_allclose(lab.conv_page.trace.output[0, 0], draw.state.reading.activations["Conv1"][2], atol=1e-5)


def test_korean(lab, window):
    window.set_language("ko")
    assert lab.tabs.tabText(0) == "합성곱"
    assert lab.conv_page.spin_labels["pad"].text() == "패딩 P"
    window.set_language("en")


def test_small_numbers_are_short_and_biases_show_their_digits(lab):
    from explorer.widgets.matrix_view import fmt

    assert [fmt(5.7e-5), fmt(-3e-4), fmt(0.5), fmt(2.0), fmt(0.0)] == ["5.7e-5", "-3.0e-4", "0.50", "2", "0"]
    box = lab.conv_page.bias_boxes[0]
    box.setValue(0.000169)  # a trained filter's bias
    assert box.text() == "b = 0.0002"  # not 0.00


def test_presets_are_the_lectures_examples():
    """Each preset against the lecture's own numbers (book chapter 7: figures 7-3, 7-5, 7-6, 7-7,
    7-14), not against the engine run on the same preset."""
    from explorer.panels.conv_lab.state import conv_preset, pool_preset

    lecture = conv_preset("lecture")
    assert lecture.x[0, 0].tolist() == [[1, 2, 3, 0], [0, 1, 2, 3], [3, 0, 1, 2], [2, 3, 0, 1]]
    assert lecture.W[0, 0].tolist() == [[2, 0, 1], [0, 1, 2], [1, 0, 2]]
    assert (lecture.stride, lecture.pad) == (1, 0)
    assert lecture.trace().output[0, 0].tolist() == [[15, 16], [6, 15]]  # figure 7-3
    with_bias = conv_preset("lecture_bias")
    assert with_bias.b.tolist() == [3] and with_bias.trace().output[0, 0].tolist() == [[18, 19], [9, 18]]  # 7-5
    padded = conv_preset("padding")
    assert (padded.pad, padded.stride) == (1, 0 + 1)
    assert padded.trace().output[0, 0].tolist() == [[7, 12, 10, 2], [4, 15, 16, 10], [10, 6, 15, 6],
                                                    [8, 10, 4, 3]]  # figure 7-6
    stride2 = conv_preset("stride2")
    assert stride2.stride == 2 and stride2.x.shape[2:] == (7, 7) and stride2.W.shape[2:] == (3, 3)
    assert stride2.trace().output.shape[2:] == (3, 3)  # figure 7-7: (7 - 3)/2 + 1 = 3
    channels, batch = conv_preset("channels"), conv_preset("batch")
    assert channels.x.shape[1] == channels.W.shape[1] == 3 and channels.W.shape[0] == 1  # figure 7-8
    assert batch.x.shape[0] == 2 and batch.W.shape[0] == 2  # N = 2 images, FN = 2 filters
    pool = pool_preset("lecture")
    assert (pool.size, pool.stride, pool.mode) == (2, 2, "max")
    assert pool.trace().output[0, 0].tolist() == [[2, 3], [4, 2]]  # figure 7-14


@pytest.mark.parametrize("name", ["edge", "sobel_x", "sobel_y", "blur", "sharpen"])
def test_image_filter_presets_keep_the_digits_size(name):
    from explorer.panels.conv_lab.state import conv_preset

    digit = np.random.default_rng(0).random((28, 28))
    setup = conv_preset(name, digit=digit)
    assert setup.pad == 1 and setup.stride == 1 and setup.W.shape == (1, 1, 3, 3)
    out = Convolution(setup.W, setup.b, setup.stride, setup.pad).forward(setup.x)
    assert out.shape == (1, 1, 28, 28)  # (28 + 2·1 − 3)/1 + 1
    np.testing.assert_array_equal(setup.x[0, 0], np.round(digit * 255))


def test_the_mnist_filter_preset_takes_filter_k_with_its_own_bias():
    from explorer.panels.conv_lab.state import conv_preset

    rng = np.random.default_rng(1)
    W, b = rng.standard_normal((30, 1, 5, 5)), rng.standard_normal(30)
    setup = conv_preset("mnist_conv1", digit=rng.random((28, 28)), filters=(W, b), k=7)
    np.testing.assert_array_equal(setup.W, W[7:8])
    np.testing.assert_array_equal(setup.b, [b[7]])


def test_clear_zeroes_input_filters_and_bias_and_new_cells_are_small_integers():
    from explorer.panels.conv_lab.state import ConvSetup

    setup = ConvSetup()
    setup.b = np.array([3.0])
    setup.clear()
    assert not setup.x.any() and not setup.W.any() and not setup.b.any()
    setup.resize(rng=0, H=12, W=12, C=3, FN=3, FH=5, FW=5)
    assert set(np.unique(setup.x[:, :, 4:, 4:])) == {0, 1, 2, 3}  # new cells, as Random fills them
    assert set(np.unique(setup.W[:, 1:])) == {-1, 0, 1, 2}
    setup.randomise(rng=0)
    assert set(np.unique(setup.x)) <= {0, 1, 2, 3} and set(np.unique(setup.W)) <= {-1, 0, 1, 2}
    setup.clear()
    setup.randomise(rng=1)  # Random after Clear: new numbers in the input and in every filter
    assert setup.x.any() and all(setup.W[f].any() for f in range(setup.W.shape[0]))
    assert set(np.unique(setup.W)) == {-1, 0, 1, 2}  # the whole range, negative weights included


def test_the_rows_and_columns_a_stride_leaves_out_are_counted_in_words(lab):
    page = lab.conv_page
    page.preset.setCurrentIndex(page.preset.findData("lecture"))  # 4x4 input, 3x3 filter
    page.spins["W"].setValue(5)
    page.spins["stride"].setValue(2)  # OH = (4 - 3)/2 + 1 = 1.5: one row left; OW = (5 - 3)/2 + 1 = 2: whole
    text = page.formula.text()
    assert "OH = 1.5 is not a whole number: the last padded row is never covered" in text and "OW = 2 is" not in text
    page.spins["W"].setValue(6)
    page.spins["FW"].setValue(1)
    page.spins["stride"].setValue(4)  # OW = (6 - 1)/4 + 1 = 2.25: one column; OH = (4 - 3)/4 + 1 = 1.25: one row
    page.spins["H"].setValue(6)  # OH = (6 - 3)/4 + 1 = 1.75: three rows
    text = page.formula.text()
    assert "the last 3 padded rows are never covered" in text and "the last padded column is never" in text
    assert "(s)" not in text


def test_the_rows_a_stride_leaves_out_are_marked_at_the_bottom_of_the_padded_input(lab):
    from explorer.panels.conv_lab.common import LEFTOVER

    page = lab.conv_page
    page.preset.setCurrentIndex(page.preset.findData("lecture"))  # 4x4, 3x3 filter
    page.spins["H"].setValue(6)
    page.spins["stride"].setValue(2)  # OH = (6 - 3)/2 + 1 = 2.5: padded row 5 is left out; OW = 1.5: column 3
    rects = page._leftover_rects()
    assert (5, 0, 1, 4, LEFTOVER) in rects and (0, 3, 6, 1, LEFTOVER) in rects


def test_resizing_keeps_the_numbers_that_still_fit(lab):
    from explorer.panels.conv_lab.state import ConvSetup

    setup = ConvSetup()
    before_x, before_w = setup.x.copy(), setup.W.copy()
    setup.resize(rng=1, H=6, W=5, FW=4)
    np.testing.assert_array_equal(setup.x[0, 0, :4, :4], before_x[0, 0])
    np.testing.assert_array_equal(setup.W[0, 0, :3, :3], before_w[0, 0])


def test_clicks_on_non_square_outputs_go_to_their_step(lab):
    page = lab.conv_page
    page.preset.setCurrentIndex(page.preset.findData("lecture"))
    page.spins["W"].setValue(6)  # output 2 x 4
    trace = page.trace
    assert (trace.OH, trace.OW) == (2, 4)
    lab.tabs.setCurrentWidget(lab.im2col_page)
    lab.im2col_page._on_row_clicked(5, 0)  # im2col row 5: output row 1, column 1
    assert lab.im2col_page.steps.step == trace.index(0, 0, 1, 1)
    lab.im2col_page._on_out_clicked(6, 0)
    assert lab.im2col_page.steps.step == trace.index(0, 0, 1, 2)
    pool = lab.pool_page
    lab.tabs.setCurrentWidget(pool)
    pool.setup.x = np.arange(24.0).reshape(1, 1, 4, 6)
    pool.rebuild()
    assert (pool.trace.OH, pool.trace.OW) == (2, 3)
    pool._on_output_clicked(1, 2)
    assert pool.steps.step == 5 and pool.trace.cell(5)[2:] == (1, 2)


def test_editing_the_upstream_gradient_of_the_second_image(lab):
    page = lab.conv_page
    page.preset.setCurrentIndex(page.preset.findData("batch"))  # two images
    back = lab.backward_page
    lab.tabs.setCurrentWidget(back)
    back.sync(reset=True)
    trace = back.trace()
    k = trace.index(1, 1, 0, 1)  # image 2, filter 2
    back.steps.set_step(k)
    back._on_dout_edited(1, 0, 7.0)
    assert back.dout[1, 1, 1, 0] == 7.0 and back.dout[0, 1, 1, 0] == 1.0


def test_the_quiz_numbers_its_questions_and_needs_both_sizes_right(lab):
    quiz = lab.quiz_page
    assert quiz.question.text().startswith("Question 1:")
    quiz.oh.setValue(4)  # the first exercise: OH = OW = 4
    quiz.ow.setValue(3)
    assert not quiz.check()  # the height alone is not the answer
    quiz.next_question()
    assert quiz.question.text().startswith("Question 2:")
    q = quiz.q
    quiz.oh.setValue(q["OH"] + 1)
    quiz.ow.setValue(q["OW"])
    assert not quiz.check()  # nor the width alone


def test_changing_the_filter_count_keeps_the_biases_that_still_have_a_filter():
    from explorer.panels.conv_lab.state import ConvSetup

    setup = ConvSetup()
    setup.resize(rng=0, FN=3)
    setup.b = np.array([3.0, -1.0, 2.0])
    setup.resize(rng=0, FN=2)
    np.testing.assert_array_equal(setup.b, [3.0, -1.0])
    setup.resize(rng=0, FN=4)
    np.testing.assert_array_equal(setup.b, [3.0, -1.0, 0.0, 0.0])  # a new filter starts without bias


def test_padding_goes_up_to_four(lab):
    page = lab.conv_page
    page.preset.setCurrentIndex(page.preset.findData("lecture"))
    assert page.spins["pad"].maximum() == 4
    page.spins["pad"].setValue(4)
    assert page.setup.pad == 4 and page.trace.output.shape[2:] == (10, 10)  # (4 + 8 - 3)/1 + 1


def test_each_step_names_its_image_filter_and_cell_and_sums_its_channels_as_the_definition_does(lab):
    """The batch preset (2 images × 3 channels, 2 filters with biases 0 and 1): at every step the titles
    name the image and filter, and the line under them is out[n, f, i, j] = Σ_c Σ x·W + b, each channel's
    sum computed here by a loop over the window."""
    from explorer.widgets.matrix_view import fmt

    page = lab.conv_page
    page.preset.setCurrentIndex(page.preset.findData("batch"))
    s = page.setup
    x, W, b = s.x, s.W, s.b
    assert x.shape == (2, 3, 5, 5) and W.shape == (2, 3, 3, 3) and list(b) == [0.0, 1.0]
    trace = page.trace
    checked = set()
    for k in range(len(trace)):
        n, f, i, j = trace.cell(k)
        if (n, f) in checked:
            continue
        checked.add((n, f))
        page.steps.set_step(k)
        sums = [sum(x[n, c, i + u, j + v] * W[f, c, u, v] for u in range(3) for v in range(3)) for c in range(3)]
        value = sum(sums) + b[f]
        titles = [t.text() for t in page.row_titles]
        assert titles[0] == f"Input (padded), image {n + 1}" and titles[1] == f"⊛ Filter {f + 1}"
        assert titles[3] == f"→ Output of image {n + 1}"
        said = page.mac.text()
        assert said.startswith(f"out[{n}, {f}, {i}, {j}]: sum over the 3 channels: ")
        assert " + ".join(fmt(v) for v in sums) + f" = {fmt(sum(sums))}" in said
        assert said.endswith(f"plus bias {fmt(b[f])} = <b>{fmt(value)}</b>")
    assert checked == {(0, 0), (0, 1), (1, 0), (1, 1)}


@pytest.mark.parametrize("key, low, high", [("H", 1, 32), ("W", 1, 32), ("FH", 1, 7), ("FW", 1, 7), ("C", 1, 3),
                                            ("FN", 1, 4), ("N", 1, 4)])
def test_every_size_takes_its_whole_range_and_a_step_beyond_is_refused_by_name(key, low, high):
    from explorer.panels.conv_lab.state import ConvSetup

    setup = ConvSetup()
    for value in (low, high):
        setup.resize(rng=0, **{key: value})
        assert setup.shapes[key] == value
    for value in (low - 1, high + 1):
        with pytest.raises(ValueError, match=f"^{key} must be between {low} and {high}, got {value}$"):
            setup.resize(rng=0, **{key: value})
    assert setup.shapes[key] == high  # a refused size changes nothing


def test_shrinking_keeps_the_top_left_of_every_image_channel_and_filter():
    from explorer.panels.conv_lab.state import ConvSetup

    setup = ConvSetup()
    setup.resize(rng=2, N=3, C=3, H=6, W=7, FN=2, FH=3, FW=4)
    x, W = setup.x.copy(), setup.W.copy()
    setup.resize(rng=3, N=2, C=2, H=4, W=5, FN=1, FH=2, FW=3)
    assert setup.x.shape == (2, 2, 4, 5) and setup.W.shape == (1, 2, 2, 3) and setup.b.shape == (1,)
    np.testing.assert_array_equal(setup.x, x[:2, :2, :4, :5])
    np.testing.assert_array_equal(setup.W, W[:1, :2, :2, :3])


def test_the_quiz_shows_each_number_in_its_place_and_works_the_answer_out_from_the_formula(lab):
    """The lecture's third exercise, (H, W) = (28, 31), P = 2, S = 3, a 5×5 filter: no two of its numbers
    are equal, so any two swapped in the question or in the worked answer show."""
    quiz = lab.quiz_page
    quiz.next_question()
    quiz.next_question()
    q = quiz.q
    assert (q["H"], q["W"], q["P"], q["S"], q["FH"], q["FW"]) == (28, 31, 2, 3, 5, 5)
    assert quiz.question.text() == (
        f"Question 3: input (H, W) = ({q['H']}, {q['W']}), padding P = {q['P']}, stride S = {q['S']}, "
        f"filter (FH, FW) = ({q['FH']}, {q['FW']}).<br>What is the output size (OH, OW)?")
    oh = (q["H"] + 2 * q["P"] - q["FH"]) // q["S"] + 1  # the lecture's formula, here
    ow = (q["W"] + 2 * q["P"] - q["FW"]) // q["S"] + 1
    quiz.oh.setValue(oh)
    quiz.ow.setValue(ow)
    assert quiz.check()
    said = quiz.feedback.text()
    assert f"OH = (H + 2P − FH)/S + 1 = ({q['H']} + 2·{q['P']} − {q['FH']})/{q['S']} + 1 = {oh}; " in said
    assert f"OW = (W + 2P − FW)/S + 1 = ({q['W']} + 2·{q['P']} − {q['FW']})/{q['S']} + 1 = {ow}" in said
    assert said.endswith("Score: 1 of 1")
    quiz.next_question()  # a new question starts with empty answers and no verdict
    assert quiz.oh.value() == quiz.ow.value() == 0 and quiz.feedback.text() == ""


def test_the_im2col_and_backward_titles_give_the_shapes_and_indices_of_the_step_shown(lab):
    """Batch preset: N = 2 images, C = 3 channels of 5×5, FN = 2 filters of 3×3, stride 1 → OH = OW = 3. The
    im2col titles give (N·OH·OW, C·FH·FW) = (18, 27), (C·FH·FW, FN) = (27, 2) and (N·OH·OW, FN) = (18, 2);
    the backward titles name the step's dout slice, filter and image, and db so far is the sum of the dout
    values of that filter visited so far (added up here from the steps' cells)."""
    from explorer.widgets.matrix_view import fmt

    page = lab.conv_page
    page.preset.setCurrentIndex(page.preset.findData("batch"))
    trace = page.trace
    k = next(k for k in range(len(trace)) if trace.cell(k) == (1, 1, 2, 0))
    lab.tabs.setCurrentWidget(lab.im2col_page)
    im = lab.im2col_page
    im.steps.set_step(k)
    assert [t.text() for t in im.titles] == [
        "im2col(x): one row per window, (N·OH·OW, C·FH·FW) = (18, 27)",
        "Filters as columns, (C·FH·FW, FN) = (27, 2)",
        "col · W + b, (N·OH·OW, FN) = (18, 2)"]
    value = oracles.conv_forward(page.setup.x, page.setup.W, page.setup.b)[1, 1, 2, 0]
    assert im.explain.text() == (  # image 2, output row 2, column 0: row 2·9 + 2·3 + 0 = 15 of col, counted from 1
        f"Row 16 is the window of image 2 at output position (2, 0); times column 2 (filter 2) plus bias gives "
        f"{value:g}. Reshaped to (N, OH, OW, FN) = (2, 3, 3, 2) and transposed (0, 3, 1, 2) this is the output "
        "(N, FN, OH, OW) = (2, 2, 3, 3): one matrix product does all 36 multiply-accumulates.")
    assert im.col_view.highlights[0][:4] == (15, 0, 1, 27)
    # filter 2 is column 1 of the (27, 2) filter matrix, all 27 rows; the product's cell is (row 15, column 1)
    assert im.w_view.highlights[0][:4] == (0, 1, 27, 1) and im.out_view.highlights[0][:4] == (15, 1, 1, 1)
    cell = im.cell()  # 18 rows of 27 numbers: as wide as 27 cells, as tall as 18
    assert (im.col_view.width(), im.col_view.height()) == (27 * cell + 2, 18 * cell + 2)
    assert (im.w_view.width(), im.w_view.height()) == (2 * cell + 2, 27 * cell + 2)
    page.steps.set_step(k)
    assert page.mac.text().startswith("out[1, 1, 2, 0]: sum over the 3 channels: ")  # n, f, row, column
    back = lab.backward_page
    lab.tabs.setCurrentWidget(back)
    back.which.setCurrentIndex(0)
    back._set_dout("random")
    back.steps.set_step(k)
    dout = back.dout
    db = sum(dout[n, f, i, j] for n, f, i, j in (trace.cell(q) for q in range(k + 1)) if f == 1)
    g = fmt(float(dout[1, 1, 2, 0]))
    assert [t.text() for t in back.titles] == [
        "Upstream gradient dout[1, 1]", f"dW of filter 2 so far (db = {fmt(float(db))})",
        "dx of image 2 so far (col2im: overlaps add up)"]
    assert back.explain.text() == (f"Step {k + 1}: dW[1] += {g} × (the window), dx[window] += {g} × W[1], "
                                   f"db[1] += {g}. After the last step these equal Convolution.backward.")


def test_pooling_backward_says_where_each_gradient_goes(lab):
    from explorer.widgets.matrix_view import fmt

    lab.pool_page.load_preset("robustness")  # 3×3 windows
    back = lab.backward_page
    lab.tabs.setCurrentWidget(back)
    back.which.setCurrentIndex(1)
    back.dout = np.arange(back.dout.size, dtype=float).reshape(back.dout.shape) + 2  # a value of its own per cell
    back.steps.set_step(2)
    n, c, i, j = lab.pool_page.trace.cell(2)
    g = fmt(float(back.dout[n, c, i, j]))
    assert back.explain.text() == (f"Max pooling passes the gradient {g} only to the window's maximum (circled); "
                                   "the other cells get 0.")
    lab.tabs.setCurrentWidget(lab.pool_page)
    lab.pool_page.mode.setCurrentIndex(1)  # average
    lab.tabs.setCurrentWidget(back)
    assert back.explain.text() == f"Average pooling spreads the gradient {g} evenly: each of the 9 cells gets {g}/9."


def test_non_square_shapes_are_named_and_framed_height_first(lab):
    """Lecture example with W = 6 and a 3×2 filter: the output is 2 × 5 (OH = (4 − 3)/1 + 1, OW = (6 − 2)/1 + 1),
    the window drawn on the input is 3 rows × 2 columns, and a filter too tall says so as FH×FW."""
    page = lab.conv_page
    page.preset.setCurrentIndex(page.preset.findData("lecture"))
    page.spins["W"].setValue(6)
    page.spins["FW"].setValue(2)
    assert page.blocks.text() == ("Input (N, C, H, W) = (1, 1, 4, 6) ⊛ Filters (FN, C, FH, FW) = (1, 1, 3, 2) → "
                                  "Output (N, FN, OH, OW) = (1, 1, 2, 5)")
    page.steps.set_step(6)  # output row 1, column 1
    assert page.trace.cell(6) == (0, 0, 1, 1)
    assert page.inputs[0].highlights[0][:4] == (1, 1, 3, 2)  # top, left, rows, columns
    page.spins["FH"].setValue(6)
    assert "the 6×2 filter does not fit in the padded input: no output" in page.formula.text()


def test_resizing_the_pooling_input_keeps_its_top_left_numbers(lab):
    pool = lab.pool_page
    lab.tabs.setCurrentWidget(pool)
    pool.load_preset("lecture")
    before = pool.setup.x[0, 0].copy()  # 4 x 4
    pool.H.setValue(3)  # shorter first: rows 0-2 kept
    pool.W.setValue(6)  # then wider: the 3 x 4 already there kept, two new columns
    x = pool.setup.x[0, 0]
    assert x.shape == (3, 6)
    np.testing.assert_array_equal(x[:, :4], before[:3, :4])


def test_db_so_far_is_the_shown_filters_sum_also_on_another_images_step(lab):
    """On a step of image 2 with filter 1 the title's db is filter 1's (not filter 2's, the image's number)."""
    from explorer.widgets.matrix_view import fmt

    page = lab.conv_page
    page.preset.setCurrentIndex(page.preset.findData("batch"))
    trace = page.trace
    k = next(k for k in range(len(trace)) if trace.cell(k) == (1, 0, 1, 2))
    back = lab.backward_page
    lab.tabs.setCurrentWidget(back)
    back.which.setCurrentIndex(0)
    back.dout = np.arange(back.dout.size, dtype=float).reshape(back.dout.shape) - 20  # every value its own
    back.steps.set_step(k)
    db = sum(back.dout[n, f, i, j] for n, f, i, j in (trace.cell(q) for q in range(k + 1)) if f == 0)
    assert back.titles[1].text() == f"dW of filter 1 so far (db = {fmt(float(db))})"



def test_typing_and_pasting_on_a_step_of_image_2_and_filter_2_changes_those_and_the_output(lab):
    """The grid shows the step's image and filter: an edit there lands on x[n] / W[f] of that step (not on
    image 1 or filter 1), in the typed channel, row and column, and the outputs follow the definition."""
    page = lab.conv_page
    page.preset.setCurrentIndex(page.preset.findData("batch"))
    k = next(k for k in range(len(page.trace)) if page.trace.cell(k) == (1, 1, 0, 0))
    page.steps.set_step(k)
    x0, W0 = page.setup.x.copy(), page.setup.W.copy()
    assert page.inputs[2].commit_text(1, 3, "7")  # channel 3, row 1, column 3 (no padding here)
    assert page.filters[1].commit_text(2, 0, "-5")  # channel 2, row 2, column 0
    x_expected, W_expected = x0.copy(), W0.copy()
    x_expected[1, 2, 1, 3] = 7
    W_expected[1, 1, 2, 0] = -5
    np.testing.assert_array_equal(page.setup.x, x_expected)
    np.testing.assert_array_equal(page.setup.W, W_expected)
    assert page.trace.cell(page.steps.step)[:2] == (1, 1)  # still on image 2, filter 2
    block = np.arange(25, dtype=float).reshape(5, 5)
    assert page.inputs[0].paste("\n".join(" ".join(str(int(v)) for v in row) for row in block))
    x_expected[1, 0] = block
    np.testing.assert_array_equal(page.setup.x, x_expected)
    expected = oracles.conv_forward(x_expected, W_expected, page.setup.b)
    page.steps.set_step(len(page.trace) - 1)  # after the last step the outputs shown are the whole convolution
    for f, view in enumerate(page.outputs):
        np.testing.assert_allclose(view.values, expected[1, f])


def test_typing_pasting_and_a_pool_too_big_on_the_pooling_page(lab, qtbot):
    """A typed number lands in its row and column and the output follows the definition; a pasted block
    replaces the input; a window larger than the input says why in red, shows no output, and the steps stop."""
    pool = lab.pool_page
    lab.tabs.setCurrentWidget(pool)
    pool.load_preset("lecture")  # 4×4, 2×2 windows, stride 2
    x = pool.setup.x[0, 0].copy()
    assert pool.main.input.commit_text(0, 3, "50")  # row 0, column 3: in the top-right window
    x[0, 3] = 50
    np.testing.assert_array_equal(pool.setup.x[0, 0], x)
    np.testing.assert_array_equal(pool.trace.output[0, 0], oracles.pool_forward(x[None, None], 2, 2)[0, 0])
    assert pool.trace.output[0, 0, 0, 1] == 50
    block = np.arange(16, dtype=float).reshape(4, 4)[::-1]
    pooled_block = oracles.pool_forward(block[None, None], 2, 2)[0, 0]  # 2×2 windows, stride 2, by loops
    assert pool.main.input.paste("\n".join(" ".join(f"{v:g}" for v in row) for row in block))
    np.testing.assert_array_equal(pool.setup.x[0, 0], block)
    pool.steps.set_step(pool.steps.count - 1)  # after the last window: the whole output
    np.testing.assert_array_equal(pool.main.output.values, pooled_block)
    pool.size.setValue(6)  # a 6×6 window on a 4×4 input
    assert pool.trace is None and not pool.steps.isEnabled()
    assert pool.formula.text().endswith("<br><span style='color:#c53030'>the 6×6 pooling window does not fit in the "
                                        "padded 4×4 input: no output</span>")
    pool.pad.setValue(1)  # 6×6 padded: it fits, one window
    assert pool.trace is not None and pool.trace.output.shape == (1, 1, 1, 1)
    pool.pad.setValue(0)
    assert np.isnan(pool.main.output.values).all()
    assert pool.main.input.highlights == [] and pool.main.input.marks == {} and pool.main.output.highlights == []
    assert pool.result.text() == ""  # nothing left over from the last window that fitted
    np.testing.assert_array_equal(pool.main.input.values, block)  # the numbers stay for the next try
    pool.size.setValue(2)
    np.testing.assert_array_equal(pool.trace.output[0, 0], pooled_block)


def test_the_grids_grow_with_the_panel_by_its_tighter_side_up_to_two_and_a_half_times():
    from explorer.panels.conv_lab import REFERENCE_SIZE, room_for

    assert REFERENCE_SIZE == (1150, 800)
    assert room_for(1150, 800) == 1.0 and room_for(900, 600) == 1.0  # never smaller than normal
    assert room_for(2300, 1200) == pytest.approx(1.5)  # twice as wide, 1.5 times as tall: the height limits
    assert room_for(1725, 2400) == pytest.approx(1.5)  # 1.5 times as wide, 3 times as tall: the width limits
    assert room_for(5000, 5000) == 2.5


def test_the_output_cell_being_computed_is_framed_in_its_filters_map_only(lab):
    """Batch preset (2 images, 2 filters): at every step the frame sits on cell (i, j) of the map of the
    step's filter f, whichever image n is shown, and on no other map."""
    page = lab.conv_page
    page.preset.setCurrentIndex(page.preset.findData("batch"))
    trace = page.trace
    seen = set()
    for k in range(len(trace)):
        page.steps.set_step(k)
        n, f, i, j = trace.cell(k)
        seen.add((n, f))
        assert [view.highlights[0][:4] if view.highlights else None for view in page.outputs] == [
            (i, j, 1, 1) if g == f else None for g in range(2)], (k, n, f)
    assert seen == {(0, 0), (0, 1), (1, 0), (1, 1)}


def test_the_backward_grids_show_the_steps_filter_and_image_summed_so_far(lab):
    """Batch preset (2 images, 2 filters, 3 channels): at step k the dW grids show filter f's gradient and
    the dx grids image n's, summed over steps 0..k, against the definition run on dout with the later steps
    zeroed; steps with n != f included."""
    page = lab.conv_page
    page.preset.setCurrentIndex(page.preset.findData("batch"))
    trace, setup = page.trace, page.setup
    back = lab.backward_page
    lab.tabs.setCurrentWidget(back)
    back.which.setCurrentIndex(0)
    back._set_dout("random")
    dout = back.dout
    for k in (0, 12, 20, len(trace) - 1):
        back.steps.set_step(k)
        n, f, _, _ = trace.cell(k)
        masked = dout.reshape(-1).copy()
        masked[k + 1 :] = 0
        dx, dW, _ = oracles.conv_backward(setup.x, setup.W, masked.reshape(dout.shape), setup.stride, setup.pad)
        for c in range(3):
            np.testing.assert_allclose(back.dw_views[c].values, dW[f, c], err_msg=f"dW step {k} channel {c}")
            np.testing.assert_allclose(back.dx_views[c].values, dx[n, c], err_msg=f"dx step {k} channel {c}")
    assert {trace.cell(k)[:2] for k in (0, 12, 20, len(trace) - 1)} >= {(0, 1), (1, 0)}

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from engine.conv_trace import IMAGE_FILTERS, ConvTrace, PoolTrace, geometry, output_size_question

from . import oracles

X = np.array([[1, 2, 3, 0], [0, 1, 2, 3], [3, 0, 1, 2], [2, 3, 0, 1]], dtype=float)[None, None]
F = np.array([[2, 0, 1], [0, 1, 2], [1, 0, 2]], dtype=float)[None, None]


def stepped(trace):
    return np.array([trace.step(k).value for k in range(len(trace))]).reshape(trace.output.shape)


def test_lecture_example_step_by_step():
    trace = ConvTrace(X, F, np.array([3.0]))
    assert len(trace) == 4
    first = trace.step(0)
    np.testing.assert_array_equal(first.window[0], [[1, 2, 3], [0, 1, 2], [3, 0, 1]])
    np.testing.assert_array_equal(first.products[0], [[2, 0, 3], [0, 1, 4], [3, 0, 2]])
    assert first.total == 15 and first.bias == 3 and first.value == 18
    np.testing.assert_array_equal(stepped(trace)[0, 0], [[18, 19], [9, 18]])
    partial = trace.partial_output(1)[0, 0]
    assert partial[0, 0] == 18 and partial[0, 1] == 19 and np.isnan(partial[1]).all()


@settings(max_examples=40, deadline=None)
@given(N=st.integers(1, 2), C=st.integers(1, 3), FN=st.integers(1, 3), H=st.integers(3, 8), W=st.integers(3, 8),
       F=st.integers(1, 3), S=st.integers(1, 3), P=st.integers(0, 2), seed=st.integers(0, 10**6))
def test_stepped_output_equals_the_layer_and_the_definition(N, C, FN, H, W, F, S, P, seed):
    rng = np.random.default_rng(seed)
    x = rng.integers(-3, 4, (N, C, H, W)).astype(float)
    Wt = rng.integers(-2, 3, (FN, C, F, F)).astype(float)
    b = rng.integers(-2, 3, FN).astype(float)
    trace = ConvTrace(x, Wt, b, S, P)
    np.testing.assert_allclose(stepped(trace), trace.output)
    np.testing.assert_allclose(trace.output, oracles.conv_forward(x, Wt, b, S, P))
    col, col_W, product = trace.im2col()
    for k in rng.integers(0, len(trace), 5):
        step = trace.step(int(k))
        np.testing.assert_array_equal(col[trace.im2col_row(int(k))], step.window.ravel())
        assert product[trace.im2col_row(int(k)), step.f] == pytest.approx(step.value)
    # Backward: the full pass equals the definition; running sums grow step by step.
    dout = rng.integers(-2, 3, trace.output.shape).astype(float)
    dW, db, dx = trace.backward(dout)
    ref_dx, ref_dW, ref_db = oracles.conv_backward(x, Wt, dout, S, P)
    np.testing.assert_allclose(dW, ref_dW)
    np.testing.assert_allclose(db, ref_db)
    np.testing.assert_allclose(dx, ref_dx)
    k = len(trace) // 2
    masked = dout.copy().reshape(-1)
    masked[k + 1 :] = 0
    pdx, pdW, pdb = oracles.conv_backward(x, Wt, masked.reshape(dout.shape), S, P)
    dW_k, db_k, dx_k = trace.backward(dout, k)
    np.testing.assert_allclose(dW_k, pdW)
    np.testing.assert_allclose(dx_k, pdx)


def test_outputs_fed_by_follows_the_definition():
    trace = ConvTrace(np.zeros((1, 1, 5, 5)), np.zeros((1, 1, 3, 3)), np.zeros(1), stride=1, pad=1)
    assert sorted(trace.outputs_fed_by(0, 0, 0)) == [(0, 0)]  # a padding corner feeds one output
    assert len(trace.outputs_fed_by(0, 3, 3)) == 9  # an inner cell is in nine windows
    s2 = ConvTrace(np.zeros((1, 1, 7, 7)), np.zeros((1, 1, 3, 3)), np.zeros(1), stride=2)
    assert sorted(s2.outputs_fed_by(0, 2, 2)) == [(0, 0), (0, 1), (1, 0), (1, 1)]


def test_geometry_reports_leftovers():
    gh, gw = geometry(7, 8, 2, 3, stride=2)
    assert gh.exact == 3.5 and not gh.whole and gh.output == 3 and gh.leftover == 1
    assert "(7 + 2*0 - 2) / 2 + 1 = 3.5" in gh.formula
    assert not gw.whole and gw.output == 3 and gw.leftover == 1  # (8 - 3)/2 + 1 = 3.5
    gh, _ = geometry(4, 4, 3, 3, stride=1, pad=1)
    assert gh.output == 4 and gh.whole and "= 4" in gh.formula
    with pytest.raises(ValueError, match="does not fit"):
        ConvTrace(np.zeros((1, 1, 2, 2)), np.zeros((1, 1, 3, 3)), np.zeros(1))
    with pytest.raises(ValueError, match="stride"):
        geometry(5, 5, 3, 3, stride=0)


def test_backward_checks_the_gradient_shape():
    trace = ConvTrace(X, F, np.zeros(1))
    with pytest.raises(ValueError, match=r"output's shape \(1, 1, 2, 2\)"):
        trace.backward(np.ones((1, 1, 3, 3)))


def test_pool_trace_lecture_example():
    x = np.array([[1, 2, 1, 0], [0, 1, 2, 3], [3, 0, 1, 2], [2, 4, 0, 1]], dtype=float)[None, None]
    trace = PoolTrace(x, 2, 2, 2)
    values = [trace.step(k).value for k in range(len(trace))]
    assert values == [2, 3, 4, 2]
    assert trace.step(1).argmax == (1, 1)  # the 3 sits bottom-right of the second window
    dx = trace.backward(np.ones((1, 1, 2, 2)))[0, 0]
    np.testing.assert_array_equal(dx, [[0, 1, 0, 0], [0, 0, 0, 1], [0, 0, 0, 1], [0, 1, 0, 0]])
    avg = PoolTrace(x, 2, 2, 2, mode="avg")
    assert avg.step(0).value == 1.0
    np.testing.assert_allclose(avg.backward(np.ones((1, 1, 2, 2)), k=0)[0, 0, :2, :2], 0.25)


@settings(max_examples=30, deadline=None)
@given(H=st.integers(2, 8), W=st.integers(2, 8), p=st.integers(1, 3), S=st.integers(1, 3),
       mode=st.sampled_from(["max", "avg"]), seed=st.integers(0, 10**6))
def test_pool_steps_equal_the_layer(H, W, p, S, mode, seed):
    assume(p <= H and p <= W)  # a window larger than the input: not an example (hypothesis draws again)
    x = np.random.default_rng(seed).integers(0, 5, (1, 2, H, W)).astype(float)
    trace = PoolTrace(x, p, p, S, 0, mode)
    got = np.array([trace.step(k).value for k in range(len(trace))]).reshape(trace.output.shape)
    np.testing.assert_allclose(got, trace.output)
    np.testing.assert_allclose(trace.output, oracles.pool_forward(x, p, p, S, 0, mode))


def test_quiz_questions():
    assert [(q["OH"], q["OW"]) for q in map(output_size_question, range(3))] == [(4, 4), (3, 3), (10, 11)]
    rng = np.random.default_rng(0)
    for k in range(3, 40):
        q = output_size_question(k, rng)
        assert (q["H"] + 2 * q["P"] - q["FH"]) % q["S"] == 0
        assert q["OH"] == (q["H"] + 2 * q["P"] - q["FH"]) // q["S"] + 1 >= 1
    drawn = [output_size_question(k, rng) for k in range(3, 300)]
    # the random questions vary everything the formula has: strides 1-4, paddings 0-3, filters 1-7
    assert {q["S"] for q in drawn} == {1, 2, 3, 4} and {q["P"] for q in drawn} == {0, 1, 2, 3}
    assert {q["FH"] for q in drawn} == set(range(1, 8)) and all(q["FH"] == q["FW"] for q in drawn)


def test_image_filters_are_3x3():
    assert set(IMAGE_FILTERS) == {"edge", "sobel_x", "sobel_y", "blur", "sharpen"}
    assert all(f.shape == (3, 3) for f in IMAGE_FILTERS.values())
    assert IMAGE_FILTERS["blur"].sum() == pytest.approx(1)


def test_image_filters_are_built_as_image_processing_defines_them():
    """Each kernel from its definition: Sobel = smoothing [1, 2, 1] ⊗ central difference [-1, 0, 1] (x: the
    difference along columns, y: along rows); edge = the negated 8-neighbour Laplacian; sharpen = the
    identity minus the 4-neighbour Laplacian; blur = the 3×3 mean."""
    smooth, diff = np.array([1.0, 2.0, 1.0]), np.array([-1.0, 0.0, 1.0])
    identity = np.zeros((3, 3))
    identity[1, 1] = 1
    laplace4 = np.array([[0.0, 1, 0], [1, -4, 1], [0, 1, 0]])
    laplace8 = np.ones((3, 3)) - 9 * identity
    expected = {"sobel_x": np.outer(smooth, diff), "sobel_y": np.outer(diff, smooth), "edge": -laplace8,
                "sharpen": identity - laplace4, "blur": np.ones((3, 3)) / 9}
    for name, kernel in expected.items():
        np.testing.assert_allclose(IMAGE_FILTERS[name], kernel, err_msg=name)


def test_click_and_hover_mapping_on_non_square_geometry():
    """Rows and columns kept apart: a 1x2x7x11 input, 3x2 filters (not square), stride 2, pad 1
    gives OH = (7 + 2 - 3)/2 + 1 = 4 and OW = (11 + 2 - 2)/2 + 1 = 6, so swapping i and j, or H
    and W, lands on another cell or outside. Oracles: the definitions, by loops."""
    rng = np.random.default_rng(5)
    x, W = rng.standard_normal((1, 2, 7, 11)), rng.standard_normal((2, 2, 3, 2))
    trace = ConvTrace(x, W, np.array([0.3, -0.7]), stride=2, pad=1)
    assert (trace.OH, trace.OW) == (4, 6)
    for k in range(len(trace)):  # index and cell are inverse, in the book's (N, FN, OH, OW) order
        n, f, i, j = trace.cell(k)
        assert trace.index(n, f, i, j) == k
        assert np.unravel_index(k, (1, 2, 4, 6)) == (n, f, i, j)
        step = trace.step(k)
        assert (step.top, step.left) == (2 * i, 2 * j)
        assert step.value == pytest.approx(trace.output[n, f, i, j])
    for r in range(7 + 2):
        for c in range(11 + 2):
            expected = sorted((i, j) for i in range(4) for j in range(6)
                              if 2 * i <= r < 2 * i + 3 and 2 * j <= c < 2 * j + 2)
            assert sorted(trace.outputs_fed_by(0, r, c)) == expected, (r, c)


def test_pool_argmax_is_row_then_column_in_a_non_square_window():
    """A 2x3 window, stride 2, on a 4x7 input: OH = 2, OW = 3. The maximum's place inside its window
    is (row, column): swapped, (1, 2) would read (2, 1), outside a 2-row window."""
    x = np.zeros((1, 1, 4, 7))
    x[0, 0, 1, 2] = 5.0  # window (0, 0) covers rows 0-1, columns 0-2: at its row 1, column 2
    x[0, 0, 2, 4] = 7.0  # window (1, 1) covers rows 2-3, columns 2-4: at its row 0, column 2
    trace = PoolTrace(x, 2, 3, stride=2, pad=0)
    assert (trace.OH, trace.OW) == (2, 3)
    steps = {trace.cell(k)[2:]: trace.step(k) for k in range(len(trace))}
    assert steps[(0, 0)].argmax == (1, 2) and steps[(0, 0)].value == 5.0
    assert steps[(1, 1)].argmax == (0, 2) and steps[(1, 1)].value == 7.0
    assert steps[(1, 2)].argmax == (0, 0) and (steps[(1, 2)].top, steps[(1, 2)].left) == (2, 4)


@pytest.mark.parametrize(("H", "W", "axis"), [(3, 2, "OW = (W + 2P - FW)"), (2, 3, "OH = (H + 2P - FH)"),
                                              (2, 2, "OH = (H + 2P - FH)")])
def test_a_filter_that_does_not_fit_names_the_axis_it_does_not_fit(H, W, axis):
    """A 3x3 filter on 3 rows gives one output row (it fits); on 2 columns none: the message is about W."""
    with pytest.raises(ValueError) as refused:
        ConvTrace(np.zeros((1, 1, H, W)), np.zeros((1, 1, 3, 3)), np.zeros(1))
    size = W if axis.startswith("OW") else H
    assert str(refused.value) == (f"{axis} / S + 1 = ({size} + 2*0 - 3) / 1 + 1 = 0: "
                                  "the filter does not fit in the padded input")

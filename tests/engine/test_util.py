import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.util import col2im, conv_output_size, im2col, output_shape

from . import oracles


@pytest.mark.parametrize(
    "size, f, s, p, expected",
    [
        (4, 3, 1, 1, 4),  # lecture: input (4, 4), padding 1, stride 1, filter (3, 3) -> (4, 4)
        (7, 3, 2, 0, 3),  # lecture: input (7, 7), padding 0, stride 2, filter (3, 3) -> (3, 3)
        (28, 5, 3, 2, 10),  # lecture: input (28, 31), padding 2, stride 3, filter (5, 5) -> (10, 11)
        (31, 5, 3, 2, 11),
        (28, 5, 1, 0, 24),  # SimpleConvNet's conv1
    ],
)
def test_output_size_exercises(size, f, s, p, expected):
    assert conv_output_size(size, f, s, p) == expected
    assert conv_output_size(size, f, s, p, strict=True) == expected


def test_strict_mode_names_the_numbers():
    with pytest.raises(ValueError) as e:
        conv_output_size(7, 2, 2, 0, strict=True)
    msg = str(e.value)
    assert "(7 + 2*0 - 2) / 2 + 1 = 3.5" in msg and "not a whole number" in msg
    # The layers' mode floors, as the book does.
    assert conv_output_size(7, 2, 2, 0) == 3


@pytest.mark.parametrize(
    "args, fragment",
    [
        ((3, 5, 1, 0), "does not fit"),
        ((5, 3, 0, 0), "stride must be a positive integer"),
        ((5, 3, -1, 0), "stride must be a positive integer"),
        ((5, 3, 1, -1), "pad must be a non-negative integer"),
    ],
)
def test_bad_geometry_is_refused(args, fragment):
    with pytest.raises(ValueError, match=fragment):
        conv_output_size(*args)


def test_output_shape_checks_both_axes():
    assert output_shape((1, 1, 28, 31), 5, 5, 3, 2) == (10, 11)
    with pytest.raises(ValueError, match="OW"):
        output_shape((1, 1, 7, 8), 3, 3, 2, 0, strict=True)


def test_im2col_book_shapes():
    x1 = np.random.rand(1, 3, 7, 7)
    assert im2col(x1, 5, 5, stride=1, pad=0).shape == (9, 75)
    x2 = np.random.rand(10, 3, 7, 7)
    assert im2col(x2, 5, 5, stride=1, pad=0).shape == (90, 75)


def test_im2col_rejects_wrong_ndim():
    with pytest.raises(ValueError, match="4-D"):
        im2col(np.zeros((3, 7, 7)), 3, 3)


geometry = st.fixed_dictionaries(
    {
        "N": st.integers(1, 3),
        "C": st.integers(1, 3),
        "H": st.integers(1, 9),
        "W": st.integers(1, 9),
        "FH": st.integers(1, 4),
        "FW": st.integers(1, 4),
        "S": st.integers(1, 3),
        "P": st.integers(0, 2),
    }
).filter(lambda g: g["H"] + 2 * g["P"] >= g["FH"] and g["W"] + 2 * g["P"] >= g["FW"])


@settings(max_examples=60, deadline=None)
@given(g=geometry, seed=st.integers(0, 2**31 - 1))
def test_im2col_matches_definition(g, seed):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((g["N"], g["C"], g["H"], g["W"]))
    got = im2col(x, g["FH"], g["FW"], g["S"], g["P"])
    np.testing.assert_array_equal(got, oracles.im2col(x, g["FH"], g["FW"], g["S"], g["P"]))


@settings(max_examples=60, deadline=None)
@given(g=geometry, seed=st.integers(0, 2**31 - 1))
def test_col2im_is_the_adjoint_of_im2col(g, seed):
    # <im2col(x), y> = <x, col2im(y)> for every x, y: col2im is im2col's transpose.
    rng = np.random.default_rng(seed)
    shape = (g["N"], g["C"], g["H"], g["W"])
    x = rng.standard_normal(shape)
    col = im2col(x, g["FH"], g["FW"], g["S"], g["P"])
    y = rng.standard_normal(col.shape)
    lhs = np.sum(col * y)
    rhs = np.sum(x * col2im(y, shape, g["FH"], g["FW"], g["S"], g["P"]))
    assert lhs == pytest.approx(rhs, rel=1e-10, abs=1e-10)
    # And for im2col's own (column-major) layout as well as a C-ordered copy.
    y_f = np.asfortranarray(y)
    np.testing.assert_allclose(
        col2im(y_f, shape, g["FH"], g["FW"], g["S"], g["P"]),
        col2im(y, shape, g["FH"], g["FW"], g["S"], g["P"]),
    )


def test_col2im_overlaps_add_up():
    # 3x3 input, 2x2 windows, stride 1: the centre pixel sits in all four windows.
    col = np.ones((4, 4))
    img = col2im(col, (1, 1, 3, 3), 2, 2)
    np.testing.assert_array_equal(img[0, 0], [[1, 2, 1], [2, 4, 2], [1, 2, 1]])


def test_col2im_rejects_wrong_shape():
    with pytest.raises(ValueError, match="col must have shape"):
        col2im(np.ones((5, 4)), (1, 1, 3, 3), 2, 2)


def test_windows_default_to_stride_one_and_no_padding():
    from engine.util import windows

    x = np.arange(2 * 3 * 5 * 6, dtype=float).reshape(2, 3, 5, 6)
    view, oh, ow = windows(x, 2, 3)
    assert (oh, ow) == (4, 4) and view.shape == (2, 3, 4, 4, 2, 3)
    for n, c, i, j in np.ndindex(2, 3, 4, 4):
        np.testing.assert_array_equal(view[n, c, i, j], x[n, c, i : i + 2, j : j + 3])

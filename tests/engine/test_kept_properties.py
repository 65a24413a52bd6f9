"""What the engine keeps while it computes — dtypes, shapes, read-only views, refused geometry — each
against a definition or a loop. Found by a fresh planted-bug list (session 6): each of these bugs passed
every other test."""

import math

import numpy as np
import pytest

from engine.functions import softmax_cross_entropy
from engine.layers import Convolution, ConvPoolRelu, Pooling, Relu
from engine.optimizer import BLOCK, SGD, AdaGrad, Adam, Momentum, Nesterov, RMSprop
from engine.util import as_strided, windows


@pytest.mark.parametrize("mode", ["max", "avg"])
def test_pooling_backward_keeps_float32(mode):
    x = np.random.default_rng(0).random((2, 3, 4, 6)).astype(np.float32)
    layer = Pooling(2, 2, stride=2, pad=1, mode=mode)
    out = layer.forward(x)
    dx = layer.backward(np.ones_like(out))
    assert out.dtype == np.float32 and dx.dtype == np.float32


@pytest.mark.parametrize("FH, FW, H, W", [(2, 3, 7, 8), (3, 2, 8, 7), (1, 4, 6, 9)])
def test_fused_conv_pool_with_non_square_filters_is_the_book_chain(FH, FW, H, W):
    """The four shifted filters must be placed with their own height and width."""
    rng = np.random.default_rng(1)
    x = rng.standard_normal((2, 2, H, W))
    Wt, b = rng.standard_normal((3, 2, FH, FW)), rng.standard_normal(3)
    conv, relu, pool = Convolution(Wt, b), Relu(), Pooling(2, 2, stride=2)
    expected = pool.forward(relu.forward(conv.forward(x)))
    fused = ConvPoolRelu(Wt, b)
    np.testing.assert_allclose(fused.forward(x), expected, rtol=1e-12, atol=1e-12)
    dout = rng.standard_normal(expected.shape)
    dx = conv.backward(relu.backward(pool.backward(dout)))
    np.testing.assert_allclose(fused.backward(dout), dx, rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(fused.dW, conv.dW, rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize("H, W", [(6, 7), (7, 6)])
def test_fused_conv_pool_refuses_an_odd_output_in_either_direction(H, W):
    layer = ConvPoolRelu(np.ones((1, 1, 2, 2)), np.zeros(1))  # output (H-1) x (W-1): one of them odd
    with pytest.raises(ValueError, match="even"):
        layer.forward(np.ones((1, 1, H, W)))


def test_cross_entropy_of_one_sample_given_as_a_vector():
    x = np.array([1.0, 2.0, -0.5, 3.0])
    expected = -math.log(math.exp(2.0) / sum(math.exp(v) for v in x))
    assert softmax_cross_entropy(x, 1) == pytest.approx(expected, rel=1e-12)
    assert softmax_cross_entropy(x, np.array([0, 1, 0, 0])) == pytest.approx(expected, rel=1e-12)


OPTIMIZERS = [SGD, Momentum, Nesterov, AdaGrad, RMSprop, Adam]


@pytest.mark.parametrize("make", OPTIMIZERS)
def test_optimizer_state_and_parameters_stay_float32(make):
    rng = np.random.default_rng(2)
    params = {"W": rng.standard_normal((5, 3)).astype(np.float32)}
    opt = make()
    for _ in range(3):
        opt.update(params, {"W": rng.standard_normal((5, 3)).astype(np.float32)})
    assert params["W"].dtype == np.float32
    state = [v for v in vars(opt).values() if isinstance(v, dict)]
    arrays = [a for d in state for a in d.values() if isinstance(a, np.ndarray)]
    assert all(a.dtype == np.float32 for a in arrays), [a.dtype for a in arrays]


@pytest.mark.parametrize("kind", ["read-only", "integer"])
def test_adam_rebinds_a_large_parameter_it_cannot_change_in_place_with_its_shape(kind):
    """Above BLOCK elements Adam updates flat blocks; a parameter it must copy is rebound in its own shape."""
    shape = (BLOCK // 100 + 7, 100)
    rng = np.random.default_rng(3)
    start = rng.integers(-3, 4, shape)
    p = start.astype(np.float64)
    if kind == "read-only":
        p.flags.writeable = False
    else:
        p = start.copy()  # integers: the book passes what it has
    params = {"W": p}
    g = rng.standard_normal(shape)
    Adam(lr=0.01).update(params, {"W": g})
    assert params["W"].shape == shape
    # Adam's first step, from the book's formulas: m = 0.1 g, v = 0.001 g², lr_t = lr √0.001 / 0.1,
    # p -= lr_t m / (√v + 1e-7) = lr g / (|g| + 1e-7/√0.001)
    np.testing.assert_allclose(params["W"], start - 0.01 * g / (np.abs(g) + 1e-7 / math.sqrt(0.001)), rtol=1e-12)


def test_window_views_are_read_only_so_nobody_writes_through_them_into_the_image():
    x = np.arange(2 * 3 * 5 * 6, dtype=np.float64).reshape(2, 3, 5, 6)
    view, oh, ow = windows(x, 2, 3, stride=1, pad=0)
    assert (oh, ow) == (4, 4) and not view.flags.writeable
    with pytest.raises(ValueError):
        view[0, 0, 0, 0, 0, 0] = -1
    assert not as_strided(x, (2, 2), (8, 8)).flags.writeable
    assert not as_strided(np.asfortranarray(x), (2, 2), (8, 8)).flags.writeable

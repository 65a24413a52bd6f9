import math

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from engine.functions import cross_entropy_error, relu_grad, softmax, softmax_cross_entropy
from engine.layers import (
    Affine,
    BatchNormalization,
    Convolution,
    ConvPoolRelu,
    Dropout,
    Pooling,
    Relu,
    Sigmoid,
    SoftmaxWithLoss,
)

from . import oracles

LECTURE_X = np.array([[1, 2, 3, 0], [0, 1, 2, 3], [3, 0, 1, 2], [2, 3, 0, 1]], dtype=float)
LECTURE_W = np.array([[2, 0, 1], [0, 1, 2], [1, 0, 2]], dtype=float)


def test_lecture_convolution_example():
    conv = Convolution(LECTURE_W[None, None], np.zeros(1))
    np.testing.assert_array_equal(conv.forward(LECTURE_X[None, None])[0, 0], [[15, 16], [6, 15]])
    conv = Convolution(LECTURE_W[None, None], np.array([3.0]))
    np.testing.assert_array_equal(conv.forward(LECTURE_X[None, None])[0, 0], [[18, 19], [9, 18]])


def test_lecture_padding_example():
    # Padding 1 keeps the 4x4 size: (4 + 2*1 - 3)/1 + 1 = 4; the corner sees only 4 weights.
    out = Convolution(LECTURE_W[None, None], np.zeros(1), pad=1).forward(LECTURE_X[None, None])[0, 0]
    assert out.shape == (4, 4)
    np.testing.assert_array_equal(out[1:3, 1:3], [[15, 16], [6, 15]])
    assert out[0, 0] == 1 * 1 + 2 * 2 + 0 * 0 + 1 * 2  # W[1:,1:] over x[:2,:2]


def test_lecture_max_pooling_example():
    x = np.array([[1, 2, 1, 0], [0, 1, 2, 3], [3, 0, 1, 2], [2, 4, 0, 1]], dtype=float)
    out = Pooling(2, 2, stride=2).forward(x[None, None])[0, 0]
    np.testing.assert_array_equal(out, [[2, 3], [4, 2]])


def test_lecture_pooling_robustness_example():
    # A 6x6 input and the same shifted right by one column pool (3x3, stride 3) to the same result.
    x = np.array(
        [
            [1, 2, 0, 7, 1, 0],
            [0, 9, 2, 3, 2, 3],
            [3, 0, 1, 2, 1, 2],
            [2, 4, 0, 1, 0, 1],
            [6, 0, 1, 2, 1, 2],
            [2, 4, 0, 1, 8, 1],
        ],
        dtype=float,
    )
    shifted = np.zeros_like(x)
    shifted[:, 1:] = x[:, :-1]
    pool = Pooling(3, 3, stride=3)
    np.testing.assert_array_equal(pool.forward(x[None, None])[0, 0], [[9, 7], [6, 8]])
    np.testing.assert_array_equal(pool.forward(shifted[None, None])[0, 0], [[9, 7], [6, 8]])


conv_geometry = st.fixed_dictionaries(
    {
        "N": st.integers(1, 3),
        "C": st.integers(1, 3),
        "H": st.integers(1, 8),
        "W": st.integers(1, 8),
        "FN": st.integers(1, 3),
        "FH": st.integers(1, 4),
        "FW": st.integers(1, 4),
        "S": st.integers(1, 3),
        "P": st.integers(0, 2),
    }
).filter(lambda g: g["H"] + 2 * g["P"] >= g["FH"] and g["W"] + 2 * g["P"] >= g["FW"])


@settings(max_examples=50, deadline=None)
@given(g=conv_geometry, seed=st.integers(0, 2**31 - 1))
def test_convolution_forward_and_backward_match_the_definition(g, seed):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((g["N"], g["C"], g["H"], g["W"]))
    W = rng.standard_normal((g["FN"], g["C"], g["FH"], g["FW"]))
    b = rng.standard_normal(g["FN"])
    conv = Convolution(W, b, stride=g["S"], pad=g["P"])
    out = conv.forward(x)
    np.testing.assert_allclose(out, oracles.conv_forward(x, W, b, g["S"], g["P"]), rtol=1e-10, atol=1e-10)
    dout = rng.standard_normal(out.shape)
    dx = conv.backward(dout)
    ref_dx, ref_dW, ref_db = oracles.conv_backward(x, W, dout, g["S"], g["P"])
    np.testing.assert_allclose(dx, ref_dx, rtol=1e-10, atol=1e-10)
    np.testing.assert_allclose(conv.dW, ref_dW, rtol=1e-10, atol=1e-10)
    np.testing.assert_allclose(conv.db, ref_db, rtol=1e-10, atol=1e-10)


pool_geometry = st.fixed_dictionaries(
    {
        "N": st.integers(1, 2),
        "C": st.integers(1, 3),
        "H": st.integers(1, 8),
        "W": st.integers(1, 8),
        "PH": st.integers(1, 3),
        "PW": st.integers(1, 3),
        "S": st.integers(1, 3),
        "P": st.integers(0, 1),
        "mode": st.sampled_from(["max", "avg"]),
        "ties": st.booleans(),
    }
).filter(lambda g: g["H"] + 2 * g["P"] >= g["PH"] and g["W"] + 2 * g["P"] >= g["PW"])


@settings(max_examples=60, deadline=None)
@given(g=pool_geometry, seed=st.integers(0, 2**31 - 1))
def test_pooling_forward_and_backward_match_the_definition(g, seed):
    rng = np.random.default_rng(seed)
    shape = (g["N"], g["C"], g["H"], g["W"])
    # With ties (small integers) the gradient must go to the first maximum, like argmax.
    x = rng.integers(0, 3, shape).astype(float) if g["ties"] else rng.standard_normal(shape)
    args = (g["PH"], g["PW"], g["S"], g["P"], g["mode"])
    pool = Pooling(*args)
    out = pool.forward(x)
    np.testing.assert_allclose(out, oracles.pool_forward(x, *args), rtol=1e-12)
    dout = rng.standard_normal(out.shape)
    np.testing.assert_allclose(pool.backward(dout), oracles.pool_backward(x, dout, *args), rtol=1e-12, atol=1e-12)


def test_pooling_output_size_honours_pad():
    out = Pooling(2, 2, stride=2, pad=1).forward(np.ones((1, 1, 4, 4)))
    assert out.shape == (1, 1, 3, 3)


def test_pooling_works_on_transposed_views():
    # The network hands pooling a transposed view of the conv output: same results.
    rng = np.random.default_rng(0)
    nhwc = rng.standard_normal((2, 6, 6, 3))
    x = nhwc.transpose(0, 3, 1, 2)
    pool = Pooling(2, 2, 2)
    np.testing.assert_array_equal(pool.forward(x), oracles.pool_forward(np.ascontiguousarray(x), 2, 2, 2))


def test_relu_backward_leaves_its_argument_alone():
    relu = Relu()
    relu.forward(np.array([[-1.0, 2.0], [3.0, -4.0]]))
    dout = np.array([[5.0, 6.0], [7.0, 8.0]])
    dx = relu.backward(dout)
    np.testing.assert_array_equal(dout, [[5, 6], [7, 8]])
    np.testing.assert_array_equal(dx, [[0, 6], [7, 0]])


def test_sigmoid_does_not_overflow():
    with np.errstate(all="raise"):
        y = Sigmoid().forward(np.array([-1000.0, 0.0, 1000.0]))
    np.testing.assert_allclose(y, [0, 0.5, 1])


def _check_layer_gradient(forward, x, dout, analytic, rtol=1e-6, atol=1e-8):
    numeric = oracles.numerical_grad(lambda v: np.sum(forward(v) * dout), x)
    np.testing.assert_allclose(analytic, numeric, rtol=rtol, atol=atol)


def test_relu_sigmoid_gradients():
    rng = np.random.default_rng(1)
    x = rng.standard_normal((3, 4)) + 0.05  # keep away from the kink at 0
    x[np.abs(x) < 0.01] = 0.5
    dout = rng.standard_normal((3, 4))
    for layer_cls in (Relu, Sigmoid):
        layer = layer_cls()
        layer.forward(x)
        _check_layer_gradient(lambda v, c=layer_cls: c().forward(v), x, dout, layer.backward(dout))


def test_affine_gradients_and_shapes():
    rng = np.random.default_rng(2)
    x = rng.standard_normal((2, 3, 2, 2))
    W = rng.standard_normal((12, 5))
    b = rng.standard_normal(5)
    layer = Affine(W, b)
    out = layer.forward(x)
    assert out.shape == (2, 5)
    dout = rng.standard_normal((2, 5))
    dx = layer.backward(dout)
    assert dx.shape == x.shape
    _check_layer_gradient(lambda v: Affine(W, b).forward(v), x, dout, dx)
    _check_layer_gradient(lambda v: Affine(v, b).forward(x), W, dout, layer.dW)
    _check_layer_gradient(lambda v: Affine(W, v).forward(x), b, dout, layer.db)


def test_affine_wrong_input_size_is_named():
    with pytest.raises(ValueError, match="expects 12 input features"):
        Affine(np.zeros((12, 5)), np.zeros(5)).forward(np.zeros((2, 10)))


@pytest.mark.parametrize("one_hot", [False, True])
def test_softmax_with_loss_gradient_is_exact(one_hot):
    rng = np.random.default_rng(3)
    x = rng.standard_normal((4, 5)) * 3
    labels = np.array([0, 3, 4, 1])
    t = np.eye(5)[labels] if one_hot else labels
    layer = SoftmaxWithLoss()
    loss = layer.forward(x, t)
    assert loss == pytest.approx(softmax_cross_entropy(x, labels))
    numeric = oracles.numerical_grad(lambda v: SoftmaxWithLoss().forward(v, t), x)
    np.testing.assert_allclose(layer.backward(), numeric, rtol=1e-6, atol=1e-9)


def test_softmax_with_loss_is_stable_for_huge_scores():
    loss = SoftmaxWithLoss().forward(np.array([[1000.0, -1000.0]]), np.array([1]))
    assert loss == pytest.approx(2000.0)


def test_batchnorm_gradients():
    rng = np.random.default_rng(4)
    x = rng.standard_normal((5, 3))
    gamma, beta = rng.standard_normal(3) + 1, rng.standard_normal(3)
    dout = rng.standard_normal((5, 3))
    bn = BatchNormalization(gamma, beta)
    bn.forward(x)
    dx = bn.backward(dout)

    def f(v):
        return BatchNormalization(gamma, beta).forward(v)

    _check_layer_gradient(f, x, dout, dx, rtol=1e-5, atol=1e-7)
    _check_layer_gradient(lambda g: BatchNormalization(g, beta).forward(x), gamma, dout, bn.dgamma)
    _check_layer_gradient(lambda v: BatchNormalization(gamma, v).forward(x), beta, dout, bn.dbeta)


@pytest.mark.parametrize("ratio", [0.5, 0.2, 0.7])
def test_dropout_masks_and_scales(ratio):
    """A unit is dropped with probability ``ratio`` (kept with 1 - ratio); at test time every unit is
    kept and scaled by 1 - ratio (the book's convention). Ratios other than 0.5 tell the two apart."""
    d = Dropout(ratio, rng=0)
    x = np.ones((20_000,))
    y = d.forward(x)
    kept = y != 0
    assert abs(kept.mean() - (1 - ratio)) < 0.015  # 20,000 draws: the standard error is 0.003
    np.testing.assert_array_equal(d.backward(np.full(20_000, 2.0)), 2.0 * kept)
    np.testing.assert_array_equal(d.forward(x, train_flg=False), (1 - ratio) * x)


def test_batchnorm_training_mode_normalises_each_feature_by_its_batch_statistics():
    """gamma·(x − mean)/sqrt(var + 10e-7) + beta with the batch's own mean and (1/N) variance. One feature
    varies by only 1e-3, so the 10e-7 inside the root shows in the result."""
    rng = np.random.default_rng(9)
    x = rng.standard_normal((7, 3)) * [1.0, 1e-3, 4.0] + [2.0, -1.0, 0.5]
    gamma, beta = np.array([1.5, 0.5, 2.0]), np.array([0.1, -0.2, 0.3])
    rows = x.tolist()
    expected = np.empty_like(x)
    for j in range(3):
        column = [row[j] for row in rows]
        mean = sum(column) / len(column)
        var = sum((v - mean) ** 2 for v in column) / len(column)
        for i, v in enumerate(column):
            expected[i, j] = gamma[j] * (v - mean) / math.sqrt(var + 10e-7) + beta[j]
    np.testing.assert_allclose(BatchNormalization(gamma, beta).forward(x, train_flg=True), expected, rtol=1e-10)


def test_batchnorm_test_mode_uses_the_running_averages():
    """Training updates running mean and variance by momentum; test mode normalises with them."""
    rng = np.random.default_rng(8)
    gamma, beta = np.array([1.5, 0.5, 2.0]), np.array([0.1, -0.2, 0.3])
    bn = BatchNormalization(gamma, beta, momentum=0.8)
    mean, var = np.zeros(3), np.zeros(3)
    for _ in range(3):
        batch = rng.standard_normal((6, 3)) * [1, 2, 3] + [5, -1, 0]
        bn.forward(batch, train_flg=True)
        mean = 0.8 * mean + 0.2 * batch.mean(axis=0)
        var = 0.8 * var + 0.2 * batch.var(axis=0)  # the biased (1/N) variance, as the book
    np.testing.assert_allclose(bn.running_mean, mean, rtol=1e-12)
    np.testing.assert_allclose(bn.running_var, var, rtol=1e-12)
    x = rng.standard_normal((4, 3))
    expected = gamma * (x - mean) / np.sqrt(var + 10e-7) + beta
    np.testing.assert_allclose(bn.forward(x, train_flg=False), expected, rtol=1e-12)
    np.testing.assert_allclose(bn.running_mean, mean, rtol=1e-12)  # test mode leaves them alone


def test_softmax_with_loss_is_the_batch_average_of_each_images_loss():
    x = np.array([[2.0, 1.0, 0.1], [0.5, 2.5, -1.0]])
    t = np.array([0, 2])
    per_image = [-math.log(math.exp(row[k]) / sum(math.exp(v) for v in row)) for row, k in zip(x.tolist(), t)]
    assert SoftmaxWithLoss().forward(x, t) == pytest.approx(sum(per_image) / 2, rel=1e-12)
    assert softmax_cross_entropy(x, t) == pytest.approx(sum(per_image) / 2, rel=1e-12)
    assert cross_entropy_error(softmax(x), t) == pytest.approx(
        -sum(math.log(math.exp(row[k]) / sum(math.exp(v) for v in row) + 1e-7) for row, k in zip(x.tolist(), t)) / 2)


def test_cross_entropy_of_one_image_is_minus_the_log_of_its_labels_probability():
    """The book's 1-D case (one image, not a batch): a label or a one-hot vector, worked by hand."""
    y = np.array([0.05, 0.1, 0.6, 0.05, 0.02, 0.08, 0.03, 0.04, 0.02, 0.01])
    assert cross_entropy_error(y, 2) == pytest.approx(-math.log(0.6 + 1e-7), rel=1e-12)
    assert cross_entropy_error(y, np.eye(10)[5]) == pytest.approx(-math.log(0.08 + 1e-7), rel=1e-12)
    # the book's own worked numbers (section 4.2.2): 0.510825... and 2.302584...
    book = np.array([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0])
    assert cross_entropy_error(book, np.eye(10)[2]) == pytest.approx(0.51082545709933802, rel=1e-9)
    assert cross_entropy_error(np.array([0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0]), 2) == pytest.approx(
        2.3025840929945458, rel=1e-9)


def test_relu_grad_is_the_books_step_function():
    """The book's relu_grad: 1 where x >= 0 (its subgradient at 0 is 1), 0 below."""
    np.testing.assert_array_equal(relu_grad(np.array([-2.0, -1e-9, 0.0, 1e-9, 3.0])), [0, 0, 1, 1, 1])


def test_convolution_refuses_channel_mismatch():
    conv = Convolution(np.zeros((2, 3, 3, 3)), np.zeros(2))
    with pytest.raises(ValueError, match=r"input has C = 1 channels .* filters expect C = 3"):
        conv.forward(np.zeros((1, 1, 5, 5)))


@pytest.mark.parametrize(
    "kwargs, x_shape, fragment",
    [
        ({"stride": 0}, None, "stride must be a positive integer"),
        ({"pad": -1}, None, "pad must be a non-negative integer"),
        ({}, (1, 1, 2, 2), "does not fit"),
        ({}, (1, 5, 5), "must be 4-D"),
    ],
)
def test_convolution_bad_input_messages(kwargs, x_shape, fragment):
    with pytest.raises(ValueError, match=fragment):
        conv = Convolution(np.zeros((1, 1, 3, 3)), np.zeros(1), **kwargs)
        conv.forward(np.zeros(x_shape))


def test_convolution_checks_its_parameters():
    with pytest.raises(ValueError, match="4-D"):
        Convolution(np.zeros((3, 3)), np.zeros(1))
    with pytest.raises(ValueError, match=r"bias b must have shape \(2,\)"):
        Convolution(np.zeros((2, 1, 3, 3)), np.zeros(3))


def test_convolution_takes_the_books_scalar_bias():
    """ch07/apply_filter.py passes b = 0; any value that broadcasts to one bias per filter works."""
    rng = np.random.default_rng(8)
    W, x = rng.standard_normal((3, 2, 2, 3)), rng.standard_normal((2, 2, 5, 7))
    for b, per_filter in ((0, [0, 0, 0]), (0.25, [0.25] * 3), (np.array([1.5]), [1.5] * 3)):
        np.testing.assert_allclose(Convolution(W, b).forward(x), oracles.conv_forward(x, W, np.array(per_filter)))
    shared = np.array([0.1, -0.2, 0.3])
    assert Convolution(W, shared).b is shared  # a network's own bias array stays shared


def test_layers_keep_float32():
    rng = np.random.default_rng(5)
    x = rng.standard_normal((2, 1, 6, 6)).astype(np.float32)
    conv = Convolution(rng.standard_normal((2, 1, 3, 3)).astype(np.float32), np.zeros(2, np.float32))
    out = conv.forward(x)
    assert out.dtype == np.float32
    pooled = Pooling(2, 2, 2).forward(out)
    assert pooled.dtype == np.float32
    assert conv.backward(np.ones_like(out)).dtype == np.float32


fused_geometry = st.fixed_dictionaries(
    {
        "N": st.integers(1, 3),
        "C": st.integers(1, 3),
        "FN": st.integers(1, 3),
        "F": st.integers(1, 4),
        "S": st.integers(1, 2),
        "P": st.integers(0, 2),
        "OH": st.sampled_from([2, 4, 6]),
        "OW": st.sampled_from([2, 4]),
        "ties": st.booleans(),
    }
)


@settings(max_examples=40, deadline=None)
@given(g=fused_geometry, seed=st.integers(0, 2**31 - 1))
def test_fused_conv_pool_relu_equals_the_three_book_layers(g, seed):
    rng = np.random.default_rng(seed)
    H = (g["OH"] - 1) * g["S"] + g["F"] - 2 * g["P"]
    W_ = (g["OW"] - 1) * g["S"] + g["F"] - 2 * g["P"]
    assume(H >= 1 and W_ >= 1)
    shape = (g["N"], g["C"], H, W_)
    x = rng.integers(0, 2, shape).astype(float) if g["ties"] else rng.standard_normal(shape)
    W = rng.standard_normal((g["FN"], g["C"], g["F"], g["F"]))
    b = rng.standard_normal(g["FN"])
    fused = ConvPoolRelu(W, b, g["S"], g["P"])
    conv, relu, pool = Convolution(W, b, g["S"], g["P"]), Relu(), Pooling(2, 2, 2)
    out = fused.forward(x)
    ref = pool.forward(relu.forward(conv.forward(x)))
    np.testing.assert_allclose(out, ref, rtol=1e-12, atol=1e-12)
    dout = rng.standard_normal(out.shape)
    dx = fused.backward(dout)
    ref_dx = conv.backward(relu.backward(pool.backward(dout)))
    np.testing.assert_allclose(dx, ref_dx, rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(fused.dW, conv.dW, rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(fused.db, conv.db, rtol=1e-10, atol=1e-12)


def test_fused_layer_refuses_odd_output():
    with pytest.raises(ValueError, match="even convolution output, got 3x3"):
        ConvPoolRelu(np.zeros((1, 1, 3, 3)), np.zeros(1)).forward(np.zeros((1, 1, 5, 5)))


def test_batch_norm_keeps_running_averages_with_the_books_momentum_0_9():
    """The book's BatchNormalization: running = 0.9·running + 0.1·batch statistic, from zeros."""
    rng = np.random.default_rng(12)
    x1, x2 = rng.standard_normal((6, 3)) * 2 + 1, rng.standard_normal((6, 3)) - 3
    bn = BatchNormalization(np.ones(3), np.zeros(3))
    bn.forward(x1, train_flg=True)
    bn.forward(x2, train_flg=True)
    mean = 0.9 * (0.1 * x1.mean(axis=0)) + 0.1 * x2.mean(axis=0)
    var = 0.9 * (0.1 * x1.var(axis=0)) + 0.1 * x2.var(axis=0)
    np.testing.assert_allclose(bn.running_mean, mean, rtol=1e-12)
    np.testing.assert_allclose(bn.running_var, var, rtol=1e-12)

"""The engine's API given what a student might pass by mistake: a clear error naming the argument,
or the right result (#15 item 12). Each of these used to return a wrong number or fail elsewhere."""

import numpy as np
import pytest

from engine.functions import cross_entropy_error, softmax, softmax_cross_entropy
from engine.gradient import numerical_gradient
from engine.layers import Convolution, Pooling, SoftmaxWithLoss
from engine.optimizer import OPTIMIZERS
from engine.simple_convnet import SimpleConvNet
from engine.util import col2im, im2col


@pytest.mark.parametrize("dtype", [np.int64, np.int32, np.float16])
def test_numerical_gradient_refuses_arrays_that_cannot_hold_x_plus_h(dtype):
    """On ints it returned [5000, 15000, 25000] for d/dx sum(x²) at [2, 4, 6]; on float16, zeros."""
    with pytest.raises(TypeError, match="float32 or float64"):
        numerical_gradient(lambda x: float(np.sum(x.astype(float) ** 2)), np.array([2, 4, 6], dtype=dtype))
    x = np.array([2.0, 4.0, 6.0])
    np.testing.assert_allclose(numerical_gradient(lambda _: float(np.sum(x**2)), x), [4, 8, 12], rtol=1e-6)


@pytest.mark.parametrize("name", list(OPTIMIZERS))
@pytest.mark.parametrize("gradient", [np.ones(3), np.float64(1.0), np.ones(9), np.ones((3, 3, 1))])
def test_optimizers_refuse_a_gradient_of_another_shape(name, gradient):
    """A (3,) or scalar gradient was broadcast over a (3, 3) parameter; Adam flattened (9,) onto it."""
    params = {"W": np.zeros((3, 3))}
    with pytest.raises(ValueError, match=r"gradient of 'W' has shape"):
        OPTIMIZERS[name]().update(params, {"W": gradient})
    assert not params["W"].any()  # nothing half-done


@pytest.mark.parametrize("dtype", [bool, np.uint8, np.int64])
def test_col2im_refuses_non_float_columns(dtype):
    """Overlapping windows add up: booleans gave OR, uint8 wrapped at 256."""
    with pytest.raises(TypeError, match="needs floats"):
        col2im(np.ones((4, 9), dtype=dtype), (1, 1, 4, 4), 3, 3)


@pytest.mark.parametrize("labels, fragment", [
    ([-1, 3], "label -1 is not a class from 0 to 9"),
    ([3, 10], "label 10 is not a class from 0 to 9"),
    ([3.7, 3], "whole numbers"),
    ([3, 4, 5], "3 labels for 2 rows"),
])
def test_losses_refuse_labels_that_are_not_classes(labels, fragment):
    """-1 was taken as class 9 and 3.7 as 3."""
    scores = np.random.default_rng(0).standard_normal((2, 10))
    for loss in (lambda t: SoftmaxWithLoss().forward(scores, t), lambda t: softmax_cross_entropy(scores, t),
                 lambda t: cross_entropy_error(softmax(scores), t)):
        with pytest.raises(ValueError, match=fragment):
            loss(np.array(labels))
    assert SoftmaxWithLoss().forward(scores, np.array([3.0, 4.0])) == pytest.approx(
        softmax_cross_entropy(scores, np.array([3, 4])))  # whole floats are fine


@pytest.mark.parametrize("make, fragment", [
    (lambda: Convolution(np.zeros((1, 1, 3, 3)), np.zeros(1), stride=float("inf")), "stride"),
    (lambda: Convolution(np.zeros((1, 1, 3, 3)), np.zeros(1), stride=2.5), "stride"),
    (lambda: Convolution(np.zeros((1, 1, 3, 3)), np.zeros(1), pad=-1), "pad"),
    (lambda: Pooling(-2, 2), "pool size"),
    (lambda: Pooling(2, float("nan")), "pool size"),
    (lambda: im2col(np.zeros((1, 1, 4, 4)), -1, 3), "filter size FH"),
    (lambda: im2col(np.zeros((1, 1, 4, 4)), 3, 0), "filter size FW"),
])
def test_impossible_geometry_names_the_argument(make, fragment):
    with pytest.raises(ValueError, match=fragment):
        make()


def test_a_whole_float_stride_works_like_the_integer():
    rng = np.random.default_rng(1)
    W, x = rng.standard_normal((2, 1, 3, 3)), rng.standard_normal((1, 1, 7, 7))
    np.testing.assert_allclose(Convolution(W, np.zeros(2), stride=2.0).forward(x),
                               Convolution(W, np.zeros(2), stride=2).forward(x))
    np.testing.assert_allclose(Pooling(2.0, 2.0, 2.0).forward(x), Pooling(2, 2, 2).forward(x))


def test_accuracy_on_no_images_or_mismatched_labels_is_a_clear_error():
    net = SimpleConvNet(seed=0)
    with pytest.raises(ValueError, match="at least one"):
        net.accuracy(np.zeros((0, 1, 28, 28), np.float32), np.zeros(0, int))
    with pytest.raises(ValueError, match="3 images and 2 labels"):
        net.accuracy(np.zeros((3, 1, 28, 28), np.float32), np.zeros(2, int))

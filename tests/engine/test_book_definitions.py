"""Small definitions and defaults pinned to the book (Deep Learning from Scratch), each with an oracle
written here: the book's worked example, a numerical derivative, or a loop over the definition."""

import math

import numpy as np
import pytest

from engine.deep_convnet import DeepConvNet
from engine.functions import mean_squared_error, sigmoid, sigmoid_grad
from engine.layers import Relu
from engine.multi_layer_net_extend import MultiLayerNetExtend
from engine.optimizer import SGD, AdaGrad, Adam, Momentum, Nesterov, RMSprop
from engine.simple_convnet import SimpleConvNet
from engine.trainer import Trainer, random_shift
from engine.util import shuffle_dataset, smooth_curve


def test_relu_blocks_the_gradient_where_its_input_is_exactly_zero():
    relu = Relu()
    relu.forward(np.array([-1.0, 0.0, 2.0]))
    np.testing.assert_array_equal(relu.backward(np.array([5.0, 5.0, 5.0])), [0.0, 0.0, 5.0])
    np.testing.assert_array_equal(relu.mask, [True, True, False])  # the book's mask: x <= 0


def test_sigmoid_grad_is_the_derivative_of_sigmoid():
    x = np.linspace(-6, 6, 25)
    h = 1e-5
    numerical = (sigmoid(x + h) - sigmoid(x - h)) / (2 * h)
    np.testing.assert_allclose(sigmoid_grad(x), numerical, rtol=1e-6, atol=1e-10)
    assert sigmoid_grad(0.0) == pytest.approx(0.25)


def test_mean_squared_error_is_the_books_worked_example():
    t = np.zeros(10)
    t[2] = 1
    y = np.array([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0])
    assert mean_squared_error(y, t) == pytest.approx(0.0975)  # section 4.2.1: 0.097500000000000031
    y = np.array([0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0])
    assert mean_squared_error(y, t) == pytest.approx(0.5975)


@pytest.mark.parametrize("cls, defaults", [
    (SGD, {"lr": 0.01}),
    (Momentum, {"lr": 0.01, "momentum": 0.9}),
    (Nesterov, {"lr": 0.01, "momentum": 0.9}),
    (AdaGrad, {"lr": 0.01}),
    (RMSprop, {"lr": 0.01, "decay_rate": 0.99}),
    (Adam, {"lr": 0.001, "beta1": 0.9, "beta2": 0.999}),
])
def test_optimizer_defaults_are_the_books(cls, defaults):
    optimizer = cls()
    for name, value in defaults.items():
        assert getattr(optimizer, name) == value, name


def test_rmsprop_default_decay_shapes_the_first_steps():
    """With the default ρ = 0.99, two steps from h = 0 follow h ← ρh + (1 − ρ)g² and p ← p − lr·g/√h."""
    p, g = np.array([1.0]), np.array([0.5])
    opt = RMSprop()
    h, expected = 0.0, 1.0
    for _ in range(2):
        opt.update({"p": p}, {"p": g.copy()})
        h = 0.99 * h + 0.01 * 0.25
        expected -= 0.01 * 0.5 / (math.sqrt(h) + 1e-7)
    assert p[0] == pytest.approx(expected, rel=1e-9)


def book_smooth_curve(x, window=11):
    """The book's smooth_curve written out as a loop: mirrored ends, Kaiser(11, β=2) weights."""
    w = np.kaiser(window, 2)
    w = w / w.sum()
    half = window // 2
    n = len(x)

    def at(i):  # the book reflects about the first sample, and repeats the last one before reflecting
        if i < 0:
            return x[-i]
        if i >= n:
            return x[2 * n - 1 - i]
        return x[i]
    return np.array([sum(w[k] * at(i - half + k) for k in range(window)) for i in range(n)])


@pytest.mark.parametrize("n", [11, 12, 30])
def test_smooth_curve_equals_the_loop_at_every_point_from_one_window_long(n):
    x = np.random.default_rng(n).standard_normal(n)
    np.testing.assert_allclose(smooth_curve(x), book_smooth_curve(x), rtol=1e-12)


def test_shuffle_dataset_keeps_each_image_with_its_label():
    x = np.arange(50.0).reshape(25, 2)
    t = np.arange(25) * 10
    xs, ts = shuffle_dataset(x, t, rng=3)
    assert not np.array_equal(ts, t)  # it did shuffle
    np.testing.assert_array_equal(xs[:, 0] / 2 * 10, ts)  # row k of x was 2k, 2k+1; its label 10k
    assert sorted(ts) == list(t)


def test_simple_convnet_on_an_input_even_one_way_and_odd_the_other_is_the_books_chain():
    """A 10x11 input with 3x3 filters: the convolution's map is 8x9, so pooling drops a column."""
    kw = dict(input_dim=(1, 10, 11), conv_param={"filter_num": 3, "filter_size": 3, "pad": 0, "stride": 1},
              hidden_size=6, output_size=4, dtype=np.float64, seed=1)
    fast, book = SimpleConvNet(**kw), SimpleConvNet(**kw, fast=False)
    rng = np.random.default_rng(0)
    for key in fast.params:  # random non-zero biases too
        value = rng.standard_normal(fast.params[key].shape)
        fast.params[key][...] = value
        book.params[key][...] = value
    x = rng.standard_normal((5, 1, 10, 11))
    np.testing.assert_allclose(fast.predict(x), book.predict(x), rtol=1e-12)
    t = rng.integers(0, 4, 5)
    g_fast, g_book = fast.gradient(x, t), book.gradient(x, t)
    for key in g_book:
        np.testing.assert_allclose(g_fast[key], g_book[key], rtol=1e-10, atol=1e-12, err_msg=key)


def test_simple_convnet_default_initial_weights_have_the_books_scale():
    net = SimpleConvNet(seed=0)
    for key in ("W1", "W2", "W3"):
        assert net.params[key].std() == pytest.approx(0.01, rel=0.05), key
    for key in ("b1", "b2", "b3"):
        assert not net.params[key].any(), key


def test_deep_convnet_probabilities_are_the_test_time_softmax_every_time():
    net = DeepConvNet(seed=0, dtype=np.float64)
    x = np.random.default_rng(1).random((3, 1, 28, 28))
    scores = net.predict(x)
    expected = np.exp(scores - scores.max(axis=1, keepdims=True))
    expected /= expected.sum(axis=1, keepdims=True)
    np.testing.assert_allclose(net.predict_proba(x), expected, rtol=1e-10)
    np.testing.assert_array_equal(net.predict_proba(x), net.predict_proba(x))  # no dropout at test time


def test_multi_layer_net_extend_loss_is_test_time_unless_asked():
    net = MultiLayerNetExtend(8, [12, 12], 3, use_dropout=True, dropout_ration=0.5, use_batchnorm=True, seed=2)
    rng = np.random.default_rng(0)
    x, t = rng.standard_normal((6, 8)), rng.integers(0, 3, 6)
    first, second = net.loss(x, t), net.loss(x, t)
    assert first == second == net.loss(x, t, train_flg=False)
    assert net.loss(x, t, train_flg=True) != first


def test_random_shift_reaches_every_offset_from_minus_to_plus_the_maximum():
    x = np.zeros((400, 1, 9, 9))
    x[:, 0, 4, 4] = 1.0  # one lit pixel in the middle of each image
    shifted = random_shift(x, 2, np.random.default_rng(0))
    lit = np.argwhere(shifted[:, 0] == 1.0)  # (image, row, column) of each lit pixel
    assert len(lit) == 400  # each image still has its pixel: nothing was shifted out of the frame
    seen = {(r - 4, c - 4) for _, r, c in lit}
    assert seen == {(dy, dx) for dy in range(-2, 3) for dx in range(-2, 3)}
    assert shifted.sum() == 400  # every pixel stayed inside the frame


def test_trainer_defaults_to_the_books_sgd_with_learning_rate_0_01():
    net = MultiLayerNetExtend(4, [5], 2, seed=0)
    x, t = np.zeros((4, 4)), np.zeros(4, dtype=int)
    trainer = Trainer(net, x, t, x, t, verbose=False)
    assert isinstance(trainer.optimizer, SGD) and trainer.optimizer.lr == 0.01


def defaults_of(f):
    """{parameter: default} of a function's signature (parameters without a default left out)."""
    import inspect

    empty = inspect.Parameter.empty
    return {k: p.default for k, p in inspect.signature(f).parameters.items() if p.default is not empty}


def test_every_public_default_is_the_books():
    """The book's signatures (common/layers.py, common/util.py, common/gradient.py, common/trainer.py,
    common/multi_layer_net*.py, ch08/deep_convnet.py, ch06's experiment scripts), so that code written from
    the book's text means the same on this engine. A student's Pooling(2, 2) slides by 1, as in the book."""
    from engine import experiments, gradient, layers, multi_layer_net, multi_layer_net_extend, trainer, util
    from engine.deep_convnet import DeepConvNet

    book = {
        layers.Convolution.__init__: {"stride": 1, "pad": 0},
        layers.Pooling.__init__: {"stride": 1, "pad": 0},
        layers.Dropout.__init__: {"dropout_ratio": 0.5},
        layers.BatchNormalization.__init__: {"momentum": 0.9, "running_mean": None, "running_var": None},
        util.im2col: {"stride": 1, "pad": 0},
        util.conv_output_size: {"stride": 1, "pad": 0},
        util.col2im: {"stride": 1, "pad": 0},
        gradient.numerical_gradient: {"h": 1e-4},
        multi_layer_net.MultiLayerNet.__init__: {"activation": "relu", "weight_init_std": "relu",
                                                 "weight_decay_lambda": 0},
        multi_layer_net_extend.MultiLayerNetExtend.__init__: {"activation": "relu", "weight_init_std": "relu",
                                                              "weight_decay_lambda": 0, "use_dropout": False,
                                                              "dropout_ration": 0.5, "use_batchnorm": False},
        trainer.Trainer.__init__: {"epochs": 20, "mini_batch_size": 100, "optimizer": "SGD",
                                   "evaluate_sample_num_per_epoch": None, "verbose": True},
        trainer.iterate_training: {"epochs": 20, "mini_batch_size": 100},  # the loop under the book's Trainer
        DeepConvNet.__init__: {"input_dim": (1, 28, 28), "hidden_size": 50, "output_size": 10},
        # ch06/batch_norm_test.py: 1,000 images, 20 epochs, batches of 100, SGD 0.01, 16 scales 10⁰..10⁻⁴
        experiments.iterate_batchnorm: {"train_size": 1000, "epochs": 20, "batch_size": 100, "lr": 0.01},
        # ch06/overfit_weight_decay.py: 300 images, 201 measurements (before training and after 200 epochs)
        experiments.iterate_overfitting: {"train_size": 300, "epochs": 200, "batch_size": 100, "lr": 0.01},
        # ch06/hyperparameter_optimization.py: 100 trials on 500 images, 20 % validation, 50 epochs
        experiments.iterate_hyperparameter_search: {"trials": 100, "train_size": 500, "validation_rate": 0.2,
                                                    "epochs": 50, "lr_range": (-6.0, -2.0),
                                                    "decay_range": (-8.0, -4.0)},
    }
    for f, expected in book.items():
        got = defaults_of(f)
        assert {k: got.get(k, "missing") for k in expected} == expected, f.__qualname__
    np.testing.assert_allclose(defaults_of(experiments.iterate_batchnorm)["weight_scales"], np.logspace(0, -4, num=16))
    assert defaults_of(util.smooth_curve)["window"] == 11  # common/util.py's window_len=11
    x = np.arange(16.0).reshape(1, 1, 4, 4)
    assert layers.Pooling(2, 2).forward(x).shape == (1, 1, 3, 3)  # stride 1: (4 − 2)/1 + 1

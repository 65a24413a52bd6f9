"""The bench's book-style reference must compute what the engine computes, or its timings mean nothing."""

import sys
from pathlib import Path

import numpy as np
import pytest

from engine import optimizer
from engine.multi_layer_net import MultiLayerNet
from engine.simple_convnet import SimpleConvNet

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import book_reference as book  # noqa: E402


def assert_same_grads(ours, theirs):
    assert set(ours) == set(theirs)
    for key in ours:
        np.testing.assert_allclose(ours[key], theirs[key], rtol=1e-9, atol=1e-12, err_msg=key)


def test_reference_simple_convnet_gradient_equals_the_engines():
    ref = book.SimpleConvNet(input_dim=(1, 12, 12), filter_num=4, filter_size=3, hidden_size=7, output_size=5,
                             weight_init_std=0.3, seed=1)
    ours = SimpleConvNet(input_dim=(1, 12, 12), conv_param={"filter_num": 4, "filter_size": 3}, hidden_size=7,
                         output_size=5, dtype=np.float64)
    for key in ours.params:
        ours.params[key][...] = ref.params[key]
    rng = np.random.default_rng(0)
    x, t = rng.standard_normal((6, 1, 12, 12)), rng.integers(0, 5, 6)
    np.testing.assert_allclose(ours.predict(x), ref.predict(x), rtol=1e-12)
    np.testing.assert_allclose(ours.predict(x[:1]), ref.predict(x[:1]), rtol=1e-12)
    assert_same_grads(ours.gradient(x, t), ref.gradient(x, t))


def test_reference_multi_layer_net_gradient_equals_the_engines():
    ref = book.MultiLayerNet(20, [9, 8], 4, seed=2)
    ours = MultiLayerNet(20, [9, 8], 4, dtype=np.float64)
    for key in ours.params:
        ours.params[key][...] = ref.params[key]
    rng = np.random.default_rng(1)
    x, t = rng.standard_normal((10, 20)), rng.integers(0, 4, 10)
    assert_same_grads(ours.gradient(x, t), ref.gradient(x, t))
    # The book's loss has log(y + 1e-7); ours is exact: equal to that precision.
    assert ref.loss(x, t) == pytest.approx(ours.loss(x, t), abs=1e-6)


@pytest.mark.parametrize("name", ["SGD", "Momentum", "AdaGrad", "Adam"])
def test_reference_optimizers_step_like_the_engines(name):
    rng = np.random.default_rng(3)
    start = {"W": rng.standard_normal((3, 4)), "b": rng.standard_normal(4)}
    ours_p = {k: v.copy() for k, v in start.items()}
    ref_p = {k: v.copy() for k, v in start.items()}
    ours, ref = getattr(optimizer, name)(), getattr(book, name)()
    for _ in range(3):
        grads = {k: rng.standard_normal(v.shape) for k, v in start.items()}
        ours.update(ours_p, grads)
        ref.update(ref_p, grads)
    for key in start:
        np.testing.assert_allclose(ours_p[key], ref_p[key], rtol=1e-12, err_msg=key)

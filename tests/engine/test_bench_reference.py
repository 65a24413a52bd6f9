"""The bench's book-style reference must compute what the engine computes, or its timings mean nothing."""

import sys
from pathlib import Path

import numpy as np
import pytest

from engine import optimizer
from engine.deep_convnet import DeepConvNet
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


def deep_pair(dropout_ratio):
    """An engine DeepConvNet (float64, biases not zero) and the book-style one with its parameters."""
    ours = DeepConvNet(dtype=np.float64, seed=4, dropout_ratio=dropout_ratio)
    rng = np.random.default_rng(5)
    for key, value in ours.params.items():
        if key.startswith("b"):
            value[...] = 0.2 * rng.standard_normal(value.shape)
    ref = book.DeepConvNet(dropout_ratio=dropout_ratio, seed=9)
    ref.set_params(ours.params)
    return ours, ref


@pytest.mark.parametrize("dtype", [np.float32, np.float64])  # float32 as the bench uses it
def test_reference_deep_convnet_takes_copies_of_the_engines_params(dtype):
    ours = DeepConvNet(seed=0, dtype=dtype)
    ref = book.DeepConvNet()
    ref.set_params(ours.params)
    assert {k: v.shape for k, v in ref.params.items()} == {k: v.shape for k, v in ours.params.items()}
    for key, value in ref.params.items():
        assert value.dtype == np.float64, key
        np.testing.assert_array_equal(value, ours.params[key], err_msg=key)
        assert not np.shares_memory(value, ours.params[key]), key
    # the layers compute with the new parameters, not the ones drawn in __init__
    x = np.random.default_rng(2).random((2, 1, 28, 28))
    np.testing.assert_allclose(ref.predict(x), ours.predict(x), rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize("ratio", [0.0, 0.3])
def test_reference_deep_convnet_predicts_and_differentiates_like_the_engine(ratio, monkeypatch):
    ours, ref = deep_pair(ratio)
    rng = np.random.default_rng(6)
    x = rng.standard_normal((3, 1, 28, 28))
    x[:, :, :9] *= 3  # an asymmetric image: a flipped axis would show
    t = np.array([7, 2, 2])
    # test time: dropout scales by (1 - ratio) in both
    np.testing.assert_allclose(ref.predict(x, train_flg=False), ours.predict(x, train_flg=False), rtol=1e-8,
                               atol=1e-12)

    grads = ours.gradient(x, t)
    masks = [ours.layers[name].mask for name in ("Dropout1", "Dropout2")]
    assert masks[0].shape == (3, 50) and masks[1].shape == (3, 10)
    if ratio:
        assert not masks[0].all() and masks[0].any()  # the masks really drop something

    def rand_giving_the_engines_masks(*shape):
        mask = masks.pop(0)
        assert shape == mask.shape
        return mask.astype(np.float64)  # 1.0 > ratio keeps a unit, 0.0 drops it

    monkeypatch.setattr(np.random, "rand", rand_giving_the_engines_masks)
    ref_grads = ref.gradient(x, t)
    assert not masks  # both dropout layers drew their mask
    for key in grads:
        np.testing.assert_allclose(ref_grads[key], grads[key], rtol=1e-8, atol=1e-12, err_msg=key)

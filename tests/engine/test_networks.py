import os
import pickle

import numpy as np
import pytest

from engine.multi_layer_net import MultiLayerNet
from engine.simple_convnet import SimpleConvNet
from engine.weights import WeightsFileError

from . import oracles

SMALL = dict(
    input_dim=(1, 10, 10),
    conv_param={"filter_num": 3, "filter_size": 3, "pad": 0, "stride": 1},
    hidden_size=6,
    output_size=4,
    weight_init_std=0.5,
    dtype=np.float64,
)


def random_biases(*nets, seed=0):
    """Give every bias of every net the same random non-zero values (a network's biases start at
    zero, which would hide any bug that drops, averages or misplaces them)."""
    for key in nets[0].params:
        if key.startswith("b"):
            values = 0.5 * np.random.default_rng([seed, int(key[1:])]).standard_normal(nets[0].params[key].shape)
            for net in nets:
                net.params[key][...] = values
    return nets if len(nets) > 1 else nets[0]


def small_batch(seed=0, n=3, shape=(1, 10, 10), classes=4):
    rng = np.random.default_rng(seed)
    return rng.standard_normal((n, *shape)), rng.integers(0, classes, n)


@pytest.mark.parametrize("fast", [True, False])
def test_simple_convnet_gradient_matches_numerical(fast):
    net = random_biases(SimpleConvNet(**SMALL, seed=1, fast=fast), seed=1)
    x, t = small_batch()
    grads = net.gradient(x, t)
    for key, param in net.params.items():
        def f(value, key=key):
            saved = net.params[key].copy()
            net.params[key][...] = value
            loss = net.loss(x, t)
            net.params[key][...] = saved
            return loss

        numeric = oracles.numerical_grad(f, param)
        np.testing.assert_allclose(grads[key], numeric, rtol=1e-5, atol=1e-8, err_msg=key)


def test_simple_convnet_numerical_gradient_method():
    net = SimpleConvNet(**SMALL, seed=2)
    x, t = small_batch(1)
    analytic = net.gradient(x, t)
    numeric = net.numerical_gradient(x, t)
    for key in net.params:
        np.testing.assert_allclose(analytic[key], numeric[key], rtol=1e-4, atol=1e-7, err_msg=key)


def test_simple_convnet_defaults_are_the_books():
    net = SimpleConvNet(seed=0)
    shapes = {k: v.shape for k, v in net.params.items()}
    assert shapes == {
        "W1": (30, 1, 5, 5), "b1": (30,), "W2": (4320, 100), "b2": (100,), "W3": (100, 10), "b3": (10,),
    }
    assert all(v.dtype == np.float32 for v in net.params.values())
    assert net.predict(np.zeros((2, 1, 28, 28))).shape == (2, 10)
    assert net.predict(np.zeros((2, 784))).shape == (2, 10)


def test_activations_follow_the_books_order():
    net = SimpleConvNet(**SMALL, seed=3)
    x, _ = small_batch(2, n=2)
    acts = net.activations(x)
    assert list(acts) == ["Conv1", "Relu1", "Pool1", "Affine1", "Relu2", "Affine2", "Softmax"]
    assert acts["Conv1"].shape == (2, 3, 8, 8)
    assert acts["Pool1"].shape == (2, 3, 4, 4)
    conv = oracles.conv_forward(x, net.params["W1"], net.params["b1"])
    np.testing.assert_allclose(acts["Relu1"], np.maximum(conv, 0))
    np.testing.assert_allclose(acts["Affine2"], net.predict(x))
    np.testing.assert_allclose(acts["Softmax"].sum(axis=1), 1)


def test_predict_refuses_wrong_shapes():
    with pytest.raises(ValueError, match=r"expected images of shape \(N, 1, 28, 28\)"):
        SimpleConvNet(seed=0).predict(np.zeros((2, 3, 28, 28)))


def test_save_load_round_trip_keeps_params_shared(tmp_path):
    a = SimpleConvNet(**SMALL, seed=4)
    b = SimpleConvNet(**SMALL, seed=5)
    path = tmp_path / "w.npz"
    a.save_params(path)
    w1 = b.params["W1"]
    b.load_params(path)
    for key in a.params:
        np.testing.assert_array_equal(a.params[key], b.params[key])
    assert b.params["W1"] is w1 and b.conv_layer.W is w1
    x, _ = small_batch(3)
    np.testing.assert_allclose(a.predict(x), b.predict(x))
    assert not [p for p in os.listdir(tmp_path) if p.startswith(".tmp")]


def test_load_refuses_wrong_shapes_and_keeps_weights(tmp_path):
    net = SimpleConvNet(**SMALL, seed=6)
    before = {k: v.copy() for k, v in net.params.items()}
    bad = {k: v for k, v in before.items()}
    bad["W2"] = np.zeros((5, 5))
    np.savez(tmp_path / "bad.npz", **bad)
    with pytest.raises(WeightsFileError, match=r"W2: file \(5, 5\) vs network \(48, 6\)"):
        net.load_params(tmp_path / "bad.npz")
    for k in before:
        np.testing.assert_array_equal(net.params[k], before[k])


def test_load_refuses_corrupt_and_missing_files(tmp_path):
    net = SimpleConvNet(**SMALL, seed=7)
    (tmp_path / "junk.npz").write_bytes(b"not a zip")
    with pytest.raises(WeightsFileError, match="junk.npz: not a valid .npz"):
        net.load_params(tmp_path / "junk.npz")
    with pytest.raises(WeightsFileError, match="no such file"):
        net.load_params(tmp_path / "nothing.npz")
    np.savez(tmp_path / "partial.npz", W1=net.params["W1"])
    with pytest.raises(WeightsFileError, match="missing parameters b1"):
        net.load_params(tmp_path / "partial.npz")


def test_load_books_pickle(tmp_path):
    a = SimpleConvNet(**SMALL, seed=8)
    with open(tmp_path / "params.pkl", "wb") as f:
        pickle.dump({k: v.astype(np.float64) for k, v in a.params.items()}, f)
    b = SimpleConvNet(**SMALL, seed=9)
    b.load_params(tmp_path / "params.pkl")
    np.testing.assert_array_equal(a.params["W3"], b.params["W3"])


class _Evil:
    def __reduce__(self):
        return (os.system, ("echo pwned > /dev/null",))


def test_pickle_with_code_is_refused(tmp_path):
    with open(tmp_path / "params.pkl", "wb") as f:
        pickle.dump({"W1": _Evil()}, f)
    net = SimpleConvNet(**SMALL, seed=10)
    with pytest.raises(WeightsFileError, match="refusing to load .*system"):
        net.load_params(tmp_path / "params.pkl")


def test_multi_layer_net_gradient_matches_numerical():
    for activation, init in (("relu", "he"), ("sigmoid", "xavier")):
        net = MultiLayerNet(6, [5, 4], 3, activation=activation, weight_init_std=init,
                            weight_decay_lambda=0.1, dtype=np.float64, seed=0)
        for key in ("b1", "b2", "b3"):  # zero biases put ReLU exactly on its kink for dead rows
            net.params[key][...] = np.random.default_rng(1).standard_normal(net.params[key].shape)
        x, t = small_batch(4, n=4, shape=(6,), classes=3)
        grads = net.gradient(x, t)
        numeric = net.numerical_gradient(x, t)
        for key in net.params:
            np.testing.assert_allclose(grads[key], numeric[key], rtol=1e-4, atol=1e-7, err_msg=key)


def test_multi_layer_net_init_scales():
    net = MultiLayerNet(784, [100] * 4, 10, weight_init_std="he", seed=0)
    assert net.params["W1"].std() == pytest.approx(np.sqrt(2 / 784), rel=0.02)
    net = MultiLayerNet(784, [100], 10, weight_init_std="xavier", seed=0)
    assert net.params["W2"].std() == pytest.approx(np.sqrt(1 / 100), rel=0.1)
    with pytest.raises(ValueError, match="unknown weight_init_std"):
        MultiLayerNet(4, [3], 2, weight_init_std="nope")


def test_fast_and_book_layer_chains_agree():
    book, fast = random_biases(SimpleConvNet(**SMALL, seed=11, fast=False), SimpleConvNet(**SMALL, seed=11, fast=True))
    assert "Conv1" in book.layers and "Conv1+Relu1+Pool1" in fast.layers
    x, t = small_batch(5, n=4)
    x[0, 0, :4, :] = 0  # blank patches: exact ties inside pooling windows
    np.testing.assert_allclose(fast.predict(x), book.predict(x), rtol=1e-12)
    gf, gb = fast.gradient(x, t), book.gradient(x, t)
    for key in gb:
        np.testing.assert_allclose(gf[key], gb[key], rtol=1e-10, atol=1e-12, err_msg=key)


def test_odd_convolution_output_falls_back_to_the_book_chain():
    net = SimpleConvNet(input_dim=(1, 9, 9), conv_param={"filter_num": 2, "filter_size": 3}, hidden_size=4,
                        output_size=3, seed=0)
    assert not net.fast and "Conv1" in net.layers
    assert net.predict(np.zeros((1, 1, 9, 9))).shape == (1, 3)


@pytest.mark.parametrize("geometry", [
    dict(input_dim=(1, 10, 10), conv_param={"filter_num": 3, "filter_size": 3, "pad": 0, "stride": 1}),
    dict(input_dim=(2, 10, 12), conv_param={"filter_num": 4, "filter_size": 3, "pad": 1, "stride": 1}),
    dict(input_dim=(3, 13, 9), conv_param={"filter_num": 2, "filter_size": 3, "pad": 2, "stride": 2}),
    dict(input_dim=(1, 28, 28), conv_param={"filter_num": 30, "filter_size": 5, "pad": 0, "stride": 1}),
])
@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_one_image_shortcut_equals_the_book_chain(geometry, dtype):
    kw = dict(geometry, hidden_size=6, output_size=4, weight_init_std=0.5, dtype=dtype)
    fast, book = random_biases(SimpleConvNet(**kw, seed=3, fast=True), SimpleConvNet(**kw, seed=3, fast=False))
    assert fast.fast
    rng = np.random.default_rng(1)
    x = rng.standard_normal((1, *geometry["input_dim"]))
    x[0, :, :3, :] = 0  # blank rows: ties inside pooling windows
    expected = book.predict(x)
    tol = 1e-12 if dtype == np.float64 else 1e-5
    np.testing.assert_allclose(fast.predict(x), expected, rtol=tol, atol=tol)
    # A non-contiguous view of the same image, and the image as (C, H, W).
    flipped = np.ascontiguousarray(x[..., ::-1])[..., ::-1]
    np.testing.assert_allclose(fast.predict(flipped), expected, rtol=tol, atol=tol)
    np.testing.assert_allclose(fast.predict(x[0]), expected, rtol=tol, atol=tol)
    # The batch path gives the same numbers for the same image among others.
    batch = np.concatenate([x, rng.standard_normal((2, *geometry["input_dim"]))])
    np.testing.assert_allclose(fast.predict(batch)[:1], expected, rtol=tol, atol=tol)
    # Probabilities through the short path: the softmax of the book chain's scores.
    e = np.exp(expected - expected.max())
    np.testing.assert_allclose(fast.predict_proba(x), e / e.sum(), rtol=tol, atol=tol)
    np.testing.assert_allclose(fast.predict_proba(batch)[:1], e / e.sum(), rtol=tol, atol=tol)


def test_gradient_of_a_batch_of_one_still_goes_through_the_layers():
    fast, book = random_biases(SimpleConvNet(**SMALL, seed=4, fast=True), SimpleConvNet(**SMALL, seed=4, fast=False))
    x, t = small_batch(2, n=1)
    gf, gb = fast.gradient(x, t), book.gradient(x, t)
    for key in gb:
        np.testing.assert_allclose(gf[key], gb[key], rtol=1e-10, atol=1e-12, err_msg=key)
    assert fast.last_loss == pytest.approx(book.last_loss, rel=1e-12)


@pytest.mark.slow
def test_books_trained_simple_convnet_gives_the_books_accuracy(shared_mnist, book_params):
    from engine.mnist import load_mnist

    net = SimpleConvNet()
    net.load_params(book_params / "simple_convnet_params.pkl")  # through the safe loader
    _, (x, t) = load_mnist(data_dir=shared_mnist, flatten=False)
    assert net.accuracy(x, t) == pytest.approx(0.9890, abs=1e-12)  # 98.9 % with the book's own code


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf, 1e300])
def test_weights_with_nan_infinity_or_float32_overflow_are_refused(tmp_path, bad):
    """1e300 is finite in float64 but infinite once stored as the network's float32: refused too."""
    net = SimpleConvNet(seed=0)
    params = {k: v.astype(np.float64) for k, v in net.params.items()}
    params["W2"][3, 1] = bad
    np.savez(tmp_path / "bad.npz", **params)
    target = SimpleConvNet(seed=1)
    before = {k: v.copy() for k, v in target.params.items()}
    with pytest.raises(WeightsFileError, match="W2 contain NaN or infinity"):
        target.load_params(tmp_path / "bad.npz")
    for key in before:  # nothing half-loaded
        np.testing.assert_array_equal(target.params[key], before[key])


def test_complex_or_date_weights_are_refused_not_converted(tmp_path):
    net = SimpleConvNet(seed=0)
    for odd in (net.params["b1"].astype(np.complex128) + 1j, np.zeros(net.params["b1"].shape, "datetime64[s]")):
        params = dict(net.params, b1=odd)
        np.savez(tmp_path / "odd.npz", **params)
        with pytest.raises(WeightsFileError, match=r"b1(\.npy)?: (complex128|datetime64)"):
            SimpleConvNet(seed=1).load_params(tmp_path / "odd.npz")


@pytest.mark.parametrize("kind", ["multi", "simple", "deep"])
def test_training_skips_the_gradient_with_respect_to_the_image_and_only_that(kind, monkeypatch):
    """d(loss)/d(image) is never used in training: the first layer with weights returns None from its
    backward (saving a matrix product or a col2im); every later layer passes its input gradient on."""
    from engine import layers
    from engine.deep_convnet import DeepConvNet

    returned = []
    for cls in (layers.Affine, layers.Convolution, layers.ConvPoolRelu):
        real = cls.backward

        def spy(self, dout, _real=real):
            out = _real(self, dout)
            returned.append((self, out))
            return out

        monkeypatch.setattr(cls, "backward", spy)
    rng = np.random.default_rng(3)
    if kind == "multi":
        net = MultiLayerNet(input_size=12, hidden_size_list=[6, 5], output_size=3)
        x = rng.standard_normal((4, 12))
    else:
        net = SimpleConvNet(seed=1) if kind == "simple" else DeepConvNet(seed=1)
        x = rng.random((2, 1, 28, 28))
    net.gradient(x, np.array([0, 1, 2, 1])[: len(x)])
    first = returned[-1][0]  # backward runs last to first
    assert [out is None for _, out in returned] == [False] * (len(returned) - 1) + [True]
    assert len({id(layer) for layer, _ in returned}) == len(returned) == {"multi": 3, "simple": 3, "deep": 8}[kind]
    assert first is {"multi": lambda: net.layers["Affine1"], "simple": lambda: net.conv_layer,
                     "deep": lambda: net.param_layers[1]}[kind]()

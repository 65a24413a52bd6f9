"""The book's DeepConvNet: architecture, gradients, the book's trained file, dropout."""

import pickle

import numpy as np
import pytest

from engine.deep_convnet import DeepConvNet
from engine.layers import Dropout
from engine.mnist import load_mnist
from engine.trainer import Trainer

from . import oracles

# A small, non-square configuration: 8x10 input, so conv2's map (8x10) is fused with its pooling
# while conv4's (pad 2: 4x5 -> 6x7) and conv6's (3x3) are odd and fall back to the book's layers.
SMALL = dict(
    input_dim=(2, 8, 10),
    conv_param_1={"filter_num": 3, "filter_size": 3, "pad": 1, "stride": 1},
    conv_param_2={"filter_num": 2, "filter_size": 3, "pad": 1, "stride": 1},
    conv_param_3={"filter_num": 3, "filter_size": 3, "pad": 1, "stride": 1},
    conv_param_4={"filter_num": 2, "filter_size": 3, "pad": 2, "stride": 1},
    conv_param_5={"filter_num": 3, "filter_size": 3, "pad": 1, "stride": 1},
    conv_param_6={"filter_num": 2, "filter_size": 3, "pad": 1, "stride": 1},
    hidden_size=5,
    output_size=4,
    dtype=np.float64,
)


def small_net(seed=0, **kw):
    net = DeepConvNet(**{**SMALL, **kw}, seed=seed)
    rng = np.random.default_rng(seed + 100)
    for key, value in net.params.items():
        if key.startswith("b"):  # biases that are not zero, so a dropped bias term shows
            value[...] = 0.3 * rng.standard_normal(value.shape)
    return net


def reseed_dropout(net, seed=7):
    for layer in net.layers.values():
        if isinstance(layer, Dropout):
            layer.rng = np.random.default_rng(seed)


def naive_predict(params, x, conv_params, ratio):
    """The book's chain written out with loop oracles (test-time dropout: scale by 1 - ratio)."""
    h = x
    for i, cp in enumerate(conv_params, start=1):
        h = np.maximum(oracles.conv_forward(h, params[f"W{i}"], params[f"b{i}"], cp["stride"], cp["pad"]), 0)
        if i in (2, 4, 6):
            h = oracles.pool_forward(h, 2, 2, 2)
    h = np.maximum(h.reshape(h.shape[0], -1) @ params["W7"] + params["b7"], 0) * (1 - ratio)
    return (h @ params["W8"] + params["b8"]) * (1 - ratio)


def test_defaults_are_the_books_network_with_he_initialisation():
    net = DeepConvNet(seed=0)
    shapes = {k: v.shape for k, v in net.params.items()}
    assert shapes == {
        "W1": (16, 1, 3, 3), "b1": (16,), "W2": (16, 16, 3, 3), "b2": (16,),
        "W3": (32, 16, 3, 3), "b3": (32,), "W4": (32, 32, 3, 3), "b4": (32,),
        "W5": (64, 32, 3, 3), "b5": (64,), "W6": (64, 64, 3, 3), "b6": (64,),
        "W7": (1024, 50), "b7": (50,), "W8": (50, 10), "b8": (10,),
    }
    fan_in = {"W1": 9, "W2": 144, "W3": 144, "W4": 288, "W5": 288, "W6": 576, "W7": 1024, "W8": 50}
    for key, n in fan_in.items():
        std = float(net.params[key].std())
        assert abs(std - np.sqrt(2 / n)) < 0.15 * np.sqrt(2 / n), (key, std)
    assert all(v.dtype == np.float32 for v in net.params.values())
    acts = net.activations(np.zeros((2, 1, 28, 28)))
    assert {k: v.shape[1:] for k, v in acts.items() if k.startswith(("Conv", "Pool"))} == {
        "Conv1": (16, 28, 28), "Conv2": (16, 28, 28), "Pool1": (16, 14, 14), "Conv3": (32, 14, 14),
        "Conv4": (32, 16, 16), "Pool2": (32, 8, 8), "Conv5": (64, 8, 8), "Conv6": (64, 8, 8),
        "Pool3": (64, 4, 4),
    }


@pytest.mark.parametrize("fast", [True, False])
def test_gradient_matches_numerical_with_dropout_masks_fixed(fast):
    net = small_net(seed=1, fast=fast)
    rng = np.random.default_rng(3)
    x, t = rng.standard_normal((3, *SMALL["input_dim"])), np.array([0, 3, 1])
    reseed_dropout(net)
    grads = net.gradient(x, t)
    for key, param in net.params.items():
        def f(value, key=key):
            saved = net.params[key].copy()
            net.params[key][...] = value
            reseed_dropout(net)  # the same masks as the analytic gradient saw
            loss = net.loss(x, t)
            net.params[key][...] = saved
            return loss

        numeric = oracles.numerical_grad(f, param)
        np.testing.assert_allclose(grads[key], numeric, rtol=1e-5, atol=1e-8, err_msg=key)


def test_small_configuration_uses_both_fused_and_book_layers():
    names = list(small_net().layers)
    assert "Conv2+Relu2+Pool1" in names
    assert {"Conv4", "Relu4", "Pool2", "Conv6", "Relu6", "Pool3"} <= set(names)


def test_fast_and_book_chains_agree_with_a_loop_oracle():
    fast, book = small_net(seed=2), small_net(seed=2, fast=False)
    x = np.random.default_rng(4).standard_normal((4, *SMALL["input_dim"]))
    expected = naive_predict(fast.params, x, fast.conv_params, 0.5)
    np.testing.assert_allclose(fast.predict(x), expected, rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(book.predict(x), expected, rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(fast.activations(x)["Dropout2"], expected, rtol=1e-10, atol=1e-12)


def test_dropout_is_active_only_when_training():
    net = small_net(seed=3, dropout_ratio=0.3)
    x = np.random.default_rng(5).standard_normal((6, *SMALL["input_dim"]))
    a, b = net.predict(x), net.predict(x, train_flg=False)
    np.testing.assert_array_equal(a, b)
    np.testing.assert_allclose(a, naive_predict(net.params, x, net.conv_params, 0.3), rtol=1e-10)
    reseed_dropout(net, 1)
    c = net.predict(x, train_flg=True)
    reseed_dropout(net, 2)
    assert not np.allclose(c, net.predict(x, train_flg=True))
    # About 30 % of the hidden units are dropped in training.
    drop = net.layers["Dropout1"]
    assert abs((1 - drop.mask.mean()) - 0.3) < 0.2


def test_accepts_flat_and_single_images_and_refuses_wrong_shapes():
    net = DeepConvNet(seed=0)
    x = np.random.default_rng(0).random((3, 1, 28, 28))
    np.testing.assert_allclose(net.predict(x.reshape(3, -1)), net.predict(x), rtol=1e-6)
    np.testing.assert_allclose(net.predict(x[0]), net.predict(x[:1]), rtol=1e-6)
    with pytest.raises(ValueError, match=r"expected images of shape \(N, 1, 28, 28\)"):
        net.predict(np.zeros((3, 28, 27)))


def test_save_load_round_trip_and_the_books_pickle_layout(tmp_path):
    net = DeepConvNet(seed=4)
    net.save_params(tmp_path / "deep.npz")
    other = DeepConvNet(seed=5)
    shared = other.params["W3"]
    other.load_params(tmp_path / "deep.npz")
    assert other.params["W3"] is shared  # layers keep sharing the arrays
    for key in net.params:
        np.testing.assert_array_equal(other.params[key], net.params[key])
    # The book's save_params: a pickled dict of float64 arrays.
    with open(tmp_path / "deep_convnet_params.pkl", "wb") as f:
        pickle.dump({k: v.astype(np.float64) for k, v in net.params.items()}, f)
    third = DeepConvNet(seed=6)
    third.load_params(tmp_path / "deep_convnet_params.pkl")
    x = np.random.default_rng(1).random((2, 1, 28, 28))
    np.testing.assert_allclose(third.predict(x), net.predict(x), rtol=1e-5)


def test_simple_convnet_weights_are_refused_with_the_shapes(tmp_path):
    from engine.simple_convnet import SimpleConvNet
    from engine.weights import WeightsFileError

    SimpleConvNet(seed=0).save_params(tmp_path / "simple.npz")
    net = DeepConvNet(seed=0)
    before = net.params["W1"].copy()
    with pytest.raises(WeightsFileError, match="missing parameters W4"):
        net.load_params(tmp_path / "simple.npz")
    np.testing.assert_array_equal(net.params["W1"], before)


def test_books_trainer_trains_it():
    rng = np.random.default_rng(0)
    x = rng.random((40, 1, 28, 28)).astype(np.float32)
    t = rng.integers(0, 10, 40)
    net = DeepConvNet(seed=0)
    trainer = Trainer(net, x, t, x[:10], t[:10], epochs=2, mini_batch_size=20, optimizer="Adam",
                      optimizer_param={"lr": 0.001}, verbose=False, seed=0)
    trainer.train()
    assert len(trainer.train_loss_list) == 4 and len(trainer.test_acc_list) == 2
    assert trainer.train_loss_list[-1] < trainer.train_loss_list[0]


@pytest.mark.slow
def test_books_trained_file_gives_the_books_accuracy(shared_mnist, book_params):
    net = DeepConvNet()
    net.load_params(book_params / "deep_convnet_params.pkl")
    _, (x, t) = load_mnist(data_dir=shared_mnist, flatten=False)
    # 99.35 % with the book's own code on the same file (Korean edition's repository).
    assert net.accuracy(x, t) == pytest.approx(0.9935, abs=1e-12)

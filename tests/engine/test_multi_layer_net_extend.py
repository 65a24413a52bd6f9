"""The book's MultiLayerNetExtend: gradients with and without batch norm, dropout, weight decay."""

import numpy as np
import pytest

from engine.layers import Dropout
from engine.multi_layer_net_extend import MultiLayerNetExtend

from . import oracles


def data(seed=0, n=6, d=5, k=3):
    rng = np.random.default_rng(seed)
    return rng.standard_normal((n, d)), rng.integers(0, k, n)


def reseed(net, seed=3):
    for layer in net.layers.values():
        if isinstance(layer, Dropout):
            layer.rng = np.random.default_rng(seed)


@pytest.mark.parametrize("use_batchnorm, use_dropout, lam, activation", [
    (False, False, 0.0, "relu"), (True, False, 0.0, "relu"), (True, True, 0.3, "sigmoid"), (False, True, 0.1, "relu"),
])
def test_gradient_matches_numerical(use_batchnorm, use_dropout, lam, activation):
    net = MultiLayerNetExtend(5, [4, 3], 3, activation=activation, weight_decay_lambda=lam, use_dropout=use_dropout,
                              dropout_ration=0.3, use_batchnorm=use_batchnorm, seed=1)
    rng = np.random.default_rng(2)
    for key, value in net.params.items():  # gamma and beta away from 1 and 0, biases not zero
        if not key.startswith("W"):
            value += 0.3 * rng.standard_normal(value.shape)
    x, t = data()
    reseed(net)
    grads = net.gradient(x, t)
    assert set(grads) == set(net.params)
    for key, param in net.params.items():
        def f(value, key=key):
            saved = net.params[key].copy()
            net.params[key][...] = value
            reseed(net)
            loss = net.loss(x, t, train_flg=True)
            net.params[key][...] = saved
            return loss

        np.testing.assert_allclose(grads[key], oracles.numerical_grad(f, param), rtol=1e-5, atol=1e-8, err_msg=key)


def test_weight_decay_term_is_half_lambda_sum_of_squares():
    x, t = data(1)
    plain = MultiLayerNetExtend(5, [4], 3, seed=4)
    decayed = MultiLayerNetExtend(5, [4], 3, weight_decay_lambda=0.7, seed=4)
    expected = 0.5 * 0.7 * (np.sum(plain.params["W1"] ** 2) + np.sum(plain.params["W2"] ** 2))
    assert decayed.loss(x, t) - plain.loss(x, t) == pytest.approx(expected, rel=1e-12)


def test_dropout_and_batchnorm_act_only_in_training():
    x, t = data(2, n=50)
    net = MultiLayerNetExtend(5, [40], 3, use_dropout=True, dropout_ration=0.3, use_batchnorm=True, seed=5)
    np.testing.assert_array_equal(net.predict(x), net.predict(x))  # test mode is deterministic
    reseed(net, 1)
    a = net.predict(x, train_flg=True)
    reseed(net, 2)
    assert not np.allclose(a, net.predict(x, train_flg=True))
    drop = net.layers["Dropout1"]
    assert abs((1 - drop.mask.mean()) - 0.3) < 0.05  # about 30 % dropped
    # Batch norm in training: each hidden unit has mean 0 and variance 1 over the batch before gamma/beta.
    h = net.layers["Affine1"].forward(x)
    bn = net.layers["BatchNorm1"]
    out = bn.forward(h, train_flg=True)
    np.testing.assert_allclose(out.mean(axis=0), net.params["beta1"], atol=1e-12)
    np.testing.assert_allclose(out.std(axis=0), net.params["gamma1"], rtol=1e-5)
    # In test mode it uses the running averages instead: (h - running_mean) / sqrt(running_var + eps).
    test_out = bn.forward(h, train_flg=False)
    np.testing.assert_allclose(test_out, (h - bn.running_mean) / np.sqrt(bn.running_var + 10e-7), rtol=1e-10)


def test_books_keywords_and_accuracy():
    x, t = data(3, n=20)
    net = MultiLayerNetExtend(input_size=5, hidden_size_list=[6, 6], output_size=3, use_dropout=True,
                              dropout_ration=0.2, use_batchnorm=True, weight_decay_lambda=0.1, seed=0)
    assert [k for k in net.layers] == ["Affine1", "BatchNorm1", "Activation_function1", "Dropout1",
                                       "Affine2", "BatchNorm2", "Activation_function2", "Dropout2", "Affine3"]
    acc = net.accuracy(x, t)
    assert acc == np.mean(net.predict(x).argmax(axis=1) == t)
    assert net.accuracy(x, np.eye(3)[t]) == acc  # one-hot labels too

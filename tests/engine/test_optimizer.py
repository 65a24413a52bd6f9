import math

import numpy as np
import pytest

from engine.optimizer import SGD, AdaGrad, Adam, Momentum, Nesterov, RMSprop, make_optimizer

G = [0.5, -1.0]


def one_step(opt, steps=1):
    params = {"x": np.array([1.0, -2.0])}
    for _ in range(steps):
        opt.update(params, {"x": np.array(G)})
    return params["x"]


def test_sgd_step():
    np.testing.assert_allclose(one_step(SGD(lr=0.1)), [0.95, -1.9])


def test_momentum_two_steps():
    # v1 = -0.1 g = (-0.05, 0.1); v2 = 0.9 v1 - 0.1 g = (-0.095, 0.19)
    opt = Momentum(lr=0.1, momentum=0.9)
    np.testing.assert_allclose(one_step(opt, 2), [1 - 0.05 - 0.095, -2 + 0.1 + 0.19])
    np.testing.assert_allclose(opt.v["x"], [-0.095, 0.19])


def test_nesterov_step():
    # v = -0.1 g; x += 0.81 v - 1.9 * 0.1 g
    np.testing.assert_allclose(one_step(Nesterov(lr=0.1, momentum=0.9)), [1 - 0.0405 - 0.095, -2 + 0.081 + 0.19])


def test_adagrad_step():
    opt = AdaGrad(lr=0.1)
    expected = [1 - 0.1 * 0.5 / (0.5 + 1e-7), -2 + 0.1 * 1.0 / (1.0 + 1e-7)]
    np.testing.assert_allclose(one_step(opt), expected, rtol=1e-12)
    np.testing.assert_allclose(opt.h["x"], [0.25, 1.0])


def test_rmsprop_step():
    # h = 0.01 g^2 = (0.0025, 0.01)
    expected = [1 - 0.1 * 0.5 / (0.05 + 1e-7), -2 + 0.1 * 1.0 / (0.1 + 1e-7)]
    np.testing.assert_allclose(one_step(RMSprop(lr=0.1, decay_rate=0.99)), expected, rtol=1e-9, atol=1e-14)


def test_adam_step():
    opt = Adam(lr=0.1)
    x = one_step(opt)
    lr_t = 0.1 * math.sqrt(1 - 0.999) / (1 - 0.9)
    m = [0.05, -0.1]
    v = [0.001 * 0.25, 0.001 * 1.0]
    expected = [1 - lr_t * m[0] / (math.sqrt(v[0]) + 1e-7), -2 - lr_t * m[1] / (math.sqrt(v[1]) + 1e-7)]
    np.testing.assert_allclose(x, expected, rtol=1e-12)
    # The bias-corrected first Adam step is about lr times the gradient's sign.
    np.testing.assert_allclose(x, [0.9, -1.9], atol=1e-5)
    assert opt.iter == 1
    np.testing.assert_allclose(opt.m["x"], m)
    np.testing.assert_allclose(opt.v["x"], v)


def test_updates_are_in_place():
    params = {"W": np.ones(3)}
    same = params["W"]
    Adam().update(params, {"W": np.ones(3)})
    assert params["W"] is same


def test_state_is_a_copy():
    opt = Momentum(lr=0.1)
    one_step(opt)
    state = opt.state("x")
    state["v"][:] = 99
    assert not np.any(opt.v["x"] == 99)


def test_make_optimizer_by_name():
    assert isinstance(make_optimizer("adam", lr=0.3), Adam)
    assert isinstance(make_optimizer("RMSprop"), RMSprop)
    with pytest.raises(ValueError, match="unknown optimizer 'foo'"):
        make_optimizer("foo")


def test_adam_blocked_update_equals_the_whole_array_update():
    from engine import optimizer as opt_module

    rng = np.random.default_rng(0)
    big = rng.standard_normal(opt_module.BLOCK * 2 + 123).astype(np.float32)
    grads = [rng.standard_normal(big.size).astype(np.float32) for _ in range(3)]
    a, b = {"W": big.copy()}, {"W": big.copy()[:, None]}  # (n, 1) is contiguous too: blocked
    c = {"W": np.asfortranarray(np.repeat(big[:, None], 2, axis=1))[:, :1]}  # not contiguous: whole
    oa, ob, oc = Adam(0.01), Adam(0.01), Adam(0.01)
    for g in grads:
        oa.update(a, {"W": g})
        ob.update(b, {"W": g[:, None].copy()})
        oc.update(c, {"W": g[:, None].copy()})
    np.testing.assert_array_equal(a["W"], b["W"][:, 0])
    np.testing.assert_allclose(a["W"], c["W"][:, 0], rtol=1e-6)

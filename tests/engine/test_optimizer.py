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


def test_nesterov_two_steps_by_hand():
    # Step 1 (v_old = 0): x += 0 - 1.9 * 0.1 g; v = -0.1 g = (-0.05, 0.1).
    # Step 2 (same g): x += 0.81 v_old - 1.9 * 0.1 g; v = 0.9 v_old - 0.1 g = (-0.095, 0.19).
    opt = Nesterov(lr=0.1, momentum=0.9)
    np.testing.assert_allclose(one_step(opt, 1), [1 - 0.095, -2 + 0.19])
    opt = Nesterov(lr=0.1, momentum=0.9)
    x2 = one_step(opt, 2)
    np.testing.assert_allclose(x2, [1 - 0.095 - 0.0405 - 0.095, -2 + 0.19 + 0.081 + 0.19])
    np.testing.assert_allclose(opt.v["x"], [-0.095, 0.19])


def test_nesterov_equals_the_look_ahead_method_on_a_quadratic():
    """Sutskever's NAG takes the gradient at theta + mu v: v <- mu v - lr grad(theta + mu v), theta += v.
    The optimizer keeps phi = theta + mu v instead; both must trace the same points."""
    A = np.array([[3.0, 0.8], [0.8, 0.5]])  # f = x^T A x / 2, an elongated bowl

    def grad(x):
        return A @ x

    lr, mu = 0.08, 0.85
    theta, v = np.array([-2.0, 1.5]), np.zeros(2)
    opt = Nesterov(lr=lr, momentum=mu)
    params = {"w": theta.copy()}  # phi_0 = theta_0 since v_0 = 0
    for _ in range(12):
        v = mu * v - lr * grad(theta + mu * v)
        theta = theta + v
        opt.update(params, {"w": grad(params["w"])})
        np.testing.assert_allclose(params["w"], theta + mu * v, rtol=1e-12, atol=1e-14)


@pytest.mark.parametrize("name", ["sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam"])
def test_optimizers_take_what_the_book_passes(name):
    """ch06/optimizer_compare_naive.py keeps the position as Python floats; others pass 0-d arrays,
    float32 arrays or integers. Floats are rebound (as the book's -=), float arrays change in place,
    and all of them follow the same path as a float64 array would."""
    def df(x, y):
        return x / 10.0, 2.0 * y

    reference = make_optimizer(name, lr=0.1)
    ref = {"x": np.array([-7.0]), "y": np.array([2.0])}
    for kind in ("float", "0-d", "int", "float32"):
        opt = make_optimizer(name, lr=0.1)
        if kind == "float":
            params = {"x": -7.0, "y": 2.0}
        elif kind == "0-d":
            params = {"x": np.array(-7.0), "y": np.array(2.0)}
        elif kind == "int":
            params = {"x": -7, "y": 2}
        else:
            params = {"x": np.array([-7.0], dtype=np.float32), "y": np.array([2.0], dtype=np.float32)}
        same = params["x"] if kind == "float32" else None
        for _ in range(30):
            gx, gy = df(params["x"], params["y"])
            opt.update(params, {"x": gx, "y": gy})
        if same is not None:
            assert params["x"] is same and params["x"].dtype == np.float32  # in place, dtype kept
        if kind in ("float", "int"):
            assert np.ndim(params["x"]) == 0 and isinstance(float(params["x"]), float)
        if kind == "float":  # the book's 30 steps, once with a float64 array as the reference
            for _ in range(30):
                gx, gy = df(ref["x"], ref["y"])
                reference.update(ref, {"x": gx, "y": gy})
        tol = 1e-5 if kind == "float32" else 1e-12
        np.testing.assert_allclose(float(np.ravel(params["x"])[0]), ref["x"][0], rtol=tol)
        np.testing.assert_allclose(float(np.ravel(params["y"])[0]), ref["y"][0], rtol=tol, atol=1e-9)


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


def test_the_books_figure_endpoints_after_30_steps_with_float_parameters():
    """ch06/optimizer_compare_naive.py: f = x^2/20 + y^2 from (-7, 2), Python floats. On a quadratic,
    SGD and Momentum are linear recurrences, so their 30th point has a closed form."""
    def df(x, y):
        return x / 10.0, 2.0 * y

    def run(opt):
        params = {"x": -7.0, "y": 2.0}
        for _ in range(30):
            gx, gy = df(params["x"], params["y"])
            opt.update(params, {"x": gx, "y": gy})
        return float(params["x"]), float(params["y"])

    # SGD(lr=0.95): x <- (1 - 0.95/10) x, y <- (1 - 0.95*2) y.
    assert run(SGD(lr=0.95)) == pytest.approx((-7 * 0.905**30, 2 * (-0.9) ** 30), rel=1e-12)

    # Momentum(lr=0.1, 0.9): (v, w) <- [[0.9, -0.1 c], [0.9, 1 - 0.1 c]] (v, w) with c = 1/10 or 2.
    def momentum_closed_form(w0, c):
        M = np.array([[0.9, -0.1 * c], [0.9, 1 - 0.1 * c]])
        return (np.linalg.matrix_power(M, 30) @ np.array([0.0, w0]))[1]

    x, y = run(Momentum(lr=0.1, momentum=0.9))
    assert x == pytest.approx(momentum_closed_form(-7.0, 0.1), rel=1e-10)
    assert y == pytest.approx(momentum_closed_form(2.0, 2.0), rel=1e-9, abs=1e-12)

"""The numbers the Playground shows for an update, against the update rules computed here from the
path's positions and gradients (not from the optimizer's own state)."""

import math

import numpy as np
import pytest

from engine.surfaces import built_in
from explorer.panels.optimizer.state import PlaygroundState, fmt, update_html


@pytest.fixture
def state():
    s = PlaygroundState()
    for config in s.configs.values():
        config.enabled = True
    s.configs["rmsprop"].params["decay_rate"] = 0.9  # 0.9, not 0.99: a missing decay would show
    s.compute(built_in("book"))
    return s


@pytest.mark.parametrize("k", [1, 3, 7])
def test_momentum_shows_the_previous_and_the_new_velocity(state, k):
    path, p = state.paths["momentum"], state.configs["momentum"].params
    x = path.positions
    v_now = x[k] - x[k - 1]  # W <- W + v
    v_before = x[k - 1] - x[k - 2] if k >= 2 else np.zeros(2)
    html = update_html("momentum", path, k, state.configs["momentum"])
    for i in range(2):
        assert (f"{fmt(p['momentum'])}·{fmt(v_before[i])} − {fmt(p['lr'])}·{fmt(path.gradients[k - 1][i])} "
                f"= {fmt(v_now[i])}") in html


@pytest.mark.parametrize("key", ["adagrad", "rmsprop"])
@pytest.mark.parametrize("k", [1, 4])
def test_adagrad_and_rmsprop_show_h_and_the_step_size(state, key, k):
    path, p = state.paths[key], state.configs[key].params
    g = path.gradients
    h = np.zeros(2)
    for step in range(k):
        h = h + g[step] ** 2 if key == "adagrad" else p["decay_rate"] * h + (1 - p["decay_rate"]) * g[step] ** 2
    html = update_html(key, path, k, state.configs[key])
    for i in range(2):
        step_size = p["lr"] / (math.sqrt(h[i]) + 1e-7)
        assert f"= {fmt(h[i])};" in html
        assert f"step η/(√h+ε) = {fmt(step_size)};" in html
        before = path.positions[k - 1][i]
        after = before - step_size * g[k - 1][i]
        axis = "xy"[i]
        assert f"{axis} = {fmt(before)} − {fmt(step_size)}·{fmt(g[k - 1][i])} = <b>{fmt(after)}</b>" in html


def test_adam_shows_the_bias_corrected_step(state):
    path, p = state.paths["adam"], state.configs["adam"].params
    k = 3
    lr_t = p["lr"] * math.sqrt(1 - p["beta2"] ** k) / (1 - p["beta1"] ** k)
    html = update_html("adam", path, k, state.configs["adam"])
    assert f"= {fmt(lr_t)} (t = {k})" in html


def test_rmsprop_shows_its_rule_with_the_decay_and_its_complement(state):
    html = update_html("rmsprop", state.paths["rmsprop"], 2, state.configs["rmsprop"])
    assert "h<sub>x</sub> ← 0.9·h + 0.1·g²" in html and "h<sub>y</sub> ← 0.9·h + 0.1·g²" in html
    html = update_html("adagrad", state.paths["adagrad"], 2, state.configs["adagrad"])
    assert "h<sub>x</sub> ← h + g²" in html


def test_the_book_figure_is_the_books_optimizer_compare_naive():
    """ch06/optimizer_compare_naive.py: start (-7, 2), 30 updates, SGD 0.95, Momentum 0.1, AdaGrad 1.5, Adam 0.3."""
    s = PlaygroundState()
    s.configs["adagrad"].params["lr"] = 0.01
    s.configs["rmsprop"].enabled = True
    s.book_figure()
    assert {k for k, c in s.configs.items() if c.enabled} == {"sgd", "momentum", "adagrad", "adam"}
    assert {k: s.configs[k].params["lr"] for k in ("sgd", "momentum", "adagrad", "adam")} == {
        "sgd": 0.95, "momentum": 0.1, "adagrad": 1.5, "adam": 0.3}
    assert (s.surface_key, s.start, s.iterations) == ("book", (-7.0, 2.0), 30)


def test_the_playgrounds_hyperparameters_are_the_books_but_for_the_learning_rates():
    s = PlaygroundState()
    p = {k: c.params for k, c in s.configs.items()}
    assert p["momentum"]["momentum"] == p["nesterov"]["momentum"] == 0.9
    assert p["rmsprop"]["decay_rate"] == 0.99
    assert (p["adam"]["beta1"], p["adam"]["beta2"]) == (0.9, 0.999)


def test_the_book_figure_restores_hyperparameters_changed_in_the_table():
    s = PlaygroundState()
    s.book_figure()
    s.configs["momentum"].params["momentum"] = 0.5
    s.book_figure()
    assert s.configs["momentum"].params["momentum"] == 0.9


@pytest.mark.parametrize("k", [1, 4])
def test_adam_shows_m_and_v_from_the_gradients_and_the_step_they_make(state, k):
    path, p = state.paths["adam"], state.configs["adam"].params
    g = path.gradients
    m, v = np.zeros(2), np.zeros(2)
    for step in range(k):  # the book's Adam: m += (1-β1)(g-m), v += (1-β2)(g²-v)
        m += (1 - p["beta1"]) * (g[step] - m)
        v += (1 - p["beta2"]) * (g[step] ** 2 - v)
    lr_t = p["lr"] * math.sqrt(1 - p["beta2"] ** k) / (1 - p["beta1"] ** k)
    html = update_html("adam", path, k, state.configs["adam"])
    for i, axis in enumerate("xy"):
        assert f"m<sub>{axis}</sub> = {fmt(m[i])}, v<sub>{axis}</sub> = {fmt(v[i])};" in html
        after = path.positions[k - 1][i] - lr_t * m[i] / (math.sqrt(v[i]) + 1e-7)
        assert f"= <b>{fmt(after)}</b>" in html


def test_a_fresh_playground_is_the_books_figure_with_nesterov_beside_momentum():
    s = PlaygroundState()
    assert s.iterations == 30 and s.start == (-7.0, 2.0)  # optimizer_compare_naive.py: 30 updates from (-7, 2)
    # Nesterov starts where Momentum does (η 0.1, α 0.9), so switching it on compares the two look-aheads.
    assert s.configs["nesterov"].params == s.configs["momentum"].params == {"lr": 0.1, "momentum": 0.9}


@pytest.mark.parametrize("k", [1, 5])
def test_sgd_shows_each_coordinate_moving_against_its_own_gradient(state, k):
    path, lr = state.paths["sgd"], state.configs["sgd"].params["lr"]
    before, g = path.positions[k - 1], path.gradients[k - 1]
    html = update_html("sgd", path, k, state.configs["sgd"])
    assert html.startswith("<b>W ← W − η ∂L/∂W</b><br>")
    for i, axis in enumerate("xy"):
        after = before[i] - lr * g[i]  # W ← W − η·∂L/∂W, computed here
        assert f"{axis} ← {axis} − η·∂f/∂{axis} = {fmt(before[i])} − {fmt(lr)}·{fmt(g[i])} = <b>{fmt(after)}</b>" \
            in html


@pytest.mark.parametrize("k", [1, 4])
def test_nesterov_shows_the_velocity_it_keeps_and_where_it_lands(state, k):
    """The book's Nesterov: v ← αv − η·g, then W ← W + α²v − (1+α)η·g with the v before the update."""
    path, p = state.paths["nesterov"], state.configs["nesterov"].params
    a, lr, g = p["momentum"], p["lr"], path.gradients
    v, x = np.zeros(2), np.array(path.positions[0], dtype=float)
    for step in range(k):
        x = x + a * a * v - (1 + a) * lr * g[step]
        v_before, v = v, a * v - lr * g[step]
    html = update_html("nesterov", path, k, state.configs["nesterov"])
    assert html.startswith("<b>W ← W + α²v − (1+α)η ∂L/∂W;&nbsp; v ← αv − η ∂L/∂W</b>")
    for i, axis in enumerate("xy"):
        assert (f"{fmt(a)}·{fmt(v_before[i])} − {fmt(lr)}·{fmt(g[k - 1][i])} = {fmt(v[i])};&nbsp; "
                f"{axis} = <b>{fmt(x[i])}</b>") in html


def test_no_update_is_shown_before_the_first_or_after_the_last(state):
    path = state.paths["sgd"]
    assert update_html("sgd", path, 0, state.configs["sgd"]) == ""
    assert update_html("sgd", path, path.steps + 1, state.configs["sgd"]) == ""
    assert update_html("sgd", None, 1, state.configs["sgd"]) == ""
    assert update_html("sgd", path, path.steps, state.configs["sgd"]) != ""
    assert [fmt(v) for v in (1234.5678, -0.000123456, 7.0)] == ["1235", "-0.0001235", "7"]  # four digits


def test_only_the_enabled_optimizers_walk_from_the_start_with_the_states_noise():
    s = PlaygroundState()
    s.start, s.iterations, s.noise = (3.0, -1.5), 12, 0.5
    for key, config in s.configs.items():
        config.enabled = key in ("rmsprop", "nesterov")
    paths = s.compute(built_in("book"))
    assert set(paths) == {"rmsprop", "nesterov"}
    for path in paths.values():
        assert tuple(path.positions[0]) == (3.0, -1.5) and path.steps == 12
    x, y = paths["rmsprop"].positions[0]
    exact = (x / 10, 2 * y)  # f = x²/20 + y²
    assert not np.allclose(paths["rmsprop"].gradients[0], exact)  # noisy
    s.noise = 0.0
    assert np.allclose(s.compute(built_in("book"))["rmsprop"].gradients[0], exact)

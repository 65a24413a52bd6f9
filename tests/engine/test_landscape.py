"""The loss landscape (engine.landscape) against its definitions: filter normalisation filter by filter,
least-squares projections, the best-fitting plane, bilinear interpolation and the loss on the grid
recomputed point by point."""

import numpy as np
import pytest

from engine.landscape import (
    Layout,
    bilinear,
    filter_normalised_direction,
    grid_for,
    in_plane_share,
    iterate_paths,
    iterate_slice,
    parameter_count,
    path_directions,
    path_losses,
    project,
)
from engine.optimizer import SGD, Adam
from engine.simple_convnet import SimpleConvNet

SHAPES = {"W1": (3, 2, 5, 4), "b1": (3,), "W2": (7, 5), "b2": (5,)}


def random_params(rng, scale=1.0):
    return {k: rng.standard_normal(s) * scale for k, s in SHAPES.items()}


def run(generator):
    events = []
    while True:
        try:
            events.append(next(generator))
        except StopIteration as end:
            return events, end.value


def test_filter_normalised_direction_gives_every_filter_the_norm_of_the_same_filter_and_biases_nothing():
    rng = np.random.default_rng(0)
    centre = random_params(rng)
    centre["W1"][1] *= 10.0  # filters of very different sizes
    centre["W2"][:, 2] *= 0.01
    d = filter_normalised_direction(centre, np.random.default_rng(1))
    for f in range(3):  # a convolution's filter: W1[f]
        assert np.linalg.norm(d["W1"][f]) == pytest.approx(np.linalg.norm(centre["W1"][f]))
    for j in range(5):  # an affine unit: the column W2[:, j] (its weights are (in, out))
        assert np.linalg.norm(d["W2"][:, j]) == pytest.approx(np.linalg.norm(centre["W2"][:, j]))
    assert not d["b1"].any() and not d["b2"].any()
    # A direction, not the centre: random, and another generator gives another one.
    assert abs(np.corrcoef(d["W2"].ravel(), centre["W2"].ravel())[0, 1]) < 0.5
    other = filter_normalised_direction(centre, np.random.default_rng(2))
    assert not np.allclose(other["W1"], d["W1"])


def test_project_solves_the_least_squares_for_directions_that_are_not_orthogonal():
    rng = np.random.default_rng(3)
    d1 = rng.standard_normal(200)
    d2 = 0.6 * d1 + rng.standard_normal(200)  # far from perpendicular
    delta = 2.0 * d1 - 3.0 * d2
    np.testing.assert_allclose(project(delta, d1, d2), (2.0, -3.0))
    # Plus a part perpendicular to both: the projection ignores it.
    n = rng.standard_normal(200)
    basis = np.c_[d1, d2]
    perp = n - basis @ np.linalg.lstsq(basis, n, rcond=None)[0]
    assert abs(perp @ d1) < 1e-9 and abs(perp @ d2) < 1e-9
    np.testing.assert_allclose(project(delta + perp, d1, d2), (2.0, -3.0))
    np.testing.assert_allclose(project(np.stack([delta, perp, d2]), d1, d2), [(2, -3), (0, 0), (0, 1)], atol=1e-12)
    # The share in the plane: |in-plane|² / |all|², summed over the points.
    inside, outside = delta @ delta, perp @ perp
    assert in_plane_share(delta + perp, d1, d2) == pytest.approx(inside / (inside + outside))
    assert in_plane_share(np.stack([delta, perp]), d1, d2) == pytest.approx(inside / (inside + outside))
    assert in_plane_share(perp, d1, d2) == pytest.approx(0.0, abs=1e-12)
    assert in_plane_share(np.stack([d1, 3 * d2]), d1, d2) == pytest.approx(1.0)
    assert in_plane_share(np.float32(delta + perp), d1, d2) == pytest.approx(inside / (inside + outside), rel=1e-5)


def test_the_paths_directions_are_the_plane_through_the_centre_that_holds_the_points():
    rng = np.random.default_rng(4)
    centre, u, v = rng.standard_normal((3, 500))
    coeffs = [(3.0, 0.5), (1.0, -0.2), (-2.0, 0.1), (0.5, 1.0)]
    points = np.array([centre + a * u + b * v for a, b in coeffs])
    d1, d2, (s1, s2) = path_directions(centre, points)
    # Orthonormal ...
    assert d1 @ d1 == pytest.approx(1.0) and d2 @ d2 == pytest.approx(1.0) and d1 @ d2 == pytest.approx(0, abs=1e-9)
    # ... they span the points' plane: every point is rebuilt from its projection.
    for p in points:
        a, b = project(p - centre, d1, d2)
        np.testing.assert_allclose(centre + a * d1 + b * d2, p, atol=1e-9)
    assert s1 + s2 == pytest.approx(1.0) and s1 >= s2 > 0
    # The first direction holds the larger share: the squared projections on it, over all squared lengths.
    deltas = points - centre
    assert s1 == pytest.approx(np.sum((deltas @ d1) ** 2) / np.sum(deltas**2))
    # A third direction out of the plane: the best plane is the two largest singular directions (by SVD).
    w = rng.standard_normal(500)
    more = np.vstack([points, centre + 0.1 * w])
    d1, d2, _ = path_directions(centre, more)
    _, _, vt = np.linalg.svd(more - centre, full_matrices=False)
    for d in (d1, d2):
        assert np.linalg.norm(vt[:2].T @ (vt[:2] @ d) - d) < 1e-8
    # float32 points (as the paths keep them) give the same plane.
    d1f, _, _ = path_directions(centre.astype(np.float32), more.astype(np.float32))
    assert abs(abs(d1f @ vt[0]) - 1) < 1e-4


def test_paths_on_a_line_give_no_plane():
    rng = np.random.default_rng(5)
    centre, u = rng.standard_normal((2, 50))
    with pytest.raises(ValueError, match="two independent directions"):
        path_directions(centre, np.array([centre + a * u for a in (1.0, 2.0, -1.0)]))


def test_a_layout_puts_every_array_in_one_vector_and_back():
    rng = np.random.default_rng(6)
    params = random_params(rng)
    layout = Layout(params)
    v = layout.flatten(params, np.float64)
    assert layout.size == v.size == sum(a.size for a in params.values())
    np.testing.assert_array_equal(v[:120], params["W1"].ravel())  # W1 first, then b1 ...
    np.testing.assert_array_equal(v[120:123], params["b1"])
    back = layout.unflatten(v)
    for k in params:
        np.testing.assert_array_equal(back[k], params[k])


def test_bilinear_returns_the_grid_at_its_nodes_and_is_exact_on_a_plane():
    alphas = np.array([-1.0, 0.0, 0.5, 2.0])  # uneven, and a different length from betas: axes cannot swap
    betas = np.array([-3.0, -1.0, 4.0])
    losses = 1.0 + 2.0 * alphas[None, :] - 5.0 * betas[:, None]  # losses[j, i] at (alphas[i], betas[j])
    for j, b in enumerate(betas):
        for i, a in enumerate(alphas):
            assert bilinear(alphas, betas, losses, a, b) == pytest.approx(losses[j, i])
    a = np.array([[-0.7, 1.3], [0.25, 1.9]])
    b = np.array([[-2.5, 3.0], [0.0, -1.5]])
    np.testing.assert_allclose(bilinear(alphas, betas, losses, a, b), 1.0 + 2.0 * a - 5.0 * b)
    # A saddle in one cell: the mean of its four corners in the middle.
    z = np.array([[0.0, 4.0], [8.0, 2.0]])
    assert bilinear(np.array([0.0, 1.0]), np.array([0.0, 1.0]), z, 0.5, 0.5) == pytest.approx(3.5)
    assert bilinear(np.array([0.0, 1.0]), np.array([0.0, 1.0]), z, 1.0, 0.0) == pytest.approx(4.0)


def tiny_mnist(n=40, seed=0):
    rng = np.random.default_rng(seed)
    x = rng.random((n, 1, 28, 28)).astype(np.float32)
    t = rng.integers(0, 10, n)
    return x, t


def test_every_path_starts_at_the_same_point_and_sgd_follows_the_books_update():
    x, t = tiny_mnist()
    _events, paths = run(iterate_paths(x, t, {"sgd": SGD(lr=0.1), "adam": Adam(lr=0.001)}, iterations=6,
                                       batch_size=8, points=3, seed=7))
    assert paths.names == ["sgd", "adam"] and paths.iterations == [0, 2, 4, 6]
    start = paths.layout.flatten(SimpleConvNet(seed=7).params)
    for name in paths.names:
        assert paths.points[name].shape == (4, start.size)
        np.testing.assert_array_equal(paths.points[name][0], start)
    # SGD by hand on the same batches: W ← W − η·∂L/∂W.
    net = SimpleConvNet(seed=7)
    rng = np.random.default_rng(7)
    for it in range(1, 7):
        batch = rng.choice(len(x), 8)
        grads = net.gradient(x[batch], t[batch])
        assert paths.batch_losses["sgd"][it - 1] == pytest.approx(net.last_loss)
        for k in net.params:
            net.params[k] -= 0.1 * grads[k]
        if it % 2 == 0:
            point = paths.layout.unflatten(paths.points["sgd"][it // 2])
            for k in net.params:
                np.testing.assert_allclose(point[k], net.params[k], rtol=1e-5, atol=1e-7)
    assert not np.allclose(paths.points["adam"][-1], paths.points["sgd"][-1])


def test_a_stopped_walk_keeps_its_last_point():
    x, t = tiny_mnist()
    calls = []
    _events, paths = run(iterate_paths(x, t, {"sgd": SGD(lr=0.1)}, iterations=10, batch_size=8, points=2, seed=0,
                                       should_stop=lambda: len(calls.append(1) or calls) > 3))
    assert paths.iterations == [0, 3] and len(paths.points["sgd"]) == 2
    assert paths.points["sgd"][1].any() and not np.array_equal(paths.points["sgd"][1], paths.points["sgd"][0])
    assert len(paths.batch_losses["sgd"]) == 3
    # The start stays the start, and the last point is where the three SGD steps went, by hand.
    net = SimpleConvNet(seed=0)
    np.testing.assert_array_equal(paths.points["sgd"][0], paths.layout.flatten(net.params))
    rng = np.random.default_rng(0)
    for _ in range(3):
        batch = rng.choice(len(x), 8)
        grads = net.gradient(x[batch], t[batch])
        for k in net.params:
            net.params[k] -= 0.1 * grads[k]
    np.testing.assert_allclose(paths.points["sgd"][1], paths.layout.flatten(net.params), rtol=1e-5, atol=1e-7)


@pytest.mark.parametrize("kind", ["paths", "random"])
def test_the_slice_is_the_loss_at_centre_plus_alpha_d1_plus_beta_d2_point_by_point(kind):
    x, t = tiny_mnist()
    _events, paths = run(iterate_paths(x, t, {"sgd": SGD(lr=0.5), "adam": Adam(lr=0.01)}, iterations=4,
                                       batch_size=10, points=4, seed=1))
    xs, ts = x[:12], t[:12]
    events, found = run(iterate_slice(paths, xs, ts, kind=kind, centre="sgd", resolution=3, seed=5))
    assert [e.row for e in events] == [0, 1, 2] and found.losses.shape == (3, 3)
    layout = paths.layout
    theta = layout.unflatten(paths.points["sgd"][-1])
    if kind == "random":
        rng = np.random.default_rng(5)
        d1 = filter_normalised_direction(theta, rng)
        d2 = filter_normalised_direction(theta, rng)
        np.testing.assert_allclose(found.alphas, [-1, 0, 1])
    else:
        d1, d2, explained = path_directions(paths.points["sgd"][-1], np.vstack([paths.points["sgd"],
                                                                                 paths.points["adam"]]))
        d1, d2 = layout.unflatten(d1), layout.unflatten(d2)
        assert found.explained == pytest.approx(explained)
        # The grid holds every path point, the centre included.
        for pts in found.coords.values():
            assert found.alphas[0] < pts[:, 0].min() and pts[:, 0].max() < found.alphas[-1]
            assert found.betas[0] < pts[:, 1].min() and pts[:, 1].max() < found.betas[-1]
    net = SimpleConvNet(seed=0)
    for j, beta in enumerate(found.betas):
        for i, alpha in enumerate(found.alphas):
            for k in theta:
                net.params[k][...] = theta[k] + alpha * d1[k] + beta * d2[k]
            assert found.losses[j, i] == pytest.approx(net.loss(xs, ts), rel=1e-4)
    # The centre's own path ends at (0, 0); the other path's points are their projections.
    np.testing.assert_allclose(found.coords["sgd"][-1], (0, 0), atol=1e-9)
    delta = paths.points["adam"][2].astype(float) - paths.points["sgd"][-1]
    flat = [layout.flatten(d, np.float64) for d in (d1, d2)]
    np.testing.assert_allclose(found.coords["adam"][2], project(delta, *flat), rtol=1e-4)
    assert 0 <= found.in_plane["adam"] <= 1


def test_a_slice_can_be_stopped_and_its_arguments_are_checked():
    x, t = tiny_mnist()
    _events, paths = run(iterate_paths(x, t, {"sgd": SGD(lr=0.5), "adam": Adam(lr=0.01)}, iterations=2,
                                       batch_size=10, points=2, seed=1))
    events, found = run(iterate_slice(paths, x[:5], t[:5], kind="random", resolution=4,
                                      should_stop=lambda: True))
    assert events == [] and found is None
    with pytest.raises(ValueError, match="kind"):
        run(iterate_slice(paths, x, t, kind="pca"))
    with pytest.raises(ValueError, match="resolution"):
        run(iterate_slice(paths, x, t, resolution=1))


def test_path_losses_are_each_points_loss():
    x, t = tiny_mnist()
    _events, paths = run(iterate_paths(x, t, {"sgd": SGD(lr=0.5)}, iterations=3, batch_size=10, points=3, seed=2))
    heights = path_losses(paths, x[:9], t[:9])
    net = SimpleConvNet(seed=0)
    for p, h in zip(paths.points["sgd"], heights["sgd"]):
        point = paths.layout.unflatten(p)
        for k in point:
            net.params[k][...] = point[k]
        assert h == pytest.approx(net.loss(x[:9], t[:9]))
    assert heights["sgd"][0] == pytest.approx(np.log(10), abs=0.01)  # small initial weights guess uniformly
    assert parameter_count(SimpleConvNet(seed=0).params) == 30 * 25 + 30 + 4320 * 100 + 100 + 100 * 10 + 10


def test_the_shares_are_each_directions_part_of_all_the_spread_not_only_of_the_two_kept():
    """With a third direction out of the plane, the two shares are σ₁²/Σσ² and σ₂²/Σσ² over all three
    singular values (NumPy's SVD here) and add up to less than 1."""
    rng = np.random.default_rng(8)
    centre = rng.standard_normal(300)
    deltas = rng.standard_normal((6, 300)) * np.array([5.0, 3.0, 2.0, 1.0, 0.5, 0.2])[:, None]
    *_, (s1, s2) = path_directions(centre, centre + deltas)
    sigma = np.linalg.svd(deltas, compute_uv=False)
    assert (s1, s2) == pytest.approx((sigma[0] ** 2 / np.sum(sigma**2), sigma[1] ** 2 / np.sum(sigma**2)))
    assert s1 + s2 < 0.99


def test_the_in_plane_share_is_what_the_orthogonal_projection_keeps_and_a_point_at_the_centre_is_in_every_plane():
    rng = np.random.default_rng(9)
    d1, d2 = rng.standard_normal((2, 40))  # not orthogonal, not unit
    deltas = rng.standard_normal((5, 40))
    q, _ = np.linalg.qr(np.stack([d1, d2]).T)  # an orthonormal basis of the same plane
    kept = np.sum((deltas @ q) ** 2)
    assert in_plane_share(deltas, d1, d2) == pytest.approx(kept / np.sum(deltas**2))
    assert in_plane_share(deltas[2], d1, d2) == pytest.approx(np.sum((deltas[2] @ q) ** 2) / np.sum(deltas[2] ** 2))
    assert in_plane_share(np.zeros((3, 40)), d1, d2) == 1.0
    assert in_plane_share(3 * d1 - 2 * d2, d1, d2) == pytest.approx(1.0)


def test_a_slice_without_a_centre_goes_through_the_last_optimizers_end_and_the_book_rates_are_its_defaults():
    from engine.landscape import BOOK_RATES
    from engine.optimizer import make_optimizer

    # optimizer_compare_mnist.py builds SGD(), Momentum(), AdaGrad(), Adam(): each at its default rate.
    assert BOOK_RATES == {"sgd": 0.01, "momentum": 0.01, "adagrad": 0.01, "adam": 0.001}
    assert BOOK_RATES == {k: make_optimizer(k).lr for k in BOOK_RATES}
    x, t = tiny_mnist()
    _events, paths = run(iterate_paths(x, t, {"sgd": SGD(lr=0.5), "adam": Adam(lr=0.01)}, iterations=4,
                                       batch_size=10, points=2, seed=3))
    _events, found = run(iterate_slice(paths, x[:6], t[:6], kind="paths", resolution=2))
    np.testing.assert_allclose(found.coords["adam"][-1], (0, 0), atol=1e-9)
    assert np.hypot(*found.coords["sgd"][-1]) > 1e-6


def test_bilinear_points_beyond_the_grid_take_its_edge():
    alphas, betas = np.array([0.0, 1.0, 3.0]), np.array([-1.0, 0.0])
    losses = np.array([[1.0, 2.0, 4.0], [5.0, 7.0, 11.0]])  # losses[j, i] at (alphas[i], betas[j])
    assert bilinear(alphas, betas, losses, 10.0, -1.0) == pytest.approx(4.0)  # right of the grid: its right edge
    assert bilinear(alphas, betas, losses, -5.0, 0.0) == pytest.approx(5.0)  # left
    assert bilinear(alphas, betas, losses, 2.0, 9.0) == pytest.approx((7.0 + 11.0) / 2)  # above, halfway in α
    assert bilinear(alphas, betas, losses, 2.0, -9.0) == pytest.approx((2.0 + 4.0) / 2)  # below


def test_one_iteration_and_one_point_keep_the_start_and_the_end():
    x, t = tiny_mnist()
    events, paths = run(iterate_paths(x, t, {"sgd": SGD(lr=0.5)}, iterations=1, batch_size=10, points=1, seed=2))
    assert len(events) == 1 and len(paths.points["sgd"]) == 2
    start = paths.layout.flatten(SimpleConvNet(seed=2).params)
    np.testing.assert_array_equal(paths.points["sgd"][0], start)
    assert not np.array_equal(paths.points["sgd"][1], start)



def test_the_paths_grid_spans_their_coordinates_and_the_centre_with_15_percent_of_the_range_each_side():
    """α from −2 to 4 (a range of 6: 0.9 more each side), β from 0 (the centre) to 3 (0.45 more)."""
    coords = {"SGD": np.array([[-2.0, 1.0], [4.0, 3.0]]), "Adam": np.array([[1.0, 2.0]])}
    alphas, betas = grid_for("paths", coords, 5)
    np.testing.assert_allclose(alphas, np.linspace(-2.9, 4.9, 5))
    np.testing.assert_allclose(betas, np.linspace(-0.45, 3.45, 5))
    alphas, betas = grid_for("random", coords, 3, span=2.0)
    np.testing.assert_allclose(alphas, [-2, 0, 2])
    np.testing.assert_allclose(betas, [-2, 0, 2])

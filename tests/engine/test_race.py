import numpy as np
import pytest

from engine.events import Diverged, RaceEval, RaceStep
from engine.multi_layer_net import MultiLayerNet
from engine.optimizer import SGD, AdaGrad, Adam, Momentum
from engine.race import OptimizerRace, iterate_race
from engine.util import smooth_curve


def make_optimizers():
    return {"SGD": SGD(0.1), "Momentum": Momentum(0.05), "AdaGrad": AdaGrad(0.05), "Adam": Adam(0.01)}


@pytest.mark.parametrize("activation", ["relu", "sigmoid"])
def test_race_equals_separate_networks(activation):
    rng = np.random.default_rng(0)
    x = rng.standard_normal((32, 20))
    t = rng.integers(0, 5, 32)
    race = OptimizerRace(make_optimizers(), 20, [16, 12], 5, activation=activation,
                         weight_init_std="he" if activation == "relu" else "xavier", seed=7, dtype=np.float64)
    solo_opts = make_optimizers()
    solos = [MultiLayerNet(20, [16, 12], 5, activation, "he" if activation == "relu" else "xavier",
                           dtype=np.float64, seed=7 + i) for i in range(4)]
    for _ in range(3):
        losses = race.step(x, t)
        for k, opt in enumerate(solo_opts.values()):
            grads = solos[k].gradient(x, t)
            assert losses[k] == pytest.approx(solos[k].last_loss, rel=1e-12)
            opt.update(solos[k].params, grads)
    for k, net in enumerate(solos):
        for key, value in net.params.items():
            np.testing.assert_allclose(race.params[k][key], value, rtol=1e-10, atol=1e-12, err_msg=key)
    acc = race.accuracy(x, t)
    assert acc.shape == (4,)
    assert acc[3] == pytest.approx(solos[3].accuracy(x, t))


def test_race_params_are_views_of_the_flat_rows():
    race = OptimizerRace(make_optimizers(), 6, [4], 3, seed=0)
    k = race.names.index("AdaGrad")
    before = race.params[k]["W1"].copy()
    assert np.shares_memory(race.params[k]["W1"], race.theta)
    race.step(np.ones((5, 6)), np.zeros(5, dtype=int))
    assert race.theta.dtype == np.float32
    assert not np.array_equal(race.params[k]["W1"], before)  # the view saw the update
    # Every network's params are one contiguous row: W1 b1 W2 b2 in that order.
    row = race.theta[k]
    np.testing.assert_array_equal(row[:24], race.params[k]["W1"].ravel())
    np.testing.assert_array_equal(row[24:28], race.params[k]["b1"])
    np.testing.assert_array_equal(row[28:40], race.params[k]["W2"].ravel())
    np.testing.assert_array_equal(row[40:], race.params[k]["b2"])


def separable_data(n=400, d=8, classes=3, seed=0):
    """Gaussian blobs around distinct centres: any sane optimizer learns them."""
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((classes, d)) * 3
    t = rng.integers(0, classes, n)
    return (centres[t] + rng.standard_normal((n, d))).astype(np.float32), t


def test_iterate_race_follows_the_books_loop_and_learns():
    x, t = separable_data()
    race = OptimizerRace(make_optimizers(), 8, [16, 16], 3, seed=0)
    events = list(iterate_race(race, x[:300], t[:300], x[300:], t[300:], iterations=60, batch_size=32,
                               eval_every=25, seed=1))
    steps = [e for e in events if isinstance(e, RaceStep)]
    evals = [e for e in events if isinstance(e, RaceEval)]
    assert [e.iteration for e in steps] == list(range(1, 61)) and {e.iterations for e in steps} == {60}
    assert [e.iteration for e in evals] == [25, 50, 60]  # and always at the end
    assert all(e.losses.shape == (4,) for e in steps)
    first = np.mean([e.losses for e in steps[:5]], axis=0)
    last = np.mean([e.losses for e in steps[-5:]], axis=0)
    assert np.all(last < first)
    assert np.all(evals[-1].test_acc > 0.9)


def test_iterate_race_draws_the_same_batches_as_a_hand_loop():
    x, t = separable_data()
    a = OptimizerRace(make_optimizers(), 8, [6], 3, seed=2, dtype=np.float64)
    b = OptimizerRace(make_optimizers(), 8, [6], 3, seed=2, dtype=np.float64)
    list(iterate_race(a, x, t, iterations=5, batch_size=16, seed=9))
    rng = np.random.default_rng(9)
    for _ in range(5):
        idx = rng.choice(len(x), 16)
        b.step(x[idx], t[idx])
    np.testing.assert_array_equal(a.theta, b.theta)


def test_a_batch_larger_than_the_training_set_draws_as_many_images_as_there_are():
    """Seven images and a batch of 100: each step draws seven (with replacement, as the book's np.random.choice)."""
    x, t = separable_data()
    x, t = x[:7], t[:7]
    a = OptimizerRace(make_optimizers(), 8, [6], 3, seed=2, dtype=np.float64)
    b = OptimizerRace(make_optimizers(), 8, [6], 3, seed=2, dtype=np.float64)
    seen = []
    step = a.step
    a.step = lambda xb, tb: seen.append(len(xb)) or step(xb, tb)
    list(iterate_race(a, x, t, iterations=3, batch_size=100, seed=9))
    assert seen == [7, 7, 7]
    rng = np.random.default_rng(9)
    for _ in range(3):
        idx = rng.choice(7, 7)
        b.step(x[idx], t[idx])
    np.testing.assert_array_equal(a.theta, b.theta)


def test_iterate_race_transform_gives_the_same_race():
    x, t = separable_data()
    stored = np.round(np.clip(x * 10 + 128, 0, 255)).astype(np.uint8)
    a = OptimizerRace(make_optimizers(), 8, [6], 3, seed=4)
    b = OptimizerRace(make_optimizers(), 8, [6], 3, seed=4)
    ea = list(iterate_race(a, stored.astype(np.float32) / 255, t, stored.astype(np.float32) / 255, t, iterations=20,
                           eval_every=10, seed=5))
    eb = list(iterate_race(b, stored, t, stored, t, iterations=20, eval_every=10, seed=5,
                           transform=lambda v: v.astype(np.float32) / 255))
    np.testing.assert_array_equal(a.theta, b.theta)
    np.testing.assert_array_equal(ea[-1].test_acc, eb[-1].test_acc)


def test_iterate_race_stops_and_a_diverging_network_drops_out_while_the_others_go_on():
    x, t = separable_data()
    calls = []
    race = OptimizerRace(make_optimizers(), 8, [6], 3, seed=0)
    gen = iterate_race(race, x, t, iterations=100, should_stop=lambda: len(calls) >= 3)
    for _ in gen:
        calls.append(1)
    assert len(calls) == 3
    wild = OptimizerRace({"SGD": SGD(0.05), "Adam": Adam(1e30)}, 8, [6], 3, seed=0)
    events = list(iterate_race(wild, x, t, x, t, iterations=40, eval_every=20))
    diverged = [e for e in events if isinstance(e, Diverged)]
    assert [e.name for e in diverged] == ["Adam"] and diverged[0].iteration <= 3
    steps = [e for e in events if isinstance(e, RaceStep)]
    assert len(steps) == 40  # SGD raced on to the end
    assert all(np.isnan(e.losses[1]) for e in steps[diverged[0].iteration - 1 :])
    assert all(np.isfinite(e.losses[0]) for e in steps)
    last_eval = [e for e in events if isinstance(e, RaceEval)][-1]
    assert np.isnan(last_eval.test_acc[1]) and last_eval.test_acc[0] > 0.8
    everyone = OptimizerRace({"SGD": SGD(1e30), "Adam": Adam(1e30)}, 8, [6], 3, seed=0)
    with pytest.raises(FloatingPointError, match="every network"):
        list(iterate_race(everyone, x, t, iterations=50))


def test_smooth_curve_is_the_books_moving_average():
    ramp = np.arange(40.0)
    np.testing.assert_allclose(smooth_curve(ramp)[5:-5], ramp[5:-5])  # a line stays a line inside
    np.testing.assert_allclose(smooth_curve(np.full(30, 2.5)), 2.5)
    noisy = np.random.default_rng(0).standard_normal(500)
    assert smooth_curve(noisy).shape == (500,) and smooth_curve(noisy).std() < 0.5 * noisy.std()
    # Against the definition: a Kaiser-weighted average of the 11 neighbours, at an inner point.
    w = np.kaiser(11, 2)
    assert smooth_curve(noisy)[100] == pytest.approx(np.dot(w / w.sum(), noisy[95:106]))


def test_the_race_defaults_are_the_books_optimizer_compare_mnist():
    """optimizer_compare_mnist.py: batch_size = 128, max_iterations = 2000."""
    from .test_book_definitions import defaults_of

    defaults = defaults_of(iterate_race)
    assert (defaults["batch_size"], defaults["iterations"]) == (128, 2000)


def test_a_race_built_without_a_seed_is_the_seed_0_race_of_relu_networks_with_he_weights():
    a = OptimizerRace({"SGD": SGD()}, 6, [5], 3)
    b = OptimizerRace({"SGD": SGD()}, 6, [5], 3, seed=0, activation="relu", weight_init_std="relu")
    c = OptimizerRace({"SGD": SGD()}, 6, [5], 3, seed=1)
    for key in a.params[0]:
        np.testing.assert_array_equal(a.params[0][key], b.params[0][key])
    assert not np.array_equal(a.params[0]["W1"], c.params[0]["W1"])
    assert a.params[0]["W1"].dtype == np.float32
    assert np.sqrt(2 / 6) * 0.7 < a.params[0]["W1"].std() < np.sqrt(2 / 6) * 1.3  # He: sqrt(2 / fan-in)

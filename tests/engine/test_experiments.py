"""Chapter 6's experiments (engine/experiments.py) against the book's scripts, written out as loops."""

import math

import numpy as np
import pytest

from engine.events import OverfitEpoch
from engine.experiments import (
    ACTIVATIONS,
    activation_histograms,
    init_std,
    iterate_overfitting,
    overfitting_network,
)
from engine.layers import Dropout


@pytest.mark.parametrize("init, fan_in, expected", [("1", 100, 1.0), ("0.01", 100, 0.01), ("xavier", 100, 0.1),
                                                     ("xavier", 25, 0.2), ("he", 100, math.sqrt(0.02)),
                                                     ("he", 8, 0.5)])
def test_initial_standard_deviations_are_the_books(init, fan_in, expected):
    assert init_std(init, fan_in) == pytest.approx(expected)


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu"])
@pytest.mark.parametrize("init", ["1", "0.01", "xavier", "he"])
def test_activation_histograms_are_the_books_loop(activation, init):
    """weight_init_activation_histogram.py: x = randn(1000, 100); five times a = f(x @ w), w ~ N(0, std²)."""
    got = activation_histograms(activation, init, samples=50, nodes=20, layers=4, seed=3)
    rng = np.random.default_rng(3)
    x = rng.standard_normal((50, 20))
    std = {"1": 1.0, "0.01": 0.01, "xavier": 1 / math.sqrt(20), "he": math.sqrt(2 / 20)}[init]
    f = {"sigmoid": lambda z: 1 / (1 + np.exp(-z)), "tanh": np.tanh, "relu": lambda z: np.where(z > 0, z, 0.0)}
    assert len(got) == 4
    for layer in got:
        x = f[activation](x @ (rng.standard_normal((20, 20)) * std))
        np.testing.assert_allclose(layer, x, rtol=1e-12, atol=1e-15)


def test_the_lectures_pictures_std_1_saturates_sigmoid_std_0_01_collapses_he_keeps_relu_spread():
    sig_1 = activation_histograms("sigmoid", "1")[-1]
    sig_small = activation_histograms("sigmoid", "0.01")[-1]
    relu_he = activation_histograms("relu", "he")
    relu_xavier = activation_histograms("relu", "xavier")
    assert np.mean((sig_1 < 0.05) | (sig_1 > 0.95)) > 0.5  # most near 0 or 1: vanishing gradients
    assert sig_small.std() < 0.02 and abs(sig_small.mean() - 0.5) < 0.01  # all alike: no expressiveness
    assert relu_he[-1].std() > 0.5 * relu_he[0].std()  # He keeps the spread through five ReLU layers
    assert relu_xavier[-1].std() < 0.5 * relu_xavier[0].std()  # Xavier lets it shrink (the book's figure)
    with pytest.raises(ValueError, match="activation"):
        activation_histograms("softplus")
    with pytest.raises(ValueError, match="init"):
        init_std("lecun", 10)
    assert set(ACTIVATIONS) == {"sigmoid", "tanh", "relu"}


def test_the_overfitting_network_is_the_books_with_weight_decay_and_dropout():
    net = overfitting_network(weight_decay_lambda=0.1, dropout_ratio=0.2, seed=0)
    assert [net.params[f"W{i}"].shape for i in range(1, 8)] == [(784, 100)] + [(100, 100)] * 5 + [(100, 10)]
    assert net.weight_decay_lambda == 0.1
    drops = [layer for layer in net.layers.values() if isinstance(layer, Dropout)]
    assert len(drops) == 6 and all(d.dropout_ratio == 0.2 for d in drops)
    assert not any(isinstance(layer, Dropout) for layer in overfitting_network(seed=0).layers.values())
    he = np.sqrt(2 / 784)  # He's initialisation for ReLU, as the book's weight_init_std='relu'
    assert net.params["W1"].std() == pytest.approx(he, rel=0.05)


def small_set(n, seed):
    rng = np.random.default_rng(seed)
    t = rng.integers(0, 10, n)
    x = rng.random((n, 784)).astype(np.float32) * 0.3
    x[np.arange(n), t * 70] = 1.0  # learnable: one bright pixel per class
    return x, t


@pytest.mark.parametrize("decay, dropout", [(0.0, 0.0), (0.3, 0.0), (0.0, 0.25)])
def test_overfitting_runs_the_books_loop(decay, dropout):
    """overfit_weight_decay.py: measure, then train_size / batch_size updates on batches drawn with
    replacement, SGD; measured before the first update and after every epoch."""
    (x, t), (xt, tt) = small_set(40, 1), small_set(15, 2)
    hidden = (12, 12)
    events = list(iterate_overfitting(x, t, xt, tt, train_size=30, weight_decay_lambda=decay, dropout_ratio=dropout,
                                      epochs=4, batch_size=10, lr=0.1, seed=5, hidden=hidden))
    net = overfitting_network(decay, dropout, seed=5, hidden=hidden)
    rng = np.random.default_rng(5)
    expected = []
    for epoch in range(5):
        expected.append((epoch, net.accuracy(x[:30], t[:30]), net.accuracy(xt, tt)))
        if epoch == 4:
            break
        for _ in range(3):  # 30 images / batches of 10
            batch = rng.choice(30, 10)
            grads = net.gradient(x[:30][batch], t[:30][batch])
            for key in net.params:
                net.params[key] -= 0.1 * grads[key]
    assert [(e.epoch, e.train_acc, e.test_acc) for e in events] == expected
    assert all(isinstance(e, OverfitEpoch) and e.epochs == 4 for e in events)
    assert events[-1].train_acc > events[0].train_acc  # it learns


def test_overfitting_stops_when_asked_and_converts_uint8_images_batch_by_batch():
    (x, t), (xt, tt) = small_set(40, 1), small_set(15, 2)
    as_uint8 = (x * 255).astype(np.uint8)
    seen = []

    def transform(a):
        seen.append(a.dtype)
        return a.astype(np.float32) / 255

    calls = iter([False, False, True])
    events = list(iterate_overfitting(as_uint8, t, (xt * 255).astype(np.uint8), tt, train_size=20, epochs=10,
                                      batch_size=10, hidden=(8,), transform=transform,
                                      should_stop=lambda: next(calls)))
    assert [e.epoch for e in events] == [0, 1] and seen == [np.uint8, np.uint8]


def test_init_compare_is_the_books_loop():
    """weight_init_compare.py: three 784-100x4-10 networks (std 0.01, Xavier 'sigmoid', He 'relu'), one batch
    drawn for all per step, SGD; the loss recorded after each network's update."""
    from engine.experiments import iterate_init_compare
    from engine.multi_layer_net import MultiLayerNet

    x, t = small_set(60, 3)
    steps = list(iterate_init_compare(x, t, iterations=4, batch_size=16, lr=0.05, seed=2))
    nets = [MultiLayerNet(784, [100] * 4, 10, weight_init_std=std, seed=2) for std in (0.01, "sigmoid", "relu")]
    rng = np.random.default_rng(2)
    for k, step in enumerate(steps, start=1):
        batch = rng.choice(60, 16)
        expected = []
        for net in nets:
            grads = net.gradient(x[batch], t[batch])
            for key in net.params:
                net.params[key] -= 0.05 * grads[key]
            expected.append(net.loss(x[batch], t[batch]))
        assert (step.iteration, step.iterations) == (k, 4)
        np.testing.assert_allclose(step.losses, expected, rtol=1e-6)
    first_w1 = [np.std(n.params["W1"]) for n in nets]
    assert first_w1[0] < first_w1[1] < first_w1[2]  # 0.01 < 1/sqrt(784) < sqrt(2/784), roughly


def test_batchnorm_runs_the_books_loop_at_every_scale():
    """batch_norm_test.py: per scale a network with BN and one without, SGD on the same batches; both
    measured on the training images after the first update of every epoch."""
    from engine.experiments import iterate_batchnorm
    from engine.multi_layer_net_extend import MultiLayerNetExtend

    x, t = small_set(50, 4)
    scales, hidden = (1.0, 0.05), (8, 8)
    events = list(iterate_batchnorm(x, t, weight_scales=scales, train_size=40, epochs=3, batch_size=10, lr=0.1,
                                    seed=6, hidden=hidden))
    expected = []
    for run, scale in enumerate(scales):
        rng = np.random.default_rng(6)
        nets = [MultiLayerNetExtend(784, list(hidden), 10, weight_init_std=scale, use_batchnorm=bn,
                                    dtype=np.float32, seed=6) for bn in (False, True)]
        for i in range(12):  # 3 epochs of 40 / 10 updates
            batch = rng.choice(40, 10)
            with np.errstate(over="ignore", invalid="ignore"):
                for net in nets:
                    grads = net.gradient(x[:40][batch], t[:40][batch])
                    for key in net.params:
                        net.params[key] -= 0.1 * grads[key]
            if i % 4 == 0:
                expected.append((run, scale, i // 4 + 1, nets[0].accuracy(x[:40], t[:40]),
                                 nets[1].accuracy(x[:40], t[:40])))
    assert [(e.run, e.scale, e.epoch, e.plain_acc, e.bn_acc) for e in events] == expected
    assert all(e.runs == 2 and e.epochs == 3 for e in events)


def test_hyperparameter_search_draws_log_uniformly_and_never_trains_on_its_validation_images():
    from engine.experiments import iterate_hyperparameter_search

    x, t = small_set(80, 5)
    x[60:] = np.nan  # beyond train_size: must never be read
    seen = []

    def transform(a):
        seen.append(a.copy())
        return a

    trials = list(iterate_hyperparameter_search(x, t, trials=12, train_size=60, validation_rate=0.25, epochs=2,
                                                seed=1, hidden=(6,), transform=transform))
    assert [tr.index for tr in trials] == list(range(12)) and all(tr.trials == 12 for tr in trials)
    assert all(1e-6 <= tr.lr <= 1e-2 and 1e-8 <= tr.weight_decay <= 1e-4 for tr in trials)
    assert all(len(tr.val_acc) == 2 and len(tr.train_acc) == 2 for tr in trials)
    accs = {round(a * 15) / 15 for tr in trials for a in tr.val_acc}  # 15 validation images: multiples of 1/15
    assert all(abs(a * 15 - round(a * 15)) < 1e-9 for tr in trials for a in tr.val_acc) and accs
    (used,) = seen
    assert used.shape == (60, 784) and np.isfinite(used).all()
    lrs = np.log10([tr.lr for tr in trials])
    assert lrs.max() - lrs.min() > 1.5  # spread over the range, not stuck in one corner
    stops = iter([False] * 5 + [True] * 100)
    assert len(list(iterate_hyperparameter_search(x, t, trials=12, train_size=60, epochs=2, hidden=(6,),
                                                  should_stop=lambda: next(stops)))) < 12


def test_each_trial_trains_on_the_rest_and_scores_on_the_validation_images(monkeypatch):
    from engine import experiments

    x, t = small_set(60, 7)
    given = []
    real = experiments.iterate_training

    def spy(net, x_fit, t_fit, x_val, t_val, **kwargs):
        given.append((x_fit.copy(), x_val.copy(), kwargs["epochs"], kwargs["mini_batch_size"]))
        return real(net, x_fit, t_fit, x_val, t_val, **kwargs)

    monkeypatch.setattr(experiments, "iterate_training", spy)
    list(experiments.iterate_hyperparameter_search(x, t, trials=2, train_size=60, validation_rate=0.2, epochs=1,
                                                   hidden=(6,)))
    for x_fit, x_val, epochs, batch in given:
        assert x_fit.shape == (48, 784) and x_val.shape == (12, 784) and (epochs, batch) == (1, 100)
        rows = {row.tobytes() for row in x_fit}
        assert not any(row.tobytes() in rows for row in x_val)  # disjoint
        assert len(rows | {row.tobytes() for row in x_val}) == 60  # together: the 60 images
    given.clear()  # fewer images than train_size: the split is a share of what there is (50 → 10 + 40)
    list(experiments.iterate_hyperparameter_search(x[:50], t[:50], trials=1, train_size=500, validation_rate=0.2,
                                                   epochs=1, hidden=(6,)))
    ((x_fit, x_val, _, _),) = given
    assert x_val.shape == (10, 784) and x_fit.shape == (40, 784)


def test_the_init_comparison_draws_the_books_batches_of_128_for_2000_iterations_at_sgd_001():
    """weight_init_compare.py: batch_size = 128, max_iterations = 2000, SGD(lr=0.01)."""
    from engine.experiments import iterate_init_compare

    from .test_book_definitions import defaults_of

    defaults = defaults_of(iterate_init_compare)
    assert (defaults["batch_size"], defaults["iterations"], defaults["lr"]) == (128, 2000, 0.01)
    x, t = small_set(300, 3)
    sizes = []
    steps = list(iterate_init_compare(x, t, iterations=2, transform=lambda a: sizes.append(len(a)) or a))
    assert sizes == [128, 128] and len(steps) == 2

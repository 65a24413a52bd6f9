import numpy as np
import pytest

from engine.multi_layer_net import MultiLayerNet
from engine.optimizer import SGD, AdaGrad, Adam, Momentum
from engine.race import OptimizerRace


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

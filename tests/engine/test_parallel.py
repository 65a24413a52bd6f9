"""Data-parallel gradients equal the whole batch's; the automatic thread count follows the clock."""

import numpy as np
import pytest

from engine.parallel import DataParallel, replica
from engine.simple_convnet import SimpleConvNet
from engine.trainer import Trainer

from .test_deep_convnet import small_net


def small_simple(seed=0):
    net = SimpleConvNet(input_dim=(2, 9, 7), conv_param={"filter_num": 3, "filter_size": 3, "pad": 1, "stride": 1},
                        hidden_size=6, output_size=4, weight_init_std=0.5, dtype=np.float64, seed=seed)
    for key, value in net.params.items():
        if key.startswith("b"):
            value[...] = 0.2 * np.random.default_rng(seed).standard_normal(value.shape)
    return net


@pytest.mark.parametrize("threads", [2, 3])
@pytest.mark.parametrize("make", [small_simple, lambda: small_net(4, dropout_ratio=0.0)])
def test_split_batch_gives_the_whole_batch_gradient(make, threads):
    rng = np.random.default_rng(1)
    net = make()
    x = rng.standard_normal((11, *net.input_dim))  # 11 does not split evenly
    t = rng.integers(0, net.output_size, 11)
    expected = net.gradient(x, t)
    expected = {k: v.copy() for k, v in expected.items()}
    loss = net.last_loss
    par = DataParallel(net, threads=threads)
    got = par.gradient(x, t)
    assert set(got) == set(expected)
    for key in expected:
        np.testing.assert_allclose(got[key], expected[key], rtol=1e-10, atol=1e-13, err_msg=key)
    assert par.last_loss == pytest.approx(loss, rel=1e-12)
    par.close()


@pytest.mark.parametrize("threads", [1, 2])
@pytest.mark.parametrize("make", [small_simple, lambda: small_net(4, dropout_ratio=0.0)])
def test_sub_batches_give_the_whole_batch_gradient(make, threads):
    """Pieces of at most 3 images (11 = 3+3+3+2 or per thread 6 = 3+3, 5 = 3+2), weighted by size."""
    rng = np.random.default_rng(2)
    net = make()
    x = rng.standard_normal((11, *net.input_dim))
    t = rng.integers(0, net.output_size, 11)
    expected = {k: v.copy() for k, v in net.gradient(x, t).items()}
    loss = net.last_loss
    par = DataParallel(net, threads=threads, sub_batch=3)
    calls = []
    original = net.gradient
    net.gradient = lambda xs, ts: calls.append(len(xs)) or original(xs, ts)
    got = par.gradient(x, t)
    assert calls and max(calls) <= 3  # the network itself never saw more than a piece
    for key in expected:
        np.testing.assert_allclose(got[key], expected[key], rtol=1e-10, atol=1e-13, err_msg=key)
    assert par.last_loss == pytest.approx(loss, rel=1e-12)
    par.close()
    with pytest.raises(ValueError, match="sub_batch"):
        DataParallel(net, threads=1, sub_batch=0)


def test_replicas_share_the_parameters_but_not_the_layers():
    net = small_simple()
    twin = replica(net)
    assert twin.params is net.params and twin.params["W1"] is net.params["W1"]
    assert twin.layers["Affine1"] is not net.layers["Affine1"]
    assert twin.layers["Affine1"].W is net.params["W2"]


def on_a_fake_clock(cost):
    """A two-thread automatic stepper whose steps take ``cost[threads]`` seconds of a fake clock; returns
    (stepper, x, t, the thread counts used, step by step)."""
    net = small_simple()
    x = np.random.default_rng(2).standard_normal((8, *net.input_dim))
    t = np.arange(8) % 4
    now = [0.0]
    par = DataParallel(net, threads=2, probe_every=5, clock=lambda: now[0])
    par.auto = True  # a fixed count of 2 with the automatic choice
    used = []
    original = par._gradient

    def timed(x, t, k):
        used.append(k)
        now[0] += cost[k]
        return original(x, t, k)

    par._gradient = timed
    return par, x, t, used


def test_auto_uses_the_faster_and_keeps_probing():
    cost = {1: 1.0, 2: 3.0}  # two threads are slower here (a busy machine)
    par, x, t, used = on_a_fake_clock(cost)
    for _ in range(20):
        par.gradient(x, t)
    assert used[:2] == [1, 2]  # both measured first
    assert used[2:].count(2) <= 4 and par.threads_in_use == 1  # then one thread, probing two now and then
    cost.update({1: 3.0, 2: 1.0})  # the machine became idle: two threads win after the next probes
    for _ in range(40):
        par.gradient(x, t)
    assert par.threads_in_use == 2 and used[-5:].count(2) >= 4
    par.close()


def test_trainer_through_it_follows_the_same_path_as_one_thread():
    rng = np.random.default_rng(3)
    t = rng.integers(0, 3, 60)
    x = rng.random((60, 1, 8, 8))

    def run(wrap):
        net = SimpleConvNet(input_dim=(1, 8, 8), conv_param={"filter_num": 4, "filter_size": 3, "pad": 0,
                            "stride": 1}, hidden_size=8, output_size=3, weight_init_std=0.3, dtype=np.float64, seed=0)
        trainer = Trainer(wrap(net), x, t, x, t, epochs=3, mini_batch_size=20, optimizer="Adam",
                          optimizer_param={"lr": 0.01}, verbose=False, seed=0)
        trainer.train()
        return trainer.train_loss_list, net.params["W1"]

    plain_losses, plain_W1 = run(lambda net: net)
    par_losses, par_W1 = run(lambda net: DataParallel(net, threads=2))
    assert len(par_losses) == 9 and par_losses[-1] < par_losses[0]
    np.testing.assert_allclose(par_losses, plain_losses, rtol=1e-9)
    np.testing.assert_allclose(par_W1, plain_W1, rtol=1e-9, atol=1e-12)


def test_workers_follow_the_callers_floating_point_error_handling():
    net = small_simple()
    net.params["W2"][...] = 1e308  # overflows in the first affine layer
    x = np.ones((8, *net.input_dim))
    par = DataParallel(net, threads=2)
    with np.errstate(over="raise", invalid="raise"), pytest.raises(FloatingPointError):
        par.gradient(x, np.arange(8) % 4)
    par.close()


def test_auto_probes_every_fifth_step_and_averages_with_a_fifth_for_the_newest():
    cost = {1: 1.0, 2: 3.0}
    par, x, t, used = on_a_fake_clock(cost)
    for _ in range(12):
        par.gradient(x, t)
    # steps 0 and 1 measure each way; then the faster (one thread), and the other at steps 5, 10, ...
    assert used == [1, 2, 1, 1, 1, 2, 1, 1, 1, 1, 2, 1]
    assert par.step_time == pytest.approx({1: 1.0, 2: 3.0})
    cost[1] = 2.0
    par.gradient(x, t)  # step 12: one thread, now taking 2 s
    assert par.step_time[1] == pytest.approx(0.8 * 1.0 + 0.2 * 2.0)
    par.close()


@pytest.mark.parametrize("threads, sizes", [(2, [5, 6]), (3, [3, 4, 4])])
def test_every_thread_gets_its_share_of_the_batch(threads, sizes):
    """11 images on ``threads`` replicas: cut at round-down multiples of 11/threads, one piece each."""
    net = small_simple()
    rng = np.random.default_rng(3)
    x, t = rng.standard_normal((11, *net.input_dim)), rng.integers(0, net.output_size, 11)
    par = DataParallel(net, threads=threads)
    seen = []
    for rep in par.replicas:
        real = rep.gradient
        rep.gradient = lambda xs, ts, real=real: seen.append(len(xs)) or real(xs, ts)
    par.gradient(x, t)
    par.close()
    assert sorted(seen) == sizes and len(par.replicas) == threads

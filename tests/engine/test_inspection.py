"""Receptive fields, input gradients, top images and activation maximisation, against definitions."""

import numpy as np
import pytest

from engine.deep_convnet import DeepConvNet
from engine.features import (
    chance_agreement,
    channel_maxima,
    crop,
    label_agreement,
    layer_agreement,
    top_images,
    top_patches,
)
from engine.receptive_field import layer_geometry
from engine.simple_convnet import SimpleConvNet
from engine.visualize import (
    forward_to,
    input_gradient,
    maximize_activation,
    occlusion,
    saliency,
    unit_weights,
)

from . import oracles
from .test_deep_convnet import SMALL, small_net


def test_deep_convnet_receptive_fields_by_hand():
    net = DeepConvNet(seed=0)
    geo = {g.name: g for g in layer_geometry(net.inspection_layers(), net.input_dim)}
    # 3 | +2 | +2, pool doubles the step | +4 | +4 | pool | +8 | +8 (3x3 kernels, pads 1 1 1 2 1 1)
    assert [geo[f"Conv{i}"].size[0] for i in range(1, 7)] == [3, 5, 10, 14, 24, 32]
    assert [geo[f"Pool{i}"].size[0] for i in range(1, 4)] == [6, 16, 36]
    assert [geo[f"Conv{i}"].jump[0] for i in range(1, 7)] == [1, 1, 2, 2, 4, 4]
    assert geo["Conv4"].start == (-8, -8)  # -1 -1 (conv1, conv2) -2 (conv3, jump 2) -4 (pad 2, jump 2)
    assert geo["Conv4"].shape == (32, 16, 16) and geo["Affine1"].size is None
    assert geo["Conv4"].box(3, 5) == (-8 + 6, -8 + 10, -8 + 6 + 14, -8 + 10 + 14)
    assert geo["Conv4"].box(0, 15, input_hw=(28, 28)) == (0, 22, 6, 28)
    assert geo["Conv4"].window_below(3, 5) == (3 - 2, 5 - 2, 3 + 1, 5 + 1)
    assert geo["Pool2"].window_below(3, 5) == (6, 10, 8, 12)


def test_simple_convnet_receptive_field():
    net = SimpleConvNet(seed=0)
    geo = {g.name: g for g in layer_geometry(net.inspection_layers(), net.input_dim)}
    assert geo["Conv1"].size == (5, 5) and geo["Pool1"].size == (6, 6) and geo["Pool1"].jump == (2, 2)
    assert geo["Pool1"].shape == (30, 12, 12) and geo["Affine2"].shape == (10,)
    kinds = [g.kind for g in layer_geometry(net.inspection_layers(), net.input_dim)]
    assert kinds == ["conv", "relu", "pool", "affine", "relu", "affine"]  # the names LayerGeometry.kind documents


def _positive_net(seed):
    """All weights positive and inputs positive: every ReLU passes, so the gradient of a unit reaches
    every pixel it depends on (max pooling picks one of four, so many random inputs are pooled)."""
    net = small_net(seed)
    for key, value in net.params.items():
        value[...] = np.abs(value) + (0.05 if key.startswith("W") else 0.0)
    return net


@pytest.mark.parametrize("layer, unit", [("Conv2", (6, 1)), ("Pool1", (1, 4)), ("Conv4", (5, 2)),
                                         ("Relu5", (2, 0)), ("Conv6", (0, 2))])
def test_receptive_box_is_exactly_where_the_gradient_reaches(layer, unit):
    net = _positive_net(3)
    C, H, W = SMALL["input_dim"]
    geo = {g.name: g for g in layer_geometry(net.inspection_layers(), net.input_dim)}[layer]
    rng = np.random.default_rng(0)
    x = rng.random((60, C, H, W)) + 0.1
    out = forward_to(net, x[:1], layer)
    weights = unit_weights(out.shape, 1 % out.shape[1], unit)
    reached = np.zeros((H, W), dtype=bool)
    for k in range(len(x)):
        _, grad = input_gradient(net, x[k : k + 1], layer, weights)
        reached |= np.abs(grad[0]).sum(axis=0) > 0
    top, left, bottom, right = geo.box(*unit, input_hw=(H, W))
    expected = np.zeros((H, W), dtype=bool)
    expected[top:bottom, left:right] = True
    np.testing.assert_array_equal(reached, expected)


@pytest.mark.parametrize("make", [lambda: small_net(5), lambda: SimpleConvNet(
    input_dim=(2, 9, 7), conv_param={"filter_num": 3, "filter_size": 3, "pad": 1, "stride": 1},
    hidden_size=5, output_size=4, weight_init_std=0.5, dtype=np.float64, seed=1)])
@pytest.mark.parametrize("layer", ["Conv1", "Affine2"])
def test_input_gradient_matches_numerical(make, layer):
    net = make()
    for v in net.params.values():
        if v.ndim == 1:
            v[...] = 0.2 * np.random.default_rng(v.size).standard_normal(v.shape)
    rng = np.random.default_rng(9)
    x = rng.standard_normal((2, *net.input_dim))
    out = forward_to(net, x, layer)
    weights = rng.standard_normal(out.shape)
    values, grad = input_gradient(net, x, layer, weights)
    np.testing.assert_allclose(values, out)

    def f(xx):
        return float(np.sum(weights * forward_to(net, xx, layer)))

    np.testing.assert_allclose(grad, oracles.numerical_grad(f, x.copy()), rtol=1e-5, atol=1e-8)


def test_unknown_layer_names_the_layers():
    with pytest.raises(ValueError, match="no layer 'Conv9'.*Conv1, Relu1"):
        forward_to(SimpleConvNet(seed=0), np.zeros((1, 1, 28, 28)), "Conv9")


def _brute_force_maxima(net, x, layer):
    maps = forward_to(net, x, layer)
    N, C, H, W = maps.shape
    values = np.empty((N, C))
    positions = np.empty((N, C, 2), dtype=int)
    for n in range(N):
        for c in range(C):
            best = None
            for i in range(H):
                for j in range(W):
                    if best is None or maps[n, c, i, j] > best:
                        best, positions[n, c] = maps[n, c, i, j], (i, j)
            values[n, c] = best
    return values, positions


def test_channel_maxima_and_top_images_against_brute_force():
    net = small_net(6)
    rng = np.random.default_rng(2)
    x = rng.random((23, *SMALL["input_dim"]))
    maxima = channel_maxima(net, x, batch_size=5)
    assert maxima.layers == ("Conv1", "Conv2", "Conv3", "Conv4", "Conv5", "Conv6")
    for layer in maxima.layers:
        values, positions = _brute_force_maxima(net, x, layer)
        np.testing.assert_allclose(maxima.values[layer], values)
        np.testing.assert_array_equal(maxima.positions[layer], positions)
        top = top_images(maxima, layer, k=4)
        for c in range(values.shape[1]):
            ranked = sorted(range(len(x)), key=lambda n, c=c: -values[n, c])[:4]
            assert list(top.index[c]) == ranked
            np.testing.assert_allclose(top.values[c], values[ranked, c])
            np.testing.assert_array_equal(top.positions[c], positions[ranked, c])


def test_top_patches_are_the_receptive_field_crops():
    net = small_net(7)
    x = np.random.default_rng(3).random((12, *SMALL["input_dim"]))
    maxima = channel_maxima(net, x, layers=["Conv3"])
    top = top_images(maxima, "Conv3", k=3)
    patches = top_patches(net, top, x)
    geo = {g.name: g for g in layer_geometry(net.inspection_layers(), net.input_dim)}["Conv3"]
    assert patches.shape == (3, 3, 10, 10)
    c, r = 2, 1
    i, j = top.positions[c, r]
    top_, left, bottom, right = geo.box(int(i), int(j))
    padded = np.pad(x[top.index[c, r], 0], 20)
    np.testing.assert_array_equal(patches[c, r], padded[top_ + 20 : bottom + 20, left + 20 : right + 20])


def test_crop_fills_outside_the_image():
    img = np.arange(12.0).reshape(3, 4)
    np.testing.assert_array_equal(crop(img, (-1, 2, 2, 5), fill=-1),
                                  [[-1, -1, -1], [2, 3, -1], [6, 7, -1]])


def test_label_agreement_worked_example():
    labels = np.array([[3, 3, 3, 1, 2, 3, 0, 0, 9],   # four 3s: 4/9
                       [7, 7, 7, 7, 7, 7, 7, 7, 7]])  # 9/9
    assert label_agreement(labels) == pytest.approx((4 / 9 + 1) / 2)


def test_chance_agreement_exact_and_against_simulation():
    assert chance_agreement(k=1) == pytest.approx(1.0)
    assert chance_agreement(k=2) == pytest.approx((0.1 * 2 + 0.9 * 1) / 2)  # a pair matches 10 % of the time
    p = np.array([0.3, 0.2, 0.1, 0.1, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05])
    rng = np.random.default_rng(0)
    draws = rng.choice(10, size=(200_000, 9), p=p)
    counts = np.zeros((len(draws), 10), dtype=int)
    np.add.at(counts, (np.repeat(np.arange(len(draws)), 9), draws.ravel()), 1)
    assert chance_agreement(k=9, class_probs=p) == pytest.approx(counts.max(axis=1).mean() / 9, abs=2e-3)
    assert chance_agreement() == pytest.approx(0.2858, abs=5e-4)


def test_layer_agreement_sees_a_channel_that_tracks_one_label():
    net = SimpleConvNet(input_dim=(1, 6, 6), conv_param={"filter_num": 2, "filter_size": 3, "pad": 0, "stride": 1},
                        hidden_size=3, output_size=2, dtype=np.float64, seed=0)
    net.params["W1"][...] = 0
    net.params["W1"][0, 0, 1, 1] = 1.0  # channel 0: brightness of one pixel
    net.params["W1"][1, 0, 0, 0] = -1.0  # channel 1: darkness
    x = np.zeros((20, 1, 6, 6))
    labels = np.arange(20) % 2
    x[labels == 1, 0, 2, 2] = 1.0  # label 1 images are bright at (2, 2)
    x[:, 0, 2, 2] += np.linspace(0, 0.01, 20)
    agreement = layer_agreement(channel_maxima(net, x), labels, k=9)
    assert agreement["Conv1"] == pytest.approx((9 / 9 + 5 / 9) / 2)


def test_maximize_activation_raises_the_unit_and_is_seeded():
    net = DeepConvNet(seed=0)  # He-initialised: its units respond, as a trained network's do
    for layer, channels in (("Conv3", [0, 5]), ("Affine2", [1, 7])):
        images, values = maximize_activation(net, layer, channels, steps=25, seed=1)
        start, _ = maximize_activation(net, layer, channels, steps=0, seed=1)
        before = forward_to(net, start, layer)
        after = forward_to(net, images, layer)
        for k, c in enumerate(channels):
            unit = (k, c) if after.ndim == 2 else (k, c, after.shape[2] // 2, after.shape[3] // 2)
            assert after[unit] > before[unit] + 0.05, (layer, c, before[unit], after[unit])
            assert values[k] == pytest.approx(after[unit], rel=1e-5)
        assert images.min() >= 0 and images.max() <= 1
        again, _ = maximize_activation(net, layer, channels, steps=25, seed=1)
        np.testing.assert_array_equal(images, again)


def test_maximize_activation_stops_when_asked():
    calls = []
    result = maximize_activation(small_net(1), "Conv2", [0], steps=50,
                                 progress=lambda d, n: calls.append(d), should_stop=lambda: len(calls) >= 3)
    assert result is None and calls == [1, 2, 3]


def test_saliency_and_occlusion_look_where_the_evidence_is():
    # A linear "network" in disguise: one filter that reads only the top-left 3x3 corner.
    net = SimpleConvNet(input_dim=(1, 8, 8), conv_param={"filter_num": 1, "filter_size": 3, "pad": 0, "stride": 1},
                        hidden_size=1, output_size=2, dtype=np.float64, seed=0)
    for v in net.params.values():
        v[...] = 0
    net.params["W1"][0, 0] = 1.0
    net.params["b1"][0] = 0.1
    net.params["W2"][0, 0] = 1.0  # the first pooled position (top-left) feeds the hidden unit
    net.params["W3"][0] = [0.1, -0.1]  # not saturated: covering one pixel changes the probability
    image = np.zeros((8, 8))
    image[0:3, 0:3] = 1.0
    s = saliency(net, image)
    assert s.max() == pytest.approx(1.0)
    assert set(zip(*np.nonzero(s))) <= {(i, j) for i in range(4) for j in range(4)}
    occ = occlusion(net, image, patch=1)
    assert occ.shape == (8, 8) and occ[1, 1] > 0.01 and np.all(occ[5:, 5:] == 0)

"""Definitions the inspection code must meet exactly: accuracy with a partial batch, Dropout after training,
saliency and occlusion against numerical oracles, jitter, ties, and the atlas round trip."""

import numpy as np
import pytest

from engine.atlas import build_atlas, load_atlas, save_atlas
from engine.features import ChannelMaxima, chance_agreement, channel_maxima, layer_agreement, top_images
from engine.layers import Dropout
from engine.receptive_field import layer_geometry
from engine.simple_convnet import SimpleConvNet
from engine.visualize import forward_to, inspect_image, maximize_activation, occlusion, saliency, unit_weights

from . import oracles
from .test_deep_convnet import SMALL, small_net

# --- DeepConvNet -------------------------------------------------------------------------------

def test_fast_false_keeps_the_books_separate_layers():
    names = list(small_net(fast=False).layers)
    assert not any("+" in n for n in names)
    assert {"Conv2", "Relu2", "Pool1"} <= set(names)


@pytest.mark.parametrize("one_hot", [False, True])
def test_accuracy_counts_a_partial_last_batch(one_hot):
    net = small_net(8)
    x = np.random.default_rng(8).standard_normal((7, *SMALL["input_dim"]))
    t = net.predict(x).argmax(axis=1)
    t[0] = (t[0] + 1) % SMALL["output_size"]  # the first answer is wrong, the partial batch (image 6) right
    if one_hot:
        t = np.eye(SMALL["output_size"])[t]
    assert net.accuracy(x, t, batch_size=3) == pytest.approx(6 / 7)
    assert net.accuracy(x, t, batch_size=100) == pytest.approx(6 / 7)


# --- Dropout -----------------------------------------------------------------------------------

def test_dropout_test_time_backward_after_a_training_forward():
    d = Dropout(0.3, rng=0)
    x = np.ones(50)
    d.forward(x)  # training: draws a mask
    np.testing.assert_allclose(d.forward(x, train_flg=False), 0.7 * x)
    np.testing.assert_allclose(d.backward(np.ones(50)), 0.7 * np.ones(50))


# --- receptive fields --------------------------------------------------------------------------

def test_window_below_of_pointwise_and_dense_layers():
    net = small_net()
    geo = {g.name: g for g in layer_geometry(net.inspection_layers(), net.input_dim)}
    assert geo["Relu1"].window_below(2, 3) == (2, 3, 3, 4)
    assert geo["Affine1"].window_below(0, 0) is None


# --- visualize ---------------------------------------------------------------------------------

def _numerical_saliency(net, image, cls):
    x = np.asarray(image, dtype=np.float64).reshape((1, *net.input_dim)).copy()
    g = oracles.numerical_grad(lambda xx: float(forward_to(net, xx, "Affine2")[0, cls]), x)
    s = np.abs(g[0]).max(axis=0)
    return s / s.max()


def test_saliency_is_the_normalised_absolute_gradient_of_the_answer():
    net = small_net(11)
    image = np.random.default_rng(3).standard_normal(SMALL["input_dim"])
    scores = net.predict(image[None])[0]
    answer = int(scores.argmax())
    s = saliency(net, image)
    assert s.min() >= 0
    np.testing.assert_allclose(s, _numerical_saliency(net, image, answer), rtol=1e-5, atol=1e-7)
    for other in range(SMALL["output_size"]):
        np.testing.assert_allclose(saliency(net, image, cls=other), _numerical_saliency(net, image, other),
                                   rtol=1e-5, atol=1e-7)
    # precondition: the classes' saliencies differ here (two hidden units active), so a wrong class shows
    assert not np.allclose(s, saliency(net, image, cls=int(scores.argmin())))


def test_occlusion_against_its_definition_on_a_non_square_image():
    net = SimpleConvNet(input_dim=(1, 7, 9), conv_param={"filter_num": 2, "filter_size": 3, "pad": 1, "stride": 1},
                        hidden_size=4, output_size=3, weight_init_std=0.5, dtype=np.float64, seed=2)
    image = np.random.default_rng(2).random((7, 9))
    patch, half = 3, 1
    base = net.predict_proba(image[None, None])[0]
    cls = int(base.argmax())
    expected = np.empty((7, 9))
    for i in range(7):
        for j in range(9):
            covered = image.copy()
            covered[max(i - half, 0) : i + half + 1, max(j - half, 0) : j + half + 1] = 0.0
            expected[i, j] = base[cls] - net.predict_proba(covered[None, None])[0, cls]
    np.testing.assert_allclose(occlusion(net, image, patch=patch), expected, rtol=1e-10, atol=1e-12)


def test_jitter_moves_the_pixels_the_shifted_unit_saw():
    # Conv1 channel 0 reads exactly one pixel (a delta filter): its centre unit at (4, 4) sees x[4, 4] of
    # the shifted copy, i.e. x[4 - dy, 4 - dx]: jittered ascent raises pixels around the centre, never
    # outside the jitter window, and (with 40 steps) more than the centre alone.
    net = SimpleConvNet(input_dim=(1, 9, 9), conv_param={"filter_num": 1, "filter_size": 3, "pad": 1, "stride": 1},
                        hidden_size=2, output_size=2, dtype=np.float64, seed=0)
    net.params["W1"][...] = 0
    net.params["W1"][0, 0, 1, 1] = 1.0
    kw = dict(jitter=2, blur_every=0, decay=0.0, lr=0.05, seed=3)
    start, _ = maximize_activation(net, "Conv1", [0], steps=0, **kw)
    images, _ = maximize_activation(net, "Conv1", [0], steps=40, **kw)
    changed = images[0, 0] != start[0, 0]
    window = np.zeros((9, 9), dtype=bool)
    window[2:7, 2:7] = True
    assert changed.sum() > 1 and not (changed & ~window).any()


def test_inspect_image_saliency_is_that_of_the_answer():
    net = small_net(12)
    rng = np.random.default_rng(12)
    answers = set()
    for _ in range(6):
        image = rng.standard_normal(SMALL["input_dim"])
        insp = inspect_image(net, image)
        answers.add(insp.answer)
        assert insp.answer == int(net.predict(image[None]).argmax())
        np.testing.assert_allclose(insp.saliency, saliency(net, image), rtol=1e-9, atol=1e-12)
    assert answers - {0}  # some answer is not class 0, so a hard-wired class would show


def test_unit_weights_centre_is_row_then_column():
    w = unit_weights((1, 2, 4, 6), 1)
    assert list(zip(*np.nonzero(w))) == [(0, 1, 2, 3)]


def test_maximize_activation_default_jitter():
    net = small_net(1)
    for layer, jitter in (("Affine2", 2), ("Conv3", 1)):  # dense: 2; Conv3 sees 10 pixels: 10 // 6
        a, _ = maximize_activation(net, layer, [1], steps=4, seed=5)
        b, _ = maximize_activation(net, layer, [1], steps=4, seed=5, jitter=jitter)
        np.testing.assert_array_equal(a, b)


# --- features ----------------------------------------------------------------------------------

def test_top_images_ties_go_to_the_earlier_image():
    values = np.array([[1.0, 5.0], [2.0, 5.0], [2.0, 4.0], [1.0, 5.0]])
    maxima = ChannelMaxima(("L",), {"L": values}, {"L": np.zeros((4, 2, 2), dtype=np.int16)})
    top = top_images(maxima, "L", k=3)
    assert top.index.tolist() == [[1, 2, 0], [0, 1, 3]]


# --- atlas -------------------------------------------------------------------------------------

def test_atlas_build_save_load_round_trip(tmp_path):
    kw = dict(input_dim=(1, 8, 8), conv_param={"filter_num": 3, "filter_size": 3, "pad": 1, "stride": 1},
              hidden_size=4, output_size=10, weight_init_std=0.5, dtype=np.float32)
    net, untrained = SimpleConvNet(seed=1, **kw), SimpleConvNet(seed=4, **kw)  # agreements 1/3 and 1/2
    rng = np.random.default_rng(4)
    images = rng.integers(0, 256, (40, 1, 8, 8)).astype(np.uint8)
    labels = rng.integers(0, 10, 40)
    transform = lambda b: b.astype(np.float32) / 255  # noqa: E731
    atlas = build_atlas(net, images, labels, untrained=untrained, k=4, maximize_steps=2, transform=transform)
    maxima = channel_maxima(net, images, transform=transform)
    top = top_images(maxima, "Conv1", 4)
    la = atlas.layers["Conv1"]
    assert len(atlas.images) < len(images)  # only the used images are kept, so indices must be remapped
    np.testing.assert_array_equal(atlas.images[la.top_index], images[top.index, 0])
    np.testing.assert_array_equal(atlas.labels[la.top_index], labels[top.index])
    for c in range(3):
        for r in range(4):
            np.testing.assert_array_equal(atlas.image("Conv1", c, r), images[top.index[c, r], 0])
    np.testing.assert_array_equal(la.top_positions, top.positions)
    assert atlas.agreement_untrained != atlas.agreement  # precondition: the two networks differ here
    assert atlas.agreement_untrained == pytest.approx(
        layer_agreement(channel_maxima(untrained, images, transform=transform), labels, k=4))
    assert atlas.agreement == pytest.approx(layer_agreement(maxima, labels, k=4))
    # one picture per digit: the ascent on each of the 10 scores, with twice the steps of the channels' ascent
    ideal = maximize_activation(net, "Affine2", np.arange(10), steps=4, seed=0)[0]
    assert atlas.classes.shape == (10, 8, 8)
    np.testing.assert_array_equal(atlas.classes, ideal[:, 0])
    save_atlas(tmp_path / "a.npz", atlas)
    back = load_atlas(tmp_path / "a.npz")
    lb = back.layers["Conv1"]
    np.testing.assert_array_equal(lb.top_index, la.top_index)
    np.testing.assert_array_equal(lb.top_values, la.top_values)
    np.testing.assert_array_equal(lb.top_positions, la.top_positions)
    np.testing.assert_array_equal(back.images, atlas.images)
    np.testing.assert_array_equal(back.labels, atlas.labels)
    np.testing.assert_allclose(lb.maximized, la.maximized, atol=0.5 / 255 + 1e-7)
    np.testing.assert_allclose(back.classes, atlas.classes, atol=0.5 / 255 + 1e-7)
    assert back.agreement == atlas.agreement and back.agreement_untrained == atlas.agreement_untrained
    assert back.chance == atlas.chance and back.fingerprint == atlas.fingerprint


def test_a_broken_atlas_file_is_refused_with_its_name(tmp_path):
    from engine.weights import WeightsFileError

    (tmp_path / "broken.npz").write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(WeightsFileError, match="broken.npz: not a readable atlas"):
        load_atlas(tmp_path / "broken.npz")


# --- added for planted bugs that survived (#15) ---------------------------------------------------


def _influence(chain, input_hw, layer_index, i, j):
    """Input pixels whose change moves unit (i, j) of channel 0 of a layer: found by perturbing each
    pixel of a linear chain (convolutions only), the definition of a receptive field."""
    H, W = input_hw
    base = np.zeros((1, 1, H, W))

    def unit(x):
        for _, layer in chain[: layer_index + 1]:
            x = layer.forward(x)
        return x[0, 0, i, j]

    seen = np.zeros((H, W), dtype=bool)
    for r in range(H):
        for c in range(W):
            x = base.copy()
            x[0, 0, r, c] = 1.0
            seen[r, c] = unit(x) != unit(base)
    return seen


def test_receptive_fields_of_non_square_kernels_against_perturbation():
    from engine.layers import Convolution

    rng = np.random.default_rng(0)
    chain = [("ConvA", Convolution(rng.random((2, 1, 2, 3)) + 0.1, np.zeros(2), stride=1, pad=1)),
             ("ConvB", Convolution(rng.random((1, 2, 3, 2)) + 0.1, np.zeros(1), stride=2, pad=0))]
    geo = layer_geometry(chain, (1, 9, 11))
    assert geo[0].shape == (2, 10, 11) and geo[1].shape == (1, 4, 5)
    assert geo[0].window_below(4, 6) == (3, 5, 5, 8)  # rows 4-1 .. +2, columns 6-1 .. +3
    assert geo[1].window_below(1, 2) == (2, 4, 5, 6)
    for index, (i, j) in ((0, (4, 6)), (0, (0, 0)), (1, (1, 2)), (1, (3, 4))):
        seen = _influence(chain, (9, 11), index, i, j)
        rows, cols = np.flatnonzero(seen.any(axis=1)), np.flatnonzero(seen.any(axis=0))
        expected = (rows[0], cols[0], rows[-1] + 1, cols[-1] + 1)
        assert geo[index].box(i, j, input_hw=(9, 11)) == expected, (index, i, j)


def test_chance_agreement_takes_class_frequencies_in_any_units():
    p = np.array([5, 1, 1, 1, 2, 1, 1, 1, 1, 1], dtype=float)
    assert chance_agreement(9, p * 3) == pytest.approx(chance_agreement(9, p / p.sum()))
    assert chance_agreement(9, np.ones(10)) == pytest.approx(chance_agreement(9))


def test_blur_is_the_binomial_kernel_with_repeated_edges():
    from engine.visualize import _blur

    x = np.random.default_rng(1).random((2, 1, 5, 7))
    k = np.array([1.0, 2.0, 1.0]) / 4
    H, W = x.shape[2:]
    expected = np.zeros_like(x)
    for r in range(H):
        for c in range(W):
            for a in range(3):
                for b in range(3):
                    rr, cc = min(max(r + a - 1, 0), H - 1), min(max(c + b - 1, 0), W - 1)
                    expected[:, :, r, c] += k[a] * k[b] * x[:, :, rr, cc]
    np.testing.assert_allclose(_blur(x), expected, rtol=1e-12)


def test_each_jittered_step_raises_the_pixel_the_shifted_unit_saw(monkeypatch):
    """The unit reads x[3, 3] through an off-centre delta filter; on a copy shifted by (dy, dx) it reads
    x[3 - dy, 3 - dx] of the original — the one pixel one ascent step may change."""
    import engine.visualize as visualize

    net = SimpleConvNet(input_dim=(1, 9, 9), conv_param={"filter_num": 1, "filter_size": 3, "pad": 1, "stride": 1},
                        hidden_size=2, output_size=2, dtype=np.float64, seed=0)
    net.params["W1"][...] = 0
    net.params["W1"][0, 0, 0, 0] = 1.0
    real_roll, shifts = np.roll, []

    def spy(a, shift, axis=None):
        shifts.append(tuple(int(s) for s in np.atleast_1d(shift)))
        return real_roll(a, shift, axis)

    monkeypatch.setattr(visualize.np, "roll", spy)
    moved = 0
    for seed in range(8):
        shifts.clear()
        kw = dict(jitter=2, blur_every=0, decay=0.0, lr=0.05, seed=seed)
        start, _ = maximize_activation(net, "Conv1", [0], steps=0, **kw)
        shifts.clear()
        after, _ = maximize_activation(net, "Conv1", [0], steps=1, **kw)
        dy, dx = shifts[0]
        changed = list(zip(*np.nonzero(after[0, 0] != start[0, 0])))
        assert changed == [(3 - dy, 3 - dx)], (seed, dy, dx)
        moved += (dy, dx) != (0, 0)
    assert moved >= 4


def test_an_atlas_without_an_untrained_network_has_no_untrained_curve_after_loading(tmp_path):
    kw = dict(input_dim=(1, 8, 8), conv_param={"filter_num": 3, "filter_size": 3, "pad": 1, "stride": 1},
              hidden_size=4, output_size=10, weight_init_std=0.5, dtype=np.float32)
    rng = np.random.default_rng(5)
    images, labels = rng.random((30, 1, 8, 8)).astype(np.float32), rng.integers(0, 10, 30)
    atlas = build_atlas(SimpleConvNet(seed=1, **kw), images, labels, k=3, maximize_steps=1)
    save_atlas(tmp_path / "a.npz", atlas)
    loaded = load_atlas(tmp_path / "a.npz")
    assert loaded.agreement_untrained == {} and set(loaded.agreement) == {"Conv1"}


def test_the_ascent_blurs_after_every_fourth_step_not_before_the_first():
    net = small_net(3)
    kw = dict(steps=3, seed=2, jitter=0, decay=0.0)
    np.testing.assert_array_equal(maximize_activation(net, "Conv2", [0], blur_every=4, **kw)[0],
                                  maximize_activation(net, "Conv2", [0], blur_every=0, **kw)[0])
    assert not np.array_equal(maximize_activation(net, "Conv2", [0], blur_every=4, steps=4, seed=2, jitter=0)[0],
                              maximize_activation(net, "Conv2", [0], blur_every=0, steps=4, seed=2, jitter=0)[0])


def test_an_atlas_of_float_images_keeps_them_as_the_nearest_uint8_grey():
    kw = dict(input_dim=(1, 8, 8), conv_param={"filter_num": 3, "filter_size": 3, "pad": 1, "stride": 1},
              hidden_size=4, output_size=10, weight_init_std=0.5, dtype=np.float32)
    rng = np.random.default_rng(6)
    images = (rng.integers(0, 256, (30, 1, 8, 8)) / 255.0 - 0.001).clip(0, 1).astype(np.float32)  # 0.999 of a level
    labels = rng.integers(0, 10, 30)
    atlas = build_atlas(SimpleConvNet(seed=1, **kw), images, labels, k=3, maximize_steps=1)
    rounded = np.round(images[:, 0] * 255).astype(np.uint8)  # truncating would give every pixel one level less
    assert atlas.images.dtype == np.uint8 and len(atlas.images) > 0
    for img in atlas.images:
        assert any(np.array_equal(img, r) for r in rounded)


def test_building_an_atlas_reports_each_stage_counting_up_to_its_total():
    """Each stage counts up without going back and ends at its total; the maximisation counts channels
    across all six convolution layers of a small DeepConvNet, so it ends at their sum."""
    net = small_net(4, input_dim=(1, 8, 10))  # one channel, as the atlas's grey images
    rng = np.random.default_rng(7)
    images, labels = rng.random((30, 1, 8, 10)), rng.integers(0, 4, 30)
    seen = {}
    atlas = build_atlas(net, images, labels, k=3, maximize_steps=2,
                        progress=lambda stage, done, total: seen.setdefault(stage, []).append((done, total)))
    assert set(seen) == {"scan", "maximize", "classes"}
    for stage, reports in seen.items():
        done = [d for d, _ in reports]
        totals = {n for _, n in reports}
        assert len(totals) == 1 and done == sorted(done) and done[-1] == totals.pop(), stage
    channels = sum(la.top_index.shape[0] for la in atlas.layers.values())
    assert len(atlas.layers) == 6 and seen["maximize"][-1] == (channels, channels)


def test_an_ascent_whose_unit_starts_with_every_path_blocked_is_shaken_until_one_opens():
    """Conv1's filters sum nine pixels minus 3: from faint noise every ReLU is off, so Affine1's unit
    gets no gradient and sits at its bias 0. Shaken with noise, a path opens and the ascent climbs."""
    net = SimpleConvNet(input_dim=(1, 8, 8), conv_param={"filter_num": 2, "filter_size": 3, "pad": 0, "stride": 1},
                        hidden_size=3, output_size=2, seed=0)
    net.params["W1"][...] = 1.0
    net.params["b1"][...] = -3.0
    net.params["W2"][...] = np.abs(net.params["W2"]) + 0.1
    net.params["b2"][...] = 0.0
    start = np.random.default_rng(1).random((1, 1, 8, 8)) * 0.05  # as faint as the ascent's own start
    assert forward_to(net, start, "Affine1")[0, 0] == 0  # blocked
    _, values = maximize_activation(net, "Affine1", [0], steps=30, seed=1)
    assert values[0] > 1.0

"""What the engine keeps while it computes — dtypes, shapes, read-only views, refused geometry — each
against a definition or a loop. Found by a fresh planted-bug list (session 6): each of these bugs passed
every other test."""

import math

import numpy as np
import pytest

from engine.functions import softmax_cross_entropy
from engine.layers import Convolution, ConvPoolRelu, Pooling, Relu
from engine.optimizer import BLOCK, SGD, AdaGrad, Adam, Momentum, Nesterov, RMSprop
from engine.util import as_strided, windows


@pytest.mark.parametrize("mode", ["max", "avg"])
def test_pooling_backward_keeps_float32(mode):
    x = np.random.default_rng(0).random((2, 3, 4, 6)).astype(np.float32)
    layer = Pooling(2, 2, stride=2, pad=1, mode=mode)
    out = layer.forward(x)
    dx = layer.backward(np.ones_like(out))
    assert out.dtype == np.float32 and dx.dtype == np.float32


@pytest.mark.parametrize("FH, FW, H, W", [(2, 3, 7, 8), (3, 2, 8, 7), (1, 4, 6, 9)])
def test_fused_conv_pool_with_non_square_filters_is_the_book_chain(FH, FW, H, W):
    """The four shifted filters must be placed with their own height and width."""
    rng = np.random.default_rng(1)
    x = rng.standard_normal((2, 2, H, W))
    Wt, b = rng.standard_normal((3, 2, FH, FW)), rng.standard_normal(3)
    conv, relu, pool = Convolution(Wt, b), Relu(), Pooling(2, 2, stride=2)
    expected = pool.forward(relu.forward(conv.forward(x)))
    fused = ConvPoolRelu(Wt, b)
    np.testing.assert_allclose(fused.forward(x), expected, rtol=1e-12, atol=1e-12)
    dout = rng.standard_normal(expected.shape)
    dx = conv.backward(relu.backward(pool.backward(dout)))
    np.testing.assert_allclose(fused.backward(dout), dx, rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(fused.dW, conv.dW, rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize("H, W", [(6, 7), (7, 6)])
def test_fused_conv_pool_refuses_an_odd_output_in_either_direction(H, W):
    layer = ConvPoolRelu(np.ones((1, 1, 2, 2)), np.zeros(1))  # output (H-1) x (W-1): one of them odd
    with pytest.raises(ValueError, match="even"):
        layer.forward(np.ones((1, 1, H, W)))


def test_cross_entropy_of_one_sample_given_as_a_vector():
    x = np.array([1.0, 2.0, -0.5, 3.0])
    expected = -math.log(math.exp(2.0) / sum(math.exp(v) for v in x))
    assert softmax_cross_entropy(x, 1) == pytest.approx(expected, rel=1e-12)
    assert softmax_cross_entropy(x, np.array([0, 1, 0, 0])) == pytest.approx(expected, rel=1e-12)


OPTIMIZERS = [SGD, Momentum, Nesterov, AdaGrad, RMSprop, Adam]


@pytest.mark.parametrize("make", OPTIMIZERS)
def test_optimizer_state_and_parameters_stay_float32(make):
    rng = np.random.default_rng(2)
    params = {"W": rng.standard_normal((5, 3)).astype(np.float32)}
    opt = make()
    for _ in range(3):
        opt.update(params, {"W": rng.standard_normal((5, 3)).astype(np.float32)})
    assert params["W"].dtype == np.float32
    state = [v for v in vars(opt).values() if isinstance(v, dict)]
    arrays = [a for d in state for a in d.values() if isinstance(a, np.ndarray)]
    assert all(a.dtype == np.float32 for a in arrays), [a.dtype for a in arrays]


@pytest.mark.parametrize("kind", ["read-only", "integer"])
def test_adam_rebinds_a_large_parameter_it_cannot_change_in_place_with_its_shape(kind):
    """Above BLOCK elements Adam updates flat blocks; a parameter it must copy is rebound in its own shape."""
    shape = (BLOCK // 100 + 7, 100)
    rng = np.random.default_rng(3)
    start = rng.integers(-3, 4, shape)
    p = start.astype(np.float64)
    if kind == "read-only":
        p.flags.writeable = False
    else:
        p = start.copy()  # integers: the book passes what it has
    params = {"W": p}
    g = rng.standard_normal(shape)
    Adam(lr=0.01).update(params, {"W": g})
    assert params["W"].shape == shape
    # Adam's first step, from the book's formulas: m = 0.1 g, v = 0.001 g², lr_t = lr √0.001 / 0.1,
    # p -= lr_t m / (√v + 1e-7) = lr g / (|g| + 1e-7/√0.001)
    np.testing.assert_allclose(params["W"], start - 0.01 * g / (np.abs(g) + 1e-7 / math.sqrt(0.001)), rtol=1e-12)


def test_window_views_are_read_only_so_nobody_writes_through_them_into_the_image():
    x = np.arange(2 * 3 * 5 * 6, dtype=np.float64).reshape(2, 3, 5, 6)
    view, oh, ow = windows(x, 2, 3, stride=1, pad=0)
    assert (oh, ow) == (4, 4) and not view.flags.writeable
    with pytest.raises(ValueError):
        view[0, 0, 0, 0, 0, 0] = -1
    assert not as_strided(x, (2, 2), (8, 8)).flags.writeable
    assert not as_strided(np.asfortranarray(x), (2, 2), (8, 8)).flags.writeable


def test_one_image_through_a_simple_convnet_with_an_odd_convolution_output_is_a_row_of_the_batch():
    """A 29x29 input makes a 25x25 convolution output: no fused layer, and no one-image shortcut either."""
    from engine.simple_convnet import SimpleConvNet

    net = SimpleConvNet(input_dim=(1, 29, 29), seed=0)
    rng = np.random.default_rng(4)
    for key in ("b1", "b2", "b3"):
        net.params[key][...] = rng.standard_normal(net.params[key].shape)
    x = rng.random((3, 1, 29, 29), dtype=np.float32)
    assert not net.fast
    np.testing.assert_allclose(net.predict(x[:1]), net.predict(x)[:1], rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(net.predict_proba(x[1:2])[0].sum(), 1.0, rtol=1e-6)


def test_a_float32_multilayer_net_keeps_float32_from_its_biases_to_its_scores():
    from engine.multi_layer_net import MultiLayerNet

    net = MultiLayerNet(784, [20, 20], 10, seed=0)
    assert {p.dtype for p in net.params.values()} == {np.dtype(np.float32)}
    x64 = np.random.default_rng(5).random((4, 784))  # float64, as the book's load_mnist gives
    assert net.predict(x64).dtype == np.float32
    assert {g.dtype for g in net.gradient(x64, np.arange(4)).values()} == {np.dtype(np.float32)}


def test_training_without_an_optimizer_is_the_books_sgd_with_learning_rate_0_01():
    from engine.multi_layer_net import MultiLayerNet
    from engine.trainer import iterate_training

    rng = np.random.default_rng(6)
    x, t = rng.random((10, 8)), rng.integers(0, 3, 10)
    net = MultiLayerNet(8, [5], 3, seed=1, dtype=np.float64)
    twin = MultiLayerNet(8, [5], 3, seed=1, dtype=np.float64)
    grads = twin.gradient(x, t)  # the whole set is one mini-batch: the same batch, whatever the order
    next(iter(iterate_training(net, x, t, epochs=1, mini_batch_size=10, seed=0)))
    for key in net.params:
        np.testing.assert_allclose(net.params[key], twin.params[key] - 0.01 * grads[key], rtol=1e-12, atol=1e-15)


def test_each_thread_of_a_data_parallel_step_draws_its_own_dropout_masks():
    from engine.deep_convnet import DeepConvNet
    from engine.parallel import DataParallel

    stepper = DataParallel(DeepConvNet(seed=0), threads=3, seed=7)
    try:
        masks = []
        for twin in stepper.replicas:
            drop = next(layer for layer in twin.layers.values() if type(layer).__name__ == "Dropout")
            drop.forward(np.ones((4, 50), dtype=np.float32), train_flg=True)
            masks.append(drop.mask.copy())
        assert not np.array_equal(masks[1], masks[2]) and not np.array_equal(masks[0], masks[1])
    finally:
        stepper.close()


def test_a_fixed_thread_count_is_the_count_in_use():
    from engine.parallel import DataParallel
    from engine.simple_convnet import SimpleConvNet

    stepper = DataParallel(SimpleConvNet(seed=0), threads=2)
    try:
        assert stepper.threads_in_use == 2
    finally:
        stepper.close()


def test_test_images_of_another_size_than_the_training_images_are_refused(tmp_path):
    import gzip

    from engine import mnist
    from tests.engine.test_mnist import idx_bytes, write_dataset

    folder = tmp_path / "d"
    write_dataset(folder)
    wider = np.zeros((6, 28, 30), dtype=np.uint8)  # same rows, other columns
    (folder / mnist.FILES["test_img"]).write_bytes(gzip.compress(idx_bytes(wider, mnist.IMAGE_MAGIC)))
    with pytest.raises(mnist.DatasetError, match="training images are"):
        mnist.load_idx_dataset(folder)


def test_one_hot_labels_are_float32_rows_with_a_single_one():
    from engine.mnist import prepare

    x, t = prepare(np.zeros((3, 28, 28), np.uint8), np.array([2, 0, 9], np.uint8), one_hot_label=True)
    assert t.dtype == np.float32 and t.shape == (3, 10)
    np.testing.assert_array_equal(t.argmax(axis=1), [2, 0, 9])
    np.testing.assert_array_equal(t.sum(axis=1), [1, 1, 1])


def test_installed_datasets_lists_only_folders_that_hold_one(tmp_path, monkeypatch):
    from engine import mnist
    from tests.engine.test_mnist import write_dataset

    write_dataset(tmp_path / "fashion")
    (tmp_path / "empty").mkdir()
    monkeypatch.setattr(mnist, "KNOWN_FOLDERS", {"Fashion-MNIST": tmp_path / "fashion", "Other": tmp_path / "empty"})
    assert mnist.installed_datasets() == {"Fashion-MNIST": tmp_path / "fashion"}


def test_a_pickle_with_anything_but_arrays_in_it_is_refused(tmp_path):
    import pickle

    from engine.weights import WeightsFileError, load_pickle_params

    path = tmp_path / "params.pkl"
    path.write_bytes(pickle.dumps({"W1": np.ones((2, 2)), "b1": [0.0, 0.0]}))  # a list where an array belongs
    with pytest.raises(WeightsFileError, match="dict of NumPy arrays"):
        load_pickle_params(path)


def test_a_failed_atomic_write_leaves_no_temporary_file_and_the_old_file_whole(tmp_path, monkeypatch):
    import os

    from engine import weights

    target = tmp_path / "w.npz"
    target.write_bytes(b"old")

    def refuse(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(weights.os, "replace", refuse)
    with pytest.raises(OSError, match="No space"):
        weights.atomic_write_bytes(target, b"new contents")
    assert target.read_bytes() == b"old" and sorted(os.listdir(tmp_path)) == ["w.npz"]


def test_an_infinite_pixel_is_refused_like_a_missing_one():
    from engine.preprocess import mnist_style

    image = np.zeros((30, 30))
    image[10:20, 14:16] = 1.0
    for bad in (np.inf, -np.inf, np.nan):
        broken = image.copy()
        broken[0, 0] = bad
        with pytest.raises(ValueError, match="NaN or infinite"):
            mnist_style(broken)


@pytest.mark.parametrize("shape", [(100, 1), (1, 100)])
def test_a_one_pixel_line_is_scaled_into_the_box_without_losing_its_thin_side(shape):
    from engine.preprocess import mnist_style

    image = np.ones(shape)  # a stroke one pixel wide, 100 long: scaled by 0.2 its width would round to 0
    out = mnist_style(np.pad(image, 5), strokes=False)
    assert out.shape == (28, 28) and out.max() > 0
    long_axis = 0 if shape[0] > shape[1] else 1
    assert np.count_nonzero(out.max(axis=1 - long_axis) > 0) >= 19  # about the 20-pixel box along the line


@pytest.mark.parametrize("formula", ["y**2", "x**2", "sin(y)"])
def test_a_surface_of_one_variable_is_a_surface(formula):
    from engine.surfaces import custom

    surface = custom(formula)
    X, Y, Z = surface.grid(5)
    assert np.ptp(Z) > 0


def test_a_filter_too_wide_for_the_input_names_the_width_formula():
    from engine.conv_trace import ConvTrace

    with pytest.raises(ValueError, match=r"OW = \(W \+ 2P − FW\)|OW ="):
        ConvTrace(np.zeros((1, 1, 6, 3)), np.zeros((1, 1, 2, 5)), np.zeros(1))
    with pytest.raises(ValueError, match=r"OH ="):
        ConvTrace(np.zeros((1, 1, 3, 6)), np.zeros((1, 1, 5, 2)), np.zeros(1))


def test_every_random_quiz_question_has_a_real_input_and_a_whole_answer():
    from engine.conv_trace import output_size_question

    rng = np.random.default_rng(0)
    for k in range(3, 300):
        q = output_size_question(k, rng)
        assert q["H"] >= 1 and q["W"] >= 1 and q["OH"] >= 1 and q["OW"] >= 1
        assert (q["W"] + 2 * q["P"] - q["FW"]) / q["S"] + 1 == q["OW"]
        assert (q["H"] + 2 * q["P"] - q["FH"]) / q["S"] + 1 == q["OH"]


def test_top_patches_of_uint8_images_stay_uint8():
    from engine.features import channel_maxima, top_images, top_patches
    from engine.simple_convnet import SimpleConvNet

    net = SimpleConvNet(seed=0)
    images = np.random.default_rng(1).integers(0, 256, (12, 28, 28)).astype(np.uint8)
    maxima = channel_maxima(net, images, transform=lambda b: b.astype(np.float32)[:, None] / 255)
    patches = top_patches(net, top_images(maxima, "Conv1", k=3), images)
    assert patches.dtype == np.uint8 and patches.shape == (30, 3, 5, 5)


def test_an_atlas_of_an_older_format_is_refused(tmp_path):
    from engine import atlas as atlas_module
    from engine.weights import WeightsFileError

    path = tmp_path / "old.npz"
    np.savez(path, format=np.array(atlas_module.FORMAT - 1), layers=np.array(["Conv1"]))
    with pytest.raises(WeightsFileError, match="atlas format"):
        atlas_module.load_atlas(path)


def test_the_playground_shows_adams_bias_corrected_step_size():
    from engine.optimizer import Adam
    from engine.traces import snapshot

    opt = Adam(lr=0.1, beta1=0.9, beta2=0.999)
    params = {"x": np.array([1.0]), "y": np.array([2.0])}
    for _ in range(3):
        opt.update(params, {"x": np.array([0.5]), "y": np.array([-1.0])})
    expected = 0.1 * math.sqrt(1 - 0.999**3) / (1 - 0.9**3)
    assert snapshot(opt)["lr_t"] == pytest.approx(expected)


def test_noisy_gradients_are_the_true_ones_plus_the_seeded_noise_the_same_for_every_optimizer():
    from engine.optimizer import SGD, Adam
    from engine.surfaces import built_in
    from engine.traces import run

    surface = built_in("book")
    paths = [run(opt, surface, (-7.0, 2.0), 15, noise=0.5, seed=3) for opt in (SGD(lr=0.9), Adam(lr=0.3))]
    z = np.random.default_rng(3).standard_normal((15, 2))  # drawn x then y, step by step
    for path in paths:
        true = np.array([[float(v) for v in surface.grad(x, y)] for x, y in path.positions[:-1]])
        np.testing.assert_allclose(np.array(path.gradients) - true, 0.5 * z, rtol=1e-9, atol=1e-12)
    sgd = paths[0]  # and SGD moved by exactly -lr times the noisy gradient
    np.testing.assert_allclose(np.diff(np.array(sgd.positions), axis=0), -0.9 * np.array(sgd.gradients))


def test_a_drawing_is_read_with_its_strokes_brought_to_mnists_width():
    from engine.inference import read_digit
    from engine.preprocess import mnist_style, stroke_width
    from engine.simple_convnet import SimpleConvNet

    ink = np.zeros((200, 200))
    ink[30:170, 98:101] = 1.0  # a "1" drawn with a hair-thin pen: 3 px of 200
    reading = read_digit(SimpleConvNet(seed=0), ink)
    np.testing.assert_array_equal(reading.image, mnist_style(ink))
    assert stroke_width(reading.image) > stroke_width(mnist_style(ink, strokes=False))


def test_the_shipped_samples_labels_are_int64_like_the_books():
    from engine.samples import load_samples

    images, labels = load_samples()
    assert images.dtype == np.uint8 and labels.dtype == np.int64 and len(images) == len(labels) == 1000


# -- list U (a fresh planted list, session 7): what its survivors showed untested ----------------------------


def test_batch_norm_keeps_float32_in_test_mode_too():
    from engine.layers import BatchNormalization

    rng = np.random.default_rng(0)
    bn = BatchNormalization(np.ones(6, np.float32), np.zeros(6, np.float32))
    x = rng.standard_normal((8, 6)).astype(np.float32)
    assert bn.forward(x, train_flg=True).dtype == np.float32
    assert bn.running_mean.dtype == bn.running_var.dtype == np.float32
    assert bn.forward(x, train_flg=False).dtype == np.float32


@pytest.mark.parametrize("size", [(2, 0), (0, 2), (2, -1)])
def test_a_pooling_window_of_no_width_or_height_is_named(size):
    with pytest.raises(ValueError, match=f"pool size must be positive, got {size[0]}x{size[1]}"):
        Pooling(*size)


def test_an_unknown_optimizer_is_answered_with_the_names_the_book_uses():
    from engine.optimizer import make_optimizer

    with pytest.raises(ValueError) as e:
        make_optimizer("adamw")
    assert "SGD, Momentum, Nesterov, AdaGrad, RMSprop, Adam" in str(e.value)


def test_col2im_refuses_rows_of_the_right_size_but_the_wrong_shape():
    from engine.util import col2im, im2col

    x = np.random.default_rng(1).random((1, 2, 4, 5))
    col = im2col(x, 3, 2)  # OH = 2, OW = 4: 8 windows of 2*3*2 = 12 numbers
    assert col.shape == (8, 12)
    with pytest.raises(ValueError, match=r"col must have shape \(8, 12\)"):
        col2im(col.reshape(12, 8), x.shape, 3, 2)
    with pytest.raises(ValueError, match="col must have shape"):
        col2im(col.reshape(4, 24), x.shape, 3, 2)


def test_window_sizes_given_as_whole_floats_work_like_ints():
    from engine.util import col2im, im2col

    x = np.random.default_rng(2).random((2, 3, 6, 5))
    np.testing.assert_array_equal(im2col(x, 3.0, 2.0, 1.0, 1.0), im2col(x, 3, 2, 1, 1))
    view, oh, ow = windows(x, 3.0, 2.0, 2.0, 0.0)
    assert (type(oh), type(ow)) == (int, int) and (oh, ow) == (2, 2)
    np.testing.assert_array_equal(view, windows(x, 3, 2, 2, 0)[0])
    col = im2col(x, 3, 2, 1, 1)
    np.testing.assert_array_equal(col2im(col, x.shape, 3.0, 2.0, 1.0, 1.0), col2im(col, x.shape, 3, 2, 1, 1))


def test_overfitting_with_fewer_images_than_a_batch_still_trains_every_epoch():
    from engine.experiments import iterate_overfitting

    rng = np.random.default_rng(3)
    x, t = rng.random((60, 784)).astype(np.float32), rng.integers(0, 10, 60)
    epochs = list(iterate_overfitting(x, t, x[:20], t[:20], train_size=40, batch_size=100, epochs=8, lr=0.1,
                                      hidden=(50,), seed=0))
    assert [e.epoch for e in epochs] == list(range(9))
    assert epochs[-1].train_acc > epochs[0].train_acc  # it learns the 40 images


def test_a_formula_with_a_syntax_error_names_its_column():
    from engine.surfaces import SurfaceError, custom

    with pytest.raises(SurfaceError) as e:
        custom("x + * y")
    assert e.value.values == ("x + * y", "invalid syntax", "5")  # the '*' is the 5th character
    assert str(e.value).endswith("at column 5)")


def test_a_pooling_window_too_wide_names_the_width_formula():
    from engine.conv_trace import PoolTrace

    x = np.zeros((1, 1, 4, 1))
    with pytest.raises(ValueError, match=r"^OW = \(W \+ 2P − FW\)|^OW ="):
        PoolTrace(x, 2, 2)
    with pytest.raises(ValueError, match="^OH ="):
        PoolTrace(np.zeros((1, 1, 1, 4)), 2, 2)


def test_a_wide_digit_heavy_on_the_left_stays_inside_the_28_pixels():
    from engine.preprocess import mnist_style

    image = np.zeros((40, 120))
    image[5:35, 0:30] = 1.0  # a heavy block on the left ...
    image[18:21, 30:120] = 1.0  # ... and a long thin arm to the right: the centre of mass is far left
    out = mnist_style(image, strokes=False)
    assert out.shape == (28, 28)
    cols = np.flatnonzero(out.max(axis=0) > 0.1)
    assert cols[-1] - cols[0] + 1 >= 19  # the whole 20-pixel width, none of it cut off
    assert cols[-1] <= 27 and cols[0] >= 0


def test_a_fully_transparent_picture_is_white_paper():
    from engine.photo import composite_alpha

    grey = np.random.default_rng(4).random((6, 7))
    np.testing.assert_array_equal(composite_alpha(grey, np.zeros((6, 7))), np.ones((6, 7)))


def test_a_non_square_pooling_window_grows_the_receptive_field_by_its_own_height_and_width():
    from engine.receptive_field import layer_geometry

    conv = Convolution(np.zeros((2, 1, 3, 5)), np.zeros(2))  # 3 high, 5 wide
    pool = Pooling(2, 3, stride=2)  # 2 high, 3 wide
    conv_g, pool_g = layer_geometry([("conv", conv), ("pool", pool)], (1, 12, 16))
    assert conv_g.shape == (2, 10, 12) and conv_g.size == (3, 5)
    assert pool_g.kernel == (2, 3) and pool_g.shape == (2, 5, 5)  # (10-2)//2+1, (12-3)//2+1
    # By the definition: a pooled unit sees pool_h conv rows (one apart) and pool_w conv columns.
    assert pool_g.size == (3 + (2 - 1), 5 + (3 - 1))
    assert pool_g.window_below(1, 2) == (2, 4, 4, 7)  # rows 2..3, columns 4..6 of the conv output

"""Edges where bugs hide: limits at exactly their value, shapes that are not square, dtypes kept, the book's
defaults, state a call must not share or change. Each oracle is written here from the definition."""

import math
import pickle

import numpy as np
import pytest

from engine import weights
from engine.conv_trace import PoolTrace, geometry
from engine.deep_convnet import DeepConvNet
from engine.events import Diverged, EpochEnd, RaceStep, TrainStep
from engine.features import channel_maxima
from engine.functions import relu_grad, step_function
from engine.layers import Pooling, SoftmaxWithLoss
from engine.mnist import _ProgressAdapter, prepare
from engine.multi_layer_net_extend import MultiLayerNetExtend
from engine.optimizer import SGD, Adam
from engine.parallel import DataParallel
from engine.photo import photo_to_ink
from engine.race import OptimizerRace, iterate_race
from engine.simple_convnet import SimpleConvNet
from engine.surfaces import MAX_LENGTH, SurfaceError, custom
from engine.trainer import Trainer, iterate_training, random_shift
from engine.weights import WeightsFileError, assign_params, load_params_file

# -- layers and functions -------------------------------------------------------------------------------


def test_softmax_with_loss_backward_leaves_its_probabilities_alone():
    layer = SoftmaxWithLoss()
    layer.forward(np.array([[1.0, 2.0, 0.5], [0.0, 0.0, 3.0]]), np.array([1, 2]))
    y = layer.y.copy()
    first = layer.backward()
    np.testing.assert_array_equal(layer.y, y)  # still the probabilities: a second backward gives the same
    np.testing.assert_array_equal(layer.backward(), first)


def naive_max_pool(x, ph, pw, s):
    N, C, H, W = x.shape
    oh, ow = (H - ph) // s + 1, (W - pw) // s + 1
    out = np.empty((N, C, oh, ow))
    dx_of = {}
    for n in range(N):
        for c in range(C):
            for i in range(oh):
                for j in range(ow):
                    win = x[n, c, i * s : i * s + ph, j * s : j * s + pw]
                    out[n, c, i, j] = win.max()
                    r, q = np.unravel_index(np.argmax(win), win.shape)  # the first maximum, row-major
                    dx_of[n, c, i, j] = (i * s + r, j * s + q)
    return out, dx_of


@pytest.mark.parametrize("ph, pw, s", [(2, 3, 1), (3, 2, 2), (17, 17, 1)])
def test_max_pooling_with_non_square_and_large_windows_against_a_loop(ph, pw, s):
    rng = np.random.default_rng(ph * 10 + pw)
    x = rng.standard_normal((2, 2, ph + 3, pw + 4))
    if ph == 17:
        x[0, 0, ph - 1, pw - 1] = 10.0  # the maximum in the last cell of a 289-cell window (index 288)
    layer = Pooling(ph, pw, stride=s)
    out = layer.forward(x)
    expected, dx_of = naive_max_pool(x, ph, pw, s)
    np.testing.assert_array_equal(out, expected)
    dout = rng.standard_normal(out.shape)
    dx = np.zeros_like(x)
    for (n, c, i, j), (r, q) in dx_of.items():
        dx[n, c, r, q] += dout[n, c, i, j]
    np.testing.assert_allclose(layer.backward(dout), dx, rtol=1e-12)


def test_the_step_function_is_zero_at_zero_and_relu_grad_keeps_float32():
    np.testing.assert_array_equal(step_function(np.array([-1.0, 0.0, 0.5])), [0, 0, 1])  # the book's x > 0
    assert relu_grad(np.zeros(3, dtype=np.float32)).dtype == np.float32


def test_optimizers_keep_a_scalar_parameter_a_scalar():
    for optimizer in (SGD(0.1), Adam(0.1)):
        params = {"w": 1.0}
        optimizer.update(params, {"w": 0.5})
        assert np.ndim(params["w"]) == 0 and not isinstance(params["w"], np.ndarray)


# -- networks -------------------------------------------------------------------------------------------


def test_deep_convnet_dropout_does_not_draw_the_numbers_its_weights_were_drawn_from():
    net = DeepConvNet(seed=7)
    assert not np.allclose(net._dropout_rng.random(8), np.random.default_rng(7).random(8))


def test_batch_norm_alone_uses_its_running_averages_at_test_time():
    net = MultiLayerNetExtend(6, [10, 10], 3, use_batchnorm=True, seed=3)
    rng = np.random.default_rng(0)
    x = rng.standard_normal((8, 6))
    for _ in range(3):
        net.predict(x, train_flg=True)  # moves the running averages
    alone = net.predict(x[:1], train_flg=False)
    np.testing.assert_allclose(alone, net.predict(x, train_flg=False)[:1], rtol=1e-10)  # no batch statistics
    assert not np.allclose(net.predict(x[:2], train_flg=True)[:1], alone)


def test_random_shift_of_images_wider_than_tall():
    x = np.zeros((300, 1, 5, 9))
    x[:, 0, 2, 4] = 1.0
    shifted = random_shift(x, 2, np.random.default_rng(1))
    lit = np.argwhere(shifted[:, 0] == 1.0)
    assert len(lit) == 300 and {c for _, _, c in lit} == {2, 3, 4, 5, 6} and {r for _, r, _ in lit} == {0, 1, 2, 3, 4}


def test_an_epoch_is_the_whole_batches_of_the_training_set():
    net = MultiLayerNetExtend(4, [5], 2, seed=0)
    x, t = np.random.default_rng(0).standard_normal((250, 4)), np.zeros(250, dtype=int)
    events = list(iterate_training(net, x, t, x, t, epochs=2, mini_batch_size=100, optimizer=SGD(0.01), seed=0))
    steps = [e for e in events if isinstance(e, TrainStep)]
    assert len(steps) == 4 and steps[-1].iterations == 4  # 250 // 100 = 2 per epoch
    assert [e.epoch for e in events if isinstance(e, EpochEnd)] == [1, 2]


def test_trainer_records_test_accuracy_apart_from_training_accuracy_and_trains_20_epochs_by_default():
    rng = np.random.default_rng(0)
    x_train, t_train = rng.standard_normal((40, 4)), np.arange(40) % 2
    x_test, t_test = x_train.copy(), 1 - t_train  # the opposite labels: test accuracy = 1 - train accuracy
    net = MultiLayerNetExtend(4, [6], 2, seed=0)
    trainer = Trainer(net, x_train, t_train, x_test, t_test, epochs=2, mini_batch_size=20, verbose=False, seed=0)
    trainer.train()
    np.testing.assert_allclose(np.array(trainer.train_acc_list) + np.array(trainer.test_acc_list), 1.0)
    assert Trainer(net, x_train, t_train, x_test, t_test, verbose=False).epochs == 20


def test_a_diverged_network_in_the_race_reports_nan_from_then_on():
    race = OptimizerRace({"sgd": SGD(0.01), "wild": SGD(1e6)}, 6, [8], 3, seed=0, dtype=np.float64)
    rng = np.random.default_rng(0)
    x, t = rng.standard_normal((50, 6)) * 10, rng.integers(0, 3, 50)
    with np.errstate(all="ignore"):
        events = list(iterate_race(race, x, t, iterations=30, batch_size=10, seed=0))
    diverged = next(e.iteration for e in events if isinstance(e, Diverged))
    after = [e.losses for e in events if isinstance(e, RaceStep) and e.iteration > diverged]
    assert after and all(np.isnan(losses[1]) and np.isfinite(losses[0]) for losses in after)


def test_data_parallel_accepts_pieces_of_one_image():
    net = SimpleConvNet(input_dim=(1, 6, 6), conv_param={"filter_num": 2, "filter_size": 3, "pad": 0, "stride": 1},
                        hidden_size=4, output_size=3, dtype=np.float64, seed=0)
    x = np.random.default_rng(0).standard_normal((3, 1, 6, 6))
    t = np.array([0, 1, 2])
    par = DataParallel(net, threads=1, sub_batch=1)
    whole = net.gradient(x, t)
    pieces = par.gradient(x, t)
    for key in whole:
        np.testing.assert_allclose(pieces[key], whole[key], rtol=1e-10, atol=1e-12)
    with pytest.raises(ValueError, match="sub_batch"):
        DataParallel(net, threads=1, sub_batch=0)


def test_channel_maxima_progress_ends_at_exactly_the_number_of_images():
    net = SimpleConvNet(input_dim=(1, 6, 6), conv_param={"filter_num": 2, "filter_size": 3, "pad": 0, "stride": 1},
                        hidden_size=4, output_size=3, dtype=np.float64, seed=0)
    seen = []
    channel_maxima(net, np.zeros((7, 1, 6, 6)), batch_size=3, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(3, 7), (6, 7), (7, 7)]


# -- data, photos, formulas -----------------------------------------------------------------------------


def test_labels_come_out_as_int64_so_arithmetic_on_them_does_not_wrap():
    _, t = prepare(np.zeros((2, 28, 28), dtype=np.uint8), np.array([0, 9], dtype=np.uint8))
    assert t.dtype == np.int64 and (t - 1).tolist() == [-1, 8]


def test_download_progress_adds_up_the_chunks():
    calls = []
    bar = _ProgressAdapter("train.gz", lambda name, done, total: calls.append(done), None)
    bar.total = 60
    for chunk in (10, 20, 30):
        bar.update(chunk)
    assert calls == [10, 30, 60]


def test_a_faint_pencil_digit_on_clean_paper_is_found():
    paper = np.full((60, 40), 0.85)
    paper[10:50, 18:24] = 0.85 * (1 - 0.15)  # 15 % darker than its paper: above the 12 % minimum
    assert photo_to_ink(paper)[30, 21] > 0.9
    paper[10:50, 18:24] = 0.85 * (1 - 0.08)  # 8 %: below it, blank
    assert not photo_to_ink(paper).any()


def test_a_formula_of_exactly_the_longest_length_is_accepted():
    formula = "x**2 +" + " " * (MAX_LENGTH - 7) + "y"  # spaces inside count (the ends are trimmed)
    assert len(formula) == MAX_LENGTH
    assert custom(formula).f(3.0, 1.0) == pytest.approx(10.0)
    with pytest.raises(SurfaceError, match="longer than"):
        custom(formula.replace("+", "+ "))


def test_a_filter_that_exactly_fits_gives_one_whole_output():
    gh, gw = geometry(3, 5, 3, 5)
    assert gh.numerator == 0 and gh.whole and gh.output == 1 and gw.whole and gw.leftover == 0


def test_the_pooling_trace_shows_every_finished_step():
    trace = PoolTrace(np.arange(32.0).reshape(1, 2, 4, 4), 2, 2)
    for k in (0, 3, 6):
        partial = trace.partial_output(k).reshape(-1)
        assert np.isfinite(partial).sum() == k + 1
        assert partial[k] == trace.step(k).value


# -- weight files -----------------------------------------------------------------------------------------


def test_pickle_limits_at_exactly_their_value(tmp_path, monkeypatch):
    data = pickle.dumps({"W1": [[[1.0]]]}, protocol=2)  # a dict holding lists three deep
    ops = sum(1 for _ in __import__("pickletools").genops(data))
    monkeypatch.setattr(weights, "MAX_PICKLE_OPS", ops - 1)  # one instruction too many
    with pytest.raises(ValueError, match="instructions"):
        weights.check_pickle_shape(data)
    monkeypatch.setattr(weights, "MAX_PICKLE_OPS", ops)  # exactly the limit
    monkeypatch.setattr(weights, "MAX_PICKLE_DEPTH", 4)  # dict 1, lists 2..4: exactly the limit
    weights.check_pickle_shape(data)
    monkeypatch.setattr(weights, "MAX_PICKLE_DEPTH", 3)
    with pytest.raises(ValueError, match="nested deeper than 3"):
        weights.check_pickle_shape(data)


def test_pickles_nested_past_the_default_depth_are_refused():
    value = 1.0
    for _ in range(20):
        value = [value]
    with pytest.raises(ValueError, match="nested deeper"):
        weights.check_pickle_shape(pickle.dumps({"W1": value}, protocol=2))


def test_large_pickles_are_refused_by_size_and_upper_case_names_are_pickles(tmp_path, monkeypatch):
    net = SimpleConvNet(seed=0)
    path = tmp_path / "PARAMS.PKL"
    with open(path, "wb") as f:
        pickle.dump({k: v.copy() for k, v in net.params.items()}, f)
    loaded = load_params_file(path)  # the book's pickle, named in capitals on a camera card
    np.testing.assert_array_equal(loaded["W1"], net.params["W1"])
    monkeypatch.setattr(weights, "MAX_PICKLE_BYTES", path.stat().st_size - 1)
    with pytest.raises(WeightsFileError, match="larger than"):
        load_params_file(path)


def test_assign_refuses_transposed_shapes_and_complex_numbers():
    params = {"W": np.zeros((2, 3)), "b": np.zeros(3)}
    with pytest.raises(WeightsFileError, match=r"W: file \(3, 2\) vs network \(2, 3\)"):
        assign_params(params, {"W": np.ones((3, 2)), "b": np.ones(3)})
    with pytest.raises(WeightsFileError, match="complex"):
        assign_params(params, {"W": np.ones((2, 3), dtype=complex), "b": np.ones(3)})
    assert not params["W"].any()


def test_a_pickle_of_hundreds_of_megabytes_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.pkl"
    with open(path, "wb") as f:  # sparse: 300 MB on paper, nothing on the disk
        f.write(b"\x80\x02}")
        f.truncate(300 * 2**20)
    with pytest.raises(WeightsFileError, match="larger than 256 MB"):
        load_params_file(path)


def test_training_command_defaults_and_bounds():
    from engine.train import build_parser, to_float

    parser = build_parser()
    assert parser.parse_args([]).epochs == 20  # the book's train_convnet.py: max_epochs=20
    assert parser.parse_args(["--epochs", "10000"]).epochs == 10_000  # the highest allowed is allowed
    with pytest.raises(SystemExit):
        parser.parse_args(["--epochs", "10001"])
    np.testing.assert_array_equal(to_float(np.array([0, 51, 255], dtype=np.uint8)),
                                  np.array([0, 0.2, 1], dtype=np.float32))


def test_a_reading_is_confident_by_its_largest_probability():
    from engine.inference import DigitReading

    reading = DigitReading(np.zeros((28, 28), dtype=np.float32), np.array([0.1, 0.05, 0.7, 0.15] + [0.0] * 6))
    assert reading.answer == 2 and reading.confidence == pytest.approx(0.7)


def test_weights_files_are_recognised_by_their_parameter_names():
    from engine.pretrained import network_kind

    names = lambda n: {f"{k}{i}": None for i in range(1, n + 1) for k in "Wb"}  # noqa: E731
    assert network_kind(names(3)) == "simple" and network_kind(names(8)) == "deep"
    with pytest.raises(WeightsFileError, match="neither SimpleConvNet"):
        network_kind(names(5))  # a five-layer MLP of chapter 6, say


def test_the_shipped_sample_keeps_test_set_order(tmp_path):
    from engine.samples import make_samples
    from tests.engine.test_mnist import write_dataset

    arrays = write_dataset(tmp_path, n_test=80, seed=3)
    images, labels, idx = make_samples(tmp_path, per_class=2)
    assert (np.diff(idx) > 0).all()  # in test-set order
    expected = sorted(i for d in range(10) for i in np.flatnonzero(arrays["test_label"] == d)[:2])
    assert list(idx) == expected
    np.testing.assert_array_equal(labels, arrays["test_label"][idx])
    np.testing.assert_array_equal(images, arrays["test_img"][idx])


def test_losses_take_raw_mnist_uint8_labels_and_refuse_too_few():
    from engine.functions import cross_entropy_error, softmax

    y = softmax(np.array([[2.0, 1.0, 0.1], [0.3, 2.5, 0.2], [1.0, 1.0, 3.0]]))
    t = np.array([0, 1, 2])
    expected = -np.mean(np.log(y[np.arange(3), t] + 1e-7))
    assert cross_entropy_error(y, t.astype(np.uint8)) == pytest.approx(expected)
    assert SoftmaxWithLoss().forward(np.log(y), t.astype(np.uint8)) == pytest.approx(expected, rel=1e-6)
    with pytest.raises(ValueError, match="1 labels for 3 rows"):
        cross_entropy_error(y, np.array([1]))


def test_a_read_only_parameter_is_replaced_not_written_into():
    p = np.ones(3)
    p.flags.writeable = False
    params = {"p": p}
    SGD(0.5).update(params, {"p": np.ones(3)})
    np.testing.assert_allclose(params["p"], 0.5)
    np.testing.assert_array_equal(p, 1.0)


def test_stopping_during_the_test_evaluation_ends_without_an_epoch_event():
    net = MultiLayerNetExtend(4, [5], 2, seed=0)
    rng = np.random.default_rng(0)
    x, t = rng.standard_normal((40, 4)), rng.integers(0, 2, 40)
    polls = []

    def should_stop():  # steps poll once each; the train-set pass polls once; stop during the test-set pass
        polls.append(1)
        return len(polls) > 4 + 1

    events = list(iterate_training(net, x, t, x, t, epochs=1, mini_batch_size=10, seed=0, should_stop=should_stop,
                                   optimizer=SGD(0.01)))
    assert [type(e) for e in events] == [TrainStep] * 4


def test_trainer_train_returns_the_test_accuracy():
    rng = np.random.default_rng(1)
    x_train, t_train = rng.standard_normal((30, 4)), np.arange(30) % 2
    net = MultiLayerNetExtend(4, [6], 2, seed=0)
    trainer = Trainer(net, x_train, t_train, x_train, 1 - t_train, epochs=1, mini_batch_size=10, verbose=False)
    assert trainer.train() == pytest.approx(net.accuracy(x_train, 1 - t_train))
    assert trainer.train() != pytest.approx(net.accuracy(x_train, t_train))


def test_an_infinite_loss_stops_training_as_a_nan_does():
    class Exploding(MultiLayerNetExtend):
        def gradient(self, x, t):
            grads = super().gradient(x, t)
            self.last_loss = np.inf
            return grads

    net = Exploding(4, [5], 2, seed=0)
    x, t = np.zeros((20, 4)), np.zeros(20, dtype=int)
    with pytest.raises(FloatingPointError, match="inf"):
        list(iterate_training(net, x, t, epochs=1, mini_batch_size=10, optimizer=SGD(0.01)))


def test_numerical_gradient_keeps_float32():
    from engine.gradient import numerical_gradient

    x = np.array([1.0, 2.0], dtype=np.float32)
    grad = numerical_gradient(lambda v: float(np.sum(v.astype(np.float64) ** 2)), x)
    assert grad.dtype == np.float32 and grad == pytest.approx([2.0, 4.0], rel=1e-2)


def test_a_malformed_metadata_file_reads_as_none(tmp_path, monkeypatch):
    from engine import pretrained

    (tmp_path / "simple_convnet.json").write_text("{not json")
    monkeypatch.setattr(pretrained, "resource", lambda kind, suffix: tmp_path / f"simple_convnet{suffix}")
    assert pretrained.metadata("simple") == {}


def test_unnormalised_images_are_a_copy_of_the_file_data():
    raw = np.zeros((2, 28, 28), dtype=np.uint8)
    x, _ = prepare(raw, np.array([1, 2], dtype=np.uint8), normalize=False, flatten=False)
    assert not np.shares_memory(x, raw)


def test_a_constant_that_is_not_a_number_is_named_as_such():
    with pytest.raises(SurfaceError, match="divides by zero or is not a number"):
        custom("x + 0/0")


def test_training_command_keeps_the_books_defaults_and_allows_switching_augmentation_off():
    from engine import train

    parser = train.build_parser()
    args = parser.parse_args([])
    assert args.lr_decay == 1.0 and args.augment_shift == 0  # a constant rate and no shifting, as the book
    # ch07/train_convnet.py: mini_batch_size=100, Adam at lr 0.001
    assert (args.batch_size, args.optimizer, args.lr) == (100, "adam", 0.001)
    assert parser.parse_args(["--augment-shift", "0"]).augment_shift == 0
    simple, _ = train.build_network(args)
    deep, _ = train.build_network(parser.parse_args(["--net", "deep"]))
    assert simple.params["W2"].shape[1] == 100 and deep.params["W7"].shape[1] == 50  # the book's hidden sizes


def test_cross_entropy_of_one_image_takes_a_one_hot_row_or_a_label():
    """The book's cross_entropy_error reshapes a single y and one-hot t to one row each."""
    from engine.functions import cross_entropy_error

    y = np.array([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0])
    t = np.zeros(10)
    t[2] = 1
    expected = -math.log(0.6 + 1e-7)
    assert cross_entropy_error(y, t) == pytest.approx(expected)
    assert cross_entropy_error(y, 2) == pytest.approx(expected)


@pytest.mark.parametrize("mode", ["max", "avg"])
def test_padded_pooling_sends_its_gradient_back_as_the_numerical_gradient_says(mode):
    """Pooling with pad 1 on a non-square input: dx is the gradient of sum(out · dout) by central
    differences, cell by cell (the padding's share is dropped, never folded back into the image)."""
    rng = np.random.default_rng(5)
    x = rng.standard_normal((2, 2, 5, 6))
    layer = Pooling(3, 3, stride=2, pad=1, mode=mode)
    out = layer.forward(x)
    dout = rng.standard_normal(out.shape)
    dx = layer.backward(dout)
    numeric = np.zeros_like(x)
    h = 1e-6
    for idx in np.ndindex(x.shape):
        plus, minus = x.copy(), x.copy()
        plus[idx] += h
        minus[idx] -= h
        numeric[idx] = (np.sum(Pooling(3, 3, 2, 1, mode).forward(plus) * dout)
                        - np.sum(Pooling(3, 3, 2, 1, mode).forward(minus) * dout)) / (2 * h)
    np.testing.assert_allclose(dx, numeric, atol=1e-6)


def test_an_npz_is_read_without_pickles_even_if_its_headers_were_not_checked(tmp_path, monkeypatch):
    """Defence in depth: np.load never unpickles an object array from a weights file."""
    np.savez(tmp_path / "w.npz", W1=np.array([{"a": 1}, None], dtype=object))
    monkeypatch.setattr(weights, "check_npz_headers", lambda path: None)
    with pytest.raises(weights.WeightsFileError, match="not plain arrays"):
        weights.load_params_file(tmp_path / "w.npz")


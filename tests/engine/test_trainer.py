import json

import numpy as np
import pytest

from engine import train as train_cli
from engine.events import EpochEnd, TrainStep
from engine.multi_layer_net import MultiLayerNet
from engine.optimizer import SGD, Adam
from engine.simple_convnet import SimpleConvNet
from engine.trainer import Trainer, iterate_training, random_shift

from .test_mnist import write_dataset


def toy_data(n=200, seed=0):
    """Two classes a linear model separates: bright top half vs bright bottom half."""
    rng = np.random.default_rng(seed)
    x = rng.random((n, 1, 8, 8)).astype(np.float32) * 0.3
    t = rng.integers(0, 2, n)
    x[t == 0, :, :4] += 0.7
    x[t == 1, :, 4:] += 0.7
    return x, t


def toy_net(seed=0):
    return SimpleConvNet(input_dim=(1, 8, 8), conv_param={"filter_num": 4, "filter_size": 3}, hidden_size=8,
                         output_size=2, weight_init_std=0.1, seed=seed)


class Recorder:
    """A network with the book's interface that records which images it was given."""

    def __init__(self):
        self.params = {"w": np.zeros(1)}
        self.batches, self.evaluated = [], []
        self.last_loss = 1.0

    def gradient(self, x, t):
        self.batches.append(x[:, 0].copy())
        return {"w": np.zeros(1)}

    def accuracy(self, x, t, batch_size=100):
        self.evaluated.append(len(x))
        return 0.5


def test_each_epoch_visits_every_image_once_in_a_new_shuffled_order():
    x = np.arange(60, dtype=np.float64).reshape(60, 1)  # image k holds the number k
    t = np.zeros(60, dtype=int)
    net = Recorder()
    list(iterate_training(net, x, t, epochs=3, mini_batch_size=20, optimizer=SGD(), seed=5))
    epochs = [np.concatenate(net.batches[e * 3 : (e + 1) * 3]) for e in range(3)]
    for order in epochs:
        assert sorted(order.tolist()) == list(range(60))  # every image once
        assert order.tolist() != list(range(60))  # shuffled
    assert epochs[0].tolist() != epochs[1].tolist() != epochs[2].tolist()  # a new order each epoch


def test_only_the_asked_sample_is_evaluated_after_an_epoch():
    x, t = np.zeros((50, 1)), np.zeros(50, dtype=int)
    net = Recorder()
    list(iterate_training(net, x, t, x[:40], t[:40], epochs=2, mini_batch_size=10, optimizer=SGD(),
                          evaluate_sample_num_per_epoch=7))
    assert net.evaluated == [7, 7, 7, 7]  # train and test sample after each of the two epochs
    net = Recorder()
    list(iterate_training(net, x, t, x[:40], t[:40], epochs=1, mini_batch_size=10, optimizer=SGD()))
    assert net.evaluated == [50, 40]  # without a sample size: all of both sets


def test_training_learns_and_reports_progress():
    x, t = toy_data()
    net = toy_net()
    events = list(iterate_training(net, x, t, x, t, epochs=3, mini_batch_size=20, optimizer=Adam(0.01), seed=0))
    steps = [e for e in events if isinstance(e, TrainStep)]
    epochs = [e for e in events if isinstance(e, EpochEnd)]
    assert len(steps) == 30 and steps[-1].iteration == 30 and steps[0].iterations == 30
    assert [e.epoch for e in epochs] == [1, 2, 3]
    assert epochs[-1].test_acc > 0.95
    assert steps[-1].loss < steps[0].loss


def test_same_seed_same_weights():
    x, t = toy_data()
    a, b = toy_net(1), toy_net(1)
    for net in (a, b):
        for _ in iterate_training(net, x, t, epochs=2, mini_batch_size=16, optimizer=Adam(0.01), seed=7,
                                  augment_shift=1):
            pass
    for key in a.params:
        np.testing.assert_array_equal(a.params[key], b.params[key])


def test_transform_turns_stored_bytes_into_the_same_training():
    x, t = toy_data()
    stored = np.round(x * 255).astype(np.uint8)
    a, b = toy_net(2), toy_net(2)
    ea = list(iterate_training(a, stored.astype(np.float32) / 255, t, stored.astype(np.float32) / 255, t, epochs=2,
                               mini_batch_size=20, optimizer=Adam(0.01), seed=3))
    eb = list(iterate_training(b, stored, t, stored, t, epochs=2, mini_batch_size=20, optimizer=Adam(0.01), seed=3,
                               transform=lambda v: v.astype(np.float32) / 255))
    for key in a.params:
        np.testing.assert_array_equal(a.params[key], b.params[key])
    assert ea[-1].test_acc == eb[-1].test_acc > 0.9


def test_should_stop_is_honoured():
    x, t = toy_data()
    calls = []
    events = list(iterate_training(toy_net(), x, t, epochs=5, mini_batch_size=10,
                                   should_stop=lambda: len(calls) >= 3 or calls.append(1)))
    assert len(events) == 3


def test_stop_during_evaluation_ends_the_run_and_accuracy_is_exact():
    x, t = toy_data(n=2500)
    net = toy_net()
    polls = []

    def should_stop():
        polls.append(1)
        return len(polls) > 26  # 25 updates of the first epoch, then during evaluation

    events = list(iterate_training(net, x, t, x, t, epochs=2, mini_batch_size=100, optimizer=Adam(0.01),
                                   seed=0, should_stop=should_stop))
    assert [type(e) for e in events] == [TrainStep] * 25  # no epoch event with a half-done evaluation
    events = list(iterate_training(net, x, t, x[:1500], t[:1500], epochs=1, mini_batch_size=100, seed=0))
    expected = np.mean(net.predict(x[:1500]).argmax(axis=1) == t[:1500])
    assert events[-1].test_acc == expected  # evaluated in chunks of 1,000, counted exactly


def test_diverging_loss_raises_a_clear_error():
    x, t = toy_data()
    net = toy_net()
    net.params["W3"][0, 0] = np.inf  # what a far too large learning rate leads to
    with pytest.raises(FloatingPointError, match="the loss became nan at iteration 1: lower the learning rate"):
        with np.errstate(all="ignore"):
            for _ in iterate_training(net, x, t, epochs=5, mini_batch_size=10, optimizer=SGD(0.1)):
                pass


def test_books_trainer_face(capsys):
    x, t = toy_data(100)
    net = MultiLayerNet(64, [10], 2, seed=0)
    trainer = Trainer(net, x.reshape(100, -1), t, x.reshape(100, -1), t, epochs=2, mini_batch_size=25,
                      optimizer="Adam", optimizer_param={"lr": 0.01}, verbose=True, seed=0)
    acc = trainer.train()
    assert len(trainer.train_loss_list) == 8
    assert len(trainer.train_acc_list) == len(trainer.test_acc_list) == 2
    out = capsys.readouterr().out
    assert "=== epoch:1" in out and "Final Test Accuracy" in out
    assert acc == trainer.network.accuracy(x.reshape(100, -1), t)


def test_random_shift_moves_images_and_fills_zeros():
    x = np.zeros((50, 1, 6, 6))
    x[:, :, 2, 3] = 1
    y = random_shift(x, 2, np.random.default_rng(0))
    assert y.shape == x.shape
    assert np.all(y.sum(axis=(1, 2, 3)) == 1)  # the pixel moved, never left the 6x6 (shift 2 from the centre)
    positions = {tuple(np.argwhere(img[0])[0]) for img in y}
    assert len(positions) > 5
    assert all(abs(r - 2) <= 2 and abs(c - 3) <= 2 for r, c in positions)


def test_training_command_end_to_end(tmp_path, capsys):
    write_dataset(tmp_path / "data", n_train=60, n_test=20)
    out = tmp_path / "runs" / "today" / "w.npz"  # folders that do not exist yet are made
    code = train_cli.main(["--data", str(tmp_path / "data"), "--epochs", "2", "--batch-size", "20",
                           "--out", str(out), "--init-out", str(tmp_path / "init.npz"), "--quiet", "--seed", "3"])
    assert code == 0
    meta = json.loads(out.with_suffix(".json").read_text())
    assert meta["epochs"] == 2 and meta["seed"] == 3 and meta["train_size"] == 60
    assert meta["hyperparameters"]["optimizer"] == "adam" and meta["hyperparameters"]["lr"] == 0.001
    assert len(meta["data_sha256"]) == 64 and 0 <= meta["test_accuracy"] <= 1
    net = SimpleConvNet()
    net.load_params(out)
    init = SimpleConvNet()
    init.load_params(tmp_path / "init.npz")
    assert not np.array_equal(net.params["W1"], init.params["W1"])
    # Same seed, same data, same weights.
    out2 = tmp_path / "w2.npz"
    train_cli.main(["--data", str(tmp_path / "data"), "--epochs", "2", "--batch-size", "20", "--out", str(out2),
                    "--quiet", "--seed", "3"])
    again = SimpleConvNet()
    again.load_params(out2)
    for key in net.params:
        np.testing.assert_array_equal(net.params[key], again.params[key])


def test_the_training_record_gives_the_training_time_in_seconds(tmp_path, monkeypatch):
    """The clock read at the start and at the end of training: 92.3 s between them, recorded as 92.3."""
    import time
    import types

    readings = iter([1000.0])
    clock = types.SimpleNamespace(perf_counter=lambda: next(readings, 1092.3), time_ns=time.time_ns)
    monkeypatch.setattr(train_cli, "time", clock)
    write_dataset(tmp_path / "data", n_train=40, n_test=20)
    args = train_cli.build_parser().parse_args(["--data", str(tmp_path / "data"), "--epochs", "1", "--batch-size",
                                                "20", "--out", str(tmp_path / "w.npz"), "--quiet"])
    meta = train_cli.train(args, log=lambda line: None)
    assert meta["training_seconds"] == 92.3
    assert json.loads((tmp_path / "w.json").read_text())["training_seconds"] == 92.3


def test_training_command_says_each_epochs_accuracies_and_the_final_one_on_the_test_images(tmp_path):
    write_dataset(tmp_path / "data", n_train=80, n_test=20)
    args = train_cli.build_parser().parse_args(["--data", str(tmp_path / "data"), "--epochs", "2", "--batch-size",
                                                "20", "--out", str(tmp_path / "w.npz"), "--quiet", "--seed", "1"])
    said = []
    meta = train_cli.train(args, log=said.append)
    epochs = [line for line in said if line.startswith("epoch ")]
    assert len(epochs) == 2 and len(meta["history"]) == 2
    for line, h in zip(epochs, meta["history"]):
        assert line.startswith(f"epoch {h['epoch']}/2: train acc {h['train_acc']:.4f} test acc {h['test_acc']:.4f} (")
    assert any(h["train_acc"] != h["test_acc"] for h in meta["history"])  # the two would show swapped
    assert said[-1] == (f"test accuracy {meta['test_accuracy']:.4f} on 20 images; weights written to "
                        f"{tmp_path / 'w.npz'}")


def test_training_command_keeps_last_epoch_on_ctrl_c(tmp_path, monkeypatch):
    write_dataset(tmp_path / "data", n_train=60, n_test=20)
    real = train_cli.iterate_training

    after_epoch_1 = {}

    def interrupted(network, *args, **kwargs):
        for event in real(network, *args, **kwargs):
            yield event
            if isinstance(event, EpochEnd) and event.epoch == 1:
                after_epoch_1.update({k: v.copy() for k, v in network.params.items()})
            if isinstance(event, TrainStep) and event.epoch == 2:
                raise KeyboardInterrupt  # Ctrl+C in the middle of epoch 2, after one more update

    monkeypatch.setattr(train_cli, "iterate_training", interrupted)
    out = tmp_path / "w.npz"
    assert train_cli.main(["--data", str(tmp_path / "data"), "--epochs", "5", "--batch-size", "20",
                           "--out", str(out), "--quiet"]) == 0
    meta = json.loads(out.with_suffix(".json").read_text())
    assert meta["interrupted"] and meta["epochs"] == 1
    with np.load(out) as saved:  # the weights as epoch 1 left them, not the half-trained ones
        for key, value in after_epoch_1.items():
            np.testing.assert_array_equal(saved[key], value, err_msg=key)


def test_training_command_decays_the_learning_rate_every_epoch_and_sizes_deep_convnet_as_the_book(
        tmp_path, monkeypatch):
    write_dataset(tmp_path / "data", n_train=40, n_test=20)
    real, rates = train_cli.iterate_training, []

    def watched(*args, **kwargs):
        for event in real(*args, **kwargs):
            yield event
            if isinstance(event, EpochEnd):
                rates.append(kwargs["optimizer"].lr)

    monkeypatch.setattr(train_cli, "iterate_training", watched)
    assert train_cli.main(["--data", str(tmp_path / "data"), "--epochs", "3", "--batch-size", "20", "--lr", "0.01",
                           "--lr-decay", "0.5", "--out", str(tmp_path / "w.npz"), "--quiet"]) == 0
    assert rates == pytest.approx([0.005, 0.0025, 0.00125])  # after each epoch's decay: 0.01 * 0.5^epoch
    import json

    recorded = json.loads((tmp_path / "w.json").read_text())["hyperparameters"]
    assert recorded["lr"] == 0.01 and recorded["lr_decay"] == 0.5  # the rate it started with, not the last one
    net, meta = train_cli.build_network(train_cli.build_parser().parse_args(["--net", "deep"]))
    assert meta["hidden_size"] == 50 and net.params["W7"].shape == (64 * 4 * 4, 50)  # the book's DeepConvNet


def test_training_command_progress_bar_shows_time_and_what_is_left():
    import io

    assert [train_cli._fmt_time(s) for s in (5, 65, 600.9)] == ["0:05", "1:05", "10:00"]
    stream = io.StringIO()
    bar = train_cli.ProgressBar(100, stream=stream, width=10)
    bar.start -= 30.0  # 30 s ago
    bar.update(25)  # a quarter done in 30 s: 90 s to go
    assert "ETA 1:30" in stream.getvalue() and "[##        ]  25.0%" in stream.getvalue()
    bar.update(26)  # within 0.2 s of the last: not drawn again
    assert "26.0%" not in stream.getvalue()
    bar.update(100)  # the end always is
    assert "100.0%" in stream.getvalue()


def test_training_command_reports_missing_data(tmp_path, capsys):
    assert train_cli.main(["--data", str(tmp_path), "--quiet"]) == 2
    assert "missing train-images-idx3-ubyte.gz" in capsys.readouterr().err


class BookStyleNet:
    """A network written the book's way, with only its interface: params, gradient, loss, accuracy
    (no last_loss). Softmax regression, numerical-free: the gradient by hand."""

    def __init__(self, seed=0):
        rng = np.random.default_rng(seed)
        self.params = {"W": 0.01 * rng.standard_normal((4, 3)), "b": np.zeros(3)}
        self.loss_calls = 0

    def predict(self, x):
        return x @ self.params["W"] + self.params["b"]

    def loss(self, x, t):
        self.loss_calls += 1
        y = self.predict(x)
        y = y - y.max(axis=1, keepdims=True)
        logp = y - np.log(np.exp(y).sum(axis=1, keepdims=True))
        return -logp[np.arange(len(t)), t].mean()

    def gradient(self, x, t):
        y = np.exp(self.predict(x))
        y /= y.sum(axis=1, keepdims=True)
        y[np.arange(len(t)), t] -= 1
        y /= len(t)
        return {"W": x.T @ y, "b": y.sum(axis=0)}

    def accuracy(self, x, t):
        return float(np.mean(self.predict(x).argmax(axis=1) == t))


def test_trainer_trains_a_network_written_the_books_way():
    rng = np.random.default_rng(1)
    t = rng.integers(0, 3, 300)
    x = rng.standard_normal((300, 4)) * 0.3
    x[np.arange(300), t] += 2.0  # learnable: the label's feature is large
    net = BookStyleNet()
    trainer = Trainer(net, x, t, x, t, epochs=3, mini_batch_size=30, optimizer="SGD",
                      optimizer_param={"lr": 0.5}, verbose=False, seed=0)
    trainer.train()
    assert len(trainer.train_loss_list) == 30 and net.loss_calls >= 30  # the loss was asked, as in the book
    assert trainer.train_loss_list[-1] < trainer.train_loss_list[0] and trainer.test_acc_list[-1] > 0.9


@pytest.mark.parametrize("args, fragment", [
    (["--epochs", "0"], "must be at least 1"),
    (["--epochs", "-3"], "must be at least 1"),
    (["--batch-size", "0"], "must be at least 1"),
    (["--batch-size", "-5"], "must be at least 1"),
    (["--subset", "-100"], "must be at least 1"),
    (["--hidden", "0"], "must be at least 1"),
    (["--lr", "-1"], "must be above 0"),
    (["--lr", "nan"], "not a finite number"),
    (["--lr-decay", "nan"], "not a finite number"),
    (["--lr-decay", "0"], "must be above 0"),
    (["--threads", "0"], "must be at least 1"),
    (["--threads", "many"], "not an integer"),
    (["--optimizer", "adamw"], "invalid choice"),
    (["--out", "w.json"], "written as .npz"),
    (["--epochs", "2.5"], "not an integer"),
])
def test_training_command_refuses_bad_arguments_before_doing_anything(args, fragment, capsys):
    with pytest.raises(SystemExit) as e:
        train_cli.main(args)
    assert e.value.code == 2
    assert fragment in capsys.readouterr().err


def test_training_command_checks_its_output_before_training(tmp_path, capsys, monkeypatch):
    """An --out that is a folder, or in a folder that cannot be written, fails at once (it used to
    train fully, then fail with nothing saved); the data is never loaded."""
    loaded = []
    monkeypatch.setattr(train_cli, "load_mnist", lambda *a, **k: loaded.append(1))
    (tmp_path / "folder.npz").mkdir()
    assert train_cli.main(["--out", str(tmp_path / "folder.npz"), "--quiet"]) == 2
    assert "is a folder" in capsys.readouterr().err
    blocker = tmp_path / "file"
    blocker.write_text("")
    assert train_cli.main(["--out", str(blocker / "sub" / "w.npz"), "--quiet"]) == 2
    assert "cannot create the folder" in capsys.readouterr().err
    assert not loaded


def test_training_command_never_overwrites_better_weights_unless_forced(tmp_path, capsys):
    write_dataset(tmp_path / "data", n_train=60, n_test=20)
    out = tmp_path / "w.npz"
    base = ["--data", str(tmp_path / "data"), "--epochs", "1", "--batch-size", "20", "--quiet", "--out", str(out)]
    assert train_cli.main(base) == 0
    meta = json.loads(out.with_suffix(".json").read_text())
    meta["test_accuracy"] = 1.01  # the weights already there are recorded as better than anything new
    out.with_suffix(".json").write_text(json.dumps(meta))
    before = out.read_bytes()
    assert train_cli.main(base + ["--seed", "9"]) == 0
    assert out.read_bytes() == before  # kept
    assert (tmp_path / "w-new.npz").exists() and "kept" in capsys.readouterr().out
    assert train_cli.main(base + ["--seed", "9", "--force"]) == 0
    assert out.read_bytes() != before


def test_an_empty_test_set_is_an_error_not_a_division_by_zero(tmp_path, capsys):
    write_dataset(tmp_path / "data", n_train=20, n_test=0)
    code = train_cli.main(["--data", str(tmp_path / "data"), "--epochs", "1", "--quiet",
                           "--out", str(tmp_path / "w.npz")])
    assert code == 2 and "empty" in capsys.readouterr().err
    assert not (tmp_path / "w.npz").exists()


def test_a_verbose_trainer_prints_the_books_lines(capsys):
    """common/trainer.py's console: "train loss:…" per step, "=== epoch:k, train acc:…, test acc:… ===" per
    epoch, then the final test accuracy."""
    rng = np.random.default_rng(4)
    x, t = rng.random((40, 6)), rng.integers(0, 3, 40)
    x[np.arange(40), t] += 2  # learnable training images; the test labels are random: other accuracies
    xt, tt = rng.random((10, 6)), rng.integers(0, 3, 10)
    trainer = Trainer(MultiLayerNet(6, [5], 3, seed=0), x, t, xt, tt, epochs=2, mini_batch_size=20,
                      optimizer="SGD", optimizer_param={"lr": 0.5}, verbose=True, seed=1)
    final = trainer.train()
    lines = capsys.readouterr().out.splitlines()
    assert lines[:2] == [f"train loss:{loss}" for loss in trainer.train_loss_list[:2]]
    epochs = [line for line in lines if line.startswith("=== epoch:")]
    assert epochs == [f"=== epoch:{k + 1}, train acc:{a}, test acc:{b} ===" for k, (a, b) in
                      enumerate(zip(trainer.train_acc_list, trainer.test_acc_list))]
    assert any(a != b for a, b in zip(trainer.train_acc_list, trainer.test_acc_list))
    assert lines[-2:] == ["=============== Final Test Accuracy ===============", f"test acc:{final}"]

import gzip
import os
import re
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from engine import mnist
from engine.deep_convnet import DeepConvNet
from engine.events import EpochEnd
from engine.simple_convnet import SimpleConvNet
from explorer.app import MainWindow
from explorer.panels.training import jobs
from explorer.panels.training.events import (
    Epoch,
    Evaluating,
    EvaluatingAll,
    Final,
    Loading,
    RaceStarted,
    RaceSteps,
    Started,
    Steps,
)
from tests.engine.test_mnist import idx_bytes
from tests.explorer.conftest import choose_data_folder


def write_learnable_dataset(folder, n_train=600, n_test=200, seed=0):
    """Digits a network can learn at once: label k is a bright bar in rows 2k+4 .. 2k+6, plus noise."""
    rng = np.random.default_rng(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for kind, n in (("train", n_train), ("test", n_test)):
        labels = rng.integers(0, 10, n)
        images = rng.integers(0, 60, (n, 28, 28))
        for i, k in enumerate(labels):
            images[i, 2 * k + 4 : 2 * k + 7, 4:24] = 255
        (folder / mnist.FILES[f"{kind}_img"]).write_bytes(gzip.compress(idx_bytes(images, mnist.IMAGE_MAGIC)))
        (folder / mnist.FILES[f"{kind}_label"]).write_bytes(gzip.compress(idx_bytes(labels, mnist.LABEL_MAGIC)))
    return folder


@pytest.fixture
def panel(window, qtbot):
    window.select_panel("training")
    p = window.current_panel()
    qtbot.waitExposed(p)
    return p


@pytest.fixture
def with_data(panel, tmp_path):
    panel.context.settings.set("data_dir", str(write_learnable_dataset(tmp_path / "mnist")))
    panel._update_notice()
    return panel


def wait_done(qtbot, panel, timeout=60000):
    qtbot.waitUntil(lambda: panel.running_page is None and not panel.is_running(), timeout=timeout)


def test_without_mnist_it_says_so_and_offers_the_download(panel):
    assert panel.notice_bar.isVisible() and "not on this computer" in panel.notice.text()
    assert not panel.run_job(panel.convnet_page, lambda *a, **k: None, {})
    assert "download it first" in panel.convnet_page.run.status.text()
    assert panel.worker is None and panel.convnet_page.run.start_button.isEnabled()


def test_training_shows_curves_and_filters_and_hands_over_the_weights(with_data, qtbot):
    panel, page = with_data, with_data.convnet_page
    assert not panel.notice_bar.isVisible()
    page.epochs_spin.setValue(3)
    page.train_size.setCurrentIndex(page.train_size.findData(1000))  # more than there are: all 600
    page.start()
    assert page.run.stop_button.isEnabled() and not page.run.start_button.isEnabled()
    wait_done(qtbot, panel)
    assert len(page.iterations) == 3 * 6 and [e[0] for e in page.epochs] == [1, 2, 3]
    assert page.epochs[-1][2] > 0.9  # test accuracy on the learnable digits
    assert "Done." in page.run.status.text() and "%" in page.run.status.text()
    x, _ = page.loss_smooth.getData()
    assert len(x) == 18
    before, now = page.before_view.image.image, page.after_view.image.image
    assert before.shape == now.shape == (5 * 6 - 1, 6 * 6 - 1)  # 30 filters, 6 columns, 1-pixel gaps
    assert not np.allclose(np.nan_to_num(before), np.nan_to_num(now))
    np.testing.assert_allclose(np.nan_to_num(now)[:5, :5], page.trained.params["W1"][0, 0], rtol=1e-6)
    assert page.trained.params["W1"][0, 0].tolist() != SimpleConvNet(seed=0).params["W1"][0, 0].tolist()
    with qtbot.waitSignal(panel.context.model.weights_changed):
        page.use_button.click()
    assert panel.context.model.net is page.trained


def test_deep_convnet_trains_says_its_time_per_epoch_and_opens_in_the_layer_explorer(window, with_data, qtbot):
    panel, page = with_data, with_data.convnet_page
    page.network.setCurrentIndex(page.network.findData("deep"))
    assert "DeepConvNet" in page.settings_box.title()
    before = np.nan_to_num(page.before_view.image.image)
    assert before.shape == (4 * 4 - 1, 4 * 4 - 1)  # 16 filters 3x3, 4 columns, 1-pixel gaps
    np.testing.assert_allclose(before[:3, :3], DeepConvNet(seed=0).params["W1"][0, 0], rtol=1e-6)
    page.epochs_spin.setValue(2)
    page.start()
    wait_done(qtbot, panel, timeout=120000)
    assert type(page.trained).__name__ == "DeepConvNet" and [e[0] for e in page.epochs] == [1, 2]
    assert page.epoch_seconds > 0
    assert "per epoch, " in page.run.status.text() and "measuring accuracy." in page.run.status.text()
    # The abstraction curve, once per epoch: six conv layers, the newest in front.
    assert len(page.depth_plot.curves) == 2
    x, y = page.depth_plot.curves[-1].getData()
    assert list(x) == [1, 2, 3, 4, 5, 6] and np.all((y >= 1 / 9) & (y <= 1))
    assert page.use_button.text() == "Open in the Layer Explorer"
    page.use_button.click()
    layers = window.current_panel()
    assert layers.spec.key == "layers"
    qtbot.waitUntil(lambda: layers.state.network == "file", timeout=10000)
    assert layers.network.net.params["W2"].tolist() == page.trained.params["W2"].tolist()
    assert layers.controls.network_combo.currentText() == "trained in the Training Studio"
    assert panel.context.model.net is not page.trained  # Draw & Classify keeps its SimpleConvNet


def test_saved_weights_load_back(with_data, qtbot, tmp_path):
    panel, page = with_data, with_data.convnet_page
    page.epochs_spin.setValue(1)
    page.start()
    wait_done(qtbot, panel)
    path = tmp_path / "w.npz"
    assert page.save(path)
    assert page.run.status.text() == f"Saved {path}"
    net = SimpleConvNet()
    net.load_params(path)
    for key, value in page.trained.params.items():
        np.testing.assert_array_equal(net.params[key], value)


def test_stop_keeps_the_weights_so_far_and_the_data_stays_loaded(with_data, qtbot):
    panel, page = with_data, with_data.convnet_page
    page.epochs_spin.setValue(50)
    QTest.keyClick(panel, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Return: start
    qtbot.waitUntil(lambda: len(page.iterations) > 0, timeout=30000)
    QTest.keyClick(panel, Qt.Key.Key_Escape)  # Esc: stop
    wait_done(qtbot, panel)
    assert "Stopped" in page.run.status.text()
    assert page.trained is not None and page.use_button.isEnabled()
    assert len(page.iterations) < 50 * 6
    assert panel.data is not None  # the next run starts without loading MNIST again
    events = []
    page.epochs_spin.setValue(1)
    panel.run_job(page, jobs.train_convnet, page.settings())
    panel.worker.progress.connect(lambda e: events.append(type(e)))
    wait_done(qtbot, panel)
    assert Loading not in events
    assert events.index(Evaluating) < events.index(Epoch)  # the status says why the bar pauses


def test_the_race_draws_one_curve_per_ticked_optimizer(with_data, qtbot):
    panel = with_data
    panel.tabs.setCurrentIndex(1)
    page = panel.race_page
    for key, check in page.checks.items():
        check.setChecked(key in ("sgd", "adam"))
    page.iterations.setValue(150)
    page.start()
    wait_done(qtbot, panel)
    assert page.names == ["sgd", "adam"] and page.losses.shape == (150, 2)
    assert [it for it, _ in page.evals] == [100, 150]
    x, y = page.loss_curves["adam"].getData()
    assert len(x) == 150
    unticked = page.loss_curves["momentum"].getData()[0]
    assert unticked is None or len(unticked) == 0
    assert page.losses[-10:, 1].mean() < page.losses[:10, 1].mean()  # Adam learned something
    lines = page.summary.text().splitlines()
    assert len(lines) == 3 and "150 iterations" in lines[0]
    (x0, x1), _ = page.acc_plot.getViewBox().viewRange()
    assert x0 <= 100 and x1 > 150  # the last evaluation (at 150) is inside the plot, not on its edge
    page.iterations.setValue(300)
    page.on_started()  # a new run: fresh axes for its length
    (x0, x1), (y0, y1) = page.acc_plot.getViewBox().viewRange()
    assert x1 > 300 and (y0, y1) == pytest.approx((0, 1), abs=0.05)
    assert {line.split(". ")[1].split(":")[0] for line in lines[1:]} == {"SGD", "Adam"}


def test_the_filters_a_run_starts_from_are_shown_before_it_starts(panel):
    page = panel.convnet_page
    shown = page.before_view.image.image
    np.testing.assert_allclose(shown[:5, :5], SimpleConvNet(seed=0).params["W1"][0, 0], rtol=1e-6)
    page.seed.setValue(3)
    np.testing.assert_allclose(page.before_view.image.image[:5, 6:11], SimpleConvNet(seed=3).params["W1"][1, 0],
                               rtol=1e-6)


def test_a_diverging_optimizer_drops_out_of_the_race_and_the_others_finish(with_data, qtbot):
    panel = with_data
    page = panel.race_page
    panel.run_job(page, jobs.race_optimizers, {"learning_rates": {"sgd": 50.0, "adam": 0.001}, "iterations": 120,
                                               "seed": 0})
    wait_done(qtbot, panel)
    assert "sgd" in page.diverged and page.losses.shape == (120, 2)
    x, _ = page.loss_curves["sgd"].getData()
    assert len(x) == page.diverged["sgd"] - 1  # its curve ends where its loss blew up
    assert len(page.loss_curves["adam"].getData()[0]) == 120
    lines = page.summary.text().splitlines()
    assert lines[1].startswith("1. Adam")
    assert f"SGD diverged at iteration {page.diverged['sgd']:,}: lower its learning rate." in lines
    assert "Done." in page.run.status.text()


def test_the_race_needs_an_optimizer(with_data):
    page = with_data.race_page
    for check in page.checks.values():
        check.setChecked(False)
    page.start()
    assert "at least one optimizer" in page.run.status.text() and with_data.worker is None


def test_a_diverging_run_ends_with_a_clear_message(with_data, qtbot):
    panel, page = with_data, with_data.convnet_page
    page.optimizer.setCurrentIndex(page.optimizer.findData("sgd"))
    page.lr.setValue(1.0)
    page.epochs_spin.setValue(3)
    panel.run_job(page, jobs.train_convnet, {**page.settings(), "lr": 1e30})
    wait_done(qtbot, panel)
    text = page.run.status.text()
    assert re.fullmatch(r"Training stopped: the loss became (nan|inf) at iteration [1-9]\d*: lower the learning rate",
                        text), text
    assert page.run.start_button.isEnabled()


def test_a_network_that_does_not_learn_is_called_out(with_data, qtbot):
    panel, page = with_data, with_data.convnet_page
    page.epochs_spin.setValue(2)
    panel.run_job(page, jobs.train_convnet, {**page.settings(), "optimizer": "sgd", "lr": 1e6})
    wait_done(qtbot, panel)
    assert page.epochs[-1][2] < 0.2
    assert "accuracy of guessing" in page.run.status.text()
    panel.run_job(page, jobs.train_convnet, page.settings())  # the default: learns
    wait_done(qtbot, panel)
    assert "accuracy of guessing" not in page.run.status.text()


def test_closing_the_window_mid_training_keeps_the_weights(window, with_data, qtbot, tmp_path):
    panel, page = with_data, with_data.convnet_page
    page.epochs_spin.setValue(50)
    page.start()
    qtbot.waitUntil(lambda: len(page.iterations) > 0, timeout=30000)
    worker = panel.worker
    window.close()
    assert worker.isFinished()
    # Nothing lost: the network trained so far waits beside the settings for the next start.
    saved = panel.autosave_path
    assert saved.exists()
    kept = SimpleConvNet()
    kept.load_params(saved)
    assert not np.array_equal(kept.params["W1"], SimpleConvNet(seed=0).params["W1"])  # it had trained
    again = MainWindow(panel.context.settings, lang="en", panel="training")
    qtbot.addWidget(again)
    page2 = again.current_panel().convnet_page
    assert page2.trained is not None and page2.use_button.isEnabled()
    assert "Restored the network you trained last time" in page2.run.status.text()
    np.testing.assert_array_equal(page2.trained.params["W2"], kept.params["W2"])
    assert page2.save(tmp_path / "mine.npz")  # saved by the user: no longer kept on close
    again.close()
    assert not saved.exists()


def test_an_unreadable_kept_network_is_reported_and_dropped(settings, qtbot):
    (settings.path.parent / "training-autosave.npz").write_bytes(b"not a zip")
    win = MainWindow(settings, lang="en", panel="training")
    qtbot.addWidget(win)
    page = win.current_panel().convnet_page
    assert page.trained is None
    assert page.run.status.text() == ("The network kept from last time could not be read: "
                                      "training-autosave.npz: not a valid .npz file (it is not a zip archive)")
    assert not (settings.path.parent / "training-autosave.npz").exists()


def test_epochs_measure_a_10000_image_sample_and_the_end_every_training_image(panel, qtbot, tmp_path):
    folder = write_learnable_dataset(tmp_path / "big", n_train=10_300, n_test=100)
    panel.context.settings.set("data_dir", str(folder))
    page = panel.convnet_page
    page.epochs_spin.setValue(1)
    page.train_size.setCurrentIndex(page.train_size.findData(60000))  # all 10,300
    events = []
    page.start()
    panel.worker.progress.connect(lambda e: events.append(e))
    wait_done(qtbot, panel, timeout=120000)
    kinds = [type(e) for e in events]
    assert kinds.index(Epoch) < kinds.index(EvaluatingAll) < kinds.index(Final)
    final = next(e for e in events if isinstance(e, Final))
    (x_train, t_train), _ = mnist.load_idx_dataset(folder)
    expected = page.trained.accuracy(x_train.astype(np.float32)[:, None] / 255.0, t_train)
    assert final.train_images == 10_300 and final.train_acc == pytest.approx(expected, abs=1e-12)
    assert f"{100 * expected:.2f} % on the training images" in page.run.status.text()


def test_choosing_the_mnist_folder_clears_the_notice_at_once(window, panel, tmp_path):
    assert panel.notice_bar.isVisible() and "File › Choose MNIST folder" in panel.notice.text()
    assert choose_data_folder(window, write_learnable_dataset(tmp_path / "mnist", 20, 20))
    assert not panel.notice_bar.isVisible()  # without switching panels


def test_stopping_a_race_speaks_of_curves_not_weights(with_data, qtbot):
    panel = with_data
    panel.tabs.setCurrentIndex(1)
    page = panel.race_page
    page.iterations.setValue(20000)
    page.start()
    qtbot.waitUntil(lambda: len(page.losses) > 0, timeout=30000)
    panel.stop()
    wait_done(qtbot, panel)
    assert "the curves so far stay" in page.run.status.text() and "weights" not in page.run.status.text()


def test_the_race_ranking_lists_the_best_first(panel):
    page = panel.race_page
    page.names = ["sgd", "momentum", "adam"]
    page.diverged = {}
    page.evals = [(100, np.array([0.31, 0.95, 0.72])), (200, np.array([0.5, 0.93, 0.97]))]
    page.on_finished(None, "done")
    lines = page.summary.text().splitlines()
    assert lines[0] == "After 200 iterations, on 1,000 test images:"  # the last evaluation
    assert lines[1:4] == ["1. Adam: 97.0 %", "2. Momentum: 93.0 %", "3. SGD: 50.0 %"]


def test_a_trained_network_that_cannot_be_kept_is_offered_elsewhere(window, with_data, qtbot, tmp_path,
                                                                     monkeypatch):
    """A read-only config folder or a full disk lost the unsaved network with only a log line; now
    the user is told and asked where to save it."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    panel, page = with_data, with_data.convnet_page
    page.epochs_spin.setValue(1)
    page.start()
    qtbot.waitUntil(lambda: page.trained is not None and panel.worker is None, timeout=60000)
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    chosen = tmp_path / "elsewhere" / "mine.npz"
    chosen.parent.mkdir()
    taken = tmp_path / "taken.npz"
    taken.mkdir()  # the first place chosen is a folder: cannot be written, so the question comes again
    places = iter([str(taken), str(chosen)])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (next(places), ""))

    def full_disk(self, file_name="params.npz"):
        if str(file_name) == str(panel.autosave_path):
            raise OSError(28, "No space left on device")
        return real_save(self, file_name)

    real_save = type(page.trained).save_params
    monkeypatch.setattr(type(page.trained), "save_params", full_disk)
    window.close()
    assert asked[0] == (f"The network you trained and did not save cannot be kept in {panel.autosave_path.parent} "
                        "(No space left on device). Save it somewhere else?")
    assert len(asked) == 2 and asked[1].startswith(f"{taken} cannot be written (")
    assert asked[1].endswith("). Choose another place?")
    kept = SimpleConvNet()
    kept.load_params(chosen)
    np.testing.assert_array_equal(kept.params["W1"], page.trained.params["W1"])


def test_closing_during_the_studios_download_still_keeps_the_trained_network(window, with_data, qtbot,
                                                                             monkeypatch):
    import time

    from engine import mnist

    panel, page = with_data, with_data.convnet_page
    page.epochs_spin.setValue(1)
    page.start()
    qtbot.waitUntil(lambda: page.trained is not None and panel.worker is None, timeout=60000)

    def stalled(progress=None, should_stop=None, **kwargs):
        while True:
            time.sleep(0.05)

    monkeypatch.setattr(mnist, "download_mnist", stalled)
    panel._on_download_clicked()
    window.close()  # stopping the download must not keep the shutdown from keeping the network
    assert panel.autosave_path.exists()


def test_finished_runs_leave_no_worker_holding_their_results(with_data, qtbot):
    """Each run's worker kept its result (the data and a network) alive: +7-9 MB per run."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from explorer.workers import Worker

    panel, page = with_data, with_data.convnet_page
    page.epochs_spin.setValue(1)
    for _ in range(2):
        page.start()
        qtbot.waitUntil(lambda: panel.worker is None, timeout=60000)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not [w for w in panel.findChildren(Worker) if w.result is not None]
    assert page.trained is not None  # the page has what it needs


def small_data(n_train=300, n_test=100, seed=0):
    rng = np.random.default_rng(seed)

    def part(n):
        t = rng.integers(0, 10, n)
        x = rng.integers(0, 60, (n, 28, 28)).astype(np.uint8)
        for i, k in enumerate(t):
            x[i, 2 * k + 4 : 2 * k + 7, 4:24] = 255
        return x, t
    return part(n_train), part(n_test)


def drain(job):
    """A generator job run to its end here: (what it yielded, what it returned)."""
    events = []
    while True:
        try:
            events.append(next(job))
        except StopIteration as done:
            return events, done.value


@pytest.mark.parametrize("epochs", [3, 2])
def test_every_epoch_ends_with_its_last_step_and_the_accuracy_being_measured(epochs):
    events, _ = drain(jobs.train_convnet(lambda: False, small_data(), None, "adam", 0.001, epochs=epochs,
                                         train_images=300, seed=0, threads=1))
    assert len([e for e in events if isinstance(e, Evaluating)]) == epochs
    for epoch in range(1, epochs + 1):  # 3 steps of 100 images per epoch
        at = events.index(Evaluating(epoch))
        before, after = events[at - 1], events[at + 1]
        assert isinstance(before, Steps) and (before.step.epoch, before.step.iteration) == (epoch, 3 * epoch)
        assert isinstance(after, Epoch) and after.end.epoch == epoch


def test_the_race_is_the_books_five_layer_network():
    _, result = drain(jobs.race_optimizers(lambda: False, small_data(), None, {"sgd": 0.01, "adam": 0.001},
                                           iterations=2, seed=0))
    shapes = {k: v.shape for k, v in result["race"].params[0].items()}
    assert shapes == {"W1": (784, 100), "W2": (100, 100), "W3": (100, 100), "W4": (100, 100), "W5": (100, 10),
                      "b1": (100,), "b2": (100,), "b3": (100,), "b4": (100,), "b5": (10,)}


def test_the_time_per_epoch_is_the_runs_time_over_its_epochs(panel):
    page = panel.convnet_page
    page.on_progress(Epoch(EpochEnd(4, 40, 50, 0.9, 0.9, 100.0), np.zeros((30, 5, 5))))
    assert page.epoch_seconds == pytest.approx(25.0)


def test_the_studios_save_dialog_opens_where_weights_were_last_saved(panel, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    page = panel.convnet_page
    page._set_trained(SimpleConvNet(seed=0))
    panel.context.settings.remember_folder("weights", str(tmp_path / "mine" / "old.npz"))
    starts = []

    def fake_save(parent, title, start, kinds):
        starts.append(start)
        return str(tmp_path / "elsewhere" / "net.npz"), kinds

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_save))
    (tmp_path / "elsewhere").mkdir()
    page._on_save_clicked()
    page._on_save_clicked()
    assert starts == [str(tmp_path / "mine" / "simple_convnet_trained.npz"),  # was the current directory
                      str(tmp_path / "elsewhere" / "simple_convnet_trained.npz")]
    assert (tmp_path / "elsewhere" / "net.npz").exists()


def test_the_race_draws_batches_of_128_as_the_book_and_races_only_the_ticked(panel, monkeypatch):
    seen = {}
    real = jobs.iterate_race

    def spy(race, *args, **kwargs):
        seen.update(kwargs, names=list(race.names))
        return real(race, *args, **kwargs)

    monkeypatch.setattr(jobs, "iterate_race", spy)
    drain(jobs.race_optimizers(lambda: False, small_data(), None, {"sgd": 0.01}, iterations=1, seed=0))
    assert seen["batch_size"] == 128 and seen["names"] == ["sgd"]
    page = panel.race_page
    for key, check in page.checks.items():
        check.setChecked(key in ("adam", "rmsprop"))
    assert set(page.settings()["learning_rates"]) == {"adam", "rmsprop"}


def test_the_final_message_gives_the_accuracy_on_every_training_image_when_measured(panel):
    page = panel.convnet_page
    page.epochs, page.test_images = [(1, 0.5, 0.6)], 100
    page.final_train = (0.9, 10_300)
    page.on_finished(None, "Done.")
    assert "90.00 % on the training images, 60.00 % on the 100 test images" in page.run.status.text()
    page.final_train = None
    page.on_finished(None, "Done.")
    assert "50.00 % on the training images" in page.run.status.text()


def test_a_saved_network_is_not_kept_again_and_a_new_one_is_unsaved(panel, tmp_path):
    page = panel.convnet_page
    first, second = SimpleConvNet(seed=1), SimpleConvNet(seed=2)
    page._set_trained(first)
    page.save(str(tmp_path / "first.npz"))
    assert page.saved
    page._set_trained(first)  # the same network again: still saved
    assert page.saved
    page._set_trained(second)
    assert not page.saved
    page.save(str(tmp_path / "second.npz"))
    panel.autosave_path.write_bytes(b"old")  # a network kept from an earlier session
    panel.shutdown()
    assert not panel.autosave_path.exists()  # everything saved: nothing to keep for next time


def test_the_overfitting_page_draws_both_accuracies_and_compares_with_the_previous_run(with_data, qtbot):
    panel, page = with_data, with_data.overfit_page
    panel.tabs.setCurrentWidget(page)
    page.book_runs.setCurrentIndex(page.book_runs.findData("decay"))
    page._on_book_run_chosen(page.book_runs.currentIndex())
    chosen = (page.train_size.value(), page.decay.value(), page.dropout.value(), page.epochs.value())
    assert chosen == (300, 0.1, 0, 200)
    page.train_size.setValue(200)
    page.decay.setValue(0.0)
    page.epochs.setValue(6)
    page.test_images.setValue(500)  # the dataset has 200: all of them
    page.start()
    wait_done(qtbot, panel)
    epochs, train = page.train_curve.getData()
    assert list(epochs) == list(range(7)) and len(page.test_curve.getData()[1]) == 7  # epoch 0 .. 6
    assert train[-1] > train[0]  # it learns the 200 images
    first_gap = page.gap()
    first_test = page.test_curve.getData()[1].copy()
    assert not np.array_equal(first_test, train)
    assert f"{100 * first_gap:.1f}" in page.summary.text() and "Done." in page.run.status.text()
    assert page.earlier_curves[0].getData()[0] is None or len(page.earlier_curves[0].getData()[0]) == 0
    page.decay.setValue(0.5)  # a strong weight decay: the next run is drawn over this one
    page.start()
    wait_done(qtbot, panel)
    np.testing.assert_array_equal(page.earlier_curves[0].getData()[1], train)
    np.testing.assert_array_equal(page.earlier_curves[1].getData()[1], first_test)  # dashed: its test curve
    assert "λ = 0" in page.summary.text() and f"{100 * first_gap:.1f}" in page.summary.text()


def test_stopping_the_overfitting_run_keeps_its_curves(with_data, qtbot):
    panel, page = with_data, with_data.overfit_page
    page.epochs.setValue(1000)
    page.test_images.setValue(500)
    page.start()
    qtbot.waitUntil(lambda: len(page.history[0]) >= 3, timeout=30000)
    panel.stop()
    wait_done(qtbot, panel)
    assert 3 <= len(page.train_curve.getData()[0]) < 1001 and "curves so far stay" in page.run.status.text()
    assert all(p.run.start_button.isEnabled() for p in panel.pages)


def test_the_weight_init_page_draws_the_books_histograms_and_names_the_case(panel):
    from engine.experiments import activation_histograms
    from explorer.panels.training.init_page import BINS

    page = panel.init_page
    for activation, init, word in (("sigmoid", "1", "pile up"), ("sigmoid", "0.01", "nearly the same"),
                                   ("tanh", "xavier", "suits"), ("relu", "1", "grow"), ("relu", "xavier", "too small"),
                                   ("relu", "he", "suits")):
        page.activation.setCurrentIndex(page.activation.findData(activation))
        page.init.setCurrentIndex(page.init.findData(init))
        assert word in page.verdict.text()
    page.seed.setValue(4)  # ReLU with He, seed 4
    layers = activation_histograms("relu", "he", seed=4)
    top = max(np.percentile(a[a > 0], 99) for a in layers)
    for bars, a in zip(page.bars, layers):
        counts, edges = np.histogram(a[a > 0], bins=BINS, range=(0, top))
        np.testing.assert_array_equal(bars.opts["height"], counts)
        np.testing.assert_allclose(bars.opts["x0"], edges[:-1])
    assert page.captions[2].text() == f"σ = {layers[2].std():.3g}"
    titles = [plot.getPlotItem().titleLabel.text for plot in page.hist_plots]
    assert titles == [f"layer {k}" for k in range(1, len(layers) + 1)] and len(titles) == 5  # the book's 5 layers
    page.activation.setCurrentIndex(page.activation.findData("sigmoid"))
    assert page.bars[0].opts["x0"][0] == 0 and page.bars[0].opts["x1"][-1] == pytest.approx(1.0)


def test_the_three_initialisations_train_side_by_side(with_data, qtbot):
    panel, page = with_data, with_data.init_page
    panel.tabs.setCurrentWidget(page)
    page.iterations.setValue(300)
    page.start()
    wait_done(qtbot, panel)
    assert page.names == ["0.01", "xavier", "he"] and page.losses.shape == (300, 3)
    final = page.final_losses()
    assert final["he"] < final["0.01"]  # He learns; std 0.01 hardly moves from ln 10
    assert final["0.01"] == pytest.approx(np.log(10), abs=0.05)
    assert "He:" in page.summary.text() and "Done." in page.run.status.text()
    assert len(page.loss_curves["he"].getData()[0]) > 0


def test_the_batch_norm_page_fills_the_books_grid_one_scale_after_another(with_data, qtbot):
    panel, page = with_data, with_data.batchnorm_page
    panel.tabs.setCurrentWidget(page)
    page.scales_box.setCurrentIndex(page.scales_box.findData(4))
    page.train_size.setValue(300)
    page.epochs.setValue(3)
    page.start()
    wait_done(qtbot, panel)
    assert len(page.plots) == 4 and sorted(page.curves) == [0, 1, 2, 3]
    expected = np.logspace(0, -4, num=4)
    assert [page.scales[k] for k in range(4)] == pytest.approx(expected)
    assert page.plots[1][0].titleLabel.text == f"W: {expected[1]:.2g}"
    for k in range(4):
        epochs, plain, bn = page.curves[k]
        assert epochs == [1, 2, 3]
        np.testing.assert_array_equal(page.plots[k][1].getData()[1], plain)  # dashed: without BN
        np.testing.assert_array_equal(page.plots[k][2].getData()[1], bn)
    with_bn, without, runs = page.learnt()
    ends = [(page.curves[k][1][-1], page.curves[k][2][-1]) for k in range(4)]  # (without BN, with BN) at the end
    assert (with_bn, without, runs) == (sum(b >= 0.8 for _, b in ends), sum(p >= 0.8 for p, _ in ends), 4)
    assert page.summary.text() == (f"Reached 80 % on the training images from <b>{with_bn}</b> of 4 initial scales "
                                   f"with batch normalisation, from <b>{without}</b> without.")


def test_the_search_page_plots_every_trial_and_lists_the_best_first(with_data, qtbot):
    from explorer.panels.training.search_page import ranked

    panel, page = with_data, with_data.search_page
    panel.tabs.setCurrentWidget(page)
    # The axes span the book's whole search space (hyperparameter_optimization.py: weight decay
    # 10^uniform(−8, −4), learning rate 10^uniform(−6, −2)) before any trial lands.
    (x0, x1), (y0, y1) = page.scatter_plot.getPlotItem().getViewBox().viewRange()
    assert x0 <= -6 < -2 <= x1 and y0 <= -8 < -4 <= y1 and x1 - x0 < 4.5 and y1 - y0 < 4.5
    page.trial_count.setValue(6)
    page.epochs.setValue(2)
    page.start()
    wait_done(qtbot, panel)
    assert len(page.trials) == 6
    xs, ys = page.scatter.getData()
    np.testing.assert_allclose(xs, np.log10([tr.lr for tr in page.trials]))
    np.testing.assert_allclose(ys, np.log10([tr.weight_decay for tr in page.trials]))
    best = ranked(page.trials)
    assert [tr.val_acc[-1] for tr in best] == sorted((tr.val_acc[-1] for tr in page.trials), reverse=True)
    first = page.summary.text().split("<br>")[1]
    assert first.startswith(f"1. {100 * best[0].val_acc[-1]:.0f} % · lr {best[0].lr:.2e}")
    np.testing.assert_array_equal(page.best_curves[0].getData()[1], best[0].val_acc)


@pytest.mark.parametrize("page_name, setup, expect", [
    ("convnet_page", lambda p: p.epochs_spin.setValue(1), "test accuracy: "),
    ("race_page", lambda p: p.iterations.setValue(100), "iteration 100: sgd"),
    ("init_page", lambda p: p.iterations.setValue(100), "mean loss of the last 100 iterations:"),
    ("batchnorm_page", lambda p: (p.scales_box.setCurrentIndex(p.scales_box.findData(4)), p.epochs.setValue(2),
                                  p.train_size.setValue(300)), "W 0.0001: with batch norm"),
    ("overfit_page", lambda p: (p.epochs.setValue(2), p.train_size.setValue(200)), "epoch 2: train acc"),
    ("search_page", lambda p: (p.trial_count.setValue(2), p.epochs.setValue(2)), "best 2: validation acc"),
    ("landscape_page", lambda p: (p.iterations.setValue(20), p.resolution.setValue(5), p.images.setValue(100)),
     "% of its path in the slice"),
])
def test_every_experiment_exports_as_a_script_that_runs_outside_the_app(panel, tmp_path, page_name, setup, expect):
    import subprocess
    import sys

    data = write_learnable_dataset(tmp_path / "mnist", n_train=300, n_test=100)
    page = getattr(panel, page_name)
    setup(page)
    path = tmp_path / "experiment"
    assert panel.export_script(page, path)  # ".py" is added
    script = tmp_path / "experiment.py"
    text = script.read_text(encoding="utf-8")
    assert "python experiment.py" in text and "from engine." in text and "PySide6" not in text
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, str(script), str(data)], cwd=tmp_path, capture_output=True, text=True,
                         timeout=300, env={**os.environ, "PYTHONPATH": str(root)})
    assert out.returncode == 0, out.stderr[-2000:]
    assert expect in out.stdout


def test_a_script_that_cannot_be_written_is_said_so(panel, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: said.append(a[2]))
    (tmp_path / "taken.py").mkdir()  # a folder where the file should go
    assert not panel.export_script(panel.race_page, tmp_path / "taken.py")
    assert said and "taken.py" in said[0]


@pytest.mark.parametrize("page_name", ["init_page", "batchnorm_page", "overfit_page", "search_page",
                                       "landscape_page"])
def test_every_chapter_6_run_stops_promptly_and_closing_the_window_mid_run_is_safe(with_data, qtbot, page_name):
    import time

    panel = with_data
    page = getattr(panel, page_name)
    panel.tabs.setCurrentWidget(page)
    page.start()
    qtbot.waitUntil(lambda: page.run.progress.value() > 0, timeout=30000)  # under way
    t0 = time.perf_counter()
    panel.stop()
    wait_done(qtbot, panel, timeout=10000)
    assert time.perf_counter() - t0 < 5 and all(p.run.start_button.isEnabled() for p in panel.pages)
    page.start()  # again, and this time close the window while it runs
    qtbot.waitUntil(lambda: panel.is_running(), timeout=5000)
    panel.window().close()
    assert not panel.is_running()


def test_the_loss_landscape_draws_the_slice_with_the_paths_and_keeps_them_for_the_next_slice(with_data, qtbot):
    from engine.landscape import bilinear
    from explorer.panels.training.jobs import DRAWN
    from explorer.panels.training.landscape_page import ORDER

    panel, page = with_data, with_data.landscape_page
    panel.tabs.setCurrentWidget(page)
    page.iterations.setValue(20)
    page.resolution.setValue(6)
    page.images.setValue(100)
    page.start()
    wait_done(qtbot, panel)
    assert "Done." in page.run.status.text() and page.run.progress.value() == 1000
    entry = page.slices[page.shown]
    found, heights, picture = entry["slice"], entry["heights"], entry["picture"]
    assert found.kind == "paths" and found.losses.shape == (6, 6)
    assert page.image.image.shape == (DRAWN, DRAWN)
    np.testing.assert_allclose(page.image.image[0, 0], np.log(found.losses[0, 0]), rtol=1e-6)
    np.testing.assert_allclose(page.image.image[-1, 0], np.log(found.losses[-1, 0]), rtol=1e-6)  # rows are β
    # The picture spans α across and β up, half a grid step beyond the first and last grid points.
    fa, fb = picture["alphas"], picture["betas"]
    da, db = (fa[-1] - fa[0]) / (len(fa) - 1), (fb[-1] - fb[0]) / (len(fb) - 1)
    box = page.image.mapRectToParent(page.image.boundingRect())
    np.testing.assert_allclose([box.left(), box.top(), box.width(), box.height()],
                               [fa[0] - da / 2, fb[0] - db / 2, fa[-1] - fa[0] + da, fb[-1] - fb[0] + db], rtol=1e-9)
    assert abs((fa[-1] - fa[0]) - (fb[-1] - fb[0])) > 0.01 * (fa[-1] - fa[0])  # not square: α and β differ
    # Each contour is where the (interpolated) loss equals its level.
    assert len(page.contours) == len(picture["lines"]) >= 10
    for level, xs, ys in picture["lines"]:
        ok = np.isfinite(xs)
        assert ok.sum() > 3
        np.testing.assert_allclose(bilinear(found.alphas, found.betas, found.losses, xs[ok], ys[ok]), level,
                                   rtol=0.02)
    for key in ORDER:
        xs, ys = page.curves[key].getData()
        np.testing.assert_allclose(np.c_[xs, ys], found.coords[key])
    np.testing.assert_allclose(found.coords["adam"][-1], (0, 0), atol=1e-9)  # the centre: Adam's end
    assert len(page.loss_curves["sgd"].getData()[0]) == 20
    table = page.summary.text()
    for key, loss, under, share in page.rows():
        a, b = found.coords[key][-1]
        assert under == pytest.approx(float(bilinear(found.alphas, found.betas, found.losses, a, b)))
        assert loss == pytest.approx(heights[key][-1])
        assert f"{loss:.3f}" in table and f"{100 * share:.1f} %" in table
    assert page.start_label.textItem.toPlainText() == "start"
    trained = page.paths
    losses = page.losses.copy()

    # Random directions: the kept paths, only a slice is computed (started by the choice itself).
    page.kind.setCurrentIndex(page.kind.findData("random"))
    page.kind.activated.emit(page.kind.currentIndex())
    assert panel.is_running() and not page.training
    wait_done(qtbot, panel)
    random_slice = page.slices[page.shown]["slice"]
    assert random_slice.kind == "random" and page.paths is trained
    np.testing.assert_array_equal(page.losses, losses)  # no new training
    np.testing.assert_allclose(random_slice.alphas, np.linspace(-1, 1, 6))
    most = max(random_slice.in_plane.values())
    assert most < 0.2 and (f"A random slice holds at most {100 * most:.2g} % of any path: in 433,890 dimensions two "
                           "random directions are almost perpendicular to every path") in page.summary.text()
    assert page.plot.getAxis("bottom").labelText == "α (random direction 1)"
    assert page.plot.getAxis("left").labelText == "β (random direction 2)"
    assert page.start_label.textItem.toPlainText() == ""  # the start sits on the centre: no label over it
    # Back to the paths' slice: from memory, no job.
    page.kind.setCurrentIndex(page.kind.findData("paths"))
    page.kind.activated.emit(page.kind.currentIndex())
    assert not panel.is_running() and page.slices[page.shown]["slice"] is found
    assert "from memory" in page.run.status.text()
    # Another seed means other paths: they wait for Compute, which trains again and clears the old picture.
    page.seed.setValue(3)
    page.seed.editingFinished.emit()
    assert not panel.is_running() and "Press Compute" in page.run.status.text()
    page.start()
    assert page.training and page.shown is None and page.image.image is None
    assert all(len(c.getData()[0] or []) == 0 for c in page.curves.values()) and not page.summary.text()
    page.resolution.setValue(5)  # changed while it runs: the result is kept under what it ran with
    wait_done(qtbot, panel)
    assert page.paths is not trained and page.shown == page.slice_key_of({**page.settings(), "resolution": 6})
    assert page.slices[page.shown]["slice"].losses.shape == (6, 6)
    # The first run's slice comes back with its own loss curves.
    page.seed.setValue(0)
    page.resolution.setValue(6)
    page.kind.setCurrentIndex(page.kind.findData("paths"))
    page.kind.activated.emit(page.kind.currentIndex())
    assert page.slices[page.shown]["slice"] is found
    np.testing.assert_array_equal(page.losses, losses)


def test_the_landscape_starts_from_its_described_defaults_and_centres_the_slice_where_asked(with_data, qtbot,
                                                                                            monkeypatch):
    panel, page = with_data, with_data.landscape_page
    # What the tab promises: 300 iterations at the book's rates (ch. 6's optimizer_compare_mnist.py), a
    # 15 × 15 slice of the paths' own directions through Adam's end, measured on 300 images, seed 0.
    assert page.settings() == {"iterations": 300, "image_count": 300, "kind": "paths", "centre": "adam",
                               "resolution": 15, "seed": 0}
    assert "SGD 0.01, Momentum 0.01, AdaGrad 0.01, Adam 0.001" in page.rates.text()
    asked = []
    monkeypatch.setattr(panel, "run_job", lambda pg, job, settings: asked.append((job.__name__, settings)))
    page.start()
    assert asked == [("loss_landscape", {**page.settings(), "paths": None})]
    monkeypatch.undo()

    page.iterations.setValue(20)
    page.resolution.setValue(5)
    page.images.setValue(100)
    page.start()
    wait_done(qtbot, panel)
    adam = page.slices[page.shown]["slice"]
    a, b = adam.explained
    assert page.plot.getAxis("bottom").labelText.endswith(f"({100 * a:.0f} % of their spread)")
    assert page.plot.getAxis("left").labelText.endswith(f"({100 * b:.0f} %)")
    # The slice through SGD's end: computed from the kept paths, with SGD's end at (0, 0).
    page.centre.setCurrentIndex(page.centre.findData("sgd"))
    page.centre.activated.emit(page.centre.currentIndex())
    assert panel.is_running() and not page.training
    wait_done(qtbot, panel)
    sgd = page.slices[page.shown]["slice"]
    assert sgd is not adam and page.shown[3] == "sgd"
    np.testing.assert_allclose(sgd.coords["sgd"][-1], (0, 0), atol=1e-9)
    assert np.hypot(*sgd.coords["adam"][-1]) > 1e-3  # Adam ended elsewhere
    # The marks: each end where its path ends, the shared start at every path's first point.
    ends = page.ends.getData()
    np.testing.assert_allclose(np.c_[ends[0], ends[1]], [sgd.coords[k][-1] for k in ("sgd", "momentum", "adagrad",
                                                                                    "adam")])
    start = page.start_mark.getData()
    np.testing.assert_allclose((start[0][0], start[1][0]), sgd.coords["adam"][0])
    np.testing.assert_allclose(sgd.coords["sgd"][0], sgd.coords["adam"][0])


def test_a_landscape_stopped_while_training_keeps_nothing_half_made(with_data, qtbot):
    panel, page = with_data, with_data.landscape_page
    page.iterations.setValue(2000)
    page.start()
    qtbot.waitUntil(lambda: len(page.losses) >= 3, timeout=30000)
    panel.stop()
    wait_done(qtbot, panel)
    assert page.paths is None and page.shown is None and not page.slices
    assert "not kept" in page.run.status.text()
    page.kind.setCurrentIndex(page.kind.findData("random"))
    page.kind.activated.emit(page.kind.currentIndex())  # nothing to draw it from: says so, runs nothing
    assert not panel.is_running() and "Press Compute" in page.run.status.text()


def test_a_tiny_share_of_a_path_is_written_with_its_digits_not_as_zero():
    from explorer.panels.training.landscape_page import percent

    assert percent(0.969) == "96.9 %" and percent(0.001) == "0.1 %"
    assert percent(0.000091) == "0.0091 %" and percent(0.0) == "0.0 %"


def _expected_script_lines(page_name, s, data):
    """What the exported script must print, computed here by calling the engine directly with the page's
    settings on the same files (the oracle is the engine, not the script's text)."""
    from engine.events import RaceEval
    from engine.experiments import (
        COMPARED_INITS,
        iterate_batchnorm,
        iterate_hyperparameter_search,
        iterate_init_compare,
        iterate_overfitting,
    )
    from engine.landscape import bilinear
    from engine.optimizer import make_optimizer
    from engine.race import OptimizerRace, iterate_race

    if page_name == "landscape_page":  # what the app's own job computes and the page shows, to the digit
        raw = mnist.load_idx_dataset(data)
        _, result = drain(jobs.loss_landscape(lambda: False, raw, None, **s))
        found, heights = result["slice"], result["heights"]
        lines = [f"loss on the slice: {found.losses.min():.3f} to {found.losses.max():.3f}"]
        for name in found.coords:
            a, b = found.coords[name][-1]
            under = float(bilinear(found.alphas, found.betas, found.losses, a, b))
            lines.append(f"{name}: loss {heights[name][-1]:.3f}, on the slice {under:.3f}, "
                         f"{100 * found.in_plane[name]:.1f} % of its path in the slice")
        return lines
    (x_train, t_train), (x_test, t_test) = mnist.load_mnist(normalize=True, flatten=True, data_dir=data)
    if page_name == "batchnorm_page":
        scales = np.logspace(0, -4, num=s["scales"])  # the book's batch_norm_test.py: 10⁰ down to 10⁻⁴
        return [f"W {e.scale:.2g}: with batch norm {e.bn_acc:.3f}, without {e.plain_acc:.3f}"
                for e in iterate_batchnorm(x_train, t_train, weight_scales=tuple(scales), train_size=s["train_size"],
                                           epochs=s["epochs"], seed=s["seed"]) if e.epoch == e.epochs]
    if page_name == "race_page":
        race = OptimizerRace({k: make_optimizer(k, lr=lr) for k, lr in s["learning_rates"].items()}, 784,
                             [100] * 4, 10, seed=s["seed"])  # the book's five layers: four hidden of 100
        return [f"iteration {e.iteration}: " + ", ".join(f"{n} {a:.3f}" for n, a in zip(race.names, e.test_acc))
                for e in iterate_race(race, x_train, t_train, x_test, t_test, iterations=s["iterations"],
                                      batch_size=128, seed=s["seed"]) if isinstance(e, RaceEval)]
    if page_name == "init_page":
        losses = np.array([e.losses for e in iterate_init_compare(x_train, t_train, iterations=s["iterations"],
                                                                   seed=s["seed"])])
        means = dict(zip(COMPARED_INITS, losses[-100:].mean(axis=0).round(4)))  # one mean per initialisation
        return [f"mean loss of the last 100 iterations: {means}"]
    if page_name == "overfit_page":
        n = s["test_images"]
        return [f"epoch {e.epoch}: train acc {e.train_acc:.3f}, test acc {e.test_acc:.3f}"
                for e in iterate_overfitting(x_train, t_train, x_test[:n], t_test[:n], train_size=s["train_size"],
                                             weight_decay_lambda=s["weight_decay"], dropout_ratio=s["dropout"],
                                             epochs=s["epochs"], seed=s["seed"])]
    trials = list(iterate_hyperparameter_search(x_train, t_train, trials=s["trials"], epochs=s["epochs"],
                                                seed=s["seed"]))
    best = max(trials, key=lambda tr: tr.val_acc[-1])
    return [f"best 1: validation acc {best.val_acc[-1]:.3f} | lr {best.lr:.3e}"]


@pytest.mark.parametrize("page_name, setup", [
    ("race_page", lambda p: p.iterations.setValue(100)),
    ("init_page", lambda p: p.iterations.setValue(150)),
    ("overfit_page", lambda p: (p.epochs.setValue(2), p.train_size.setValue(200), p.decay.setValue(0.3),
                                p.dropout.setValue(0.2))),
    ("search_page", lambda p: (p.trial_count.setValue(3), p.epochs.setValue(2))),
    ("batchnorm_page", lambda p: (p.scales_box.setCurrentIndex(p.scales_box.findData(4)), p.epochs.setValue(2),
                                  p.train_size.setValue(200), p.seed.setValue(5))),
    # The paths' own plane through Momentum's end: the ends lie between the grid's points, where a grid of
    # another resolution would interpolate other heights.
    ("landscape_page", lambda p: (p.iterations.setValue(20), p.resolution.setValue(5), p.images.setValue(100),
                                  p.seed.setValue(2), p.centre.setCurrentIndex(p.centre.findData("momentum")))),
])
def test_an_exported_script_prints_what_the_engine_computes_for_those_settings(panel, tmp_path, page_name, setup):
    import subprocess
    import sys

    data = write_learnable_dataset(tmp_path / "mnist", n_train=300, n_test=100)
    if page_name == "race_page":  # labels at random: accuracies that tell one network from another
        rng = np.random.default_rng(9)
        for kind, n in (("train", 300), ("test", 100)):
            labels = idx_bytes(rng.integers(0, 10, n), mnist.LABEL_MAGIC)
            (data / mnist.FILES[f"{kind}_label"]).write_bytes(gzip.compress(labels))
    page = getattr(panel, page_name)
    setup(page)
    said = []
    panel.status_message.connect(said.append)
    assert panel.export_script(page, tmp_path / "experiment.py")
    assert said == [f"Script written to {tmp_path / 'experiment.py'}"]
    if page_name == "overfit_page":  # its two controls, each where it belongs
        text = (tmp_path / "experiment.py").read_text(encoding="utf-8")
        assert "weight_decay_lambda=0.3," in text and "dropout_ratio=0.2," in text
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, str(tmp_path / "experiment.py"), str(data)], cwd=tmp_path,
                         capture_output=True, text=True, timeout=300, env={**os.environ, "PYTHONPATH": str(root)})
    assert out.returncode == 0, out.stderr[-2000:]
    for line in _expected_script_lines(page_name, page.settings(), data):
        assert line in out.stdout, (line, out.stdout[-1500:])


def test_a_run_on_part_of_the_training_set_announces_that_part_and_its_first_filters_once():
    events, _ = drain(jobs.train_convnet(lambda: False, small_data(n_train=300), None, "adam", 0.001, epochs=1,
                                         train_images=200, seed=0, threads=1))
    started = [e for e in events if isinstance(e, Started)]
    assert len(started) == 1 and started[0].train_images == 200 and started[0].test_images == 100
    steps = [e for e in events if isinstance(e, Steps)]
    # The filters before training come with Started; the first report of the loss does not copy them again.
    assert steps and steps[0].filters is None


def test_chapter_6_jobs_call_themselves_finished_only_after_their_last_run():
    from engine.events import BatchNormEpoch

    seen = []

    def after_the_first_scale():  # stop once the first weight scale's last epoch is in
        return any(isinstance(e, BatchNormEpoch) and e.run == 0 and e.epoch == e.epochs for e in seen)

    job = jobs.batchnorm(after_the_first_scale, small_data(), None, train_size=100, epochs=1, scales=4, seed=0)
    while True:
        try:
            seen.append(next(job))
        except StopIteration as end:
            stopped = end.value
            break
    assert stopped["finished"] is False and max(e.run for e in seen if isinstance(e, BatchNormEpoch)) == 0
    _, whole = drain(jobs.batchnorm(lambda: False, small_data(), None, train_size=100, epochs=1, scales=2, seed=0))
    assert whole["finished"] is True
    events, search = drain(jobs.search_hyperparameters(lambda: False, small_data(), None, trials=2, epochs=1, seed=0))
    assert search["finished"] is True and len([e for e in events if not isinstance(e, Loading)]) == 2


def test_each_chapter_6_job_hands_the_engine_its_settings_and_reports_every_step_once(monkeypatch):
    """What each job passes on (checked by spying on the engine call) and what it reports: every loss once,
    in order, the last report at the last step, 'finished' only when the end was reached."""
    from engine.experiments import COMPARED_INITS

    calls = {}

    def spy(name):
        real = getattr(jobs, name)

        def wrapped(*args, **kwargs):
            calls[name] = (args, kwargs)
            return real(*args, **kwargs)
        monkeypatch.setattr(jobs, name, wrapped)

    for name in ("iterate_batchnorm", "iterate_overfitting", "iterate_init_compare"):
        spy(name)
    data = small_data(n_train=300, n_test=100)

    events, result = drain(jobs.batchnorm(lambda: False, data, None, train_size=100, epochs=2, scales=5, seed=3))
    kwargs = calls["iterate_batchnorm"][1]
    np.testing.assert_allclose(kwargs["weight_scales"], [1, 0.1, 0.01, 0.001, 0.0001])  # the book's logspace(0, -4)
    assert (kwargs["train_size"], kwargs["epochs"], kwargs["seed"]) == (100, 2, 3) and result["finished"]
    assert [(e.run, e.epoch) for e in events] == [(r, k) for r in range(5) for k in (1, 2)]

    events, result = drain(jobs.overfit(lambda: False, data, None, train_size=120, weight_decay=0.1, dropout=0.2,
                                        epochs=3, test_images=40, seed=1))
    (x_train, _, x_test, t_test), kwargs = calls["iterate_overfitting"]
    assert len(x_train) == 300 and len(x_test) == len(t_test) == 40  # the first 40 test images
    assert (kwargs["train_size"], kwargs["weight_decay_lambda"], kwargs["dropout_ratio"], kwargs["epochs"]) == \
        (120, 0.1, 0.2, 3)
    assert [e.epoch for e in events] == [0, 1, 2, 3] and result["finished"]  # epoch 0: before any update

    events, result = drain(jobs.compare_inits(lambda: False, data, None, iterations=7, seed=2))
    assert events[0] == RaceStarted(list(COMPARED_INITS)) and calls["iterate_init_compare"][1]["iterations"] == 7
    steps = [e for e in events if isinstance(e, RaceSteps)]
    assert sum(len(e.losses) for e in steps) == 7 and steps[-1].step.iteration == 7 and result["finished"]
    assert all(e.losses.shape[1] == len(COMPARED_INITS) for e in steps)
    stops = iter([False] * 3 + [True] * 100)
    events, result = drain(jobs.compare_inits(lambda: next(stops), data, None, iterations=50, seed=2))
    assert not result["finished"]

    events, result = drain(jobs.train_convnet(lambda: False, data, None, "sgd", 0.01, epochs=2, train_images=250,
                                              seed=0, threads=1))
    steps = [e for e in events if isinstance(e, Steps)]
    assert sum(len(e.losses) for e in steps) == 2 * (250 // 100)  # every mini-batch loss, once
    assert steps[-1].step.iteration == 4 and result["finished"]
    assert [e.end.epoch for e in events if isinstance(e, Epoch)] == [1, 2]
    assert not any(isinstance(e, (EvaluatingAll, Final)) for e in events)  # 250 images: the sample is all of them
    # Stopped after the first of three epochs: not finished.
    stop_after = iter([False] * 4 + [True] * 100)
    events, result = drain(jobs.train_convnet(lambda: next(stop_after), data, None, "sgd", 0.01, epochs=3,
                                              train_images=200, seed=0, threads=1))
    assert [e.end.epoch for e in events if isinstance(e, Epoch)] == [1] and result["finished"] is False


def test_the_jobs_hand_the_engine_images_in_zero_to_one_in_the_shapes_it_takes():
    x = np.array([[[0, 255], [51, 102]]], dtype=np.uint8).repeat(3, axis=0)
    batch = jobs.images(x)
    assert batch.dtype == np.float32 and batch.shape == (3, 1, 2, 2)
    np.testing.assert_allclose(batch[2, 0], [[0, 1], [0.2, 0.4]], rtol=1e-6)
    flat = jobs.flat_images(x)
    assert flat.dtype == np.float32 and flat.shape == (3, 4)
    np.testing.assert_allclose(flat[1], [0, 1, 0.2, 0.4], rtol=1e-6)


def test_the_landscape_counts_its_progress_in_forward_passes_and_words_each_stage(panel):
    """Progress in units of one slice point (a training iteration: four optimizers' gradients, about four
    points): with 100 iterations and a 10 × 10 grid the whole run is 400 + 100 units."""
    from engine.events import RaceStep
    from engine.landscape import SliceRow
    from explorer.panels.training.events import SliceStarted

    page = panel.landscape_page
    page.iterations.setValue(100)
    page.resolution.setValue(10)
    page.on_started()
    assert page.training and page.loss_plot.getViewBox().viewRange()[0][1] == pytest.approx(104)
    page.on_progress(Loading())
    assert page.run.status.text() == "Loading MNIST…"
    page.on_progress(RaceStarted(["sgd", "momentum", "adagrad", "adam"]))
    page.on_progress(RaceSteps(RaceStep(25, 100, np.ones(4)), np.ones((25, 4))))
    assert page.run.progress.value() == 1000 * 100 // 500
    assert page.run.status.text().startswith("Training: iteration 25 of 100")
    page.on_progress(RaceSteps(RaceStep(100, 100, np.ones(4)), np.ones((75, 4))))
    assert page.run.progress.value() == 1000 * 400 // 500 and len(page.losses) == 100
    page.on_progress(SliceStarted("paths", 10))
    assert page.run.status.text().startswith("The slice: 100 losses on 300 images…")
    page.on_progress(SliceRow(4, 10, np.ones(10)))
    assert page.run.progress.value() == 1000 * 450 // 500
    assert page.run.status.text().startswith("The slice: row 5 of 10")
    assert page.stopped_text().startswith("Stopped before the paths were complete")
    # A slice of kept paths: only the grid counts.
    page.paths_key = page.paths_key_of(page.settings())
    page.on_started()
    assert not page.training
    page.on_progress(SliceRow(1, 10, np.ones(10)))
    assert page.run.progress.value() == 1000 * 20 // 100
    assert page.stopped_text().startswith("Stopped; the paths are kept")


def test_the_landscape_keys_paths_and_slices_by_what_they_were_computed_with(with_data, qtbot, monkeypatch):
    """Iterations changed while the paths train: the paths are kept under the iterations they trained with.
    Images changed: another slice (the loss is measured on other images), computed from the kept paths."""
    panel, page = with_data, with_data.landscape_page
    page.iterations.setValue(20)
    page.resolution.setValue(4)
    page.images.setValue(100)
    page.start()
    page.iterations.setValue(40)  # while it trains
    wait_done(qtbot, panel)
    assert page.paths_key == (20, 0) and page.paths.iterations[-1] == 20
    first = page.slices[page.shown]
    page.images.setValue(200)
    page.images.editingFinished.emit()  # back to the paths' iterations first: still 40 here
    assert not panel.is_running()
    page.iterations.setValue(20)
    page.iterations.editingFinished.emit()  # now a slice of the kept paths on 200 images
    assert panel.is_running() and not page.training
    wait_done(qtbot, panel)
    second = page.slices[page.shown]
    assert second is not first and page.shown[-1] == 200 and len(page.slices) == 2
    assert not np.allclose(second["slice"].losses, first["slice"].losses)  # other images, other losses
    asked = []
    monkeypatch.setattr(panel, "run_job", lambda pg, job, settings: asked.append(settings))
    page.start()
    assert asked[-1]["paths"] is page.paths  # Compute with the paths' settings trains nothing again


def test_every_pages_progress_line_puts_each_number_in_its_place(panel, monkeypatch):
    """Each page fed its events directly (no run started, so no time-left estimate is appended): the status
    line and the progress bar, word for word, with numbers chosen so that no two fields could be mixed up."""
    from engine.events import BatchNormEpoch, EpochEnd, OverfitEpoch, RaceStep, TrainStep, Trial
    from explorer.panels.training.events import (
        Epoch,
        Evaluating,
        EvaluatingAll,
        Final,
        RaceStarted,
        RaceSteps,
        SliceStarted,
        Started,
        Steps,
    )

    def shown(page):
        return page.run.status.text(), page.run.progress.value()

    page = panel.overfit_page
    page.on_progress(OverfitEpoch(epoch=3, epochs=8, train_acc=0.9125, test_acc=0.6875))
    assert shown(page) == ("epoch 3 of 8 · train 91.2 % · test 68.8 %", 375)  # 3/8 of the bar's 1000

    page = panel.batchnorm_page
    page.on_progress(BatchNormEpoch(run=2, runs=16, scale=0.0251, epoch=4, epochs=20, plain_acc=0.104, bn_acc=0.876))
    assert shown(page) == ("scale 3 of 16 (W = 0.025) · epoch 4 · with BN 88 %, without 10 %", int(1000 * 44 / 320))

    page = panel.search_page
    page.on_progress(Trial(index=6, trials=40, lr=0.00123, weight_decay=4.5e-07, val_acc=(0.5, 0.815),
                           train_acc=(0.6, 0.9)))
    assert shown(page) == ("trial 7 of 40 · lr 1.23e-03, weight decay 4.50e-07 · validation 82 %", 175)

    page = panel.init_page
    page.on_progress(RaceStarted(["0.01", "xavier", "he"]))
    losses = np.array([[2.3, 1.5, 0.9], [2.302, 1.25, 0.75]])
    page.on_progress(RaceSteps(RaceStep(iteration=1500, iterations=2000, losses=losses[-1]), losses))
    assert shown(page) == ("iteration 1,500 of 2,000  ·  std = 0.01 2.302, Xavier 1.250, He 0.750", 750)

    page = panel.race_page
    page.on_progress(RaceStarted(["sgd", "adagrad", "adam"]))
    last = np.array([1.125, np.nan, 0.25])
    page.on_progress(RaceSteps(RaceStep(iteration=1200, iterations=1600, losses=last), last[None]))
    assert shown(page) == ("iteration 1,200 of 1,600  ·  SGD 1.125, AdaGrad –, Adam 0.250", 750)
    from engine.events import RaceEval

    page.on_progress(RaceEval(100, np.array([0.97, 0.62, 0.95])))  # the lowest curve sets the axis's floor
    page.on_progress(RaceEval(200, np.array([0.98, np.nan, 0.96])))
    low, high = page.acc_plot.getViewBox().viewRange()[1]
    # floor((0.62 − 0.02)·20)/20 = 0.6 to 1, with the view's padding
    assert high == pytest.approx(1.0, abs=0.03) and low == pytest.approx(0.6, abs=0.03)

    page = panel.convnet_page
    filters = np.zeros((30, 5, 5), np.float32)  # (FN, FH, FW) as the job sends them
    page.on_progress(Started(filters, train_images=12_000, test_images=2_500))
    page.on_progress(Steps(TrainStep(epoch=2, iteration=1_250, iterations=5_000, loss=0.123456), np.array([0.5])))
    assert shown(page) == ("epoch 2 · iteration 1,250 of 5,000 · loss 0.123", 250)
    page.on_progress(Evaluating(epoch=2))
    assert shown(page)[0] == "Measuring the accuracy after epoch 2…"
    clock = iter([100.0, 103.0])
    monkeypatch.setattr("explorer.panels.training.convnet_page.time.perf_counter", lambda: next(clock))
    page.on_progress(Evaluating(epoch=3))  # started at 100 s, the epoch arrives at 103 s: 3 s measuring
    page.on_progress(Epoch(EpochEnd(epoch=3, iteration=3_750, iterations=5_000, train_acc=0.95, test_acc=0.98765,
                                    seconds=250.0), filters))
    assert shown(page)[0] == ("Epoch 3: 98.77 % on the test images · 1 min 23 s per epoch on this computer, "
                              "3 s of it measuring accuracy")  # 250 s / 3 epochs
    epochs, train = page.train_curve.getData()
    assert list(epochs)[-1] == 3 and train[-1] == 0.95 and page.test_curve.getData()[1][-1] == 0.98765
    page.on_progress(EvaluatingAll(train_images=12_000))
    assert shown(page)[0] == "Measuring the accuracy on all 12,000 training images…"

    page = panel.landscape_page
    page.current = dict(page.settings(), image_count=300, resolution=9, iterations=40)
    page.training = True
    page.on_progress(RaceStarted(["sgd", "momentum", "adagrad", "adam"]))
    page.on_progress(RaceSteps(RaceStep(iteration=10, iterations=40, losses=np.ones(4)), np.ones((10, 4))))
    assert shown(page) == ("Training: iteration 10 of 40", int(1000 * 40 / (4 * 40 + 81)))
    page.on_progress(SliceStarted(kind="paths", resolution=9))
    assert shown(page)[0] == "The slice: 81 losses on 300 images…"
    # The end of the run: the training accuracy measured on every image replaces the last epoch's sample.
    page = panel.convnet_page
    page.on_progress(Final(train_acc=0.9912, train_images=12_000))
    page.on_finished(None, "Done.")
    assert shown(page)[0] == ("Done. Accuracy: 99.12 % on the training images, 98.77 % on the 2,500 test images. "
                              "1 min 23 s per epoch, 3 s of it measuring accuracy.")
    # A second run stopped after its first epoch, before any final measurement: its own numbers only.
    monkeypatch.setattr("explorer.panels.training.convnet_page.time.perf_counter", lambda: 200.0)
    page.on_started()
    page.on_progress(Started(filters, train_images=12_000, test_images=2_500))
    page.on_progress(Epoch(EpochEnd(epoch=1, iteration=1_250, iterations=5_000, train_acc=0.875, test_acc=0.8625,
                                    seconds=60.0), filters))
    page.on_finished(None, "Stopped.")
    assert shown(page)[0].startswith("Stopped. Accuracy: 87.50 % on the training images, 86.25 % on the 2,500 test "
                                     "images. 1 min 00 s per epoch")


def test_the_overfitting_summary_gives_both_accuracies_the_gap_and_the_previous_runs_gap(panel):
    from engine.events import OverfitEpoch

    page = panel.overfit_page
    page.previous = ({"weight_decay": 0.1, "dropout": 0.15}, ([0, 1], [0.5, 0.75], [0.5, 0.625]))
    for epoch, train, test in ((0, 0.25, 0.25), (1, 0.875, 0.5)):
        page.on_progress(OverfitEpoch(epoch=epoch, epochs=1, train_acc=train, test_acc=test))
    page.on_finished(None, "Done.")
    assert page.summary.text() == ("Training images: <b>87.5 %</b>, test images: <b>50.0 %</b> — a gap of <b>37.5</b> "
                                   "points.<br>The previous run (λ = 0.1, dropout 0.15): a gap of 12.5 points.")


def test_the_race_curves_start_at_update_1(panel):
    from engine.events import RaceStep
    from explorer.panels.training.events import RaceStarted, RaceSteps

    page = panel.race_page
    page.on_progress(RaceStarted(["sgd", "adam"]))
    losses = np.array([[2.3, 2.2], [2.1, 1.9], [2.0, 1.5]])
    page.on_progress(RaceSteps(RaceStep(iteration=3, iterations=10, losses=losses[-1]), losses))
    x, _ = page.loss_curves["adam"].getData()
    assert list(x) == [1, 2, 3]


def test_the_init_summary_averages_the_last_100_iterations_or_all_of_fewer(panel):
    from explorer.panels.training.init_page import INIT_NAMES

    page = panel.init_page
    page.names = ["0.01", "xavier", "he"]
    for n in (150, 40):
        page.losses = np.tile([2.3, 1.0, 0.5], (n, 1))
        page.on_finished(None, "Done.")
        assert page.summary.text().startswith(f"Mean loss of the last {min(n, 100)} iterations:")
    assert INIT_NAMES["he"] in page.summary.text()
    page.losses = np.linspace([3.0, 2.0, 1.0], [0.3, 0.2, 0.1], 250)  # falling: the last 100 differ from the first
    assert page.final_losses() == pytest.approx({"0.01": float(page.losses[150:, 0].mean()),
                                                 "xavier": float(page.losses[150:, 1].mean()),
                                                 "he": float(page.losses[150:, 2].mean())})


def test_the_batch_norm_summary_counts_each_network_by_its_own_curve(panel):
    page = panel.batchnorm_page
    page.curves = {0: ([1, 2], [0.1, 0.2], [0.5, 0.95]),  # epochs, without BN, with BN
                   1: ([1, 2], [0.5, 0.85], [0.9, 0.99]),
                   2: ([1, 2], [0.1, 0.1], [0.1, 0.3])}
    assert page.learnt() == (2, 1, 3)  # with BN: runs 0 and 1 reach 80 %; without: run 1 only


def test_the_search_ranking_puts_the_earlier_of_two_equal_trials_first():
    from engine.events import Trial
    from explorer.panels.training.search_page import ranked

    trials = [Trial(index=i, trials=4, lr=0.01, weight_decay=1e-6, val_acc=(v,), train_acc=(v,))
              for i, v in enumerate([0.5, 0.9, 0.9, 0.7])]
    assert [t.index for t in ranked(trials)] == [1, 2, 3, 0]


def test_the_landscape_page_names_the_slices_dimensions_and_each_centre(panel):
    page = panel.landscape_page
    # SimpleConvNet: 30·25 + 30 (conv) + 4,320·100 + 100 (Affine1) + 100·10 + 10 (Affine2) parameters
    assert page.slice_box.title() == "The slice: 2 of 433,890 dimensions"
    assert [page.centre.itemText(i) for i in range(page.centre.count())] == [
        "End of SGD's path", "End of Momentum's path", "End of AdaGrad's path", "End of Adam's path"]
    assert [page.centre.itemData(i) for i in range(page.centre.count())] == ["sgd", "momentum", "adagrad", "adam"]


def test_a_second_start_while_a_job_runs_is_refused_and_the_first_goes_on(with_data, qtbot):
    panel, page = with_data, with_data.convnet_page
    page.epochs_spin.setValue(3)
    page.start()
    worker = panel.worker
    assert worker is not None and panel.is_running()
    assert panel.run_job(panel.overfit_page, jobs.overfit, panel.overfit_page.settings()) is False
    assert panel.worker is worker  # the same job, not replaced
    panel.stop()
    wait_done(qtbot, panel)


def test_a_finished_run_on_more_images_than_an_epoch_measures_ends_with_all_of_them(monkeypatch):
    """Each epoch measures EPOCH_TRAIN_SAMPLE training images; at the end of a finished run on more than
    that, every one is measured once. Not on fewer, and not when stopped."""
    monkeypatch.setattr(jobs, "EPOCH_TRAIN_SAMPLE", 100)
    data = small_data(n_train=300, n_test=50)
    events, result = drain(jobs.train_convnet(lambda: False, data, None, "adam", 0.001, epochs=1, train_images=300,
                                              seed=0, threads=1))
    assert isinstance(events[-2], EvaluatingAll) and events[-2].train_images == 300
    (x, t), _ = data
    correct = sum(int(result["net"].predict(x[i : i + 1, None].astype(np.float32) / 255).argmax() == t[i])
                  for i in range(300))  # image by image
    assert events[-1] == Final(correct / 300, 300)
    events, _ = drain(jobs.train_convnet(lambda: False, data, None, "adam", 0.001, epochs=1, train_images=100,
                                         seed=0, threads=1))
    assert not any(isinstance(e, (EvaluatingAll, Final)) for e in events)  # the epoch measured them all already
    asked = iter([False] * 2 + [True] * 1000)
    events, result = drain(jobs.train_convnet(lambda: next(asked), data, None, "adam", 0.001, epochs=1,
                                              train_images=300, seed=0, threads=1))
    assert not result["finished"] and not any(isinstance(e, (EvaluatingAll, Final)) for e in events)


def test_the_first_run_of_a_session_reads_mnist_and_says_so(tmp_path):
    folder = write_learnable_dataset(tmp_path / "mnist", 120, 40)
    events, result = drain(jobs.train_convnet(lambda: False, None, folder, "adam", 0.001, epochs=1, train_images=100,
                                              seed=0, threads=1))
    assert isinstance(events[0], Loading) and isinstance(events[1], Started)
    (x, t), (xt, tt) = result["data"]
    assert x.shape == (120, 28, 28) and xt.shape == (40, 28, 28) and x.dtype == np.uint8
    assert events[1].train_images == 100 and events[1].test_images == 40
    _, again = drain(jobs.train_convnet(lambda: False, result["data"], None, "adam", 0.001, epochs=1,
                                        train_images=100, seed=0, threads=1))
    assert again["data"] is result["data"]  # kept for the next run: not read again


def test_the_batch_norm_grid_reads_row_by_row_as_the_books_figure(panel):
    """Sixteen scales in 4×4 (the book's figure), six in 3 columns: scale k at row k // side, column k % side."""
    page = panel.batchnorm_page
    for n, side in ((16, 4), (6, 3)):
        page._make_grid(n)
        assert len(page.plots) == n
        for k in range(n):
            assert page.grid.getItem(k // side, k % side) is page.plots[k][0], (n, k)


def test_each_epochs_abstraction_curve_is_measured_on_the_test_images_with_their_labels():
    from engine.features import channel_maxima, layer_agreement

    data = small_data(n_train=200, n_test=60, seed=3)
    (_, t_train), (x_test, t_test) = data
    assert not np.array_equal(t_train[:60], t_test)  # so the labels could not stand in for each other
    events, result = drain(jobs.train_convnet(lambda: False, data, None, "adam", 0.001, epochs=1, train_images=200,
                                              seed=0, threads=1))
    (epoch,) = [e for e in events if isinstance(e, Epoch)]
    maxima = channel_maxima(result["net"], x_test, transform=jobs.images)  # the network at the epoch's end
    assert epoch.agreement == pytest.approx(layer_agreement(maxima, t_test))


def test_each_tab_is_named_after_the_page_it_holds(panel):
    pages = [panel.convnet_page, panel.race_page, panel.init_page, panel.batchnorm_page, panel.overfit_page,
             panel.search_page, panel.landscape_page]
    names = ["Train a CNN", "Optimizer race", "Weight init", "Batch norm", "Overfitting", "Hyperparameters",
             "Loss landscape"]
    assert [panel.tabs.widget(k) for k in range(panel.tabs.count())] == pages
    assert [panel.tabs.tabText(k) for k in range(panel.tabs.count())] == names
    assert panel.tabs.tabToolTip(4).startswith("Chapter 6.4: a deep network learns 300 images by heart")
    assert panel.tabs.tabToolTip(5).startswith("Chapter 6.5: a random search")

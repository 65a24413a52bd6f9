"""Paths that are not readable files — a pipe, a folder, a link loop — are named as what they are, and
never opened (opening a pipe blocks until another program writes into it)."""

import os
import threading

import numpy as np
import pytest

from engine.files import DANGLING, FOLDER, LOOP, MISSING, SPECIAL, UNREADABLE, file_problem
from engine.mnist import DatasetError, read_idx
from engine.train import check_writable, recorded_accuracy
from engine.weights import WeightsFileError, load_params_file


@pytest.fixture
def odd_paths(tmp_path):
    (tmp_path / "folder.npz").mkdir()
    os.mkfifo(tmp_path / "pipe.npz")
    os.symlink("loop_b.npz", tmp_path / "loop_a.npz")
    os.symlink("loop_a.npz", tmp_path / "loop_b.npz")
    os.symlink("gone.npz", tmp_path / "dangling.npz")
    np.savez(tmp_path / "good.npz", a=np.zeros(2))
    return tmp_path


def test_each_kind_of_path_is_recognised(odd_paths, monkeypatch):
    found = {name: file_problem(odd_paths / name) for name in
             ("folder.npz", "pipe.npz", "loop_a.npz", "dangling.npz", "missing.npz", "good.npz")}
    assert found == {"folder.npz": FOLDER, "pipe.npz": SPECIAL, "loop_a.npz": LOOP, "dangling.npz": DANGLING,
                     "missing.npz": MISSING, "good.npz": None}
    monkeypatch.setattr(os, "access", lambda path, mode: False)  # root may read anything: pretend otherwise
    assert file_problem(odd_paths / "good.npz") == UNREADABLE


def finishes(call, pipe, seconds=10):
    """Run ``call`` in a thread; if it is stuck opening ``pipe``, unblock it and fail."""
    outcome = []

    def run():
        try:
            outcome.append(call())
        except Exception as e:  # noqa: BLE001 — the test looks at which one
            outcome.append(e)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))  # a writer appears and leaves: the reader returns
        thread.join(5)
        pytest.fail("the reader opened the pipe and waited for a writer")
    return outcome[0]


@pytest.mark.parametrize("name, reason", [("pipe.npz", "not a regular file"), ("folder.npz", "a folder, not a file"),
                                          ("loop_a.npz", "leads back to itself"), ("missing.npz", "no such file")])
def test_weights_loader_names_what_is_there_and_never_waits_on_a_pipe(odd_paths, name, reason):
    error = finishes(lambda: load_params_file(odd_paths / name), odd_paths / "pipe.npz")
    assert isinstance(error, WeightsFileError) and str(error).startswith(f"{name}: ") and reason in str(error)


def test_mnist_reader_never_waits_on_a_pipe(odd_paths):
    error = finishes(lambda: read_idx(odd_paths / "pipe.npz", "images"), odd_paths / "pipe.npz")
    assert isinstance(error, DatasetError) and "not a regular file" in str(error)
    with pytest.raises(DatasetError, match="a folder, not a file"):
        read_idx(odd_paths / "folder.npz", "labels")


def test_training_command_refuses_a_pipe_as_output_and_ignores_a_pipe_as_its_record(odd_paths):
    with pytest.raises(ValueError, match="not a regular file"):
        check_writable(odd_paths / "pipe.npz")
    os.mkfifo(odd_paths / "w.json")
    assert finishes(lambda: recorded_accuracy(odd_paths / "w.npz"), odd_paths / "w.json") is None

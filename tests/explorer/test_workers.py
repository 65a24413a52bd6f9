"""The two kinds of background job (explorer/workers.py): functions and generators, their progress,
results, errors and cooperative stop — observed through the signals the panels connect to."""

import threading

import pytest

from explorer.workers import FunctionWorker, GeneratorWorker, make_worker


def run(qtbot, worker, stop_when=None):
    """Start ``worker``, collect what it emits until its thread ends; ``stop_when(progress)`` asks for
    the stop from the GUI thread once it is true."""
    seen = {"progress": [], "succeeded": [], "errored": [], "cancelled": 0}
    worker.progress.connect(seen["progress"].append)
    worker.succeeded.connect(seen["succeeded"].append)
    worker.errored.connect(lambda message, _tb: seen["errored"].append(message))
    worker.cancelled.connect(lambda: seen.__setitem__("cancelled", seen["cancelled"] + 1))
    if stop_when is not None:
        worker.progress.connect(lambda _p: stop_when(seen["progress"]) and worker.request_stop())
    with qtbot.waitSignal(worker.finished, timeout=5000):
        worker.start()
    qtbot.wait(20)  # the queued signals of the last moments
    return seen


def counting(should_stop, limit, gate=None):
    """Yields 0, 1, 2, ... up to ``limit``; returns how far it got (the partial result on a stop)."""
    for i in range(limit):
        if should_stop():
            return ("stopped at", i)
        yield i
        if gate is not None:
            gate.wait(0.05)  # let the GUI thread answer before the next number
    return ("done", limit)


def test_every_yield_is_one_progress_signal_in_order_and_the_return_value_is_the_result(qtbot):
    seen = run(qtbot, GeneratorWorker(counting, 5))
    assert seen["progress"] == [0, 1, 2, 3, 4]
    assert seen["succeeded"] == [("done", 5)] and seen["cancelled"] == 0 and not seen["errored"]


def test_a_stopped_generator_keeps_what_it_returns(qtbot):
    worker = GeneratorWorker(counting, 10_000, threading.Event())
    seen = run(qtbot, worker, stop_when=lambda progress: len(progress) >= 3)
    assert len(seen["succeeded"]) == 1
    status, where = seen["succeeded"][0]
    assert status == "stopped at" and 3 <= where < 10_000 and worker.result == (status, where)
    assert seen["progress"] == list(range(where))


def test_a_generator_with_nothing_to_keep_after_a_stop_is_cancelled(qtbot):
    def job(should_stop):
        while not should_stop():
            yield "tick"
            threading.Event().wait(0.01)
        return None

    seen = run(qtbot, GeneratorWorker(job), stop_when=lambda progress: len(progress) >= 2)
    assert seen["cancelled"] == 1 and not seen["succeeded"] and not seen["errored"]


def test_an_error_in_a_job_is_reported_with_its_message_not_as_a_result(qtbot):
    def job(should_stop):
        yield 1
        raise ValueError("the file is not a network")

    seen = run(qtbot, GeneratorWorker(job))
    assert seen["progress"] == [1] and seen["errored"] == ["the file is not a network"] and not seen["succeeded"]
    def bare():
        raise MemoryError

    assert run(qtbot, FunctionWorker(bare))["errored"] == ["MemoryError"]


def test_a_function_gets_report_and_should_stop_only_when_it_declares_them(qtbot):
    def plain(a, b=0):
        return a + b

    def with_report(a, *, report):
        report(a * 10)
        return a

    def with_both(a, *, report, should_stop):
        report(should_stop())
        return a

    assert run(qtbot, FunctionWorker(plain, 2, b=3))["succeeded"] == [5]
    seen = run(qtbot, FunctionWorker(with_report, 4))
    assert seen["progress"] == [40] and seen["succeeded"] == [4]
    seen = run(qtbot, FunctionWorker(with_both, 7))
    assert seen["progress"] == [False] and seen["succeeded"] == [7]


def test_a_function_result_arriving_after_a_stop_request_is_dropped(qtbot):
    gate = threading.Event()

    def slow(*, should_stop):
        gate.wait(5)
        return "late"

    worker = FunctionWorker(slow)
    with qtbot.waitSignal(worker.cancelled, timeout=5000):
        worker.start()
        worker.request_stop()
        gate.set()
    worker.wait(2000)
    assert worker.result is None


@pytest.mark.parametrize("fn, kind", [(counting, GeneratorWorker), (lambda: 1, FunctionWorker)])
def test_make_worker_runs_generators_as_generators(fn, kind):
    assert type(make_worker(fn)) is kind


def test_a_job_that_outlives_the_close_is_set_aside_alive_never_destroyed_running(qtbot):
    from PySide6.QtCore import QObject

    from explorer import workers

    gate = threading.Event()
    owner = QObject()
    worker = FunctionWorker(lambda: gate.wait(5), parent=owner)
    worker.start()
    workers.finish_or_set_aside([worker], timeout_ms=100)  # the job does not listen: it outlives the wait
    assert worker.isRunning() and worker in workers._set_aside and worker.parent() is None
    del owner  # its owner goes (a closed panel): the worker must not go with it
    gate.set()
    assert workers.wait_for_set_aside(5000)
    qtbot.waitUntil(lambda: worker not in workers._set_aside, timeout=2000)


def test_no_cyclic_collection_runs_while_a_job_does(qtbot):
    import gc

    seen = []
    worker = FunctionWorker(lambda: seen.append(gc.isenabled()))
    assert gc.isenabled()
    run(qtbot, worker)
    assert seen == [False] and gc.isenabled()  # paused for the job, back on after it

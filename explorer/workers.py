"""Background work off the GUI thread: QThreads running one job each, with progress and cancel.

Two kinds of job, both plain Python that never sees Qt:

- a function, ``fn(*args) -> result``, run by ``FunctionWorker`` (reading a file, one inference); one
  that drives an engine function taking callbacks declares ``report`` and/or ``should_stop`` keyword
  parameters and gets them;
- a generator function, ``fn(should_stop, *args)``, run by ``GeneratorWorker``: every value it yields
  is emitted as ``progress`` (on the GUI thread, queued), and what it returns is the result. Stopping
  is cooperative: the job (or the engine generator it drives, which takes the same ``should_stop``)
  notices ``should_stop()`` and returns early with what it has — training keeps its weights so far.
  A job that returns None after a stop request has nothing to keep: it is ``cancelled``.

``make_worker`` picks the right one. On window close: ``stop()`` requests the stop, then waits.
"""

import gc
import inspect
import threading
import time
import traceback
from contextlib import contextmanager

from PySide6.QtCore import QThread, Signal

_gc_lock = threading.Lock()
_gc_pausers = 0


@contextmanager
def gc_paused():
    """No cyclic garbage collection while a background job runs. Python's collector runs in whichever
    thread happens to allocate; collecting a cycle that holds a Qt widget on a worker thread destroys the
    widget there and can deadlock with the GUI thread (seen: a worker reading an .npz while the GUI thread
    deleted a menu, both waiting for the other). Collection resumes once no job runs."""
    global _gc_pausers
    with _gc_lock:
        _gc_pausers += 1
        gc.disable()
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pausers -= 1
            if _gc_pausers == 0:
                gc.enable()


class Worker(QThread):
    """What both kinds of worker emit and how they stop; ``_run_job`` is theirs."""

    progress = Signal(object)
    succeeded = Signal(object)
    errored = Signal(str, str)  # message, traceback
    cancelled = Signal()

    def __init__(self, fn, *args, parent=None, **kwargs):
        super().__init__(parent)
        self.fn, self.args, self.kwargs = fn, args, kwargs
        self.result = None  # also kept here: on window close nobody is left to receive the signal
        self._stop = False

    def should_stop(self):
        return self._stop

    def run(self):
        try:
            with gc_paused():
                result = self._run_job()
        except Exception as e:  # shown to the user by whoever started the job
            if self._stop:
                self.cancelled.emit()
            else:
                self.errored.emit(str(e) or type(e).__name__, traceback.format_exc())  # a bare error: its name
        else:
            self._finish(result)

    def _finish(self, result):
        self.result = result
        self.succeeded.emit(result)

    def request_stop(self):
        self._stop = True

    def stop(self, timeout_ms=2000):
        """Request the stop and wait for the thread; True if it ended in time."""
        self.request_stop()
        self.quit()
        return self.wait(timeout_ms)


class FunctionWorker(Worker):
    """Runs ``fn(*args, **kwargs)``, adding ``report=`` (emits ``progress``) and ``should_stop=`` when
    ``fn`` declares them. A result that arrives after a stop request is dropped (``cancelled``)."""

    CALLBACKS = ("report", "should_stop")

    def report(self, obj):
        self.progress.emit(obj)

    def _run_job(self):
        declared = inspect.signature(self.fn).parameters
        callbacks = {name: getattr(self, name) for name in self.CALLBACKS if name in declared}
        return self.fn(*self.args, **self.kwargs, **callbacks)

    def _finish(self, result):
        if self._stop:
            self.cancelled.emit()
        else:
            super()._finish(result)


class GeneratorWorker(Worker):
    """Runs the generator ``fn(should_stop, *args, **kwargs)``: yields become ``progress``, the return
    value the result — also after a stop request, unless it is None."""

    def _run_job(self):
        job = self.fn(self.should_stop, *self.args, **self.kwargs)
        while True:
            try:
                item = next(job)
            except StopIteration as done:
                return done.value
            self.progress.emit(item)

    def _finish(self, result):
        if self._stop and result is None:
            self.cancelled.emit()
        else:
            super()._finish(result)


def make_worker(fn, *args, parent=None, **kwargs):
    """A GeneratorWorker for a generator function, a FunctionWorker for any other."""
    kind = GeneratorWorker if inspect.isgeneratorfunction(fn) else FunctionWorker
    return kind(fn, *args, parent=parent, **kwargs)


def release(worker):
    """Let a worker go without waiting for its thread on the GUI thread: it is deleted once the thread
    has ended (at once if it already has; a second deleteLater is harmless)."""
    worker.finished.connect(worker.deleteLater)
    if worker.isFinished():
        worker.deleteLater()


CLOSE_WAIT_MS = 10_000  # how long closing waits for a job before setting it aside to finish on its own
_set_aside = []  # workers still running when their owner closed: kept alive until they end


def finish_or_set_aside(workers, timeout_ms=CLOSE_WAIT_MS):
    """Ask ``workers`` to stop and wait for them; one still running after ``timeout_ms`` is set aside —
    taken from its owner and kept alive until it ends — because a QThread destroyed while it runs aborts
    the whole process (seen when a busy machine took over 3 s to load a network). ``wait_for_set_aside``
    lets them end before the process exits."""
    workers = [w for w in workers if w.isRunning()]
    for worker in workers:
        worker.request_stop()
    deadline = time.perf_counter() + timeout_ms / 1000
    for worker in workers:
        worker.quit()
        if not worker.wait(max(0, int(1000 * (deadline - time.perf_counter())))):
            worker.setParent(None)
            _set_aside.append(worker)
            worker.finished.connect(lambda w=worker: _set_aside.remove(w) if w in _set_aside else None)


def wait_for_set_aside(timeout_ms=CLOSE_WAIT_MS):
    """At exit: give the workers set aside at close the time to end (True if all did)."""
    deadline = time.perf_counter() + timeout_ms / 1000
    return all(w.wait(max(0, int(1000 * (deadline - time.perf_counter())))) for w in list(_set_aside))


def stop_all(owner):
    """Stop every worker ``owner`` still has running (window close), released ones too: see
    ``finish_or_set_aside``."""
    finish_or_set_aside(owner.findChildren(Worker))


class Throttle:
    """Lets something happen at most every ``seconds`` (a report, a copy of the filters): ``due()`` is
    True the first time and then again once ``seconds`` have passed since the last True."""

    def __init__(self, seconds, clock=time.perf_counter, start_due=True):
        self.seconds, self.clock = seconds, clock
        self.last = None if start_due else clock()

    def due(self, force=False):
        now = self.clock()
        if force or self.last is None or now - self.last >= self.seconds:
            self.last = now
            return True
        return False

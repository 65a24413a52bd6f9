"""Background work off the GUI thread: a QThread running one function with progress and cancel.

The function receives ``report(obj)`` (emits ``progress`` with a copy-safe object) and
``should_stop()`` (polled between steps). On window close: ``stop()`` requests the stop,
then waits for the thread.
"""

import time
import traceback

from PySide6.QtCore import QThread, Signal


class Cancelled(Exception):
    """Raised inside a job that noticed ``should_stop()``."""


class FunctionWorker(QThread):
    progress = Signal(object)
    succeeded = Signal(object)
    errored = Signal(str, str)  # message, traceback
    cancelled = Signal()

    def __init__(self, fn, *args, parent=None, result_on_stop=False, **kwargs):
        """result_on_stop: a job that returns after a stop request still reports its result
        (training keeps the weights it has so far)."""
        super().__init__(parent)
        self.fn, self.args, self.kwargs = fn, args, kwargs
        self.result_on_stop = result_on_stop
        self.result = None  # also kept here: on window close nobody is left to receive the signal
        self._stop = False

    def should_stop(self):
        return self._stop

    def report(self, obj):
        self.progress.emit(obj)

    def run(self):
        try:
            result = self.fn(self.report, self.should_stop, *self.args, **self.kwargs)
        except Cancelled:
            self.cancelled.emit()
        except Exception as e:  # shown to the user by whoever started the job
            if self._stop:
                self.cancelled.emit()
            else:
                self.errored.emit(f"{type(e).__name__}: {e}" if not str(e) else str(e), traceback.format_exc())
        else:
            self.result = result
            if self._stop and not self.result_on_stop:
                self.cancelled.emit()
            else:
                self.succeeded.emit(result)

    def request_stop(self):
        self._stop = True

    def stop(self, timeout_ms=2000):
        """Request the stop and wait for the thread; True if it ended in time."""
        self.request_stop()
        self.quit()
        return self.wait(timeout_ms)


def release(worker):
    """Let a worker go without waiting for its thread on the GUI thread: it is deleted once the thread
    has ended (at once if it already has; a second deleteLater is harmless)."""
    worker.finished.connect(worker.deleteLater)
    if worker.isFinished():
        worker.deleteLater()


def stop_all(owner, timeout_ms=2000):
    """Stop and wait for every worker ``owner`` still has running (window close), released ones too."""
    for worker in owner.findChildren(FunctionWorker):
        if worker.isRunning():
            worker.stop(timeout_ms)


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

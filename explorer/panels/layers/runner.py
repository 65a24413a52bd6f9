"""Background jobs by slot: one running job per slot, the newest request wins."""

from PySide6.QtCore import QObject

from ...workers import finish_or_set_aside, make_worker


class JobSlots(QObject):
    """``start(slot, fn, *args, on_done=..., on_progress=..., on_error=...)`` runs ``fn`` in a worker.

    A new job in a busy slot asks the old one to stop; the old one's result is dropped. A job
    started while another of the same slot is still finishing waits its turn (only the newest
    waiting request is kept), so a fast stream of requests (a stroke being drawn) never piles up.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.running = {}  # slot -> Worker
        self.pending = {}  # slot -> (fn, args, callbacks)
        self._finishing = []  # stopped workers still running: kept alive until they end

    def busy(self, slot):
        return slot in self.running

    def start(self, slot, fn, *args, on_done=None, on_progress=None, on_error=None, replace=False):
        if slot in self.running:
            if not replace:
                self.pending[slot] = (fn, args, (on_done, on_progress, on_error))
                return
            self.cancel(slot)
        self.pending.pop(slot, None)
        worker = make_worker(fn, *args, parent=self)
        self.running[slot] = worker
        if on_progress is not None:  # reports still queued from a cancelled job are dropped too
            worker.progress.connect(lambda info, w=worker: self.running.get(slot) is w and on_progress(info))
        worker.succeeded.connect(lambda result, w=worker: self._on_done(slot, w, on_done, result))
        worker.errored.connect(lambda message, _tb, w=worker: self._on_done(slot, w, on_error, message))
        worker.cancelled.connect(lambda w=worker: self._on_done(slot, w, None, None))
        worker.finished.connect(lambda w=worker: self._on_finished(w))
        worker.start()

    def cancel(self, slot):
        worker = self.running.pop(slot, None)
        self.pending.pop(slot, None)
        if worker is not None:
            worker.request_stop()
            self._finishing.append(worker)

    def _on_done(self, slot, worker, callback, value):
        if self.running.get(slot) is not worker:
            return  # cancelled or replaced: its answer is stale
        del self.running[slot]
        self._finishing.append(worker)
        if callback is not None:
            callback(value)
        if slot in self.pending:
            fn, args, (done, progress, error) = self.pending.pop(slot)
            self.start(slot, fn, *args, on_done=done, on_progress=progress, on_error=error)

    def _on_finished(self, worker):
        if worker in self._finishing:
            self._finishing.remove(worker)
            worker.deleteLater()

    def shutdown(self):
        """Ask every job to stop and wait for them (window close); see ``finish_or_set_aside``."""
        workers = list(self.running.values()) + self._finishing
        self.running.clear()
        self.pending.clear()
        finish_or_set_aside(workers)

"""Data-parallel gradients: a mini-batch split across threads, each with its own copy of the layers.

NumPy releases the GIL inside its loops and OpenBLAS calls, so two threads with one BLAS thread each
can use two cores on one step. Every replica shares the network's parameter arrays (read-only during
``gradient``) and keeps its own layer state; the gradients of the sub-batches are combined weighted by
their sizes, which is exactly the gradient of the whole batch's mean loss.

Whether this is faster depends on the machine and on what else runs on it: measure with
``bench/bench_parallel.py``. BLAS must run single-threaded meanwhile (threadpoolctl), or the threads
fight over the cores.
"""

import copy
import os
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import numpy as np

from .protocols import Network, Params


def replica(network: Network, seed: int | None = None) -> Network:
    """A copy of ``network`` whose layers are its own but whose ``params`` arrays are the same objects."""
    twin = copy.copy(network)  # shallow: params dict and its arrays are shared
    if hasattr(twin, "_dropout_rng"):
        twin._dropout_rng = np.random.default_rng(seed)  # generators are not safe to share across threads
    if not hasattr(twin, "_build_layers"):
        raise TypeError(f"{type(network).__name__} cannot be split across threads (no _build_layers)")
    twin._build_layers()
    return twin


def usable_cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class DataParallel:
    """``gradient(x, t)`` of ``network`` computed by ``threads`` threads on slices of the batch.

    ``threads="auto"`` (as many as the usable cores) never settles for slower than one thread: it keeps
    a running average of the step time with all threads and with one, uses the faster, and every
    ``probe_every`` steps times one step the other way, so it follows the machine's load (on a busy
    2-core machine two threads made SimpleConvNet 25 % slower and DeepConvNet 16 % faster).
    Offers the book's network interface (params, gradient, loss, accuracy, predict, last_loss), so the
    Trainer and the training loops take it in place of the network.
    """

    def __init__(
        self, network: Network, threads: int | str = "auto", seed: int = 0, probe_every: int = 40,
        clock: Callable[[], float] = time.perf_counter, sub_batch: int = 200
    ):
        self.auto = threads == "auto"
        threads = usable_cores() if self.auto else int(threads)
        if threads < 1:
            raise ValueError(f"threads must be at least 1, got {threads}")
        self.network = network
        self.params = network.params
        self.threads = threads
        self.replicas = [network] + [replica(network, seed=seed + k) for k in range(1, threads)]
        self._pool = ThreadPoolExecutor(max_workers=threads) if threads > 1 else None
        self.last_loss = None
        self.probe_every, self.clock = probe_every, clock
        self.step_time = {1: None, threads: None}  # running averages, seconds
        self.steps = 0
        if sub_batch < 1:
            raise ValueError(f"sub_batch must be at least 1, got {sub_batch}")
        self.sub_batch = sub_batch

    def _choose(self):
        """How many threads the next step uses."""
        if not self.auto or self._pool is None:
            return self.threads
        one, many = self.step_time[1], self.step_time[self.threads]
        if one is None:
            return 1
        if many is None:
            return self.threads
        best = 1 if one <= many else self.threads
        if self.steps % self.probe_every == 0:  # look at the other way again now and then
            return self.threads if best == 1 else 1
        return best

    def gradient(self, x: np.ndarray, t: np.ndarray) -> Params:
        k = self._choose()
        start = self.clock()
        grads = self._gradient(np.asarray(x), np.asarray(t), k)
        if self.auto and self._pool is not None:
            took = self.clock() - start
            old = self.step_time[k]
            self.step_time[k] = took if old is None else 0.8 * old + 0.2 * took
        self.steps += 1
        return grads

    @property
    def threads_in_use(self) -> int:
        """What the automatic choice currently prefers (the fixed count otherwise)."""
        one, many = self.step_time[1], self.step_time[self.threads]
        if not self.auto or one is None or many is None:
            return self.threads
        return 1 if one <= many else self.threads

    def _gradient(self, x, t, threads):
        n = len(x)
        if threads == 1 or n < 2 * threads:
            grads, self.last_loss = self._sub_batched(self.network, x, t)
            return grads
        bounds = np.linspace(0, n, threads + 1).astype(int)
        parts = [(rep, slice(lo, hi)) for rep, lo, hi in zip(self.replicas, bounds[:-1], bounds[1:])]
        err = np.geterr()  # floating-point error handling is per thread: the workers take the caller's

        def work(job):
            with np.errstate(**err):
                return self._sub_batched(job[0], x[job[1]], t[job[1]])

        results = list(self._pool.map(work, parts))
        total, self.last_loss = _weighted_mean(results, np.diff(bounds) / n)
        return total

    def _sub_batched(self, network, x, t):
        """(gradients, loss) of ``network`` on (x, t), in pieces of at most ``sub_batch`` images.

        A large batch costs more per image than a small one once its activations no longer fit in
        the caches; pieces keep the cost per image flat. The weighted mean of the pieces' gradients
        is the whole batch's gradient.
        """
        n = len(x)
        pieces = -(-n // self.sub_batch)
        if pieces <= 1:
            grads = network.gradient(x, t)
            return grads, network.last_loss
        bounds = np.linspace(0, n, pieces + 1).astype(int)
        results = []
        for lo, hi in zip(bounds[:-1], bounds[1:]):
            grads = network.gradient(x[lo:hi], t[lo:hi])
            # the network may reuse its gradient buffers on the next call: keep a copy of this one
            results.append(({k: np.array(g, copy=True) for k, g in grads.items()}, network.last_loss))
        return _weighted_mean(results, np.diff(bounds) / n)

    def loss(self, x: np.ndarray, t: np.ndarray) -> float:
        return self.network.loss(x, t)

    def predict(self, x: np.ndarray, *args, **kwargs) -> np.ndarray:
        return self.network.predict(x, *args, **kwargs)

    def accuracy(self, x: np.ndarray, t: np.ndarray, *args, **kwargs) -> float:
        return self.network.accuracy(x, t, *args, **kwargs)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True)


def _weighted_mean(results, weights):
    """The weighted mean of [(gradients, loss), ...]: the gradients and loss of the whole batch."""
    total = {}
    first = results[0][0]
    for key in first:
        acc = first[key] * weights[0]
        for w, (grads, _) in zip(weights[1:], results[1:]):
            acc += w * grads[key]
        total[key] = acc
    loss = float(sum(w * part_loss for w, (_, part_loss) in zip(weights, results)))
    return total, loss

"""Parameter update rules (the book's ``common/optimizer.py``, chapter 6.1).

``update(params, grads)`` changes every ``params[key]`` in place. The internal state the
lectures talk about (Momentum's velocity ``v``, AdaGrad's ``h``, Adam's ``m``, ``v`` and
``iter``) is kept in plain attributes so the optimizer playground can show it.

Parameters may be what the book passes: float arrays of any shape (updated in place), or Python
floats, ints and integer arrays (ch06/optimizer_compare_naive.py keeps the position as floats),
which cannot change in place, so the dict entry is rebound to the new value, as the book's ``-=`` does.
"""

import numpy as np

from .protocols import Params

EPSILON = 1e-7  # the book's epsilon in AdaGrad, RMSprop and Adam
BLOCK = 1 << 16  # elements per cache-sized block in Adam (256 KiB of float32)


def _float_dtype(value):
    value = np.asarray(value)
    return value.dtype if value.dtype.kind == "f" else np.dtype(np.float64)


def zeros_like_params(params: Params) -> Params:
    """A state dict with one zero float array per parameter (created on the first update)."""
    return {key: np.zeros(np.shape(val), dtype=_float_dtype(val)) for key, val in params.items()}


def _gradient(grads, key, p):
    """grads[key] as an array of p's type, refused when its shape is not the parameter's: NumPy would
    broadcast a (3,) gradient over a (3, 3) parameter and update every row with it."""
    g = np.asarray(grads[key], dtype=p.dtype)
    if g.shape != p.shape:
        raise ValueError(f"the gradient of {key!r} has shape {g.shape}, the parameter {p.shape}")
    return g


def _updatable(params, key):
    """(array to update in place, whether params[key] must be rebound to it afterwards)."""
    p = params[key]
    if isinstance(p, np.ndarray) and p.dtype.kind == "f" and p.flags.writeable:
        return p, False
    return np.array(p, dtype=_float_dtype(p)), True


def _store(params, key, p, rebind):
    if rebind:
        params[key] = p if p.ndim else p[()]  # a float stays a (NumPy) float


class Optimizer:
    """Common base: hyperparameters as attributes, per-parameter state in dicts."""

    name = "optimizer"

    def update(self, params: Params, grads: Params) -> None:
        raise NotImplementedError

    def state(self, key: str) -> dict[str, np.ndarray]:
        """The internal arrays for ``params[key]`` as a dict of copies (for display)."""
        out = {}
        for attr in ("v", "h", "m"):
            store = getattr(self, attr, None)
            if isinstance(store, dict) and key in store:
                out[attr] = np.array(store[key], copy=True)
        return out


class SGD(Optimizer):
    """W <- W - lr * dL/dW"""

    name = "SGD"

    def __init__(self, lr=0.01):
        self.lr = lr

    def update(self, params: Params, grads: Params) -> None:
        for key in params:
            p, rebind = _updatable(params, key)
            p -= self.lr * _gradient(grads, key, p)
            _store(params, key, p, rebind)


class Momentum(Optimizer):
    """v <- momentum * v - lr * dL/dW;  W <- W + v"""

    name = "Momentum"

    def __init__(self, lr=0.01, momentum=0.9):
        self.lr = lr
        self.momentum = momentum
        self.v = None

    def update(self, params: Params, grads: Params) -> None:
        if self.v is None:
            self.v = zeros_like_params(params)
        for key in params:
            p, rebind = _updatable(params, key)
            v = self.v[key]
            v *= self.momentum
            v -= self.lr * _gradient(grads, key, p)
            p += v
            _store(params, key, p, rebind)


class Nesterov(Optimizer):
    """Nesterov's accelerated gradient, reformulated so the gradient is taken at the parameters
    themselves (Sutskever et al. 2013; Bengio et al. 2012): W holds the look-ahead point W + mu*v, and

        W <- W + mu^2 * v_old - (1 + mu) * lr * g;   v <- mu * v_old - lr * g

    (the book's first printing moved W by mu^2 * v_new; the Japanese edition's code was fixed to this).
    """

    name = "Nesterov"

    def __init__(self, lr=0.01, momentum=0.9):
        self.lr = lr
        self.momentum = momentum
        self.v = None

    def update(self, params: Params, grads: Params) -> None:
        if self.v is None:
            self.v = zeros_like_params(params)
        mu = self.momentum
        for key in params:
            p, rebind = _updatable(params, key)
            g, v = _gradient(grads, key, p), self.v[key]
            p += mu * mu * v  # the old velocity, before it is updated below
            p -= (1 + mu) * self.lr * g
            v *= mu
            v -= self.lr * g
            _store(params, key, p, rebind)


class AdaGrad(Optimizer):
    """h <- h + g*g;  W <- W - lr * g / (sqrt(h) + eps)"""

    name = "AdaGrad"

    def __init__(self, lr=0.01):
        self.lr = lr
        self.h = None

    def update(self, params: Params, grads: Params) -> None:
        if self.h is None:
            self.h = zeros_like_params(params)
        for key in params:
            p, rebind = _updatable(params, key)
            g, h = _gradient(grads, key, p), self.h[key]
            tmp = np.multiply(g, g, out=np.empty_like(h))  # in place with one temporary, as in Adam
            h += tmp
            np.sqrt(h, out=tmp)
            tmp += EPSILON
            np.divide(g, tmp, out=tmp)
            tmp *= self.lr
            p -= tmp
            _store(params, key, p, rebind)


class RMSprop(Optimizer):
    """h <- decay * h + (1 - decay) * g*g;  W <- W - lr * g / (sqrt(h) + eps)"""

    name = "RMSprop"

    def __init__(self, lr=0.01, decay_rate=0.99):
        self.lr = lr
        self.decay_rate = decay_rate
        self.h = None

    def update(self, params: Params, grads: Params) -> None:
        if self.h is None:
            self.h = zeros_like_params(params)
        for key in params:
            p, rebind = _updatable(params, key)
            g, h = _gradient(grads, key, p), self.h[key]
            h *= self.decay_rate
            h += (1 - self.decay_rate) * g * g
            p -= self.lr * g / (np.sqrt(h) + EPSILON)
            _store(params, key, p, rebind)


class Adam(Optimizer):
    """Adam (Kingma & Ba), with the bias correction folded into the step size lr_t.

    m <- m + (1 - beta1) (g - m);  v <- v + (1 - beta2) (g*g - v)
    lr_t = lr * sqrt(1 - beta2^t) / (1 - beta1^t);  W <- W - lr_t * m / (sqrt(v) + eps)
    """

    name = "Adam"

    def __init__(self, lr=0.001, beta1=0.9, beta2=0.999):
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.iter = 0
        self.m = None
        self.v = None

    @property
    def lr_t(self) -> float:
        """The bias-corrected step size of the latest update (lr before the first)."""
        t = max(self.iter, 1)
        return self.lr * np.sqrt(1.0 - self.beta2**t) / (1.0 - self.beta1**t)

    def update(self, params: Params, grads: Params) -> None:
        if self.m is None:
            self.m = zeros_like_params(params)
            self.v = zeros_like_params(params)
        self.iter += 1
        lr_t = self.lr_t
        for key in params:
            p, rebind = _updatable(params, key)
            p0, g, m, v = p, _gradient(grads, key, p), self.m[key], self.v[key]
            if p.size > BLOCK and all(a.flags.c_contiguous for a in (p, g, m, v)):
                # Block by block, so the dozen passes below reuse data from the CPU cache
                # instead of streaming the whole array through memory each time (~30 % faster).
                p, g, m, v = p.reshape(-1), g.reshape(-1), m.reshape(-1), v.reshape(-1)
                for lo in range(0, p.size, BLOCK):
                    hi = lo + BLOCK
                    self._step(p[lo:hi], g[lo:hi], m[lo:hi], v[lo:hi], lr_t)
            else:
                self._step(p, g, m, v, lr_t)
            _store(params, key, p0, rebind)

    def _step(self, p, g, m, v, lr_t):
        """The update of one parameter array (or a block of it), in place, with one temporary."""
        tmp = np.subtract(g, m, out=np.empty_like(m))
        tmp *= 1 - self.beta1
        m += tmp
        np.multiply(g, g, out=tmp)
        tmp -= v
        tmp *= 1 - self.beta2
        v += tmp
        np.sqrt(v, out=tmp)
        tmp += EPSILON
        np.divide(m, tmp, out=tmp)
        tmp *= lr_t
        p -= tmp


OPTIMIZERS = {cls.name.lower(): cls for cls in (SGD, Momentum, Nesterov, AdaGrad, RMSprop, Adam)}


def make_optimizer(name: str, **kwargs) -> Optimizer:
    """Build an optimizer by (case-insensitive) name: make_optimizer('adam', lr=1e-3)."""
    try:
        cls = OPTIMIZERS[name.lower()]
    except KeyError:
        names = ", ".join(c.name for c in OPTIMIZERS.values())
        raise ValueError(f"unknown optimizer {name!r}; choose one of {names}") from None
    return cls(**kwargs)

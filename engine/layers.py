"""Layers with ``forward``/``backward`` (the book's ``common/layers.py``).

Each layer computes in the dtype of the arrays it is given. Image batches are
x: (N, C, H, W); filters W: (FN, C, FH, FW). Parameter gradients are left in
``dW``/``db`` (``dgamma``/``dbeta``) after ``backward``.
"""

from enum import Enum

import numpy as np
from numpy.typing import ArrayLike

from .functions import _labels, log_softmax, softmax
from .util import check_image_batch, check_stride_pad, col2im, im2col, output_shape, whole, windows


class PoolMode(str, Enum):
    """Max or average pooling. A str: the book's "max" and "avg" are the same values."""

    MAX = "max"
    AVG = "avg"

    def __str__(self) -> str:
        return self.value

    __format__ = str.__format__


BN_EPSILON = 10e-7  # BatchNormalization's guard against dividing by 0: the book's 10e-7 (= 1e-6), kept for its numbers


class Relu:
    def __init__(self):
        self.keep = None  # x > 0: where the gradient passes

    @property
    def mask(self) -> np.ndarray | None:
        """The book's name: where x <= 0 (the gradient is blocked)."""
        return None if self.keep is None else ~self.keep

    def forward(self, x: np.ndarray) -> np.ndarray:
        self.keep = x > 0
        return np.maximum(x, 0)

    def backward(self, dout: np.ndarray) -> np.ndarray | None:
        # The book zeroes dout in place; a fresh array leaves the caller's gradient intact.
        # Multiplying by the boolean mask is several times faster than np.where here.
        return dout * self.keep


class Sigmoid:
    def __init__(self):
        self.out = None

    def forward(self, x: np.ndarray) -> np.ndarray:
        self.out = 0.5 * (1.0 + np.tanh(0.5 * x))  # overflow-free 1 / (1 + exp(-x))
        return self.out

    def backward(self, dout: np.ndarray) -> np.ndarray | None:
        return dout * (1.0 - self.out) * self.out


class Affine:
    """out = x @ W + b; x: (N, ...) is flattened to (N, D); W: (D, M); b: (M,)."""

    def __init__(self, W: np.ndarray, b: np.ndarray):
        self.W = W
        self.b = b
        self.x = None
        self.original_x_shape = None
        self.dW = None
        self.db = None
        self.need_input_grad = True

    def forward(self, x: np.ndarray) -> np.ndarray:
        self.original_x_shape = x.shape
        x = x.reshape(x.shape[0], -1)
        if x.shape[1] != self.W.shape[0]:
            raise ValueError(
                f"Affine expects {self.W.shape[0]} input features (W: {self.W.shape}), "
                f"got {x.shape[1]} (input shape {self.original_x_shape})"
            )
        self.x = x
        out = x @ self.W
        out += self.b
        return out

    def backward(self, dout: np.ndarray) -> np.ndarray | None:
        self.dW = self.x.T @ dout
        self.db = np.sum(dout, axis=0)
        if not self.need_input_grad:
            return None
        dx = dout @ self.W.T
        return dx.reshape(self.original_x_shape)


class SoftmaxWithLoss:
    """Softmax followed by the mean cross-entropy; t: labels (N,) or one-hot (N, K).

    The loss is computed exactly through log-softmax (the book's ``log(y + 1e-7)`` is
    not quite the function its own backward differentiates).
    """

    def __init__(self):
        self.loss = None
        self.y = None
        self.t = None

    def forward(self, x: np.ndarray, t: ArrayLike) -> float:
        self.t = np.asarray(t)
        self.y = softmax(x)
        logp = log_softmax(x)
        labels = self._labels()
        self.loss = -np.mean(logp[np.arange(x.shape[0]), labels])
        return self.loss

    def _labels(self):
        return _labels(self.t, self.y)  # checked: -1 or 3.7 is an error, not class 9 or 3

    def backward(self, dout: float = 1) -> np.ndarray:
        batch_size = self.y.shape[0]
        dx = self.y.copy()
        dx[np.arange(batch_size), self._labels()] -= 1
        dx *= dout / batch_size
        return dx


class Dropout:
    """Randomly drops units while training; scales by (1 - ratio) at test time (book).

    ``train`` is the mode used when ``forward`` is called without ``train_flg`` (the book's
    networks always pass it; an inspection chain builds its Dropout with ``train=False``).
    """

    def __init__(self, dropout_ratio: float = 0.5, rng=None, train: bool = True):
        self.dropout_ratio = dropout_ratio
        self.mask = None
        self._rng = rng
        self.train = train

    @property
    def rng(self) -> np.random.Generator:
        """The generator of the masks, made on first use (seeding from the OS costs ~0.5 ms)."""
        if not isinstance(self._rng, np.random.Generator):
            self._rng = np.random.default_rng(self._rng)
        return self._rng

    @rng.setter
    def rng(self, value: np.random.Generator | int | None) -> None:
        self._rng = value

    def forward(self, x: np.ndarray, train_flg: bool | None = None) -> np.ndarray:
        if train_flg is None:
            train_flg = self.train
        if train_flg:
            self.mask = self.rng.random(x.shape) > self.dropout_ratio
            return x * self.mask
        self.mask = None
        return x * (1.0 - self.dropout_ratio)

    def backward(self, dout: np.ndarray) -> np.ndarray | None:
        if self.mask is None:  # after a test-time forward: the gradient of the scaling
            return dout * (1.0 - self.dropout_ratio)
        return dout * self.mask


class BatchNormalization:
    """Batch normalisation over the batch axis (4-D inputs are flattened per sample, as in the book)."""

    def __init__(self, gamma: np.ndarray, beta: np.ndarray, momentum: float = 0.9,
                 running_mean: np.ndarray | None = None, running_var: np.ndarray | None = None):
        self.gamma = gamma
        self.beta = beta
        self.momentum = momentum
        self.input_shape = None
        self.running_mean = running_mean
        self.running_var = running_var
        self.batch_size = None
        self.xc = None
        self.std = None
        self.xn = None
        self.dgamma = None
        self.dbeta = None

    def forward(self, x: np.ndarray, train_flg: bool = True) -> np.ndarray:
        self.input_shape = x.shape
        x = x.reshape(x.shape[0], -1)
        if self.running_mean is None:
            self.running_mean = np.zeros(x.shape[1], dtype=x.dtype)
            self.running_var = np.zeros(x.shape[1], dtype=x.dtype)
        if train_flg:
            mu = x.mean(axis=0)
            xc = x - mu
            var = np.mean(xc**2, axis=0)
            std = np.sqrt(var + BN_EPSILON)
            xn = xc / std
            self.batch_size = x.shape[0]
            self.xc, self.xn, self.std = xc, xn, std
            self.running_mean = self.momentum * self.running_mean + (1 - self.momentum) * mu
            self.running_var = self.momentum * self.running_var + (1 - self.momentum) * var
        else:
            xn = (x - self.running_mean) / np.sqrt(self.running_var + BN_EPSILON)
        out = self.gamma * xn + self.beta
        return out.reshape(self.input_shape)

    def backward(self, dout: np.ndarray) -> np.ndarray | None:
        dout = dout.reshape(dout.shape[0], -1)
        dbeta = dout.sum(axis=0)
        dgamma = np.sum(self.xn * dout, axis=0)
        dxn = self.gamma * dout
        dxc = dxn / self.std
        dstd = -np.sum((dxn * self.xc) / (self.std * self.std), axis=0)
        dvar = 0.5 * dstd / self.std
        dxc += (2.0 / self.batch_size) * self.xc * dvar
        dmu = np.sum(dxc, axis=0)
        dx = dxc - dmu / self.batch_size
        self.dgamma, self.dbeta = dgamma, dbeta
        return dx.reshape(self.input_shape)


class Convolution:
    """Convolution (cross-correlation, as in the book) through im2col.

    W: (FN, C, FH, FW), b: (FN,); forward x: (N, C, H, W) -> (N, FN, OH, OW).
    """

    def __init__(self, W: np.ndarray, b: ArrayLike, stride: int = 1, pad: int = 0):
        W = np.asarray(W)
        if W.ndim != 4:
            raise ValueError(f"filters W must be 4-D (FN, C, FH, FW), got shape {W.shape}")
        if np.shape(b) != (W.shape[0],):
            try:  # the book's apply_filter passes b = 0: one value for every filter
                b = np.broadcast_to(np.asarray(b, dtype=W.dtype), (W.shape[0],)).copy()
            except ValueError:
                raise ValueError(f"bias b must have shape ({W.shape[0]},) for {W.shape[0]} filters "
                                 f"(or broadcast to it), got {np.shape(b)}") from None
        check_stride_pad(stride, pad)
        self.W = W
        self.b = b
        self.stride = whole(stride, "stride", 1)  # 2.0 is 2; inf or 2.5 is an error that says so
        self.pad = whole(pad, "pad", 0)
        self.x_shape = None
        self.col = None
        self.col_W = None
        self.dW = None
        self.db = None
        # The first layer of a network needs no input gradient; skipping it saves a col2im.
        self.need_input_grad = True

    def forward(self, x: np.ndarray) -> np.ndarray:
        x = check_image_batch(x)
        FN, C, FH, FW = self.W.shape
        N = x.shape[0]
        if x.shape[1] != C:
            raise ValueError(
                f"channel mismatch: input has C = {x.shape[1]} channels (shape {x.shape}) "
                f"but the filters expect C = {C} (W: {self.W.shape})"
            )
        out_h, out_w = output_shape(x.shape, FH, FW, self.stride, self.pad)
        col = im2col(x, FH, FW, self.stride, self.pad)
        col_W = self.W.reshape(FN, -1).T
        out = col @ col_W
        out += self.b
        self.x_shape, self.col, self.col_W = x.shape, col, col_W
        # (N*OH*OW, FN) rows are (n, oh, ow): a transposed view gives (N, FN, OH, OW) for free.
        return out.reshape(N, out_h, out_w, FN).transpose(0, 3, 1, 2)

    def backward(self, dout: np.ndarray) -> np.ndarray | None:
        FN, C, FH, FW = self.W.shape
        dout = dout.transpose(0, 2, 3, 1).reshape(-1, FN)
        self.db = np.sum(dout, axis=0)
        self.dW = (self.col.T @ dout).T.reshape(FN, C, FH, FW)
        if not self.need_input_grad:
            return None
        # dcol^T is computed directly in im2col's (C*FH*FW, N*OH*OW) layout for col2im.
        dcol = (self.col_W @ dout.T).T
        return col2im(dcol, self.x_shape, FH, FW, self.stride, self.pad)


class Pooling:
    """Max or average pooling; x: (N, C, H, W) -> (N, C, OH, OW).

    Padding is with zeros, as the book's im2col pads. Instead of im2col, the window is
    visited offset by offset: each of the PH*PW offsets is one strided slice of the whole
    batch, so the work is a few whole-array maxima rather than an argmax over a copy.
    """

    def __init__(self, pool_h: int, pool_w: int, stride: int = 1, pad: int = 0, mode: PoolMode | str = "max"):
        if mode not in tuple(PoolMode):
            raise ValueError(f"mode must be 'max' or 'avg', got {mode!r}")
        if not (np.isfinite(pool_h) and np.isfinite(pool_w)) or pool_h <= 0 or pool_w <= 0:
            raise ValueError(f"pool size must be positive, got {pool_h}x{pool_w}")
        check_stride_pad(stride, pad)
        self.pool_h = whole(pool_h, "pool_h", 1)
        self.pool_w = whole(pool_w, "pool_w", 1)
        self.stride = whole(stride, "stride", 1)
        self.pad = whole(pad, "pad", 0)
        self.mode = PoolMode(mode)
        self.x_shape = None
        self.arg_max = None  # index (row-major within the window) of each chosen maximum

    def _offsets(self):
        for i in range(self.pool_h):
            for j in range(self.pool_w):
                yield i * self.pool_w + j, i, j

    def _slice(self, a, i, j, oh, ow):
        s = self.stride
        return a[:, :, i : i + s * (oh - 1) + 1 : s, j : j + s * (ow - 1) + 1 : s]

    def forward(self, x: np.ndarray) -> np.ndarray:
        x = check_image_batch(x)
        oh, ow = output_shape(x.shape, self.pool_h, self.pool_w, self.stride, self.pad)
        self.x_shape, self.out_shape = x.shape, (oh, ow)
        p = self.pad
        xp = np.pad(x, [(0, 0), (0, 0), (p, p), (p, p)]) if p else x
        out = self._slice(xp, 0, 0, oh, ow).copy(order="K")  # keep x's memory layout
        if self.mode is PoolMode.MAX:
            arg = np.zeros(out.shape, dtype=np.uint8 if self.pool_h * self.pool_w < 256 else np.int32)
            for k, i, j in self._offsets():
                if k == 0:
                    continue
                s = self._slice(xp, i, j, oh, ow)
                # Strictly greater: ties keep the first maximum, like argmax. Arithmetic on the
                # mask (arg = arg * ~gt + k * gt) is far faster than putmask/where here.
                gt = s > out
                arg *= ~gt
                arg += gt * np.uint8(k) if arg.dtype == np.uint8 else gt * k
                np.maximum(out, s, out=out)
            self.arg_max = arg
        else:
            for k, i, j in self._offsets():
                if k:
                    out += self._slice(xp, i, j, oh, ow)
            out /= self.pool_h * self.pool_w
        return out

    def backward(self, dout: np.ndarray) -> np.ndarray | None:
        N, C, H, W = self.x_shape
        oh, ow = self.out_shape
        p = self.pad
        dxp = np.zeros((N, C, H + 2 * p, W + 2 * p), dtype=dout.dtype)
        # Non-overlapping windows write each input position at most once.
        overlap = self.stride < self.pool_h or self.stride < self.pool_w
        if self.mode is PoolMode.AVG:
            share = dout / (self.pool_h * self.pool_w)
        for k, i, j in self._offsets():
            target = self._slice(dxp, i, j, oh, ow)
            part = dout * (self.arg_max == k) if self.mode is PoolMode.MAX else share
            if overlap:
                target += part
            else:
                target[...] = part
        return dxp[:, :, p : H + p, p : W + p]


class ConvPoolRelu:
    """Convolution, 2x2 max pooling with stride 2, then ReLU, fused for speed.

    Computes exactly what ``Convolution -> Relu -> Pooling(2, 2, stride=2)`` computes
    (a test checks values and gradients), with far less memory traffic:

    - One pooling cell covers a (FH+S) x (FW+S) input patch, and its four candidates are that
      patch times the filter shifted to the four offsets (0, 0), (0, S), (S, 0), (S, S). So the
      im2col rows are patches at stride 2S (4x fewer, about 2.5x less data to copy) and one
      GEMM against the four shifted filters (4*FN, C*(FH+S)*(FW+S)) gives all four candidates
      as four contiguous (FN, N*PH*PW) blocks; pooling is then three element-wise maxima.
    - ReLU and bias come after the pooling: max and ReLU commute, and a per-filter bias
      shifts all four candidates alike, so both touch 4x fewer numbers.

    W: (FN, C, FH, FW), b: (FN,); x: (N, C, H, W) -> (N, FN, OH/2, OW/2). OH and OW must be even.
    """

    OFFSETS = ((0, 0), (0, 1), (1, 0), (1, 1))  # (dy, dx) in a pooling window, row-major like argmax

    def __init__(self, W: np.ndarray, b: ArrayLike, stride: int = 1, pad: int = 0):
        self.conv = Convolution(W, b, stride, pad)  # validation and the book's attribute names
        self.W, self.b, self.stride, self.pad = self.conv.W, self.conv.b, stride, pad
        self.need_input_grad = True
        self.dW = None
        self.db = None

    def _shifted_filters(self):
        """(4*FN, C*(FH+S)*(FW+S)): the filters placed at the four offsets of a patch."""
        FN, C, FH, FW = self.W.shape
        s = self.stride
        Wb = np.zeros((4, FN, C, FH + s, FW + s), dtype=self.W.dtype)
        for k, (dy, dx) in enumerate(self.OFFSETS):
            Wb[k, :, :, dy * s : dy * s + FH, dx * s : dx * s + FW] = self.W
        return Wb.reshape(4 * FN, -1)

    def forward(self, x: np.ndarray) -> np.ndarray:
        x = check_image_batch(x)
        FN, C, FH, FW = self.W.shape
        N, s = x.shape[0], self.stride
        if x.shape[1] != C:
            self.conv.forward(x)  # raises the channel-mismatch message
        oh, ow = output_shape(x.shape, FH, FW, s, self.pad)
        if oh % 2 or ow % 2:
            raise ValueError(f"fused conv+pool needs an even convolution output, got {oh}x{ow}")
        ph, pw = oh // 2, ow // 2
        win, _, _ = windows(x, FH + s, FW + s, 2 * s, self.pad)  # (N, C, PH, PW, FH+S, FW+S)
        colT = np.ascontiguousarray(win.transpose(1, 4, 5, 0, 2, 3)).reshape(C * (FH + s) * (FW + s), -1)
        conv = (self._shifted_filters() @ colT).reshape(4, -1)  # blocks (FN, N*PH*PW), one per offset
        c0, c1, c2, c3 = conv
        # Which of the four won, with ties going to the first, as argmax does.
        g01 = c1 > c0
        g23 = c3 > c2
        m01 = np.maximum(c0, c1)
        m23 = np.maximum(c2, c3)
        g = m23 > m01
        pooled = np.maximum(m01, m23, out=m01).reshape(FN, N * ph * pw)
        pooled += self.b[:, None]
        self.relu_mask = pooled > 0
        np.maximum(pooled, 0, out=pooled)
        self.x_shape, self.colT, self.g01, self.g23, self.g = x.shape, colT, g01, g23, g
        # (FN, N, PH, PW) in memory; the transposed view is the book's (N, FN, PH, PW).
        return pooled.reshape(FN, N, ph, pw).transpose(1, 0, 2, 3)

    def backward(self, dout: np.ndarray) -> np.ndarray | None:
        FN, C, FH, FW = self.W.shape
        N, _, ph, pw = dout.shape
        s = self.stride
        # One pass: reorder to (f, n, i, j) and apply the ReLU mask.
        d = np.empty((FN, N * ph * pw), dtype=dout.dtype)
        np.multiply(dout.transpose(1, 0, 2, 3), self.relu_mask.reshape(FN, N, ph, pw),
                    out=d.reshape(FN, N, ph, pw))
        self.db = d.sum(axis=1)
        d = d.ravel()
        not_g = ~self.g
        dconv = np.empty((4, d.size), dtype=d.dtype)  # the gradient goes to the winner only
        np.multiply(d, not_g & ~self.g01, out=dconv[0])
        np.multiply(d, not_g & self.g01, out=dconv[1])
        np.multiply(d, self.g & ~self.g23, out=dconv[2])
        np.multiply(d, self.g & self.g23, out=dconv[3])
        dconv = dconv.reshape(4 * FN, -1)
        dWb = (dconv @ self.colT.T).reshape(4, FN, C, FH + s, FW + s)
        dW = np.zeros_like(self.W)
        for k, (dy, dx) in enumerate(self.OFFSETS):  # fold the four shifted filters back into one
            dW += dWb[k, :, :, dy * s : dy * s + FH, dx * s : dx * s + FW]
        self.dW = dW
        if not self.need_input_grad:
            return None
        dcolT = self._shifted_filters().T @ dconv  # (C*(FH+S)*(FW+S), N*PH*PW): im2col's layout
        return col2im(dcolT.T, self.x_shape, FH + s, FW + s, 2 * s, self.pad)

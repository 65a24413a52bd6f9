"""Step-by-step traces of convolution and pooling, for the Convolution Lab.

The lab draws these; the numbers come from the definitions here and from the engine's own
layers (``Convolution``, ``Pooling``), and the tests check that the stepped results equal the
layers' ``forward`` and ``backward``. Shapes: x (N, C, H, W), W (FN, C, FH, FW), b (FN,).
Steps run over output cells in (n, f, i, j) order (pooling: (n, c, i, j)).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .layers import Convolution, Pooling
from .util import _formula, check_stride_pad, conv_output_size, im2col


@dataclass(frozen=True)
class AxisGeometry:
    """One axis of (H + 2P - FH) / S + 1, with what does not fit."""

    axis: str  # "H" or "W"
    size: int
    filter: int
    stride: int
    pad: int

    @property
    def numerator(self) -> int:
        return self.size + 2 * self.pad - self.filter

    @property
    def exact(self) -> float:
        return self.numerator / self.stride + 1

    @property
    def output(self) -> int:
        """Whole windows that fit (the layers' floor); 0 when none fits."""
        return self.numerator // self.stride + 1 if self.numerator >= 0 else 0

    @property
    def whole(self) -> bool:
        return self.numerator >= 0 and self.numerator % self.stride == 0

    @property
    def leftover(self) -> int:
        """Padded rows (or columns) at the far edge that no window covers."""
        if self.numerator < 0:
            return 0
        return self.numerator % self.stride

    @property
    def formula(self) -> str:
        return _formula(self.size, self.filter, self.stride, self.pad, self.axis)


def geometry(H: int, W: int, FH: int, FW: int, stride: int = 1, pad: int = 0) -> tuple[AxisGeometry, AxisGeometry]:
    """(AxisGeometry for H, AxisGeometry for W); stride/pad are checked, fit is reported, not raised."""
    check_stride_pad(stride, pad)
    return AxisGeometry("H", H, FH, stride, pad), AxisGeometry("W", W, FW, stride, pad)


@dataclass
class ConvStep:
    """One output cell: its window, the element-wise products, their sum, plus bias."""

    index: int
    n: int
    f: int
    i: int
    j: int
    top: int  # window's top-left corner in padded coordinates
    left: int
    window: np.ndarray  # (C, FH, FW)
    products: np.ndarray  # window * W[f]
    total: float  # sum of products (the multiply-accumulate)
    bias: float
    value: float  # total + bias = out[n, f, i, j]


class ConvTrace:
    """Forward convolution, one window at a time, plus its im2col view."""

    def __init__(self, x, W, b, stride=1, pad=0):
        self.x, self.W, self.b = np.asarray(x, float), np.asarray(W, float), np.asarray(b, float)
        self.stride, self.pad = stride, pad
        N, C, H, Wd = self.x.shape
        FN, _, FH, FW = self.W.shape
        self.geom = geometry(H, Wd, FH, FW, stride, pad)
        self.OH, self.OW = self.geom[0].output, self.geom[1].output
        if self.OH < 1 or self.OW < 1:
            gh, gw = self.geom
            bad = gh if gh.output < 1 else gw
            raise ValueError(f"{bad.formula}: the filter does not fit in the padded input")
        self.layer = Convolution(self.W, self.b, stride, pad)
        self.output = np.ascontiguousarray(self.layer.forward(self.x))  # what the network computes
        self.padded = np.pad(self.x, [(0, 0), (0, 0), (pad, pad), (pad, pad)])
        self.N, self.C, self.FN, self.FH, self.FW = N, C, FN, FH, FW

    def __len__(self):
        return self.N * self.FN * self.OH * self.OW

    def index(self, n: int, f: int, i: int, j: int) -> int:
        return ((n * self.FN + f) * self.OH + i) * self.OW + j

    def cell(self, k: int) -> tuple[int, int, int, int]:
        n, rest = divmod(k, self.FN * self.OH * self.OW)
        f, rest = divmod(rest, self.OH * self.OW)
        i, j = divmod(rest, self.OW)
        return n, f, i, j

    def step(self, k: int) -> ConvStep:
        """The k-th multiply-accumulate, computed from the definition."""
        n, f, i, j = self.cell(k)
        top, left = i * self.stride, j * self.stride
        window = self.padded[n, :, top : top + self.FH, left : left + self.FW]
        products = window * self.W[f]
        total = float(products.sum())
        bias = float(self.b[f])
        return ConvStep(k, n, f, i, j, top, left, window, products, total, bias, total + bias)

    def partial_output(self, k: int) -> np.ndarray:
        """The output after steps 0..k: later cells are NaN (not computed yet)."""
        out = np.full(self.output.shape, np.nan)
        flat = out.reshape(-1)
        flat[: k + 1] = self.output.reshape(-1)[: k + 1]
        return out

    def outputs_fed_by(self, n: int, r: int, c: int) -> list[tuple[int, int]]:
        """Output cells (i, j) of image n whose window covers padded input cell (r, c)."""
        s = self.stride
        rows = [i for i in range(self.OH) if i * s <= r < i * s + self.FH]
        cols = [j for j in range(self.OW) if j * s <= c < j * s + self.FW]
        return [(i, j) for i in rows for j in cols]

    # -- im2col ------------------------------------------------------------------------

    def im2col(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """col (N*OH*OW, C*FH*FW), filters as columns (C*FH*FW, FN), and their product + b."""
        col = np.ascontiguousarray(im2col(self.x, self.FH, self.FW, self.stride, self.pad))
        col_W = self.W.reshape(self.FN, -1).T
        return col, col_W, col @ col_W + self.b

    def im2col_row(self, k: int) -> int:
        """Which im2col row holds step k's window (rows are (n, i, j); filters are columns)."""
        n, _, i, j = self.cell(k)
        return (n * self.OH + i) * self.OW + j

    # -- backward ------------------------------------------------------------------------

    def backward(self, dout: np.ndarray, k: int | None = None) -> np.ndarray:
        """Gradients after the first k+1 steps of dout (all when k is None): dW, db, dx.

        The backward pass is linear in dout, so the running sums are the layer's backward
        of dout with the later cells zeroed. dx comes back through col2im, where
        overlapping windows add up.
        """
        dout = _first_steps(dout, self.output.shape, k)
        layer = Convolution(self.W, self.b, self.stride, self.pad)
        layer.forward(self.x)
        dx = layer.backward(dout)
        return layer.dW, layer.db, dx


def _first_steps(dout, shape, k):
    """dout with every cell after step k zeroed (all of it when k is None); shape checked."""
    dout = np.asarray(dout, float)
    if dout.shape != shape:
        raise ValueError(f"the upstream gradient must have the output's shape {shape}, got {dout.shape}")
    if k is None:
        return dout
    dout = dout.copy()
    dout.reshape(-1)[k + 1 :] = 0
    return dout


@dataclass
class PoolStep:
    index: int
    n: int
    c: int
    i: int
    j: int
    top: int
    left: int
    window: np.ndarray  # (PH, PW)
    argmax: tuple  # (row, col) inside the window of the chosen maximum (max mode)
    value: float


class PoolTrace:
    """Max or average pooling, one window at a time."""

    def __init__(self, x, pool_h, pool_w, stride=2, pad=0, mode="max"):
        self.x = np.asarray(x, float)
        N, C, H, W = self.x.shape
        self.geom = geometry(H, W, pool_h, pool_w, stride, pad)
        self.OH, self.OW = self.geom[0].output, self.geom[1].output
        if self.OH < 1 or self.OW < 1:
            bad = self.geom[0] if self.OH < 1 else self.geom[1]
            raise ValueError(f"{bad.formula}: the pooling window does not fit in the padded input")
        self.ph, self.pw, self.stride, self.pad, self.mode = pool_h, pool_w, stride, pad, mode
        self.layer = Pooling(pool_h, pool_w, stride, pad, mode)
        self.output = np.ascontiguousarray(self.layer.forward(self.x))
        self.padded = np.pad(self.x, [(0, 0), (0, 0), (pad, pad), (pad, pad)])
        self.N, self.C = N, C

    def __len__(self):
        return self.N * self.C * self.OH * self.OW

    def cell(self, k: int) -> tuple[int, int, int, int]:
        n, rest = divmod(k, self.C * self.OH * self.OW)
        c, rest = divmod(rest, self.OH * self.OW)
        i, j = divmod(rest, self.OW)
        return n, c, i, j

    def step(self, k: int) -> PoolStep:
        n, c, i, j = self.cell(k)
        top, left = i * self.stride, j * self.stride
        window = self.padded[n, c, top : top + self.ph, left : left + self.pw]
        r, col = np.unravel_index(int(np.argmax(window)), window.shape)
        value = float(window.max()) if self.mode == "max" else float(window.mean())
        return PoolStep(k, n, c, i, j, top, left, window, (int(r), int(col)), value)

    def partial_output(self, k: int) -> np.ndarray:
        out = np.full(self.output.shape, np.nan)
        out.reshape(-1)[: k + 1] = self.output.reshape(-1)[: k + 1]
        return out

    def backward(self, dout: np.ndarray, k: int | None = None) -> np.ndarray:
        """dx after the first k+1 steps (all when k is None): max routes each gradient to its
        window's maximum, average spreads it evenly."""
        dout = _first_steps(dout, self.output.shape, k)
        return self.layer.backward(dout)


# Image filters the lectures and every image-processing course show (3x3).
IMAGE_FILTERS = {
    "edge": np.array([[-1, -1, -1], [-1, 8, -1], [-1, -1, -1]], dtype=float),
    "sobel_x": np.array([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]], dtype=float),
    "sobel_y": np.array([[-1, -2, -1], [0, 0, 0], [1, 2, 1]], dtype=float),
    "blur": np.full((3, 3), 1 / 9),
    "sharpen": np.array([[0, -1, 0], [-1, 5, -1], [0, -1, 0]], dtype=float),
}


def output_size_question(k: int, rng: np.random.Generator | None = None) -> dict[str, int]:
    """The k-th quiz question: the lecture's three exercises first, then random ones.

    Returns dict(H, W, P, S, FH, FW, OH, OW) with a whole-number answer.
    """
    fixed = [
        dict(H=4, W=4, P=1, S=1, FH=3, FW=3),
        dict(H=7, W=7, P=0, S=2, FH=3, FW=3),
        dict(H=28, W=31, P=2, S=3, FH=5, FW=5),
    ]
    if k < len(fixed):
        q = fixed[k]
    else:
        rng = np.random.default_rng(rng)
        while True:
            F = int(rng.integers(1, 8))
            S = int(rng.integers(1, 5))
            P = int(rng.integers(0, 4))
            OH, OW = int(rng.integers(1, 12)), int(rng.integers(1, 12))
            H, W = (OH - 1) * S + F - 2 * P, (OW - 1) * S + F - 2 * P
            if H >= 1 and W >= 1:
                q = dict(H=H, W=W, P=P, S=S, FH=F, FW=F)
                break
    q = dict(q)
    q["OH"] = conv_output_size(q["H"], q["FH"], q["S"], q["P"], strict=True, axis="H")
    q["OW"] = conv_output_size(q["W"], q["FW"], q["S"], q["P"], strict=True, axis="W")
    return q

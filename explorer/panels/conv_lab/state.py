"""The Convolution Lab's Qt-free state: what is being convolved, and the lecture's presets."""

from dataclasses import dataclass, field

import numpy as np

from engine.conv_trace import IMAGE_FILTERS, ConvTrace, PoolTrace

LECTURE_X = np.array([[1, 2, 3, 0], [0, 1, 2, 3], [3, 0, 1, 2], [2, 3, 0, 1]], dtype=float)
LECTURE_W = np.array([[2, 0, 1], [0, 1, 2], [1, 0, 2]], dtype=float)
POOL_X = np.array([[1, 2, 1, 0], [0, 1, 2, 3], [3, 0, 1, 2], [2, 4, 0, 1]], dtype=float)
ROBUST_X = np.array(
    [[1, 2, 0, 7, 1, 0], [0, 9, 2, 3, 2, 3], [3, 0, 1, 2, 1, 2], [2, 4, 0, 1, 0, 1], [6, 0, 1, 2, 1, 2],
     [2, 4, 0, 1, 8, 1]], dtype=float)
LIMITS = {"H": (1, 32), "W": (1, 32), "FH": (1, 7), "FW": (1, 7), "pad": (0, 4), "stride": (1, 4),
          "C": (1, 3), "FN": (1, 4), "N": (1, 4)}


@dataclass
class ConvSetup:
    x: np.ndarray = field(default_factory=lambda: LECTURE_X[None, None].copy())  # (N, C, H, W)
    W: np.ndarray = field(default_factory=lambda: LECTURE_W[None, None].copy())  # (FN, C, FH, FW)
    b: np.ndarray = field(default_factory=lambda: np.zeros(1))  # (FN,)
    stride: int = 1
    pad: int = 0

    def trace(self):
        """ConvTrace of the current setup; raises ValueError when the filter does not fit."""
        return ConvTrace(self.x, self.W, self.b, self.stride, self.pad)

    @property
    def shapes(self):
        N, C, H, W = self.x.shape
        FN, _, FH, FW = self.W.shape
        return dict(N=N, C=C, H=H, W=W, FN=FN, FH=FH, FW=FW)

    def resize(self, rng=None, **sizes):
        """Change N, C, H, W, FN, FH, FW keeping the numbers that still fit; new cells are random ints."""
        rng = np.random.default_rng(rng)
        s = {**self.shapes, **sizes}
        for key, value in s.items():
            lo, hi = LIMITS[key]
            if not lo <= value <= hi:
                raise ValueError(f"{key} must be between {lo} and {hi}, got {value}")
        self.x = _refit(self.x, (s["N"], s["C"], s["H"], s["W"]), rng, 0, 4)
        self.W = _refit(self.W, (s["FN"], s["C"], s["FH"], s["FW"]), rng, -1, 3)
        b = np.zeros(s["FN"])
        b[: min(len(self.b), s["FN"])] = self.b[: s["FN"]]
        self.b = b

    def randomise(self, rng=None):
        rng = np.random.default_rng(rng)
        self.x = rng.integers(0, 4, self.x.shape).astype(float)
        self.W = rng.integers(-1, 3, self.W.shape).astype(float)

    def clear(self):
        self.x[...] = 0
        self.W[...] = 0
        self.b[...] = 0


def _refit(a, shape, rng, lo, hi):
    out = rng.integers(lo, hi, shape).astype(float)
    common = tuple(slice(0, min(p, q)) for p, q in zip(a.shape, shape))
    out[common] = a[common]
    return out


CONV_PRESETS = ("lecture", "lecture_bias", "padding", "stride2", "channels", "batch", "edge", "sobel_x", "sobel_y",
                "blur", "sharpen", "mnist_conv1")


def conv_preset(name, digit=None, filters=None, k=0):
    """A ConvSetup for a preset. ``digit`` (28, 28) in 0..1 and ``filters`` (FN, 1, 5, 5), (FN,) for MNIST ones."""
    if name in ("lecture", "lecture_bias", "padding"):
        setup = ConvSetup()
        if name == "lecture_bias":
            setup.b = np.array([3.0])
        if name == "padding":
            setup.pad = 1
        return setup
    if name == "stride2":
        x = (np.arange(49).reshape(7, 7) % 5).astype(float)
        return ConvSetup(x[None, None], LECTURE_W[None, None].copy(), np.zeros(1), stride=2)
    if name == "channels":
        rng = np.random.default_rng(3)
        return ConvSetup(rng.integers(0, 4, (1, 3, 4, 4)).astype(float),
                         rng.integers(-1, 3, (1, 3, 3, 3)).astype(float), np.zeros(1))
    if name == "batch":
        rng = np.random.default_rng(4)
        return ConvSetup(rng.integers(0, 4, (2, 3, 5, 5)).astype(float),
                         rng.integers(-1, 3, (2, 3, 3, 3)).astype(float), np.array([0.0, 1.0]))
    if digit is None:
        digit = np.zeros((28, 28))
    if name in IMAGE_FILTERS:
        return ConvSetup(np.round(digit * 255)[None, None], IMAGE_FILTERS[name][None, None].copy(), np.zeros(1),
                         pad=1)
    if name == "mnist_conv1":
        W, b = filters
        return ConvSetup(digit[None, None].astype(float), W[k : k + 1].astype(float), b[k : k + 1].astype(float))
    raise ValueError(f"unknown preset {name!r}")


@dataclass
class PoolSetup:
    x: np.ndarray = field(default_factory=lambda: POOL_X[None, None].copy())
    size: int = 2
    stride: int = 2
    pad: int = 0
    mode: str = "max"

    def trace(self):
        return PoolTrace(self.x, self.size, self.size, self.stride, self.pad, self.mode)


def pool_preset(name):
    if name == "lecture":
        return PoolSetup()
    if name == "robustness":
        return PoolSetup(ROBUST_X[None, None].copy(), size=3, stride=3)
    raise ValueError(f"unknown preset {name!r}")


def shifted_right(x):
    """x shifted one column to the right (zeros enter on the left): the robustness example."""
    out = np.zeros_like(x)
    out[..., 1:] = x[..., :-1]
    return out

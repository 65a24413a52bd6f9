"""Geometry helpers for convolution: the book's ``im2col``, ``col2im``, ``conv_output_size``.

Shapes follow the book: images are (N, C, H, W), filters (FN, C, FH, FW), and
``im2col`` turns every filter window into one row of a (N*OH*OW, C*FH*FW) matrix.
"""

import functools

import numpy as np
from numpy.lib.stride_tricks import as_strided as _np_as_strided
from numpy.typing import ArrayLike


def conv_output_size(input_size: int, filter_size: int, stride: int = 1, pad: int = 0, strict: bool = False,
                     axis: str = "H") -> int:
    """Output length along one axis: (H + 2P - FH) / S + 1.

    Layers floor a fractional result like the book does (the last rows that do not fill a
    whole window are dropped); ``strict=True`` (the lab's mode) refuses such geometry.
    Either way a result below 1 is refused, with the numbers in the message.
    """
    if not (np.isfinite(stride) and np.isfinite(pad)) or stride <= 0 or pad < 0 or int(stride) != stride \
            or int(pad) != pad:
        check_stride_pad(stride, pad)
    if int(filter_size) != filter_size or filter_size < 1:
        raise ValueError(f"the filter size F{axis} must be a positive whole number, got {filter_size}")
    numerator = input_size + 2 * pad - filter_size
    if numerator < 0:
        raise ValueError(
            f"{_formula(input_size, filter_size, stride, pad, axis)}: the {filter_size}-wide filter does not fit "
            f"in the padded input of size {input_size + 2 * pad}"
        )
    if strict and numerator % stride:
        raise ValueError(f"{_formula(input_size, filter_size, stride, pad, axis)} is not a whole number")
    return int(numerator // stride) + 1  # an int also for whole floats (2.0): it becomes a shape


def _formula(input_size, filter_size, stride, pad, axis):
    """'OH = (H + 2P - FH) / S + 1 = (7 + 2*0 - 2) / 2 + 1 = 3.5' with the numbers filled in."""
    exact = (input_size + 2 * pad - filter_size) / stride + 1
    shown = str(int(exact)) if float(exact).is_integer() else f"{exact:g}"
    return (f"O{axis} = ({axis} + 2P - F{axis}) / S + 1 = "
            f"({input_size} + 2*{pad} - {filter_size}) / {stride} + 1 = {shown}")


def check_stride_pad(stride: float, pad: float) -> None:
    """A ValueError naming the value unless stride is a positive and pad a non-negative whole number."""
    if not np.isfinite(stride) or int(stride) != stride or stride <= 0:
        raise ValueError(f"stride must be a positive integer, got {stride}")
    if not np.isfinite(pad) or int(pad) != pad or pad < 0:
        raise ValueError(f"pad must be a non-negative integer, got {pad}")


def whole(value: float, name: str, low: int = 0) -> int:
    """``value`` as an int when it is a whole number (2 or 2.0) of at least ``low``; else a ValueError
    that names it (stride = inf, a filter 2.5 wide, a window -2 tall)."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be a whole number, got {value!r}") from None
    if not np.isfinite(number) or number != int(number) or number < low:
        raise ValueError(f"{name} must be a whole number of at least {low}, got {value}")
    return int(number)


def check_image_batch(x: ArrayLike, name: str = "input") -> np.ndarray:
    x = np.asarray(x)
    if x.ndim != 4:
        raise ValueError(f"{name} must be 4-D (N, C, H, W), got {x.ndim}-D shape {x.shape}")
    return x


def output_shape(input_shape: tuple[int, ...], filter_h: int, filter_w: int, stride: int = 1, pad: int = 0,
                 strict: bool = False) -> tuple[int, int]:
    """(OH, OW) for an (N, C, H, W) input, checking both axes."""
    H, W = input_shape[2], input_shape[3]
    oh = conv_output_size(H, filter_h, stride, pad, strict, axis="H")
    ow = conv_output_size(W, filter_w, stride, pad, strict, axis="W")
    return oh, ow


def windows(x: np.ndarray, filter_h: int, filter_w: int, stride: int = 1, pad: int = 0) -> tuple[np.ndarray, int, int]:
    """Strided view (N, C, OH, OW, FH, FW) of every filter window of x: (N, C, H, W); no copy.

    Element [n, c, i, j, u, v] is x_padded[n, c, i*S + u, j*S + v].
    """
    oh, ow = output_shape(x.shape, filter_h, filter_w, stride, pad)
    filter_h, filter_w, stride, pad = int(filter_h), int(filter_w), int(stride), int(pad)  # 2.0 -> 2
    if pad:
        x = np.pad(x, [(0, 0), (0, 0), (pad, pad), (pad, pad)])
    sn, sc, sh, sw = x.strides
    # A raw strided view: sliding_window_view's checks cost more than convolving one image.
    view = as_strided(x, shape=(x.shape[0], x.shape[1], oh, ow, filter_h, filter_w),
                      strides=(sn, sc, sh * stride, sw * stride, sh, sw))
    return view, oh, ow


def as_strided(x: np.ndarray, shape: tuple[int, ...], strides: tuple[int, ...]) -> np.ndarray:
    """A read-only view of x's memory with the given shape and strides, starting at x[0, ...]."""
    if x.flags.c_contiguous:
        view = np.ndarray(shape, dtype=x.dtype, buffer=x, strides=strides)  # cheapest way to make a view
    else:
        view = _np_as_strided(x, shape, strides)
    view.flags.writeable = False
    return view


def im2col(input_data: ArrayLike, filter_h: int, filter_w: int, stride: int = 1, pad: int = 0) -> np.ndarray:
    """Unfold every filter window of ``input_data`` (N, C, H, W) into a row.

    Returns col: (N*OH*OW, C*FH*FW); row n*OH*OW + i*OW + j holds the window whose
    top-left corner is (i*S, j*S) in the padded image, flattened in (C, FH, FW) order.
    """
    x = check_image_batch(input_data)
    win, oh, ow = windows(x, filter_h, filter_w, stride, pad)
    N, C, _, _, filter_h, filter_w = win.shape
    # One strided copy in (C, FH, FW, N, OH, OW) order: each filter offset then reads a
    # whole contiguous run of a row, about 3x faster than copying window by window. The
    # transposed view has the book's shape and values (only its memory order differs).
    colT = np.ascontiguousarray(win.transpose(1, 4, 5, 0, 2, 3))
    return colT.reshape(C * filter_h * filter_w, N * oh * ow).T


def col2im(col: np.ndarray, input_shape: tuple[int, int, int, int], filter_h: int, filter_w: int, stride: int = 1,
           pad: int = 0) -> np.ndarray:
    """The adjoint of ``im2col``: fold rows back into an image, adding where windows overlap.

    col: (N*OH*OW, C*FH*FW) -> image: (N, C, H, W) (``input_shape``).
    """
    N, C, H, W = input_shape
    oh, ow = output_shape(input_shape, filter_h, filter_w, stride, pad)
    filter_h, filter_w, stride, pad = int(filter_h), int(filter_w), int(stride), int(pad)  # 2.0 -> 2
    col = np.asarray(col)
    if col.dtype.kind != "f":  # sums of overlapping windows: booleans would OR, uint8 would wrap
        raise TypeError(f"col2im adds overlapping windows and needs floats, got {col.dtype}")
    expected = (N * oh * ow, C * filter_h * filter_w)
    if col.shape != expected:
        raise ValueError(f"col must have shape {expected} for input {tuple(input_shape)}, got {col.shape}")
    if col.flags.f_contiguous and not col.flags.c_contiguous:
        # im2col's own layout: read each filter offset as one contiguous slab, no copy.
        col = col.T.reshape(C, filter_h, filter_w, N, oh, ow).transpose(3, 0, 1, 2, 4, 5)
    else:
        col = col.reshape(N, oh, ow, C, filter_h, filter_w).transpose(0, 3, 4, 5, 1, 2)
    img = np.zeros((N, C, H + 2 * pad, W + 2 * pad), dtype=col.dtype)
    # A loop over the FH*FW filter offsets; each adds a whole strided slab at once.
    for y in range(filter_h):
        y_max = y + stride * oh
        for x in range(filter_w):
            x_max = x + stride * ow
            img[:, :, y:y_max:stride, x:x_max:stride] += col[:, :, y, x, :, :]
    return img[:, :, pad : H + pad, pad : W + pad]


def shuffle_dataset(x: np.ndarray, t: np.ndarray, rng=None) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(rng)
    permutation = rng.permutation(x.shape[0])
    return x[permutation], t[permutation]


@functools.lru_cache(maxsize=8)
def _kaiser_weights(window):
    w = np.kaiser(window, 2)
    return w / w.sum()


def smooth_curve(x: ArrayLike, window: int = 11) -> np.ndarray:
    """The book's smooth_curve (common/util.py): a Kaiser-window moving average with mirrored
    ends, the same length as x. For drawing noisy loss curves."""
    x = np.asarray(x, dtype=float)
    if x.size < window:
        return x.copy()
    s = np.r_[x[window - 1 : 0 : -1], x, x[-1:-window:-1]]
    y = np.convolve(_kaiser_weights(window), s, mode="valid")
    half = window // 2
    return y[half : half + x.size]

"""Turn a drawing or a photo into what MNIST looks like, as the MNIST authors did.

(Cleaning a photo of paper into an ink image comes first: ``engine.photo``.)

MNIST digits were size-normalised to fit a 20x20 box (keeping the aspect ratio, with
antialiasing) and then placed in a 28x28 image so that their centre of mass sits at the
centre. Ink is white (1.0) on black (0.0).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

BOX = 20
SIZE = 28
INK_THRESHOLD = 0.05  # below this a pixel counts as background when cropping
# MNIST's strokes are 1.6-3.7 px wide (5th-95th percentile, median 2.4) once the digit fills the
# 20 px box. A drawing whose strokes would come out wider or thinner than this band is thinned or
# thickened to the median first: a small digit drawn with a wide pen would otherwise be a blob.
STROKE_BAND = (1.2, 4.6)  # MNIST's 1st-99th percentiles are 1.3 and 4.5
STROKE_TARGET = (2.4, 3.6)  # thickened to the median; thinned only to the bold end (holes filled by a
# wide pen do not come back, and a bold digit reads better than a broken one)
WORK = 4 * BOX  # the stroke width is adjusted on the digit scaled to at most this many pixels


def area_resize_matrix(n_in: int, n_out: int) -> np.ndarray:
    """(n_out, n_in) weights: output cell i averages the input span it covers (exact overlap lengths).

    Shrinking averages (antialiasing); enlarging repeats with blended edges.
    """
    edges_in = np.arange(n_in + 1, dtype=np.float64)
    edges_out = np.linspace(0.0, n_in, n_out + 1)
    lo = np.maximum(edges_out[:-1, None], edges_in[None, :-1])
    hi = np.minimum(edges_out[1:, None], edges_in[None, 1:])
    overlap = np.clip(hi - lo, 0.0, None)
    return overlap / overlap.sum(axis=1, keepdims=True)


def resize(image: np.ndarray, height: int, width: int) -> np.ndarray:
    """Area-weighted resize of a 2-D float image to (height, width): ``R @ image @ C.T`` with the
    matrices above, computed along each axis from running sums, so memory stays proportional to the
    image (the matrices for a 12,000-pixel line would take 100 MB each)."""
    return _resize_axis(_resize_axis(np.asarray(image, dtype=np.float64), height, 0), width, 1)


def _resize_axis(a, n_out, axis):
    """Output cell i is the mean of the input over [i, i+1)·n_in/n_out, fractional cells included:
    the difference of the running integral F at the cell's two edges, F linear inside each cell."""
    n_in = a.shape[axis]
    if n_in == n_out:
        return a
    a = np.moveaxis(a, axis, 0)
    integral = np.concatenate([np.zeros((1, *a.shape[1:])), np.cumsum(a, axis=0)])
    edges = np.linspace(0.0, n_in, n_out + 1)
    whole = np.minimum(np.floor(edges).astype(int), n_in - 1)  # the cell each edge falls in
    inside = (edges - whole)[:, None] if a.ndim > 1 else edges - whole
    at_edges = integral[whole] + inside * a[whole]
    return np.moveaxis(np.diff(at_edges, axis=0) / (n_in / n_out), 0, axis)


def bounding_box(image: np.ndarray, threshold: float = INK_THRESHOLD) -> tuple[int, int, int, int] | None:
    """(top, bottom, left, right) of the ink (exclusive ends), or None for an empty image."""
    rows = np.flatnonzero(image.max(axis=1) > threshold)
    cols = np.flatnonzero(image.max(axis=0) > threshold)
    if rows.size == 0:
        return None
    return rows[0], rows[-1] + 1, cols[0], cols[-1] + 1


def center_of_mass(image: np.ndarray) -> tuple[float, float]:
    total = image.sum()
    rows = np.arange(image.shape[0])
    cols = np.arange(image.shape[1])
    return float(rows @ image.sum(axis=1) / total), float(cols @ image.sum(axis=0) / total)


def stroke_width(ink: np.ndarray, threshold: float = 0.5) -> float:
    """The mean width of the strokes in pixels: twice the inked area over the outline's length.

    A stroke of length L and width w covers L·w pixels and has an outline about 2·L long; the
    outline is counted as ink/background steps along rows and columns, which overcounts a line
    at a random angle by 4/π on average."""
    mask = np.asarray(ink) > threshold
    steps = np.count_nonzero(np.diff(mask, axis=0)) + np.count_nonzero(np.diff(mask, axis=1))
    steps += np.count_nonzero(mask[[0, -1], :]) + np.count_nonzero(mask[:, [0, -1]])  # the border
    if steps == 0:
        return 0.0
    return 2.0 * np.count_nonzero(mask) / (steps * np.pi / 4)


def sliding_extreme(image: np.ndarray, size: int, reduce: Callable, mode: str = "constant") -> np.ndarray:
    """Sliding-window ``reduce`` (np.minimum: thinner strokes; np.maximum: thicker) over size x size
    squares centred on each pixel; outside the image ``mode`` as in np.pad (zeros, or "edge")."""
    before, after = size // 2, size - 1 - size // 2
    for axis in (0, 1):
        pad = [(0, 0), (0, 0)]
        pad[axis] = (before, after)
        image = reduce.reduce(sliding_window_view(np.pad(image, pad, mode=mode), size, axis=axis), axis=-1)
    return image


def normalise_strokes(crop: np.ndarray, box: int = BOX, rounds: int = 1) -> np.ndarray:
    """``crop`` (the digit cut to its ink) with strokes as wide as MNIST's once scaled into ``box``.

    Leaves the digit alone when its strokes will fall inside ``STROKE_BAND``; otherwise works on
    the digit scaled to at most ``WORK`` pixels and erodes (sliding minimum) or dilates (sliding
    maximum) it so the width comes out at ``STROKE_TARGET`` (thicker, thinner), allowing for the
    digit's box shrinking or growing with its strokes. The width is measured again after each
    change (a short, thick stroke does not thin exactly as planned), for at most ``rounds`` changes.
    Returns the new crop, cut to its ink again."""
    long_side = max(crop.shape)
    if long_side > WORK:
        s = WORK / long_side
        crop = np.clip(resize(crop, max(1, round(crop.shape[0] * s)), max(1, round(crop.shape[1] * s))), 0, 1)
    for _ in range(rounds):
        long_side = max(crop.shape)
        width = stroke_width(crop)
        if width == 0 or STROKE_BAND[0] <= width * box / long_side <= STROKE_BAND[1]:
            break
        # the new width w' makes w'·box / (long_side + w' − width) equal the target
        target = STROKE_TARGET[0] if width * box / long_side < STROKE_BAND[0] else STROKE_TARGET[1]
        wanted = target * (long_side - width) / (box - target)
        change = round(abs(wanted - width))
        if change < 1:
            break
        if wanted < width:
            adjusted = sliding_extreme(crop, change + 1, np.minimum)
        else:
            adjusted = sliding_extreme(np.pad(crop, change), change + 1, np.maximum)
        bb = bounding_box(adjusted, threshold=0.5)
        if bb is None:  # too thin to erode that much: keep what there is
            break
        top, bottom, left, right = bounding_box(adjusted)
        crop = adjusted[top:bottom, left:right]
    return crop


def mnist_style(image: np.ndarray, box: int = BOX, size: int = SIZE, strokes: bool = True) -> np.ndarray | None:
    """Ink image (H, W), floats 0 (background) .. 1 (ink) -> (size, size) float32, or None if empty.

    Crop to the ink, (with ``strokes``) bring the stroke width to MNIST's, scale the longer side to
    ``box`` pixels keeping the aspect ratio (area averaging = antialiasing), then shift so the
    centre of mass is the image centre.
    """
    image = np.asarray(image, dtype=np.float64)
    if image.ndim != 2:
        raise ValueError(f"expected a 2-D grey image, got shape {image.shape}")
    if not np.all(np.isfinite(image)):
        raise ValueError("the image contains NaN or infinite values")
    bb = bounding_box(image)
    if bb is None:
        return None
    top, bottom, left, right = bb
    crop = image[top:bottom, left:right]
    if strokes:
        crop = normalise_strokes(crop, box)
    h, w = crop.shape
    scale = box / max(h, w)
    new_h, new_w = max(1, round(h * scale)), max(1, round(w * scale))
    digit = np.clip(resize(crop, new_h, new_w), 0.0, 1.0)
    out = np.zeros((size, size))
    cy, cx = center_of_mass(digit)
    # Integer placement that puts the centre of mass nearest to the centre of the canvas.
    r0 = int(round(size / 2 - cy))  # MNIST puts the centre of mass at (14, 14)
    c0 = int(round(size / 2 - cx))
    r0 = min(max(r0, 0), size - new_h)
    c0 = min(max(c0, 0), size - new_w)
    out[r0 : r0 + new_h, c0 : c0 + new_w] = digit
    return out.astype(np.float32)


MAX_SQUARE = 1024  # fit_square's crop is scaled down to at most this many pixels on its longer side


def fit_square(ink: np.ndarray, margin: float = 0.15) -> np.ndarray:
    """Crop ink (H, W) to its bounding box and pad it to a square with a margin (for display).

    A crop longer than MAX_SQUARE is scaled down first: a 3 x 12,000 line would otherwise become a
    15,000-pixel square (1.9 GB)."""
    bb = bounding_box(ink)
    if bb is None:
        return None
    top, bottom, left, right = bb
    crop = ink[top:bottom, left:right]
    if max(crop.shape) > MAX_SQUARE:
        s = MAX_SQUARE / max(crop.shape)
        crop = resize(crop, max(1, round(crop.shape[0] * s)), max(1, round(crop.shape[1] * s)))
    side = int(round(max(crop.shape) * (1 + 2 * margin)))
    out = np.zeros((side, side), dtype=np.float64)
    r0 = (side - crop.shape[0]) // 2
    c0 = (side - crop.shape[1]) // 2
    out[r0 : r0 + crop.shape[0], c0 : c0 + crop.shape[1]] = crop
    return out

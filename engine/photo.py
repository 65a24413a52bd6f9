"""From a photo of a digit on paper to an ink image: white digit on black, 0..1.

What a phone gives is dark ink on paper lit unevenly: one side of the page may be half as bright
as the other, the paper has texture and the camera adds noise. A single global "paper level"
then turns the shaded half of the page into ink. The steps here, each a few lines of NumPy:

1. Transparent pixels become paper (a black digit on a transparent PNG is a digit, not a blank).
2. Decide which way round the picture is: paper is the majority, so a light median means dark
   ink; only a dark picture with a bright minority is chalk on a board.
3. Estimate the paper's brightness *locally*: a plane fitted to the paper (ink left out) takes
   the overall slope of the light; a morphological closing (a sliding maximum, then a sliding
   minimum) with a window wider than any stroke wipes the strokes out of the rest and keeps the
   local shading. Dividing by the estimate flattens the page ("flat-field").
4. Say "blank" when nothing stands far above the paper's own noise; otherwise choose the ink
   threshold from the image itself (Otsu's method: the level that best splits the histogram
   into two groups), kept above the noise.
5. Keep the large connected pieces of ink and drop specks of dirt and texture.
6. A digit that is small in a large picture is found first, then looked at again in a crop
   around it, so its strokes keep their detail.
"""

from __future__ import annotations

import numpy as np

from .preprocess import resize, sliding_extreme

WORK_SIDE = 256  # the photo is analysed at most this large: plenty for a 28x28 result
MIN_CONTRAST = 0.12  # ink must be at least this much darker than its paper (fraction of the paper's light)
MIN_SEPARATION = 6.0  # ... and this many times the paper's own noise
DARK_PAPER = 0.35  # a picture whose typical level is above this is paper, not a board
SMOOTH = 5  # noise-averaging window, pixels of the working image
KEEP_FRACTION = 0.12  # pieces of ink smaller than this fraction of the largest are dirt


def composite_alpha(grey: np.ndarray, alpha: np.ndarray) -> np.ndarray:
    """Grey levels with transparent pixels replaced by the paper: the opposite of the opaque ink.

    A digit drawn on a transparent canvas is usually one colour; where the canvas is see-through
    the paper shows, so it gets the level farthest from the opaque pixels' typical level."""
    grey = np.asarray(grey, dtype=np.float64)
    alpha = np.clip(np.asarray(alpha, dtype=np.float64), 0.0, 1.0)
    if alpha.shape != grey.shape:
        raise ValueError(f"alpha has shape {alpha.shape}, the image {grey.shape}")
    opaque = alpha > 0.5
    if not opaque.any():
        return np.ones_like(grey)  # nothing drawn: white paper
    paper = 0.0 if np.median(grey[opaque]) > 0.5 else 1.0
    return alpha * grey + (1.0 - alpha) * paper


def box_blur(image: np.ndarray, size: int) -> np.ndarray:
    """Mean over size x size squares (edges repeated), by cumulative sums."""
    before = size // 2
    after = size - 1 - before
    for axis in (0, 1):
        pad = [(0, 0), (0, 0)]
        pad[axis] = (before + 1, after)
        c = np.cumsum(np.pad(image, pad, mode="edge"), axis=axis)
        image = (np.take(c, np.arange(size, c.shape[axis]), axis=axis)
                 - np.take(c, np.arange(0, c.shape[axis] - size), axis=axis)) / size
    return image


def continued(image: np.ndarray, pad: int, anchor: int = 2 * SMOOTH) -> np.ndarray:
    """``image`` extended by ``pad`` pixels on every side so that a brightness ramp goes straight on:
    each side is the mirror image turned upside down about the border's value, read from a straight
    line fitted to the ``anchor`` pixels next to the border (the border pixel alone would carry its
    noise into the whole extension)."""
    for axis in (0, 1):
        n = image.shape[axis]
        pad_here, k = min(pad, n - 1), min(anchor, n)
        if pad_here < 1:
            image = np.pad(image, [(pad, pad) if a == axis else (0, 0) for a in (0, 1)], mode="edge")
            continue
        first = _border_value(np.flip(np.take(image, range(k), axis=axis), axis=axis), axis)
        last = _border_value(np.take(image, range(n - k, n), axis=axis), axis)
        before = 2 * first - np.flip(np.take(image, range(1, pad_here + 1), axis=axis), axis=axis)
        after = 2 * last - np.flip(np.take(image, range(n - 1 - pad_here, n - 1), axis=axis), axis=axis)
        image = np.concatenate([before, image, after], axis=axis)
        if pad_here < pad:  # a picture narrower than the window: repeat the outermost values
            extra = pad - pad_here
            image = np.pad(image, [(extra, extra) if a == axis else (0, 0) for a in (0, 1)], mode="edge")
    return image


def _border_value(strip, axis):
    """The value at the strip's last position along ``axis`` of the least-squares line through it."""
    k = strip.shape[axis]
    if k == 1:
        return strip
    x = np.arange(k, dtype=np.float64) - (k - 1) / 2
    x = x.reshape([-1 if a == axis else 1 for a in range(strip.ndim)])
    mean = strip.mean(axis=axis, keepdims=True)
    slope = ((strip - mean) * x).sum(axis=axis, keepdims=True) / float((x * x).sum())
    return mean + slope * (k - 1) / 2


def paper_light(smooth: np.ndarray, stroke_window: int) -> np.ndarray:
    """The paper's brightness at every pixel of ``smooth``, a picture already averaged over SMOOTH x
    SMOOTH pixels (or the sliding maximum below would follow the brightest grain of the paper).

    A closing (sliding maximum, then sliding minimum) wider than any stroke wipes the strokes out
    and keeps the light, a shadow's sharp edge included. The picture is first extended past its
    borders so that a ramp of light goes straight on (``continued``): repeating the border instead
    would let the sliding maximum carry the bright side's light into a dark border."""
    pad = stroke_window
    wide = continued(smooth, pad)
    closed = sliding_extreme(
        sliding_extreme(wide, stroke_window, np.maximum, "edge"), stroke_window, np.minimum, "edge")
    return closed[pad:-pad, pad:-pad]


def otsu_threshold(values: np.ndarray, bins: int = 256) -> float:
    """The level t that maximises the between-group variance of values <= t and > t (Otsu, 1979)."""
    counts, edges = np.histogram(values, bins=bins, range=(0.0, 1.0))
    p = counts / max(1, counts.sum())
    centres = (edges[:-1] + edges[1:]) / 2
    w0 = np.cumsum(p)
    m0 = np.cumsum(p * centres)
    total_mean = m0[-1]
    w1 = 1.0 - w0
    with np.errstate(divide="ignore", invalid="ignore"):
        between = (total_mean * w0 - m0) ** 2 / (w0 * w1)
    between[~np.isfinite(between)] = -1.0
    return float(edges[np.argmax(between) + 1])


def label_components(mask: np.ndarray) -> np.ndarray:
    """8-connected components of a boolean mask: an int array, -1 outside, one label per piece.

    Every pixel starts with its own index; each pass takes the smallest label among its neighbours
    and then jumps to its label's label, so labels travel fast along long strokes."""
    h, w = mask.shape
    big = h * w
    labels = np.where(mask, np.arange(big).reshape(h, w), big)
    while True:
        padded = np.pad(labels, 1, constant_values=big)
        smallest = labels.copy()
        for dy in (0, 1, 2):
            for dx in (0, 1, 2):
                np.minimum(smallest, padded[dy : dy + h, dx : dx + w], out=smallest)
        smallest[~mask] = big
        flat = smallest.ravel()
        inside = flat < big
        flat[inside] = flat[flat[inside]]  # pointer jumping
        if np.array_equal(smallest, labels):
            break
        labels = smallest
    return np.where(mask, labels, -1)


def keep_large_pieces(mask: np.ndarray, keep_fraction: float = KEEP_FRACTION) -> np.ndarray:
    """The mask without pieces smaller than ``keep_fraction`` of the largest one."""
    labels = label_components(mask)
    names, sizes = np.unique(labels[mask], return_counts=True)
    if names.size == 0:
        return mask
    keep = names[sizes >= keep_fraction * sizes.max()]
    return np.isin(labels, keep)


def ink_is_dark(grey: np.ndarray) -> bool:
    """True for ink on paper, False for chalk on a board.

    Paper is the majority, so the median is its level: light paper means dark ink whatever else
    is in the picture. Only a dark picture whose far-off minority is bright is chalk."""
    low, mid, high = np.percentile(grey, [1, 50, 99])
    return mid > DARK_PAPER or mid - low >= high - mid


def photo_to_ink(grey: np.ndarray, alpha: np.ndarray | None = None) -> np.ndarray:
    """A photo or scan (H, W) of grey levels 0..1 (optional alpha 0..1) -> ink, white on black, 0..1.

    The result is at most ``WORK_SIDE`` pixels on its longer side; it is all zeros when there is no
    digit-like ink (blank or evenly noisy paper). A digit that is small in a large picture is found
    first, then looked at again from a crop around it, at the crop's full resolution."""
    grey = np.asarray(grey, dtype=np.float64)
    if grey.ndim != 2 or min(grey.shape) < 2:
        raise ValueError(f"expected a 2-D grey image of at least 2x2 pixels, got shape {grey.shape}")
    if not np.all(np.isfinite(grey)):
        raise ValueError("the image contains NaN or infinite values")
    if alpha is not None:
        grey = composite_alpha(grey, alpha)
    dark_ink = ink_is_dark(grey)
    ink = _find_ink(grey, dark_ink)
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    if rows.size == 0:
        return ink
    # the digit's box in the original picture, with a margin of a third of its size
    sy, sx = grey.shape[0] / ink.shape[0], grey.shape[1] / ink.shape[1]
    top, bottom, left, right = rows[0] * sy, (rows[-1] + 1) * sy, cols[0] * sx, (cols[-1] + 1) * sx
    margin = max(bottom - top, right - left) / 3
    top, left = max(0, int(top - margin)), max(0, int(left - margin))
    bottom, right = min(grey.shape[0], int(np.ceil(bottom + margin))), min(grey.shape[1], int(np.ceil(right + margin)))
    if max(bottom - top, right - left) > 0.6 * max(grey.shape) or min(bottom - top, right - left) < 8:
        return ink
    closer = _find_ink(grey[top:bottom, left:right], dark_ink)
    return closer if closer.any() else ink


def _find_ink(grey, dark_ink):
    """Steps 3-5 of the module's recipe on one picture (the whole photo, or a crop around the digit)."""
    scale = WORK_SIDE / max(grey.shape)
    if scale < 1:
        grey = resize(grey, max(2, round(grey.shape[0] * scale)), max(2, round(grey.shape[1] * scale)))
    paper = grey if dark_ink else 1.0 - grey
    window = max(3, round(max(paper.shape) / 5))  # wider than any stroke of a digit filling the picture
    # Sensor noise averages out, strokes (many pixels wide here) stay. The paper's light is estimated
    # from this same smoothed picture, so a shadow's edge, blurred alike in both, divides out whole.
    smooth = box_blur(paper, SMOOTH)
    light = np.maximum(paper_light(smooth, window), 0.02)
    ink = np.clip(1.0 - smooth / light, 0.0, 1.0)  # 0 on the paper, the ink's darkness elsewhere
    paper_level = np.median(ink)
    noise = 1.4826 * np.median(np.abs(ink - paper_level)) + 1e-3  # robust spread of the paper
    m = SMOOTH // 2 + 1  # the outermost pixels were averaged over fewer real ones: noisier, left out here
    core = ink[m:-m, m:-m] if min(ink.shape) > 4 * m else ink
    if core.max() - paper_level < max(MIN_CONTRAST, MIN_SEPARATION * noise):
        return np.zeros_like(ink)  # nothing stands out from the paper: blank
    # Otsu's level, but never inside the paper's noise (a tiny digit barely shows in the histogram)
    threshold = max(otsu_threshold(ink), paper_level + 4 * noise)
    above = ink > threshold
    strokes = keep_large_pieces(above)
    near = sliding_extreme(strokes.astype(np.float64), 3, np.maximum) > 0  # keep the strokes' soft edges
    floor = threshold / 2
    peak = np.percentile(ink[strokes], 95)
    out = np.clip((ink - floor) / max(peak - floor, 1e-3), 0.0, 1.0)
    out[~near] = 0.0
    return out

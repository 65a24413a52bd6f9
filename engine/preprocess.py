"""Turn a drawing or a photo into what MNIST looks like, as the MNIST authors did.

MNIST digits were size-normalised to fit a 20x20 box (keeping the aspect ratio, with
antialiasing) and then placed in a 28x28 image so that their centre of mass sits at the
centre. Ink is white (1.0) on black (0.0).
"""

import numpy as np

BOX = 20
SIZE = 28
INK_THRESHOLD = 0.05  # below this a pixel counts as background when cropping


def area_resize_matrix(n_in, n_out):
    """(n_out, n_in) weights: output cell i averages the input span it covers (exact overlap lengths).

    Shrinking averages (antialiasing); enlarging repeats with blended edges.
    """
    edges_in = np.arange(n_in + 1, dtype=np.float64)
    edges_out = np.linspace(0.0, n_in, n_out + 1)
    lo = np.maximum(edges_out[:-1, None], edges_in[None, :-1])
    hi = np.minimum(edges_out[1:, None], edges_in[None, 1:])
    overlap = np.clip(hi - lo, 0.0, None)
    return overlap / overlap.sum(axis=1, keepdims=True)


def resize(image, height, width):
    """Area-weighted resize of a 2-D float image to (height, width)."""
    R = area_resize_matrix(image.shape[0], height)
    C = area_resize_matrix(image.shape[1], width)
    return R @ image @ C.T


def bounding_box(image, threshold=INK_THRESHOLD):
    """(top, bottom, left, right) of the ink (exclusive ends), or None for an empty image."""
    rows = np.flatnonzero(image.max(axis=1) > threshold)
    cols = np.flatnonzero(image.max(axis=0) > threshold)
    if rows.size == 0:
        return None
    return rows[0], rows[-1] + 1, cols[0], cols[-1] + 1


def center_of_mass(image):
    total = image.sum()
    rows = np.arange(image.shape[0])
    cols = np.arange(image.shape[1])
    return float(rows @ image.sum(axis=1) / total), float(cols @ image.sum(axis=0) / total)


def mnist_style(image, box=BOX, size=SIZE):
    """Ink image (H, W), floats 0 (background) .. 1 (ink) -> (size, size) float32, or None if empty.

    Crop to the ink, scale the longer side to ``box`` pixels keeping the aspect ratio
    (area averaging = antialiasing), then shift so the centre of mass is the image centre.
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


def photo_to_ink(grey):
    """A photo or scan (H, W) of grey levels 0..1 -> ink image (white digit on black, 0..1).

    Inverts when the background is light (the usual pen on paper), subtracts the
    background level and stretches the contrast, so pencil on grey paper still works.
    """
    grey = np.asarray(grey, dtype=np.float64)
    if grey.ndim != 2 or min(grey.shape) < 2:
        raise ValueError(f"expected a 2-D grey image of at least 2x2 pixels, got shape {grey.shape}")
    background = np.median(grey)
    ink = 1.0 - grey if background > 0.5 else grey.copy()
    ink -= np.median(ink)
    peak = np.percentile(ink, 99.5)
    if peak <= 1e-3:
        return np.zeros_like(ink)
    ink = np.clip(ink / peak, 0.0, 1.0)
    ink[ink < 0.15] = 0.0  # paper texture and shadows are not ink
    return ink


def fit_square(ink, margin=0.15):
    """Crop ink (H, W) to its bounding box and pad it to a square with a margin (for display)."""
    bb = bounding_box(ink)
    if bb is None:
        return None
    top, bottom, left, right = bb
    crop = ink[top:bottom, left:right]
    side = int(round(max(crop.shape) * (1 + 2 * margin)))
    out = np.zeros((side, side), dtype=np.float64)
    r0 = (side - crop.shape[0]) // 2
    c0 = (side - crop.shape[1]) // 2
    out[r0 : r0 + crop.shape[0], c0 : c0 + crop.shape[1]] = crop
    return out

"""Photo-like pictures of real MNIST digits, generated: ink on paper under uneven light.

Shared by the engine's and the explorer's tests. Nothing here comes from the code under test
except the area resize used to enlarge the digit (itself tested against block means)."""

import numpy as np

from engine.preprocess import resize


def photo_of(digit_uint8, rng, ramp=0.45, pencil=False, noise=0.03, blur=True, size=(300, 240)):
    """A (H, W) grey photo 0..1 of a 28x28 MNIST digit: dark ink on light paper.

    ramp: how much darker one side of the page is than the other (0.45 = 45 %), in a random
    direction; pencil: grey ink instead of black; noise: Gaussian sensor noise; blur: 3x3 focus blur.
    The digit is enlarged 5-8x and put off-centre."""
    h, w = size
    side = int(rng.integers(140, 225))
    ink = np.clip(resize(digit_uint8.astype(np.float64) / 255.0, side, side), 0.0, 1.0)
    top = int(rng.integers(0, h - side + 1))
    left = int(rng.integers(0, w - side + 1))
    darkness = rng.uniform(0.35, 0.5) if pencil else rng.uniform(0.75, 0.9)
    reflectance = np.full((h, w), rng.uniform(0.8, 0.95))
    reflectance[top : top + side, left : left + side] *= 1.0 - darkness * ink
    angle = rng.uniform(0, 2 * np.pi)
    yy, xx = np.mgrid[0:h, 0:w]
    along = (np.cos(angle) * xx / w + np.sin(angle) * yy / h)
    along = (along - along.min()) / (along.max() - along.min())
    light = 1.0 - ramp * along  # one side of the page is `ramp` darker than the other
    page = reflectance * light
    if blur:
        padded = np.pad(page, 1, mode="edge")
        page = sum(padded[dy : dy + h, dx : dx + w] for dy in range(3) for dx in range(3)) / 9
    page = page + noise * rng.standard_normal((h, w))
    return np.clip(page, 0.0, 1.0)


def blank_paper(rng, ramp=0.3, noise=0.04, size=(240, 320)):
    """Paper with nothing on it: uneven light and noise only."""
    h, w = size
    light = 1.0 - ramp * np.linspace(0, 1, w)[None, :]
    return np.clip(0.9 * light + noise * rng.standard_normal((h, w)), 0.0, 1.0)


def small_digit_photo(digit_uint8, rng, shadow=0.0, vignette=0.0, size=(600, 900), height=0.12):
    """A photo in which the digit is small (``height`` of the picture's height), with a sharp shadow
    ``shadow`` darker over the part right of a random column, or corners ``vignette`` darker."""
    h, w = size
    side = max(16, int(height * h))
    ink = np.clip(resize(digit_uint8.astype(np.float64) / 255.0, side, side), 0.0, 1.0)
    page = np.full((h, w), 0.9)
    top, left = int(rng.integers(0, h - side)), int(rng.integers(0, w // 3))
    page[top : top + side, left : left + side] *= 1.0 - 0.85 * ink
    if shadow:
        edge = int(rng.integers(left + side + 20, w - 40))  # the digit stays in the light
        page[:, edge:] *= 1.0 - shadow
    if vignette:
        yy, xx = np.mgrid[0:h, 0:w]
        r = np.hypot((yy - h / 2) / (h / 2), (xx - w / 2) / (w / 2)) / np.sqrt(2)
        page *= 1.0 - vignette * r**2
    return np.clip(page + 0.02 * rng.standard_normal((h, w)), 0.0, 1.0)

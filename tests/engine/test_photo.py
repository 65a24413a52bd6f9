"""Photos of paper: each step against its definition, and real MNIST digits photographed badly."""

from collections import deque

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine import pretrained
from engine.photo import (
    box_blur,
    composite_alpha,
    keep_large_pieces,
    label_components,
    otsu_threshold,
    photo_to_ink,
)
from engine.preprocess import fit_square, mnist_style, sliding_extreme
from engine.resource_files import resource_path
from engine.samples import load_samples
from tests.photos import blank_paper, photo_of


def samples():
    data = np.load(resource_path("mnist_samples.npz"))
    return data["images"], data["labels"]


def read(net, page, alpha=None):
    square = fit_square(photo_to_ink(page, alpha))
    if square is None:
        return None
    return int(np.argmax(net.predict_proba(mnist_style(square)[None, None])[0]))


# -- the steps, against their definitions ------------------------------------------------------------


def naive_otsu(values, bins=256):
    """Try every cut between histogram bins; keep the one with the largest between-group variance."""
    counts, edges = np.histogram(values, bins=bins, range=(0.0, 1.0))
    centres = (edges[:-1] + edges[1:]) / 2
    best, best_cut = -1.0, None
    for k in range(1, bins):
        low, high = counts[:k], counts[k:]
        if low.sum() == 0 or high.sum() == 0:
            continue
        w0, w1 = low.sum() / counts.sum(), high.sum() / counts.sum()
        m0 = (low * centres[:k]).sum() / low.sum()
        m1 = (high * centres[k:]).sum() / high.sum()
        between = w0 * w1 * (m0 - m1) ** 2
        if between > best:
            best, best_cut = between, edges[k]
    return best_cut


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10_000), a=st.floats(0.05, 0.45), b=st.floats(0.55, 0.95), share=st.floats(0.05, 0.6))
def test_otsu_is_the_cut_with_the_largest_between_group_variance(seed, a, b, share):
    rng = np.random.default_rng(seed)
    n = 2000
    k = int(share * n)
    values = np.clip(np.r_[rng.normal(a, 0.04, n - k), rng.normal(b, 0.04, k)], 0, 1)
    got = otsu_threshold(values)
    assert got == pytest.approx(naive_otsu(values))
    assert a < got < b


def flood_fill_pieces(mask):
    """The 8-connected pieces of a mask as a set of frozensets of pixels (breadth-first search)."""
    seen, pieces = set(), set()
    h, w = mask.shape
    for start in zip(*np.nonzero(mask)):
        if start in seen:
            continue
        piece, queue = set(), deque([start])
        seen.add(start)
        while queue:
            y, x = queue.popleft()
            piece.add((y, x))
            for dy in (-1, 0, 1):
                for dx in (-1, 0, 1):
                    q = (y + dy, x + dx)
                    if 0 <= q[0] < h and 0 <= q[1] < w and mask[q] and q not in seen:
                        seen.add(q)
                        queue.append(q)
        pieces.add(frozenset(piece))
    return pieces


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 10_000), h=st.integers(1, 23), w=st.integers(1, 31), density=st.floats(0.1, 0.7))
def test_components_are_the_8_connected_pieces(seed, h, w, density):
    mask = np.random.default_rng(seed).random((h, w)) < density
    labels = label_components(mask)
    assert (labels[~mask] == -1).all()
    got = {frozenset(zip(*np.nonzero(labels == name))) for name in np.unique(labels[mask])}
    assert got == flood_fill_pieces(mask)


def test_a_long_winding_stroke_is_one_piece():
    mask = np.zeros((41, 41), dtype=bool)
    for r in range(0, 41, 4):  # a serpentine: rows joined alternately at the right and left ends
        mask[r, :] = True
        if r + 4 < 41:
            mask[r : r + 4, 40 if (r // 4) % 2 == 0 else 0] = True
    labels = label_components(mask)
    assert np.unique(labels[mask]).size == 1


def test_specks_are_dropped_and_large_pieces_kept():
    mask = np.zeros((40, 40), dtype=bool)
    mask[5:35, 8:12] = True  # 120 px stroke
    mask[5:9, 20:35] = True  # 60 px second stroke of the same digit (a "4"'s arm)
    mask[30, 30] = mask[2, 38] = True  # dust
    kept = keep_large_pieces(mask)
    assert kept[5:35, 8:12].all() and kept[5:9, 20:35].all()
    assert not kept[30, 30] and not kept[2, 38]


def test_pieces_from_an_eighth_of_the_largest_are_kept_and_smaller_ones_dropped():
    mask = np.zeros((40, 40), dtype=bool)
    mask[0:40, 0:5] = True  # 200 px: the digit's main stroke
    mask[0:3, 10:20] = True  # 30 px = 15 %: a short second stroke (the bar of a 5, a 7's crossbar)
    mask[20:24, 30:35] = True  # 20 px = 10 %: a smudge
    kept = keep_large_pieces(mask)
    assert kept[0:3, 10:20].all() and not kept[20:24, 30:35].any()


@pytest.mark.parametrize("reduce", [np.minimum, np.maximum])
@pytest.mark.parametrize("mode", ["constant", "edge"])
@pytest.mark.parametrize("size", [1, 2, 3, 6])
def test_sliding_extremes_and_box_blur_follow_their_definition(reduce, mode, size):
    rng = np.random.default_rng(size)
    image = rng.random((9, 13))
    before = size // 2
    padded = np.pad(image, [(before, size - 1 - before)] * 2, mode=mode)
    expected = np.empty_like(image)
    mean = np.empty_like(image)
    for y in range(9):
        for x in range(13):
            window = padded[y : y + size, x : x + size]
            expected[y, x] = reduce.reduce(window, axis=None)
            mean[y, x] = window.mean()
    np.testing.assert_allclose(sliding_extreme(image, size, reduce, mode), expected)
    if mode == "edge":
        np.testing.assert_allclose(box_blur(image, size), mean, atol=1e-12)


def test_transparent_pixels_become_paper():
    grey = np.zeros((4, 4))  # black everywhere, as a painting program stores "transparent"
    alpha = np.zeros((4, 4))
    alpha[1:3, 1] = 1.0
    out = composite_alpha(grey, alpha)
    assert (out[alpha == 1] == 0).all() and (out[alpha == 0] == 1).all()  # black ink, white paper
    white_ink = composite_alpha(np.ones((4, 4)), alpha)
    assert (white_ink[alpha == 0] == 0).all()  # a white digit gets dark paper
    half = composite_alpha(np.zeros((4, 4)), np.full((4, 4), 0.75))
    np.testing.assert_allclose(half, 0.25)  # over white: 0.75·0 + 0.25·1
    with pytest.raises(ValueError, match="alpha"):
        composite_alpha(grey, alpha[:2])


def test_photo_to_ink_inverts_light_backgrounds_and_refuses_bad_input():
    paper = np.full((60, 40), 0.85)
    paper[10:50, 18:24] = 0.2  # dark pen stroke
    ink = photo_to_ink(paper)
    assert ink[30, 21] == pytest.approx(1.0) and ink[5, 5] == 0 and ink[30, 35] == 0
    np.testing.assert_allclose(photo_to_ink(1 - paper), ink)  # chalk on a board: the same digit
    assert not photo_to_ink(np.full((10, 10), 0.5)).any()
    with pytest.raises(ValueError, match="at least 2x2"):
        photo_to_ink(np.zeros((1, 5)))
    with pytest.raises(ValueError, match="NaN"):
        photo_to_ink(np.full((5, 5), np.nan))


def test_a_sharp_stroke_keeps_every_step_of_its_smoothed_outline():
    """The 5-pixel noise smoothing turns a sharp edge into four intermediate levels; the result keeps all
    four on each side (down to half the ink threshold), the soft outline MNIST's digits have."""
    paper = np.full((60, 40), 0.85)
    paper[10:50, 18:24] = 0.2
    row = photo_to_ink(paper)[30]
    left, right = row[15:21], row[21:27][::-1]  # from the paper (0) to the stroke's middle (1), each side
    for side in (left, right):
        assert side[0] == 0 and (np.diff(side) > 0).all() and side[5] > 0.99
        assert ((side[1:5] > 0) & (side[1:5] < 1)).all()


# -- real digits, photographed badly -----------------------------------------------------------------


@pytest.mark.parametrize("kind", ["black ink", "pencil", "pencil, noisy", "small in a big photo"])
def test_photos_of_real_digits_under_a_45_percent_light_ramp_are_read(kind):
    """Real MNIST test digits printed dark on paper, one side of the page 45 % darker, noise, blur:
    the shipped network reads at least 95 % of them (it reads 98-99 % of the clean digits)."""
    images, labels = samples()
    net = pretrained.load_network("simple")
    rng = np.random.default_rng(["black ink", "pencil", "pencil, noisy", "small in a big photo"].index(kind))
    options = {"black ink": {}, "pencil": {"pencil": True}, "pencil, noisy": {"pencil": True, "noise": 0.05},
               "small in a big photo": {"size": (1200, 900)}}[kind]
    count = 30
    start = 40 * ["black ink", "pencil", "pencil, noisy", "small in a big photo"].index(kind)
    right = sum(read(net, photo_of(images[i], rng, ramp=0.45, **options)) == labels[i]
                for i in range(start, start + count))
    assert right >= 0.95 * count


def test_blank_paper_is_blank_even_unevenly_lit_and_noisy():
    rng = np.random.default_rng(11)
    for noise in (0.02, 0.04, 0.08, 0.15, 0.2):  # grainy paper: its grain is no digit however strong
        assert not photo_to_ink(blank_paper(rng, noise=noise)).any(), noise


def test_a_photo_with_transparency_reads_the_opaque_digit():
    images, labels = samples()
    net = pretrained.load_network("simple")
    digit = np.kron(images[9] / 255.0, np.ones((6, 6)))
    assert read(net, np.zeros_like(digit), alpha=digit) == labels[9]  # black ink where opaque
    assert read(net, np.zeros_like(digit)) is None  # without its alpha: all black, nothing to read


@pytest.mark.parametrize("kind", ["sharp shadow", "vignette"])
def test_small_digits_beside_a_shadow_edge_or_in_a_vignette_are_found(kind):
    """A 40 % shadow over part of the page had its edge read as a '1' at 100 %; dark corners (36 %)
    outweighed a small digit. The digit is 12 % of the picture's height."""
    from tests.photos import small_digit_photo

    images, labels = samples()
    net = pretrained.load_network("simple")
    rng = np.random.default_rng(21)
    options = {"sharp shadow": {"shadow": 0.4}, "vignette": {"vignette": 0.36}}[kind]
    count = 20
    right = sum(read(net, small_digit_photo(images[i], rng, **options)) == labels[i] for i in range(200, 200 + count))
    assert right >= 0.9 * count


def test_continued_extends_a_ramp_of_light_straight_on():
    from engine.photo import continued, paper_light

    rows, cols = np.mgrid[0:40, 0:60]
    ramp = 0.9 - 0.004 * cols - 0.002 * rows  # light falling off to the right and down
    wide = continued(ramp, 10, anchor=1)
    wr, wc = np.mgrid[-10:50, -10:70]
    np.testing.assert_allclose(wide, 0.9 - 0.004 * wc - 0.002 * wr, atol=1e-12)  # the same plane, further
    np.testing.assert_allclose(paper_light(ramp, 21), ramp, atol=1e-12)  # so the closing keeps the ramp
    step = np.full((40, 60), 0.9)
    step[:, 30:] = 0.5  # a shadow's sharp edge
    np.testing.assert_allclose(paper_light(step, 21), step, atol=1e-12)


def test_photo_ink_stays_between_0_and_1():
    from engine.photo import photo_to_ink

    images, _ = load_samples()
    rng = np.random.default_rng(0)
    for image in images[:3]:
        ink = photo_to_ink(photo_of(image, rng))
        assert ink.min() >= 0.0 and ink.max() == pytest.approx(1.0) and ink.max() <= 1.0


def test_a_small_digit_is_looked_at_again_with_a_margin_of_a_third_on_every_side():
    """An 80×50 ring on a 600×700 page: the second look is a crop with a third of the digit's longer side
    (about 27 pixels) added on each of the four sides, so the ink sits in the middle of what comes back."""
    grey = np.full((600, 700), 0.9)
    grey[250:330, 380:390] = grey[250:330, 420:430] = grey[250:260, 380:430] = grey[320:330, 380:430] = 0.1
    ink = photo_to_ink(grey)
    rows, cols = np.flatnonzero((ink > 0.5).any(axis=1)), np.flatnonzero((ink > 0.5).any(axis=0))
    top, bottom = rows[0], ink.shape[0] - 1 - rows[-1]
    left, right = cols[0], ink.shape[1] - 1 - cols[-1]
    assert abs(top - bottom) <= 3 and abs(left - right) <= 3
    assert 0.2 < top / ink.shape[0] < 0.3 and 0.25 < left / ink.shape[1] < 0.35


@pytest.mark.parametrize("seed", range(6))
def test_paper_light_is_the_closing_of_the_picture_continued_past_every_border(seed):
    """By definition: a sliding maximum then a sliding minimum of the window's width over the picture
    continued as far as they reach (here three windows out), seen on the picture itself. Random pictures:
    a ramp would hide a continuation that stops short, as its closing is the ramp whatever the padding."""
    from engine.photo import continued, paper_light, sliding_extreme

    rng = np.random.default_rng(seed)
    picture = rng.random((int(rng.integers(8, 30)), int(rng.integers(8, 30))))
    window = int(rng.integers(3, 12))
    far = 3 * window
    wide = continued(picture, far)
    closed = sliding_extreme(sliding_extreme(wide, window, np.maximum, "edge"), window, np.minimum, "edge")
    np.testing.assert_allclose(paper_light(picture, window), closed[far:-far, far:-far], atol=1e-12)


def test_a_wide_photo_is_analysed_at_most_256_pixels_on_its_longer_side():
    from engine.photo import WORK_SIDE, photo_to_ink

    assert WORK_SIDE == 256
    assert photo_to_ink(np.ones((300, 600))).shape == (128, 256)  # blank paper: all zeros, at the working size
    assert photo_to_ink(np.ones((600, 300))).shape == (256, 128)
    assert photo_to_ink(np.ones((100, 50))).shape == (100, 50)  # small pictures are not enlarged

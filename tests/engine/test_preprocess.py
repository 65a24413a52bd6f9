import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.inference import read_digit, read_image
from engine.preprocess import (
    area_resize_matrix,
    bounding_box,
    center_of_mass,
    fit_square,
    mnist_style,
    photo_to_ink,
    resize,
)
from engine.simple_convnet import SimpleConvNet


def test_area_resize_preserves_mean_and_averages_blocks():
    img = np.arange(16, dtype=float).reshape(4, 4)
    half = resize(img, 2, 2)
    np.testing.assert_allclose(half, [[2.5, 4.5], [10.5, 12.5]])  # 2x2 block means
    assert resize(img, 3, 5).mean() == pytest.approx(img.mean())
    np.testing.assert_allclose(area_resize_matrix(5, 3).sum(axis=1), 1)


def test_empty_image_gives_none():
    assert mnist_style(np.zeros((50, 50))) is None
    assert bounding_box(np.zeros((3, 3))) is None


def test_mnist_style_box_and_centre():
    ink = np.zeros((200, 300))
    ink[20:180, 100:140] = 1.0  # a tall bar, off-centre
    out = mnist_style(ink)
    assert out.shape == (28, 28) and out.dtype == np.float32
    top, bottom, left, right = bounding_box(out)
    assert bottom - top == 20  # longer side scaled to 20
    assert 4 <= right - left <= 6  # aspect ratio kept (40/160 * 20 = 5)
    cy, cx = center_of_mass(out)
    assert abs(cy - 14) <= 0.5 and abs(cx - 14) <= 0.5


@settings(max_examples=30, deadline=None)
@given(h=st.integers(5, 120), w=st.integers(5, 120), seed=st.integers(0, 1000))
def test_mnist_style_always_fits_and_stays_in_range(h, w, seed):
    rng = np.random.default_rng(seed)
    ink = (rng.random((h, w)) > 0.7).astype(float)
    out = mnist_style(ink)
    if out is None:
        assert not (ink > 0.05).any()
        return
    assert out.shape == (28, 28) and 0 <= out.min() and out.max() <= 1
    top, bottom, left, right = bounding_box(out)
    assert max(bottom - top, right - left) <= 20


def test_bad_images_are_refused():
    with pytest.raises(ValueError, match="2-D"):
        mnist_style(np.zeros((3, 3, 3)))
    with pytest.raises(ValueError, match="NaN"):
        mnist_style(np.full((5, 5), np.nan))
    with pytest.raises(ValueError, match="at least 2x2"):
        photo_to_ink(np.zeros((1, 5)))


def test_photo_to_ink_inverts_light_backgrounds():
    paper = np.full((60, 40), 0.85)
    paper[10:50, 18:22] = 0.2  # dark pen stroke
    ink = photo_to_ink(paper)
    assert ink[30, 20] == pytest.approx(1.0) and ink[5, 5] == 0
    dark = 1 - paper  # already white on black
    np.testing.assert_allclose(photo_to_ink(dark), ink)
    assert not photo_to_ink(np.full((10, 10), 0.5)).any()


def test_fit_square_pads_to_square():
    ink = np.zeros((100, 100))
    ink[10:90, 40:60] = 1
    sq = fit_square(ink)
    assert sq.shape[0] == sq.shape[1] == round(80 * 1.3)
    assert sq.sum() == ink.sum()
    assert fit_square(np.zeros((4, 4))) is None


def test_read_digit_uses_the_preprocessed_image():
    net = SimpleConvNet(seed=0)
    ink = np.zeros((280, 280))
    ink[40:240, 130:150] = 1
    reading = read_digit(net, ink, with_activations=True)
    np.testing.assert_array_equal(reading.image, mnist_style(ink))
    np.testing.assert_allclose(reading.probabilities, net.predict_proba(reading.image[None, None])[0], rtol=1e-6)
    assert reading.answer == int(np.argmax(reading.probabilities))
    assert reading.activations["Relu1"].shape == (30, 24, 24)
    assert read_digit(net, np.zeros((10, 10))) is None
    assert read_image(net, reading.image).answer == reading.answer


def test_real_mnist_survives_preprocessing(shared_mnist):
    from engine.mnist import load_mnist

    _, (x, _) = load_mnist(data_dir=shared_mnist, flatten=False)
    again = np.stack([mnist_style(img) for img in x[:300, 0]])
    assert np.abs(again - x[:300, 0]).mean() < 1e-3  # MNIST digits are already in this form

"""Test-wide setup: Qt offscreen before it loads, and throw-away settings and data folders."""

import os
from pathlib import Path

import pytest
from threadpoolctl import threadpool_limits

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# One BLAS thread, as the app runs (explorer.__main__.limit_blas_threads): on two busy cores OpenBLAS's
# own threads wait for each other and a test's training takes several times longer than in the app.
_BLAS = threadpool_limits(limits=1, user_api="blas")

# Real MNIST lives beside the checkout for developers and CI (never in the repository).
SHARED_DATASETS = Path(__file__).resolve().parents[2] / "shared" / "datasets"
SHARED_MNIST = SHARED_DATASETS / "mnist"
# The book's own trained pickles (read only through the engine's safe loader).
SHARED_BOOK_PARAMS = SHARED_DATASETS / "book-params"


@pytest.fixture(autouse=True)
def _isolated_folders(tmp_path_factory, monkeypatch):
    """Each test gets its own settings location and data/cache folder."""
    base = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("DLFS_CONFIG_DIR", str(base / "config"))
    monkeypatch.setenv("DLFS_CACHE_DIR", str(base / "cache"))
    monkeypatch.delenv("DLFS_DATA", raising=False)
    yield


def _real_mnist_folder():
    """Where real MNIST is, looked for the way the app looks (before the tests isolate the environment):
    ../shared beside the checkout, $DLFS_DATA, the user's cache folder."""
    from engine.mnist import cache_dir, dataset_files

    for folder in (SHARED_MNIST, os.environ.get("DLFS_DATA"), cache_dir() / "mnist"):
        if folder and Path(folder).is_dir() and dataset_files(folder):
            return Path(folder)
    return None


REAL_MNIST = _real_mnist_folder()


# CI sets DLFS_REQUIRE_DATA=1: there, tests that need the real data fail when it is missing instead of
# being skipped, so a moved folder cannot silently switch them off.
REQUIRE_DATA = os.environ.get("DLFS_REQUIRE_DATA") == "1"


def _missing(message):
    if REQUIRE_DATA:
        pytest.fail(message + " (DLFS_REQUIRE_DATA=1: the real data must be there)")
    pytest.skip(message)


@pytest.fixture
def shared_mnist():
    if REAL_MNIST is None:
        _missing(f"real MNIST not found in {SHARED_MNIST}, $DLFS_DATA or the cache folder")
    return REAL_MNIST


@pytest.fixture
def book_params():
    if not (SHARED_BOOK_PARAMS / "deep_convnet_params.pkl").exists():
        _missing(f"the book's trained weights not found in {SHARED_BOOK_PARAMS}")
    return SHARED_BOOK_PARAMS


# Hypothesis: random examples locally (new cases each run), the same examples in CI (a red run can be
# re-run and reproduced); CI sets CI=true.
try:
    from hypothesis import settings as _hypothesis_settings

    _hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
    if os.environ.get("CI"):
        _hypothesis_settings.load_profile("ci")
except ImportError:  # hypothesis is a test extra: always there when the suite runs
    pass

"""MNIST (and other IDX datasets such as Fashion-MNIST): find, download, validate, load.

``load_mnist`` has the book's signature and meaning. Files are looked for, in order, in
the folder the caller names (CLI ``--data``, the app's settings), the ``DLFS_DATA``
environment variable, then the user's cache folder; otherwise they are downloaded there
(hash-checked, mirror after mirror, never leaving a partial file behind).
"""

import gzip
import hashlib
import os
import time
import zlib
from collections.abc import Callable
from pathlib import Path

import numpy as np

from .files import MISSING, REASONS, file_problem

Dataset = tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]  # (train, test): (images, labels)

FILES = {
    "train_img": "train-images-idx3-ubyte.gz",
    "train_label": "train-labels-idx1-ubyte.gz",
    "test_img": "t10k-images-idx3-ubyte.gz",
    "test_label": "t10k-labels-idx1-ubyte.gz",
}
MD5 = {
    "train-images-idx3-ubyte.gz": "f68b3c2dcbeaaa9fbdd348bbdeb94873",
    "train-labels-idx1-ubyte.gz": "d53e105ee54ea40749a09fcbcd1e9432",
    "t10k-images-idx3-ubyte.gz": "9fb629c4189551a2d022fa330f9573f3",
    "t10k-labels-idx1-ubyte.gz": "ec29112dd5afa0611ce80d1b7f02629c",
}
# The public mirrors torchvision uses, tried in order.
MIRRORS = (
    "https://ossci-datasets.s3.amazonaws.com/mnist/",
    "http://yann.lecun.com/exdb/mnist/",
)
IMAGE_MAGIC, LABEL_MAGIC = 2051, 2049  # 0x00000803: ubyte, 3 dims; 0x00000801: ubyte, 1 dim


class DatasetError(ValueError):
    """A dataset file that is missing, corrupt or inconsistent; the message names the file."""


class DownloadError(RuntimeError):
    """Every mirror failed; the message lists what each one answered."""


class DownloadCancelled(Exception):
    """The caller asked the download to stop."""


def cache_dir() -> Path:
    """Where downloaded datasets live: $DLFS_CACHE_DIR, else the platform's user cache."""
    if os.environ.get("DLFS_CACHE_DIR"):
        return Path(os.environ["DLFS_CACHE_DIR"])
    import platformdirs  # only when no data folder is given

    return Path(platformdirs.user_cache_dir("dlfs-explorer", appauthor=False))


def _open_maybe_gzip(path):
    with open(path, "rb") as f:
        head = f.read(2)
    return gzip.open(path, "rb") if head == b"\x1f\x8b" else open(path, "rb")


MAX_IDX_BYTES = 1 << 30  # a dataset file's data may hold at most 1 GiB (MNIST's largest: 47 MB)


def read_idx(path: str | Path, kind: str) -> np.ndarray:
    """Read one IDX file; kind is 'images' (N, rows, cols) or 'labels' (N,). uint8 out.

    The header is read and checked first, then exactly the data it announces (at most
    MAX_IDX_BYTES), streamed: a small gzip bomb is stopped after its header, not after 6 GB."""
    path = Path(path)
    name = path.name
    ndim = 3 if kind == "images" else 1
    header_len = 4 + 4 * ndim
    problem = file_problem(path)  # a pipe would hang the reader; a folder or a link loop, misnamed
    if problem not in (None, MISSING):
        raise DatasetError(f"{name}: {REASONS[problem]}")
    try:
        with _open_maybe_gzip(path) as f:
            header = f.read(header_len)
            if len(header) < header_len:
                raise DatasetError(f"{name}: only {len(header)} bytes, too short for an IDX header")
            dims = _check_idx_header(name, header, kind, ndim)
            expected = int(np.prod(dims, dtype=object))
            body = f.read(expected)
            extra = len(f.read(1))
    except FileNotFoundError:
        raise DatasetError(f"{name}: file not found in {path.parent}") from None
    except (OSError, EOFError, gzip.BadGzipFile, zlib.error) as e:
        raise DatasetError(f"{name}: cannot be decompressed ({e}); the file is corrupt or truncated") from None
    if len(body) != expected or extra:
        held = f"{len(body)}" if not extra else f"more than {expected}"
        raise DatasetError(
            f"{name}: header says {' x '.join(map(str, dims))} = {expected} bytes of data, "
            f"but the file holds {held}" + (" (truncated)" if len(body) < expected else "")
        )
    return np.frombuffer(body, dtype=np.uint8).reshape(dims)


def _check_idx_header(name, header, kind, ndim):
    """The dimensions an IDX header announces, after checking its magic number and size."""
    magic_expected = IMAGE_MAGIC if kind == "images" else LABEL_MAGIC
    magic = int.from_bytes(header[:4], "big")
    if magic != magic_expected:
        what = {IMAGE_MAGIC: "an image file", LABEL_MAGIC: "a label file"}.get(magic, "not an IDX file")
        raise DatasetError(
            f"{name}: magic number {magic:#010x} ({what}), expected {magic_expected:#010x} for {kind}"
        )
    dims = [int.from_bytes(header[4 + 4 * i : 8 + 4 * i], "big") for i in range(ndim)]
    size = 1
    for d in dims:
        size *= d  # Python integers: 2**31 x 2**31 x 4 does not overflow
    if size > MAX_IDX_BYTES:
        raise DatasetError(f"{name}: header announces {' x '.join(map(str, dims))} = {size:,} bytes, more than "
                           f"a dataset file may hold ({MAX_IDX_BYTES:,})")
    return dims


def _find(folder, filename):
    """The file itself, or its uncompressed twin (Debian's datasets ship both ways)."""
    for candidate in (folder / filename, folder / filename.removesuffix(".gz")):
        if candidate.exists():
            return candidate
    return None


def dataset_files(folder: str | Path) -> dict[str, Path] | None:
    """{key: path} if every one of the four files is in ``folder``, else None."""
    folder = Path(folder)
    found = {key: _find(folder, fn) for key, fn in FILES.items()}
    return found if all(found.values()) else None


def load_idx_dataset(folder: str | Path, num_classes: int = 10) -> Dataset:
    """Read and cross-check the four IDX files of one dataset folder (uint8 arrays)."""
    files = dataset_files(folder)
    if files is None:
        missing = [fn for fn in FILES.values() if _find(Path(folder), fn) is None]
        raise DatasetError(f"{folder}: missing {', '.join(missing)}")
    x_train = read_idx(files["train_img"], "images")
    t_train = read_idx(files["train_label"], "labels")
    x_test = read_idx(files["test_img"], "images")
    t_test = read_idx(files["test_label"], "labels")
    for x, t, xk, tk in ((x_train, t_train, "train_img", "train_label"), (x_test, t_test, "test_img", "test_label")):
        if len(x) != len(t):
            raise DatasetError(
                f"{files[xk].name} has {len(x)} images but {files[tk].name} has {len(t)} labels"
            )
        if t.size and t.max() >= num_classes:
            raise DatasetError(f"{files[tk].name}: label {int(t.max())} is not a digit 0-{num_classes - 1}")
    if x_train.shape[1:] != x_test.shape[1:]:
        raise DatasetError(f"training images are {x_train.shape[1:]} but test images are {x_test.shape[1:]}")
    return (x_train, t_train), (x_test, t_test)


class _ProgressAdapter:
    """The tqdm-like object pooch reports to, forwarding to ``callback(name, done, total)``."""

    def __init__(self, name, callback, should_stop):
        self.name, self.callback, self.should_stop = name, callback, should_stop
        self.total = 0
        self.n = 0

    def update(self, n):
        self.n += n
        if self.should_stop is not None and self.should_stop():
            raise DownloadCancelled(self.name)  # pooch's temporary file is removed on the way out
        if self.callback is not None:
            self.callback(self.name, self.n, self.total)

    def reset(self):
        self.n = 0

    def close(self):
        pass


def mirrors_in_use() -> tuple[str, ...]:
    """The mirrors to try, in order: $DLFS_MNIST_MIRRORS (URLs of folders, separated by commas or
    spaces) when set, e.g. a university's copy for a classroom without Internet; else MIRRORS."""
    listed = os.environ.get("DLFS_MNIST_MIRRORS", "").replace(",", " ").split()
    return tuple(url if url.endswith("/") else url + "/" for url in listed) or MIRRORS


def remove_stale_downloads(folder: str | Path, older_than: float = 3600.0) -> None:
    """Remove pooch's temporary files (tmp*) left in ``folder`` by a download that was killed (the
    app closed on a stalled server); only ones untouched for ``older_than`` seconds."""
    for leftover in Path(folder).glob("tmp*"):
        try:
            if leftover.is_file() and time.time() - leftover.stat().st_mtime > older_than:
                leftover.unlink()
        except OSError:
            pass


def download_mnist(dest: str | Path | None = None, progress: Callable[[str, int, int], None] | None = None,
                   mirrors: list[str] | None = None, should_stop: Callable[[], bool] | None = None,
                   files: dict[str, str] | None = None, md5: dict[str, str] | None = None) -> Path:
    """Download the four MNIST files into ``dest`` (default: the cache folder).

    progress(name, bytes_done, bytes_total) is called as data arrives; should_stop() may
    cancel. Each file is hash-checked; a failing mirror (HTTP error, wrong hash, cut
    connection) makes way for the next (``mirrors``, default ``mirrors_in_use()``). Returns the folder.
    """
    import pooch  # with requests: ~0.2 s, only when something is downloaded
    import requests

    mirrors = mirrors or mirrors_in_use()
    dest = Path(dest) if dest else cache_dir() / "mnist"
    dest.mkdir(parents=True, exist_ok=True)
    remove_stale_downloads(dest)
    md5 = md5 or MD5
    for filename in files or FILES.values():
        target = dest / filename
        known = f"md5:{md5[filename]}"
        if target.exists() and pooch.file_hash(str(target), alg="md5") == md5[filename]:
            continue
        errors = []
        for mirror in mirrors:
            downloader = pooch.HTTPDownloader(progressbar=_ProgressAdapter(filename, progress, should_stop), timeout=30)
            try:
                pooch.retrieve(mirror + filename, known_hash=known, fname=filename, path=dest,
                               downloader=downloader, progressbar=False)
                break
            except (requests.RequestException, OSError) as e:
                errors.append(f"{mirror}: {type(e).__name__}: {e}")
            except ValueError as e:  # pooch's hash mismatch
                errors.append(f"{mirror}: {e}")
        else:
            raise DownloadError(f"could not download {filename}:\n  " + "\n  ".join(errors))
    return dest


def find_data_dir(data_dir: str | Path | None = None) -> Path | None:
    """The first folder holding the four files: argument, $DLFS_DATA, cache; or None."""
    candidates = [data_dir, os.environ.get("DLFS_DATA"), cache_dir() / "mnist"]
    for folder in candidates:
        if folder and dataset_files(folder) is not None:
            return Path(folder)
    if data_dir and dataset_files(data_dir) is None:
        missing = [fn for fn in FILES.values() if _find(Path(data_dir), fn) is None]
        raise DatasetError(f"{data_dir}: missing {', '.join(missing)}")
    return None


def data_hash(folder: str | Path) -> str:
    """sha256 over the four files' bytes, to record which data a model was trained on."""
    files = dataset_files(folder)
    h = hashlib.sha256()
    for key in FILES:
        h.update(Path(files[key]).read_bytes())
    return h.hexdigest()


def _change_one_hot_label(t, num_classes=10):
    out = np.zeros((t.size, num_classes), dtype=np.float32)
    out[np.arange(t.size), t] = 1
    return out


def prepare(x: np.ndarray, t: np.ndarray, normalize: bool = True, flatten: bool = True, one_hot_label: bool = False,
            dtype=np.float32) -> tuple[np.ndarray, np.ndarray]:
    """The book's post-processing of raw uint8 images (N, 28, 28) and labels (N,)."""
    x = x.astype(dtype) / 255.0 if normalize else x.copy()
    x = x.reshape(len(x), -1) if flatten else x.reshape(len(x), 1, *x.shape[1:])
    t = _change_one_hot_label(t) if one_hot_label else t.astype(np.int64)
    return x, t


def load_mnist(normalize: bool = True, flatten: bool = True, one_hot_label: bool = False,
               data_dir: str | Path | None = None, download: bool = True,
               progress: Callable[[str, int, int], None] | None = None,
               should_stop: Callable[[], bool] | None = None) -> Dataset:
    """The book's ``load_mnist``: ((x_train, t_train), (x_test, t_test)).

    normalize: pixels as float32 in [0, 1] (else uint8 0-255); flatten: (N, 784) (else
    (N, 1, 28, 28)); one_hot_label: labels as (N, 10) one-hot rows (else (N,) ints).
    """
    folder = find_data_dir(data_dir)
    if folder is None:
        if not download:
            raise DatasetError("MNIST is not available locally and download=False")
        folder = download_mnist(progress=progress, should_stop=should_stop)
    (x_train, t_train), (x_test, t_test) = load_idx_dataset(folder)
    return (prepare(x_train, t_train, normalize, flatten, one_hot_label),
            prepare(x_test, t_test, normalize, flatten, one_hot_label))


# Other datasets in MNIST's IDX format, where Debian installs them.
KNOWN_FOLDERS = {
    "Fashion-MNIST": Path("/usr/share/datasets/fashion-mnist"),
}


def installed_datasets() -> dict[str, Path]:
    """{name: folder} of known IDX datasets found on this machine (e.g. Debian's dataset-fashion-mnist)."""
    return {name: folder for name, folder in KNOWN_FOLDERS.items() if dataset_files(folder) is not None}

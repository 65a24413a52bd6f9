import gzip
import hashlib
import http.server
import threading
from pathlib import Path

import numpy as np
import pytest

from engine import mnist
from engine.mnist import (
    DatasetError,
    DownloadCancelled,
    DownloadError,
    download_mnist,
    find_data_dir,
    load_idx_dataset,
    load_mnist,
    read_idx,
)


def idx_bytes(array, magic):
    header = magic.to_bytes(4, "big") + b"".join(int(d).to_bytes(4, "big") for d in array.shape)
    return header + array.astype(np.uint8).tobytes()


def write_dataset(folder, n_train=12, n_test=6, gz=True, seed=0):
    rng = np.random.default_rng(seed)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    arrays = {
        "train_img": rng.integers(0, 256, (n_train, 28, 28)),
        "train_label": rng.integers(0, 10, n_train),
        "test_img": rng.integers(0, 256, (n_test, 28, 28)),
        "test_label": rng.integers(0, 10, n_test),
    }
    for key, arr in arrays.items():
        data = idx_bytes(arr, mnist.IMAGE_MAGIC if "img" in key else mnist.LABEL_MAGIC)
        name = mnist.FILES[key]
        if gz:
            (folder / name).write_bytes(gzip.compress(data))
        else:
            (folder / name.removesuffix(".gz")).write_bytes(data)
    return arrays


@pytest.mark.parametrize("gz", [True, False])
def test_reads_gzip_and_raw_idx(tmp_path, gz):
    arrays = write_dataset(tmp_path, gz=gz)
    (x_train, t_train), (x_test, t_test) = load_idx_dataset(tmp_path)
    np.testing.assert_array_equal(x_train, arrays["train_img"])
    np.testing.assert_array_equal(t_test, arrays["test_label"])
    assert x_train.dtype == np.uint8 and x_test.shape == (6, 28, 28)


def test_load_mnist_has_the_books_options(tmp_path):
    arrays = write_dataset(tmp_path)
    (x, t), _ = load_mnist(data_dir=tmp_path)
    assert x.shape == (12, 784) and x.dtype == np.float32 and 0 <= x.min() and x.max() <= 1
    np.testing.assert_allclose(x[0], arrays["train_img"][0].ravel() / 255, rtol=1e-6)
    (x, t), _ = load_mnist(normalize=False, flatten=False, one_hot_label=True, data_dir=tmp_path)
    assert x.shape == (12, 1, 28, 28) and x.dtype == np.uint8
    assert t.shape == (12, 10) and np.all(t.argmax(1) == arrays["train_label"])


def corrupt(path, data):
    Path(path).write_bytes(data)


@pytest.mark.parametrize(
    "damage, fragment",
    [
        (lambda d: gzip.compress(idx_bytes(np.zeros((3, 28, 28)), 2049)), "magic number 0x00000801 (a label file)"),
        (lambda d: gzip.compress(idx_bytes(np.zeros((12, 28, 28)), 2051)[:-100]), "the file holds 9308 (truncated)"),
        (lambda d: gzip.compress(b"\x00\x00"), "too short for an IDX header"),
        (lambda d: gzip.compress(b"hello world, not idx"), "not an IDX file"),
        (lambda d: d[: len(d) // 2], "cannot be decompressed"),
    ],
)
def test_corrupt_files_name_the_file_and_the_problem(tmp_path, damage, fragment):
    write_dataset(tmp_path)
    path = tmp_path / mnist.FILES["train_img"]
    corrupt(path, damage(path.read_bytes()))
    with pytest.raises(DatasetError) as e:
        load_idx_dataset(tmp_path)
    assert "train-images-idx3-ubyte.gz" in str(e.value) and fragment in str(e.value)


def test_count_mismatch_and_bad_labels(tmp_path):
    write_dataset(tmp_path)
    corrupt(tmp_path / mnist.FILES["train_label"], gzip.compress(idx_bytes(np.zeros(5), 2049)))
    with pytest.raises(DatasetError, match="has 12 images but train-labels-idx1-ubyte.gz has 5 labels"):
        load_idx_dataset(tmp_path)
    for bad in (10, 11, 255):  # 10: the first number that is not a digit
        labels = np.arange(12) % 10
        labels[7] = bad
        corrupt(tmp_path / mnist.FILES["train_label"], gzip.compress(idx_bytes(labels, 2049)))
        with pytest.raises(DatasetError, match=f"^train-labels-idx1-ubyte.gz: label {bad} is not a digit 0-9$"):
            load_idx_dataset(tmp_path)


def test_missing_files_are_listed(tmp_path):
    write_dataset(tmp_path)
    (tmp_path / mnist.FILES["test_label"]).unlink()
    with pytest.raises(DatasetError, match="missing t10k-labels-idx1-ubyte.gz"):
        find_data_dir(tmp_path)


def test_loading_a_folder_names_exactly_the_files_it_lacks(tmp_path):
    write_dataset(tmp_path)
    for key in ("train_label", "test_img"):
        (tmp_path / mnist.FILES[key]).unlink()
    with pytest.raises(DatasetError) as e:
        load_idx_dataset(tmp_path)
    assert str(e.value) == f"{tmp_path}: missing {mnist.FILES['train_label']}, {mnist.FILES['test_img']}"


def test_read_idx_missing_file(tmp_path):
    with pytest.raises(DatasetError, match="file not found"):
        read_idx(tmp_path / "nope.gz", "images")


def test_data_folder_order(tmp_path, monkeypatch):
    named, env, cache = tmp_path / "named", tmp_path / "env", tmp_path / "cache"
    for folder in (named, env, cache / "mnist"):
        write_dataset(folder)
    monkeypatch.setenv("DLFS_CACHE_DIR", str(cache))
    monkeypatch.setenv("DLFS_DATA", str(env))
    assert find_data_dir(named) == named
    assert find_data_dir() == env
    monkeypatch.delenv("DLFS_DATA")
    assert find_data_dir() == cache / "mnist"


# --- downloading, against a real HTTP server on 127.0.0.1 ---------------------------------


class _Handler(http.server.BaseHTTPRequestHandler):
    routes = {}

    def do_GET(self):  # noqa: N802 (http.server's name)
        route = self.routes.get(self.path)
        if route is None:
            self.send_error(404)
            return
        kind, body = route
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        if kind == "truncated":
            self.send_header("Content-Length", str(len(body) * 2))  # promise more than we send
            self.end_headers()
            self.wfile.write(body)
            self.wfile.flush()
            self.close_connection = True
            return
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    _Handler.routes = {}
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", _Handler.routes
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def source(tmp_path):
    folder = tmp_path / "source"
    write_dataset(folder, n_train=50)
    files = {name: (folder / name).read_bytes() for name in mnist.FILES.values()}
    md5 = {name: hashlib.md5(data).hexdigest() for name, data in files.items()}
    return files, md5


def test_download_falls_back_to_the_next_mirror(server, source, tmp_path):
    base, routes = server
    files, md5 = source
    for name, data in files.items():
        routes[f"/good/{name}"] = ("ok", data)
    seen = []
    dest = download_mnist(tmp_path / "dl", mirrors=[base + "/missing/", base + "/good/"], md5=md5,
                          progress=lambda name, done, total: seen.append((name, done, total)))
    for name, data in files.items():
        assert (dest / name).read_bytes() == data
    assert seen and seen[-1][1] == seen[-1][2]  # progress reached the total
    (x, _), _ = load_mnist(data_dir=dest)
    assert x.shape == (50, 784)


def test_download_goes_to_the_cache_folders_mnist_by_default(server, source, tmp_path, monkeypatch):
    base, routes = server
    files, md5 = source
    for name, data in files.items():
        routes[f"/good/{name}"] = ("ok", data)
    monkeypatch.setenv("DLFS_CACHE_DIR", str(tmp_path / "cache"))
    assert download_mnist(mirrors=[base + "/good/"], md5=md5) == tmp_path / "cache" / "mnist"
    assert sorted(p.name for p in (tmp_path / "cache" / "mnist").iterdir()) == sorted(files)


def test_hash_mismatch_tries_next_mirror_then_fails_cleanly(server, source, tmp_path):
    base, routes = server
    files, md5 = source
    for name, data in files.items():
        routes[f"/bad/{name}"] = ("ok", data[:-1] + bytes([data[-1] ^ 0xFF]))
    dest = tmp_path / "dl"
    with pytest.raises(DownloadError) as e:
        download_mnist(dest, mirrors=[base + "/bad/", base + "/missing/"], md5=md5)
    lines = str(e.value).splitlines()
    assert lines[0] == "could not download train-images-idx3-ubyte.gz:"  # the first file; each mirror's reason
    assert lines[1].startswith(f"  {base}/bad/: ") and "hash" in lines[1].lower()
    assert lines[2].startswith(f"  {base}/missing/: HTTPError: 404") and len(lines) == 3
    assert list(dest.iterdir()) == []  # nothing partial left behind


def test_truncated_body_leaves_no_partial_file(server, source, tmp_path):
    base, routes = server
    files, md5 = source
    for name, data in files.items():
        routes[f"/cut/{name}"] = ("truncated", data)
        routes[f"/good/{name}"] = ("ok", data)
    dest = tmp_path / "dl"
    with pytest.raises(DownloadError):
        download_mnist(dest, mirrors=[base + "/cut/"], md5=md5)
    assert list(dest.iterdir()) == []
    download_mnist(dest, mirrors=[base + "/cut/", base + "/good/"], md5=md5)
    assert sorted(p.name for p in dest.iterdir()) == sorted(files)


def test_cancelled_download_leaves_nothing(server, source, tmp_path):
    base, routes = server
    files, md5 = source
    for name, data in files.items():
        routes[f"/good/{name}"] = ("ok", data)
    dest = tmp_path / "dl"
    with pytest.raises(DownloadCancelled):
        download_mnist(dest, mirrors=[base + "/good/"], md5=md5, should_stop=lambda: True)
    assert list(dest.iterdir()) == []


def test_existing_good_files_are_not_downloaded_again(server, source, tmp_path):
    base, routes = server
    files, md5 = source
    dest = tmp_path / "dl"
    dest.mkdir()
    for name, data in files.items():
        (dest / name).write_bytes(data)
    download_mnist(dest, mirrors=[base + "/nothing-here/"], md5=md5)  # would 404 if it tried


# --- the real dataset ------------------------------------------------------------------------


def test_real_mnist(shared_mnist):
    (x_train, t_train), (x_test, t_test) = load_mnist(data_dir=shared_mnist, flatten=False)
    assert x_train.shape == (60000, 1, 28, 28) and x_test.shape == (10000, 1, 28, 28)
    assert x_train.dtype == np.float32 and x_train.min() == 0.0 and x_train.max() == 1.0
    assert np.bincount(t_train).tolist() == [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]
    assert np.bincount(t_test).tolist() == [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]
    # The famous first training labels, and the test set's first digit (a 7).
    assert t_train[:10].tolist() == [5, 0, 4, 1, 9, 2, 1, 3, 1, 4] and t_test[0] == 7


def test_fashion_mnist_from_debian_loads_like_mnist():
    from engine.mnist import installed_datasets

    folder = installed_datasets().get("Fashion-MNIST")
    if folder is None:
        pytest.skip("Debian's dataset-fashion-mnist is not installed")
    (x, t), (xt, tt) = load_mnist(data_dir=folder, flatten=False)
    assert x.shape == (60000, 1, 28, 28) and xt.shape == (10000, 1, 28, 28)
    assert np.bincount(t).tolist() == [6000] * 10  # Fashion-MNIST is balanced


def test_random_byte_flips_in_a_gzip_file_are_dataset_errors(tmp_path):
    """Every damaged copy is either still readable (a flip inside the data) or a DatasetError that
    names the file (zlib.error used to escape, a generic crash dialog in the app)."""
    from engine.mnist import read_idx

    digits = np.zeros((40, 28, 28))
    digits[:, 6:22, 12:16] = np.random.default_rng(0).integers(100, 256, (40, 16, 4))  # compressible, as MNIST
    good = gzip.compress(idx_bytes(digits, 2051))
    rng = np.random.default_rng(1)
    outcomes = {"read": 0, "refused": 0}
    for trial in range(150):
        data = bytearray(good)
        for _ in range(int(rng.integers(1, 4))):
            data[int(rng.integers(0, len(data)))] ^= int(rng.integers(1, 256))
        path = tmp_path / f"t{trial}-images-idx3-ubyte.gz"
        path.write_bytes(bytes(data))
        try:
            images = read_idx(path, "images")
        except DatasetError as e:
            assert path.name in str(e)
            outcomes["refused"] += 1
        else:
            assert images.shape == (40, 28, 28)
            outcomes["read"] += 1
    assert outcomes["refused"] > 50  # most flips break the gzip stream or its checksum


def test_impossible_headers_and_gzip_bombs_are_refused_before_reading_the_data(tmp_path):
    import time
    import tracemalloc

    from engine.mnist import read_idx

    huge = (2051).to_bytes(4, "big") + (2**31).to_bytes(4, "big") + (2**31).to_bytes(4, "big") + (4).to_bytes(4, "big")
    (tmp_path / "huge-idx3-ubyte").write_bytes(huge + b"\0" * 100)
    with pytest.raises(DatasetError, match="more than a dataset file may hold"):
        read_idx(tmp_path / "huge-idx3-ubyte", "images")
    # a valid header for 10 images, then 200 MB of zeros: 200 KB of gzip
    bomb = gzip.compress(idx_bytes(np.zeros((10, 28, 28)), 2051) + b"\0" * (200 * 2**20), compresslevel=9)
    (tmp_path / "bomb-idx3-ubyte.gz").write_bytes(bomb)
    tracemalloc.start()
    start = time.perf_counter()
    with pytest.raises(DatasetError, match="holds more than 7840"):
        read_idx(tmp_path / "bomb-idx3-ubyte.gz", "images")
    assert tracemalloc.get_traced_memory()[1] < 20 * 2**20 and time.perf_counter() - start < 5
    tracemalloc.stop()


def test_mirrors_can_be_set_without_changing_code(monkeypatch):
    from engine.mnist import MIRRORS, mirrors_in_use

    monkeypatch.delenv("DLFS_MNIST_MIRRORS", raising=False)
    assert mirrors_in_use() == MIRRORS
    monkeypatch.setenv("DLFS_MNIST_MIRRORS", "http://school.example/mnist, https://b.example/m/")
    assert mirrors_in_use() == ("http://school.example/mnist/", "https://b.example/m/")


def test_partial_files_of_a_killed_download_are_removed_later(tmp_path):
    import os
    import time

    from engine.mnist import remove_stale_downloads

    old, fresh, kept = tmp_path / "tmpab12cd", tmp_path / "tmpzz99", tmp_path / "train-images-idx3-ubyte.gz"
    for path in (old, fresh, kept):
        path.write_bytes(b"partial")
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    remove_stale_downloads(tmp_path)
    assert not old.exists() and fresh.exists() and kept.exists()  # a download running now keeps its file


def test_the_idx_size_limit_admits_a_file_of_exactly_the_limit(tmp_path, monkeypatch):
    from engine.mnist import read_idx

    images = np.arange(100).reshape(4, 5, 5)
    (tmp_path / "small-idx3-ubyte").write_bytes(idx_bytes(images, 2051))
    monkeypatch.setattr(mnist, "MAX_IDX_BYTES", 100)
    np.testing.assert_array_equal(read_idx(tmp_path / "small-idx3-ubyte", "images"), images)
    monkeypatch.setattr(mnist, "MAX_IDX_BYTES", 99)
    with pytest.raises(DatasetError, match="4 x 5 x 5 = 100 bytes"):
        read_idx(tmp_path / "small-idx3-ubyte", "images")


def test_a_file_with_bytes_to_spare_is_not_called_truncated_and_one_with_too_few_is(tmp_path):
    labels = np.arange(10) % 10
    (tmp_path / "long-idx1-ubyte").write_bytes(idx_bytes(labels, mnist.LABEL_MAGIC) + b"\x00\x01")
    with pytest.raises(DatasetError) as e:
        read_idx(tmp_path / "long-idx1-ubyte", "labels")
    assert "holds more than 10" in str(e.value) and "truncated" not in str(e.value)
    (tmp_path / "short-idx1-ubyte").write_bytes(idx_bytes(labels, mnist.LABEL_MAGIC)[:-3])
    with pytest.raises(DatasetError, match=r"holds 7 \(truncated\)"):
        read_idx(tmp_path / "short-idx1-ubyte", "labels")


def test_images_and_labels_that_do_not_pair_up_name_both_files(tmp_path):
    write_dataset(tmp_path, n_train=12, n_test=6)
    labels = np.zeros(11, dtype=np.uint8)
    (tmp_path / mnist.FILES["train_label"]).write_bytes(gzip.compress(idx_bytes(labels, mnist.LABEL_MAGIC)))
    with pytest.raises(DatasetError) as e:
        mnist.load_idx_dataset(tmp_path)
    assert str(e.value) == (f"{mnist.FILES['train_img']} has 12 images but {mnist.FILES['train_label']} has 11 "
                            "labels")


def test_one_hot_labels_for_the_test_set_too(tmp_path):
    arrays = write_dataset(tmp_path, n_train=12, n_test=6)
    (_, t_train), (_, t_test) = load_mnist(one_hot_label=True, data_dir=tmp_path)
    for t, key in ((t_train, "train_label"), (t_test, "test_label")):
        assert t.shape == (len(arrays[key]), 10)
        np.testing.assert_array_equal(t.argmax(axis=1), arrays[key])
        np.testing.assert_array_equal(t.sum(axis=1), 1)


def test_with_no_folder_named_and_none_found_there_is_simply_no_data(tmp_path, monkeypatch):
    monkeypatch.setenv("DLFS_CACHE_DIR", str(tmp_path / "empty-cache"))
    monkeypatch.delenv("DLFS_DATA", raising=False)
    assert find_data_dir() is None  # not an error: the app offers the download
    with pytest.raises(DatasetError, match="missing"):
        find_data_dir(tmp_path)  # a folder the user named that lacks the files is one

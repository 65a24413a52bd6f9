"""Hostile weight files, generated here: refused with WeightsFileError, quickly, nothing run or built.

(#15 items 1 and 11: a 200 KB params.pkl with a key nested 200,000 deep crashed Python while the
dict hashed it; an 852-byte key of shared tuples took hours; valid pickles of protocols 0-2 and 5
were refused.)"""

import pickle
import time

import numpy as np
import pytest

from engine.simple_convnet import SimpleConvNet
from engine.weights import WeightsFileError, load_pickle_params

P2 = b"\x80\x02"  # protocol 2 header


def deep_key(levels):
    """{(((None,),),)...: None}: a key of ``levels`` nested one-tuples (TUPLE1 opcodes)."""
    return P2 + b"}" + b"N" + b"\x85" * levels + b"N" + b"s."


def shared_tuple_key(levels):
    """A key t_k = (t_{k-1}, t_{k-1}) built from memo references: tiny file, 2**levels to hash."""
    body = P2 + b"}" + b")" + b"q\x00"
    for i in range(levels):
        body += b"h" + bytes([i]) + b"h" + bytes([i]) + b"\x86" + b"q" + bytes([i + 1])
    return body + b"N" + b"s."


def int_key():
    return P2 + b"}" + b"K\x07" + b"N" + b"s."  # {7: None}


HOSTILE = {
    "key nested 200,000 deep": deep_key(200_000),
    "key of 100 shared tuples": shared_tuple_key(100),
    "an int key": int_key(),
    "a list 100,001 items long": P2 + b"]" + b"(" + b"N" * 100_001 + b"e.",
    "a persistent id": P2 + b"}" + b"X\x01\x00\x00\x00a" + b"N" + b"Q" + b"s.",
    "os.system": b"cos\nsystem\n(S'echo owned'\ntR.",
    "truncated": P2 + b"}(X\x01\x00\x00\x00a",
    "empty": b"",
}


@pytest.mark.parametrize("what", list(HOSTILE))
def test_hostile_pickles_are_refused_quickly(tmp_path, what):
    path = tmp_path / "params.pkl"
    path.write_bytes(HOSTILE[what])
    start = time.perf_counter()
    with pytest.raises(WeightsFileError, match="params.pkl"):
        load_pickle_params(path)
    assert time.perf_counter() - start < 5  # (the shared-tuple key took hours)


@pytest.mark.parametrize("protocol", [0, 1, 2, 3, 4, 5])
def test_pickles_numpy_writes_in_every_protocol_load(tmp_path, protocol):
    net = SimpleConvNet(seed=2)
    with open(tmp_path / "p.pkl", "wb") as f:
        pickle.dump(dict(net.params), f, protocol=protocol)
    loaded = load_pickle_params(tmp_path / "p.pkl")
    assert set(loaded) == set(net.params)
    for key in net.params:
        np.testing.assert_array_equal(loaded[key], net.params[key])


def npz_with(path, members):
    """A zip whose members are given as {name: bytes} (written stored, or deflated for a bomb)."""
    import zipfile

    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def npy_header(shape, dtype="<f8"):
    """Just a .npy header claiming ``shape`` (no data follows)."""
    import io

    buffer = io.BytesIO()
    np.lib.format.write_array_header_1_0(buffer, {"descr": dtype, "fortran_order": False, "shape": shape})
    return buffer.getvalue()  # (the magic string is part of what NumPy writes)


def zeros_npy(n):
    import io

    buffer = io.BytesIO()
    np.save(buffer, np.zeros(n))
    return buffer.getvalue()


NPZ_BOMBS = {  # each with the reason it must be refused for (not some earlier accident of the file)
    "a header claiming 12 GiB": (lambda p: npz_with(p, {"W1.npy": npy_header((2**31, 3, 2))}),
                                 "would take more than"),
    "3 GiB of zeros in a small file": (lambda p: npz_with(p, {"W1.npy": npy_header((3 * 2**27,))
                                                               + b"\0" * (8 * 2**20)}), "would take more than"),
    "a member that is not .npy": (lambda p: npz_with(p, {"W1.npy": zeros_npy(4), "readme.txt": b"hello"}),
                                  "'readme.txt' is not an array"),
    "400 members (a network has 6 or 16)": (lambda p: npz_with(p, {f"a{i}.npy": b"" for i in range(200)} | {
        f"b{i}.npy": b"" for i in range(200)}), "400 members"),
    "an object array": (lambda p: npz_with(p, {"W1.npy": npy_header((3,), "|O")}), "not a plain numeric type"),
}


@pytest.mark.parametrize("what", list(NPZ_BOMBS))
def test_npz_bombs_are_refused_before_any_array_is_read(tmp_path, what):
    from engine.weights import load_params_file

    make, reason = NPZ_BOMBS[what]
    path = make(tmp_path / "w.npz")
    start = time.perf_counter()
    with pytest.raises(WeightsFileError, match="w.npz") as refused:
        load_params_file(path)
    assert reason in str(refused.value)
    assert time.perf_counter() - start < 5


def test_saving_never_changes_the_process_umask(tmp_path, monkeypatch):
    """os.umask() is process-wide: setting it to 0 for a moment while worker threads create files
    would give their files the wrong permissions. The umask is read once, without changing it."""
    import os

    from engine.weights import save_npz

    def forbidden(*_args):
        raise AssertionError("os.umask called while saving")

    monkeypatch.setattr(os, "umask", forbidden)
    save_npz(tmp_path / "w.npz", {"a": np.zeros(3)})
    mode = (tmp_path / "w.npz").stat().st_mode & 0o777
    assert mode & 0o600 == 0o600  # readable and writable by its owner, as any file the user makes


def small_npz(path, count, size):
    np.savez(path, **{f"a{i}": np.zeros(size, dtype=np.uint8) for i in range(count)})
    return path


def test_npz_limits_count_every_member_and_admit_exactly_the_limit(tmp_path, monkeypatch):
    from engine import weights
    from engine.weights import check_npz_headers

    three = small_npz(tmp_path / "three.npz", 3, 400)
    four = small_npz(tmp_path / "four.npz", 4, 100)
    monkeypatch.setattr(weights, "MAX_NPZ_MEMBERS", 3)
    check_npz_headers(three)
    with pytest.raises(WeightsFileError, match="4 members, more than a network's 3"):
        check_npz_headers(four)
    monkeypatch.setattr(weights, "MAX_NPZ_BYTES", 1200)  # three members of 400 bytes: exactly the limit
    check_npz_headers(three)
    monkeypatch.setattr(weights, "MAX_NPZ_BYTES", 1199)  # each member alone is far below it
    with pytest.raises(WeightsFileError, match="would take more than"):
        check_npz_headers(three)


def test_saved_files_get_the_users_usual_permissions(tmp_path, monkeypatch):
    from engine import weights

    monkeypatch.setattr(weights, "_UMASK", 0o027)
    weights.save_npz(tmp_path / "w.npz", {"a": np.zeros(3)})
    assert (tmp_path / "w.npz").stat().st_mode & 0o777 == 0o640  # 0666 without what the umask takes away


def nested_value(levels):
    """{'a': (((None,),),)...}: a string key, its value ``levels`` one-tuples deep (TUPLE1 opcodes)."""
    return P2 + b"}" + b"X\x01\x00\x00\x00a" + b"N" + b"\x85" * levels + b"s."


def test_the_depth_limit_counts_every_nested_one_tuple():
    from engine.weights import MAX_PICKLE_DEPTH, check_pickle_shape

    check_pickle_shape(nested_value(MAX_PICKLE_DEPTH - 1))  # the dict holding it is one more: at the limit
    with pytest.raises(ValueError, match=f"nested deeper than {MAX_PICKLE_DEPTH}"):
        check_pickle_shape(nested_value(MAX_PICKLE_DEPTH))


@pytest.mark.parametrize(("leaf", "levels"), [("s", 0), (1.0, 0), (7, 0), (None, 0), (True, 0),
                                             ([], 1), ((), 1), ({}, 1)])
def test_a_leaf_adds_no_depth_whatever_its_kind_and_an_empty_container_one(leaf, levels):
    """Strings, numbers and None are leaves: the dict and lists around one may reach the limit, one list
    more is refused. An empty list, tuple or dict is a container itself: one level. Every protocol (each
    writes strings and containers with other opcodes)."""
    import pickle

    from engine.weights import MAX_PICKLE_DEPTH, check_pickle_shape

    def nested(k):
        value = leaf
        for _ in range(k):
            value = [value]
        return {"W1": value}

    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        check_pickle_shape(pickle.dumps(nested(MAX_PICKLE_DEPTH - 1 - levels), protocol=protocol))
        with pytest.raises(ValueError, match=f"nested deeper than {MAX_PICKLE_DEPTH}"):
            check_pickle_shape(pickle.dumps(nested(MAX_PICKLE_DEPTH - levels), protocol=protocol))


def test_a_dict_built_in_one_go_from_its_items_has_its_keys_checked_too():
    from engine.weights import check_pickle_shape

    with pytest.raises(ValueError, match="a dictionary key is not a string"):
        check_pickle_shape(P2 + b"(" + b"K\x07" + b"N" + b"d.")  # MARK 7 None DICT: {7: None}
    check_pickle_shape(P2 + b"(" + b"X\x01\x00\x00\x00a" + b"N" + b"d.")  # {'a': None}: its shape is fine


def test_npz_members_written_in_npy_format_2_load(tmp_path):
    """NumPy writes format 2.0 when a header outgrows 65,535 bytes (or when asked): such files are
    weights like any other."""
    import io
    import zipfile

    from engine.weights import check_npz_headers, load_params_file

    rng = np.random.default_rng(0)
    arrays = {"W1": rng.standard_normal((3, 2)).astype(np.float32), "b1": np.arange(2, dtype=np.float32)}
    path = tmp_path / "v2.npz"
    with zipfile.ZipFile(path, "w") as z:
        for name, a in arrays.items():
            buf = io.BytesIO()
            np.lib.format.write_array(buf, a, version=(2, 0))
            assert buf.getvalue()[6:8] == b"\x02\x00"
            z.writestr(name + ".npy", buf.getvalue())
    check_npz_headers(path)
    loaded = load_params_file(path)
    for name, a in arrays.items():
        np.testing.assert_array_equal(loaded[name], a)


@pytest.mark.parametrize("mask", [0o022, 0o077, 0o002])
def test_the_umask_is_read_as_the_octal_number_the_process_has(mask):
    """/proc/self/status writes the umask in octal ("Umask:\t0022"); a saved file gets 0o666 & ~umask."""
    import os

    from engine import weights

    before = os.umask(mask)
    try:
        assert weights._read_umask() == mask
    finally:
        os.umask(before)

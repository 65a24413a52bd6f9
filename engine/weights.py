"""Saving and loading parameter dicts: ``.npz`` (no pickle) and the book's ``params.pkl``.

Files are written atomically (a temporary file in the same folder, then ``os.replace``),
so a crash mid-write never leaves a half-written file where a good one was.
"""

import io
import os
import pickle
import pickletools
import tempfile
import zipfile
import zlib
from pathlib import Path

import numpy as np

from .files import check_readable_file


class WeightsFileError(ValueError):
    """A weights file that cannot be read; the message names the file and the problem."""


def _read_umask():
    """The process's umask, read without changing it where the system allows (Linux's
    /proc/self/status); otherwise set and restored once, when this module is first imported."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UMASK = _read_umask()  # at import, on the main thread: os.umask() would race with worker threads


def _umask():
    return _UMASK


def new_file_mode() -> int:
    """The permissions an ordinary new file gets: 0666 without what the umask takes away."""
    return 0o666 & ~_umask()


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and ``os.replace``."""
    path = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=os.path.basename(path))
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, new_file_mode())  # mkstemp makes 0600; give the usual permissions
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def save_npz(path: str | Path, arrays: dict[str, np.ndarray]) -> None:
    """Write a dict of arrays to ``path`` (.npz, compressed) atomically."""
    buf = io.BytesIO()
    np.savez_compressed(buf, **{k: np.asarray(v) for k, v in arrays.items()})
    atomic_write_bytes(path, buf.getvalue())


# What a pickled dict of NumPy arrays needs, and nothing else: no code can run.
_ALLOWED_GLOBALS = {
    ("numpy.core.multiarray", "_reconstruct"),
    ("numpy._core.multiarray", "_reconstruct"),
    ("numpy.core.multiarray", "scalar"),
    ("numpy._core.multiarray", "scalar"),
    ("numpy", "ndarray"),
    ("numpy", "dtype"),
    ("collections", "OrderedDict"),
    ("_codecs", "encode"),  # protocols 0-2 store an array's bytes as a latin-1 string
    ("numpy.core.numeric", "_frombuffer"),  # protocol 5 (NumPy 1.x, 2.x)
    ("numpy._core.numeric", "_frombuffer"),
}

MAX_PICKLE_BYTES = 256 * 2**20  # the book's largest file (DeepConvNet) is 1.7 MB
MAX_PICKLE_OPS = 100_000  # a dict of a few dozen arrays takes a few hundred
MAX_PICKLE_DEPTH = 12  # a dict of arrays is about six containers deep

_STRINGS = {"UNICODE", "BINUNICODE", "SHORT_BINUNICODE", "BINUNICODE8", "STRING", "BINSTRING", "SHORT_BINSTRING"}
_LEAVES = {"INT", "BININT", "BININT1", "BININT2", "LONG", "LONG1", "LONG4", "FLOAT", "BINFLOAT", "NONE", "NEWTRUE",
           "NEWFALSE", "BINBYTES", "SHORT_BINBYTES", "BINBYTES8", "BYTEARRAY8", "GLOBAL"}


def check_pickle_shape(data: bytes) -> None:
    """Read a pickle's instructions without building anything and refuse what the book's files never
    hold: more than MAX_PICKLE_OPS instructions, containers nested deeper than MAX_PICKLE_DEPTH,
    dictionary keys that are not strings, references to outside objects. (A key nested 200,000 deep
    crashed Python when the dict hashed it; a small key of shared tuples took hours to hash.)"""
    mark = object()
    stack, memo = [], {}

    def pop_to_mark():
        items = []
        while stack and stack[-1] is not mark:
            items.append(stack.pop())
        if not stack:
            raise ValueError("unbalanced pickle")
        stack.pop()
        return items[::-1]

    def push(depth, kind="other"):
        if depth > MAX_PICKLE_DEPTH:
            raise ValueError(f"containers nested deeper than {MAX_PICKLE_DEPTH}")
        stack.append((depth, kind))

    def deepest(items):
        return max((d for d, _ in items), default=0)

    def into_top(items):  # items added to the container on top of the stack
        depth, kind = stack[-1]
        stack[-1] = (depth, kind)
        push(max(depth, deepest(items) + 1), kind)
        del stack[-2]

    def string_keys(pairs):
        if any(kind != "str" for _, kind in pairs[0::2]):
            raise ValueError("a dictionary key is not a string")

    for count, (op, arg, _pos) in enumerate(pickletools.genops(data)):
        if count >= MAX_PICKLE_OPS:
            raise ValueError(f"more than {MAX_PICKLE_OPS:,} instructions")
        name = op.name
        if name == "MARK":
            stack.append(mark)
        elif name in ("PROTO", "FRAME", "STOP"):
            pass
        elif name in _STRINGS:
            push(0, "str")
        elif name in _LEAVES:
            push(0)
        elif name == "STACK_GLOBAL":
            stack.pop(), stack.pop()
            push(0)
        elif name in ("EMPTY_TUPLE", "EMPTY_LIST", "EMPTY_DICT", "EMPTY_SET"):
            push(1)
        elif name in ("TUPLE1", "TUPLE2", "TUPLE3"):
            items = [stack.pop() for _ in range(int(name[-1]))]
            push(deepest(items) + 1)
        elif name in ("TUPLE", "LIST", "DICT", "FROZENSET"):
            items = pop_to_mark()
            if name == "DICT":
                string_keys(items)
            push(deepest(items) + 1)
        elif name == "APPEND":
            into_top([stack.pop()])
        elif name in ("APPENDS", "ADDITEMS"):
            into_top(pop_to_mark())
        elif name == "SETITEM":
            value, key = stack.pop(), stack.pop()
            string_keys([key, value])
            into_top([key, value])
        elif name == "SETITEMS":
            items = pop_to_mark()
            string_keys(items)
            into_top(items)
        elif name in ("REDUCE", "NEWOBJ"):
            args, _callable = stack.pop(), stack.pop()
            push(args[0] if args is not mark else 0)
        elif name == "BUILD":
            into_top([stack.pop()])
        elif name in ("PUT", "BINPUT", "LONG_BINPUT"):
            memo[arg] = stack[-1]
        elif name == "MEMOIZE":
            memo[len(memo)] = stack[-1]
        elif name in ("GET", "BINGET", "LONG_BINGET"):
            stack.append(memo[arg])
        elif name == "POP":
            stack.pop()
        elif name == "POP_MARK":
            pop_to_mark()
        elif name == "DUP":
            stack.append(stack[-1])
        else:  # persistent ids, extension codes, INST/OBJ, out-of-band buffers: never in the book's files
            raise ValueError(f"the instruction {name} is not allowed")


class _ArrayOnlyUnpickler(pickle.Unpickler):
    def find_class(self, module, name):
        if (module, name) in _ALLOWED_GLOBALS:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(
            f"refusing to load {module}.{name}: only NumPy arrays and plain containers are allowed"
        )


def load_pickle_params(path: str | Path) -> dict[str, np.ndarray]:
    """Read the book's ``params.pkl`` safely: arrays and plain containers only."""
    name = os.path.basename(path)
    try:
        if os.path.getsize(path) > MAX_PICKLE_BYTES:
            raise WeightsFileError(f"{name}: larger than {MAX_PICKLE_BYTES // 2**20} MB, not a network's weights")
        with open(path, "rb") as f:
            data = f.read()
        check_pickle_shape(data)
        obj = _ArrayOnlyUnpickler(io.BytesIO(data)).load()
    except WeightsFileError:
        raise
    except pickle.UnpicklingError as e:
        raise WeightsFileError(f"{name}: {e}") from None
    except (EOFError, ValueError, TypeError, AttributeError, IndexError, KeyError, MemoryError, RecursionError,
            OverflowError, RuntimeError, NotImplementedError, OSError) as e:
        raise WeightsFileError(f"{name}: not a readable weights pickle ({e})") from None
    if not isinstance(obj, dict) or not all(isinstance(v, np.ndarray) for v in obj.values()):
        raise WeightsFileError(f"{os.path.basename(path)}: expected a dict of NumPy arrays")
    return {str(k): v for k, v in obj.items()}


def load_params_file(path: str | Path) -> dict[str, np.ndarray]:
    """Read parameters from ``.npz`` (or the book's ``.pkl``) into a dict of arrays."""
    path = os.fspath(path)
    name = os.path.basename(path)
    check_readable_file(path, WeightsFileError)  # a pipe would hang the reader; a folder is "not a zip archive"
    if path.lower().endswith((".pkl", ".pickle")):
        return load_pickle_params(path)
    if not zipfile.is_zipfile(path):
        raise WeightsFileError(f"{name}: not a valid .npz file (it is not a zip archive)")
    try:
        check_npz_headers(path)
        with np.load(path, allow_pickle=False) as data:
            return {k: data[k] for k in data.files}
    except WeightsFileError as e:
        raise WeightsFileError(f"{name}: {e}") from None
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error, NotImplementedError, RuntimeError) as e:
        raise WeightsFileError(f"{name}: not a valid .npz file ({e})") from None
    except ValueError as e:
        raise WeightsFileError(f"{name}: contains objects that are not plain arrays ({e})") from None
    except MemoryError:
        raise WeightsFileError(f"{name}: too large to read") from None


MAX_NPZ_MEMBERS = 64  # SimpleConvNet has 6 arrays, DeepConvNet 16
MAX_NPZ_BYTES = 512 * 2**20  # what all the arrays may take once read


def check_npz_headers(path: str | Path) -> None:
    """Look at an .npz's table of contents and each array's .npy header before reading any data:
    at most MAX_NPZ_MEMBERS members, each a .npy of a plain numeric type, together at most
    MAX_NPZ_BYTES once read (a 4.7 MB file can claim 3 GiB; a header can claim 12 GiB)."""
    with zipfile.ZipFile(path) as archive:
        members = archive.infolist()
        if len(members) > MAX_NPZ_MEMBERS:
            raise WeightsFileError(f"{len(members):,} members, more than a network's {MAX_NPZ_MEMBERS}")
        total = 0
        for member in members:
            if not member.filename.endswith(".npy"):
                raise WeightsFileError(f"{member.filename!r} is not an array (.npy)")
            if member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise WeightsFileError(f"{member.filename}: an unusual compression (only stored or deflated)")
            with archive.open(member) as f:
                version = np.lib.format.read_magic(f)
                read_header = {(1, 0): np.lib.format.read_array_header_1_0,
                               (2, 0): np.lib.format.read_array_header_2_0}.get(version)
                if read_header is None:
                    raise WeightsFileError(f"{member.filename}: .npy version {version} is not supported")
                shape, _fortran, dtype = read_header(f)
            if dtype.kind not in "fiub" or dtype.hasobject:
                raise WeightsFileError(f"{member.filename}: {dtype} is not a plain numeric type")
            total += int(np.prod(shape, dtype=object)) * dtype.itemsize
            if total > MAX_NPZ_BYTES:
                raise WeightsFileError(f"the arrays would take more than {MAX_NPZ_BYTES // 2**20} MB")


def assign_params(params: dict[str, np.ndarray], loaded: dict[str, np.ndarray], source: str = "weights") -> None:
    """Copy ``loaded`` into the existing ``params`` arrays in place (layers keep sharing them).

    Every key and shape is checked first, so on any mismatch nothing is changed.
    """
    missing = [k for k in params if k not in loaded]
    if missing:
        raise WeightsFileError(f"{source}: missing parameters {', '.join(missing)}")
    wrong = [
        f"{k}: file {tuple(loaded[k].shape)} vs network {tuple(params[k].shape)}"
        for k in params
        if tuple(loaded[k].shape) != tuple(params[k].shape)
    ]
    if wrong:
        raise WeightsFileError(f"{source}: shapes do not match the network ({'; '.join(wrong)})")
    kinds = [f"{k}: {np.asarray(loaded[k]).dtype}" for k in params
             if np.asarray(loaded[k]).dtype.kind not in "fiub"]  # complex, dates, strings, objects
    if kinds:
        raise WeightsFileError(f"{source}: parameters are not real numbers ({'; '.join(kinds)})")
    # Converted to the network's own type first: 1e300 is finite in float64 but infinite in float32.
    converted = {}
    for k in params:
        with np.errstate(over="ignore", invalid="ignore"):
            converted[k] = np.asarray(loaded[k]).astype(params[k].dtype)
    bad = [k for k in params if not np.all(np.isfinite(converted[k]))]
    if bad:
        raise WeightsFileError(f"{source}: parameters {', '.join(bad)} contain NaN or infinity "
                               f"(or values too large for {params[bad[0]].dtype})")
    for k in params:
        params[k][...] = converted[k]

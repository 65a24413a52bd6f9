"""Saving and loading parameter dicts: ``.npz`` (no pickle) and the book's ``params.pkl``.

Files are written atomically (a temporary file in the same folder, then ``os.replace``),
so a crash mid-write never leaves a half-written file where a good one was.
"""

import io
import os
import pickle
import tempfile
import zipfile

import numpy as np


class WeightsFileError(ValueError):
    """A weights file that cannot be read; the message names the file and the problem."""


def _umask():
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write_bytes(path, data):
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
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; give the usual permissions
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def save_npz(path, arrays):
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
}


class _ArrayOnlyUnpickler(pickle.Unpickler):
    def find_class(self, module, name):
        if (module, name) in _ALLOWED_GLOBALS:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(
            f"refusing to load {module}.{name}: only NumPy arrays and plain containers are allowed"
        )


def load_pickle_params(path):
    """Read the book's ``params.pkl`` safely: arrays and plain containers only."""
    try:
        with open(path, "rb") as f:
            obj = _ArrayOnlyUnpickler(f).load()
    except pickle.UnpicklingError as e:
        raise WeightsFileError(f"{os.path.basename(path)}: {e}") from None
    except (EOFError, ValueError, TypeError, AttributeError, IndexError, KeyError) as e:
        raise WeightsFileError(f"{os.path.basename(path)}: not a readable pickle ({e})") from None
    if not isinstance(obj, dict) or not all(isinstance(v, np.ndarray) for v in obj.values()):
        raise WeightsFileError(f"{os.path.basename(path)}: expected a dict of NumPy arrays")
    return {str(k): v for k, v in obj.items()}


def load_params_file(path):
    """Read parameters from ``.npz`` (or the book's ``.pkl``) into a dict of arrays."""
    path = os.fspath(path)
    name = os.path.basename(path)
    if not os.path.exists(path):
        raise WeightsFileError(f"{name}: no such file")
    if path.lower().endswith((".pkl", ".pickle")):
        return load_pickle_params(path)
    if not zipfile.is_zipfile(path):
        raise WeightsFileError(f"{name}: not a valid .npz file (it is not a zip archive)")
    try:
        with np.load(path, allow_pickle=False) as data:
            return {k: data[k] for k in data.files}
    except (zipfile.BadZipFile, OSError, EOFError) as e:
        raise WeightsFileError(f"{name}: not a valid .npz file ({e})") from None
    except ValueError as e:
        raise WeightsFileError(f"{name}: contains objects that are not plain arrays ({e})") from None


def assign_params(params, loaded, source="weights"):
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

"""Whether a path the user gave can be read as a file, checked before opening it.

Opening a named pipe (FIFO) waits until some other program writes into it — the app would hang —
and the errors a reader raises name the wrong cause: a folder is "not a zip archive", a symbolic
link that leads back to itself is "no such file". ``file_problem`` says what is really there.
"""

import errno
import os
import stat
from pathlib import Path

MISSING, DANGLING, LOOP, FOLDER, SPECIAL, UNREADABLE = "missing", "dangling", "loop", "folder", "special", "unreadable"

REASONS = {
    MISSING: "no such file",
    DANGLING: "a symbolic link to a file that does not exist",
    LOOP: "a symbolic link that leads back to itself",
    FOLDER: "a folder, not a file",
    SPECIAL: "not a regular file (a pipe, socket or device)",
    UNREADABLE: "cannot be read (permission denied)",
}


def file_problem(path: str | Path) -> str | None:
    """None when ``path`` is a regular file this process may read, else a key of REASONS."""
    try:
        mode = os.stat(path).st_mode  # follows symbolic links
    except OSError as e:
        if e.errno == errno.ELOOP:
            return LOOP
        if e.errno in (errno.EACCES, errno.EPERM):
            return UNREADABLE
        return DANGLING if os.path.lexists(path) else MISSING
    if stat.S_ISDIR(mode):
        return FOLDER
    if not stat.S_ISREG(mode):
        return SPECIAL
    if not os.access(path, os.R_OK):
        return UNREADABLE
    return None


def check_readable_file(path: str | Path, error: type[Exception] = OSError) -> None:
    """Raise ``error("NAME: reason")`` unless ``path`` is a regular file this process may read."""
    problem = file_problem(path)
    if problem is not None:
        raise error(f"{os.path.basename(os.fspath(path))}: {REASONS[problem]}")

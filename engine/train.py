"""Train SimpleConvNet or DeepConvNet on MNIST: ``python -m engine.train`` (or ``dlfs-train``).

Defaults are the book's: for SimpleConvNet (ch. 7 train_convnet.py) 30 filters 5x5, hidden 100,
weight_init_std 0.01; for DeepConvNet (``--net deep``, ch. 8 train_deepnet.py) the six 3x3
convolutions, hidden 50, He initialisation; both Adam lr 0.001, batch 100, 20 epochs. Ctrl-C
stops cleanly and keeps the weights of the last completed epoch. Writes ``OUT.npz`` (weights)
and ``OUT.json`` (how they were made).
"""

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from . import __version__
from .deep_convnet import DeepConvNet
from .events import TrainStep
from .files import REASONS, SPECIAL, file_problem
from .image_network import ImageNetwork
from .mnist import DatasetError, DownloadError, data_hash, find_data_dir, load_mnist
from .optimizer import make_optimizer
from .parallel import DataParallel
from .simple_convnet import SimpleConvNet
from .trainer import iterate_training
from .weights import atomic_write_bytes


def _number(kind, low, high=None, low_open=False, name="value"):
    """An argparse type: ``kind`` (int or float), finite, at least ``low`` (above it when
    ``low_open``), at most ``high``."""
    def parse(text):
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a{'n integer' if kind is int else ' number'}") from None
        if kind is float and not np.isfinite(value):
            raise argparse.ArgumentTypeError(f"{text} is not a finite number")
        if value < low or (low_open and value == low) or (high is not None and value > high):
            bound = f"above {low}" if low_open else f"at least {low}"
            raise argparse.ArgumentTypeError(f"{text}: must be {bound}" + (f" and at most {high}" if high else ""))
        return value
    parse.__name__ = kind.__name__  # argparse names the type in its messages
    return parse


def _threads(text):
    if text == "auto":
        return text
    return str(_number(int, 1, 256)(text))


def _npz_path(text):
    if not text.lower().endswith(".npz"):
        raise argparse.ArgumentTypeError(f"{text}: weights are written as .npz (their .json goes beside them)")
    return text


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="dlfs-train",
                                description="Train the book's SimpleConvNet or DeepConvNet on MNIST.")
    p.add_argument("--net", choices=("simple", "deep"), default="simple",
                   help="simple: ch. 7 SimpleConvNet; deep: ch. 8 DeepConvNet")
    p.add_argument("--epochs", type=_number(int, 1, 10_000), default=20)
    p.add_argument("--optimizer", default="adam", type=str.lower,
                   choices=("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam"))
    p.add_argument("--lr", type=_number(float, 0, 100, low_open=True), default=0.001)
    p.add_argument("--lr-decay", type=_number(float, 0, 10, low_open=True), default=1.0,
                   help="multiply the learning rate by this after every epoch (1 = constant, as the book)")
    p.add_argument("--augment-shift", type=_number(int, 0, 8), default=0,
                   help="shift each training image by up to N pixels at random (0 = off, as the book)")
    p.add_argument("--batch-size", type=_number(int, 1, 60_000), default=100)
    p.add_argument("--hidden", type=_number(int, 1, 100_000), default=None,
                   help="hidden units (book: 100 simple, 50 deep)")
    p.add_argument("--filters", type=_number(int, 1, 1024), default=30, help="SimpleConvNet's filters")
    p.add_argument("--weight-init-std", type=_number(float, 0, 100, low_open=True), default=0.01,
                   help="SimpleConvNet's initial weight std (DeepConvNet uses He's)")
    p.add_argument("--seed", type=_number(int, 0), default=0)
    p.add_argument("--subset", type=_number(int, 1), default=None, help="train on the first N training images only")
    p.add_argument("--data", default=None, help="folder with the four MNIST IDX files (else cache/download)")
    p.add_argument("--out", type=_npz_path, default="simple_convnet.npz",
                   help="where to write the weights (.npz; OUT.json beside it says how they were made)")
    p.add_argument("--init-out", type=_npz_path, default=None, help="also save the initial (untrained) weights here")
    p.add_argument("--force", action="store_true",
                   help="overwrite OUT even when its recorded test accuracy is higher than the new one")
    p.add_argument("--threads", type=_threads, default="1",
                   help="threads per step: a number, or 'auto' (all usable cores when that is faster, measured "
                        "as it trains); 1, the default, gives the same weights bit for bit on every machine")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    return p


def _fmt_time(seconds):
    seconds = int(seconds)
    return f"{seconds // 60:d}:{seconds % 60:02d}"


class ProgressBar:
    """A one-line text progress bar with ETA, on stderr."""

    def __init__(self, total, stream=sys.stderr, width=30):
        self.total, self.stream, self.width = total, stream, width
        self.start = time.perf_counter()
        self.last = 0.0

    def update(self, done: float, text: str = "") -> None:
        now = time.perf_counter()
        if now - self.last < 0.2 and done < self.total:
            return
        self.last = now
        frac = done / self.total
        elapsed = now - self.start
        eta = elapsed / frac - elapsed if frac > 0 else 0
        bar = "#" * int(frac * self.width)
        clock = f"{_fmt_time(elapsed)} ETA {_fmt_time(eta)}"
        self.stream.write(f"\r[{bar:<{self.width}}] {100 * frac:5.1f}% {clock} {text}")
        self.stream.flush()

    def line(self, text: str) -> None:
        self.stream.write("\r" + " " * (self.width + 60) + "\r" + text + "\n")
        self.stream.flush()


def to_float(x: np.ndarray) -> np.ndarray:
    """uint8 images -> float32 in [0, 1], exactly as load_mnist(normalize=True) makes them."""
    return x.astype(np.float32) / 255.0


def build_network(args: argparse.Namespace) -> tuple[ImageNetwork, dict]:
    """The network ``args`` asks for, and the hyperparameters that describe it."""
    if args.net == "deep":
        hidden = args.hidden or 50
        return DeepConvNet(hidden_size=hidden, seed=args.seed), {"hidden_size": hidden, "init": "he"}
    hidden = args.hidden or 100
    net = SimpleConvNet(
        input_dim=(1, 28, 28),
        conv_param={"filter_num": args.filters, "filter_size": 5, "pad": 0, "stride": 1},
        hidden_size=hidden, output_size=10, weight_init_std=args.weight_init_std, seed=args.seed,
    )
    return net, {"filter_num": args.filters, "filter_size": 5, "hidden_size": hidden,
                 "weight_init_std": args.weight_init_std}


def check_writable(path: str | Path) -> None:
    """Refuse, before hours of training, an output that cannot be written: a folder, a file in a
    folder that cannot be created or written to."""
    path = Path(path)
    if path.is_dir():
        raise ValueError(f"{path} is a folder; give a file name ending in .npz")
    if file_problem(path) == SPECIAL:
        raise ValueError(f"{path} is {REASONS[SPECIAL]}; give a file name ending in .npz")
    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise ValueError(f"cannot create the folder {folder} ({e.strerror})") from None
    probe = folder / f".dlfs-write-test-{time.time_ns()}"
    try:
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as e:
        raise ValueError(f"cannot write in {folder} ({e.strerror})") from None


def recorded_accuracy(out: str | Path) -> float | None:
    """The test accuracy recorded beside existing weights at ``out`` (OUT.json), or None."""
    record = Path(out).with_suffix(".json")
    if file_problem(record) is not None:  # none, or a pipe that would hang the read
        return None
    try:
        return float(json.loads(record.read_text())["test_accuracy"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def train(args: argparse.Namespace, log: Callable[[str], None] = print) -> dict:
    """Run the training described by ``args``; returns the metadata dict written beside the weights."""
    for path in filter(None, (args.out, args.init_out)):
        check_writable(path)
    def download_progress(name, done, total):
        if not args.quiet and total:
            sys.stderr.write(f"\rdownloading {name}: {100 * done / total:5.1f}%")

    # Kept as uint8 and turned into floats batch by batch: 60,000 float images would be 188 MB.
    (x_train, t_train), (x_test, t_test) = load_mnist(flatten=False, normalize=False, data_dir=args.data,
                                                      progress=download_progress)
    folder = find_data_dir(args.data)  # where the data was found (or downloaded to), for its hash
    if args.subset:
        x_train, t_train = x_train[: args.subset], t_train[: args.subset]
    if len(x_test) == 0 or len(x_train) == 0:
        raise DatasetError("the training or test set is empty")
    net, hyper = build_network(args)
    if args.init_out:
        net.save_params(args.init_out)
    optimizer = make_optimizer(args.optimizer, lr=args.lr)
    stepper = net
    if args.threads != "1":
        from threadpoolctl import threadpool_limits  # only with --threads

        threadpool_limits(1, user_api="blas")  # each thread one BLAS thread, or they fight for the cores
        stepper = DataParallel(net, threads=args.threads if args.threads == "auto" else int(args.threads),
                               seed=args.seed)
    best = {k: v.copy() for k, v in net.params.items()}
    epochs_done, history = 0, []
    bar = None if args.quiet else ProgressBar(args.epochs * max(len(x_train) // args.batch_size, 1))
    start = time.perf_counter()
    interrupted = False
    try:
        for event in iterate_training(stepper, x_train, t_train, x_test, t_test, epochs=args.epochs,
                                      mini_batch_size=args.batch_size, optimizer=optimizer, seed=args.seed,
                                      evaluate_sample_num_per_epoch=10000, augment_shift=args.augment_shift,
                                      transform=to_float):
            if isinstance(event, TrainStep):
                if bar:
                    bar.update(event.iteration, f"epoch {event.epoch} loss {event.loss:.4f}")
                continue
            epochs_done = event.epoch
            best = {k: v.copy() for k, v in net.params.items()}
            history.append({"epoch": event.epoch, "train_acc": event.train_acc, "test_acc": event.test_acc,
                            "seconds": event.seconds})
            msg = (f"epoch {epochs_done}/{args.epochs}: train acc {event.train_acc:.4f} "
                   f"test acc {event.test_acc:.4f} ({_fmt_time(event.seconds)})")
            bar.line(msg) if bar else log(msg)
            optimizer.lr *= args.lr_decay
    except KeyboardInterrupt:
        interrupted = True
        log(f"\ninterrupted: keeping the weights of epoch {epochs_done}")
    finally:
        if stepper is not net:
            stepper.close()
    seconds = time.perf_counter() - start
    if epochs_done == 0:
        raise ValueError("stopped before the first epoch finished: nothing written")
    for k in net.params:
        net.params[k][...] = best[k]
    test_acc = net.accuracy(to_float(x_test), t_test)
    out = Path(args.out)
    previous = recorded_accuracy(out) if out.exists() else None
    if previous is not None and previous > test_acc and not args.force:
        kept = out
        out = out.with_name(out.stem + "-new.npz")
        log(f"{kept} holds weights with a higher recorded test accuracy ({previous:.4f} > {test_acc:.4f}): "
            f"kept; the new ones go to {out} (--force overwrites)")
    net.save_params(out)
    meta = {
        "network": type(net).__name__,
        "hyperparameters": {
            **hyper, "optimizer": args.optimizer, "lr": args.lr, "threads": args.threads,
            "lr_decay": args.lr_decay, "batch_size": args.batch_size, "augment_shift": args.augment_shift,
        },
        "seed": args.seed,
        "epochs": epochs_done,
        "epochs_requested": args.epochs,
        "interrupted": interrupted,
        "train_size": int(len(x_train)),
        "test_accuracy": test_acc,
        "training_seconds": round(seconds, 1),
        "engine_version": __version__,
        "data_sha256": data_hash(folder) if folder else None,
        "history": history,
        "command": "python -m engine.train " + " ".join(sys.argv[1:]),
    }
    atomic_write_bytes(out.with_suffix(".json"), json.dumps(meta, indent=2).encode())
    log(f"test accuracy {test_acc:.4f} on {len(x_test)} images; weights written to {out}")
    return meta


def main(argv=None):
    args = build_parser().parse_args(argv)
    try:
        train(args)
    except (DatasetError, DownloadError, FloatingPointError, ValueError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())

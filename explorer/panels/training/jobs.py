"""The Training Studio's background jobs, generators run by a GeneratorWorker: load MNIST once, then
train SimpleConvNet or race the optimizers, yielding small copies as they go (``.events``)."""


import numpy as np

from engine.events import RaceStep, TrainStep
from engine.experiments import (
    COMPARED_INITS,
    iterate_batchnorm,
    iterate_hyperparameter_search,
    iterate_init_compare,
    iterate_overfitting,
)
from engine.features import channel_maxima, layer_agreement
from engine.landscape import BOOK_RATES, bilinear, iterate_paths, iterate_slice, path_losses
from engine.mnist import load_idx_dataset
from engine.optimizer import make_optimizer
from engine.parallel import DataParallel
from engine.pretrained import NETWORKS
from engine.race import OptimizerRace, iterate_race
from engine.trainer import chunked_accuracy, iterate_training

from ...workers import Throttle
from .events import (
    Epoch,
    Evaluating,
    EvaluatingAll,
    Final,
    Loading,
    RaceStarted,
    RaceSteps,
    SliceStarted,
    Started,
    Steps,
)

EPOCH_TRAIN_SAMPLE = 10_000  # training images measured after every epoch (the command does the same)
AGREEMENT_IMAGES = 1000  # test images scanned after every epoch for the abstraction curve (DeepConvNet: ~2 s)
REPORT_EVERY = 0.1  # seconds between reports of the running loss: the GUI redraws at ~10 Hz anyway
FILTERS_EVERY = 0.5  # seconds between copies of the filters


def images(x):
    """uint8 (N, 28, 28) -> float32 (N, 1, 28, 28) in [0, 1], batch by batch (60,000 floats would be 188 MB)."""
    return (x.astype(np.float32) / 255.0)[:, None]


def flat_images(x):
    """uint8 (N, 28, 28) -> float32 (N, 784) in [0, 1]."""
    return x.reshape(len(x), -1).astype(np.float32) / 255.0


def ensure_data(data, folder):
    """The cached ((x_train, t_train), (x_test, t_test)) as uint8 images, loading it if needed
    (``data = yield from ensure_data(...)``: yields Loading first)."""
    if data is None:
        yield Loading()
        data = load_idx_dataset(folder)
    return data


def train_convnet(should_stop, data, folder, optimizer, lr, epochs, train_images, seed, network="simple",
                  threads="auto"):
    """Train a fresh SimpleConvNet (``network="simple"``) or DeepConvNet (``"deep"``) with ``threads``
    threads per step ("auto": two when that is faster, measured as it goes); returns
    {"net", "data", "finished"} (also when stopped early)."""
    data = yield from ensure_data(data, folder)
    (x_train, t_train), (x_test, t_test) = data
    n = min(train_images, len(x_train))
    net = NETWORKS[network](seed=seed)
    yield Started(net.params["W1"][:, 0].copy(), n, len(x_test))
    losses, finished, last_step = [], False, None
    report_due, filters_due = Throttle(REPORT_EVERY), Throttle(FILTERS_EVERY, start_due=False)
    stepper = DataParallel(net, threads=threads, seed=seed)
    try:
        for e in iterate_training(stepper, x_train[:n], t_train[:n], x_test, t_test, epochs=epochs, mini_batch_size=100,
                                  optimizer=make_optimizer(optimizer, lr=lr), seed=seed, should_stop=should_stop,
                                  evaluate_sample_num_per_epoch=EPOCH_TRAIN_SAMPLE, transform=images):
            if isinstance(e, TrainStep):
                losses.append(e.loss)
                last_step = e
                epoch_done = e.iteration % (e.iterations // epochs) == 0  # accuracy is measured next
                if not report_due.due(force=epoch_done):
                    continue
                filters = net.params["W1"][:, 0].copy() if filters_due.due() else None
                yield Steps(e, np.array(losses), filters)
                losses = []
                if epoch_done:
                    yield Evaluating(e.epoch)
            else:
                yield Epoch(e, net.params["W1"][:, 0].copy(),
                            agreement(net, x_test[:AGREEMENT_IMAGES], t_test[:AGREEMENT_IMAGES], should_stop))
                finished = e.epoch == epochs
    finally:  # also when training fails (a diverging loss): no idle threads left behind
        stepper.close()
    if losses:  # stopped between two reports
        yield Steps(last_step, np.array(losses), net.params["W1"][:, 0].copy())
    if finished and n > EPOCH_TRAIN_SAMPLE:  # every training image once, at the end
        yield EvaluatingAll(n)
        full = chunked_accuracy(net, x_train[:n], t_train[:n], images, should_stop)
        if full is not None:
            yield Final(full, n)
    return {"net": net, "data": data, "finished": finished}


def agreement(net, x, t, should_stop):
    """{conv layer: label agreement of its channels' top 9} over x (uint8 images), or None if stopped."""
    maxima = channel_maxima(net, x, transform=images, should_stop=should_stop)
    return None if maxima is None else layer_agreement(maxima, t)


def reported(walk):
    """Pass on an engine generator's events with its RaceSteps gathered: the losses since the last report
    go out together at most every REPORT_EVERY seconds, and with the last step (other events, e.g. the
    race's Diverged and RaceEval, pass as they are). Returns (the generator's result, its last RaceStep)
    — ``result, last = yield from reported(walk)``."""
    losses, last_step, report_due = [], None, Throttle(REPORT_EVERY)
    while True:
        try:
            e = next(walk)
        except StopIteration as end:
            result = end.value
            break
        if isinstance(e, RaceStep):
            losses.append(e.losses)
            last_step = e
            if not report_due.due(force=e.iteration == e.iterations):
                continue
            e = RaceSteps(e, np.array(losses))  # (steps since the last report, K)
            losses = []
        yield e
    if losses:
        yield RaceSteps(last_step, np.array(losses))
    return result, last_step


def race_optimizers(should_stop, data, folder, learning_rates, iterations, seed):
    """The book's optimizer comparison on MNIST; returns {"race", "data"}."""
    data = yield from ensure_data(data, folder)
    (x_train, t_train), (x_test, t_test) = data
    race = OptimizerRace({key: make_optimizer(key, lr=lr) for key, lr in learning_rates.items()},
                         784, [100] * 4, 10, seed=seed)
    yield RaceStarted(list(race.names))
    yield from reported(iterate_race(race, x_train, t_train, x_test, t_test, iterations=iterations, batch_size=128,
                                     eval_every=100, eval_samples=1000, seed=seed, should_stop=should_stop,
                                     transform=flat_images))
    return {"race": race, "data": data}


def overfit(should_stop, data, folder, train_size, weight_decay, dropout, epochs, test_images, seed):
    """The book's overfitting experiment (chapter 6.4) on the first ``train_size`` training images, with
    weight decay λ and dropout; yields every epoch's OverfitEpoch; returns {"data", "finished"}."""
    data = yield from ensure_data(data, folder)
    (x_train, t_train), (x_test, t_test) = data
    last = None
    for last in iterate_overfitting(x_train, t_train, x_test[:test_images], t_test[:test_images],
                                    train_size=train_size, weight_decay_lambda=weight_decay, dropout_ratio=dropout,
                                    epochs=epochs, seed=seed, transform=flat_images, should_stop=should_stop):
        yield last
    return {"data": data, "finished": last is not None and last.epoch == last.epochs}


def compare_inits(should_stop, data, folder, iterations, seed):
    """The book's weight_init_compare.py on MNIST: std 0.01, Xavier and He side by side; yields
    RaceStarted (the three names) and RaceSteps as the race does; returns {"data", "finished"}."""
    data = yield from ensure_data(data, folder)
    (x_train, t_train), _ = data
    yield RaceStarted(list(COMPARED_INITS))
    _, last_step = yield from reported(iterate_init_compare(x_train, t_train, iterations=iterations, seed=seed,
                                                            transform=flat_images, should_stop=should_stop))
    return {"data": data, "finished": last_step is not None and last_step.iteration == iterations}


def batchnorm(should_stop, data, folder, train_size, epochs, scales, seed):
    """The book's batch_norm_test.py: with and without batch normalisation at ``scales`` initial weight
    scales (1 down to 1e-4); yields BatchNormEpoch; returns {"data", "finished"}."""
    data = yield from ensure_data(data, folder)
    (x_train, t_train), _ = data
    weight_scales = tuple(float(w) for w in np.logspace(0, -4, num=scales))
    last = None
    for last in iterate_batchnorm(x_train, t_train, weight_scales=weight_scales, train_size=train_size,
                                  epochs=epochs, seed=seed, transform=flat_images, should_stop=should_stop):
        yield last
    done = last is not None and last.run == last.runs - 1 and last.epoch == last.epochs
    return {"data": data, "finished": done}


def search_hyperparameters(should_stop, data, folder, trials, epochs, seed):
    """The book's hyperparameter_optimization.py: random learning rates and weight decays on a validation
    split of 500 training images; yields every Trial; returns {"data", "finished"}."""
    data = yield from ensure_data(data, folder)
    (x_train, t_train), _ = data
    last = None
    for last in iterate_hyperparameter_search(x_train, t_train, trials=trials, epochs=epochs, seed=seed,
                                              transform=flat_images, should_stop=should_stop):
        yield last
    return {"data": data, "finished": last is not None and last.index == trials - 1}


# The book's optimizer comparison on the chapter 7 network: its four optimizers at their default rates.
LANDSCAPE_LR = BOOK_RATES


def landscape_images(x_train, t_train, count, seed):
    """The slice's fixed images: ``count`` training images drawn with ``seed`` (the loss the
    optimizers lower, measured on a few hundred of them)."""
    idx = np.random.default_rng(seed).choice(len(x_train), min(count, len(x_train)), replace=False)
    return images(x_train[idx]), t_train[idx]


def loss_landscape(should_stop, data, folder, iterations, image_count, kind, centre, resolution, seed,
                   paths=None):
    """The optimizers' paths on SimpleConvNet (trained here unless ``paths`` from an earlier run with the
    same settings is given) and the loss on a ``resolution``² slice with directions ``kind`` through the
    end of optimizer ``centre``'s path; yields RaceStarted/RaceSteps while training, SliceStarted and the
    slice's rows; returns {"data", "paths", "slice", "heights", "picture", "finished"} ("slice" None when
    stopped)."""
    data = yield from ensure_data(data, folder)
    (x_train, t_train), _ = data
    if paths is None:
        optimizers = {key: make_optimizer(key, lr=lr) for key, lr in LANDSCAPE_LR.items()}
        yield RaceStarted(list(optimizers))
        paths, _ = yield from reported(iterate_paths(x_train, t_train, optimizers, iterations=iterations, seed=seed,
                                                     transform=images, should_stop=should_stop))
        if paths.iterations[-1] < iterations:
            return {"data": data, "paths": None, "slice": None, "heights": None, "finished": False}
    x, t = landscape_images(x_train, t_train, image_count, seed)
    yield SliceStarted(kind, resolution)
    heights = path_losses(paths, x, t)
    found = yield from iterate_slice(paths, x, t, kind=kind, centre=centre, resolution=resolution, seed=seed,
                                     should_stop=should_stop)
    picture = slice_picture(found) if found is not None else None
    return {"data": data, "paths": paths, "slice": found, "heights": heights, "picture": picture,
            "finished": found is not None}


DRAWN = 121  # the computed grid is drawn interpolated on DRAWN x DRAWN points (the contours come out smooth)
CONTOURS = 12


def slice_picture(found, drawn=DRAWN, contours=CONTOURS):
    """What the page draws, computed here, off the window's thread (contours take ~20 ms a level): the
    slice interpolated on a ``drawn``² grid ``fine`` (rows β), its α and β, and ``lines``: for each of
    ``contours`` levels spaced geometrically between the lowest and highest loss, the contour as x and y
    arrays in (α, β) with NaN between pieces."""
    from ...plotting import pg

    a, b = found.alphas, found.betas
    fa, fb = np.linspace(a[0], a[-1], drawn), np.linspace(b[0], b[-1], drawn)
    fine = bilinear(a, b, found.losses, fa[None, :], fb[:, None])
    lines = []
    for level in np.geomspace(float(fine.min()), float(fine.max()), contours + 2)[1:-1]:
        xs, ys = [], []
        for piece in pg.functions.isocurve(fine.T, level, connected=True):
            pts = np.asarray(piece, dtype=float) - 0.5  # (α index, β index); pyqtgraph counts from pixel centres
            xs += list(np.interp(pts[:, 0], np.arange(drawn), fa)) + [np.nan]
            ys += list(np.interp(pts[:, 1], np.arange(drawn), fb)) + [np.nan]
        lines.append((float(level), np.array(xs), np.array(ys)))
    return {"fine": fine, "alphas": fa, "betas": fb, "lines": lines}

"""The Training Studio's experiments written out as short Python scripts in the book's style, on the
engine's API, so a student can take an experiment out of the app: ``python experiment.py [MNIST folder]``.

Each function takes a page's ``settings()`` and returns the script's text, with ``@SCRIPT@`` where the
file's name goes. Pure string work (no Qt).
"""

from engine.landscape import BOOK_RATES

HEADER = '''"""{title}

Written by DLFS Explorer from the Training Studio's settings. Run it where the DLFS Explorer package is
installed (its ``engine`` is the book's code, in NumPy):

    python @SCRIPT@ [folder with the MNIST files]

Without a folder MNIST is found (or downloaded) as the app does.
"""

import sys

import numpy as np

from engine.mnist import load_mnist
'''

LOAD = '''
data_dir = sys.argv[1] if len(sys.argv) > 1 else None
(x_train, t_train), (x_test, t_test) = load_mnist(normalize=True, flatten={flatten}, data_dir=data_dir)
'''


def _header(title, imports, flatten):
    return HEADER.format(title=title) + "".join(f"{line}\n" for line in imports) + LOAD.format(flatten=flatten)


def convnet_script(s):
    """Train a Simple- or DeepConvNet with the Trainer, as ch07/train_convnet.py does."""
    cls = "DeepConvNet" if s["network"] == "deep" else "SimpleConvNet"
    module = "deep_convnet" if s["network"] == "deep" else "simple_convnet"
    return _header(f"Train the book's {cls} on MNIST (chapter {8 if cls == 'DeepConvNet' else 7}).",
                   [f"from engine.{module} import {cls}", "from engine.trainer import Trainer"], False) + f'''
train_images = {s["train_images"]}
network = {cls}(seed={s["seed"]})
trainer = Trainer(network, x_train[:train_images], t_train[:train_images], x_test, t_test,
                  epochs={s["epochs"]}, mini_batch_size=100, optimizer="{s["optimizer"]}",
                  optimizer_param={{"lr": {s["lr"]!r}}}, evaluate_sample_num_per_epoch=10000, seed={s["seed"]})
trainer.train()
print(f"test accuracy: {{network.accuracy(x_test, t_test):.4f}}")
network.save_params("params.npz")
print("saved params.npz")
'''


def race_script(s):
    """The optimizer race of ch06/optimizer_compare_mnist.py."""
    rates = ", ".join(f'"{key}": {lr!r}' for key, lr in s["learning_rates"].items())
    return _header("The book's optimizer comparison on MNIST (chapter 6, optimizer_compare_mnist.py).",
                   ["from engine.events import RaceEval", "from engine.optimizer import make_optimizer",
                    "from engine.race import OptimizerRace, iterate_race"], True) + f'''
learning_rates = {{{rates}}}
race = OptimizerRace({{key: make_optimizer(key, lr=lr) for key, lr in learning_rates.items()}}, 784, [100] * 4, 10,
                     seed={s["seed"]})
for event in iterate_race(race, x_train, t_train, x_test, t_test, iterations={s["iterations"]}, batch_size=128,
                          seed={s["seed"]}):
    if isinstance(event, RaceEval):
        print(f"iteration {{event.iteration}}: " + ", ".join(
            f"{{name}} {{acc:.3f}}" for name, acc in zip(race.names, event.test_acc)))
'''


def init_script(s):
    """ch06/weight_init_compare.py: std 0.01, Xavier and He training side by side."""
    return _header("Weight initialisation compared on MNIST (chapter 6.2, weight_init_compare.py).",
                   ["from engine.experiments import COMPARED_INITS, iterate_init_compare"], True) + f'''
losses = []
for step in iterate_init_compare(x_train, t_train, iterations={s["iterations"]}, seed={s["seed"]}):
    losses.append(step.losses)
    if step.iteration % 100 == 0 or step.iteration == step.iterations:
        print(f"iteration {{step.iteration}}: " + ", ".join(
            f"{{init}} {{loss:.4f}}" for init, loss in zip(COMPARED_INITS, step.losses)))
print("mean loss of the last 100 iterations:", dict(zip(COMPARED_INITS, np.mean(losses[-100:], axis=0).round(4))))
'''


def batchnorm_script(s):
    """ch06/batch_norm_test.py."""
    return _header("Batch normalisation against initial weight scales (chapter 6.3, batch_norm_test.py).",
                   ["from engine.experiments import iterate_batchnorm"], True) + f'''
weight_scales = tuple(float(w) for w in np.logspace(0, -4, num={s["scales"]}))
for epoch in iterate_batchnorm(x_train, t_train, weight_scales=weight_scales, train_size={s["train_size"]},
                               epochs={s["epochs"]}, seed={s["seed"]}):
    if epoch.epoch == epoch.epochs:
        print(f"W {{epoch.scale:.2g}}: with batch norm {{epoch.bn_acc:.3f}}, without {{epoch.plain_acc:.3f}}")
'''


def overfit_script(s):
    """ch06/overfit_weight_decay.py and overfit_dropout.py."""
    return _header("Overfitting, weight decay and dropout (chapter 6.4, overfit_weight_decay.py).",
                   ["from engine.experiments import iterate_overfitting"], True) + f'''
test_images = {s["test_images"]}
for epoch in iterate_overfitting(x_train, t_train, x_test[:test_images], t_test[:test_images],
                                 train_size={s["train_size"]}, weight_decay_lambda={s["weight_decay"]!r},
                                 dropout_ratio={s["dropout"]!r}, epochs={s["epochs"]}, seed={s["seed"]}):
    print(f"epoch {{epoch.epoch}}: train acc {{epoch.train_acc:.3f}}, test acc {{epoch.test_acc:.3f}}")
'''


def search_script(s):
    """ch06/hyperparameter_optimization.py."""
    return _header("Random search for the learning rate and weight decay (chapter 6.5, "
                   "hyperparameter_optimization.py).", ["from engine.experiments import iterate_hyperparameter_search"],
                   True) + f'''
trials = list(iterate_hyperparameter_search(x_train, t_train, trials={s["trials"]}, epochs={s["epochs"]},
                                            seed={s["seed"]}))
for rank, trial in enumerate(sorted(trials, key=lambda tr: -tr.val_acc[-1])[:5], start=1):
    print(f"best {{rank}}: validation acc {{trial.val_acc[-1]:.3f}} | lr {{trial.lr:.3e}}, "
          f"weight decay {{trial.weight_decay:.3e}}")
'''


def landscape_script(s):
    """The Loss landscape tab: the four optimizers' paths on SimpleConvNet and the loss on a slice."""
    rates = ", ".join(f'"{key}": {lr!r}' for key, lr in BOOK_RATES.items())
    return _header("SimpleConvNet's loss on a 2-D slice with the optimizers' paths (Li et al., 2018).",
                   ["from engine.landscape import bilinear, iterate_paths, iterate_slice, path_losses",
                    "from engine.optimizer import make_optimizer"], False) + f'''

def run(generator):
    """Run one of the engine's generators to its end; returns its result."""
    while True:
        try:
            next(generator)
        except StopIteration as end:
            return end.value


learning_rates = {{{rates}}}
optimizers = {{key: make_optimizer(key, lr=lr) for key, lr in learning_rates.items()}}
paths = run(iterate_paths(x_train, t_train, optimizers, iterations={s["iterations"]}, seed={s["seed"]}))
idx = np.random.default_rng({s["seed"]}).choice(len(x_train), {s["image_count"]}, replace=False)
x, t = x_train[idx], t_train[idx]
found = run(iterate_slice(paths, x, t, kind="{s["kind"]}", centre="{s["centre"]}", resolution={s["resolution"]},
                          seed={s["seed"]}))
heights = path_losses(paths, x, t)
print(f"loss on the slice: {{found.losses.min():.3f}} to {{found.losses.max():.3f}}")
for name in paths.names:
    a, b = found.coords[name][-1]
    under = float(bilinear(found.alphas, found.betas, found.losses, a, b))
    print(f"{{name}}: loss {{heights[name][-1]:.3f}}, on the slice {{under:.3f}}, "
          f"{{100 * found.in_plane[name]:.1f}} % of its path in the slice")
'''

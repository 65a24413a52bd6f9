"""The playground's Qt-free state: surface, start, optimizers and their paths."""

from dataclasses import dataclass, field

import numpy as np

from engine.optimizer import OPTIMIZERS
from engine.surfaces import built_in, custom
from engine.traces import run

from ...colors import OPTIMIZER_ORDER as ORDER

# Hyperparameters each optimizer shows, with the book's defaults.
PARAMS = {
    "sgd": {"lr": 0.95},
    "momentum": {"lr": 0.1, "momentum": 0.9},
    "nesterov": {"lr": 0.1, "momentum": 0.9},
    "adagrad": {"lr": 1.5},
    "rmsprop": {"lr": 0.2, "decay_rate": 0.99},
    "adam": {"lr": 0.3, "beta1": 0.9, "beta2": 0.999},
}
BOOK_FIGURE = {"sgd": 0.95, "momentum": 0.1, "adagrad": 1.5, "adam": 0.3}


@dataclass
class OptimizerConfig:
    key: str
    enabled: bool
    params: dict

    def make(self):
        return OPTIMIZERS[self.key](**self.params)


@dataclass
class PlaygroundState:
    surface_key: str = "book"
    formula: str = ""
    start: tuple = (-7.0, 2.0)
    iterations: int = 30
    frame: int = 0  # how many updates are shown
    noise: float = 0.0  # standard deviation of the noise added to every gradient (0: exact gradients)
    selected: str = "sgd"
    configs: dict = field(default_factory=lambda: {
        k: OptimizerConfig(k, k in BOOK_FIGURE, dict(PARAMS[k])) for k in ORDER})
    paths: dict = field(default_factory=dict)

    def surface(self):
        if self.surface_key == "custom":
            return custom(self.formula)
        return built_in(self.surface_key)

    def compute(self, surface):
        """Run every enabled optimizer from the start; returns {key: OptimizerPath}."""
        self.paths = {k: run(c.make(), surface, self.start, self.iterations, noise=self.noise)
                      for k, c in self.configs.items() if c.enabled}
        return self.paths

    def book_figure(self):
        """The book's figure: start (-7, 2), 30 updates, SGD 0.95, Momentum 0.1, AdaGrad 1.5, Adam 0.3."""
        self.surface_key, self.start, self.iterations, self.frame, self.noise = "book", (-7.0, 2.0), 30, 30, 0.0
        for k, c in self.configs.items():
            c.enabled = k in BOOK_FIGURE
            c.params = dict(PARAMS[k])
            if k in BOOK_FIGURE:
                c.params["lr"] = BOOK_FIGURE[k]


def fmt(v):
    return f"{v:.4g}"


def update_html(key, path, k, config):
    """The update rule of optimizer ``key`` for update number k (1-based), with its numbers, as HTML."""
    if path is None or k < 1 or k > path.steps:
        return ""
    before, after = path.positions[k - 1], path.positions[k]
    g = path.gradients[k - 1]
    now = path.states[k - 1]
    prev = path.states[k - 2] if k >= 2 else {name: np.zeros(2) for name in ("v", "h", "m")}
    p = config.params
    rows = []
    for i, axis in enumerate("xy"):
        if key == "sgd":
            rows.append(f"{axis} ← {axis} − η·∂f/∂{axis} = {fmt(before[i])} − {fmt(p['lr'])}·{fmt(g[i])} "
                        f"= <b>{fmt(after[i])}</b>")
        elif key in ("momentum", "nesterov"):
            rows.append(f"v<sub>{axis}</sub> ← αv − η·∂f/∂{axis} = {fmt(p['momentum'])}·{fmt(prev['v'][i])} − "
                        f"{fmt(p['lr'])}·{fmt(g[i])} = {fmt(now['v'][i])};&nbsp; {axis} = <b>{fmt(after[i])}</b>")
        elif key in ("adagrad", "rmsprop"):
            eff = p["lr"] / (np.sqrt(now["h"][i]) + 1e-7)
            rule = "h + g²" if key == "adagrad" else f"{fmt(p['decay_rate'])}·h + {fmt(1 - p['decay_rate'])}·g²"
            rows.append(f"h<sub>{axis}</sub> ← {rule} = {fmt(now['h'][i])};&nbsp; step η/(√h+ε) = {fmt(eff)};&nbsp; "
                        f"{axis} = {fmt(before[i])} − {fmt(eff)}·{fmt(g[i])} = <b>{fmt(after[i])}</b>")
        elif key == "adam":
            rows.append(f"m<sub>{axis}</sub> = {fmt(now['m'][i])}, v<sub>{axis}</sub> = {fmt(now['v'][i])};&nbsp; "
                        f"{axis} = {fmt(before[i])} − {fmt(now['lr_t'])}·m/(√v+ε) = <b>{fmt(after[i])}</b>")
    header = {
        "sgd": "W ← W − η ∂L/∂W",
        "momentum": "v ← αv − η ∂L/∂W;&nbsp; W ← W + v",
        "nesterov": "W ← W + α²v − (1+α)η ∂L/∂W;&nbsp; v ← αv − η ∂L/∂W",
        "adagrad": "h ← h + ∂L/∂W ⊙ ∂L/∂W;&nbsp; W ← W − η ∂L/∂W / (√h + ε)",
        "rmsprop": "h ← ρh + (1−ρ) ∂L/∂W ⊙ ∂L/∂W;&nbsp; W ← W − η ∂L/∂W / (√h + ε)",
        "adam": "m ← m + (1−β₁)(g − m);&nbsp; v ← v + (1−β₂)(g² − v);&nbsp; W ← W − η<sub>t</sub> m/(√v + ε)",
    }[key]
    extra = f"<br>η<sub>t</sub> = η·√(1−β₂<sup>t</sup>)/(1−β₁<sup>t</sup>) = {fmt(now['lr_t'])} (t = {now['iter']})" \
        if key == "adam" else ""
    grad = f"∂f/∂x = {fmt(g[0])}, ∂f/∂y = {fmt(g[1])}"  # with noise: the noisy gradient the update used
    return f"<b>{header}</b>{extra}<br>{grad}<br>" + "<br>".join(rows)

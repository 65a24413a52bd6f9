"""The Layer Explorer's state and the arithmetic of what it shows, free of Qt."""

from dataclasses import dataclass, field

import numpy as np

from engine.receptive_field import LayerGeometry


@dataclass
class LayerExplorerState:
    """What is selected. ``unit`` is (row, col) in the selected channel's map, or None."""

    network: str = "deep"  # "deep": the shipped DeepConvNet; "current": Draw & Classify's; "file"
    source: str = "drawing"  # "drawing" (Draw & Classify), "test" (a shipped MNIST digit), "image"
    layer: str = "Conv1"
    channel: int = 0
    unit: tuple | None = None
    overlay: bool = False  # saliency over the input
    geometry: list = field(default_factory=list)  # [LayerGeometry] of the current network

    def geo(self, name=None) -> LayerGeometry | None:
        name = name or self.layer
        return next((g for g in self.geometry if g.name == name), None)

    def below(self, name=None) -> LayerGeometry | None:
        """The layer feeding ``name`` (None for the first)."""
        names = [g.name for g in self.geometry]
        i = names.index(name or self.layer)
        return self.geometry[i - 1] if i > 0 else None


def grid_columns(count, aspect=1.6):
    """Columns for ``count`` tiles in a grid about ``aspect`` times wider than tall."""
    return max(1, min(count, int(np.ceil(np.sqrt(count * aspect)))))


def as_tiles(values):
    """A layer's output for one image as (tiles, h, w): maps stay maps; a vector of D values
    becomes one near-square tile (padded with NaN, drawn transparent)."""
    values = np.asarray(values, dtype=np.float32)
    if values.ndim == 3:
        return values
    D = values.size
    cols = int(np.ceil(np.sqrt(D)))
    rows = -(-D // cols)
    tile = np.full(rows * cols, np.nan, dtype=np.float32)
    tile[:D] = values.ravel()
    return tile.reshape(1, rows, cols)


def tracer_boxes(state: LayerExplorerState, input_hw):
    """Receptive-field boxes on the input for the selected unit: (its own box, [boxes of the units
    of the layer below that feed it]). Empty when nothing is selected or the layer is dense."""
    g = state.geo()
    if g is None or state.unit is None or g.size is None or not g.is_map:
        return None, []
    i, j = state.unit
    own = g.box(i, j, input_hw)
    below = state.below()
    feeders = []
    if below is not None and below.size is not None and g.kernel is not None:
        top, left, bottom, right = g.window_below(i, j)
        _, bh, bw = below.shape
        for r in range(max(top, 0), min(bottom, bh)):
            for c in range(max(left, 0), min(right, bw)):
                feeders.append(below.box(r, c, input_hw))
    return own, feeders


def agreement_series(atlas, layers):
    """(trained, untrained) label agreement over ``layers`` (NaN where unknown)."""
    trained = [atlas.agreement.get(n, np.nan) for n in layers]
    untrained = [atlas.agreement_untrained.get(n, np.nan) for n in layers]
    return np.array(trained, dtype=float), np.array(untrained, dtype=float)


def most_selective(atlas, layer, count):
    """The ``count`` channels of ``layer`` whose top images agree most on one label (ties: lower index)."""
    la = atlas.layers[layer]
    labels = atlas.labels[la.top_index]  # (C, k)
    share = np.array([np.bincount(row, minlength=10).max() for row in labels]) / labels.shape[1]
    return list(np.argsort(-share, kind="stable")[:count])


def label_summary(atlas, layer, channel):
    """(most common label among the channel's top images, how many of them carry it, k)."""
    labels = atlas.labels[atlas.layers[layer].top_index[channel]]
    counts = np.bincount(labels, minlength=10)
    return int(counts.argmax()), int(counts.max()), len(labels)

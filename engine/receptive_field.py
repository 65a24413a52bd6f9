"""Receptive fields: which input pixels a unit of a layer can see, computed from the layer chain.

For a chain of convolutions and poolings, a unit at (i, j) of layer L sees an input window of
``size`` pixels starting at ``start + i * jump``. Layer by layer, with kernel k, stride s, pad p:

    size_L  = size_{L-1} + (k - 1) * jump_{L-1}
    jump_L  = jump_{L-1} * s
    start_L = start_{L-1} - p * jump_{L-1}

(the input itself has size 1, jump 1, start 0). ReLU and dropout change nothing; an affine
layer sees the whole input. The book's DeepConvNet gives 3, 5, 6, 10, 14, 16, 24, 32, 36 pixels
for conv1 ... pool3.
"""

from __future__ import annotations

from dataclasses import dataclass

from .layers import Affine, Convolution, Pooling


@dataclass(frozen=True)
class LayerGeometry:
    """One layer of an inspection chain: what it outputs and what its units see.

    ``shape`` is per image: (C, H, W) for maps, (D,) for vectors. ``kernel``, ``stride`` and ``pad``
    are (rows, cols) for convolutions and poolings, None otherwise. ``size``, ``jump`` and ``start``
    are the receptive field along (rows, cols), None for dense layers (they see everything).
    """

    name: str
    kind: str  # "conv", "pool", "relu", "affine", "dropout", ...
    shape: tuple
    kernel: tuple | None
    stride: tuple | None
    pad: tuple | None
    size: tuple | None
    jump: tuple | None
    start: tuple | None

    @property
    def is_map(self) -> bool:
        return len(self.shape) == 3

    def box(self, i: int, j: int, input_hw: tuple[int, int] | None = None) -> tuple[int, int, int, int]:
        """Input window (top, left, bottom, right), bottom/right exclusive, of unit (i, j).

        Clipped to the input when ``input_hw`` is given (padding lies outside the image)."""
        if self.size is None:
            raise ValueError(f"{self.name} is a dense layer: every unit sees the whole input")
        top = self.start[0] + i * self.jump[0]
        left = self.start[1] + j * self.jump[1]
        bottom, right = top + self.size[0], left + self.size[1]
        if input_hw is not None:
            H, W = input_hw
            top, left, bottom, right = max(top, 0), max(left, 0), min(bottom, H), min(right, W)
        return top, left, bottom, right

    def window_below(self, i: int, j: int) -> tuple[int, int, int, int] | None:
        """The window (top, left, bottom, right) of the layer below that feeds unit (i, j),
        in that layer's coordinates (may reach into padding: negative or past its edge)."""
        if self.kernel is None:
            return (i, j, i + 1, j + 1) if self.size is not None else None
        top = i * self.stride[0] - self.pad[0]
        left = j * self.stride[1] - self.pad[1]
        return top, left, top + self.kernel[0], left + self.kernel[1]


def _kind(layer):
    return {"Convolution": "conv", "Pooling": "pool", "Affine": "affine"}.get(
        type(layer).__name__, type(layer).__name__.lower())


def layer_geometry(chain: list[tuple[str, object]], input_dim: tuple[int, int, int]) -> list[LayerGeometry]:
    """[LayerGeometry] for an inspection chain [(name, layer)] fed with images of ``input_dim`` (C, H, W)."""
    C, H, W = input_dim
    shape = (C, H, W)
    size, jump, start = (1, 1), (1, 1), (0, 0)
    out = []
    for name, layer in chain:
        kernel = stride = pad = None
        if isinstance(layer, (Convolution, Pooling)):
            if isinstance(layer, Convolution):
                channels, kernel = layer.W.shape[0], tuple(layer.W.shape[2:])
            else:
                channels, kernel = shape[0], (layer.pool_h, layer.pool_w)
            stride, pad = (layer.stride, layer.stride), (layer.pad, layer.pad)
            hw = tuple((shape[1 + a] + 2 * pad[a] - kernel[a]) // stride[a] + 1 for a in (0, 1))
            if size is not None:
                size = tuple(size[a] + (kernel[a] - 1) * jump[a] for a in (0, 1))
                start = tuple(start[a] - pad[a] * jump[a] for a in (0, 1))
                jump = tuple(jump[a] * stride[a] for a in (0, 1))
            shape = (channels, *hw)
        elif isinstance(layer, Affine):
            shape = (layer.W.shape[1],)
            size = jump = start = None
        out.append(LayerGeometry(name, _kind(layer), shape, kernel, stride, pad, size, jump, start))
    return out

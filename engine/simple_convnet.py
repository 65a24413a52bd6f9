"""The book's SimpleConvNet (chapter 7.5): conv - relu - pool - affine - relu - affine - softmax."""

from collections import OrderedDict

import numpy as np
from numpy.typing import ArrayLike

from .functions import softmax
from .image_network import ImageNetwork
from .layers import Affine, Convolution, ConvPoolRelu, Pooling, Relu, SoftmaxWithLoss
from .protocols import Params
from .util import conv_output_size

DEFAULT_CONV_PARAM = {"filter_num": 30, "filter_size": 5, "pad": 0, "stride": 1}


class SimpleConvNet(ImageNetwork):
    """conv(FN, FS x FS) - ReLU - 2x2 max pool - Affine(hidden) - ReLU - Affine(output) - softmax.

    input_dim: (C, H, W); conv_param: filter_num, filter_size, pad, stride.
    Parameters: W1 (FN, C, FS, FS), b1 (FN,), W2 (FN*PH*PW, hidden), b2, W3 (hidden, out), b3.
    Computes in ``dtype`` (float32 by default; float64 for gradient checks).

    ``fast=True`` (the default) runs conv, ReLU and pooling as one fused layer
    (``ConvPoolRelu``, same numbers, several times faster) whenever the convolution output
    has even height and width; ``fast=False`` builds the book's exact layer chain
    Conv1 - Relu1 - Pool1 - Affine1 - Relu2 - Affine2. ``activations`` reports the book's
    layers either way.
    """

    def __init__(self, input_dim=(1, 28, 28), conv_param=None, hidden_size=100, output_size=10,
                 weight_init_std=0.01, dtype=np.float32, seed=None, fast=True):
        conv_param = {**DEFAULT_CONV_PARAM, **(conv_param or {})}
        self.input_dim = tuple(input_dim)
        self.conv_param = conv_param
        self.hidden_size = hidden_size
        self.output_size = output_size
        self.dtype = np.dtype(dtype)
        fn, fs = conv_param["filter_num"], conv_param["filter_size"]
        pad, stride = conv_param["pad"], conv_param["stride"]
        C, H, W = self.input_dim
        conv_h = conv_output_size(H, fs, stride, pad, axis="H")
        conv_w = conv_output_size(W, fs, stride, pad, axis="W")
        pool_output_size = fn * (conv_h // 2) * (conv_w // 2)
        self.fast = fast and conv_h % 2 == 0 and conv_w % 2 == 0
        self._pooled_hw = (conv_h // 2, conv_w // 2)

        rng = np.random.default_rng(seed)

        def randn(*shape):
            return (weight_init_std * rng.standard_normal(shape)).astype(self.dtype)

        self.params = {
            "W1": randn(fn, C, fs, fs),
            "b1": np.zeros(fn, dtype=self.dtype),
            "W2": randn(pool_output_size, hidden_size),
            "b2": np.zeros(hidden_size, dtype=self.dtype),
            "W3": randn(hidden_size, output_size),
            "b3": np.zeros(output_size, dtype=self.dtype),
        }
        self._build_layers()

    def _build_layers(self):
        p, cp = self.params, self.conv_param
        self.layers = OrderedDict()
        if self.fast:
            self.layers["Conv1+Relu1+Pool1"] = ConvPoolRelu(p["W1"], p["b1"], cp["stride"], cp["pad"])
        else:
            self.layers["Conv1"] = Convolution(p["W1"], p["b1"], cp["stride"], cp["pad"])
            self.layers["Relu1"] = Relu()
            self.layers["Pool1"] = Pooling(pool_h=2, pool_w=2, stride=2)
        self.conv_layer = next(iter(self.layers.values()))
        self.conv_layer.need_input_grad = False  # nobody needs d(loss)/d(image) in training
        self.layers["Affine1"] = Affine(p["W2"], p["b2"])
        self.layers["Relu2"] = Relu()
        self.layers["Affine2"] = Affine(p["W3"], p["b3"])
        self.last_layer = SoftmaxWithLoss()
        self.last_loss = None

    def predict(self, x: ArrayLike, train_flg: bool = False) -> np.ndarray:
        """Scores before softmax; x: (N, C, H, W) -> (N, output_size)."""
        x = self._as_input(x)
        if x.shape[0] == 1 and self.fast:
            return self._predict_one(x[0])
        return self._forward(x)

    def _forward(self, x):
        """Through the layers, which keep what their backward needs."""
        for layer in self.layers.values():
            x = layer.forward(x)
        return x

    def _predict_one(self, img):
        """Scores of one (C, H, W) image in as few NumPy calls as possible.

        Live drawing classifies after every stroke, and for one image the calls, not the
        arithmetic, are the cost. Same numbers as the layers (a test checks it).
        """
        p, cp = self.params, self.conv_param
        FN, C, FH, FW = p["W1"].shape
        s, pad = cp["stride"], cp["pad"]
        ph, pw = self._pooled_hw
        img = np.pad(img, [(0, 0), (pad, pad), (pad, pad)]) if pad else np.ascontiguousarray(img)
        sc, sh, sw = img.strides
        # Column (dy, dx, i, j) is the window of convolution output pixel (2i+dy, 2j+dx), so the
        # four candidates of pooling cell (i, j) land in four contiguous blocks of the product.
        # (A raw view, never handed out: the cheapest way to make one.)
        win = np.ndarray((C, FH, FW, 2, 2, ph, pw), dtype=img.dtype, buffer=img,
                         strides=(sc, sh, sw, s * sh, s * sw, 2 * s * sh, 2 * s * sw))
        conv = (p["W1"].reshape(FN, -1) @ win.reshape(C * FH * FW, 4 * ph * pw)).reshape(FN, 4, ph * pw)
        h = conv.max(axis=1)  # 2x2 max pooling
        h += p["b1"][:, None]  # bias and ReLU after pooling: the same result on 4x fewer numbers
        np.maximum(h, 0, out=h)
        h = h.reshape(1, -1) @ p["W2"]  # (FN, PH, PW) flattened: the book's order
        h += p["b2"]
        np.maximum(h, 0, out=h)
        scores = h @ p["W3"]
        scores += p["b3"]
        return scores

    def predict_proba(self, x: ArrayLike) -> np.ndarray:
        """Probabilities (softmax of the scores); x: (N, C, H, W) -> (N, output_size)."""
        x = self._as_input(x)
        if x.shape[0] == 1 and self.fast:
            scores = self._predict_one(x[0])
            scores -= scores.max()  # softmax in place: these scores are a fresh array
            np.exp(scores, out=scores)
            scores /= scores.sum()
            return scores
        return softmax(self._forward(x))

    def loss(self, x: ArrayLike, t: ArrayLike) -> float:
        return self.last_layer.forward(self._forward(self._as_input(x)), t)

    def gradient(self, x: ArrayLike, t: ArrayLike) -> Params:
        """Backpropagation; returns {'W1': dW1, 'b1': db1, ...}. The loss is kept in ``last_loss``."""
        self.last_loss = self.loss(x, t)
        dout = self.last_layer.backward(1)
        for layer in reversed(self.layers.values()):
            dout = layer.backward(dout)
        L = self.layers
        return {
            "W1": self.conv_layer.dW, "b1": self.conv_layer.db,
            "W2": L["Affine1"].dW, "b2": L["Affine1"].db,
            "W3": L["Affine2"].dW, "b3": L["Affine2"].db,
        }

    def inspection_layers(self) -> list[tuple[str, object]]:
        """The book's layer chain as fresh (name, layer) pairs sharing this network's parameters:
        Conv1, Relu1, Pool1, Affine1, Relu2, Affine2 (inspecting never disturbs training state)."""
        p, cp = self.params, self.conv_param
        return [("Conv1", Convolution(p["W1"], p["b1"], cp["stride"], cp["pad"])), ("Relu1", Relu()),
                ("Pool1", Pooling(2, 2, 2)), ("Affine1", Affine(p["W2"], p["b2"])), ("Relu2", Relu()),
                ("Affine2", Affine(p["W3"], p["b3"]))]

    def activations(self, x: ArrayLike) -> dict[str, np.ndarray]:
        """What every layer outputs, in the book's order, for x: (N, C, H, W): Conv1 (N, FN, OH, OW)
        before ReLU, Relu1, Pool1 (N, FN, OH/2, OW/2), Affine1, Relu2 (N, hidden), Affine2 (scores),
        Softmax."""
        out = super().activations(x)
        out["Conv1"] = np.ascontiguousarray(out["Conv1"])
        return out

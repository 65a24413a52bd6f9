"""The book's DeepConvNet (chapter 8.1): six 3x3 convolutions, three poolings, two affine layers.

    conv1 - relu - conv2 - relu - pool - conv3 - relu - conv4 - relu - pool -
    conv5 - relu - conv6 - relu - pool - affine - relu - dropout - affine - dropout - softmax

With the book's defaults (16, 16, 32, 32, 64, 64 filters; conv4 padded by 2) a 28x28 digit
becomes 28 -> 28 -> 14 -> 14 -> 16 -> 8 -> 8 -> 8 -> 4, so the first affine layer reads
64*4*4 = 1024 numbers. Initialisation is He's: std sqrt(2 / fan-in) for every layer.
"""

from collections import OrderedDict

import numpy as np
from numpy.typing import ArrayLike

from .functions import softmax
from .image_network import ImageNetwork
from .layers import Affine, Convolution, ConvPoolRelu, Dropout, Pooling, Relu, SoftmaxWithLoss
from .protocols import Params
from .util import conv_output_size

BOOK_CONV_PARAMS = (
    {"filter_num": 16, "filter_size": 3, "pad": 1, "stride": 1},
    {"filter_num": 16, "filter_size": 3, "pad": 1, "stride": 1},
    {"filter_num": 32, "filter_size": 3, "pad": 1, "stride": 1},
    {"filter_num": 32, "filter_size": 3, "pad": 2, "stride": 1},
    {"filter_num": 64, "filter_size": 3, "pad": 1, "stride": 1},
    {"filter_num": 64, "filter_size": 3, "pad": 1, "stride": 1},
)
POOL_AFTER = (2, 4, 6)  # a 2x2 max pooling follows these convolutions


class DeepConvNet(ImageNetwork):
    """The book's deep CNN for MNIST; x: (N, C, H, W) -> scores (N, output_size).

    Parameters W1..W6 (FN, C, 3, 3) and b1..b6 for the convolutions, W7 (64*4*4, hidden), b7,
    W8 (hidden, output), b8 — the book's names, so its ``deep_convnet_params.pkl`` loads as is.
    Computes in ``dtype`` (float32 by default; float64 for gradient checks).

    Training runs each pooled convolution as one fused ``ConvPoolRelu`` layer where its output
    has even size (same numbers, less memory traffic); ``fast=False`` keeps the book's chain.
    ``activations`` and ``inspection_layers`` always show the book's separate layers. Numerical
    gradients redraw the dropout masks on every call: checks use ``dropout_ratio=0`` or re-seed
    the Dropout layers' ``rng``.
    """

    def __init__(self, input_dim=(1, 28, 28), conv_param_1=None, conv_param_2=None, conv_param_3=None,
                 conv_param_4=None, conv_param_5=None, conv_param_6=None, hidden_size=50, output_size=10,
                 dropout_ratio=0.5, dtype=np.float32, seed=None, fast=True):
        given = (conv_param_1, conv_param_2, conv_param_3, conv_param_4, conv_param_5, conv_param_6)
        self.conv_params = [{**book, **(cp or {})} for book, cp in zip(BOOK_CONV_PARAMS, given)]
        self.input_dim = tuple(input_dim)
        self.hidden_size = hidden_size
        self.output_size = output_size
        self.dropout_ratio = dropout_ratio
        self.dtype = np.dtype(dtype)
        rng = np.random.default_rng(seed)

        self.params = {}
        self._conv_out = []  # (H, W) after each convolution, before its pooling
        C, H, W = self.input_dim
        for idx, cp in enumerate(self.conv_params, start=1):
            fn, fs = cp["filter_num"], cp["filter_size"]
            H = conv_output_size(H, fs, cp["stride"], cp["pad"], axis="H")
            W = conv_output_size(W, fs, cp["stride"], cp["pad"], axis="W")
            self._conv_out.append((H, W))
            self.params[f"W{idx}"] = self._he(rng, (fn, C, fs, fs), C * fs * fs)
            self.params[f"b{idx}"] = np.zeros(fn, dtype=self.dtype)
            if idx in POOL_AFTER:
                H = conv_output_size(H, 2, 2, axis="H")
                W = conv_output_size(W, 2, 2, axis="W")
            C = fn
        flat = C * H * W  # 64*4*4 with the book's defaults
        self.params["W7"] = self._he(rng, (flat, hidden_size), flat)
        self.params["b7"] = np.zeros(hidden_size, dtype=self.dtype)
        self.params["W8"] = self._he(rng, (hidden_size, output_size), hidden_size)
        self.params["b8"] = np.zeros(output_size, dtype=self.dtype)
        self.fast = fast
        self._dropout_rng = np.random.default_rng(None if seed is None else seed + 1)
        self._build_layers()

    def _he(self, rng, shape, fan_in):
        return (np.sqrt(2.0 / fan_in) * rng.standard_normal(shape)).astype(self.dtype)

    def _build_layers(self):
        """The training chain: fused conv+pool+ReLU where it applies, else the book's layers."""
        p = self.params
        self.layers = OrderedDict()
        self.param_layers = {}  # parameter index -> the layer whose dW/db hold its gradient
        pool = 0
        for idx, cp in enumerate(self.conv_params, start=1):
            W, b, s, pad = p[f"W{idx}"], p[f"b{idx}"], cp["stride"], cp["pad"]
            oh, ow = self._conv_out[idx - 1]
            if idx in POOL_AFTER:
                pool += 1
                if self.fast and oh % 2 == 0 and ow % 2 == 0:
                    layer = self.layers[f"Conv{idx}+Relu{idx}+Pool{pool}"] = ConvPoolRelu(W, b, s, pad)
                else:
                    layer = self.layers[f"Conv{idx}"] = Convolution(W, b, s, pad)
                    self.layers[f"Relu{idx}"] = Relu()
                    self.layers[f"Pool{pool}"] = Pooling(2, 2, stride=2)
            else:
                layer = self.layers[f"Conv{idx}"] = Convolution(W, b, s, pad)
                self.layers[f"Relu{idx}"] = Relu()
            self.param_layers[idx] = layer
        self.param_layers[1].need_input_grad = False  # training never needs d(loss)/d(image)
        self.layers["Affine1"] = self.param_layers[7] = Affine(p["W7"], p["b7"])
        self.layers["Relu7"] = Relu()
        self.layers["Dropout1"] = Dropout(self.dropout_ratio, rng=self._dropout_rng)
        self.layers["Affine2"] = self.param_layers[8] = Affine(p["W8"], p["b8"])
        self.layers["Dropout2"] = Dropout(self.dropout_ratio, rng=self._dropout_rng)
        self.last_layer = SoftmaxWithLoss()
        self.last_loss = None

    def inspection_layers(self) -> list[tuple[str, object]]:
        """The book's layer chain, one (name, layer) per step, sharing this network's parameters.

        Fresh layer objects (so inspecting never disturbs training state), with the first
        convolution computing its input gradient and Dropout in test mode. Names: Conv1, Relu1,
        Conv2, Relu2, Pool1, ..., Pool3, Affine1, Relu7, Dropout1, Affine2, Dropout2.
        """
        p = self.params
        chain = []
        pool = 0
        for idx, cp in enumerate(self.conv_params, start=1):
            chain.append((f"Conv{idx}", Convolution(p[f"W{idx}"], p[f"b{idx}"], cp["stride"], cp["pad"])))
            chain.append((f"Relu{idx}", Relu()))
            if idx in POOL_AFTER:
                pool += 1
                chain.append((f"Pool{pool}", Pooling(2, 2, stride=2)))
        chain += [("Affine1", Affine(p["W7"], p["b7"])), ("Relu7", Relu()),
                  ("Dropout1", Dropout(self.dropout_ratio, train=False)),
                  ("Affine2", Affine(p["W8"], p["b8"])),
                  ("Dropout2", Dropout(self.dropout_ratio, train=False))]
        return chain

    def _forward(self, x, train_flg):
        for layer in self.layers.values():
            x = layer.forward(x, train_flg) if isinstance(layer, Dropout) else layer.forward(x)
        return x

    def predict(self, x: ArrayLike, train_flg: bool = False) -> np.ndarray:
        """Scores before softmax; x: (N, C, H, W) -> (N, output_size). Dropout is active only
        with ``train_flg=True`` (at test time it scales by 1 - ratio, as in the book)."""
        return self._forward(self._as_input(x), train_flg)

    def predict_proba(self, x: ArrayLike) -> np.ndarray:
        """Probabilities (softmax of the test-time scores); x: (N, C, H, W) -> (N, output_size)."""
        return softmax(self.predict(x))

    def loss(self, x: ArrayLike, t: ArrayLike) -> float:
        """Mean cross-entropy with dropout active (as the book's ``loss``)."""
        return self.last_layer.forward(self.predict(x, train_flg=True), t)

    def gradient(self, x: ArrayLike, t: ArrayLike) -> Params:
        """Backpropagation; returns {'W1': dW1, 'b1': db1, ..., 'b8': db8}. Loss kept in ``last_loss``."""
        self.last_loss = self.loss(x, t)
        dout = self.last_layer.backward(1)
        for layer in reversed(self.layers.values()):
            dout = layer.backward(dout)
        grads = {}
        for idx, layer in self.param_layers.items():
            grads[f"W{idx}"], grads[f"b{idx}"] = layer.dW, layer.db
        return grads

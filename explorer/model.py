"""What the panels share: the current SimpleConvNet (the shipped one until the user opens other
weights) and the digit last drawn."""


from PySide6.QtCore import QObject, Signal

from engine import pretrained
from engine.simple_convnet import SimpleConvNet
from engine.weights import WeightsFileError


class ModelStore(QObject):
    """Owns the current SimpleConvNet; panels read ``net`` and listen to ``weights_changed``."""

    weights_changed = Signal(str)  # a short description of where the weights came from
    explore_requested = Signal()  # ``to_explore`` holds a network to open in the Layer Explorer

    SHIPPED, UNTRAINED = "shipped", "untrained"  # else ``source`` is the file name

    def __init__(self, parent=None):
        super().__init__(parent)
        self._net = None
        self.source = self.SHIPPED
        self.to_explore = None  # (network, description) handed over by the Training Studio

    @property
    def net(self):
        if self._net is None:  # loaded on first use: start-up stays fast
            try:
                self._net = pretrained.load_simple_convnet()
            except (WeightsFileError, OSError):
                self._net = SimpleConvNet(seed=0)
                self.source = self.UNTRAINED
        return self._net

    def describe(self):
        """Where the weights came from, in the current language."""
        if self.source == self.SHIPPED:
            return self.tr("shipped weights")
        if self.source == self.UNTRAINED:
            return self.tr("untrained weights (shipped weights not found)")
        return self.source

    def use(self, net, source):
        """Make ``net`` (e.g. just trained in the Training Studio) the current network."""
        self._net = net
        self.source = source
        self.weights_changed.emit(self.source)

    def explore(self, net, source):
        """Hand ``net`` (e.g. a DeepConvNet just trained) to the Layer Explorer."""
        self.to_explore = (net, source)
        self.explore_requested.emit()

    def save(self, path):
        self.net.save_params(path)


def read_weights_job(path):
    """A SimpleConvNet with the weights in ``path`` (a FunctionWorker job), or the reason it cannot
    be read as an English message (WeightsFileError and OSError carry the file's name)."""
    try:
        net = SimpleConvNet()
        net.load_params(path)
    except (WeightsFileError, OSError) as e:
        return str(e)
    return net


class CurrentDigit(QObject):
    """The digit last drawn in Draw & Classify, as the network sees it (28x28 floats), for other panels."""

    changed = Signal(object)  # the (28, 28) image, or None when the canvas is empty

    def __init__(self, parent=None):
        super().__init__(parent)
        self.image = None

    def set(self, image):
        self.image = None if image is None else image.copy()
        self.changed.emit(self.image)

import numpy as np

from engine import pretrained
from engine.mnist import load_mnist


def test_shipped_weights_load_and_describe_themselves():
    net = pretrained.load_simple_convnet()
    init = pretrained.load_simple_convnet(initial=True)
    assert net.params["W1"].shape == (30, 1, 5, 5)
    assert not np.allclose(net.params["W1"], init.params["W1"])
    assert abs(float(init.params["W1"].std()) - 0.01) < 0.002  # weight_init_std = 0.01
    meta = pretrained.metadata()
    assert meta["test_accuracy"] >= 0.99 and meta["epochs"] >= 1 and "engine.train" in meta["command"]


def test_shipped_weights_reach_99_percent_on_mnist(shared_mnist):
    net = pretrained.load_simple_convnet()
    _, (x, t) = load_mnist(data_dir=shared_mnist, flatten=False)
    acc = net.accuracy(x, t)
    assert acc >= 0.990, f"shipped weights reach only {acc:.4f}"
    assert abs(acc - pretrained.metadata()["test_accuracy"]) < 1e-9  # what the training command recorded

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


def test_shipped_deep_convnet_describes_itself_and_its_atlas_belongs_to_it():
    from engine.atlas import fingerprint, load_atlas

    net = pretrained.load_deep_convnet()
    init = pretrained.load_deep_convnet(initial=True)
    assert net.params["W8"].shape == (50, 10)
    assert abs(float(init.params["W1"].std()) - np.sqrt(2 / 9)) < 0.1  # He: sqrt(2 / fan-in)
    meta = pretrained.metadata("deep")
    assert meta["network"] == "DeepConvNet" and meta["test_accuracy"] >= 0.994
    atlas = load_atlas(pretrained.resource("deep", "_atlas.npz"))
    assert atlas.fingerprint == fingerprint(net)
    assert list(atlas.layers) == [f"Conv{i}" for i in range(1, 7)]
    assert set(atlas.agreement_untrained) == set(atlas.layers)  # the untrained curve is there too
    assert atlas.agreement["Conv6"] > atlas.agreement["Conv1"] + 0.2


def test_shipped_deep_convnet_reaches_99_4_percent_on_mnist(shared_mnist):
    net = pretrained.load_deep_convnet()
    _, (x, t) = load_mnist(data_dir=shared_mnist, flatten=False)
    acc = net.accuracy(x, t)
    assert acc >= 0.994, f"shipped DeepConvNet reaches only {acc:.4f}"
    assert abs(acc - pretrained.metadata("deep")["test_accuracy"]) < 1e-9


def test_the_shipped_network_without_a_name_is_the_books_simple_convnet():
    from engine.pretrained import load_network
    from engine.simple_convnet import SimpleConvNet

    assert type(load_network()) is SimpleConvNet

"""The call patterns of the book's chapter 6-8 scripts, written here (not copied), on small generated data.

Each test is one script's way of using ``common.*`` with ``engine.*`` in its place: if one breaks, a
reader replacing ``common.`` by ``engine.`` in that script is stuck. (The scripts themselves were run
against the engine too: all nineteen of ch06-ch08 run, see the closing note of the session.)
"""

import numpy as np
import pytest

from engine.gradient import numerical_gradient
from engine.layers import Affine, Convolution, Pooling, Relu, SoftmaxWithLoss
from engine.multi_layer_net import MultiLayerNet
from engine.multi_layer_net_extend import MultiLayerNetExtend
from engine.optimizer import SGD, AdaGrad, Adam, Momentum
from engine.trainer import Trainer
from engine.util import shuffle_dataset, smooth_curve


def digits(n=120, d=16, k=4, seed=0):
    """Learnable vectors: the label's block of features is bright."""
    rng = np.random.default_rng(seed)
    t = rng.integers(0, k, n)
    x = 0.2 * rng.random((n, d))
    for i, c in enumerate(t):
        x[i, c * (d // k) : (c + 1) * (d // k)] += 1.0
    return x, t


def test_optimizer_compare_naive_pattern():
    """A dict of optimizers, each walking f = x^2/20 + y^2 from Python floats, history in lists."""
    optimizers = {"SGD": SGD(lr=0.95), "Momentum": Momentum(lr=0.1), "AdaGrad": AdaGrad(lr=1.5), "Adam": Adam(lr=0.3)}
    for key, opt in optimizers.items():
        params = {"x": -7.0, "y": 2.0}
        x_history, y_history = [], []
        for _ in range(30):
            x_history.append(params["x"])
            y_history.append(params["y"])
            grads = {"x": params["x"] / 10.0, "y": 2.0 * params["y"]}
            opt.update(params, grads)
        assert abs(params["x"]) < 7 and abs(params["y"]) < 2, key  # every optimizer got closer to (0, 0)
        assert len(np.array(x_history)) == 30


def test_optimizer_compare_mnist_and_weight_init_compare_pattern():
    """One MultiLayerNet per optimizer / per weight_init_std, the loss after every update, smooth_curve."""
    x, t = digits()
    for key, init in (("sgd", 0.01), ("momentum", "he"), ("adagrad", "xavier"), ("adam", "relu")):
        network = MultiLayerNet(input_size=16, hidden_size_list=[10, 10], output_size=4, weight_init_std=init,
                                seed=1)
        optimizer = {"sgd": SGD(), "momentum": Momentum(), "adagrad": AdaGrad(), "adam": Adam()}[key]
        losses = []
        for i in range(40):
            mask = np.random.default_rng(i).choice(len(x), 20)
            grads = network.gradient(x[mask], t[mask])
            optimizer.update(network.params, grads)
            losses.append(network.loss(x[mask], t[mask]))
        assert len(smooth_curve(losses)) == 40 and np.isfinite(losses).all()


def test_batch_norm_test_and_gradient_check_pattern():
    x, t = digits(seed=2)
    for w in (1.0, 0.01):  # batch_norm_test: the same scales with and without batch norm
        bn = MultiLayerNetExtend(input_size=16, hidden_size_list=[10, 10, 10], output_size=4, weight_init_std=w,
                                 use_batchnorm=True)
        plain = MultiLayerNetExtend(input_size=16, hidden_size_list=[10, 10, 10], output_size=4, weight_init_std=w)
        for network in (bn, plain):
            optimizer = SGD(lr=0.01)
            grads = network.gradient(x[:20], t[:20])
            optimizer.update(network.params, grads)
            assert 0 <= network.accuracy(x, t) <= 1
    # batch_norm_gradient_check: backprop against numerical gradients, the average difference per key
    # (Five images: with very few, batch norm can put a ReLU input exactly at its kink, where the
    # numerical derivative is half the one-sided one — the book's own script with one image shows it.)
    network = MultiLayerNetExtend(input_size=16, hidden_size_list=[8, 8], output_size=4, use_batchnorm=True, seed=0)
    backprop = network.gradient(x[:5], t[:5])
    numerical = network.numerical_gradient(x[:5], t[:5])
    for key in numerical:
        assert np.average(np.abs(backprop[key] - numerical[key])) < 1e-6, key


def test_overfit_dropout_and_weight_decay_pattern():
    x, t = digits(n=60, seed=3)
    network = MultiLayerNetExtend(input_size=16, hidden_size_list=[20, 20], output_size=4, use_dropout=True,
                                  dropout_ration=0.2, weight_decay_lambda=0.1)
    trainer = Trainer(network, x, t, x, t, epochs=3, mini_batch_size=20, optimizer="sgd",
                      optimizer_param={"lr": 0.01}, verbose=False)
    trainer.train()
    assert len(trainer.train_acc_list) == len(trainer.test_acc_list) == 3


def test_hyperparameter_optimization_pattern():
    x, t = shuffle_dataset(*digits(seed=4))
    validation = 20
    x_val, t_val, x_train, t_train = x[:validation], t[:validation], x[validation:], t[validation:]
    results = {}
    for _ in range(3):
        weight_decay = 10 ** np.random.uniform(-8, -4)
        lr = 10 ** np.random.uniform(-6, -2)
        network = MultiLayerNet(input_size=16, hidden_size_list=[10] * 3, output_size=4,
                                weight_decay_lambda=weight_decay)
        trainer = Trainer(network, x_train, t_train, x_val, t_val, epochs=2, mini_batch_size=25,
                          optimizer="sgd", optimizer_param={"lr": lr}, verbose=False)
        trainer.train()
        results[f"lr:{lr}, weight decay:{weight_decay}"] = trainer.test_acc_list
    assert len(results) == 3 and all(len(v) == 2 for v in results.values())


class BookSimpleConvNet:
    """ch07/simple_convnet.py's way: its own class built from the engine's layers and gradient."""

    def __init__(self, seed=0):
        rng = np.random.default_rng(seed)
        self.params = {"W1": 0.1 * rng.standard_normal((3, 1, 3, 3)), "b1": np.zeros(3),
                       "W2": 0.1 * rng.standard_normal((3 * 3 * 3, 4)), "b2": np.zeros(4)}
        self.layers = [Convolution(self.params["W1"], self.params["b1"], 1, 0), Relu(),
                       Pooling(pool_h=2, pool_w=2, stride=2), Affine(self.params["W2"], self.params["b2"])]
        self.last_layer = SoftmaxWithLoss()

    def predict(self, x):
        for layer in self.layers:
            x = layer.forward(x)
        return x

    def loss(self, x, t):
        return self.last_layer.forward(self.predict(x), t)

    def accuracy(self, x, t, batch_size=100):
        return float(np.mean(np.argmax(self.predict(x), axis=1) == t))

    def gradient(self, x, t):
        self.loss(x, t)
        dout = self.last_layer.backward(1)
        for layer in reversed(self.layers):
            dout = layer.backward(dout)
        return {"W1": self.layers[0].dW, "b1": self.layers[0].db, "W2": self.layers[3].dW, "b2": self.layers[3].db}

    def numerical_gradient(self, x, t):
        return {key: numerical_gradient(lambda _: self.loss(x, t), self.params[key]) for key in self.params}


def test_gradient_check_and_train_convnet_pattern():
    rng = np.random.default_rng(5)
    x = rng.random((10, 1, 8, 8))
    t = rng.integers(0, 4, 10)
    network = BookSimpleConvNet()
    backprop = network.gradient(x[:3], t[:3])
    numerical = network.numerical_gradient(x[:3], t[:3])
    for key in numerical:  # ch07/gradient_check.py
        assert np.abs(backprop[key] - numerical[key]).mean() < 1e-6, key
    # ch07/train_convnet.py and ch08/train_deepnet.py: the engine's Trainer with the book's own class
    trainer = Trainer(network, x, t, x, t, epochs=2, mini_batch_size=5, optimizer="Adam",
                      optimizer_param={"lr": 0.001}, evaluate_sample_num_per_epoch=5, verbose=False)
    trainer.train()
    assert len(trainer.train_loss_list) == 4


def test_apply_filter_pattern():
    """ch07/apply_filter.py: one filter, the scalar bias 0, an image as (1, 1, H, W)."""
    img = np.random.default_rng(6).random((1, 1, 9, 7))
    W = np.zeros((1, 1, 3, 3))
    W[0, 0, 1] = [-1.0, 0.0, 1.0]  # a horizontal edge filter
    out = Convolution(W, b=0).forward(img)
    np.testing.assert_allclose(out[0, 0], img[0, 0, 1:-1, 2:] - img[0, 0, 1:-1, :-2])


@pytest.mark.parametrize("label_kind", ["labels", "one-hot"])
def test_accuracy_takes_one_hot_labels_as_the_book(label_kind):
    x, t = digits(seed=7)
    network = MultiLayerNet(input_size=16, hidden_size_list=[8], output_size=4, seed=0)
    labels = t if label_kind == "labels" else np.eye(4)[t]
    assert network.accuracy(x, labels) == pytest.approx(np.mean(network.predict(x).argmax(axis=1) == t))

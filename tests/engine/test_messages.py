"""Every message the engine gives a user, word for word, with the values from the input in their places.

A message is part of what a student reads: "label 10 is not a class from 0 to 9" helps, the same
sentence with the wrong number or a swapped shape misleads. Each case below builds its bad input
here and writes the expected sentence out in full (numbers worked out from the input, not taken
from the code), so a changed value, a swapped field or a lost word fails it.
"""

import gzip
import io
import json
import os
import pickle
import zipfile

import numpy as np
import pytest

from engine import atlas as atlas_cli
from engine import samples, util
from engine import train as train_cli
from engine.atlas import FORMAT, fingerprint, load_atlas
from engine.confusion import confusion_matrix
from engine.conv_trace import ConvTrace, PoolTrace
from engine.deep_convnet import DeepConvNet
from engine.events import EpochEnd, TrainStep
from engine.experiments import activation_histograms, init_std
from engine.functions import cross_entropy_error
from engine.gradient import numerical_gradient
from engine.landscape import iterate_paths
from engine.layers import Affine, Convolution, Pooling
from engine.mnist import IMAGE_MAGIC, LABEL_MAGIC, DatasetError, DownloadError, load_idx_dataset, read_idx
from engine.multi_layer_net import MultiLayerNet
from engine.multi_layer_net_extend import MultiLayerNetExtend
from engine.optimizer import SGD, make_optimizer
from engine.parallel import DataParallel, replica
from engine.photo import composite_alpha, photo_to_ink
from engine.preprocess import mnist_style
from engine.pretrained import network_kind
from engine.race import OptimizerRace, iterate_race
from engine.simple_convnet import SimpleConvNet
from engine.surfaces import SurfaceError, custom
from engine.trainer import iterate_training
from engine.visualize import conv_layers, forward_to
from engine.weights import WeightsFileError, assign_params, load_params_file, load_pickle_params

from .test_mnist import write_dataset


def message(call, *args, error=ValueError, **kwargs):
    """The text of the ``error`` that ``call(*args, **kwargs)`` raises (generators are run)."""
    with pytest.raises(error) as raised:
        result = call(*args, **kwargs)
        if hasattr(result, "__next__"):
            list(result)
    return str(raised.value)


# -- geometry (util) -------------------------------------------------------------------------------------------

def test_the_output_size_formula_is_shown_with_the_numbers_filled_in():
    assert message(util.conv_output_size, 7, 2, 2, 0, strict=True) == (
        "OH = (H + 2P - FH) / S + 1 = (7 + 2*0 - 2) / 2 + 1 = 3.5 is not a whole number")
    assert message(util.conv_output_size, 3, 6, 1, 1, axis="W") == (
        "OW = (W + 2P - FW) / S + 1 = (3 + 2*1 - 6) / 1 + 1 = 0: the 6-wide filter does not fit in the padded "
        "input of size 5")
    assert message(util.conv_output_size, 5, 2.5, axis="W") == (
        "the filter size FW must be a positive whole number, got 2.5")
    assert message(util.check_stride_pad, 0, 0) == "stride must be a positive integer, got 0"
    assert message(util.check_stride_pad, 2, -1) == "pad must be a non-negative integer, got -1"
    assert message(util.whole, "two", "pool_h", error=TypeError) == "pool_h must be a whole number, got 'two'"
    assert message(util.whole, 2.5, "stride", 1) == "stride must be a whole number of at least 1, got 2.5"
    assert message(util.whole, -2, "pool_w", 1) == "pool_w must be a whole number of at least 1, got -2"
    assert message(util.check_image_batch, np.zeros((2, 3)), "x") == "x must be 4-D (N, C, H, W), got 2-D shape (2, 3)"


def test_col2im_names_what_it_needs():
    assert message(util.col2im, np.zeros((4, 4), bool), (1, 1, 3, 3), 2, 2, error=TypeError) == (
        "col2im adds overlapping windows and needs floats, got bool")
    # (1, 1, 3, 3) with 2x2 windows: 2x2 = 4 windows of 1*2*2 = 4 values.
    assert message(util.col2im, np.zeros((3, 4)), (1, 1, 3, 3), 2, 2) == (
        "col must have shape (4, 4) for input (1, 1, 3, 3), got (3, 4)")


# -- layers ------------------------------------------------------------------------------------------------

def test_layer_messages_name_both_shapes():
    affine = Affine(np.zeros((3, 2)), np.zeros(2))
    assert message(affine.forward, np.zeros((4, 1, 1, 5))) == (
        "Affine expects 3 input features (W: (3, 2)), got 5 (input shape (4, 1, 1, 5))")
    assert message(Convolution, np.zeros((2, 3, 3)), np.zeros(2)) == (
        "filters W must be 4-D (FN, C, FH, FW), got shape (2, 3, 3)")
    assert message(Convolution, np.zeros((2, 1, 3, 3)), np.zeros(3)) == (
        "bias b must have shape (2,) for 2 filters (or broadcast to it), got (3,)")
    conv = Convolution(np.zeros((2, 3, 3, 3)), np.zeros(2))
    assert message(conv.forward, np.zeros((1, 1, 5, 5))) == (
        "channel mismatch: input has C = 1 channels (shape (1, 1, 5, 5)) but the filters expect C = 3 "
        "(W: (2, 3, 3, 3))")
    assert message(Pooling, 2, 2, mode="min") == "mode must be 'max' or 'avg', got 'min'"
    assert message(Pooling, 0, 3) == "pool size must be positive, got 0x3"


def test_the_traces_say_which_axis_does_not_fit():
    x = np.zeros((1, 1, 6, 3))  # wide enough in H, too narrow in W for a 4-wide filter
    assert message(ConvTrace, x, np.zeros((1, 1, 4, 4)), np.zeros(1)) == (
        "OW = (W + 2P - FW) / S + 1 = (3 + 2*0 - 4) / 1 + 1 = 0: the filter does not fit in the padded input")
    assert message(PoolTrace, np.zeros((1, 1, 2, 6)), 3, 3) == (
        "OH = (H + 2P - FH) / S + 1 = (2 + 2*0 - 3) / 2 + 1 = 0.5: the pooling window does not fit in the padded "
        "input")
    trace = ConvTrace(np.zeros((1, 1, 4, 5)), np.zeros((2, 1, 3, 3)), np.zeros(2))  # output (1, 2, 2, 3)
    assert message(trace.backward, np.zeros((1, 2, 3, 2))) == (
        "the upstream gradient must have the output's shape (1, 2, 2, 3), got (1, 2, 3, 2)")


# -- functions, gradient, networks ----------------------------------------------------------------------------

def test_label_messages_say_what_a_label_must_be():
    y = np.full((2, 3), 1 / 3)
    assert message(cross_entropy_error, y, np.array([0, 1, 2])) == "3 labels for 2 rows of scores"
    assert message(cross_entropy_error, y, np.array([0.5, 1.0])) == (
        "labels must be whole numbers (class indices) or one-hot rows, got float64")
    assert message(cross_entropy_error, y, np.array([0, 3])) == "label 3 is not a class from 0 to 2"
    assert message(cross_entropy_error, y, np.array([-1, 2])) == "label -1 is not a class from 0 to 2"


def test_numerical_gradient_says_why_it_needs_floats():
    expected = ("numerical_gradient perturbs x in place and needs a float32 or float64 array, got {} "
                "(an integer array cannot hold x + h; float16 rounds h = 1e-4 away)")
    assert message(numerical_gradient, lambda _: 0.0, np.array([2, 4, 6]), error=TypeError) == expected.format("int64")
    assert message(numerical_gradient, lambda _: 0.0, [1.0], error=TypeError) == expected.format("list")


def test_network_input_messages():
    net = SimpleConvNet(input_dim=(1, 8, 6), conv_param={"filter_num": 2, "filter_size": 3}, hidden_size=4,
                        output_size=3, seed=0)
    assert message(net.predict, np.zeros((2, 6, 8))) == "expected images of shape (N, 1, 8, 6), got (2, 6, 8)"
    assert message(net.accuracy, np.zeros((2, 1, 8, 6)), [1]) == (
        "accuracy needs as many labels as images, at least one: got 2 images and 1 labels")
    assert message(network_kind, {"W1": np.zeros(1)}, error=WeightsFileError) == (
        "neither SimpleConvNet (W1-W3, b1-b3) nor DeepConvNet (W1-W8, b1-b8) parameters")


def test_choices_are_listed_when_a_name_is_unknown():
    assert message(MultiLayerNet, 4, [3], 2, weight_init_std="lecun") == (
        "unknown weight_init_std 'lecun': use 'he', 'xavier' or a number")
    for cls in (MultiLayerNet, MultiLayerNetExtend):
        assert message(cls, 4, [3], 2, activation="tanh") == "activation must be 'relu' or 'sigmoid', got 'tanh'"
    assert message(OptimizerRace, {"SGD": SGD()}, 4, [3], 2, activation="tanh") == (
        "activation must be 'relu' or 'sigmoid', got 'tanh'")
    assert message(make_optimizer, "adamw") == (
        "unknown optimizer 'adamw'; choose one of SGD, Momentum, Nesterov, AdaGrad, RMSprop, Adam")
    assert message(init_std, "lecun", 100) == "init must be one of 1, 0.01, xavier, he, got 'lecun'"
    assert message(activation_histograms, "gelu") == "activation must be one of sigmoid, tanh, relu, got 'gelu'"


def test_an_optimizer_names_the_parameter_whose_gradient_has_the_wrong_shape():
    assert message(SGD().update, {"W": np.zeros((3, 3))}, {"W": np.zeros(3)}) == (
        "the gradient of 'W' has shape (3,), the parameter (3, 3)")


def test_parallel_training_messages():
    class Plain:
        params = {}

    assert message(replica, Plain(), error=TypeError) == "Plain cannot be split across threads (no _build_layers)"
    net = SimpleConvNet(input_dim=(1, 6, 6), conv_param={"filter_num": 2, "filter_size": 3}, hidden_size=4,
                        output_size=2, seed=0)
    assert message(DataParallel, net, threads=0) == "threads must be at least 1, got 0"
    assert message(DataParallel, net, threads=2, sub_batch=0) == "sub_batch must be at least 1, got 0"


def test_training_loops_say_what_went_wrong():
    net = MultiLayerNet(4, [3], 2)
    empty_x, empty_t = np.zeros((0, 4)), np.zeros(0, int)
    assert message(iterate_training, net, empty_x, empty_t) == "the training set is empty"
    race = OptimizerRace({"SGD": SGD(lr=1e200), "Fast": SGD(lr=1e300)}, 4, [3], 2, seed=0)
    assert message(iterate_race, race, empty_x, empty_t) == "the training set is empty"
    x, t = np.full((8, 4), 1e3), np.arange(8) % 2
    assert message(iterate_race, race, x, t, iterations=5, batch_size=4, seed=0, error=FloatingPointError) == (
        "the loss of every network (SGD, Fast) became infinite or NaN by iteration 2: lower the learning rates")


def test_a_diverging_trainer_names_the_loss_and_the_iteration():
    net = MultiLayerNet(4, [3], 2, seed=0)
    x, t = np.full((8, 4), 1e3), np.arange(8) % 2
    said = message(iterate_training, net, x, t, epochs=3, mini_batch_size=4, optimizer=SGD(lr=1e300), seed=0,
                   error=FloatingPointError)
    assert said in ("the loss became inf at iteration 2: lower the learning rate",
                    "the loss became nan at iteration 2: lower the learning rate")


def test_confusion_matrix_messages():
    assert message(confusion_matrix, [1, 2], [1]) == "2 labels but 1 answers"
    assert message(confusion_matrix, [0, 10], [1, 2]) == "every label must be a class 0-9, got 0..10"
    assert message(confusion_matrix, [1, 2], [-1, 3]) == "every answer must be a class 0-9, got -1..3"
    assert message(confusion_matrix, [1, 2], [1, 4], classes=4) == "every answer must be a class 0-3, got 1..4"


def test_image_messages():
    assert message(composite_alpha, np.zeros((3, 4)), np.zeros((4, 3))) == "alpha has shape (4, 3), the image (3, 4)"
    assert message(photo_to_ink, np.zeros((1, 5))) == (
        "expected a 2-D grey image of at least 2x2 pixels, got shape (1, 5)")
    assert message(photo_to_ink, np.full((4, 4), np.nan)) == "the image contains NaN or infinite values"
    assert message(mnist_style, np.zeros(3)) == "expected a 2-D grey image, got shape (3,)"
    assert message(mnist_style, np.full((4, 4), np.inf)) == "the image contains NaN or infinite values"


# -- MNIST files --------------------------------------------------------------------------------------------

def idx(magic, dims, body):
    return magic.to_bytes(4, "big") + b"".join(d.to_bytes(4, "big") for d in dims) + body


def test_idx_messages_name_the_file_and_the_numbers(tmp_path):
    f = tmp_path / "t10k-labels-idx1-ubyte"
    f.write_bytes(idx(LABEL_MAGIC, [5], bytes(3)))
    assert message(read_idx, f, "labels", error=DatasetError) == (
        "t10k-labels-idx1-ubyte: header says 5 = 5 bytes of data, but the file holds 3 (truncated)")
    f.write_bytes(idx(IMAGE_MAGIC, [2, 3, 4], bytes(30)))
    assert message(read_idx, f, "images", error=DatasetError) == (
        "t10k-labels-idx1-ubyte: header says 2 x 3 x 4 = 24 bytes of data, but the file holds more than 24")
    f.write_bytes(idx(LABEL_MAGIC, [3], bytes(20)))
    assert message(read_idx, f, "images", error=DatasetError) == (
        "t10k-labels-idx1-ubyte: magic number 0x00000801 (a label file), expected 0x00000803 for images")
    f.write_bytes(b"\0\0\x08")
    assert message(read_idx, f, "labels", error=DatasetError) == (
        "t10k-labels-idx1-ubyte: only 3 bytes, too short for an IDX header")
    f.write_bytes(idx(IMAGE_MAGIC, [2**31, 2**31, 4], b""))
    assert message(read_idx, f, "images", error=DatasetError).startswith(
        f"t10k-labels-idx1-ubyte: header announces 2147483648 x 2147483648 x 4 = {2**64:,} bytes, more than "
        "a dataset file may hold (")
    gz = tmp_path / "train-labels-idx1-ubyte.gz"
    gz.write_bytes(gzip.compress(idx(LABEL_MAGIC, [4], bytes(4)))[:-12])
    said = message(read_idx, gz, "labels", error=DatasetError)
    assert said.startswith("train-labels-idx1-ubyte.gz: cannot be decompressed (")
    assert said.endswith("); the file is corrupt or truncated")
    assert message(read_idx, tmp_path / "nothing-here.gz", "labels", error=DatasetError) == (
        f"nothing-here.gz: file not found in {tmp_path}")


def write_files(folder, n_train=3, n_test=2, train_labels=None, test_shape=(28, 28)):
    folder.mkdir(exist_ok=True)
    labels = bytes(train_labels if train_labels is not None else [1] * n_train)
    files = {
        "train-images-idx3-ubyte": idx(IMAGE_MAGIC, [n_train, 28, 28], bytes(n_train * 784)),
        "train-labels-idx1-ubyte": idx(LABEL_MAGIC, [len(labels)], labels),
        "t10k-images-idx3-ubyte": idx(IMAGE_MAGIC, [n_test, *test_shape], bytes(n_test * int(np.prod(test_shape)))),
        "t10k-labels-idx1-ubyte": idx(LABEL_MAGIC, [n_test], bytes(n_test)),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)


def test_dataset_messages_name_the_files_and_counts(tmp_path):
    write_files(tmp_path / "a", train_labels=[1, 2])
    assert message(load_idx_dataset, tmp_path / "a", error=DatasetError) == (
        "train-images-idx3-ubyte has 3 images but train-labels-idx1-ubyte has 2 labels")
    write_files(tmp_path / "b", train_labels=[1, 12, 3])
    assert message(load_idx_dataset, tmp_path / "b", error=DatasetError) == (
        "train-labels-idx1-ubyte: label 12 is not a digit 0-9")
    write_files(tmp_path / "c", test_shape=(14, 14))
    assert message(load_idx_dataset, tmp_path / "c", error=DatasetError) == (
        "training images are (28, 28) but test images are (14, 14)")
    write_files(tmp_path / "d")
    (tmp_path / "d" / "t10k-images-idx3-ubyte").unlink()
    (tmp_path / "d" / "train-labels-idx1-ubyte").unlink()
    assert message(load_idx_dataset, tmp_path / "d", error=DatasetError) == (
        f"{tmp_path / 'd'}: missing train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz")


# -- weight files -------------------------------------------------------------------------------------------

P2 = b"\x80\x02"


@pytest.mark.parametrize("data, expected", [
    (P2 + b"}" + b"K\x07" + b"N" + b"s.",
     "params.pkl: not a readable weights pickle (a dictionary key is not a string)"),
    (P2 + b"N" * 3 + b"e.", "params.pkl: not a readable weights pickle (unbalanced pickle)"),
    (P2 + b"}" + b"X\x01\x00\x00\x00a" + b"N" + b"Q" + b"s.",
     "params.pkl: not a readable weights pickle (the instruction BINPERSID is not allowed)"),
    (P2 + b"N" + b"\x85" * 13 + b".", "params.pkl: not a readable weights pickle (containers nested deeper than 12)"),
    (P2 + b"(" + b"N" * 100_001 + b"l.", "params.pkl: not a readable weights pickle (more than 100,000 instructions)"),
    (b"cos\nsystem\n(S'echo owned'\ntR.",
     "params.pkl: refusing to load os.system: only NumPy arrays and plain containers are allowed"),
    (P2 + b"]" + b".", "params.pkl: expected a dict of NumPy arrays"),
])
def test_pickle_refusals_say_why(tmp_path, data, expected):
    (tmp_path / "params.pkl").write_bytes(data)
    assert message(load_pickle_params, tmp_path / "params.pkl", error=WeightsFileError) == expected


def npy(shape, dtype="<f8", version=(1, 0), body=b""):
    buffer = io.BytesIO()
    header = {"descr": dtype, "fortran_order": False, "shape": shape}
    if version == (1, 0):
        np.lib.format.write_array_header_1_0(buffer, header)
    else:
        np.lib.format.write_array_header_2_0(buffer, header)
    return buffer.getvalue() + body  # NumPy writes the magic string too


def zipped(path, members, compression=zipfile.ZIP_STORED):
    with zipfile.ZipFile(path, "w", compression=compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_npz_refusals_say_why(tmp_path):
    w = tmp_path / "w.npz"
    w.write_bytes(b"not a zip at all")
    assert message(load_params_file, w, error=WeightsFileError) == (
        "w.npz: not a valid .npz file (it is not a zip archive)")
    zipped(w, {f"a{i}.npy": b"" for i in range(65)})
    assert message(load_params_file, w, error=WeightsFileError) == "w.npz: 65 members, more than a network's 64"
    zipped(w, {"W1.npy": npy((2,), body=bytes(16)), "notes.txt": b"hi"})
    assert message(load_params_file, w, error=WeightsFileError) == "w.npz: 'notes.txt' is not an array (.npy)"
    zipped(w, {"W1.npy": npy((2,), body=bytes(16))}, compression=zipfile.ZIP_BZIP2)
    assert message(load_params_file, w, error=WeightsFileError) == (
        "w.npz: W1.npy: an unusual compression (only stored or deflated)")
    zipped(w, {"W1.npy": npy((3,), "|O")})
    assert message(load_params_file, w, error=WeightsFileError) == "w.npz: W1.npy: object is not a plain numeric type"
    zipped(w, {"W1.npy": npy((2**31, 3, 2))})
    assert message(load_params_file, w, error=WeightsFileError) == "w.npz: the arrays would take more than 512 MB"


def test_assigning_parameters_names_every_problem():
    params = {"W": np.zeros((2, 3), np.float32), "b": np.zeros(3, np.float32)}
    assert message(assign_params, params, {"W": np.zeros((2, 3))}, "w.npz", error=WeightsFileError) == (
        "w.npz: missing parameters b")
    assert message(assign_params, params, {"W": np.zeros((3, 2)), "b": np.zeros(3)}, "w.npz",
                   error=WeightsFileError) == (
        "w.npz: shapes do not match the network (W: file (3, 2) vs network (2, 3))")
    assert message(assign_params, params, {"W": np.zeros((2, 3), complex), "b": np.zeros(3)}, "w.npz",
                   error=WeightsFileError) == "w.npz: parameters are not real numbers (W: complex128)"
    big = {"W": np.zeros((2, 3)), "b": np.array([0.0, 1e300, 0.0])}
    assert message(assign_params, params, big, "w.npz", error=WeightsFileError) == (
        "w.npz: parameters b contain NaN or infinity (or values too large for float32)")


def test_more_weight_file_refusals(tmp_path):
    w = tmp_path / "w.npz"
    header = npy((2,), body=bytes(16))
    zipped(w, {"W1.npy": header[:6] + b"\x03\x00" + header[8:]})  # a .npy version NumPy's reader does not know
    assert message(load_params_file, w, error=WeightsFileError) == "w.npz: W1.npy: .npy version (3, 0) is not supported"
    zipped(w, {"W1.npy": npy((40 * 2**20,), "<f8"), "W2.npy": npy((30 * 2**20,), "<f8")})  # 320 + 240 MB
    assert message(load_params_file, w, error=WeightsFileError) == "w.npz: the arrays would take more than 512 MB"
    big = tmp_path / "params.pkl"
    with open(big, "wb") as f:
        f.truncate(256 * 2**20 + 1)  # sparse: one byte over the limit, nothing written
    assert message(load_pickle_params, big, error=WeightsFileError) == (
        "params.pkl: larger than 256 MB, not a network's weights")
    with open(big, "r+b") as f:
        f.truncate(256 * 2**20)  # exactly the limit: read (and refused for what it holds, not its size)
    assert message(load_pickle_params, big, error=WeightsFileError) == (
        "params.pkl: not a readable weights pickle (at position 0, opcode b'\\x00' unknown)")


def test_an_atlas_of_another_format_says_both_numbers(tmp_path):
    path = tmp_path / "atlas.npz"
    np.savez(path, format=np.array(FORMAT + 1))
    assert message(load_atlas, path, error=WeightsFileError) == f"{path}: atlas format {FORMAT + 1}, expected {FORMAT}"
    np.savez(path, format=np.array(FORMAT))
    assert message(load_atlas, path, error=WeightsFileError) == (
        f"{path}: not a readable atlas ('layers is not a file in the archive')")


# -- the training command -------------------------------------------------------------------------------------

def test_the_training_commands_argument_messages(capsys):
    for args, said in [
        (["--epochs", "2.5"], "argument --epochs: '2.5' is not an integer"),
        (["--lr", "nan"], "argument --lr: nan is not a finite number"),
        (["--lr", "-1"], "argument --lr: -1: must be above 0 and at most 100"),
        (["--epochs", "0"], "argument --epochs: 0: must be at least 1 and at most 10000"),
        (["--augment-shift", "9"], "argument --augment-shift: 9: must be at least 0 and at most 8"),
        (["--threads", "300"], "argument --threads: 300: must be at least 1 and at most 256"),
        (["--out", "w.json"], "argument --out: w.json: weights are written as .npz (their .json goes beside them)"),
        (["--weight-init-std", "0"], "argument --weight-init-std: 0: must be above 0 and at most 100"),
    ]:
        with pytest.raises(SystemExit):
            train_cli.build_parser().parse_args(args)
        assert capsys.readouterr().err.splitlines()[-1] == f"dlfs-train: error: {said}", args


def test_the_training_commands_output_checks_say_what_is_wrong(tmp_path, capsys):
    (tmp_path / "folder.npz").mkdir()
    assert train_cli.main(["--out", str(tmp_path / "folder.npz"), "--quiet"]) == 2
    assert capsys.readouterr().err == (
        f"error: {tmp_path / 'folder.npz'} is a folder; give a file name ending in .npz\n")
    blocker = tmp_path / "file"
    blocker.write_text("")
    assert train_cli.main(["--out", str(blocker / "sub" / "w.npz"), "--quiet"]) == 2
    assert capsys.readouterr().err == f"error: cannot create the folder {blocker / 'sub'} (Not a directory)\n"

    os.mkfifo(tmp_path / "pipe.npz")
    assert train_cli.main(["--out", str(tmp_path / "pipe.npz"), "--quiet"]) == 2
    assert capsys.readouterr().err == (f"error: {tmp_path / 'pipe.npz'} is not a regular file (a pipe, socket or "
                                       "device); give a file name ending in .npz\n")


def test_the_training_command_says_what_it_keeps(tmp_path, monkeypatch):
    write_dataset(tmp_path / "data", n_train=60, n_test=20)
    out = tmp_path / "w.npz"
    base = ["--data", str(tmp_path / "data"), "--batch-size", "20", "--quiet", "--out", str(out)]
    said = []
    train_cli.train(train_cli.build_parser().parse_args(base + ["--epochs", "1"]), log=said.append)
    record = json.loads(out.with_suffix(".json").read_text())
    record["test_accuracy"] = 0.98765
    out.with_suffix(".json").write_text(json.dumps(record))
    real = train_cli.iterate_training

    def interrupted(network, *args, **kwargs):  # Ctrl+C during epoch 3, after two whole epochs
        for event in real(network, *args, **kwargs):
            yield event
            if isinstance(event, TrainStep) and event.epoch == 3:
                raise KeyboardInterrupt

    monkeypatch.setattr(train_cli, "iterate_training", interrupted)
    said = []
    meta = train_cli.train(train_cli.build_parser().parse_args(base + ["--epochs", "5", "--seed", "4"]),
                           log=said.append)
    new = tmp_path / "w-new.npz"
    assert said == [
        *[line for line in said if line.startswith("epoch ")],
        "\ninterrupted: keeping the weights of epoch 2",
        f"{out} holds weights with a higher recorded test accuracy (0.9877 > {meta['test_accuracy']:.4f}): kept; "
        f"the new ones go to {new} (--force overwrites)",
        f"test accuracy {meta['test_accuracy']:.4f} on 20 images; weights written to {new}",
    ]
    assert [line.split(":")[0] for line in said[:2]] == ["epoch 1/5", "epoch 2/5"]

    def stopped_at_once(network, *args, **kwargs):
        yield TrainStep(1, 1, 15, 2.3)
        raise KeyboardInterrupt
        yield EpochEnd  # (a generator)

    monkeypatch.setattr(train_cli, "iterate_training", stopped_at_once)
    assert message(train_cli.train, train_cli.build_parser().parse_args(base + ["--force"]), log=lambda _: None) == (
        "stopped before the first epoch finished: nothing written")


# -- the maintainers' commands --------------------------------------------------------------------------------

def test_the_atlas_command_reports_each_stage_and_the_agreement_it_wrote(tmp_path, capsys):
    arrays = write_dataset(tmp_path / "data", n_train=2, n_test=30)
    trained, initial = SimpleConvNet(seed=1), SimpleConvNet(seed=2)
    trained.save_params(tmp_path / "w.npz")
    initial.save_params(tmp_path / "i.npz")
    out = tmp_path / "atlas.npz"
    assert atlas_cli.main(["--net", "simple", "--weights", str(tmp_path / "w.npz"), "--initial",
                           str(tmp_path / "i.npz"), "--data", str(tmp_path / "data"), "--out", str(out)]) == 0
    said = capsys.readouterr()
    atlas = load_atlas(out)
    agreement, chance = atlas.agreement["Conv1"], atlas.chance
    assert said.out == f"wrote {out}: label agreement Conv1 {agreement:.2f} (chance {chance:.2f})\n"
    progress = said.err.split("\r")
    for last in ("scan: 30/30   ", "untrained: 30/30   ", "maximize: 30/30   ", "classes: 300/300   \n"):
        assert last in progress, last  # each stage ends on its total: 30 test images, 30 filters, 2 x 150 steps
    # a line each twentieth of the way and the last one, never the same twice: the scans go in one batch of
    # 30 images; each filter's 5 ascent steps move "maximize" on by at most one (0/30 ... 30/30)
    assert [p.split(":")[0] for p in progress if p] == ["scan", "untrained"] + ["maximize"] * 31 + ["classes"] * 20
    assert [p for p in progress if p.startswith("classes")][:2] == ["classes: 15/300   ", "classes: 30/300   "]
    assert atlas.fingerprint == fingerprint(trained) and set(atlas.agreement_untrained) == {"Conv1"}
    test_images = {img.tobytes() for img in arrays["test_img"].astype(np.uint8)}
    assert {img.tobytes() for img in atlas.images} <= test_images  # the test set's digits, not the training set's


@pytest.mark.parametrize(("command", "args", "missing"), [
    (atlas_cli.main, ["--weights", "w.npz", "--out", "a.npz"], "--net"),
    (atlas_cli.main, ["--net", "deep", "--out", "a.npz"], "--weights"),
    (atlas_cli.main, ["--net", "simple", "--weights", "w.npz"], "--out"),
    (samples.main, ["--out", "s.npz"], "--data"),
])
def test_the_atlas_and_samples_commands_name_a_missing_argument(command, args, missing, capsys):
    with pytest.raises(SystemExit) as stop:
        command(args)
    assert stop.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1].endswith(f"error: the following arguments are required: {missing}")


def test_the_training_command_trains_on_the_images_load_mnist_normalises(tmp_path, monkeypatch):
    """Kept as bytes, each batch becomes the same floats in [0, 1] that load_mnist(normalize=True) gives,
    for the training images and for the test images it measures."""
    from engine.mnist import load_mnist

    write_dataset(tmp_path / "data", n_train=40, n_test=20)
    seen = {}

    def record(network, x_train, t_train, x_test, t_test, **kwargs):
        seen["train"], seen["test"] = kwargs["transform"](x_train), kwargs["transform"](x_test)
        yield EpochEnd(1, 1, 1, 0.5, 0.5, 1.0)

    monkeypatch.setattr(train_cli, "iterate_training", record)
    train_cli.train(train_cli.build_parser().parse_args(
        ["--data", str(tmp_path / "data"), "--quiet", "--epochs", "1", "--out", str(tmp_path / "w.npz")]),
        log=lambda _: None)
    (x_train, _), (x_test, _) = load_mnist(normalize=True, flatten=False, data_dir=tmp_path / "data")
    np.testing.assert_array_equal(seen["train"], x_train)
    np.testing.assert_array_equal(seen["test"], x_test)
    assert seen["train"].max() == 1.0  # the written digits hold 255s


def test_the_training_commands_progress_bar_is_thirty_characters_wide():
    out = io.StringIO()
    bar = train_cli.ProgressBar(8, stream=out)
    bar.update(3, "epoch 1")
    assert out.getvalue().startswith("\r[###########                   ]  37.5% 0:00 ETA 0:00 epoch 1")
    bar.line("done")
    assert out.getvalue().endswith("\r" + " " * 90 + "\rdone\n")


def test_the_training_command_builds_the_books_simple_convnet():
    """Chapter 7's SimpleConvNet: 5x5 filters, no padding, stride 1, 100 hidden units, N(0, 0.01^2)."""
    net, hyper = train_cli.build_network(train_cli.build_parser().parse_args(["--filters", "7"]))
    assert net.params["W1"].shape == (7, 1, 5, 5) and net.params["W2"].shape == (7 * 12 * 12, 100)
    assert hyper == {"filter_num": 7, "filter_size": 5, "hidden_size": 100, "weight_init_std": 0.01}


def test_the_samples_command_takes_the_first_digits_of_each_class(tmp_path, capsys):
    arrays = write_dataset(tmp_path / "data", n_train=2, n_test=40, seed=5)
    out = tmp_path / "s.npz"
    assert samples.main(["--data", str(tmp_path / "data"), "--per-class", "2", "--out", str(out)]) == 0
    labels = arrays["test_label"]
    expected = sorted(i for d in range(10) for i in [j for j in range(40) if labels[j] == d][:2])
    assert capsys.readouterr().out == f"wrote {len(expected)} digits to {out}\n"
    with np.load(out) as saved:
        assert saved["test_index"].tolist() == expected
        np.testing.assert_array_equal(saved["labels"], labels[expected])
        np.testing.assert_array_equal(saved["images"], arrays["test_img"][expected])


# -- fits for the engine mutants of list A (session 9) ---------------------------------------------------------

def test_a_formula_that_overflows_everywhere_names_the_view_x_first_then_y():
    formula = "exp(exp(exp(x**2 + y**2 + 5)))"  # e^(e^(e^5)) = e^(e^148.4): beyond float64 everywhere
    assert message(custom, formula, (-3, 2, -1, 4), error=SurfaceError) == (
        f"{formula}: the values are too large for floating point (overflow) everywhere in the view x -3..2, y -1..4")
    assert message(custom, "sqrt(-1 - x**2)", (-3, 2, -1, 4), error=SurfaceError) == (
        "sqrt(-1 - x**2): not a real number anywhere in the view x -3..2, y -1..4 (a square root or log of a "
        "negative number?)")


def test_an_unknown_layer_is_refused_with_every_layer_named():
    net = SimpleConvNet(seed=0)
    names = [name for name, _ in net.inspection_layers()]
    assert message(forward_to, net, np.zeros((1, 1, 28, 28)), "Conv9") == (
        f"no layer 'Conv9'; the network has {', '.join(names)}")
    assert names[0] == "Conv1" and names[-1] == "Affine2"


def test_the_training_command_reports_a_failed_download_as_an_error_not_a_traceback(tmp_path, capsys, monkeypatch):
    def offline(**_kwargs):
        raise DownloadError("could not download train-images-idx3-ubyte.gz:\n  http://mirror/: ConnectionError")

    monkeypatch.setattr(train_cli, "load_mnist", offline)
    assert train_cli.main(["--out", str(tmp_path / "w.npz"), "--quiet"]) == 2
    assert capsys.readouterr().err == (
        "error: could not download train-images-idx3-ubyte.gz:\n  http://mirror/: ConnectionError\n")


def test_the_training_record_keeps_the_epochs_asked_for_and_the_hidden_size_used(tmp_path, monkeypatch):
    write_dataset(tmp_path / "data", n_train=40, n_test=10)
    real = train_cli.iterate_training

    def interrupted(network, *args, **kwargs):
        for event in real(network, *args, **kwargs):
            yield event
            if isinstance(event, TrainStep) and event.epoch == 2:
                raise KeyboardInterrupt

    monkeypatch.setattr(train_cli, "iterate_training", interrupted)
    out = tmp_path / "w.npz"
    train_cli.main(["--data", str(tmp_path / "data"), "--epochs", "4", "--batch-size", "20", "--quiet",
                    "--out", str(out)])
    record = json.loads(out.with_suffix(".json").read_text())
    assert (record["epochs"], record["epochs_requested"], record["interrupted"]) == (1, 4, True)
    assert record["hyperparameters"]["hidden_size"] == 100  # the book's, when --hidden is not given
    _net, deep = train_cli.build_network(train_cli.build_parser().parse_args(["--net", "deep"]))
    assert deep["hidden_size"] == 50


def test_the_paths_refuse_a_batch_of_none_and_count_their_updates_from_1():
    x, t = np.zeros((4, 1, 28, 28), np.float32), np.arange(4)
    for bad in ({"iterations": 0}, {"points": 0}, {"batch_size": 0}):
        assert message(iterate_paths, x, t, {"sgd": SGD()}, **bad) == (
            "iterations, points and batch_size must be at least 1")
    steps = list(iterate_paths(x, t, {"sgd": SGD()}, iterations=3, batch_size=2, points=3))
    assert [(s.iteration, s.iterations) for s in steps] == [(1, 3), (2, 3), (3, 3)]


def test_complex_weights_are_refused_when_the_headers_are_read(tmp_path):
    w = tmp_path / "w.npz"
    zipped(w, {"W1.npy": npy((2,), "<c16", body=bytes(32))})
    assert message(load_params_file, w, error=WeightsFileError) == (
        "w.npz: W1.npy: complex128 is not a plain numeric type")


def test_the_depth_limit_counts_an_empty_list_as_one_level(tmp_path):
    def nested(levels):  # [[[]]] is three levels
        value = []
        for _ in range(levels - 1):
            value = [value]
        return value

    path = tmp_path / "params.pkl"
    path.write_bytes(pickle.dumps(nested(12), protocol=2))
    assert message(load_pickle_params, path, error=WeightsFileError) == "params.pkl: expected a dict of NumPy arrays"
    path.write_bytes(pickle.dumps(nested(13), protocol=2))
    assert message(load_pickle_params, path, error=WeightsFileError) == (
        "params.pkl: not a readable weights pickle (containers nested deeper than 12)")


def test_the_convolution_layers_of_each_network_are_its_convolutions_only():
    assert conv_layers(SimpleConvNet(seed=0)) == ["Conv1"]
    assert conv_layers(DeepConvNet(seed=0)) == [f"Conv{k}" for k in range(1, 7)]  # the book's six, no pooling

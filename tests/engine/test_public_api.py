"""The engine's public API as a reader meets it: every public function says what it returns, and values
that are one of a few are enums that still accept the book's strings."""

import ast
import json
from pathlib import Path

import numpy as np
import pytest

from engine.layers import Pooling, PoolMode
from engine.pretrained import FILES, NETWORKS, NetworkKind, network_kind
from engine.weights import WeightsFileError

ENGINE = Path(__file__).resolve().parents[2] / "engine"


def public_functions():
    for path in sorted(ENGINE.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))

        yield from _visit(tree.body, f"{path.name}:")


def _visit(body, prefix):
    for node in body:
        if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
            yield from _visit(node.body, f"{prefix}{node.name}.")
        elif isinstance(node, ast.FunctionDef) and not node.name.startswith("_") and node.name != "main":
            yield f"{prefix}{node.name}", node


def test_every_public_engine_function_says_what_it_returns():
    found = dict(public_functions())
    assert len(found) > 150
    assert not [name for name, node in found.items() if node.returns is None]


def test_pooling_modes_are_the_books_strings_and_an_enum():
    x = np.arange(16.0).reshape(1, 1, 4, 4)
    for given, expected in (("max", [[5, 7], [13, 15]]), (PoolMode.AVG, [[2.5, 4.5], [10.5, 12.5]])):
        layer = Pooling(2, 2, stride=2, mode=given)
        assert layer.mode in tuple(PoolMode) and layer.mode == str(given)
        np.testing.assert_array_equal(layer.forward(x)[0, 0], expected)
    assert f"{PoolMode.MAX}" == "max" and str(PoolMode.AVG) == "avg"
    with pytest.raises(ValueError, match="'max' or 'avg'"):
        Pooling(2, 2, mode="sum")


def test_network_kinds_are_read_from_the_parameter_names_and_written_as_plain_strings():
    assert network_kind({f"W{i}": 0 for i in range(1, 9)}) is NetworkKind.DEEP
    assert network_kind({"W1": 0, "W2": 0, "W3": 0}) is NetworkKind.SIMPLE
    with pytest.raises(WeightsFileError):
        network_kind({"W1": 0, "W2": 0, "W3": 0, "W4": 0})
    assert NETWORKS["deep"] is NETWORKS[NetworkKind.DEEP] and FILES["simple"] == "simple_convnet"
    assert json.dumps({"kind": NetworkKind.DEEP}) == '{"kind": "deep"}' and f"{NetworkKind.SIMPLE}" == "simple"

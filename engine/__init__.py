"""DLFS Explorer's engine: the maths of *Deep Learning from Scratch* ch. 6-7 in NumPy.

Module names mirror the book's ``common/`` package, so ``from common.layers import *``
becomes ``from engine.layers import *``. The engine never imports Qt.
"""

__version__ = "0.1.0"

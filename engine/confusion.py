"""The confusion matrix: how often each true digit was read as each answer."""

import numpy as np
from numpy.typing import ArrayLike


def confusion_matrix(labels: ArrayLike, predictions: ArrayLike, classes: int = 10) -> np.ndarray:
    """(classes, classes) counts: row = the true class, column = the network's answer; the diagonal is
    what it got right. Labels and answers outside 0..classes-1 are an error, not a silent miscount."""
    labels, predictions = np.asarray(labels), np.asarray(predictions)
    if labels.shape != predictions.shape:
        raise ValueError(f"{labels.shape[0] if labels.ndim else 0} labels but {predictions.size} answers")
    for name, values in (("label", labels), ("answer", predictions)):
        if values.size and (values.min() < 0 or values.max() >= classes):
            raise ValueError(f"every {name} must be a class 0-{classes - 1}, got {values.min()}..{values.max()}")
    counts = np.zeros((classes, classes), dtype=np.int64)
    np.add.at(counts, (labels.astype(np.intp), predictions.astype(np.intp)), 1)
    return counts

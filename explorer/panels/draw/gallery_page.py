"""Digits to load onto the canvas: the shipped sample, or the whole MNIST test set once it is on
this computer; filter by digit, show the network's mistakes, or its confusion matrix, whose cells open
the digits behind them."""

import copy
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from engine import samples
from engine.confusion import confusion_matrix
from engine.mnist import load_idx_dataset

from ...data import data_folder
from ...i18n import fill
from ...widgets.combo import refill, select_data
from ...widgets.digit_gallery import DigitGallery
from ...widgets.matrix_view import MatrixView
from ...workers import FunctionWorker, GeneratorWorker, release, stop_all

MAX_SHOWN = 600  # icons in the grid at once; more would only slow the panel down
MISTAKE = QColor(229, 62, 62)  # the confusion matrix's off-diagonal cells that hold digits, and the chosen one


@dataclass
class DigitSource:
    images: np.ndarray  # uint8 (K, 28, 28)
    labels: np.ndarray  # (K,)
    predictions: np.ndarray | None = None  # the network's answers, once computed


def predict_all(net, images, batch=500, should_stop=None):
    out = []
    for i in range(0, len(images), batch):
        if should_stop is not None and should_stop():
            return None
        out.append(net.predict(images[i : i + batch, None].astype(np.float32) / 255.0).argmax(axis=1))
    return np.concatenate(out)


def own_copy(net):
    """A copy of the network for a worker: its layers keep the state of their last forward pass, so
    the live network (classifying strokes on the GUI thread meanwhile) must never be shared."""
    return copy.deepcopy(net)


def _classify(net, images, *, should_stop):
    return predict_all(net, images, should_stop=should_stop)


def _load_test_set(should_stop, folder, net):
    """A generator job: yields "predict" once the images are read, returns the DigitSource."""
    _, (images, labels) = load_idx_dataset(folder)
    yield "predict"
    return DigitSource(images, labels.astype(np.int64), predict_all(net, images, should_stop=should_stop))


class GalleryPage(QWidget):
    digit_chosen = Signal(object)  # uint8 (28, 28)

    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        images, labels = samples.load_samples()
        self.sources = {"samples": DigitSource(images, labels)}
        self.source_key = "samples"
        self.filter_key = "all"
        self.worker = None  # loads and classifies the test set
        self.classifier = None  # classifies the shipped sample for "Show mistakes"
        self.generation = 0  # counts weight changes, so a late answer for old weights is dropped
        self.stale = True
        self.pair = None  # (truth, answer) of the confusion matrix's chosen cell, if any
        self._build_ui()
        self._connect()

    def _build_ui(self):
        self.source = QComboBox()
        self.filter = QComboBox()
        self.status = QLabel()
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.source)
        row.addWidget(self.filter)
        row.addWidget(self.status, 1)
        self.gallery = DigitGallery()
        self.matrix = MatrixView(diverging=False, max_cell=40)
        self.matrix.set_room(1.3)
        self.matrix_caption = QLabel()
        self.matrix_caption.setWordWrap(True)
        self.confusion = QWidget()  # shown with the "Confusion matrix" filter
        box = QVBoxLayout(self.confusion)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.matrix_caption)
        box.addWidget(self.matrix, 0, Qt.AlignmentFlag.AlignLeft)
        self.confusion.setVisible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.confusion)
        layout.addWidget(self.gallery)

    def _connect(self):
        self.source.currentIndexChanged.connect(self._on_source_changed)
        self.filter.currentIndexChanged.connect(self._on_filter_changed)
        self.gallery.digit_chosen.connect(lambda i: self.digit_chosen.emit(self.sources[self.source_key].images[i]))
        self.matrix.cell_clicked.connect(self._on_cell_clicked)

    def retranslate(self):
        refill(self.source, [(self.tr("Shipped sample (1,000 digits)"), "samples"),
                             (self.tr("MNIST test set (10,000 digits)"), "test")])
        refill(self.filter, [(self.tr("All digits"), "all")]
               + [(fill(self.tr("Only %1"), str(d)), str(d)) for d in range(10)]
               + [(self.tr("Show mistakes"), "mistakes"), (self.tr("Confusion matrix"), "confusion")])
        self.matrix_caption.setText(self.tr("Rows: the true digit, 0 at the top. Columns: the network's answer, 0 "
                                            "on the left. The diagonal is what it got right; click a cell to see "
                                            "its digits."))
        self.source.setToolTip(self.tr("The MNIST test set is offered once MNIST is on this computer "
                                       "(File › Download MNIST or Choose MNIST folder)"))
        self.filter.setToolTip(self.tr("Which digits to show; mistakes are digits the network gets wrong"))
        self.refresh()

    def invalidate_predictions(self):
        """The weights changed: answers must be computed again."""
        self.sources.pop("test", None)  # loaded and classified again when chosen again
        self.sources["samples"].predictions = None
        self.generation += 1
        if self.source_key == "test":
            self.source_key = "samples"
            select_data(self.source, "samples")
        self.refresh()

    def _on_source_changed(self, _i):
        key = self.source.currentData() or "samples"
        if key == "test" and "test" not in self.sources:
            self._load_test_set()
            return
        self.source_key = key
        self.refresh()

    def _load_test_set(self):
        folder = data_folder(self.context.settings)
        if folder is None:
            self.status.setText(self.tr("MNIST is not on this computer yet: use File › Download MNIST."))
            select_data(self.source, "samples")
            return
        if self.worker is not None and self.worker.isRunning():
            return
        self.status.setText(self.tr("Loading the MNIST test set…"))
        self.worker = GeneratorWorker(_load_test_set, folder, own_copy(self.context.model.net), parent=self)
        self.worker.progress.connect(lambda _p: self.status.setText(self.tr("Classifying 10,000 digits…")))
        self.worker.succeeded.connect(self._on_test_set_loaded)
        self.worker.errored.connect(lambda msg, _tb: self.status.setText(msg))
        self.worker.start()

    def _on_test_set_loaded(self, source):
        self.sources["test"] = source
        self.source_key = "test"
        self.refresh()

    def _classify(self, src):
        """Classify the digits in a worker (about 0.1 s for 1,000: too long for the GUI thread)."""
        self.status.setText(fill(self.tr("Classifying %1 digit(s)…", "", len(src.labels)), f"{len(src.labels):,}"))
        self.gallery.clear()
        if self.classifier is not None and self.classifier.isRunning():
            return  # its answer triggers a refresh
        generation = self.generation
        worker = self.classifier = FunctionWorker(_classify, own_copy(self.context.model.net), src.images, parent=self)

        def done(predictions):
            release(worker)  # it has emitted its answer and is about to end: no waiting for it here
            self.classifier = None
            if generation == self.generation:
                src.predictions = predictions
            self.refresh()  # with new weights meanwhile, this starts the next round

        self.classifier.succeeded.connect(done)
        self.classifier.errored.connect(lambda msg, _tb: self.status.setText(msg))
        self.classifier.start()

    def _on_filter_changed(self, _i):
        self.filter_key = self.filter.currentData() or "all"
        self.pair = None
        self.refresh()

    def _on_cell_clicked(self, truth, answer):
        self.pair = (truth, answer)
        self.refresh()

    def refresh(self):
        if not self.isVisible():
            self.stale = True  # icons are made when the gallery is looked at
            return
        self.stale = False
        src = self.sources[self.source_key]
        labels = src.labels
        self.confusion.setVisible(self.filter_key == "confusion")
        if self.filter_key in ("mistakes", "confusion") and src.predictions is None:
            self._classify(src)
            return
        if self.filter_key == "confusion":
            idx, captions, tips, text = self._confusion(src)
        elif self.filter_key == "mistakes":
            pred = src.predictions
            idx = np.flatnonzero(pred != labels)
            captions = [f"{pred[i]}≠{labels[i]}" for i in idx]
            tips = [fill(self.tr("The network says %1; the truth is %2"), str(pred[i]), str(labels[i])) for i in idx]
            text = fill(self.tr("%1 of %2 digit(s) are misclassified", "", len(idx)), f"{len(idx):,}",
                        f"{len(labels):,}")
            text += " " + self.tr("(under each: the network's answer ≠ the true digit)")
        else:
            idx = np.arange(len(labels)) if self.filter_key == "all" else np.flatnonzero(labels == int(self.filter_key))
            captions = [str(labels[i]) for i in idx]
            tips = [fill(self.tr("A %1 from the MNIST test set"), str(labels[i])) for i in idx]
            text = fill(self.tr("%1 digit(s); click one to load it", "", len(idx)), f"{len(idx):,}")
        if len(idx) > MAX_SHOWN:
            text += " " + fill(self.tr("(showing the first %1)"), str(MAX_SHOWN))
        self.status.setText(text)
        n = min(len(idx), MAX_SHOWN)
        self.gallery.show_digits(src.images, idx[:n], captions[:n], tips[:n], key=self.source_key)

    def _confusion(self, src):
        """The matrix of ``src``'s answers, and the digits of the chosen cell (all mistakes before a click)."""
        labels, pred = src.labels, src.predictions
        counts = confusion_matrix(labels, pred)
        self.matrix.set_values(counts)
        off = counts.copy()
        np.fill_diagonal(off, 0)
        self.matrix.set_marks({(int(r), int(c)): MISTAKE for r, c in zip(*np.nonzero(off))})  # every mistake ringed
        self.matrix.set_highlights([(*self.pair, 1, 1, MISTAKE)] if self.pair else [])
        if self.pair is None:
            idx = np.flatnonzero(pred != labels)
            text = fill(self.tr("%1 of %2 digit(s) are misclassified", "", len(idx)), f"{len(idx):,}",
                        f"{len(labels):,}")
        else:
            truth, answer = self.pair
            idx = np.flatnonzero((labels == truth) & (pred == answer))
            text = (fill(self.tr("%1 read as %2: %n digit(s)", "", len(idx)), truth, answer) if truth != answer
                    else fill(self.tr("%1 read right: %n digit(s)", "", len(idx)), truth))
        captions = [f"{pred[i]}≠{labels[i]}" if pred[i] != labels[i] else str(labels[i]) for i in idx]
        tips = [fill(self.tr("The network says %1; the truth is %2"), str(pred[i]), str(labels[i])) for i in idx]
        return idx, captions, tips, text

    def showEvent(self, event):  # noqa: N802
        super().showEvent(event)
        if self.stale:
            self.refresh()

    def shutdown(self):
        stop_all(self)  # the loader, the classifier, and one released but still ending

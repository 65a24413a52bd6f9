"""The lecture as a guided tour (Help › Guided tour, Ctrl+T, or ``--tour``): step by step from the
blindfolded adventurer on f(x, y) = x²/20 + y² to the deeper layers, each step opening the right panel
in the right state with a few sentences of why. A bar at the bottom of the window; Page Down / Page Up
(what a presentation clicker sends) go forward and back, and the step reached is remembered.

Each step is a title, a text and ``go(window)``, which sets the app up through the panels' own
methods, as a user's clicks would."""

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
)
from shiboken6 import isValid

from .i18n import fill
from .widgets.combo import select_data

EDITORS = (QLineEdit, QAbstractSpinBox, QTextEdit, QPlainTextEdit, QComboBox)  # they keep Page Down / Up


@dataclass(frozen=True)
class TourStep:
    key: str
    title: str  # English source texts, translated in the "Tour" context
    text: str
    go: Callable


# -- what each step sets up ---------------------------------------------------------------------------------


def playground(window, shown, selected, frame=30, noise=0.0):
    """The Optimizer Playground on the book's figure with only ``shown`` optimizers, ``selected``'s state
    on the right, at update ``frame``."""
    window.select_panel("optimizer")
    p = window.current_panel()
    p.load_book_figure()  # the book's surface, start and learning rates (its contours kept if shown)
    for key, config in p.state.configs.items():
        config.enabled = key in shown
    p.state.selected = selected
    p.table.sync()
    if noise:
        p.noise.setValue(noise)  # recomputes with the noise
    else:
        p.recompute()
    p.set_frame(frame)
    return p


def conv_lab(window, tab, preset=None):
    """The Convolution Lab on ``tab`` ("conv", "im2col", "pool", "backward", "quiz"), the convolution
    page showing ``preset`` from its first window."""
    window.select_panel("conv")
    lab = window.current_panel()
    if preset is not None:
        lab.conv_page.preset.setCurrentIndex(lab.conv_page.preset.findData(preset))
        lab.conv_page.steps.set_step(0)
    pages = {"conv": lab.conv_page, "im2col": lab.im2col_page, "pool": lab.pool_page,
             "backward": lab.backward_page, "quiz": lab.quiz_page}
    lab.tabs.setCurrentWidget(pages[tab])
    if tab == "pool":
        lab.pool_page.load_preset("robustness")  # the text's claim: a one-column shift barely changes it
    return pages[tab]


def studio(window, page):
    window.select_panel("training")
    panel = window.current_panel()
    panel.tabs.setCurrentWidget(getattr(panel, page))
    return getattr(panel, page)


def layers(window, network, tab=0, layer=None):
    """The Layer Explorer on ``network`` ("deep" or "current": Draw & Classify's SimpleConvNet), tab
    ``tab`` (0 maps, 1 by depth, 2 how abstract), ``layer`` selected once the network is in."""
    window.select_panel("layers")
    panel = window.current_panel()
    combo = panel.controls.network_combo
    if combo.findData(network) >= 0 and combo.currentData() != network:
        select_data(combo, network)
        panel.set_network(network)
    if layer is not None:
        panel.select_layer(layer)
    panel.tabs.setCurrentIndex(tab)
    return panel


STEPS = (
    TourStep("adventurer", QT_TRANSLATE_NOOP("Tour", "The blindfolded adventurer"), QT_TRANSLATE_NOOP("Tour",
        "Training looks for the lowest point of the loss, like an adventurer searching for the deepest valley "
        "blindfolded: all they can feel is the slope under their feet — the gradient. Here the land is "
        "f(x, y) = x²/20 + y², stretched along x; the adventurer starts at (−7, 2). Press → to take one step."),
        lambda w: playground(w, {"sgd"}, "sgd", frame=0)),
    TourStep("sgd", QT_TRANSLATE_NOOP("Tour", "SGD zig-zags"), QT_TRANSLATE_NOOP("Tour",
        "SGD steps straight down the slope: W ← W − η·∂L/∂W. But the slope points mostly along y, where the "
        "valley is steep, not towards the minimum at (0, 0): the path zig-zags from one side of the valley to "
        "the other instead of heading for the minimum. The numbers of every update are on the right."),
        lambda w: playground(w, {"sgd"}, "sgd")),
    TourStep("momentum", QT_TRANSLATE_NOOP("Tour", "Momentum rolls like a ball"), QT_TRANSLATE_NOOP("Tour",
        "Momentum keeps a velocity v ← αv − η·∂L/∂W and moves by it, like a ball rolling in the bowl: the "
        "back-and-forth along y cancels out, the steady pull along x adds up. Compare its path with SGD's."),
        lambda w: playground(w, {"sgd", "momentum"}, "momentum")),
    TourStep("adagrad", QT_TRANSLATE_NOOP("Tour", "AdaGrad: a learning rate per parameter"), QT_TRANSLATE_NOOP("Tour",
        "AdaGrad adds up the squared gradients, h ← h + (∂L/∂W)², and divides each step by √h: a parameter "
        "that has moved a lot (y) gets smaller steps. The zig-zag dies out at once."),
        lambda w: playground(w, {"sgd", "adagrad"}, "adagrad")),
    TourStep("adam", QT_TRANSLATE_NOOP("Tour", "Adam: both ideas together"), QT_TRANSLATE_NOOP("Tour",
        "Adam keeps a momentum-like average of the gradients and an AdaGrad-like average of their squares, "
        "with a correction for the first steps. Here are the book's four side by side; choose any optimizer's "
        "row to see its state, or change its learning rate."),
        lambda w: playground(w, {"sgd", "momentum", "adagrad", "adam"}, "adam")),
    TourStep("noise", QT_TRANSLATE_NOOP("Tour", "With noisy gradients"), QT_TRANSLATE_NOOP("Tour",
        "A mini-batch only estimates the gradient. Here noise σ = 2 is added to every gradient: SGD's path "
        "scatters across the valley with every noisy gradient. Adam, which steps by an average of many "
        "gradients, stays smooth and close to its noise-free course; Momentum's path is smooth too, though the "
        "noise pushes it off course. Compare with the step before."),
        lambda w: playground(w, {"sgd", "momentum", "adagrad", "adam"}, "adam", noise=2.0)),
    TourStep("race", QT_TRANSLATE_NOOP("Tour", "The race on MNIST"), QT_TRANSLATE_NOOP("Tour",
        "The same four optimizers train one 5-layer network each on MNIST, on the same batches (the book's "
        "optimizer_compare_mnist.py). Press Race and watch the losses: on real data, too, SGD is the slowest."),
        lambda w: studio(w, "race_page")),
    TourStep("convolution", QT_TRANSLATE_NOOP("Tour", "Convolution"), QT_TRANSLATE_NOOP("Tour",
        "A convolution slides the filter over the input; at each window it multiplies the overlapping numbers "
        "and adds them up (a multiply-accumulate). The lecture's 4×4 input and 3×3 filter: press → to move "
        "the window, or click an output cell."),
        lambda w: conv_lab(w, "conv", "lecture")),
    TourStep("bias", QT_TRANSLATE_NOOP("Tour", "The bias"), QT_TRANSLATE_NOOP("Tour",
        "After the multiply-accumulate one number, the filter's bias, is added to every output cell."),
        lambda w: conv_lab(w, "conv", "lecture_bias")),
    TourStep("padding", QT_TRANSLATE_NOOP("Tour", "Padding"), QT_TRANSLATE_NOOP("Tour",
        "Padding surrounds the input with zeros, so the output keeps its size: with P = 1 the 4×4 input gives "
        "a 4×4 output. The output size is OH = (H + 2P − FH)/S + 1."),
        lambda w: conv_lab(w, "conv", "padding")),
    TourStep("stride", QT_TRANSLATE_NOOP("Tour", "Stride"), QT_TRANSLATE_NOOP("Tour",
        "The stride is how far the window jumps: with S = 2 it skips every other position and the output "
        "shrinks. Try sizes where (H + 2P − FH)/S is not a whole number: what is left over is marked in red."),
        lambda w: conv_lab(w, "conv", "stride2")),
    TourStep("quiz", QT_TRANSLATE_NOOP("Tour", "Exercises: the output size"), QT_TRANSLATE_NOOP("Tour",
        "Work out OH and OW for the given H, W, FH, FW, P and S, then check your answer. A new question comes "
        "with every check."),
        lambda w: conv_lab(w, "quiz")),
    TourStep("channels", QT_TRANSLATE_NOOP("Tour", "Channels: 3-D data"), QT_TRANSLATE_NOOP("Tour",
        "An image has channels (an RGB photo three). The filter has as many channels as the input; each "
        "channel is convolved with its own slice and the results are summed into one map — one output per "
        "filter, plus its bias."),
        lambda w: conv_lab(w, "conv", "channels")),
    TourStep("batch", QT_TRANSLATE_NOOP("Tour", "Many filters, a batch"), QT_TRANSLATE_NOOP("Tour",
        "FN filters give FN output channels; a batch of N images gives N outputs: (N, C, H, W) ⊛ (FN, C, FH, "
        "FW) → (N, FN, OH, OW). The network processes data as these 4-D blocks."),
        lambda w: conv_lab(w, "conv", "batch")),
    TourStep("pooling", QT_TRANSLATE_NOOP("Tour", "Pooling"), QT_TRANSLATE_NOOP("Tour",
        "Max pooling keeps the largest number of each window (average pooling their mean). It has nothing to "
        "learn and works on each channel by itself. On the right, the same input shifted one column: press → "
        "to pool window by window and compare the two outputs — most numbers stay the same."),
        lambda w: conv_lab(w, "pool")),
    TourStep("im2col", QT_TRANSLATE_NOOP("Tour", "im2col"), QT_TRANSLATE_NOOP("Tour",
        "im2col lays every window out as one row of a matrix; the filters become columns; the whole "
        "convolution is then a single matrix product, which is fast. Click a row to see its window."),
        lambda w: conv_lab(w, "im2col", "lecture")),
    TourStep("col2im", QT_TRANSLATE_NOOP("Tour", "Backward and col2im"), QT_TRANSLATE_NOOP("Tour",
        "Backpropagation runs the product the other way: dW from the windows and the output's gradient, dx "
        "spread back onto the input. col2im adds each row back where its window came from, so cells that "
        "several windows share collect several contributions."),
        lambda w: conv_lab(w, "backward", "lecture")),
    TourStep("filters", QT_TRANSLATE_NOOP("Tour", "What the trained filters see"), QT_TRANSLATE_NOOP("Tour",
        "SimpleConvNet's 30 first-layer filters after training on MNIST: many are edge and stroke detectors. "
        "Click a channel to see the filter, its response to the digit, and the test patches it likes most."),
        lambda w: layers(w, "current", 0)),
    TourStep("draw", QT_TRANSLATE_NOOP("Tour", "Draw a digit"), QT_TRANSLATE_NOOP("Tour",
        "Draw a digit with the mouse: SimpleConvNet reads it after every stroke and shows how sure it is, "
        "class by class."),
        lambda w: w.select_panel("draw")),
    TourStep("deeper", QT_TRANSLATE_NOOP("Tour", "Deeper layers"), QT_TRANSLATE_NOOP("Tour",
        "The book's chapter 8 DeepConvNet has six convolution layers. Layer by layer, what a channel responds "
        "to grows: dots and edges, strokes, parts of digits, whole digits."),
        lambda w: layers(w, "deep", 1)),
    TourStep("abstract", QT_TRANSLATE_NOOP("Tour", "The deeper, the more abstract"), QT_TRANSLATE_NOOP("Tour",
        "The lecture's last claim, measured: how often a channel's nine strongest test images show the same "
        "digit, layer by layer. It rises with depth, as in AlexNet's eight layers."),
        lambda w: layers(w, "deep", 2)),
    TourStep("beyond", QT_TRANSLATE_NOOP("Tour", "Beyond the lecture"), QT_TRANSLATE_NOOP("Tour",
        "The rest of chapter 6 is in the Training Studio: weight initialisation, batch normalisation, "
        "overfitting, hyperparameter search — and here, SimpleConvNet's real loss landscape with the four "
        "optimizers' paths. The tour ends here; Help › Guided tour opens it again."),
        lambda w: studio(w, "landscape_page")),
)


def translate(text):
    return QCoreApplication.translate("Tour", text)


class TourBar(QFrame):
    """The tour's bar: step title and text, Back / Next, the step count, Start over and Close."""

    step_changed = Signal(int)
    closed = Signal()

    def __init__(self, window, parent=None):
        super().__init__(parent)
        self.window_ = window
        self.index = 0
        self.setObjectName("tourBar")
        # Set off from the panel above by the theme's highlight colour (light and dark alike).
        self.setStyleSheet("QFrame#tourBar { background: palette(alternate-base); "
                           "border-top: 2px solid palette(highlight); }")
        self._build_ui()
        self._connect()
        self.retranslate()
        self.hide()

    def _build_ui(self):
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.count = QLabel()
        self.back_button = QPushButton()
        self.next_button = QPushButton()
        self.next_button.setDefault(True)
        self.restart_button = QPushButton()
        self.close_button = QPushButton("✕")  # text, not a style icon: it reads in light and dark themes
        self.close_button.setFixedWidth(self.close_button.sizeHint().height() + 8)
        top = QHBoxLayout()  # the title beside the buttons: the text below gets the whole width
        top.addWidget(self.title, 1)
        for w in (self.count, self.restart_button, self.back_button, self.next_button, self.close_button):
            top.addWidget(w)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 6)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.text)
        # Room for two lines always: the panel above does not jump from step to step.
        self.text.setMinimumHeight(2 * self.fontMetrics().lineSpacing() + 4)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # Page Down / Page Up come through an event filter (eventFilter), so that a text field or spin box
        # that has the focus keeps them; these two work everywhere.
        self.next_keys = [QShortcut(QKeySequence("Ctrl+Alt+Right"), self)]
        self.back_keys = [QShortcut(QKeySequence("Ctrl+Alt+Left"), self)]

    def _connect(self):
        self.next_button.clicked.connect(self.forward)
        self.back_button.clicked.connect(self.back)
        self.restart_button.clicked.connect(lambda: self.show_step(0))
        self.close_button.clicked.connect(self.close_tour)
        for key in self.next_keys:
            key.activated.connect(self.forward)
        for key in self.back_keys:
            key.activated.connect(self.back)

    def retranslate(self):
        self.back_button.setText("◀ " + self.tr("Back"))
        self.back_button.setToolTip(self.tr("The step before (Page Up)"))
        self.next_button.setToolTip(self.tr("The next step (Page Down; a presentation clicker works too)"))
        self.restart_button.setText(self.tr("Start over"))
        self.close_button.setToolTip(self.tr("Close the tour (Help › Guided tour opens it again where you "
                                             "left it)"))
        self._show_texts()

    def _show_texts(self):
        step = STEPS[self.index]
        self.title.setText(f"<b>{translate(step.title)}</b>")
        self.text.setText(translate(step.text))
        self.count.setText(fill(self.tr("%1 of %2"), self.index + 1, len(STEPS)))
        last = self.index == len(STEPS) - 1
        self.next_button.setText(self.tr("Finish") if last else self.tr("Next") + " ▶")
        self.back_button.setEnabled(self.index > 0)

    def show_step(self, index):
        """Go to step ``index`` (clamped): set the app up for it and show its text."""
        self.index = max(0, min(len(STEPS) - 1, index))
        if not self.isVisible():
            QApplication.instance().installEventFilter(self)  # only while the tour is shown
        self.show()
        shown = STEPS[self.index].go(self.window_)
        # The panel's own keys (→ steps the animation) work at once: focus inside the panel, on its controls.
        steps = getattr(shown, "steps", None)
        target = steps.next_button if steps is not None else None
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)
        self._show_texts()
        self.step_changed.emit(self.index)

    def forward(self):
        if self.index == len(STEPS) - 1:
            self.close_tour()
        else:
            self.show_step(self.index + 1)

    def back(self):
        if self.index > 0:
            self.show_step(self.index - 1)

    def close_tour(self):
        QApplication.instance().removeEventFilter(self)
        self.hide()
        self.closed.emit()

    def eventFilter(self, obj, event):  # noqa: N802 (Qt's name)
        """Page Down / Page Up (a presentation clicker's keys) move the tour while it is shown, unless the
        focus is in a field where they mean something (text, numbers)."""
        if (event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp)
                and event.modifiers() == Qt.KeyboardModifier.NoModifier and isValid(self) and self.isVisible()):
            focus = QApplication.focusWidget()
            if focus is not None and focus.window() is self.window() and not isinstance(focus, EDITORS):
                (self.forward if event.key() == Qt.Key.Key_PageDown else self.back)()
                return True
        return False

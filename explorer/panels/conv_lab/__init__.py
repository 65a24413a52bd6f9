"""Convolution Lab: the lecture's grids of numbers, alive."""

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QTabWidget, QVBoxLayout

from engine import samples

from ...i18n import fill
from ...widgets.matrix_view import MatrixView
from ..base import Panel
from .backward_page import BackwardPage
from .conv_page import ConvPage
from .im2col_page import IM2COL_ROOM, Im2colPage
from .pool_page import PoolPage
from .quiz_page import QuizPage
from .state import ConvSetup, conv_preset

REFERENCE_SIZE = (1150, 800)  # px: the panel's size in a 1400x900 window, where cells are normal
MAX_ROOM = 2.5


def room_for(width, height):
    """How much larger than normal the grids may draw in a panel of this size (1 .. MAX_ROOM)."""
    return max(1.0, min(MAX_ROOM, width / REFERENCE_SIZE[0], height / REFERENCE_SIZE[1]))


class ConvLabPanel(Panel):
    def __init__(self, context, spec, parent=None):
        super().__init__(context, spec, parent)
        self.room = 1.0
        self._build_ui()
        self._connect()
        self.retranslate()

    def _build_ui(self):
        self.tabs = QTabWidget()
        self.conv_page = ConvPage()
        self.im2col_page = Im2colPage(self.conv_page)
        self.pool_page = PoolPage()
        self.backward_page = BackwardPage(self.conv_page, self.pool_page)
        self.quiz_page = QuizPage()
        self.pages = (self.conv_page, self.im2col_page, self.pool_page, self.backward_page, self.quiz_page)
        for page in self.pages:
            self.tabs.addTab(page, "")
        QVBoxLayout(self).addWidget(self.tabs)

    def resizeEvent(self, event):  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self.room = room_for(event.size().width(), event.size().height())
        self._apply_room()

    def _apply_room(self):
        """Every grid may draw ``room`` times its normal cell size (the im2col matrices a bit more)."""
        im2col = (self.im2col_page.col_view, self.im2col_page.w_view, self.im2col_page.out_view)
        for view in self.findChildren(MatrixView):
            view.set_room(self.room * (IM2COL_ROOM if view in im2col else 1.0))
        self.im2col_page.refresh()

    def _connect(self):
        self.conv_page.setup_changed.connect(self.im2col_page.sync)
        self.conv_page.setup_changed.connect(self.backward_page.sync)
        self.conv_page.setup_changed.connect(self._apply_room)  # new grids for a new C or FN
        self.conv_page.preset.currentIndexChanged.connect(self._on_preset_chosen)
        for page in (self.conv_page, self.pool_page, self.backward_page):
            page.message.connect(self.status_message)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        keys = {
            Qt.Key.Key_Right: lambda s: s.set_step(s.step + 1),
            Qt.Key.Key_Left: lambda s: s.set_step(s.step - 1),
            Qt.Key.Key_Home: lambda s: s.set_step(0),
            Qt.Key.Key_End: lambda s: s.set_step(s.count - 1),
            Qt.Key.Key_Space: lambda s: s.toggle_play(),
        }
        self.shortcuts = []
        for key, action in keys.items():
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda a=action: self._step_action(a))
            self.shortcuts.append(shortcut)

    def _step_action(self, action):
        steps = getattr(self.tabs.currentWidget(), "steps", None)
        if steps is not None and steps.isEnabled():
            action(steps)

    def retranslate(self):
        titles = (self.tr("Convolution"), "im2col", self.tr("Pooling"), self.tr("Backward"),
                  self.tr("Quiz"))
        tips = (self.tr("Step through the forward pass window by window; channels, filters, batches"),
                self.tr("The same convolution as one matrix product"),
                self.tr("Max and average pooling, and why pooling is robust to small shifts"),
                self.tr("Gradients flowing back: dW, db, dx and pooling's routing"),
                self.tr("Practise the output-size formula"))
        for i, (t, tip) in enumerate(zip(titles, tips)):
            self.tabs.setTabText(i, t)
            self.tabs.setTabToolTip(i, tip)
        for page in self.pages:
            page.retranslate()

    def _on_tab_changed(self, _index):
        page = self.tabs.currentWidget()
        if page is self.im2col_page:
            self.im2col_page.sync()
        elif page is self.backward_page:
            self.backward_page.sync()

    def _digit(self):
        images, _ = samples.load_samples()
        return images[0] / 255.0

    def _on_preset_chosen(self, _index):
        key = self.conv_page.preset.currentData()
        if not key:
            return
        net = self.context.model.net
        setup = conv_preset(key, digit=self._digit(), filters=(net.params["W1"], net.params["b1"]), k=0)
        self.conv_page.set_setup(setup)

    def show_filter_on_image(self, request):
        """From Draw & Classify (a FilterOnImage): one trained conv1 filter on the drawn digit."""
        setup = ConvSetup(np.asarray(request.image, float)[None, None],
                          np.asarray(request.filter, float)[None, None], np.array([request.bias]))
        self.tabs.setCurrentWidget(self.conv_page)
        self.conv_page.set_setup(setup)
        self.status_message.emit(fill(self.tr("Filter %1 of conv1 on your digit"), str(request.index + 1)))

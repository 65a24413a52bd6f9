"""The room a panel lives in: the whole window when the panel fits, scroll bars when it does not.

QScrollArea's own resizing asks a widget with word-wrapped labels for its height at the given
width, which is the height it would *like* (every plot at its preferred size), and scrolls a panel
that would fit. A room gives the panel the viewport, or the panel's minimum where that is larger.
"""

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QFrame, QScrollArea


class PanelRoom(QScrollArea):
    def __init__(self, panel, parent=None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(False)  # sized here, by fit()
        self.setWidget(panel)
        panel.installEventFilter(self)

    def fit(self):
        panel = self.widget()
        if panel is None:
            return
        need, have = panel.minimumSizeHint().expandedTo(panel.minimumSize()), self.maximumViewportSize()
        # A scroll bar in one direction takes room from the other: account for it once.
        width = max(need.width(), have.width() - (self.verticalScrollBar().sizeHint().width()
                                                    if need.height() > have.height() else 0))
        height = max(need.height(), have.height() - (self.horizontalScrollBar().sizeHint().height()
                                                      if need.width() > have.width() else 0))
        panel.resize(width, height)

    def resizeEvent(self, event):  # noqa: N802 (Qt's name)
        self.fit()
        super().resizeEvent(event)

    def eventFilter(self, obj, event):  # noqa: N802 (Qt's name)
        if obj is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.fit()  # the panel's minimum may have changed (a new tab, a language, a zoom)
        return False

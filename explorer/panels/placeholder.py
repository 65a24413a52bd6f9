"""A panel slot that says what will be there, until its own issue lands."""

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout

from .base import Panel


class PlaceholderPanel(Panel):
    def __init__(self, context, spec, parent=None):
        super().__init__(context, spec, parent)
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.title.setFont(font)
        self.body = QLabel()
        self.body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body.setWordWrap(True)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.body)
        layout.addStretch(2)
        self.retranslate()

    def retranslate(self):
        self.title.setText(QCoreApplication.translate("Panels", self.spec.title))
        self.body.setText(QCoreApplication.translate("Panels", self.spec.summary) + "\n\n"
                          + self.tr("This panel is being built."))

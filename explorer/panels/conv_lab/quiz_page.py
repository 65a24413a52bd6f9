"""Output-size quiz: the lecture's three exercises, then random ones; the answer is explained."""

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from engine.conv_trace import output_size_question

from ...i18n import fill


class QuizPage(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.k = 0
        self.rng = np.random.default_rng()
        self.score = [0, 0]  # right, asked
        self.checked = False  # whether the current question has been scored
        self._build_ui()
        self._connect()
        self.q = output_size_question(0)

    def _build_ui(self):
        self.question = QLabel()
        self.question.setTextFormat(Qt.TextFormat.RichText)
        self.question.setWordWrap(True)
        font = self.question.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.question.setFont(font)
        self.oh, self.ow = QSpinBox(), QSpinBox()
        for box in (self.oh, self.ow):
            box.setRange(0, 999)
        form = QFormLayout()
        self.oh_label, self.ow_label = QLabel("OH"), QLabel("OW")
        form.addRow(self.oh_label, self.oh)
        form.addRow(self.ow_label, self.ow)
        self.check_button = QPushButton()
        self.next_button = QPushButton()
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.next_button)
        buttons.addStretch(1)
        self.feedback = QLabel()
        self.feedback.setTextFormat(Qt.TextFormat.RichText)
        self.feedback.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.feedback)
        layout.addStretch(1)

    def _connect(self):
        self.check_button.clicked.connect(self.check)
        self.next_button.clicked.connect(self.next_question)

    def retranslate(self):
        self.check_button.setText(self.tr("Check"))
        self.check_button.setToolTip(self.tr("Check your answer (Enter)"))
        self.next_button.setText(self.tr("Next question"))
        self.next_button.setToolTip(self.tr("The lecture's three exercises come first, then random ones"))
        self.oh.setToolTip(self.tr("Your answer for the output height"))
        self.ow.setToolTip(self.tr("Your answer for the output width"))
        self.show_question()

    def show_question(self):
        q = self.q
        self.question.setText(fill(self.tr(
            "Question %1: input (H, W) = (%2, %3), padding P = %4, stride S = %5, filter (FH, FW) = (%6, %7).<br>"
            "What is the output size (OH, OW)?"),
            str(self.k + 1), str(q["H"]), str(q["W"]), str(q["P"]), str(q["S"]), str(q["FH"]), str(q["FW"])))

    def check(self):
        q = self.q
        right = self.oh.value() == q["OH"] and self.ow.value() == q["OW"]
        if not self.checked:  # one question counts once, however often Check is pressed
            self.checked = True
            self.score[0] += int(right)
            self.score[1] += 1
        explain = self.tr("OH = (H + 2P − FH)/S + 1 = (%1 + 2·%2 − %3)/%4 + 1 = %5; "
                          "OW = (W + 2P − FW)/S + 1 = (%6 + 2·%2 − %7)/%4 + 1 = %8")
        explain = fill(explain, str(q["H"]), str(q["P"]), str(q["FH"]), str(q["S"]), str(q["OH"]), str(q["W"]),
                       str(q["FW"]), str(q["OW"]))
        verdict = self.tr("Right!") if right else self.tr("Not quite.")
        color = "#2f855a" if right else "#c53030"
        score = fill(self.tr("Score: %1 of %2"), str(self.score[0]), str(self.score[1]))
        self.feedback.setText(f"<b style='color:{color}'>{verdict}</b> {explain}<br>{score}")
        return right

    def next_question(self):
        self.checked = False
        self.k += 1
        self.q = output_size_question(self.k, self.rng)
        self.feedback.setText("")
        self.oh.setValue(0)
        self.ow.setValue(0)
        self.show_question()

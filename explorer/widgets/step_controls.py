"""First / previous / play-pause / next / last, a speed slider and "step k of n"."""

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QStyle, QToolButton, QWidget

from ..i18n import fill
from .sizing import usable_slider


class StepControls(QWidget):
    """``label(step, count)`` words the position (default "Step k of n", counting from 1); ``speed`` is
    (slowest, fastest, default) steps per second."""

    step_changed = Signal(int)
    playing_changed = Signal(bool)

    def __init__(self, parent=None, label=None, speed=(1, 20, 3)):
        super().__init__(parent)
        self.count = 1
        self.step = 0
        self._label = label
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._on_timer_timeout)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.first_button, self.prev_button, self.play_button, self.next_button, self.last_button = (
            QToolButton() for _ in range(5))
        style = self.style()
        SP = QStyle.StandardPixmap
        self.play_icon, self.pause_icon = style.standardIcon(SP.SP_MediaPlay), style.standardIcon(SP.SP_MediaPause)
        for b, icon in zip((self.first_button, self.prev_button, self.play_button, self.next_button,
                            self.last_button), (SP.SP_MediaSkipBackward, SP.SP_MediaSeekBackward, SP.SP_MediaPlay,
                                                SP.SP_MediaSeekForward, SP.SP_MediaSkipForward)):
            b.setIcon(style.standardIcon(icon))
            layout.addWidget(b)
        self.play_button.setCheckable(True)
        self.label = QLabel()
        self.speed = QSlider(Qt.Orientation.Horizontal)
        self.speed.setRange(speed[0], speed[1])  # steps per second
        self.speed.setValue(speed[2])
        self.speed.setMaximumWidth(120)
        usable_slider(self.speed)
        self.speed_label = QLabel()
        layout.addWidget(self.label, 1)
        layout.addWidget(self.speed_label)
        layout.addWidget(self.speed)
        self.first_button.clicked.connect(lambda: self.set_step(0))
        self.prev_button.clicked.connect(lambda: self.set_step(self.step - 1))
        self.next_button.clicked.connect(lambda: self.set_step(self.step + 1))
        self.last_button.clicked.connect(lambda: self.set_step(self.count - 1))
        self.play_button.toggled.connect(self._on_play_toggled)
        self.speed.valueChanged.connect(lambda v: self.timer.setInterval(int(1000 / v)))
        self.retranslate()
        self._update_label()

    def retranslate(self):
        self.first_button.setToolTip(self.tr("First step (Home)"))
        self.prev_button.setToolTip(self.tr("Previous step (←)"))
        self.play_button.setToolTip(self.tr("Play / pause (Space)"))
        self.next_button.setToolTip(self.tr("Next step (→)"))
        self.last_button.setToolTip(self.tr("Last step (End)"))
        self.speed.setToolTip(self.tr("Steps per second while playing"))
        self.speed_label.setText(self.tr("Speed"))
        self._update_label()

    def set_count(self, count):
        self.count = max(1, count)
        self.set_step(min(self.step, self.count - 1), force=True)

    def set_step(self, step, force=False):
        step = max(0, min(self.count - 1, step))
        if step != self.step or force:
            self.step = step
            self._update_label()
            self.step_changed.emit(step)

    def toggle_play(self):
        self.play_button.toggle()

    def _on_play_toggled(self, on):
        self.play_button.setIcon(self.pause_icon if on else self.play_icon)
        if on:
            if self.step >= self.count - 1:
                self.set_step(0)
            self.timer.start(int(1000 / self.speed.value()))
        else:
            self.timer.stop()
        self.playing_changed.emit(on)

    def _on_timer_timeout(self):
        if self.step >= self.count - 1:
            self.play_button.setChecked(False)
        else:
            self.set_step(self.step + 1)

    def _update_label(self):
        if self._label is not None:
            self.label.setText(self._label(self.step, self.count))
        else:
            self.label.setText(fill(self.tr("Step %1 of %2"), str(self.step + 1), str(self.count)))

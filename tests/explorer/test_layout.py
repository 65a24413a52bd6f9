"""Windows of any size: from 1024x640 to 4K, in English and Korean, every control keeps its room.

Each panel and each of its tabs is shown in a real main window of the given size; every visible
control must be at least as wide as it needs to show itself (Qt's minimum size hint: the whole
text of a button, label or check box, a usable slider, the digits of a spin box). At the normal
text size every panel fits the window whole; at zoom +6 a panel may scroll, but never squeezes."""

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QTabBar,
    QTabWidget,
    QWidget,
)

from explorer import i18n
from explorer.app import MainWindow
from explorer.panels import PANEL_KEYS
from explorer.plotting import pg

CONTROLS = (QAbstractButton, QAbstractSlider, QAbstractSpinBox, QComboBox, QLineEdit, QLabel)
SLIDER_MIN = 60  # px: a slider narrower than this cannot be set with the mouse


def needed_width(widget):
    if isinstance(widget, QAbstractSlider):
        return SLIDER_MIN if widget.orientation().value == 1 else 0  # Qt.Horizontal
    if isinstance(widget, QLabel):
        if widget.wordWrap() or not widget.text() or widget.pixmap() is not None and not widget.pixmap().isNull():
            return 0
        return widget.minimumSizeHint().width()
    if isinstance(widget, QAbstractSpinBox):  # its value must show whole beside the arrows
        edit = widget.lineEdit()
        shown = widget.fontMetrics().horizontalAdvance(edit.text()) + 6
        return max(widget.minimumSizeHint().width(), shown + widget.width() - edit.width())
    if isinstance(widget, (QComboBox, QLineEdit)):
        return 48  # a combo box or text field elides its text, but must stay usable
    return widget.minimumSizeHint().width()


def squeezed(root):
    """The visible controls under ``root`` narrower than they need, as readable strings."""
    found = []
    for plot in root.findChildren(pg.PlotWidget):  # a plot's title is drawn whole, never clipped
        title = plot.getPlotItem().titleLabel
        if plot.isVisibleTo(root) and title.isVisible() and title.item.boundingRect().width() > plot.width():
            found.append(f"plot title {title.text!r}: {title.item.boundingRect().width():.0f} > {plot.width()}")
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or isinstance(widget.parent(), (QAbstractSpinBox, QTabBar)):
            continue  # parts of a spin box or of a tab bar's scroll buttons: the whole is checked
        if not widget.isVisibleTo(root) or widget.window() is not root.window():
            continue
        if not widget.visibleRegion().boundingRect().width():  # scrolled out of view: not squeezed
            continue
        need = needed_width(widget)
        if widget.width() + 1 < need:
            text = widget.text() if hasattr(widget, "text") else ""
            found.append(f"{type(widget).__name__} {widget.objectName() or text!r}: {widget.width()} < {need}")
    return found


def every_view(window, qtbot):
    """Yield (name, panel) for every panel and every tab of its first tab widget, shown."""
    for key in PANEL_KEYS:
        window.select_panel(key)
        qtbot.wait(30)
        panel = window.current_panel()
        tabs = panel.findChild(QTabWidget)
        for i in range(tabs.count() if tabs is not None else 1):
            if tabs is not None:
                tabs.setCurrentIndex(i)
            qtbot.wait(30)
            yield f"{key}/{i}", panel


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("size, zoom", [((1024, 640), 0), ((1280, 800), 0), ((3840, 2160), 0), ((1400, 900), 6)])
def test_no_control_is_squeezed_at_any_window_size(qtbot, settings, size, zoom, lang):
    settings.set("zoom", zoom)  # +6: text 60 % larger, the largest the View menu offers
    window = MainWindow(settings, lang=lang, panel="draw")
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    assert abs(window.width() - size[0]) <= 2 and abs(window.height() - size[1]) <= 2  # fits on screen
    problems = []
    for name, panel in every_view(window, qtbot):
        problems += [f"{name}: {p}" for p in squeezed(panel)]
        room = panel.parentWidget().parentWidget()  # the scroll area: viewport, then the area
        need, have = panel.minimumSizeHint(), room.viewport().size()
        scrolls = room.horizontalScrollBar().maximum() or room.verticalScrollBar().maximum()
        if zoom == 0 and (need.width() > have.width() or need.height() > have.height() or scrolls):
            # at the normal text size from 1024x640 up, every panel fits: nothing to scroll
            problems.append(f"{name}: needs {need.width()}x{need.height()}, has {have.width()}x{have.height()}, "
                            f"panel {panel.width()}x{panel.height()}")
    if zoom:  # at zoom +6 the names would be cut off: the list shows icons, the panels get the room
        assert window.nav.width() < 100
    i18n.install("en")
    assert not problems, "\n".join(problems)

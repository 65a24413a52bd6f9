"""pyqtgraph, configured once: panels import ``pg`` from here, never pyqtgraph directly.

Importing pyqtgraph costs a noticeable fraction of a second, so it happens when the first
plotting panel is built, not at start-up.
"""

import weakref

import pyqtgraph as pg
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
from shiboken6 import isValid

from .colors import label_rgb

pg.setConfigOptions(imageAxisOrder="row-major", antialias=True)

__all__ = ["pg", "book_plot", "set_title", "themed", "restyle_all", "optimizer_rgb", "long_curve", "set_long_data"]

_THEMED = weakref.WeakKeyDictionary()  # plot widget -> its recolour callback (or None)
MARGINS = (4, 10, 12, 4)  # left, top, right, bottom: room for the top tick label and the last one


def plot_colors():
    """(background, foreground) for plots in the current palette: the book's white in a light
    theme, the dark base colour in a dark one; text and axes in the palette's text colour, softened."""
    palette = QApplication.palette()
    base = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    mix = lambda a, b: int(0.75 * a + 0.25 * b)  # noqa: E731
    return base, QColor(mix(text.red(), base.red()), mix(text.green(), base.green()), mix(text.blue(), base.blue()))


def optimizer_rgb(key):
    """An optimizer's curve colour on the current plot background (Adam's near-black turns light)."""
    base = plot_colors()[0]
    return label_rgb(key, (base.red(), base.green(), base.blue()))


def themed(widget, recolor=None, on_window=False):
    """Give a pyqtgraph widget the current theme's colours now and whenever the theme changes;
    ``recolor()`` repaints curves whose colours depend on the background. ``on_window``: the
    widget's background is the window's (mosaics of images), not a plot's."""
    widget.setProperty("dlfs_on_window", on_window)
    _THEMED[widget] = recolor
    _style(widget)
    if recolor is not None:
        recolor()
    return widget


def restyle_all():
    """Called after a theme change: every themed plot takes the new palette."""
    for widget, recolor in list(_THEMED.items()):
        if not isValid(widget):  # its window was closed: the Python side may outlive the widget
            del _THEMED[widget]
            continue
        _style(widget)
        if recolor is not None:
            recolor()


def _style(widget):
    background, foreground = plot_colors()
    if widget.property("dlfs_on_window"):
        background = QApplication.palette().color(QPalette.ColorRole.Window)
    widget.setBackground(background)
    for item in widget.scene().items():
        if isinstance(item, pg.AxisItem):
            item.setPen(foreground)
            item.setTextPen(foreground)
        elif isinstance(item, pg.PlotItem):
            item.layout.setContentsMargins(*MARGINS)
            item.titleLabel.setText(item.titleLabel.text, color=foreground)  # later titles keep the colour
        elif isinstance(item, pg.LegendItem):
            item.setLabelTextColor(foreground)  # for entries added later
            for _sample, label in item.items:  # and the ones already there
                label.setText(label.text, color=foreground)


def set_title(plot, text):
    """The plot's title, and a minimum width that shows it whole (a title is never wrapped or elided)."""
    plot.setTitle(text)
    width = plot.getPlotItem().titleLabel.item.boundingRect().width()  # as drawn (its HTML sets the size)
    plot.setMinimumWidth(int(width) + 24)


def book_plot(legend=None):
    """A PlotWidget with a faint grid, as the book draws its figures: on white, or on the dark
    theme's background; ``legend``: the offset of a legend, if it has one."""
    plot = pg.PlotWidget()
    plot.showGrid(x=True, y=True, alpha=0.2)
    if legend is not None:
        plot.addLegend(offset=legend)
    return themed(plot)


def long_curve(plot, color, width=1.5, method="mean"):
    """A curve for thousands of points that still redraws in a few ms: set its data with
    ``set_long_data``, which draws at most about MAX_DRAWN averaged points, clipped to the view."""
    curve = plot.plot([], [], pen=pg.mkPen(color, width=width), skipFiniteCheck=True)
    curve.setClipToView(True)
    curve.downsample_method = method
    return curve


MAX_DRAWN = 250  # antialiased segments per curve: about one per 2 pixels of a plot 500 wide


def set_long_data(curve, x, y):
    curve.setDownsampling(ds=max(1, len(x) // MAX_DRAWN), auto=False, method=curve.downsample_method)
    curve.setData(x, y)

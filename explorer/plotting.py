"""pyqtgraph, configured once: panels import ``pg`` from here, never pyqtgraph directly.

Importing pyqtgraph costs a noticeable fraction of a second, so it happens when the first
plotting panel is built, not at start-up.
"""

import pyqtgraph as pg

pg.setConfigOptions(imageAxisOrder="row-major", antialias=True)

__all__ = ["pg", "white_plot", "long_curve", "set_long_data"]


def white_plot():
    """A PlotWidget on white with a faint grid, as the book draws its figures."""
    plot = pg.PlotWidget()
    plot.setBackground("w")
    plot.showGrid(x=True, y=True, alpha=0.2)
    return plot


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

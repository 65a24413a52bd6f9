"""pyqtgraph, configured once: panels import ``pg`` from here, never pyqtgraph directly.

Importing pyqtgraph costs a noticeable fraction of a second, so it happens when the first
plotting panel is built, not at start-up.
"""

import pyqtgraph as pg

pg.setConfigOptions(imageAxisOrder="row-major", antialias=True)

__all__ = ["pg", "white_plot"]


def white_plot():
    """A PlotWidget on white with a faint grid, as the book draws its figures."""
    plot = pg.PlotWidget()
    plot.setBackground("w")
    plot.showGrid(x=True, y=True, alpha=0.2)
    return plot

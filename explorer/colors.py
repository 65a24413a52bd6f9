"""Colours and names shared by panels: every optimizer keeps its colour everywhere in the app."""

from engine.optimizer import OPTIMIZERS

OPTIMIZER_NAMES = {key: cls.name for key, cls in OPTIMIZERS.items()}  # "adagrad" -> "AdaGrad", the engine's

OPTIMIZER_ORDER = ("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam")
OPTIMIZER_COLORS = {"sgd": (229, 62, 62), "momentum": (49, 130, 206), "nesterov": (128, 90, 213),
                    "adagrad": (56, 161, 105), "rmsprop": (214, 158, 46), "adam": (26, 32, 44)}

ON_DARK = (226, 232, 240)  # what a near-black optimizer colour (Adam's) becomes on a dark window


def _luminance(rgb):
    r, g, b = (c / 255 for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def label_rgb(key, window_rgb):
    """The optimizer's colour for its name written on a window of colour ``window_rgb``:
    the plot colour, unless it would vanish (Adam's near-black on a dark theme)."""
    rgb = OPTIMIZER_COLORS[key]
    if _luminance(window_rgb) < 0.5 and _luminance(rgb) < 0.25:
        return ON_DARK
    return rgb


def paint_optimizer_labels(labels, palette):
    """Colour each {key: widget} name for the current palette (call again on a palette change)."""
    window = palette.window().color()
    for key, widget in labels.items():
        widget.setStyleSheet(f"color: rgb{label_rgb(key, (window.red(), window.green(), window.blue()))}; "
                             "font-weight: bold;")

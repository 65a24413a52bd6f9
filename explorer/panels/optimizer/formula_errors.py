"""The engine's formula errors (English, with %1 placeholders) in the user's language."""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ...i18n import fill

# Every template engine.surfaces raises; a test keeps this list and the engine's in step.
TEMPLATES = (
    QT_TRANSLATE_NOOP("Formula", "the formula is nested too deeply"),
    QT_TRANSLATE_NOOP("Formula", "unknown name '%1': use x and y (and pi, e)"),
    QT_TRANSLATE_NOOP("Formula", "the exponent %1 is too large (at most %2)"),
    QT_TRANSLATE_NOOP("Formula", "the operator '%1' is not allowed: use + - * / **"),
    QT_TRANSLATE_NOOP("Formula", "'%1' is not an allowed function: use %2"),
    QT_TRANSLATE_NOOP("Formula", "%1() takes exactly one argument"),
    QT_TRANSLATE_NOOP("Formula", "'%1' is not allowed in a formula"),
    QT_TRANSLATE_NOOP("Formula", "type a formula in x and y, for example x**2/20 + y**2"),
    QT_TRANSLATE_NOOP("Formula", "the formula is longer than %1 characters"),
    QT_TRANSLATE_NOOP("Formula", "'%1' is not a valid formula (%2 at column %3)"),
    QT_TRANSLATE_NOOP("Formula", "'%1' does not depend on x or y"),
    QT_TRANSLATE_NOOP("Formula", "%1: the values are too large for floating point (overflow) everywhere in the "
                                 "view x %2..%3, y %4..%5"),
    QT_TRANSLATE_NOOP("Formula", "%1: not a real number anywhere in the view x %2..%3, y %4..%5 (a square root "
                                 "or log of a negative number?)"),
    QT_TRANSLATE_NOOP("Formula", "'%1' divides by zero or is not a number"),
    QT_TRANSLATE_NOOP("Formula", "'%1' is not a real number"),
    QT_TRANSLATE_NOOP("Formula", "'%1' is too large a number (at most %2)"),
    QT_TRANSLATE_NOOP("Formula", "%1 cannot be evaluated (%2)"),
)


def translated(error):
    """The message of an engine.surfaces.SurfaceError in the current language."""
    template = getattr(error, "template", None)
    if template is None:
        return str(error)
    return fill(QCoreApplication.translate("Formula", template), *error.values)

"""Loss surfaces f(x, y) for the optimizer playground, built-in or typed by the user.

A formula is parsed with Python's ``ast`` into a whitelisted tree (numbers, x, y, + - * / **,
and a few functions) and turned into a SymPy expression node by node: text is never passed
to ``eval``. SymPy then gives the exact gradient, and both are compiled to NumPy functions.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import ArrayLike


class SurfaceError(ValueError):
    """A formula that is not a usable function of x and y; the message says why.

    ``template`` (with %1, %2, ... placeholders) and ``values`` let a user interface translate the
    message (the engine's texts are English); ``str(error)`` is the English message.
    """

    def __init__(self, template, *values):
        self.template, self.values = template, tuple(str(v) for v in values)
        super().__init__(re.sub(r"%([1-9])", lambda m: self.values[int(m.group(1)) - 1], template))


FUNCTIONS = ("sin", "cos", "tan", "exp", "log", "sqrt", "abs", "tanh", "sinh", "cosh", "atan", "asin", "acos")
MAX_LENGTH = 300
MAX_EXPONENT = 64  # x**1000000 would keep SymPy busy and overflow everywhere anyway
MAX_NUMBER = 1e300  # every constant and every constant part of the formula stays a finite float


def _sympy():
    import sympy  # imported on first use: it takes a moment

    return sympy


def _build(node, sp, symbols, depth=0):
    """The SymPy expression of ``node``; every constant part is checked as soon as it is built, so
    (((10**64)**64)**64)**64 stops at its first huge number instead of computing a 260,000-digit one."""
    value = _build_node(node, sp, symbols, depth)
    if getattr(value, "is_number", False):
        _check_constant(value, node, sp)
    return value


def _check_constant(value, node, sp):
    text = ast.unparse(node) if hasattr(ast, "unparse") else str(value)
    text = text if len(text) <= 40 else text[:37] + "..."
    if value.has(sp.zoo, sp.nan):
        raise SurfaceError("'%1' divides by zero or is not a number", text)
    try:
        magnitude = abs(float(value))
    except TypeError:  # SymPy cannot make a float of a complex number
        raise SurfaceError("'%1' is not a real number", text) from None
    except (OverflowError, ValueError):
        magnitude = float("inf")
    if not magnitude <= MAX_NUMBER:
        raise SurfaceError("'%1' is too large a number (at most %2)", text, f"{MAX_NUMBER:g}")


def _build_node(node, sp, symbols, depth):
    if depth > 60:
        raise SurfaceError("the formula is nested too deeply")
    if isinstance(node, ast.Expression):
        return _build(node.body, sp, symbols, depth + 1)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
        return sp.Float(node.value) if isinstance(node.value, float) else sp.Integer(node.value)
    if isinstance(node, ast.Name):
        if node.id in symbols:
            return symbols[node.id]
        if node.id == "pi":
            return sp.pi
        if node.id == "e":
            return sp.E
        raise SurfaceError("unknown name '%1': use x and y (and pi, e)", node.id)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.UAdd, ast.USub)):
        value = _build(node.operand, sp, symbols, depth + 1)
        return -value if isinstance(node.op, ast.USub) else value
    if isinstance(node, ast.BinOp):
        a = _build(node.left, sp, symbols, depth + 1)
        b = _build(node.right, sp, symbols, depth + 1)
        if isinstance(node.op, ast.Add):
            return a + b
        if isinstance(node.op, ast.Sub):
            return a - b
        if isinstance(node.op, ast.Mult):
            return a * b
        if isinstance(node.op, ast.Div):
            return a / b
        if isinstance(node.op, ast.Pow):
            if b.is_number and abs(float(b)) > MAX_EXPONENT:
                raise SurfaceError("the exponent %1 is too large (at most %2)", b, MAX_EXPONENT)
            return a**b
        raise SurfaceError("the operator '%1' is not allowed: use + - * / **", type(node.op).__name__)
    if isinstance(node, ast.Call):
        if not isinstance(node.func, ast.Name) or node.func.id not in FUNCTIONS:
            name = node.func.id if isinstance(node.func, ast.Name) else "this call"
            raise SurfaceError("'%1' is not an allowed function: use %2", name, ", ".join(FUNCTIONS))
        if node.keywords or len(node.args) != 1:
            raise SurfaceError("%1() takes exactly one argument", node.func.id)
        arg = _build(node.args[0], sp, symbols, depth + 1)
        fn = {"abs": sp.Abs, "atan": sp.atan, "asin": sp.asin, "acos": sp.acos}.get(node.func.id) or getattr(
            sp, node.func.id)
        return fn(arg)
    raise SurfaceError("'%1' is not allowed in a formula", ast.unparse(node) if hasattr(ast, "unparse") else node)


def parse_formula(text: str) -> tuple:
    """Text such as ``x**2/20 + y**2`` or ``sin(x)*cos(y)`` -> (sympy expression, (x, y) symbols)."""
    sp = _sympy()
    text = (text or "").strip()
    if not text:
        raise SurfaceError("type a formula in x and y, for example x**2/20 + y**2")
    if len(text) > MAX_LENGTH:
        raise SurfaceError("the formula is longer than %1 characters", MAX_LENGTH)
    source = text.replace("^", "**").replace("×", "*").replace("−", "-")
    try:
        tree = ast.parse(source, mode="eval")
    except SyntaxError as e:
        raise SurfaceError("'%1' is not a valid formula (%2 at column %3)", text, e.msg, e.offset) from None
    for node in ast.walk(tree):  # 1e400 is read as infinity: name it as it was typed
        if isinstance(node, ast.Constant) and isinstance(node.value, float) and not np.isfinite(node.value):
            raise SurfaceError("'%1' is too large a number (at most %2)", ast.get_source_segment(source, node),
                               f"{MAX_NUMBER:g}")
    x, y = sp.symbols("x y", real=True)
    expr = _build(tree, sp, {"x": x, "y": y})
    if not expr.free_symbols & {x, y}:
        raise SurfaceError("'%1' does not depend on x or y", text)
    return expr, (x, y)


@dataclass
class Surface:
    """f(x, y) with its exact gradient, vectorised over NumPy arrays."""

    key: str
    formula: str
    view: tuple = (-10.0, 10.0, -10.0, 10.0)  # xmin, xmax, ymin, ymax
    minima: tuple = ()  # known minima (x, y), marked on the plot
    start: tuple = (-7.0, 2.0)
    title: str = ""
    _f: object = field(default=None, repr=False)
    _g: object = field(default=None, repr=False)

    def __post_init__(self):
        if self._f is not None:  # a built-in surface with hand-written derivatives: no SymPy needed
            return
        sp = _sympy()
        expr, (x, y) = parse_formula(self.formula)
        self.expr = expr
        self.grad_expr = (sp.diff(expr, x), sp.diff(expr, y))
        # lambdify prints the expression we built ourselves into NumPy code: no user text runs.
        self._f = sp.lambdify((x, y), expr, "numpy")
        self._g = sp.lambdify((x, y), self.grad_expr, "numpy")

    def f(self, x: ArrayLike, y: ArrayLike) -> np.ndarray:
        with np.errstate(all="ignore"):
            out = self._f(np.asarray(x, float), np.asarray(y, float))
        return np.broadcast_to(out, np.broadcast(np.asarray(x), np.asarray(y)).shape).astype(float)

    def grad(self, x: ArrayLike, y: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
        with np.errstate(all="ignore"):
            gx, gy = self._g(np.asarray(x, float), np.asarray(y, float))
        shape = np.broadcast(np.asarray(x), np.asarray(y)).shape
        return np.broadcast_to(gx, shape).astype(float), np.broadcast_to(gy, shape).astype(float)

    def grid(self, n: int = 200) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(xs, ys, Z) sampled over the view, Z[i, j] = f(xs[j], ys[i])."""
        xmin, xmax, ymin, ymax = self.view
        xs, ys = np.linspace(xmin, xmax, n), np.linspace(ymin, ymax, n)
        X, Y = np.meshgrid(xs, ys)
        return xs, ys, self.f(X, Y)


BUILT_IN = {
    "book": dict(formula="x**2/20 + y**2", view=(-10, 10, -5, 5), minima=((0, 0),), start=(-7, 2),
                 title="f(x, y) = x²/20 + y²"),
    "rosenbrock": dict(formula="(1 - x)**2 + 100*(y - x**2)**2", view=(-2, 2, -1, 3), minima=((1, 1),),
                       start=(-1.5, 2.0), title="Rosenbrock"),
    "beale": dict(formula="(1.5 - x + x*y)**2 + (2.25 - x + x*y**2)**2 + (2.625 - x + x*y**3)**2",
                  view=(-4.5, 4.5, -4.5, 4.5), minima=((3, 0.5),), start=(1.0, 1.5), title="Beale"),
    "himmelblau": dict(formula="(x**2 + y - 11)**2 + (x + y**2 - 7)**2", view=(-5, 5, -5, 5),
                       minima=((3, 2), (-2.805118, 3.131312), (-3.779310, -3.283186), (3.584428, -1.848126)),
                       start=(0.0, 0.0), title="Himmelblau"),
    "saddle": dict(formula="x**2 - y**2", view=(-2, 2, -2, 2), minima=(), start=(-1.5, 0.05),
                   title="Saddle x² − y²"),
    "booth": dict(formula="(x + 2*y - 7)**2 + (2*x + y - 5)**2", view=(-10, 10, -10, 10), minima=((1, 3),),
                  start=(-8.0, -8.0), title="Booth"),
}


# The built-in surfaces' f and exact gradient written out by hand, so opening the Optimizer Playground
# needs no SymPy (importing it takes 1.5 s on a busy machine); a test checks each against SymPy.
HAND_WRITTEN = {
    "book": (lambda x, y: x**2 / 20 + y**2,
             lambda x, y: (x / 10, 2 * y)),
    "rosenbrock": (lambda x, y: (1 - x) ** 2 + 100 * (y - x**2) ** 2,
                   lambda x, y: (-2 * (1 - x) - 400 * x * (y - x**2), 200 * (y - x**2))),
    "beale": (lambda x, y: (1.5 - x + x * y) ** 2 + (2.25 - x + x * y**2) ** 2 + (2.625 - x + x * y**3) ** 2,
              lambda x, y: (2 * (1.5 - x + x * y) * (y - 1) + 2 * (2.25 - x + x * y**2) * (y**2 - 1)
                            + 2 * (2.625 - x + x * y**3) * (y**3 - 1),
                            2 * (1.5 - x + x * y) * x + 2 * (2.25 - x + x * y**2) * 2 * x * y
                            + 2 * (2.625 - x + x * y**3) * 3 * x * y**2)),
    "himmelblau": (lambda x, y: (x**2 + y - 11) ** 2 + (x + y**2 - 7) ** 2,
                   lambda x, y: (4 * x * (x**2 + y - 11) + 2 * (x + y**2 - 7),
                                 2 * (x**2 + y - 11) + 4 * y * (x + y**2 - 7))),
    "saddle": (lambda x, y: x**2 - y**2,
               lambda x, y: (2 * x, -2 * y)),
    "booth": (lambda x, y: (x + 2 * y - 7) ** 2 + (2 * x + y - 5) ** 2,
              lambda x, y: (2 * (x + 2 * y - 7) + 4 * (2 * x + y - 5), 4 * (x + 2 * y - 7) + 2 * (2 * x + y - 5))),
}


def built_in(key: str) -> Surface:
    f, g = HAND_WRITTEN[key]
    return Surface(key, **BUILT_IN[key], _f=f, _g=g)


def custom(formula: str, view: tuple[float, float, float, float] = (-5.0, 5.0, -5.0, 5.0),
           start: tuple[float, float] | None = None) -> Surface:
    """A user's formula; the start defaults to a point off-centre in the view."""
    xmin, xmax, ymin, ymax = view
    start = start or (xmin + 0.2 * (xmax - xmin), ymin + 0.7 * (ymax - ymin))
    try:  # a surface is handed out only once it has been built and evaluated
        surface = Surface("custom", formula, view=tuple(view), minima=(), start=tuple(start), title=formula)
        _, _, Z = surface.grid(60)
        surface.grad(np.asarray(start[0], float), np.asarray(start[1], float))
    except SurfaceError:
        raise
    except Exception as e:  # anything SymPy or NumPy raise on a formula that passed the checks
        raise SurfaceError("%1 cannot be evaluated (%2)", formula, type(e).__name__) from None
    if not np.isfinite(Z).any():  # nothing to draw contours of, nowhere to walk
        view = (formula, f"{xmin:g}", f"{xmax:g}", f"{ymin:g}", f"{ymax:g}")
        if np.isinf(Z).any():
            raise SurfaceError("%1: the values are too large for floating point (overflow) everywhere in the view "
                               "x %2..%3, y %4..%5", *view)
        raise SurfaceError("%1: not a real number anywhere in the view x %2..%3, y %4..%5 (a square root or log "
                           "of a negative number?)", *view)
    return surface

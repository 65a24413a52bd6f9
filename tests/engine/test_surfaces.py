import math
import warnings

import numpy as np
import pytest

from engine.optimizer import SGD, AdaGrad, Adam, Momentum, Nesterov, RMSprop
from engine.surfaces import BUILT_IN, SurfaceError, built_in, custom, parse_formula
from engine.traces import run


@pytest.mark.parametrize("key", sorted(BUILT_IN))
def test_gradients_match_central_differences(key):
    s = built_in(key)
    rng = np.random.default_rng(0)
    xmin, xmax, ymin, ymax = s.view
    for _ in range(5):
        x, y = rng.uniform(xmin, xmax) * 0.8, rng.uniform(ymin, ymax) * 0.8
        h = 1e-6
        gx = (s.f(x + h, y) - s.f(x - h, y)) / (2 * h)
        gy = (s.f(x, y + h) - s.f(x, y - h)) / (2 * h)
        ax, ay = s.grad(x, y)
        assert ax == pytest.approx(gx, rel=1e-5, abs=1e-4)
        assert ay == pytest.approx(gy, rel=1e-5, abs=1e-4)


@pytest.mark.parametrize("key", sorted(BUILT_IN))
def test_known_minima_are_minima(key):
    s = built_in(key)
    for mx, my in s.minima:
        assert s.f(mx, my) == pytest.approx(0, abs=1e-6)
        gx, gy = s.grad(mx, my)
        assert abs(gx) < 1e-3 and abs(gy) < 1e-3


def test_book_surface_values():
    s = built_in("book")
    assert s.f(-7, 2) == pytest.approx(49 / 20 + 4)
    assert s.grad(-7, 2) == (pytest.approx(-0.7), pytest.approx(4))


def book_paths():
    """The book's optimizer_compare_naive, written out with plain floats (not the engine)."""
    def grad(x, y):
        return x / 10.0, 2.0 * y

    out = {}
    x, y = -7.0, 2.0
    for _ in range(30):
        gx, gy = grad(x, y)
        x, y = x - 0.95 * gx, y - 0.95 * gy
    out["SGD"] = (x, y)
    x, y, vx, vy = -7.0, 2.0, 0.0, 0.0
    for _ in range(30):
        gx, gy = grad(x, y)
        vx, vy = 0.9 * vx - 0.1 * gx, 0.9 * vy - 0.1 * gy
        x, y = x + vx, y + vy
    out["Momentum"] = (x, y)
    x, y, hx, hy = -7.0, 2.0, 0.0, 0.0
    for _ in range(30):
        gx, gy = grad(x, y)
        hx, hy = hx + gx * gx, hy + gy * gy
        x, y = x - 1.5 * gx / (math.sqrt(hx) + 1e-7), y - 1.5 * gy / (math.sqrt(hy) + 1e-7)
    out["AdaGrad"] = (x, y)
    x, y, mx, my, vx, vy = -7.0, 2.0, 0.0, 0.0, 0.0, 0.0
    for t in range(1, 31):
        gx, gy = grad(x, y)
        lr_t = 0.3 * math.sqrt(1 - 0.999**t) / (1 - 0.9**t)
        mx, my = mx + 0.1 * (gx - mx), my + 0.1 * (gy - my)
        vx, vy = vx + 0.001 * (gx * gx - vx), vy + 0.001 * (gy * gy - vy)
        x, y = x - lr_t * mx / (math.sqrt(vx) + 1e-7), y - lr_t * my / (math.sqrt(vy) + 1e-7)
    out["Adam"] = (x, y)
    return out


def test_the_books_figure():
    expected = book_paths()
    s = built_in("book")
    for opt in (SGD(0.95), Momentum(0.1), AdaGrad(1.5), Adam(0.3)):
        path = run(opt, s, (-7, 2), 30)
        assert path.steps == 30 and path.diverged_at is None
        np.testing.assert_allclose(path.positions[-1], expected[opt.name], rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(expected["SGD"], (-0.350, 0.085), atol=1e-3)


def test_path_records_state_and_losses():
    s = built_in("book")
    path = run(Adam(0.3), s, (-7, 2), 5)
    assert path.positions.shape == (6, 2) and path.losses.shape == (6,)
    assert path.losses[0] == pytest.approx(s.f(-7, 2))
    for (x, y), loss in zip(path.positions, path.losses):  # every loss is f at its own position, x first
        assert loss == pytest.approx(x * x / 20 + y * y)
    assert path.states[0]["iter"] == 1 and set(path.states[0]) >= {"m", "v", "lr_t"}
    np.testing.assert_allclose(path.gradients[0], (-0.7, 4.0))
    mom = run(Momentum(0.1), s, (-7, 2), 1)
    np.testing.assert_allclose(mom.states[0]["v"], (0.07, -0.4))
    for opt in (Nesterov(0.05), RMSprop(0.1)):
        assert run(opt, s, (-7, 2), 10).steps == 10


def test_divergence_is_caught_quietly():
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # any RuntimeWarning would fail the test
        path = run(SGD(5.0), built_in("rosenbrock"), (-1.5, 2.0), 100)
    assert path.diverged_at is not None and path.diverged_at < 100
    assert path.steps == path.diverged_at


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("__import__('os').system('true')", "not an allowed function"),
        ("open('/etc/passwd')", "not an allowed function"),
        ("x.real", "not allowed"),
        ("z**2", "unknown name 'z'"),
        ("x**100000", "too large"),
        ("3 + 4", "does not depend on x or y"),
        ("x +* y", "not a valid formula"),
        ("", "type a formula"),
        ("sin(x, y)", "exactly one argument"),
        ("[x, y]", "not allowed"),
        ("x if y else 1", "not allowed"),
    ],
)
def test_bad_formulas_are_refused_clearly(text, fragment):
    with pytest.raises(SurfaceError, match=fragment):
        parse_formula(text)


def test_custom_formulas():
    s = custom("x^2/20 + y^2")  # ^ as power, as students type it
    assert s.f(2.0, 1.0) == pytest.approx(1.2)
    t = custom("sin(x)*cos(y)")
    gx, gy = t.grad(0.5, 0.25)
    assert gx == pytest.approx(math.cos(0.5) * math.cos(0.25))
    assert gy == pytest.approx(-math.sin(0.5) * math.sin(0.25))
    xs, ys, Z = t.grid(50)
    assert Z.shape == (50, 50) and np.isfinite(Z).all()


@pytest.mark.parametrize("formula, value, gradient", [
    # (formula as a student types it, f at (x, y) = (0.7, -1.3) by math, its gradient by hand)
    ("exp(-(x**2+y**2))", lambda x, y: math.exp(-(x * x + y * y)),
     lambda x, y: (-2 * x * math.exp(-(x * x + y * y)), -2 * y * math.exp(-(x * x + y * y)))),
    ("-x + 2*y", lambda x, y: -x + 2 * y, lambda x, y: (-1.0, 2.0)),
    ("x^3 − y", lambda x, y: x**3 - y, lambda x, y: (3 * x * x, -1.0)),
    ("pi*x + e*y", lambda x, y: math.pi * x + math.e * y, lambda x, y: (math.pi, math.e)),
    ("log(x**2 + 1) * y", lambda x, y: math.log(x * x + 1) * y,
     lambda x, y: (2 * x * y / (x * x + 1), math.log(x * x + 1))),
    ("sqrt(x**2 + y**2 + 1)/-2", lambda x, y: -math.sqrt(x * x + y * y + 1) / 2,
     lambda x, y: (-x / (2 * math.sqrt(x * x + y * y + 1)), -y / (2 * math.sqrt(x * x + y * y + 1)))),
    ("x*y^2 - -y", lambda x, y: x * y * y + y, lambda x, y: (y * y, 2 * x * y + 1)),
    # The inverse trigonometric functions and abs, each in its own term (x/2 and y/2 lie in [-1, 1]).
    ("acos(x/2) + asin(y/2) + atan(x*y) + abs(y)",
     lambda x, y: math.acos(x / 2) + math.asin(y / 2) + math.atan(x * y) + abs(y),
     lambda x, y: (-0.5 / math.sqrt(1 - x * x / 4) + y / (1 + (x * y) ** 2),
                   0.5 / math.sqrt(1 - y * y / 4) + x / (1 + (x * y) ** 2) + math.copysign(1, y))),
])
def test_typed_formulas_mean_what_math_says(formula, value, gradient):
    """Unary minus, ^ and the typographic minus, the constants pi and e, log and sqrt: values and
    gradients against Python's math at a point where no term vanishes or is symmetric."""
    s = custom(formula)
    x, y = 0.7, -1.3
    assert float(s.f(x, y)) == pytest.approx(value(x, y), rel=1e-12, abs=1e-12)
    gx, gy = s.grad(x, y)
    assert (float(gx), float(gy)) == pytest.approx(gradient(x, y), rel=1e-9, abs=1e-12)


def test_leaving_the_view_by_far_counts_as_divergence():
    s = built_in("book")  # view |x| <= 10
    path = run(SGD(25.0), s, (-7, 2), 50)  # x <- x (1 - 2.5): grows by 1.5x per step
    assert path.diverged_at is not None
    assert np.all(np.isfinite(path.positions))  # stopped long before overflow
    assert np.abs(path.positions[-1]).max() > 1000 * 10


@pytest.mark.parametrize("key", sorted(BUILT_IN))
def test_hand_written_built_ins_equal_sympys_exact_derivatives(key):
    """The built-in surfaces skip SymPy (start-up); their f and gradient must be SymPy's exactly."""
    fast = built_in(key)
    exact = custom(BUILT_IN[key]["formula"], view=BUILT_IN[key]["view"])
    rng = np.random.default_rng(7)
    xmin, xmax, ymin, ymax = BUILT_IN[key]["view"]
    x = rng.uniform(xmin, xmax, 200)
    y = rng.uniform(ymin, ymax, 200)
    np.testing.assert_allclose(fast.f(x, y), exact.f(x, y), rtol=1e-12, atol=1e-9)
    for a, b in zip(fast.grad(x, y), exact.grad(x, y)):
        np.testing.assert_allclose(a, b, rtol=1e-12, atol=1e-9)
    assert fast.grad(1.0, 2.0)[0].shape == ()  # scalars in, scalars out, as before


def test_opening_the_built_in_surfaces_does_not_import_sympy():
    import subprocess
    import sys

    code = ("import sys; from engine.surfaces import BUILT_IN, built_in; "
            "[built_in(k).grid(20) for k in BUILT_IN]; print('sympy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


@pytest.mark.parametrize("formula, fragment", [
    ("sqrt(-1-x**2)", "not a real number anywhere in the view"),
    ("log(x**2+y**2-100)", "not a real number anywhere in the view"),
    ("1e400*x", "too large a number"),
])
def test_a_function_with_nothing_to_draw_is_refused_with_the_reason(formula, fragment):
    with pytest.raises(SurfaceError, match=fragment):
        custom(formula)
    assert custom("sqrt(x)").f(4.0, 0.0) == 2.0  # defined on half the view: fine


@pytest.mark.parametrize("formula, fragment", [
    ("x + (10**64)**64", "too large a number"),
    ("x + (((10**64)**64)**64)**64", "too large a number"),  # froze the window for 22.5 s
    ("x*(1/(y-y))", "divides by zero"),
    ("x**sqrt(-1)", "not a real number"),
    ("x + 1e308*10", "too large a number"),
    ("x*log(0)", "divides by zero or is not a number"),
])
def test_formulas_with_huge_or_impossible_constants_are_refused_at_once(formula, fragment):
    import time

    start = time.perf_counter()
    with pytest.raises(SurfaceError, match=fragment):
        custom(formula)
    assert time.perf_counter() - start < 5


def test_a_failure_while_evaluating_becomes_a_surface_error(monkeypatch):
    """Whatever SymPy or NumPy raise on a formula that passed the checks is reported, not escaped."""
    import engine.surfaces as surfaces

    def broken_grid(self, n=200):
        raise KeyError("ComplexInfinity")

    monkeypatch.setattr(surfaces.Surface, "grid", broken_grid)
    with pytest.raises(SurfaceError, match=r"x\*\*2 cannot be evaluated \(KeyError\)"):
        custom("x**2")


def test_the_grid_is_rows_of_y_and_columns_of_x_on_a_view_wider_than_tall():
    s = built_in("book")  # view x in [-10, 10], y in [-5, 5]
    xs, ys, Z = s.grid(7)
    np.testing.assert_allclose(xs, np.linspace(-10, 10, 7))
    np.testing.assert_allclose(ys, np.linspace(-5, 5, 7))
    for i in range(7):
        for j in range(7):
            assert Z[i, j] == pytest.approx(xs[j] ** 2 / 20 + ys[i] ** 2)


def test_a_typed_surface_starts_a_fifth_across_and_seven_tenths_up_its_own_view():
    s = custom("x**2 + y**2", view=(0.0, 10.0, -1.0, 1.0))
    assert s.start == pytest.approx((2.0, 0.4))


@pytest.mark.parametrize("formula", ["x**-100000", "x**(-1000)", "y**100000"])
def test_exponents_far_from_zero_either_way_are_refused(formula):
    with pytest.raises(SurfaceError, match="exponent"):
        custom(formula)


def test_formulas_nested_deeper_than_sixty_levels_are_refused_and_fifty_are_fine():
    assert custom("-" * 50 + "x").f(3.0, 0.0) == pytest.approx(3.0)  # an even number of minus signs
    with pytest.raises(SurfaceError, match="nested too deeply"):
        custom("-" * 100 + "x")
    with pytest.raises(SurfaceError, match="nested too deeply"):
        custom("(" * 70 + "x+1" + ")*2" * 70)


@pytest.mark.parametrize("chain", ["-{}", "{}+x", "{}**1", "{}*y"])
def test_the_nesting_limit_is_sixty_levels_whichever_operator_nests(chain):
    """The whole formula is level 1 and each operator one more: 59 operators above x fit, 60 do not."""
    def nested(k):
        text = "x"
        for _ in range(k):
            text = chain.format(text)  # x**1**1 nests to the right, x+x+x to the left: both go deeper
        return text

    surface = custom(nested(59))
    assert np.isfinite(surface.f(1.5, 2.0))
    with pytest.raises(SurfaceError, match="nested too deeply"):
        custom(nested(60))


def test_the_books_surface_starts_where_the_books_script_does():
    """ch06/optimizer_compare_naive.py: init_pos = (-7.0, 2.0) on f(x, y) = x**2 / 20 + y**2, the view
    x in -10..10, y in -5..5 (plt.xlim(-10, 10); plt.ylim(-5, 5)), the minimum at the origin."""
    book = BUILT_IN["book"]
    assert book["start"] == (-7, 2) and book["view"] == (-10, 10, -5, 5) and book["minima"] == ((0, 0),)


def test_a_long_constant_part_is_quoted_as_its_first_37_characters_and_an_ellipsis():
    with pytest.raises(SurfaceError) as e:
        custom("x + (1.5 + 2.5 + 3.5 + 4.5 + 5.5 + 6.5 + 7.5 + 8.5) * 1e300")
    assert str(e.value) == "'(1.5 + 2.5 + 3.5 + 4.5 + 5.5 + 6.5 + ...' is too large a number (at most 1e+300)"
    assert len(e.value.values[0]) == 40  # 37 characters of the formula and "..."
    with pytest.raises(SurfaceError) as e:  # 40 characters exactly: quoted whole
        custom("x + (1.25 + 2.25 + 3.25 + 4.25 + 5) * 1e300")
    assert e.value.values[0] == "(1.25 + 2.25 + 3.25 + 4.25 + 5) * 1e+300"


def test_the_saddle_starts_just_off_its_ridge_so_a_walker_can_leave_it():
    """x² − y² from y = 0 exactly: the gradient in y is 0 for ever and the walker stalls at the saddle point.
    The start sits a little off the ridge, so plain SGD rolls off along y: the lesson of the saddle."""
    saddle = built_in("saddle")
    x0, y0 = saddle.start
    assert x0 == -1.5 and 0 < abs(y0) <= 0.1
    path = run(SGD(0.1), saddle, saddle.start, 30)
    assert abs(path.positions[-1, 1]) > 1 and abs(path.positions[-1, 0]) < 0.01


def test_the_built_in_surfaces_are_shown_on_their_usual_domains():
    """The views the literature draws these test functions on (Beale and Himmelblau: |x|, |y| <= 4.5 and 5;
    Booth: 10; Rosenbrock's banana: [-2, 2] x [-1, 3]) and the book's figure 6-2 for x²/20 + y²
    (x in [-10, 10], y in [-5, 5], starting at (-7, 2))."""
    views = {key: tuple(map(float, spec["view"])) for key, spec in BUILT_IN.items()}
    assert views == {"book": (-10, 10, -5, 5), "rosenbrock": (-2, 2, -1, 3), "beale": (-4.5, 4.5, -4.5, 4.5),
                     "himmelblau": (-5, 5, -5, 5), "saddle": (-2, 2, -2, 2), "booth": (-10, 10, -10, 10)}
    for key, spec in BUILT_IN.items():
        xmin, xmax, ymin, ymax = spec["view"]
        assert all(xmin < x < xmax and ymin < y < ymax for x, y in (*spec["minima"], spec["start"])), key


@pytest.mark.parametrize(("half_width", "limit"), [(0.5, 1000), (1, 1000), (2, 2000), (30, 30000)])
def test_a_walk_diverges_past_a_thousand_views_and_never_less_than_a_thousand(half_width, limit):
    """SGD with lr 1.5 on x² + y² doubles |x| and flips its sign every update: 1, -2, 4, ... The walk is
    called diverged after the first update that lands beyond 1000 times the view (at least 1000)."""
    surface = custom("x**2 + y**2", view=(-half_width, half_width, -half_width, half_width))
    path = run(SGD(lr=1.5), surface, (1.0, 0.0), 40)
    first_beyond = next(k for k in range(1, 40) if 2.0**k > limit)
    assert path.diverged_at == first_beyond
    assert abs(path.positions[-1][0]) == 2.0**first_beyond and path.steps == first_beyond

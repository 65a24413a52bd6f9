import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

from engine.optimizer import SGD, Momentum
from engine.surfaces import built_in
from engine.traces import run


@pytest.fixture
def playground(window, qtbot):
    window.select_panel("optimizer")
    panel = window.current_panel()
    panel.resize(1300, 850)
    qtbot.waitExposed(panel)
    return panel


def test_opens_on_the_books_figure(playground):
    s = playground.state
    assert s.start == (-7.0, 2.0) and s.iterations == 30 and s.frame == 30
    assert set(s.paths) == {"sgd", "momentum", "adagrad", "adam"}
    np.testing.assert_allclose(s.paths["sgd"].positions[-1], (-0.350393, 0.084782), atol=1e-5)
    # What is drawn is the engine's path.
    xs, ys = playground.view.overlay.curves["sgd"].getData()
    np.testing.assert_allclose(np.c_[xs, ys], s.paths["sgd"].positions)
    assert "-0.3504" in playground.state_view.text()


def test_toggling_optimizers(playground):
    playground.table.checks["nesterov"].setChecked(True)
    assert "nesterov" in playground.state.paths
    playground.table.checks["sgd"].setChecked(False)
    assert "sgd" not in playground.state.paths
    assert len(playground.view.overlay.curves["sgd"].getData()[0] or []) == 0


def test_changing_a_learning_rate_recomputes_with_the_engine(playground):
    playground.table.spins["momentum"]["lr"].setValue(0.05)
    expected = run(Momentum(lr=0.05, momentum=0.9), built_in("book"), (-7, 2), 30)
    np.testing.assert_allclose(playground.state.paths["momentum"].positions, expected.positions)


def test_clicking_sets_the_start_point(playground, qtbot):
    vb = playground.view.overlay.plot.vb
    scene_pos = vb.mapViewToScene(QPointF(3.0, -2.0))
    view_pos = playground.view.mapFromScene(scene_pos)
    QTest.mouseClick(playground.view.viewport(), Qt.MouseButton.LeftButton, pos=view_pos)
    x, y = playground.state.start
    assert x == pytest.approx(3.0, abs=0.15) and y == pytest.approx(-2.0, abs=0.15)
    np.testing.assert_allclose(playground.state.paths["sgd"].positions[0], (x, y))


def test_typing_a_valid_and_an_invalid_function(playground):
    playground.formula.setText("sin(x)*cos(y)")
    assert playground._on_formula_applied()
    assert playground.state.surface_key == "custom" and playground.surface.formula == "sin(x)*cos(y)"
    gx, gy = playground.surface.grad(0.3, 0.2)
    assert gx == pytest.approx(np.cos(0.3) * np.cos(0.2))
    before = playground.surface
    playground.formula.setText("__import__('os').system('echo hi')")
    assert not playground._on_formula_applied()
    assert "not an allowed function" in playground.formula_message.text()
    assert playground.surface is before  # nothing lost
    playground.formula.setText("x +")
    assert not playground._on_formula_applied()
    assert "not a valid formula" in playground.formula_message.text()
    nowhere = ": not a real number anywhere in the view x -5..5, y -5..5 (a square root or log of a negative number?)"
    for bad, said in (("sqrt(-1-x**2)", "sqrt(-1-x**2)" + nowhere),  # once a crash in the contour levels
                      ("1e400*x", "'1e400' is too large a number (at most 1e+300)"),
                      ("log(x**2+y**2-100)", "log(x**2+y**2-100)" + nowhere)):
        playground.formula.setText(bad)
        playground.apply_button.click()
        assert playground.formula_message.text() == f"<span style='color:#c53030'>{said}</span>"
        assert playground.surface is before


def test_every_built_in_surface_loads(playground):
    combo = playground.surface_combo
    for i in range(combo.count()):
        key = combo.itemData(i)
        if key == "custom":
            continue
        combo.setCurrentIndex(i)
        assert playground.state.surface_key == key
        assert playground.state.paths and playground.view.overlay.isocurves


def test_divergence_is_marked_and_the_others_continue(playground, qtbot, recwarn):
    playground.surface_combo.setCurrentIndex(playground.surface_combo.findData("rosenbrock"))
    playground.window().resize(1024, 640)  # a tight window, where a growing note would push the table
    qtbot.wait(20)
    before = {k: spin.geometry() for k, spin in playground.table.spins["adam"].items()}
    below = playground.state_title.geometry()
    playground.table.spins["sgd"]["lr"].setValue(5.0)
    qtbot.wait(20)
    assert {k: spin.geometry() for k, spin in playground.table.spins["adam"].items()} == before  # no jump
    assert playground.state_title.geometry() == below  # nor below the table
    sgd = playground.state.paths["sgd"]
    assert sgd.diverged_at is not None
    assert playground.table.diverged.text().startswith(f"SGD diverged at step {sgd.diverged_at}")
    assert "Adam" not in playground.table.diverged.text()
    assert playground.state.paths["adam"].diverged_at is None
    assert playground.state.paths["adam"].steps == playground.state.iterations
    playground.table.radios["sgd"].setChecked(True)
    playground.set_frame(playground.state.iterations)
    assert "Diverged at update" in playground.state_view.text()
    assert not [w for w in recwarn if issubclass(w.category, RuntimeWarning)]


def test_animation_steps_and_keys(playground, qtbot):
    playground.set_frame(0)
    playground.setFocus()
    QTest.keyClick(playground, Qt.Key.Key_Right)
    assert playground.state.frame == 1
    QTest.keyClick(playground, Qt.Key.Key_Right)
    QTest.keyClick(playground, Qt.Key.Key_Left)  # one update back
    assert playground.state.frame == 1
    QTest.keyClick(playground, Qt.Key.Key_Left)
    QTest.keyClick(playground, Qt.Key.Key_Left)  # not before the start
    assert playground.state.frame == 0
    playground.steps.speed.setValue(60)
    playground.steps.play_button.setChecked(True)
    assert playground.playing  # lines drawn without antialiasing while it plays
    qtbot.waitUntil(lambda: playground.state.frame >= 5, timeout=3000)
    playground.steps.play_button.setChecked(False)
    assert not playground.playing
    assert playground.steps.label.text() == f"Update {playground.state.frame} of {playground.state.iterations}"
    QTest.keyClick(playground, Qt.Key.Key_End)
    assert playground.state.frame == playground.state.iterations == playground.steps.step
    QTest.keyClick(playground, Qt.Key.Key_Home)
    assert playground.state.frame == 0 and playground.steps.label.text().startswith("Update 0 of")
    playground.trails.setChecked(False)
    playground.set_frame(10)
    assert len(playground.view.overlay.curves["adam"].getData()[0] or []) == 0
    assert len(playground.view.overlay.heads.data) == 4


def test_grid_mode_shows_one_plot_per_optimizer(playground):
    playground.mode_combo.setCurrentIndex(playground.mode_combo.findData("grid"))
    assert playground.view.mode == "grid" and len(playground.view.keys) == 4
    xs, _ = playground.view.grid["adagrad"].curves["adagrad"].getData()
    assert len(xs) == 31
    assert len(playground.view.grid["adagrad"].curves["sgd"].getData()[0] or []) == 0
    playground.table.checks["rmsprop"].setChecked(True)  # a fifth optimizer while the grid is shown
    assert playground.view.keys == list(playground.state.paths) and "rmsprop" in playground.view.keys
    assert len(playground.view.keys) == 5
    playground.table.checks["sgd"].setChecked(False)
    assert "sgd" not in playground.view.keys and len(playground.view.keys) == 4


def test_state_formulas_for_every_optimizer(playground):
    for key in ("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam"):
        playground.table.checks[key].setChecked(True)
        playground.table.radios[key].setChecked(True)
        playground.set_frame(3)
        text = playground.state_view.text()
        assert "∂f/∂x" in text and "<b>" in text
    assert "η<sub>t</sub>" in text  # Adam's bias-corrected step


def test_export_png_svg_gif(playground, tmp_path):
    assert playground.export(tmp_path / "fig.png")
    assert Image.open(tmp_path / "fig.png").size[0] > 200
    assert playground.export(tmp_path / "fig.svg")
    assert b"<svg" in (tmp_path / "fig.svg").read_bytes()
    assert playground.export(tmp_path / "walk.gif")
    gif = Image.open(tmp_path / "walk.gif")
    assert gif.n_frames == 31
    durations = []
    for k in range(gif.n_frames):  # one frame per update, each shown as long (a frame repeated would merge)
        gif.seek(k)
        durations.append(gif.info["duration"])
    assert durations == [120] * 31
    assert playground.state.frame == 30  # the view is left as it was
    from explorer.panels.optimizer.export import export_gif

    assert export_gif(playground, tmp_path / "short.gif", max_frames=12)  # a long walk: its first 12 updates
    short = Image.open(tmp_path / "short.gif")
    assert short.n_frames == 13
    short.seek(12)
    assert short.info["duration"] == 120


def test_svg_export_draws_what_the_png_shows_with_a_legend(playground, tmp_path):
    """Rasterised again, the SVG matches the PNG pixel for pixel within antialiasing (the axes were
    drawn at 0.75 scale and the end markers garbled); both name the optimizers in a legend."""
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    assert playground.export(tmp_path / "fig.png") and playground.export(tmp_path / "fig.svg")
    size = playground.view.size()
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    QSvgRenderer(str(tmp_path / "fig.svg")).render(painter)
    painter.end()
    png = QImage(str(tmp_path / "fig.png")).convertToFormat(QImage.Format.Format_RGB32)
    assert png.size() == size

    def pixels(img):
        data = np.frombuffer(img.constBits(), dtype=np.uint8, count=img.sizeInBytes())
        return data.reshape(img.height(), img.bytesPerLine())[:, : 4 * img.width()].astype(float)

    svg_px, png_px = pixels(image), pixels(png)

    axis = playground.view.overlay.plot.getAxis("bottom")
    strip = playground.view.mapFromScene(axis.sceneBoundingRect()).boundingRect()
    rows = slice(max(0, strip.top()), min(size.height(), strip.bottom()))
    axis_svg, axis_png = ((255 - px[rows]).sum(axis=0) for px in (svg_px, png_px))
    assert np.corrcoef(axis_svg, axis_png)[0, 1] > 0.9  # the x axis's tick labels in the same places
    heads = playground.view.overlay.heads
    assert len(heads.points()) == 4
    for spot in heads.points():  # each optimizer's end marker drawn as on screen, not as pixel garbage
        at = playground.view.mapFromScene(heads.mapToScene(spot.pos()))
        x, y = 4 * at.x(), at.y()  # 4 bytes a pixel
        box = (slice(y - 8, y + 8), slice(x - 32, x + 32))
        assert np.abs(svg_px[box] - png_px[box]).mean() < 25
    svg = (tmp_path / "fig.svg").read_text(encoding="utf-8")
    for name in ("SGD", "Momentum", "AdaGrad", "Adam"):  # the enabled ones, named
        assert f">{name}<" in svg
    assert not playground.view.legend.isVisible()  # the app's own view shows the table instead


def test_sgd_matches_the_engine_on_a_custom_surface(playground):
    playground.formula.setText("(x - 1)**2 + 2*(y + 0.5)**2")
    playground._on_formula_applied()
    expected = run(SGD(lr=playground.state.configs["sgd"].params["lr"]), playground.surface,
                   playground.state.start, playground.state.iterations)
    np.testing.assert_allclose(playground.state.paths["sgd"].positions, expected.positions)


def test_korean(playground, window):
    window.set_language("ko")
    assert playground.preset_button.text() == "책의 그림"
    window.set_language("en")


def test_switching_surfaces_replaces_the_contours(playground):
    plot = playground.view.overlay
    first = len(plot.image.childItems())
    playground.formula.setText("sin(x)*cos(y)")
    playground._on_formula_applied()
    playground.load_book_figure()
    assert len(plot.image.childItems()) == first == len(plot.isocurves)
    assert playground.surface.formula == "x**2/20 + y**2"


def test_the_paths_follow_the_start_while_it_is_dragged(playground):
    marker = playground.view.overlay.start
    before = playground.state.paths["sgd"].positions[0].copy()
    marker.setPos(-3.0, 1.5)  # what a drag does at every mouse move (no release yet)
    assert playground.state.start == pytest.approx((-3.0, 1.5))
    np.testing.assert_allclose(playground.state.paths["sgd"].positions[0], (-3.0, 1.5))
    assert not np.allclose(before, (-3.0, 1.5))


def test_formula_errors_speak_korean_and_every_engine_template_is_translatable(window, playground):
    import re
    from pathlib import Path

    from explorer.panels.optimizer.formula_errors import TEMPLATES

    source = Path(__file__).resolve().parents[2].joinpath("engine", "surfaces.py").read_text()
    raised = {"".join(re.findall(r'"([^"]*)"', m)) for m in re.findall(r'SurfaceError\(((?:\s*"[^"]*"\s*)+)', source)}
    assert raised == set(TEMPLATES)  # a new engine message must be added to the translatable list
    window.set_language("ko")
    playground.formula.setText("foo(x)")
    playground.apply_button.click()
    assert "'foo'은(는) 쓸 수 있는 함수가 아닙니다" in playground.formula_message.text()
    playground.formula.setText("sqrt(-1-x**2)")
    playground.apply_button.click()
    assert "어디에서도 실수가 아닙니다" in playground.formula_message.text()
    window.set_language("en")


@pytest.mark.parametrize("suffix", ["png", "svg", "gif"])
def test_an_export_that_cannot_be_written_says_so(playground, tmp_path, suffix):
    """Onto a folder of that name, or into a folder that does not exist: reported as failed (the SVG
    export judged success by the name existing, so a folder counted as written)."""
    messages = []
    playground.status_message.connect(messages.append)
    folder = tmp_path / f"fig.{suffix}"
    folder.mkdir()
    assert not playground.export(folder)
    assert not playground.export(tmp_path / "missing" / f"fig.{suffix}")
    assert messages[-2:] == [f"Could not write {folder}", f"Could not write {tmp_path / 'missing' / f'fig.{suffix}'}"]
    assert playground.export(tmp_path / f"ok.{suffix}") and (tmp_path / f"ok.{suffix}").stat().st_size > 0
    assert messages[-1] == f"Exported to {tmp_path / f'ok.{suffix}'}"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".export-")]  # no temporary left


def test_choosing_a_surface_starts_from_its_own_start_point(playground):
    from engine.surfaces import BUILT_IN

    playground.surface_combo.setCurrentIndex(playground.surface_combo.findData("rosenbrock"))
    assert playground.state.start == tuple(BUILT_IN["rosenbrock"]["start"]) and playground.state.frame == 0


def test_a_path_that_diverged_early_shows_its_last_update_at_any_later_frame(playground):
    playground.state.configs["sgd"].params["lr"] = 50.0  # far too large: off the surface in a few updates
    playground.state.selected = "sgd"
    playground.recompute()
    path = playground.state.paths["sgd"]
    assert path.diverged_at and path.steps < playground.state.iterations
    playground.set_frame(playground.state.iterations)
    text = playground.state_view.text()
    assert f"Diverged at update {path.diverged_at}" in text
    assert "x ← x − η·∂f/∂x" in text  # and the last update's numbers, not an empty rule


def test_gradient_noise_reaches_every_path_and_the_books_figure_turns_it_off(qtbot, window):
    from engine.surfaces import built_in
    from engine.traces import run

    window.select_panel("optimizer")
    playground = window.current_panel()
    playground.noise.setValue(1.5)
    assert playground.state.noise == 1.5
    for key, path in playground.state.paths.items():
        expected = run(playground.state.configs[key].make(), built_in("book"), playground.state.start,
                       playground.state.iterations, noise=1.5)
        np.testing.assert_allclose(path.positions, expected.positions)
    noisy = playground.state.paths["sgd"].positions.copy()
    playground.load_book_figure()
    assert playground.noise.value() == 0 and playground.state.noise == 0
    assert not np.allclose(playground.state.paths["sgd"].positions, noisy)


def test_divergence_is_named_from_the_update_where_it_happened_not_one_later(playground):
    playground.state.configs["sgd"].params["lr"] = 50.0
    playground.state.selected = "sgd"
    playground.recompute()
    at = playground.state.paths["sgd"].diverged_at
    assert at and at >= 2
    playground.set_frame(at - 1)
    assert "Diverged" not in playground.state_view.text()
    playground.set_frame(at)
    assert f"Diverged at update {at}" in playground.state_view.text()


def test_fewer_updates_bring_the_shown_update_back_within_them(playground):
    playground.set_frame(30)
    playground.iterations.setValue(12)
    assert playground.state.frame == 12
    assert playground.steps.step == 12 and "at update 12" in playground.state_title.text()


def test_a_typed_function_starts_from_its_own_start_point_not_the_clicked_one(playground):
    from engine.surfaces import custom

    playground._on_start_moved(3.0, -2.5)
    assert playground.state.start == (3.0, -2.5)
    playground.formula.setText("x**2/4 + y**2")
    assert playground._on_formula_applied()
    start = custom("x**2/4 + y**2").start
    assert start != (3.0, -2.5) and playground.state.start == start
    np.testing.assert_allclose(playground.state.paths["sgd"].positions[0], start)


def test_the_books_figure_button_brings_back_thirty_updates_and_no_noise(playground):
    playground.iterations.setValue(55)
    playground.noise.setValue(1.0)
    playground.preset_button.click()
    assert playground.iterations.value() == 30 and playground.state.iterations == 30
    assert playground.noise.value() == 0.0 and playground.state.noise == 0.0
    assert len(playground.state.paths["sgd"].positions) == 31


def test_every_row_edits_its_own_optimizer_named_by_the_books_symbols(playground):
    """Each spin box is labelled with its hyperparameter's symbol, shows and edits that optimizer's value
    only, and keeps a decay below 1 (at 1 a running average never forgets; Adam's bias correction 1 − β₂ᵗ
    would divide by zero); a learning rate stays above 0."""
    from explorer.colors import OPTIMIZER_ORDER

    table, state = playground.table, playground.state
    symbols = {"lr": "η", "momentum": "α", "decay_rate": "ρ", "beta1": "β₁", "beta2": "β₂"}
    expected_params = {"sgd": {"lr"}, "momentum": {"lr", "momentum"}, "nesterov": {"lr", "momentum"},
                       "adagrad": {"lr"}, "rmsprop": {"lr", "decay_rate"}, "adam": {"lr", "beta1", "beta2"}}
    assert list(table.spins) == list(OPTIMIZER_ORDER) and set(OPTIMIZER_ORDER) == set(expected_params)
    for key in OPTIMIZER_ORDER:
        assert set(table.spins[key]) == expected_params[key], key
        for name, spin in table.spins[key].items():
            assert table.param_labels[(key, name)].text() == symbols[name]
            assert spin.value() == pytest.approx(state.configs[key].params[name])
            if name == "lr":
                assert 0 < spin.minimum() <= 0.001 and spin.maximum() >= 1.5
            else:
                assert spin.minimum() == 0 and 0.99 <= spin.maximum() < 1, (key, name)
            before = {k: dict(c.params) for k, c in state.configs.items()}
            spin.setValue(spin.value() / 2)
            for other, config in state.configs.items():
                for p, v in config.params.items():
                    want = before[other][p] / 2 if (other, p) == (key, name) else before[other][p]
                    assert v == pytest.approx(want, rel=1e-3), (key, name, other, p)
        table.checks[key].setChecked(not state.configs[key].enabled)
        assert state.configs[key].enabled == table.checks[key].isChecked()
        chosen = []
        table.selected.connect(chosen.append)
        table.radios[key].setChecked(True)
        table.selected.disconnect(chosen.append)
        assert state.selected == key and chosen == ([key] if key != "sgd" else [])  # once, the new one only


def test_the_state_box_names_the_optimizer_the_update_and_the_start(playground):
    playground._on_start_moved(-6.5, 1.25)
    playground.set_frame(0)
    playground._on_optimizer_selected("momentum")
    assert playground.state_title.text() == "Momentum at update 0"
    assert playground.state_view.text() == "At the start (-6.5, 1.25); press ▶ or → to update."
    playground.state.configs["rmsprop"].enabled = False
    playground.recompute()
    playground._on_optimizer_selected("rmsprop")
    assert playground.state_view.text() == "Switch RMSprop on to see its state."
    playground.set_frame(7)
    assert playground.state_title.text() == "RMSprop at update 7"


def test_the_minimum_is_starred_at_x_then_y_and_the_loss_curve_counts_updates_from_0(playground):
    playground.surface_combo.setCurrentIndex(playground.surface_combo.findData("beale"))  # minimum at (3, 0.5)
    xs, ys = playground.view.overlay.minima.getData()
    assert list(xs) == [3] and list(ys) == [0.5]
    playground.set_frame(6)
    key = "adagrad"  # (SGD and Momentum at the book's rates leave Beale's valley after two updates)
    x, y = playground.loss.curves[key].getData()
    path = playground.state.paths[key]
    assert list(x) == list(range(7))  # update 0 (the start) to 6
    np.testing.assert_allclose(y, np.log10(path.losses[:7]) if playground.loss.log else path.losses[:7])


def test_the_loss_axis_is_logarithmic_exactly_while_every_loss_is_positive(playground):
    """Beale's losses are all positive: a log axis (its curves hold log10 of the losses). The saddle
    x² − y² goes negative: a linear axis, and back to log on the book's surface."""
    combo, loss = playground.surface_combo, playground.loss
    for key, log in (("beale", True), ("saddle", False), ("book", True)):
        combo.setCurrentIndex(combo.findData(key))
        assert loss.log is log and loss.getPlotItem().getAxis("left").logMode is log, key
        playground.set_frame(3)
        x, y = loss.curves["adagrad"].getData()
        losses = playground.state.paths["adagrad"].losses[:4]
        np.testing.assert_allclose(y, np.log10(losses) if log else losses, err_msg=key)


def test_choosing_the_typed_surface_again_brings_back_its_formula(playground):
    playground.formula.setText("x**2/4 + y**2")
    assert playground._on_formula_applied()
    playground.surface_combo.setCurrentIndex(playground.surface_combo.findData("book"))
    assert playground.surface.formula != "x**2/4 + y**2"
    playground.surface_combo.setCurrentIndex(playground.surface_combo.findData("custom"))
    assert playground.state.surface_key == "custom" and playground.surface.formula == "x**2/4 + y**2"
    assert playground.surface.grad(2.0, 1.0) == pytest.approx((1.0, 2.0))


def test_the_shaded_surface_lies_on_its_view_x_across_and_y_up(playground):
    """The book's view is x −10..10, y −5..5: the shading covers exactly that rectangle, in the plot's own
    (x, y) coordinates, on the overlay and on each plot of the grid."""
    playground.surface_combo.setCurrentIndex(playground.surface_combo.findData("book"))
    playground.mode_combo.setCurrentIndex(playground.mode_combo.findData("grid"))
    for plot in [playground.view.overlay] + [playground.view.grid[k] for k in playground.view.keys]:
        item = plot.image
        rect = item.mapRectToParent(item.boundingRect())
        assert (rect.left(), rect.top(), rect.width(), rect.height()) == pytest.approx((-10, -5, 20, 10))


def test_the_grid_reads_like_the_books_figure_row_by_row(playground):
    """The book's Figure 6-8: SGD and Momentum on top, AdaGrad and Adam below (two columns, filled row by
    row in the list's order)."""
    playground.mode_combo.setCurrentIndex(playground.mode_combo.findData("grid"))
    keys = playground.view.keys
    assert keys == ["sgd", "momentum", "adagrad", "adam"]
    ci = playground.view.ci
    placed = [[ci.getItem(r, c) for c in range(2)] for r in range(2)]
    assert placed == [[playground.view.grid["sgd"].plot, playground.view.grid["momentum"].plot],
                      [playground.view.grid["adagrad"].plot, playground.view.grid["adam"].plot]]

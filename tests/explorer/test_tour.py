"""The guided tour: every step opens its panel in the state its text describes, the keys a presentation
clicker sends move it, and the step reached is remembered."""

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from engine.conv_trace import conv_output_size
from explorer.tour import STEPS


def conv_setup(window):
    return window.current_panel().conv_page.setup


def shown_optimizers(window):
    return set(window.current_panel().state.paths)


def output_size(setup):
    _, _, H, W = setup.x.shape
    _, _, FH, FW = setup.W.shape
    return (conv_output_size(H, FH, setup.stride, setup.pad, axis="H"),
            conv_output_size(W, FW, setup.stride, setup.pad, axis="W"))


# What each step's text promises, checked on the window the step set up.
EXPECTED = {
    "adventurer": ("optimizer", lambda w: shown_optimizers(w) == {"sgd"} and w.current_panel().state.frame == 0
                   and w.current_panel().state.start == (-7.0, 2.0)
                   and w.current_panel().state.surface_key == "book"),
    "sgd": ("optimizer", lambda w: shown_optimizers(w) == {"sgd"} and w.current_panel().state.frame == 30),
    "momentum": ("optimizer", lambda w: shown_optimizers(w) == {"sgd", "momentum"}
                 and w.current_panel().state.selected == "momentum"),
    "adagrad": ("optimizer", lambda w: shown_optimizers(w) == {"sgd", "adagrad"}
                and w.current_panel().state.selected == "adagrad"),
    # The book's optimizer_compare_naive.py: its four learning rates on its figure.
    "adam": ("optimizer", lambda w: shown_optimizers(w) == {"sgd", "momentum", "adagrad", "adam"}
             and w.current_panel().state.noise == 0 and w.current_panel().state.selected == "adam"
             and {k: c.params["lr"] for k, c in w.current_panel().state.configs.items() if c.enabled}
             == {"sgd": 0.95, "momentum": 0.1, "adagrad": 1.5, "adam": 0.3}),
    "noise": ("optimizer", lambda w: w.current_panel().noise.value() == 2.0 and w.current_panel().state.noise == 2.0),
    # The book's optimizer_compare_mnist.py: the four at their rates.
    "race": ("training", lambda w: w.current_panel().tabs.currentWidget() is w.current_panel().race_page
             and w.current_panel().race_page.settings()["learning_rates"] == {"sgd": 0.01, "momentum": 0.01,
                                                                              "adagrad": 0.01, "adam": 0.001}),
    "convolution": ("conv", lambda w: conv_setup(w).x.shape == (1, 1, 4, 4) and conv_setup(w).W.shape == (1, 1, 3, 3)
                    and w.current_panel().conv_page.steps.step == 0),
    # The lecture's figure 7-10: bias 3 added to the 4×4 ⊛ 3×3 example's [[15, 16], [6, 15]].
    "bias": ("conv", lambda w: conv_setup(w).b.tolist() == [3.0]
             and w.current_panel().conv_page.trace.output[0, 0].tolist() == [[18, 19], [9, 18]]),
    "padding": ("conv", lambda w: conv_setup(w).pad == 1 and conv_setup(w).x.shape[2:] == (4, 4)
                and output_size(conv_setup(w)) == (4, 4)),
    "stride": ("conv", lambda w: conv_setup(w).stride == 2 and conv_setup(w).pad == 0
               and conv_setup(w).x.shape[2:] == (7, 7) and output_size(conv_setup(w)) == (3, 3)),
    "quiz": ("conv", lambda w: w.current_panel().tabs.currentWidget() is w.current_panel().quiz_page),
    "channels": ("conv", lambda w: conv_setup(w).x.shape[:2] == (1, 3) and conv_setup(w).W.shape[:2] == (1, 3)
                 and w.current_panel().conv_page.trace.output.shape[:2] == (1, 1)),  # summed into one map
    "batch": ("conv", lambda w: conv_setup(w).x.shape[0] > 1 and conv_setup(w).W.shape[0] > 1
              and w.current_panel().conv_page.trace.output.shape[:2] == (conv_setup(w).x.shape[0],
                                                                         conv_setup(w).W.shape[0])),
    # Max pooling of the lecture's robustness example, the shifted copy beside it, from the first window.
    "pooling": ("conv", lambda w: w.current_panel().tabs.currentWidget() is w.current_panel().pool_page
                and w.current_panel().pool_page.setup.mode == "max" and w.current_panel().pool_page.robust
                and w.current_panel().pool_page.shifted.isVisibleTo(w) and w.current_panel().pool_page.steps.step == 0),
    "im2col": ("conv", lambda w: w.current_panel().tabs.currentWidget() is w.current_panel().im2col_page
               and conv_setup(w).x.shape == (1, 1, 4, 4) and conv_setup(w).pad == 0),
    "col2im": ("conv", lambda w: w.current_panel().tabs.currentWidget() is w.current_panel().backward_page
               and conv_setup(w).x.shape == (1, 1, 4, 4) and conv_setup(w).pad == 0),
    "filters": ("layers", lambda w: w.current_panel().controls.network_combo.currentData() == "current"
                and w.current_panel().tabs.currentIndex() == 0),
    "draw": ("draw", lambda w: True),
    "deeper": ("layers", lambda w: w.current_panel().controls.network_combo.currentData() == "deep"
               and w.current_panel().tabs.currentIndex() == 1),
    "abstract": ("layers", lambda w: w.current_panel().tabs.currentIndex() == 2),
    "beyond": ("training", lambda w: w.current_panel().tabs.currentWidget() is w.current_panel().landscape_page),
}


def test_every_step_is_checked_here_and_follows_the_lecture():
    assert [s.key for s in STEPS] == list(EXPECTED)
    assert len({s.title for s in STEPS}) == len(STEPS)


def test_every_step_opens_its_panel_in_the_state_its_text_describes(window, qtbot):
    window.resize(1200, 800)
    window.start_tour(0)
    assert window.tour.isVisible()
    for k, step in enumerate(STEPS):
        if k:
            window.tour.next_button.click()
        panel, check = EXPECTED[step.key]
        assert window.tour.index == k and window.current_key() == panel, step.key
        assert check(window), step.key
        assert window.tour.count.text() == f"{k + 1} of {len(STEPS)}"
        assert window.tour.text.text() == step.text
    assert window.tour.next_button.text() == "Finish"
    # The texts' numbers are the app's: the stride step's jump, the adventurer's start.
    assert "S = 2" in STEPS[10].text and "(−7, 2)" in STEPS[0].text and "σ = 2" in STEPS[5].text


def test_page_down_and_page_up_move_the_tour_and_the_step_is_remembered(window, qtbot):
    window.show()
    qtbot.waitExposed(window)
    window.start_tour(0)
    QTest.keyClick(window, Qt.Key.Key_PageDown)
    QTest.keyClick(window, Qt.Key.Key_PageDown)
    assert window.tour.index == 2 and window.current_panel().state.selected == "momentum"
    QTest.keyClick(window, Qt.Key.Key_PageUp)
    assert window.tour.index == 1
    assert not window.tour.back_button.isEnabled() or window.tour.index > 0
    window.tour.close_button.click()
    assert not window.tour.isVisible()
    QTest.keyClick(window, Qt.Key.Key_PageDown)  # a closed tour takes no keys
    assert window.tour.index == 1
    assert window.settings.get("tour/step", 0, int) == 1
    window.tour_action.trigger()  # Help › Guided tour: where it was left
    assert window.tour.isVisible() and window.tour.index == 1
    window.tour.restart_button.click()
    assert window.tour.index == 0 and not window.tour.back_button.isEnabled()


def test_the_steps_own_keys_work_at_once_and_fields_keep_page_down(window, qtbot):
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.start_tour(0)  # "Press → to take one step"
    playground = window.current_panel()
    assert playground.state.frame == 0
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)
    assert playground.state.frame == 1
    # Typing a formula: Page Down belongs to the field, not the tour.
    playground.formula.setFocus()
    QTest.keyClick(playground.formula, Qt.Key.Key_PageDown)
    assert window.tour.index == 0
    spin = playground.iterations
    spin.setFocus()
    before = spin.value()
    QTest.keyClick(spin, Qt.Key.Key_PageDown)
    assert window.tour.index == 0 and spin.value() < before  # the spin box's own Page Down (−10)
    window.start_tour(7)  # convolution: → moves the window
    lab_page = window.current_panel().conv_page
    assert lab_page.steps.step == 0
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)
    assert lab_page.steps.step == 1
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown)
    assert window.tour.index == 8


def test_finishing_the_tour_starts_the_next_one_from_the_beginning(window):
    window.start_tour(len(STEPS) - 1)
    assert window.tour.next_button.text() == "Finish"
    window.tour.next_button.click()
    assert not window.tour.isVisible() and window.settings.get("tour/step", -1, int) == 0
    window.settings.set("tour/step", 999)  # a hand-edited value
    window.start_tour()
    assert window.tour.index == len(STEPS) - 1


def test_the_tour_speaks_korean(window):
    window.set_language("ko")
    window.start_tour(0)
    title = QCoreApplication.translate("Tour", STEPS[0].title)
    assert title != STEPS[0].title and title in window.tour.title.text()
    assert window.tour.text.text() == QCoreApplication.translate("Tour", STEPS[0].text) != STEPS[0].text
    assert window.tour.count.text() == f"1 / {len(STEPS)}"


@pytest.mark.parametrize("argv, step", [(["--tour"], None), (["--tour", "8"], 7), (["--tour", "1"], 0)])
def test_the_command_line_opens_the_tour(argv, step):
    from explorer.__main__ import parse_args, tour_step

    assert tour_step(parse_args(argv).tour) == step


def test_ctrl_alt_arrows_move_the_tour_from_anywhere(window, qtbot):
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.start_tour(3)
    window.current_panel().formula.setFocus()  # even from a text field
    QTest.keyClick(window.current_panel().formula, Qt.Key.Key_Right,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    assert window.tour.index == 4
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    assert window.tour.index == 2 and window.current_panel().state.selected == "momentum"


def test_a_step_beyond_either_end_is_the_last_or_the_first(window):
    window.start_tour(0)
    window.tour.show_step(len(STEPS) + 3)
    assert window.tour.index == len(STEPS) - 1
    assert window.tour.count.text() == f"{len(STEPS)} of {len(STEPS)}"
    window.tour.show_step(-2)
    assert window.tour.index == 0 and window.tour.count.text() == f"1 of {len(STEPS)}"

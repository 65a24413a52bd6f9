import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTimer, QTranslator
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from explorer import i18n
from explorer.app import MainWindow
from explorer.errors import ErrorDialog, install_excepthook
from explorer.i18n.update import extract, messages
from explorer.panels import PANELS
from explorer.settings import Settings
from tests.explorer.conftest import choose_data_folder

ROOT = Path(__file__).resolve().parents[2]


def nav_texts(win):
    return [win.nav.item(i).text() for i in range(win.nav.count())]


def test_window_opens_and_every_panel_can_be_selected(window, qtbot):
    assert nav_texts(window) == ["Convolution Lab", "Optimizer Playground", "Draw & Classify", "Training Studio",
                                  "Layer Explorer"]
    for i, spec in enumerate(PANELS, start=1):
        qtbot.keyClick(window, Qt.Key.Key_0 + i, Qt.KeyboardModifier.ControlModifier)
        assert window.current_key() == spec.key
        assert window.current_panel() is window.panels[spec.key]
        assert window.current_panel().isVisible()
    window.nav.setCurrentRow(0)
    assert window.current_key() == "conv"


def test_language_switch_changes_visible_texts(window):
    window.set_language("ko")
    assert nav_texts(window) == ["합성곱 실험실", "매개변수 갱신 놀이터", "숫자 그리기와 분류", "학습 스튜디오",
                                 "계층 탐색기"]
    assert window.file_menu.title() == "파일(&F)"
    assert "신경망" in window.weights_label.text()
    window.set_language("en")
    assert window.file_menu.title() == "&File"
    assert nav_texts(window)[0] == "Convolution Lab"


def test_settings_round_trip(qtbot, tmp_path):
    path = tmp_path / "s.ini"
    win = MainWindow(Settings(path), lang="ko", panel="optimizer")
    qtbot.addWidget(win)
    win.show()
    win.resize(790, 560)
    size = win.size()
    win.zoom(+1)
    win.set_theme("dark")
    win.close()
    again = MainWindow(Settings(path))
    qtbot.addWidget(again)
    assert again.current_key() == "optimizer"
    assert again.lang == "ko"
    assert again.size() == size
    assert again.settings.get("zoom", 0, int) == 1
    assert again.theme_actions["dark"].isChecked()
    again.zoom(0)
    again.set_theme("system")
    again.set_language("en")


def test_corrupt_settings_file_does_not_stop_the_app(qtbot, tmp_path):
    path = tmp_path / "s.ini"
    path.write_bytes(b"\x00\xff[General]\nlast_panel=@ByteArray(\x01\x02\nzoom=banana\ngeometry=42\n\xfe\xfe")
    win = MainWindow(Settings(path))
    qtbot.addWidget(win)
    win.show()
    assert win.current_key() in {p.key for p in PANELS}
    assert win.width() > 0
    win.zoom(+1)
    win.close()  # the broken file was set aside, so this session's settings are kept (QSettings never
    assert path.with_suffix(".ini.broken").exists()  # writes over a file it cannot parse)
    assert Settings(path).get("zoom", 0, int) == 1


@pytest.mark.parametrize("value", ["99999999999", "-5", "nan", "1e400", "banana", "@ByteArray(x)", ""])
def test_every_setting_survives_a_hostile_value(qtbot, tmp_path, value):
    """Each value the app stores, hand-edited to something absurd: the app starts, every panel opens,
    and the values in use are the defaults or clamped into range (was: OverflowError at every start)."""
    path = tmp_path / "s.ini"
    keys = ("draw/pen_width", "draw/saliency", "draw/canvas", "data_dir", "geometry", "language", "last_panel",
            "layers/network", "theme", "zoom", "dialogs/images", "last_dir")
    path.write_text("[General]\n" + "".join(f"{k.replace('/', '%2F')}={value}\n" for k in keys) + "[draw]\n"
                    f"pen_width={value}\nsaliency={value}\ncanvas={value}\n[layers]\nnetwork={value}\n")
    win = MainWindow(Settings(path))
    qtbot.addWidget(win)
    win.show()
    for spec in PANELS:
        win.select_panel(spec.key)
        assert win.current_key() == spec.key
    draw = win.panels["draw"]
    assert draw.pen_slider.minimum() <= draw.pen_slider.value() <= draw.pen_slider.maximum()
    assert -3 <= win.settings.get("zoom", 0, int, within=(-3, 6)) <= 6
    assert win.theme_actions["system"].isChecked() or value in ("",)  # an unknown theme: the system's


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_shows_a_dialog_and_the_app_keeps_running(window, qtbot):
    install_excepthook()
    button = QPushButton("boom")
    qtbot.addWidget(button)

    def failing_slot():
        raise RuntimeError("deliberate failure")

    button.clicked.connect(failing_slot)
    button.click()
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, ErrorDialog) and w.isVisible()]
    assert dialogs, "no error dialog appeared"
    dialog = dialogs[-1]
    assert "RuntimeError: deliberate failure" in dialog.message.text()
    assert "failing_slot" in dialog.details.toPlainText()
    dialog.copy_button.click()
    assert "deliberate failure" in QApplication.clipboard().text()
    dialog.close()
    assert window.isVisible()
    sys.excepthook = sys.__excepthook__


def test_bad_weights_file_is_refused_and_current_weights_stay(window, tmp_path, monkeypatch, qtbot):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    before = window.model.net.params["W1"].copy()
    bad = tmp_path / "bad.npz"
    np.savez(bad, W1=np.zeros((3, 3)))
    with qtbot.waitSignal(window.files.weights_opened) as blocker:
        window.files.open_weights(bad)
    assert blocker.args == [False] and "missing parameters" in warnings[-1]
    np.testing.assert_array_equal(window.model.net.params["W1"], before)


def test_good_weights_file_is_loaded(window, tmp_path, qtbot):
    from engine.simple_convnet import SimpleConvNet

    other = SimpleConvNet(seed=123)
    path = tmp_path / "other.npz"
    other.save_params(path)
    with qtbot.waitSignal(window.files.weights_opened) as blocker:
        window.files.open_weights(path)
    assert blocker.args == [True]
    np.testing.assert_array_equal(window.model.net.params["W1"], other.params["W1"])
    assert window.weights_label.text() == "Network: SimpleConvNet, other.npz"
    assert window.statusBar().currentMessage() == "Loaded weights from other.npz"


def test_export_view_png_and_svg(window, tmp_path, monkeypatch):
    from engine import weights

    monkeypatch.setattr(weights, "_UMASK", 0o022)
    assert window.files.export_view(tmp_path / "view.png")
    assert (tmp_path / "view.png").stat().st_size > 1000
    assert window.files.export_view(tmp_path / "view.svg")
    assert b"<svg" in (tmp_path / "view.svg").read_bytes()
    for name in ("view.png", "view.svg"):  # ordinary files others may read, as the user's umask says (was 0600)
        assert (tmp_path / name).stat().st_mode & 0o777 == 0o644
    assert window.files.export_view(tmp_path / "LOUD.SVG")  # the suffix in capitals is still an SVG
    assert b"<svg" in (tmp_path / "LOUD.SVG").read_bytes()
    assert window.statusBar().currentMessage() == f"Exported to {tmp_path / 'LOUD.SVG'}"
    assert window.files.export_view(tmp_path / "plain")  # no suffix: a PNG, named so
    assert window.statusBar().currentMessage() == f"Exported to {tmp_path / 'plain.png'}"
    (tmp_path / "taken.png").mkdir()
    assert not window.files.export_view(tmp_path / "taken.png")
    assert window.statusBar().currentMessage() == f"Could not write {tmp_path / 'taken.png'}"


def test_shortcuts_and_about_are_translated(window):
    window.set_language("ko")
    assert "단축키" == window.shortcuts_action.text().replace("(&K)", "")
    rows = window.shortcut_rows()
    assert ("Ctrl+1", "합성곱 실험실") in rows
    assert "MNIST" in window.about_text() and "사이토 고키" in window.about_text()
    dialog = window.show_shortcuts()
    assert dialog.isVisible()
    from PySide6.QtWidgets import QTableWidget

    table = dialog.findChild(QTableWidget)
    assert table.editTriggers() == QTableWidget.EditTrigger.NoEditTriggers  # to read, not to edit
    dialog.close()


def test_view_menu_keeps_the_ampersand_of_draw_and_classify(window):
    action = window.panel_actions["draw"]
    assert action.text() == "Draw && Classify"  # shown as "Draw & Classify", not "Draw _Classify"
    assert action.iconText() == "Draw & Classify"


CATALOGUES = {"ko": (i18n.TS_FILE, i18n.QM_FILE, "ko_KR"), "en": (i18n.EN_TS_FILE, i18n.EN_QM_FILE, "en_GB")}


def fresh_catalogue(tmp_path, lang="ko"):
    """The committed .ts refreshed from today's sources (in a copy): what `python -m explorer.i18n.update`
    would make of it."""
    ts, _, language = CATALOGUES[lang]
    copy = tmp_path / f"fresh_{lang}.ts"
    shutil.copy(ts, copy)
    return extract(copy, language)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_ui_string_has_its_translation(tmp_path, lang):
    """Korean: every string; English: the singular and plural of every string with a count."""
    found = fresh_catalogue(tmp_path, lang)
    assert len(found) > (40 if lang == "ko" else 5)
    missing = sorted({m.source for m in found if m.translation is None})
    assert not missing, f"strings without a translation (in explorer/i18n/dlfs_{lang}.ts): {missing}"
    plural = [m for m in found if isinstance(m.translation, tuple)]
    assert plural and all(len(m.translation) == (1 if lang == "ko" else 2) for m in plural)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_compiled_translation_is_up_to_date(tmp_path, lang):
    # The shipped .qm must translate every current string exactly as the .ts says (each plural form too).
    translator = QTranslator()
    assert translator.load(str(CATALOGUES[lang][1]))
    stale = []
    for m in fresh_catalogue(tmp_path, lang):
        if isinstance(m.translation, tuple):
            counts = (1, 2) if len(m.translation) == 2 else (1,)
            got = tuple(translator.translate(m.context, m.source, m.comment, n) for n in counts)
        else:
            got = translator.translate(m.context, m.source, m.comment)
        if got != m.translation:
            stale.append((m.context, m.source))
    assert not stale, f"run `python -m explorer.i18n.update`: {stale[:5]}"


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_ts_file_is_well_formed(lang):
    root = ET.parse(CATALOGUES[lang][0]).getroot()
    assert root.get("language") == CATALOGUES[lang][2]
    assert not [m for m in root.iter("translation") if m.get("type") == "unfinished"]


def test_counts_read_in_the_singular_and_plural_in_english_and_in_one_form_in_korean(window):
    window.select_panel("conv")
    page = window.current_panel().conv_page
    window.set_language("en")
    assert page._leftover_text("H", 1).endswith(": the last padded row is never covered by a window and is left out "
                                                "(marked red)")
    assert "the last 3 padded rows are never covered" in page._leftover_text("H", 3)
    assert "the last padded column is never" in page._leftover_text("W", 1)
    one = QCoreApplication.translate("GalleryPage", "%1 of %2 digit(s) are misclassified", None, 1)
    many = QCoreApplication.translate("GalleryPage", "%1 of %2 digit(s) are misclassified", None, 12)
    assert (one, many) == ("%1 of %2 digits is misclassified", "%1 of %2 digits are misclassified")
    window.set_language("ko")
    assert "마지막 1개 행은" in page._leftover_text("H", 1) and "마지막 3개 행은" in page._leftover_text("H", 3)
    window.set_language("en")


def test_screenshot_option_writes_a_png(tmp_path):
    out = tmp_path / "shot.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DLFS_CONFIG_DIR": str(tmp_path / "cfg")}
    subprocess.run([sys.executable, "main.py", "--panel", "conv", "--lang", "ko", "--screenshot", str(out)],
                   cwd=ROOT, env=env, check=True, timeout=60)
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 5000


def test_help_lists_the_options():
    out = subprocess.run([sys.executable, "main.py", "--help"], cwd=ROOT, capture_output=True, text=True, check=True)
    for option in ("--panel", "--lang", "--screenshot", "conv", "optimizer", "draw", "training"):
        assert option in out.stdout


def test_panels_retranslate_live(window):
    window.select_panel("training")
    panel = window.current_panel()
    window.set_language("ko")
    QCoreApplication.processEvents()
    assert panel.tabs.tabText(0) == "CNN 학습"
    assert panel.race_page.run.start_button.text() == "경주"
    window.set_language("en")
    QCoreApplication.processEvents()
    assert panel.tabs.tabText(0) == "Train a CNN"
    assert panel.race_page.run.start_button.text() == "Race"


def test_close_window_is_prompt(window, qtbot):
    QTimer.singleShot(0, window.close)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=2000)


def test_choose_data_folder(window, tmp_path, monkeypatch):
    from tests.engine.test_mnist import write_dataset

    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    assert not choose_data_folder(window, tmp_path)
    assert "missing train-images-idx3-ubyte.gz" in warnings[-1]
    write_dataset(tmp_path / "mnist")
    assert choose_data_folder(window, tmp_path / "mnist")
    assert window.settings.get("data_dir", "", str) == str(tmp_path / "mnist")


def test_download_dialog_reports_progress_and_can_be_cancelled(window, qtbot, monkeypatch):
    import time

    from engine import mnist

    def fake_download(progress=None, should_stop=None, **kwargs):
        for i in range(1, 200):
            if should_stop():
                raise mnist.DownloadCancelled("train-images-idx3-ubyte.gz")
            progress("train-images-idx3-ubyte.gz", i, 200)
            time.sleep(0.005)
        return "/nowhere"

    monkeypatch.setattr(mnist, "download_mnist", fake_download)
    window.files.start_download()
    download = window.files.download
    with qtbot.waitSignal(download.worker.progress, timeout=3000):
        pass
    with qtbot.waitSignal(download.finished, timeout=3000) as blocker:
        download.dialog.findChild(QPushButton).click()  # the dialog's Cancel button
    assert blocker.args == [None]
    download.worker.thread.join(2)
    assert not download.worker.thread.is_alive()


def test_a_stuck_download_is_cancelled_at_once(window, qtbot, monkeypatch):
    """A server that stops sending (the job never looks at should_stop): Cancel answers within a
    second, and the late answer of the stuck job changes nothing."""
    import time

    from engine import mnist

    release = []

    def stuck_download(progress=None, should_stop=None, **kwargs):
        while not release:
            time.sleep(0.01)
        return "/late"

    monkeypatch.setattr(mnist, "download_mnist", stuck_download)
    window.files.start_download()
    download = window.files.download
    start = time.perf_counter()
    with qtbot.waitSignal(download.finished, timeout=1000) as blocker:
        download.dialog.findChild(QPushButton).click()
    assert blocker.args == [None] and time.perf_counter() - start < 1
    release.append(1)
    download.worker.thread.join(2)
    qtbot.wait(50)
    assert download.done and window.context.settings.get("data_dir", "", str) != "/late"


STUCK_CLOSE = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from engine import mnist
def stuck(progress=None, should_stop=None, **kwargs):
    while True:
        time.sleep(0.05)  # a server that never answers, and a job that never looks at should_stop
mnist.download_mnist = stuck
from explorer.app import MainWindow
from explorer.settings import Settings
window = MainWindow(Settings())
window.show()
window.files.start_download()
QTimer.singleShot(300, window.close)
QTimer.singleShot(600, app.quit)
start = time.perf_counter()
app.exec()
print(f"closed in {time.perf_counter() - start:.2f} s")
"""


def test_closing_the_window_during_a_stuck_download_exits_cleanly(tmp_path):
    """It used to destroy the running QThread: 'QThread: Destroyed while thread is still running',
    exit code 134."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DLFS_CONFIG_DIR": str(tmp_path / "cfg")}
    done = subprocess.run([sys.executable, "-c", STUCK_CLOSE], cwd=ROOT, env=env, timeout=60, capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stderr
    assert "Destroyed while thread" not in done.stderr
    assert float(done.stdout.split("closed in ")[1].split()[0]) < 3


SLOW_JOB_CLOSE = """
import time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from explorer.panels.layers import jobs
real = jobs.network_job
def slow(*args):
    time.sleep(4.5)  # a busy machine loading the network: longer than any timeout a close used to allow
    return real(*args)
jobs.network_job = slow
from explorer.app import MainWindow
from explorer.settings import Settings
window = MainWindow(Settings(), panel="layers")
window.show()
QTimer.singleShot(300, window.close)
QTimer.singleShot(600, app.quit)
app.exec()
print("closed")
"""


def test_closing_while_a_panels_job_is_still_running_waits_for_it_instead_of_aborting(tmp_path):
    """CI once aborted ('QThread: Destroyed while thread is still running', SIGABRT) when the Layer Explorer's
    first job took longer than the 3 s a close waited for it."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DLFS_CONFIG_DIR": str(tmp_path / "cfg")}
    done = subprocess.run([sys.executable, "-c", SLOW_JOB_CLOSE], cwd=ROOT, env=env, timeout=60, capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Destroyed while thread" not in done.stderr and "closed" in done.stdout


def test_download_success(window, qtbot, monkeypatch):
    from engine import mnist

    monkeypatch.setattr(mnist, "download_mnist", lambda progress=None, should_stop=None, **k: "/data/mnist")
    window.files.start_download()
    with qtbot.waitSignal(window.files.download.finished, timeout=3000) as blocker:
        pass
    assert blocker.args == ["/data/mnist"]
    assert window.statusBar().currentMessage() == "MNIST is ready in /data/mnist"


def test_korean_catalogue_has_no_dead_entries(tmp_path):
    """The committed .ts holds exactly the strings the sources use: none left behind by an edit."""
    for lang in ("ko", "en"):
        committed = {m[:3] for m in messages(CATALOGUES[lang][0])}
        assert committed == {m[:3] for m in fresh_catalogue(tmp_path, lang)}


def test_closing_during_background_work_stops_it_within_two_seconds(window, qtbot, monkeypatch):
    import time

    from engine import mnist

    def endless_download(progress=None, should_stop=None, **kwargs):
        while not should_stop():
            progress("train-images-idx3-ubyte.gz", 1, 100)
            time.sleep(0.01)
        raise mnist.DownloadCancelled("train-images-idx3-ubyte.gz")

    monkeypatch.setattr(mnist, "download_mnist", endless_download)
    window.files.start_download()
    worker = window.files.download.worker
    with qtbot.waitSignal(worker.progress, timeout=3000):
        pass
    start = time.perf_counter()
    window.close()
    assert time.perf_counter() - start < 1.0  # closing never waits for the download
    worker.thread.join(2)  # and a download that listens to should_stop ends soon after
    assert not worker.thread.is_alive()


def test_dark_theme_changes_the_palette(window):
    from PySide6.QtGui import QPalette

    window.set_theme("dark")
    assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 100
    window.set_theme("light")
    assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() > 150
    window.set_theme("system")


def test_optimizer_names_stay_readable_in_the_dark_theme(window):
    from explorer.colors import ON_DARK, OPTIMIZER_COLORS, label_rgb

    assert label_rgb("adam", (45, 45, 48)) == ON_DARK  # near-black on dark: would vanish
    assert label_rgb("adam", (240, 240, 240)) == OPTIMIZER_COLORS["adam"]
    assert label_rgb("sgd", (45, 45, 48)) == OPTIMIZER_COLORS["sgd"]
    window.select_panel("optimizer")
    adam = window.current_panel().table.checks["adam"]
    window.set_theme("dark")
    QCoreApplication.processEvents()
    assert f"rgb{ON_DARK}" in adam.styleSheet()
    window.set_theme("light")
    QCoreApplication.processEvents()
    assert f"rgb{OPTIMIZER_COLORS['adam']}" in adam.styleSheet()
    window.set_theme("system")


def test_plots_follow_the_dark_theme_and_back(window):
    """Every plot's background, axis text and the optimizers' curves follow the theme, both ways."""
    from explorer.colors import ON_DARK, OPTIMIZER_COLORS

    window.select_panel("optimizer")
    playground = window.current_panel()
    window.select_panel("training")
    studio = window.current_panel()
    plots = [playground.view, playground.loss, studio.convnet_page.loss_plot, studio.race_page.acc_plot]

    def looks():
        axis = playground.loss.getAxis("left")
        return ([p.backgroundBrush().color().lightness() for p in plots], axis.textPen().color().lightness(),
                playground.loss.curves["adam"].opts["pen"].color().getRgb()[:3],
                studio.race_page.loss_curves["adam"].opts["pen"].color().getRgb()[:3],
                playground.view.overlay.curves["adam"].opts["pen"].color().getRgb()[:3])

    window.set_theme("light")
    backgrounds, text, *adam = looks()
    assert min(backgrounds) > 240 and text < 100  # the book's white, dark text
    assert adam == [OPTIMIZER_COLORS["adam"]] * 3
    window.set_theme("dark")
    backgrounds, text, *adam = looks()
    assert max(backgrounds) < 60 and text > 150  # dark plots, light text
    assert adam == [ON_DARK] * 3  # Adam's near-black curve turns light instead of vanishing
    window.set_theme("light")
    assert min(looks()[0]) > 240
    window.set_theme("system")


def test_legends_made_in_one_theme_follow_the_next(window, qtbot):
    """Legend entries made in the light theme stayed dark grey on black after switching to dark."""
    window.select_panel("training")
    studio = window.current_panel()
    legend = studio.convnet_page.acc_plot.getPlotItem().legend
    assert legend.items  # train and test, made in the light theme

    def lightness():  # of the text as drawn (pyqtgraph's setLabelTextColor only changed a setting)
        import re

        drawn = [re.search(r"color:\s*#([0-9a-fA-F]{6})", label.item.toHtml()) for _s, label in legend.items]
        return [QColor("#" + m.group(1)).lightness() for m in drawn]

    mosaic = studio.convnet_page.before_view  # a mosaic of filters sits on the window's colour

    window.set_theme("light")
    assert max(lightness()) < 120
    window.set_theme("dark")
    assert min(lightness()) > 150
    assert mosaic.backgroundBrush().color().lightness() < 80  # was left light until the panel changed
    window.set_theme("light")
    assert max(lightness()) < 120 and mosaic.backgroundBrush().color().lightness() > 200
    window.set_theme("system")


def test_the_top_tick_label_of_a_plot_is_not_clipped(window, qtbot):
    """The loss plot (log scale) keeps room above its top tick for the label drawn centred on it."""
    window.select_panel("optimizer")
    loss = window.current_panel().loss
    item = loss.getPlotItem()
    top = item.layout.getContentsMargins()[1]
    assert top >= 8
    assert loss.mapFromScene(item.vb.sceneBoundingRect().topLeft()).y() >= 8


def test_weights_label_follows_the_language(window):
    window.set_language("ko")
    assert "기본 제공 가중치" in window.weights_label.text()
    window.set_language("en")
    assert "shipped weights" in window.weights_label.text()



def test_the_simpleconvnet_label_is_hidden_only_where_it_does_not_apply(window):
    """The Layer Explorer chooses its own network (the shipped DeepConvNet by default): the status bar's
    SimpleConvNet label would be wrong there, and is right everywhere else."""
    for spec in PANELS:
        window.select_panel(spec.key)
        assert window.weights_label.isVisibleTo(window) == (spec.key != "layers"), spec.key


def test_no_korean_particle_guesses_the_reading_of_a_number():
    """'편향 2을' is wrong (2 is read 이: 2를); after a placeholder use both forms, 을(를), or none."""
    import re

    single = re.compile(r"%\d(?:을|를|이|가|은|는|과|와)(?![(가-힣])")
    texts = [ko for m in messages(i18n.TS_FILE) for ko in (m.translation if isinstance(m.translation, tuple)
                                                          else (m.translation,))]
    assert not [ko for ko in texts if ko and single.search(ko)]


def test_each_file_dialog_opens_where_it_was_last_used(window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from engine.simple_convnet import SimpleConvNet

    (tmp_path / "w").mkdir()
    (tmp_path / "e").mkdir()
    SimpleConvNet(seed=0).save_params(tmp_path / "w" / "a.npz")
    starts = []

    def fake_open(parent, title, start, kinds):
        starts.append(("open", start))
        return str(tmp_path / "w" / "a.npz"), kinds

    def fake_save(parent, title, start, kinds):
        starts.append(("save", start))
        return str(tmp_path / "e" / "view.png"), kinds

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(fake_open))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_save))
    window.files.ask_open_weights()
    window.files.ask_export()
    window.files.ask_open_weights()
    assert starts[2] == ("open", str(tmp_path / "w"))  # its own folder, not the export's
    assert window.settings.folder("export") == str(tmp_path / "e")


@pytest.mark.parametrize("where", ["a file where the config folder should be", "a folder where the log should be"])
def test_the_app_starts_when_its_log_and_settings_cannot_be_written(tmp_path, where):
    """It used to exit with rc 1 and no window; now it logs to the terminal and says so."""
    out = tmp_path / "shot.png"
    config = tmp_path / "cfg"
    if where.startswith("a file"):
        config.write_text("not a folder")
    else:
        (config / "dlfs-explorer.log").mkdir(parents=True)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DLFS_CONFIG_DIR": str(config)}
    done = subprocess.run([sys.executable, "main.py", "--panel", "conv", "--screenshot", str(out)], cwd=ROOT,
                          env=env, timeout=60, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "logging to the terminal instead" in done.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_settings_that_cannot_be_saved_are_said_so(qtbot, tmp_path):
    blocker = tmp_path / "cfg"
    blocker.write_text("a file, not a folder")
    settings = Settings(blocker / "s.ini")
    assert settings.problem and "cannot be saved" in settings.problem
    settings.set("zoom", 2)
    assert settings.get("zoom", 0, int) == 2  # still works for this session
    win = MainWindow(settings)
    qtbot.addWidget(win)
    assert win.statusBar().currentMessage() == "Settings will not be kept: " + settings.problem


def test_screenshot_option_reports_what_it_could_not_do(tmp_path):
    """An unwritable path exits 1 with a message (was silent); '' is refused at once (never exited);
    x.jpg gets JPEG bytes (was PNG)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DLFS_CONFIG_DIR": str(tmp_path / "cfg")}

    def run(target):
        return subprocess.run([sys.executable, "main.py", "--panel", "conv", "--screenshot", target], cwd=ROOT,
                              env=env, timeout=60, capture_output=True, text=True)

    (tmp_path / "a-folder.png").mkdir()
    failed = run(str(tmp_path / "a-folder.png"))
    assert failed.returncode == 1 and "could not write the screenshot" in failed.stderr
    empty = run("")
    assert empty.returncode == 2 and "needs a file name" in empty.stderr
    assert run(str(tmp_path / "x.jpg")).returncode == 0
    assert (tmp_path / "x.jpg").read_bytes()[:3] == b"\xff\xd8\xff"  # a JPEG


def test_weights_are_read_off_the_gui_thread_and_closing_meanwhile_waits_for_the_read(window, tmp_path, qtbot,
                                                                                      monkeypatch):
    import threading
    import time

    from engine.simple_convnet import SimpleConvNet

    path = tmp_path / "slow.npz"
    SimpleConvNet(seed=5).save_params(path)
    threads, real = [], SimpleConvNet.load_params

    def slow_load(net, file_name):
        threads.append(threading.current_thread() is threading.main_thread())
        time.sleep(0.5)  # a large file
        return real(net, file_name)

    monkeypatch.setattr(SimpleConvNet, "load_params", slow_load)
    start = time.perf_counter()
    window.files.open_weights(path)
    assert time.perf_counter() - start < 0.2  # the window stays responsive
    assert window.cursor().shape() == Qt.CursorShape.BusyCursor
    reader = window.files._weights_reader
    window.close()  # mid-read: waits for it (no "QThread destroyed while running")
    assert reader.isFinished() and threads == [False]


def test_settings_that_cannot_be_written_at_close_are_said_so(qtbot, tmp_path, monkeypatch):
    import shutil

    folder = tmp_path / "cfg"
    settings = Settings(folder / "s.ini")
    assert settings.problem is None
    win = MainWindow(settings)
    qtbot.addWidget(win)
    shutil.rmtree(folder)
    folder.write_text("the folder was replaced by a file")  # nothing can be written there now, even by root
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[1:]))
    win.close()
    assert warnings and warnings[0][0] == "Settings not saved" and str(folder / "s.ini") in warnings[0][1]


def test_a_data_folder_is_read_off_the_gui_thread_and_a_newer_choice_wins(window, qtbot, tmp_path, monkeypatch):
    """Reading the whole dataset to check it takes about a second: the window must stay responsive."""
    import threading

    from explorer import file_actions

    gate, real = threading.Event(), file_actions.dataset_sizes

    def slow(folder):
        gate.wait(5)
        return real(folder)

    monkeypatch.setattr(file_actions, "dataset_sizes", slow)
    from tests.engine.test_mnist import write_dataset

    first, second = tmp_path / "a", tmp_path / "b"
    write_dataset(first)
    write_dataset(second)
    with qtbot.waitSignal(window.files.data_folder_set, timeout=10000) as blocker:
        window.files.set_data_folder(first)
        window.files.set_data_folder(second)  # returns at once too: nothing has been read yet
        assert window.settings.get("data_dir", "", str) == ""
        gate.set()
    assert blocker.args == [True]
    qtbot.wait(100)  # the first one's answer, if it came, must not win
    assert window.settings.get("data_dir", "", str) == str(second)


def test_placeholders_are_filled_in_one_pass_so_values_keep_their_percent_signs(window, tmp_path):
    """A data folder named run%2 was shown as 'run60,000' when %1, %2, %3 were replaced one after another."""
    from pathlib import Path

    from tests.explorer.test_training import write_learnable_dataset

    folder = write_learnable_dataset(tmp_path / "run%2", n_train=30, n_test=10)
    assert choose_data_folder(window, folder)
    assert window.statusBar().currentMessage() == f"Using {folder}: 30 training and 10 test images"
    chains = [str(p) for p in Path("explorer").rglob("*.py") if '.replace("%' in p.read_text(encoding="utf-8")]
    assert not chains, "fill() placeholders in one pass instead of .replace chains"


def test_a_language_switch_retranslates_every_panel_once_and_at_once(window, monkeypatch, qtbot):
    from explorer.panels.base import Panel

    for key in ("optimizer", "draw"):
        window.select_panel(key)
    calls = []
    for panel in window.panels.values():
        original = type(panel).retranslate
        monkeypatch.setattr(panel, "retranslate", lambda p=panel, o=original: (calls.append(p.spec.key), o(p)))
    original_window = type(window).retranslate
    monkeypatch.setattr(window, "retranslate", lambda: (calls.append("window"), original_window(window)))
    window.set_language("ko")
    assert "딥러닝" in window.windowTitle() or "밑바닥" in window.windowTitle()  # before any event loop turn
    qtbot.wait(50)
    assert sorted(calls) == sorted(["window", *window.panels])  # each once (was twice: 590 ms instead of ~370)
    assert all(isinstance(p, Panel) for p in window.panels.values())
    window.set_language("en")


def test_qt_translation_tools_are_found_without_the_venv_on_path(monkeypatch):
    from explorer.i18n.update import tool

    monkeypatch.setenv("PATH", "/nonexistent")  # pytest run by its full path, venv not activated
    for name in ("lupdate", "lrelease"):
        assert Path(tool(name)).is_file()


def test_a_panel_that_cannot_be_built_ends_a_screenshot_run_with_its_error(tmp_path):
    """A panel missing from a wheel (explorer.panels.draw once was) made --screenshot wait for ever."""
    script = ("import sys; sys.modules['explorer.panels.draw'] = None; from explorer.__main__ import main; "
              f"sys.exit(main(['--panel', 'draw', '--screenshot', {str(tmp_path / 'x.png')!r}]))")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DLFS_CONFIG_DIR": str(tmp_path / "cfg")}
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, timeout=60, capture_output=True,
                          text=True)
    assert done.returncode == 1 and "explorer.panels.draw" in done.stderr
    assert not (tmp_path / "x.png").exists()


def test_every_package_of_the_project_is_in_the_wheel():
    import re

    text = (ROOT / "pyproject.toml").read_text()
    start = text.index("packages = [")
    listed = set(re.findall(r'"([a-z0-9_.]+)"', text[start : text.index("]", start)]))
    found = {".".join(p.parent.relative_to(ROOT).parts) for top in ("engine", "explorer")
             for p in (ROOT / top).rglob("__init__.py")}
    assert found <= listed, f"add to pyproject.toml's packages: {sorted(found - listed)}"


def test_a_weights_file_read_before_a_newer_request_is_forgotten_and_the_name_is_the_file_name(window, tmp_path,
                                                                                             qtbot):
    from engine.simple_convnet import SimpleConvNet

    first, second = SimpleConvNet(seed=1), SimpleConvNet(seed=2)
    first.save_params(tmp_path / "first.npz")
    second.save_params(tmp_path / "second.npz")
    applied, opened = [], []
    window.model.weights_changed.connect(applied.append)
    window.files.weights_opened.connect(opened.append)
    window.files.open_weights(tmp_path / "first.npz")
    reader = window.files._weights_reader
    reader.wait(10_000)  # done, its result still queued for this thread: a newer request comes first
    with qtbot.waitSignal(window.files.weights_opened, timeout=10_000) as blocker:
        window.files.open_weights(tmp_path / "second.npz")
    assert blocker.args == [True]
    qtbot.wait(50)
    np.testing.assert_array_equal(window.model.net.params["W1"], second.params["W1"])
    assert window.model.source == "second.npz"  # the file's name, not its whole path
    assert applied == ["second.npz"] and opened == [True]  # the older read never reached the network


@pytest.mark.parametrize("font", [True, False])
def test_korean_without_a_korean_font_says_which_package_to_install(window, monkeypatch, font):
    from explorer import app

    monkeypatch.setattr(app, "has_korean_font", lambda: font)
    window.statusBar().clearMessage()
    window.set_language("ko")
    said = window.statusBar().currentMessage()
    assert ("fonts-noto-cjk" in said) == (not font)
    window.statusBar().clearMessage()
    window.set_language("en")
    assert "fonts-noto-cjk" not in window.statusBar().currentMessage()


def test_saving_weights_adds_the_suffix_and_says_where(window, tmp_path, monkeypatch):
    from engine.simple_convnet import SimpleConvNet
    from explorer import file_actions

    monkeypatch.setattr(file_actions, "ask_path", lambda *a, **k: str(tmp_path / "mine"))
    window.files.ask_save_weights()
    saved = tmp_path / "mine.npz"
    assert window.statusBar().currentMessage() == f"Weights saved to {saved}"
    net = SimpleConvNet()
    net.load_params(saved)
    np.testing.assert_array_equal(net.params["W1"], window.model.net.params["W1"])
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append((title, text)))
    (tmp_path / "taken.npz").mkdir()  # a folder of that name: cannot be written
    monkeypatch.setattr(file_actions, "ask_path", lambda *a, **k: str(tmp_path / "taken.npz"))
    window.statusBar().clearMessage()
    window.files.ask_save_weights()
    assert len(warned) == 1 and warned[0][0] == "Cannot save weights" and "taken.npz" in warned[0][1]
    assert window.statusBar().currentMessage() == ""  # no "saved"
    monkeypatch.setattr(file_actions, "ask_path", lambda *a, **k: "")  # cancelled: nothing happens
    window.files.ask_save_weights()
    assert len(warned) == 1 and window.statusBar().currentMessage() == ""
    assert {p.name for p in tmp_path.iterdir()} - {"settings.ini"} == {"mine.npz", "taken.npz"}  # no temporary left


def test_each_panels_tooltip_names_the_shortcut_that_opens_it(window):
    for row, spec in enumerate(PANELS):
        shortcut = window.panel_actions[spec.key].shortcut().toString()
        assert window.nav.item(row).toolTip().endswith(f"  ({shortcut})")
    assert window.nav.item(0).toolTip().endswith("  (Ctrl+1)")


def test_a_deferred_panel_is_built_right_after_the_first_paint_with_its_row_already_chosen(settings, qtbot):
    """main.py opens the window with defer_panel: the frame paints first (its list already on the panel's
    row, without building it), then the panel is built; first_painted is said once."""
    win = MainWindow(settings, lang="en", panel="conv", defer_panel=True)
    qtbot.addWidget(win)
    assert win.panels == {} and win.nav.currentRow() == [p.key for p in PANELS].index("conv")
    painted = []
    win.first_painted.connect(lambda: painted.append(True))
    with qtbot.waitSignal(win.panel_changed, timeout=10000) as blocker:
        win.show()
    assert blocker.args == ["conv"] and painted == [True] and set(win.panels) == {"conv"}
    assert win.current_key() == "conv" and win.current_panel() is win.panels["conv"]
    win.update()
    qtbot.wait(50)
    assert painted == [True] and set(win.panels) == {"conv"}  # later paints build nothing more


def test_a_missing_korean_catalogue_is_said_and_the_app_stays_in_english(window, monkeypatch):
    warned = []
    monkeypatch.setattr(i18n, "install", lambda lang: lang == "en")
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append((title, text)))
    window.set_language("ko")
    assert warned == [("DLFS Explorer", "Korean translation file not found; staying in English.")]
    assert window.lang == "en" and window.settings.get("language", "", str) == "en"
    assert window.lang_actions["en"].isChecked() and not window.lang_actions["ko"].isChecked()


def test_each_zoom_step_is_ten_percent_of_text_size_compounded_and_0_resets(window):
    from PySide6.QtWidgets import QApplication

    base = window._base_font_size
    window.zoom(+1)
    window.zoom(+1)
    window.zoom(+1)
    assert QApplication.font().pointSizeF() == pytest.approx(base * 1.1**3, abs=0.01)  # 1.331, not 1.3
    window.zoom(-1)
    assert QApplication.font().pointSizeF() == pytest.approx(base * 1.21, abs=0.01)
    window.zoom(0)
    assert QApplication.font().pointSizeF() == pytest.approx(base, abs=0.01)


def test_the_panels_open_with_ctrl_1_to_ctrl_n_in_the_lists_order(window):
    shortcuts = [window.panel_actions[spec.key].shortcut().toString() for spec in PANELS]
    assert shortcuts == [f"Ctrl+{k}" for k in range(1, len(PANELS) + 1)]

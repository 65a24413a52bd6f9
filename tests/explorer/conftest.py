import pytest

from explorer import i18n
from explorer.app import MainWindow
from explorer.settings import Settings


@pytest.fixture
def settings(tmp_path):
    return Settings(tmp_path / "settings.ini")


@pytest.fixture
def window(qtbot, settings):
    win = MainWindow(settings, lang="en", panel="draw")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    i18n.install("en")


@pytest.fixture(autouse=True)
def collect_garbage_on_the_gui_thread():
    """A test's closed windows are collected here, on the GUI thread, not later by whichever thread (a
    worker) happens to trigger Python's collector: Qt widgets must die on the thread that owns them."""
    yield
    import gc

    gc.collect()


@pytest.fixture(autouse=True)
def restore_application_look(qapp):
    """Zoom (the application font), theme (palette, style) and the plots' colours are global to the
    QApplication: a test that changes them must not change the next test's window."""
    font, palette, style = qapp.font(), qapp.palette(), qapp.style().name()
    yield
    qapp.setFont(font)
    if qapp.style().name() != style:
        qapp.setStyle(style)
    qapp.setPalette(palette)


def choose_data_folder(window, folder, timeout=10000):
    """File › Choose data folder, waited for (the folder is checked off the GUI thread): True if in use."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop, answers = QEventLoop(), []

    def done(ok):
        answers.append(ok)
        loop.quit()

    window.files.data_folder_set.connect(done)
    window.files.set_data_folder(folder)
    QTimer.singleShot(timeout, loop.quit)
    if not answers:
        loop.exec()
    window.files.data_folder_set.disconnect(done)
    assert answers, f"no answer about {folder} within {timeout} ms"
    return answers[0]

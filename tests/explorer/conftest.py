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
def restore_application_look(qapp):
    """Zoom (the application font), theme (palette, style) and the plots' colours are global to the
    QApplication: a test that changes them must not change the next test's window."""
    font, palette, style = qapp.font(), qapp.palette(), qapp.style().name()
    yield
    qapp.setFont(font)
    if qapp.style().name() != style:
        qapp.setStyle(style)
    qapp.setPalette(palette)

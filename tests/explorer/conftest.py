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

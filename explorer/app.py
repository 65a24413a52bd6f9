"""The main window: navigation, menus, status bar, settings; panels are built on first use."""

import importlib
import logging
import sys
from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from engine.resource_files import resource_path

from . import i18n
from .dialogs import ShortcutsDialog
from .exporting import write_atomically
from .file_actions import STATUS_MS, FileActions
from .i18n import fill
from .model import CurrentDigit, ModelStore
from .panels import PANELS
from .panels.base import PanelContext
from .theme import THEMES, apply_theme, has_korean_font
from .tour import STEPS as TOUR_STEPS
from .tour import TourBar
from .widgets.room import PanelRoom

log = logging.getLogger("dlfs")
ICONS = resource_path("icons")


def icon(name):
    return QIcon(str(ICONS / name))


NAV_WIDE, NAV_NARROW = 200, 56  # px: the navigation list with names, with icons only
NAV_COMPACT_BELOW = 1200  # window widths below this get the icons-only list
ZOOM_RANGE = (-3, 6)  # text size steps of 10 % (View › Zoom): 70 % to 160 %


class MainWindow(QMainWindow):
    panel_changed = Signal(str)
    language_changed = Signal(str)
    first_painted = Signal()

    def __init__(self, settings, lang=None, panel=None, defer_panel=False):
        super().__init__()
        self.settings = settings
        self.model = ModelStore(self)
        self.context = PanelContext(settings=settings, model=self.model, drawing=CurrentDigit(self))
        self.panels = {}  # key -> Panel, created on first selection
        self._retranslations = 0  # how often retranslate ran: tells whether a language switch posted events
        self.lang = lang or settings.get("language", "", str) or i18n.system_language()
        if self.lang not in i18n.LANGUAGES:
            self.lang = "en"
        self._base_font_size = QApplication.font().pointSizeF()
        QApplication.instance().setProperty("base_point_size", self._base_font_size)  # widgets.sizing
        self.files = FileActions(self)  # the File menu's work
        self._build_ui()
        self._build_menus()
        self._connect()
        self._restore_settings()
        self.set_language(self.lang)
        key = panel or self.settings.get("last_panel", "draw", str, choices=[p.key for p in PANELS])
        key = key if key in {p.key for p in PANELS} else "draw"
        self._pending_panel = None
        if defer_panel:
            # Paint the frame first; the (heavier) panel is built right after the first paint.
            self.nav.blockSignals(True)
            self.nav.setCurrentRow([p.key for p in PANELS].index(key))
            self.nav.blockSignals(False)
            self._pending_panel = key
        else:
            self.select_panel(key)

    def paintEvent(self, event):  # noqa: N802 (Qt's name)
        super().paintEvent(event)
        if self._pending_panel is not None:
            key, self._pending_panel = self._pending_panel, None
            QTimer.singleShot(0, lambda: self.select_panel(key))
            self.first_painted.emit()

    # -- building ---------------------------------------------------------------------------

    def _build_ui(self):
        self.setWindowIcon(icon("app.svg"))
        self.setMinimumSize(760, 520)
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setIconSize(QSize(32, 32))
        self.nav.setSpacing(2)
        self.nav.setFixedWidth(NAV_WIDE)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._nav_compact = False
        for spec in PANELS:
            item = QListWidgetItem(icon(spec.icon), "")
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setSizeHint(QSize(NAV_WIDE - 20, 48))
            self.nav.addItem(item)
        self.stack = QStackedWidget()
        self._slots = {}
        self._rooms = {}  # key -> the QScrollArea holding the panel
        for spec in PANELS:
            slot = QWidget()  # replaced by the real panel on first use
            self._slots[spec.key] = slot
            self.stack.addWidget(slot)
        splitter = self._splitter = QSplitter()
        splitter.addWidget(self.nav)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([self.nav.width(), 10_000])  # the fixed-width list, no blank strip beside it
        self.tour = TourBar(self)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(splitter, 1)
        column.addWidget(self.tour)
        self.setCentralWidget(central)
        self.weights_label = QLabel()
        self.statusBar().addPermanentWidget(self.weights_label)

    def _action(self, menu, slot, shortcut=None, checkable=False):
        action = QAction(self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self):
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        files = self.files
        self.open_action = self._action(self.file_menu, files.ask_open_weights, QKeySequence.StandardKey.Open)
        self.save_action = self._action(self.file_menu, files.ask_save_weights, QKeySequence.StandardKey.Save)
        self.file_menu.addSeparator()
        self.data_action = self._action(self.file_menu, files.ask_data_folder)
        self.download_action = self._action(self.file_menu, files.start_download)
        self.file_menu.addSeparator()
        self.export_action = self._action(self.file_menu, files.ask_export, "Ctrl+E")
        self.file_menu.addSeparator()
        self.quit_action = self._action(self.file_menu, self.close, QKeySequence.StandardKey.Quit)

        self.view_menu = bar.addMenu("")
        self.panel_actions = {}
        for i, spec in enumerate(PANELS, start=1):
            action = self._action(self.view_menu, lambda _=False, k=spec.key: self.select_panel(k), f"Ctrl+{i}")
            action.setIcon(icon(spec.icon))
            self.panel_actions[spec.key] = action
        self.view_menu.addSeparator()
        self.theme_menu = self.view_menu.addMenu("")
        self.theme_group = QActionGroup(self)
        self.theme_actions = {}
        for theme in THEMES:
            action = self._action(self.theme_menu, lambda _=False, t=theme: self.set_theme(t), checkable=True)
            self.theme_group.addAction(action)
            self.theme_actions[theme] = action
        self.view_menu.addSeparator()
        self.zoom_in_action = self._action(self.view_menu, lambda: self.zoom(+1), QKeySequence.StandardKey.ZoomIn)
        self.zoom_out_action = self._action(self.view_menu, lambda: self.zoom(-1), QKeySequence.StandardKey.ZoomOut)
        self.zoom_reset_action = self._action(self.view_menu, lambda: self.zoom(0), "Ctrl+0")

        self.lang_menu = bar.addMenu("")
        self.lang_group = QActionGroup(self)
        self.lang_actions = {}
        for code, name in i18n.LANGUAGES.items():
            action = self._action(self.lang_menu, lambda _=False, c=code: self.set_language(c), checkable=True)
            action.setText(name)  # each language is named in itself, never translated
            self.lang_group.addAction(action)
            self.lang_actions[code] = action

        self.help_menu = bar.addMenu("")
        self.tour_action = self._action(self.help_menu, lambda _=False: self.start_tour(), "Ctrl+T")
        self.shortcuts_action = self._action(self.help_menu, self.show_shortcuts, QKeySequence.StandardKey.HelpContents)
        self.about_action = self._action(self.help_menu, self.show_about)

    def _connect(self):
        self.nav.currentRowChanged.connect(self._on_nav_row_changed)
        self.model.weights_changed.connect(self._on_weights_changed)
        self.model.explore_requested.connect(lambda: self.select_panel("layers"))
        self.tour.step_changed.connect(lambda k: self.settings.set("tour/step", k))
        self.tour.closed.connect(self._on_tour_closed)

    # -- texts ------------------------------------------------------------------------------

    def changeEvent(self, event):  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self):
        self._retranslations += 1
        self.setWindowTitle(self.tr("DLFS Explorer — Deep Learning from Scratch, chapters 6–7"))
        self.file_menu.setTitle(self.tr("&File"))
        self.open_action.setText(self.tr("&Open weights…"))
        self.open_action.setToolTip(self.tr("Load SimpleConvNet weights (.npz, or the book's params.pkl)"))
        self.save_action.setText(self.tr("&Save weights…"))
        self.save_action.setToolTip(self.tr("Save the current network's weights as .npz"))
        self.data_action.setText(self.tr("Choose MNIST &folder…"))
        self.data_action.setToolTip(self.tr("Use MNIST (or another IDX dataset) from a folder on this computer"))
        self.download_action.setText(self.tr("&Download MNIST…"))
        self.download_action.setToolTip(self.tr("Download the four MNIST files (about 11 MB) into your cache folder"))
        self.export_action.setText(self.tr("&Export view as PNG/SVG…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.view_menu.setTitle(self.tr("&View"))
        for spec in PANELS:
            # "&" marks a mnemonic in a menu: "Draw & Classify" needs "&&" to keep its ampersand.
            self.panel_actions[spec.key].setText(QCoreApplication.translate("Panels", spec.title).replace("&", "&&"))
        self.theme_menu.setTitle(self.tr("&Appearance"))
        self.theme_actions["system"].setText(self.tr("Follow the system"))
        self.theme_actions["light"].setText(self.tr("Light"))
        self.theme_actions["dark"].setText(self.tr("Dark"))
        self.zoom_in_action.setText(self.tr("Zoom &in"))
        self.zoom_out_action.setText(self.tr("Zoom &out"))
        self.zoom_reset_action.setText(self.tr("&Reset zoom"))
        self.lang_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.shortcuts_action.setText(self.tr("&Keyboard shortcuts"))
        self.tour_action.setText(self.tr("Guided &tour"))
        self.tour_action.setToolTip(self.tr("The lecture step by step, each step opening the right panel"))
        self.tour.retranslate()
        self.about_action.setText(self.tr("&About DLFS Explorer"))
        for row, spec in enumerate(PANELS):
            item = self.nav.item(row)
            title = QCoreApplication.translate("Panels", spec.title)
            item.setText("" if self._nav_compact else title)
            summary = QCoreApplication.translate("Panels", spec.summary) + f"  (Ctrl+{row + 1})"
            item.setToolTip(f"{title}: {summary}" if self._nav_compact else summary)
        self._update_weights_label()

    def resizeEvent(self, event):  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit_nav(event.size().width())

    def _fit_nav(self, width=None):
        """Icons only below NAV_COMPACT_BELOW, a width that grows with the text size (zoom): the panels
        need more room when their text is larger, and the names would be cut off anyway."""
        scale = QApplication.font().pointSizeF() / max(self._base_font_size, 1.0)
        self._set_nav_compact((width or self.width()) < NAV_COMPACT_BELOW * scale)

    def _set_nav_compact(self, compact):
        """In a narrow window the navigation list shows only its icons (names in the tooltips), so
        the panel gets the width."""
        if compact == self._nav_compact:
            return
        self._nav_compact = compact
        self.nav.setFixedWidth(NAV_NARROW if compact else NAV_WIDE)
        for row in range(self.nav.count()):
            self.nav.item(row).setSizeHint(QSize(NAV_NARROW - 16 if compact else NAV_WIDE - 20, 48))
        self._splitter.setSizes([self.nav.width(), 10_000])
        self.retranslate()

    def _update_weights_label(self):
        self.weights_label.setText(fill(self.tr("Network: SimpleConvNet, %1"), self.model.describe()))

    # -- panels -----------------------------------------------------------------------------

    def _create_panel(self, spec):
        module = importlib.import_module(f"explorer.panels.{spec.module}")
        panel = getattr(module, spec.cls)(self.context, spec)
        panel.status_message.connect(lambda text: self.statusBar().showMessage(text, STATUS_MS))
        panel.filter_on_image_requested.connect(self._on_filter_on_image_requested)
        index = self.stack.indexOf(self._slots[spec.key])
        self.stack.removeWidget(self._slots[spec.key])
        self._slots[spec.key].deleteLater()
        # A window smaller than what the panel needs (a small screen, large zoom) scrolls the panel
        # instead of squeezing its controls below their size; at any larger size it fills the window.
        room = PanelRoom(panel)
        room.setObjectName(f"room-{spec.key}")
        self._rooms[spec.key] = room
        self.stack.insertWidget(index, room)
        self.panels[spec.key] = panel
        return panel

    def select_panel(self, key):
        row = [p.key for p in PANELS].index(key)
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)  # comes back through _on_nav_row_changed
        else:
            self._on_nav_row_changed(row)

    def current_panel(self):
        room = self.stack.currentWidget()
        return room.widget() if isinstance(room, PanelRoom) else room

    def current_key(self):
        return PANELS[self.nav.currentRow()].key

    def _on_nav_row_changed(self, row):
        if row < 0:
            return
        spec = PANELS[row]
        if spec.key not in self.panels:
            self._create_panel(spec)
        self.stack.setCurrentWidget(self._rooms[spec.key])
        self._update_weights_label()  # the first panel that needs the network has loaded it by now
        # The Layer Explorer names its own network (often DeepConvNet): this label would contradict it.
        self.weights_label.setVisible(spec.key != "layers")
        self.panel_changed.emit(spec.key)

    def _on_filter_on_image_requested(self, request):
        """A panel (Draw & Classify) asks to show one filter on the drawn digit in the Convolution Lab."""
        self.select_panel("conv")
        self.panels["conv"].show_filter_on_image(request)

    # -- language, theme, zoom ----------------------------------------------------------------

    def set_language(self, lang):
        if not i18n.install(lang):
            QMessageBox.warning(self, "DLFS Explorer", "Korean translation file not found; staying in English.")
            lang = "en"
        self.lang = lang
        self.lang_actions[lang].setChecked(True)
        self.settings.set("language", lang)
        # Swapping translators posts LanguageChange to the application, which posts it on to every window,
        # whose widgets retranslate in changeEvent. Delivered now: the switch is immediate and happens once
        # (calling retranslate here as well did all of it twice).
        app = QCoreApplication.instance()
        before = self._retranslations
        QCoreApplication.sendPostedEvents(app, QEvent.Type.LanguageChange)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        if self._retranslations == before:  # no translator changed (English at start-up): nothing was posted
            self.retranslate()
            for panel in self.panels.values():
                panel.retranslate()
        if lang == "ko" and not has_korean_font():
            self.statusBar().showMessage(self.tr("No Korean font found: install fonts-noto-cjk to see Hangul."))
        self.language_changed.emit(lang)

    def set_theme(self, theme):
        """Light, dark, or the system's; our own palette where the platform offers no dark theme."""
        apply_theme(theme)
        self.theme_actions[theme].setChecked(True)
        self.settings.set("theme", theme)

    def zoom(self, direction):
        """+1 / -1 steps of 10% in text size; 0 resets."""
        step = 0 if direction == 0 else self.settings.get("zoom", 0, int, within=ZOOM_RANGE) + direction
        self.settings.set("zoom", max(ZOOM_RANGE[0], min(ZOOM_RANGE[1], step)))
        self._apply_zoom()

    def _on_weights_changed(self, source):
        self._update_weights_label()
        self.statusBar().showMessage(fill(self.tr("Loaded weights from %1"), source), STATUS_MS)

    # -- help -----------------------------------------------------------------------------------

    def shortcut_rows(self):
        rows = [(f"Ctrl+{i}", QCoreApplication.translate("Panels", s.title)) for i, s in enumerate(PANELS, 1)]
        rows += [
            (QKeySequence(QKeySequence.StandardKey.Open).toString(), self.tr("Open weights")),
            (QKeySequence(QKeySequence.StandardKey.Save).toString(), self.tr("Save weights")),
            ("Ctrl+E", self.tr("Export the current view")),
            ("Ctrl++ / Ctrl+- / Ctrl+0", self.tr("Zoom in / out / reset")),
            ("Ctrl+Return / Esc", self.tr("Training Studio: start / stop")),
            ("Ctrl+T", self.tr("Guided tour")),
            ("Page Down / Page Up", self.tr("Guided tour: the next / the previous step")),
            ("F1", self.tr("This list")),
            (QKeySequence(QKeySequence.StandardKey.Quit).toString(), self.tr("Quit")),
        ]
        return rows

    def start_tour(self, step=None):
        """Open the guided tour at ``step``, or where it was left (the first step after the last one)."""
        if step is None:
            step = self.settings.get("tour/step", 0, int, within=(0, len(TOUR_STEPS) - 1))
        self.tour.show_step(step)

    def _on_tour_closed(self):
        if self.tour.index == len(TOUR_STEPS) - 1:
            self.settings.set("tour/step", 0)  # finished: the next tour starts from the beginning

    def show_shortcuts(self):
        dialog = ShortcutsDialog(self.shortcut_rows(), self)
        dialog.open()
        return dialog

    def about_text(self):
        return self.tr(
            "<h3>DLFS Explorer</h3>"
            "<p>See and poke chapters 6 and 7 of <i>Deep Learning from Scratch</i> "
            "(Saito Koki; Korean edition 밑바닥부터 시작하는 딥러닝): parameter updates and "
            "convolutional networks.</p>"
            "<p><b>Credits</b><br>"
            "The book: Saito Koki, <i>Deep Learning from Scratch</i> (O'Reilly Japan; Hanbit Media).<br>"
            "MNIST: Y. LeCun, C. Cortes, C. J. C. Burges, CC BY-SA 3.0.<br>"
            "Built with NumPy, Qt for Python (PySide6), pyqtgraph, pooch and platformdirs.</p>"
        )

    def show_about(self):
        QMessageBox.about(self, self.tr("About DLFS Explorer"), self.about_text())

    # -- settings and closing -------------------------------------------------------------------

    def _restore_settings(self):
        if self.settings.problem:
            self.statusBar().showMessage(fill(self.tr("Settings will not be kept: %1"), self.settings.problem))
        geometry = self.settings.get("geometry", QByteArray(), QByteArray)
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(1280, 820)
        theme = self.settings.get("theme", "system", str, choices=THEMES)
        self.set_theme(theme if theme in THEMES else "system")
        self._apply_zoom()

    def _apply_zoom(self):
        step = self.settings.get("zoom", 0, int, within=ZOOM_RANGE)
        font = QApplication.font()
        font.setPointSizeF(self._base_font_size * (1.1**step))
        QApplication.setFont(font)
        self._fit_nav()

    def closeEvent(self, event):  # noqa: N802 (Qt's name)
        self.files.shutdown()
        for panel in self.panels.values():
            try:
                panel.shutdown()
            except Exception:  # a panel failing to stop must not keep the window open
                log.exception("panel %s failed to shut down", panel.spec.key)
        self.settings.set("geometry", self.saveGeometry())
        self.settings.set("last_panel", self.current_key())
        if not self.settings.sync():
            log.error("settings could not be written to %s", self.settings.path)
            QMessageBox.warning(self, self.tr("Settings not saved"), fill(self.tr(
                "The settings (window, language, drawing, folders) could not be written to %1. They will be "
                "the defaults next time; check that the folder exists and the disk is not full."),
                str(self.settings.path)))
        super().closeEvent(event)


def render_screenshot(window, path, delay_ms=400):
    """After the panel is built, shown and laid out, grab the window to ``path`` and quit."""
    def grab():
        QApplication.processEvents()
        suffix = Path(str(path)).suffix.lower().lstrip(".")
        kind = {"jpg": "JPEG", "jpeg": "JPEG", "bmp": "BMP", "webp": "WEBP"}.get(suffix, "PNG")  # x.jpg: a JPEG
        ok = write_atomically(path, lambda tmp: window.grab().save(tmp, kind))
        if not ok:
            log.error("could not write screenshot %s", path)
            print(f"DLFS Explorer: could not write the screenshot {path}", file=sys.stderr)
        QApplication.instance().exit(0 if ok else 1)

    if window._pending_panel is not None:  # wait for the deferred panel
        window.panel_changed.connect(lambda _key: QTimer.singleShot(delay_ms, grab))
    else:
        QTimer.singleShot(delay_ms, grab)


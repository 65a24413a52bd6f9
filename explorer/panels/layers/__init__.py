"""Layer Explorer: inside DeepConvNet (or SimpleConvNet), layer by layer, on the digit you draw."""

from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QScrollArea,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
)

from engine import pretrained, samples
from engine.atlas import load_atlas
from engine.receptive_field import layer_geometry
from engine.visualize import inspect_image

from ...data import data_folder
from ...dialogs import ask_image_path, ask_path
from ...i18n import fill
from ...image_files import ImageFileProblem, read_digit_job
from ...widgets.sizing import cap_width
from ..base import Panel
from . import jobs
from .about import ABOUT
from .channel_detail import ChannelDetail
from .controls import InputControls
from .depth_page import LazyPages
from .maps_page import MapsPage
from .runner import JobSlots
from .state import LayerExplorerState


class LayerExplorerPanel(Panel):
    def __init__(self, context, spec, parent=None):
        super().__init__(context, spec, parent)
        self.state = LayerExplorerState()
        self.jobs = JobSlots(self)
        self.network = None  # jobs.ExploredNetwork
        self._file_network = (None, None)  # the last network opened from a file or handed over
        self.inspection = None  # engine.visualize.ImageInspection of the current input
        self.atlas = None
        self.simple_atlas = None  # SimpleConvNet's shipped atlas: one point on the abstraction plot
        self.samples = samples.load_samples()
        self._build_ui()
        self._connect()
        self.retranslate()
        self.set_network(self.context.settings.get("layers/network", "deep", str))
        self.controls.set_source("drawing" if self._drawing() is not None else "test")
        if self.context.model.to_explore is not None:
            self._on_explore_requested()

    # -- building -----------------------------------------------------------------------------------------

    def _build_ui(self):
        self.controls = InputControls(self.samples)
        self.maps_page = MapsPage()
        mp = self.maps_page
        self.strip, self.caption, self.maps, self.trace = mp.strip, mp.caption, mp.maps, mp.trace
        self.about = QTextBrowser()
        self.about.setOpenExternalLinks(True)
        self.tabs = QTabWidget()
        self.pages = LazyPages(self)  # By depth and How abstract? are built when first shown
        for w in (self.maps_page, self.pages.holder(1), self.pages.holder(2), self.about):
            self.tabs.addTab(w, "")
        self.detail = ChannelDetail()
        cap_width(self.detail, 420)
        left = QScrollArea()  # a small window scrolls the column instead of squeezing it
        left.setWidget(self.controls)
        left.setWidgetResizable(True)
        left.setFrameShape(QScrollArea.Shape.NoFrame)
        left.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        left.setMinimumWidth(200)
        cap_width(left, 340)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([290, 760, 330])
        QVBoxLayout(self).addWidget(splitter)
        self.layer_keys = [QShortcut(QKeySequence(k), self) for k in ("Alt+Left", "Alt+Right")]

    def _connect(self):
        c = self.controls
        c.network_chosen.connect(self.set_network)
        c.open_requested.connect(self._on_open_clicked)
        c.load_requested.connect(self._on_load_clicked)
        c.input_changed.connect(self._on_input_changed)
        c.overlay_toggled.connect(self._on_overlay_toggled)
        self.maps_page.layer_selected.connect(self.select_layer)
        self.maps_page.unit_clicked.connect(self._on_unit_clicked)
        self.detail.compute_requested.connect(self.compute_atlas)
        self.detail.cancel_requested.connect(self._on_cancel_atlas)
        self.layer_keys[0].activated.connect(lambda: self._step_layer(-1))
        self.layer_keys[1].activated.connect(lambda: self._step_layer(+1))
        self.tabs.currentChanged.connect(self.pages.build)
        if self.context.drawing is not None:
            self.context.drawing.changed.connect(self._on_drawing_changed)
        self.context.model.weights_changed.connect(self._on_weights_changed)
        self.context.model.explore_requested.connect(self._on_explore_requested)

    def retranslate(self):
        titles = [self.tr("Feature maps"), self.tr("By depth"), self.tr("How abstract?"), self.tr("About this view")]
        for i, title in enumerate(titles):
            self.tabs.setTabText(i, title)
        self.maps_page.retranslate()
        self.about.setHtml(self.tr(ABOUT))
        self.controls.retranslate()
        self.detail.retranslate()
        self.pages.retranslate()
        self.maps_page.set_layers(self.state.geometry, self.state.layer)
        self._show()

    # -- the network ------------------------------------------------------------------------------------------

    def set_network(self, key, network=None, label=None):
        """'deep' (shipped DeepConvNet), 'current' (Draw & Classify's SimpleConvNet), or 'file' with
        ``network`` (an ExploredNetwork opened from a file or handed over). Files are read, and
        networks copied, in a worker; the view switches when it is done."""
        if key == "file" and network is None:
            network, label = self._file_network  # chosen again in the list
        if network is not None:
            self.jobs.cancel("network")
            self._apply_network(key, network, label)
            return
        store = self.context.model
        current = None if store.source == store.SHIPPED else store.net
        self.jobs.start("network", jobs.network_job, key, current, replace=True,
                        on_done=lambda result: self._on_network_loaded(*result))

    def _on_network_loaded(self, key, network, error):
        if error:
            self.status_message.emit(fill(self.tr("The shipped DeepConvNet could not be loaded: %1"), error))
        self._apply_network(key, network, None)

    def _apply_network(self, key, network, label):
        if key == "file":
            self._file_network = (network, label)
        self.state.network = key
        self.network = network
        self.detail.show_busy(None)  # a computation for the previous network is cancelled below
        self.context.settings.set("layers/network", key if key != "file" else "deep")
        self.controls.show_network(key, label or type(network.net).__name__)
        self.state.geometry = layer_geometry(network.net.inspection_layers(), network.net.input_dim)
        if self.state.geo() is None:
            self.state.layer = self.state.geometry[0].name
        self.state.unit = None
        self.atlas = None
        self.maps_page.set_layers(self.state.geometry, self.state.layer)
        self.pages.update()
        self.jobs.cancel("atlas")
        self.jobs.start("find-atlas", jobs.find_atlas_job, network, on_done=self._on_atlas_found, replace=True)
        shipped = pretrained.resource("simple", "_atlas.npz")
        if self.simple_atlas is None and shipped.exists():
            self.jobs.start("simple-atlas", load_atlas, shipped, on_done=self._on_simple_atlas)
        self._request_inspection()

    def _on_open_clicked(self):
        path = ask_path(self, self.context.settings, "weights", self.tr("Open SimpleConvNet or DeepConvNet weights"),
                        self.tr("Weights (*.npz *.pkl);;All files (*)"))
        if path:
            self.open_weights(path)

    def open_weights(self, path):
        """Read weights off the GUI thread; a bad file gets a message and nothing changes."""
        self.jobs.start("open", lambda: jobs.explored(pretrained.network_from_file(path)),
                        on_done=lambda network: self.set_network("file", network, label=Path(path).name),
                        on_error=lambda msg: self.status_message.emit(fill(self.tr("Cannot open %1: %2"), path, msg)))

    def _on_explore_requested(self):
        """A network handed over by the Training Studio (a DeepConvNet just trained)."""
        net, source = self.context.model.to_explore
        self.context.model.to_explore = None
        self.jobs.start("open", lambda: jobs.explored(net), replace=True,
                        on_done=lambda network: self.set_network("file", network, label=source))

    @property
    def depth(self):
        return self.pages.page(1)

    @property
    def abstraction(self):
        return self.pages.page(2)

    def _on_weights_changed(self, _source):
        if self.state.network == "current":
            self.set_network("current")

    # -- the input --------------------------------------------------------------------------------------------

    def _on_load_clicked(self):
        path = ask_image_path(self, self.context.settings)
        if path:
            self.load_image(path)

    def load_image(self, path):
        """Decode and preprocess off the GUI thread; a file that is no digit image gets a message."""
        self.setCursor(Qt.CursorShape.BusyCursor)
        self.jobs.start("load", read_digit_job, path, replace=True, on_done=self._on_image_loaded,
                        on_error=lambda msg: self._on_image_failed(path, msg))

    def _on_image_loaded(self, image):
        self.unsetCursor()
        if isinstance(image, ImageFileProblem):
            self.status_message.emit(image.message())
            return
        self.controls.set_loaded(image)

    def _on_image_failed(self, path, message):
        self.unsetCursor()
        self.status_message.emit(fill(self.tr("Cannot load %1: %2"), Path(path).name, message))

    def _drawing(self):
        return None if self.context.drawing is None else self.context.drawing.image

    def _on_drawing_changed(self, image):
        if self.state.source == "drawing":
            self._request_inspection()
        elif image is not None:  # the student just drew: look at that
            self.controls.set_source("drawing")

    def _on_input_changed(self, source):
        self.state.source = source
        self._request_inspection()

    def current_image(self):
        if self.state.source == "drawing":
            return self._drawing()
        return self.controls.image()

    def _request_inspection(self):
        image = self.current_image()
        if image is None or self.network is None:
            self.inspection = None
            self._show()
            return
        self.jobs.start("inspect", inspect_image, self.network.net, np.array(image, dtype=np.float32),
                        on_done=self._on_inspected)

    def _on_inspected(self, inspection):
        self.inspection = inspection
        self._show()

    def _on_overlay_toggled(self, on):
        self.state.overlay = on
        self._show()

    # -- selection ----------------------------------------------------------------------------------------------

    def select_layer(self, name):
        g = self.state.geo(name)
        if g is None:
            return
        self.state.layer = name
        self.state.channel = min(self.state.channel, g.shape[0] - 1) if g.is_map else 0
        self.state.unit = None
        self.strip.select(name)
        self._show()

    def resizeEvent(self, event):  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if self.inspection is not None:
            self._show()  # the grid of maps takes the columns that fit the new shape

    def _step_layer(self, step):
        names = [g.name for g in self.state.geometry]
        i = names.index(self.state.layer) + step
        if 0 <= i < len(names):
            self.select_layer(names[i])

    def _on_unit_clicked(self, k, i, j):
        g = self.state.geo()
        if g.is_map:
            self.state.channel, self.state.unit = k, (i, j)
        else:  # a vector drawn as one tile: the unit is the channel
            self.state.channel, self.state.unit = min(i * self.maps.shape[2] + j, g.shape[0] - 1), None
        self._show()

    # -- showing ------------------------------------------------------------------------------------------------

    def _atlas_layer(self):
        """The conv layer whose atlas describes the selected layer (Relu3 and Pool2 show Conv3's and
        Conv4's channels), or None for dense layers."""
        names = [g.name for g in self.state.geometry]
        g = self.state.geo()
        if g is None or not g.is_map:
            return None
        for name in reversed(names[: names.index(g.name) + 1]):
            if name.startswith("Conv"):
                return name
        return None

    def _show(self):
        s, ins = self.state, self.inspection
        if s.geo() is None:
            return
        self.controls.show_inspection(ins)
        if ins is None:
            self.maps_page.clear()
            self.controls.digit.set_boxes([])
            return
        self.controls.digit.set_heat(ins.saliency if s.overlay else None)
        own, feeders = self.maps_page.show_layer(s, ins, self.network.net.output_size)
        boxes = [(*b, "#48bb78", 0.12) for b in feeders]
        if own is not None:
            boxes.append((*own, "#00e5ff", 0.3))
        self.controls.digit.set_boxes(boxes)
        self._show_detail()

    def _show_detail(self):
        s, g = self.state, self.state.geo()
        conv = self._atlas_layer()
        if conv is None:
            title = fill(self.tr("<b>%1</b>, unit %2"), s.layer, s.channel + 1)
            self.detail.show_channel(title, None, None, 0, g)
            self.detail.show_message(self.tr("A dense layer: every unit sees the whole image, so there is no "
                                             "patch to show. The By depth tab shows one image per output class."))
            return
        cg = self.state.geo(conv)
        title = fill(self.tr("<b>Channel %1 of %2</b> — sees %3×%3 pixels"), s.channel + 1, conv, cg.size[0])
        filt = response = None
        if conv == self.state.geometry[0].name:  # the first layer: its weights are a picture
            filt = self.network.net.params["W1"][s.channel, 0]
            if self.inspection is not None:
                response = np.maximum(self.inspection.activations[conv][s.channel], 0)
        self.detail.show_channel(title, self.atlas, conv, s.channel, cg, filt, response)
        if self.atlas is None and not self.jobs.busy("atlas"):
            can = data_folder(self.context.settings) is not None
            self.detail.show_message(
                self.tr("What each channel responds to has not been computed for these weights yet.") + " " +
                ("" if can else self.tr("It needs MNIST: File › Download MNIST.")), can_compute=can)
        elif self.atlas is not None:
            self.detail.show_message("")

    # -- atlas ----------------------------------------------------------------------------------------------------

    def _on_atlas_found(self, atlas):
        self.atlas = atlas
        self.pages.update()
        self._show()

    def _on_simple_atlas(self, atlas):
        self.simple_atlas = atlas
        self.pages.update()

    def compute_atlas(self):
        folder = data_folder(self.context.settings)
        if folder is None or self.network is None:
            return
        self.detail.show_busy(0.0, self.tr("Starting…"))
        self.detail.show_message("")
        self.jobs.start("atlas", jobs.build_atlas_job, self.network, folder, replace=True,
                        on_progress=self._on_atlas_progress, on_done=self._on_atlas_built,
                        on_error=self._on_atlas_failed)

    def _on_atlas_progress(self, info):
        self.detail.show_progress(*info)

    def _on_atlas_built(self, atlas):
        self.detail.show_busy(None)
        if atlas is not None:
            self._on_atlas_found(atlas)

    def _on_atlas_failed(self, message):
        self.detail.show_busy(None)
        self.detail.show_message(fill(self.tr("Could not compute it: %1"), message), can_compute=True)

    def _on_cancel_atlas(self):
        self.jobs.cancel("atlas")
        self.detail.show_busy(None)
        self._show_detail()

    def data_folder_changed(self):
        self._show_detail()  # the Compute button needs MNIST

    def shutdown(self):
        self.jobs.shutdown()

    def export_widget(self):
        return self.tabs.currentWidget()

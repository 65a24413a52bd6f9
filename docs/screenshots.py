"""Regenerate the README screenshots: ``xvfb-run -a -s "-screen 0 1400x900x24" python docs/screenshots.py``
(``--only layers``: just the Layer Explorer's; ``--only chapter6``: the overfitting page;
``--only landscape``: the loss landscape, both slices, both languages; ``--only tour``: the guided tour;
``--only panels``: Draw & Classify, the Convolution Lab and the Optimizer Playground).

Opens the real main window at 1400x900, sets each panel and mode up the way the README
shows it, and saves docs/screenshots/*.png. (Debian: xvfb, fonts-noto-cjk.)
"""

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["DLFS_CONFIG_DIR"] = tempfile.mkdtemp()
OUT = ROOT / "docs" / "screenshots"


def main():
    from PySide6.QtWidgets import QApplication

    from explorer.__main__ import limit_blas_threads

    app = QApplication(sys.argv[:1])
    blas = limit_blas_threads()  # as the app does: one BLAS thread  # noqa: F841 (kept for the run)
    only = sys.argv[2] if len(sys.argv) > 2 and sys.argv[1] == "--only" else None
    if only == "photo":
        photo_shot(app)
        return
    if only == "layers":
        layers_shots(app)
        return
    if only == "training":
        training_shots(app, lambda w, name: (app.processEvents(), w.grab().save(str(OUT / f"{name}.png"))))
        return
    if only == "tour":
        tour_shots(app)
        return
    if only == "landscape":
        landscape_shots(app, lambda w, name: (app.processEvents(), w.grab().save(str(OUT / f"{name}.png"))))
        return
    if only == "chapter6":
        chapter6_shots(app, lambda w, name: (app.processEvents(), w.grab().save(str(OUT / f"{name}.png"))))
        return
    import numpy as np

    from engine.samples import load_samples
    from explorer.app import MainWindow
    from explorer.settings import Settings

    OUT.mkdir(parents=True, exist_ok=True)
    images, _ = load_samples()

    def shot(window, name):
        for _ in range(5):
            app.processEvents()
        window.grab().save(str(OUT / f"{name}.png"))
        print("wrote", OUT / f"{name}.png")

    for lang in ("en", "ko"):
        w = MainWindow(Settings(), lang=lang, panel="draw")
        w.resize(1400, 900)
        w.show()
        draw = w.current_panel()
        digit = np.pad(images[217] / 255.0, 3)  # a sample digit, as if drawn on the canvas
        draw.canvas.set_array(digit)
        draw._on_map_clicked(5)
        shot(w, f"draw-{lang}")
        page = draw.gallery_page  # the confusion matrix of the shipped sample, one cell opened
        draw.tabs.setCurrentWidget(page)
        page.filter.setCurrentIndex(page.filter.findData("confusion"))
        while page.sources["samples"].predictions is None:
            app.processEvents()
        src = page.sources["samples"]
        wrong = np.flatnonzero(src.predictions != src.labels)
        pairs = [(int(src.labels[i]), int(src.predictions[i])) for i in wrong]
        page.matrix.cell_clicked.emit(*max(set(pairs), key=pairs.count))  # the most frequent confusion
        shot(w, f"draw-confusion-{lang}")
        w.close()

    w = MainWindow(Settings(), lang="en", panel="conv")
    w.resize(1400, 900)
    w.show()
    lab = w.current_panel()
    page = lab.conv_page

    def preset(key, step):
        page.preset.setCurrentIndex(page.preset.findData(key))
        page.steps.set_step(step)

    preset("lecture_bias", 1)
    shot(w, "conv-convolution")
    preset("channels", 3)
    shot(w, "conv-channels")
    preset("stride2", 0)
    page.spins["FH"].setValue(2)  # (7 - 2)/2 + 1 = 3.5: what the lab says about it
    shot(w, "conv-geometry")
    preset("batch", 9)
    lab.tabs.setCurrentWidget(lab.im2col_page)
    lab.im2col_page.steps.set_step(9)
    shot(w, "conv-im2col")
    lab.tabs.setCurrentWidget(lab.pool_page)
    lab.pool_page.load_preset("robustness")
    lab.pool_page.steps.set_step(2)
    shot(w, "conv-pooling")
    preset("lecture", 0)
    lab.tabs.setCurrentWidget(lab.backward_page)
    lab.backward_page.steps.set_step(2)
    shot(w, "conv-backward")
    lab.tabs.setCurrentWidget(lab.quiz_page)
    lab.quiz_page.oh.setValue(4)
    lab.quiz_page.ow.setValue(4)
    lab.quiz_page.check()
    shot(w, "conv-quiz")
    w.select_panel("optimizer")
    shot(w, "optimizer")
    pg = w.current_panel()
    pg.mode_combo.setCurrentIndex(pg.mode_combo.findData("grid"))
    shot(w, "optimizer-grid")
    pg.mode_combo.setCurrentIndex(pg.mode_combo.findData("overlay"))
    pg.iterations.setValue(60)  # stochastic gradients: the book's figure with noise on every gradient
    pg.noise.setValue(2.0)
    pg.set_frame(60)
    shot(w, "optimizer-noise")
    pg.load_book_figure()
    pg.formula.setText("sin(x)*cos(y) + (x**2 + y**2)/20")
    pg._on_formula_applied()
    for key in pg.table.checks:
        pg.table.checks[key].setChecked(True)
    pg.table.radios["adam"].setChecked(True)
    pg.set_frame(12)
    shot(w, "optimizer-custom")
    w.set_language("ko")
    w.select_panel("optimizer")
    pg.load_book_figure()
    shot(w, "optimizer-ko")
    w.set_language("en")
    w.set_theme("dark")
    shot(w, "optimizer-dark")
    w.set_theme("light")
    w.close()
    if only == "panels":  # Draw & Classify, the Convolution Lab and the Playground only
        return
    training_shots(app, shot)
    chapter6_shots(app, shot)
    layers_shots(app)


def photo_shot(app):
    """Draw & Classify after loading a generated phone-like photo of a test digit (uneven light)."""
    import numpy as np
    from PySide6.QtCore import QEventLoop
    from PySide6.QtGui import QImage

    from engine.samples import load_samples
    from explorer.app import MainWindow
    from explorer.settings import Settings
    from tests.photos import photo_of

    images, _ = load_samples()
    page = photo_of(images[104], np.random.default_rng(4), ramp=0.45, pencil=True, size=(480, 360))
    data = np.ascontiguousarray((page * 255).astype(np.uint8))
    path = Path(tempfile.mkdtemp()) / "photo.jpg"
    QImage(data.data, 360, 480, 360, QImage.Format.Format_Grayscale8).copy().save(str(path), "JPEG", 75)
    w = MainWindow(Settings(), lang="en", panel="draw")
    w.resize(1400, 900)
    w.show()
    draw = w.current_panel()
    loop = QEventLoop()
    draw.image_load_finished.connect(lambda _ok: loop.quit())
    draw.load_image(path)
    loop.exec()
    for _ in range(5):
        app.processEvents()
    preview = w.grab()
    photo = QImage(str(path)).scaledToHeight(300)
    from PySide6.QtGui import QPainter

    painter = QPainter(preview)
    painter.drawImage(preview.width() - photo.width() - 20, preview.height() - photo.height() - 40, photo)
    painter.end()
    preview.save(str(OUT / "draw-photo.png"))
    print("wrote", OUT / "draw-photo.png")
    w.close()


def _settle(app, panel):
    """Let the Layer Explorer's workers finish (the inspection and the atlas)."""
    import time

    for _ in range(200):
        app.processEvents()
        if not any(panel.jobs.busy(slot) for slot in ("network", "inspect", "find-atlas", "open")):
            break
        time.sleep(0.02)
    for _ in range(5):
        app.processEvents()


def layers_shots(app):
    """The Layer Explorer on the shipped networks (English and Korean)."""
    from engine.samples import load_samples
    from explorer.app import MainWindow
    from explorer.settings import Settings

    images, _ = load_samples()

    def shot(window, name):
        _settle(app, window.current_panel())
        window.grab().save(str(OUT / f"{name}.png"))
        print("wrote", OUT / f"{name}.png")

    w = MainWindow(Settings(), lang="en", panel="layers")
    w.resize(1400, 900)
    w.show()
    p = w.current_panel()
    _settle(app, p)
    p.controls.position = 217
    p.controls.set_source("test")
    _settle(app, p)
    p.select_layer("Conv4")
    p._on_unit_clicked(5, 9, 6)
    p.controls.overlay_check.setChecked(False)
    shot(w, "layers-maps-en")
    p.tabs.setCurrentIndex(1)
    shot(w, "layers-depth-en")
    p.tabs.setCurrentIndex(2)
    shot(w, "layers-abstract-en")
    p.tabs.setCurrentIndex(0)
    p.set_network("current")
    _settle(app, p)
    p.select_layer("Conv1")
    p._on_unit_clicked(11, 14, 9)
    p.controls.overlay_check.setChecked(True)
    shot(w, "layers-simple-en")
    p.set_network("deep")
    p.controls.overlay_check.setChecked(False)
    w.set_language("ko")
    p.controls.position = 420
    p.controls.set_source("test")
    _settle(app, p)
    p.select_layer("Relu6")
    p._on_unit_clicked(20, 4, 3)
    shot(w, "layers-ko")
    w.close()


def training_shots(app, shot):
    """Train for real on MNIST (from ../shared, as the tests use it): about a minute."""
    import time

    from explorer.app import MainWindow
    from explorer.settings import Settings

    mnist = ROOT.parent / "shared" / "datasets" / "mnist"
    if not mnist.exists():
        print("skipping the Training Studio: no MNIST in", mnist)
        return
    settings = Settings()
    settings.set("data_dir", str(mnist))

    def run(panel, page):
        page.start()
        while panel.running_page is not None or panel.is_running():
            app.processEvents()
            time.sleep(0.02)

    for lang in ("en", "ko"):
        w = MainWindow(settings, lang=lang, panel="training")
        w.resize(1400, 900)
        w.show()
        panel = w.current_panel()
        panel.convnet_page.epochs_spin.setValue(3)
        run(panel, panel.convnet_page)
        shot(w, f"training-convnet-{lang}")
        if lang == "en":
            page = panel.convnet_page
            page.network.setCurrentIndex(page.network.findData("deep"))
            run(panel, page)
            shot(w, "training-deep-en")
            panel.tabs.setCurrentIndex(1)
            for key in ("nesterov", "rmsprop"):
                panel.race_page.checks[key].setChecked(True)
            run(panel, panel.race_page)
            shot(w, "training-race")
        w.close()


def chapter6_shots(app, shot):
    """The weight-init page (ReLU with He's weights, and the three initialisations trained on MNIST), and the
    overfitting page after the book's run without regularisation, then with weight decay 0.1 drawn over it
    (real MNIST from ../shared): about a minute per language."""
    import time

    from explorer.app import MainWindow
    from explorer.settings import Settings

    mnist = ROOT.parent / "shared" / "datasets" / "mnist"
    if not mnist.exists():
        print("skipping chapter 6: no MNIST in", mnist)
        return
    settings = Settings()
    settings.set("data_dir", str(mnist))
    for lang in ("en", "ko"):
        w = MainWindow(settings, lang=lang, panel="training")
        w.resize(1400, 900)
        w.show()
        panel = w.current_panel()
        page = panel.init_page
        panel.tabs.setCurrentWidget(page)
        page.activation.setCurrentIndex(page.activation.findData("relu"))
        page.init.setCurrentIndex(page.init.findData("he"))
        page.start()
        while panel.running_page is not None or panel.is_running():
            app.processEvents()
            time.sleep(0.02)
        shot(w, f"training-init-{lang}")
        page = panel.overfit_page
        panel.tabs.setCurrentWidget(page)
        for key in ("plain", "decay"):
            page.book_runs.setCurrentIndex(page.book_runs.findData(key))
            page._on_book_run_chosen(page.book_runs.currentIndex())
            page.start()
            while panel.running_page is not None or panel.is_running():
                app.processEvents()
                time.sleep(0.02)
        shot(w, f"training-overfit-{lang}")
        for page, name in ((panel.batchnorm_page, "batchnorm"), (panel.search_page, "search")):
            panel.tabs.setCurrentWidget(page)
            page.start()
            while panel.running_page is not None or panel.is_running():
                app.processEvents()
                time.sleep(0.02)
            shot(w, f"training-{name}-{lang}")
        w.close()


def tour_shots(app):
    """The guided tour: SGD's zig-zag in English, padding in Korean (a few seconds)."""
    from explorer.app import MainWindow
    from explorer.settings import Settings

    for lang, step, name in (("en", 1, "tour-sgd-en"), ("ko", 9, "tour-padding-ko"), ("en", 19, "tour-deeper-en")):
        w = MainWindow(Settings(), lang=lang, panel="draw")
        w.resize(1400, 900)
        w.show()
        w.start_tour(step)
        for _ in range(30):
            app.processEvents()
        if step == 19:  # the Layer Explorer loads DeepConvNet in a worker
            import time

            t0 = time.time()
            while time.time() - t0 < 20 and w.current_panel().controls.network_combo.currentData() != "deep":
                app.processEvents()
                time.sleep(0.05)
            for _ in range(100):
                app.processEvents()
                time.sleep(0.02)
        w.grab().save(str(OUT / f"{name}.png"))
        print("wrote", name)
        w.close()


def landscape_shots(app, shot):
    """The Loss landscape tab on real MNIST: the paths' own slice, then the random one, in English; the
    language switched on the same run for the Korean shots (the paths are trained once: a few minutes)."""
    import time

    from explorer.app import MainWindow
    from explorer.settings import Settings

    mnist = ROOT.parent / "shared" / "datasets" / "mnist"
    if not mnist.exists():
        print("skipping the landscape: no MNIST in", mnist)
        return
    settings = Settings()
    settings.set("data_dir", str(mnist))
    w = MainWindow(settings, lang="en", panel="training")
    w.resize(1400, 900)
    w.show()
    panel = w.current_panel()
    page = panel.landscape_page
    panel.tabs.setCurrentWidget(page)

    def wait():
        while panel.running_page is not None or panel.is_running():
            app.processEvents()
            time.sleep(0.02)

    page.start()
    wait()
    for lang in ("en", "ko"):
        w.set_language(lang)
        for kind in ("paths", "random"):
            page.kind.setCurrentIndex(page.kind.findData(kind))
            page.kind.activated.emit(page.kind.currentIndex())
            wait()
            shot(w, f"training-landscape-{kind}-{lang}")
    w.close()


if __name__ == "__main__":
    main()

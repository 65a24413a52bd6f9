"""The panels of the main window, in navigation order. Modules are imported on first use."""

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class PanelSpec:
    key: str  # also the --panel command-line value
    title: str  # English source text, translated in the "Panels" context
    icon: str  # file in resources/icons
    module: str  # explorer.panels.<module>, imported lazily
    cls: str
    summary: str  # what the panel is for (shown in its tooltip)


PANELS = (
    PanelSpec("conv", QT_TRANSLATE_NOOP("Panels", "Convolution Lab"), "conv.svg", "conv_lab", "ConvLabPanel",
              QT_TRANSLATE_NOOP("Panels", "Step through convolution and pooling window by window; padding, stride, "
                                "channels, im2col and the backward pass.")),
    PanelSpec("optimizer", QT_TRANSLATE_NOOP("Panels", "Optimizer Playground"), "optimizer.svg", "optimizer",
              "OptimizerPanel",
              QT_TRANSLATE_NOOP("Panels", "Watch SGD, Momentum, AdaGrad, RMSprop and Adam walk across a loss "
                                "surface, with their internal state.")),
    PanelSpec("draw", QT_TRANSLATE_NOOP("Panels", "Draw & Classify"), "draw.svg", "draw", "DrawPanel",
              QT_TRANSLATE_NOOP("Panels", "Draw a digit and see SimpleConvNet classify it live, and what every "
                                "layer sees.")),
    PanelSpec("training", QT_TRANSLATE_NOOP("Panels", "Training Studio"), "training.svg", "training",
              "TrainingPanel",
              QT_TRANSLATE_NOOP("Panels", "Train SimpleConvNet and race the optimizers on MNIST, with live curves.")),
    PanelSpec("layers", QT_TRANSLATE_NOOP("Panels", "Layer Explorer"), "layers.svg", "layers", "LayerExplorerPanel",
              QT_TRANSLATE_NOOP("Panels", "Look inside DeepConvNet layer by layer: feature maps, receptive fields, "
                                "what each channel responds to, and how abstract each layer is.")),
)

PANEL_KEYS = tuple(p.key for p in PANELS)

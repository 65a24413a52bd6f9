"""The Layer Explorer's explanation, connecting the view to the lecture's AlexNet slide."""

from PySide6.QtCore import QT_TRANSLATE_NOOP

ABOUT = QT_TRANSLATE_NOOP("LayerExplorerPanel", """<h3>The deeper the layer, the more abstract what it extracts</h3>
<p>The lecture ends on AlexNet's eight layers: the first layer's filters respond to edges and blobs,
later layers to textures and parts, the last ones to whole objects. DeepConvNet (the book's chapter 8
network: six 3×3 convolutions, three poolings, two affine layers) lets you check this on digits.</p>
<ul>
<li><b>Feature maps</b>: what every channel of a layer computes for your digit. Click a pixel: the
cyan square on the input is everything that unit can see (its receptive field: 3, 5, 10, 14, 24 and
32 pixels for conv1 … conv6), the green squares what the units below it see.</li>
<li><b>On the right</b>: the 9 test images that excite the channel most, and the input it likes
best. Early channels like a dot or a stroke direction; deep channels like a part of a digit or a
whole one.</li>
<li><b>By depth</b>: a few channels of every layer, then one image per class: edges and dots →
strokes and corners → parts of digits → whole digits.</li>
<li><b>How abstract?</b>: the claim as a number. For each channel, how many of its top 9 images show
the same digit, averaged over the layer: it rises with depth, far more than for the untrained
network.</li>
<li><b>Where it looks</b>: tick the saliency box: how much each pixel changes the score of the
answer.</li>
</ul>""")

"""Digits drawn as a student draws them with the mouse: polylines stroked with a round pen.

Shared by the engine's and the explorer's tests. The shapes are plain hand-written strokes in a
unit box (x right, y down); ``draw`` places one anywhere on a canvas at any size and pen width."""

import numpy as np

_ARC = np.linspace(0, 2 * np.pi, 25)

STROKES = {
    0: [list(zip(0.5 + 0.38 * np.sin(_ARC), 0.5 - 0.48 * np.cos(_ARC)))],
    1: [[(0.35, 0.2), (0.55, 0.02), (0.55, 0.98)]],
    2: [[(0.1, 0.25), (0.25, 0.06), (0.5, 0.0), (0.75, 0.06), (0.85, 0.25), (0.75, 0.45), (0.4, 0.7),
         (0.1, 0.98), (0.9, 0.98)]],
    3: [[(0.12, 0.1), (0.4, 0.0), (0.72, 0.05), (0.82, 0.22), (0.7, 0.4), (0.42, 0.48), (0.72, 0.55),
         (0.86, 0.75), (0.75, 0.93), (0.45, 1.0), (0.12, 0.9)]],
    4: [[(0.62, 0.98), (0.62, 0.0), (0.08, 0.68), (0.92, 0.68)]],
    5: [[(0.82, 0.02), (0.2, 0.02), (0.15, 0.45), (0.45, 0.38), (0.75, 0.45), (0.85, 0.68), (0.75, 0.9),
         (0.45, 1.0), (0.12, 0.9)]],
    6: [[(0.72, 0.02), (0.4, 0.2), (0.18, 0.55), (0.2, 0.85), (0.45, 1.0), (0.75, 0.9), (0.82, 0.68),
         (0.65, 0.5), (0.35, 0.52), (0.2, 0.65)]],
    7: [[(0.1, 0.03), (0.9, 0.03), (0.5, 0.5), (0.38, 0.98)]],
    8: [list(zip(0.5 + 0.28 * np.sin(_ARC), 0.25 - 0.24 * np.cos(_ARC))),
        list(zip(0.5 + 0.34 * np.sin(_ARC), 0.74 + 0.25 * np.cos(_ARC)))],
    9: [list(zip(0.5 + 0.3 * np.sin(_ARC), 0.28 - 0.27 * np.cos(_ARC))) + [(0.78, 0.3), (0.7, 0.98)]],
}


def distance_to_segment(yy, xx, a, b):
    (ax, ay), (bx, by) = a, b
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy or 1e-12
    u = np.clip(((xx - ax) * dx + (yy - ay) * dy) / length2, 0.0, 1.0)
    return np.hypot(xx - (ax + u * dx), yy - (ay + u * dy))


def draw(digit, top=40, left=60, height=200, pen=22.0, canvas=280):
    """(canvas, canvas) ink 0..1: ``digit``'s strokes in a box ``height`` tall (0.8 as wide), pen width ``pen``.

    Pixels within pen/2 of a stroke are ink, with a one-pixel antialiased edge."""
    yy, xx = np.mgrid[0:canvas, 0:canvas] + 0.5
    nearest = np.full((canvas, canvas), np.inf)
    width = 0.8 * height
    for stroke in STROKES[digit]:
        points = [(left + x * width, top + y * height) for x, y in stroke]
        for a, b in zip(points[:-1], points[1:]):
            nearest = np.minimum(nearest, distance_to_segment(yy, xx, a, b))
    return np.clip(pen / 2 + 0.5 - nearest, 0.0, 1.0)

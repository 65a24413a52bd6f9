"""DLFS Explorer's Qt application (panels, widgets, workers). All maths lives in ``engine``."""

"""Colours shared by panels: every optimizer keeps its colour everywhere in the app."""

OPTIMIZER_ORDER = ("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam")
OPTIMIZER_COLORS = {"sgd": (229, 62, 62), "momentum": (49, 130, 206), "nesterov": (128, 90, 213),
                    "adagrad": (56, 161, 105), "rmsprop": (214, 158, 46), "adam": (26, 32, 44)}

"""CI: build the wheel, install it into a fresh virtual environment outside the checkout, open every
panel (English and Korean) offscreen with --screenshot, and check the shipped networks' accuracy on
real MNIST from the installed package alone. Exits non-zero on any failure.

    python .ci/wheel_check.py [--mnist DIR]
"""

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PANELS = ("conv", "optimizer", "draw", "training", "layers")
ACCURACY = """
import sys
from engine import pretrained
from engine.mnist import load_mnist
_, (x, t) = load_mnist(data_dir=sys.argv[1], flatten=False)
for kind, floor in (("simple", 0.99), ("deep", 0.994)):
    acc = pretrained.load_network(kind).accuracy(x, t)
    recorded = pretrained.metadata(kind)["test_accuracy"]
    print(f"{kind}: {acc:.4f} on the test set (recorded {recorded:.4f})")
    assert acc >= floor and abs(acc - recorded) < 1e-9, kind
import engine, explorer
assert "site-packages" in engine.__file__ and "site-packages" in explorer.__file__, engine.__file__
"""


def run(cmd, **kw):
    print("+", " ".join(map(str, cmd)), flush=True)
    return subprocess.run(cmd, check=True, **kw)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--mnist", default=str(ROOT.parent / "shared" / "datasets" / "mnist"))
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", tmp / "dist", ROOT])
        wheel = next((tmp / "dist").glob("dlfs_explorer-*.whl"))
        run([sys.executable, "-m", "venv", tmp / "venv"])
        py = tmp / "venv" / "bin" / "python"
        run([py, "-m", "pip", "install", "-q", wheel])
        away = tmp / "elsewhere"  # nothing of the checkout on the path
        away.mkdir()
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DLFS_CONFIG_DIR": str(tmp / "config"),
               "DLFS_CACHE_DIR": str(tmp / "cache")}
        env.pop("PYTHONPATH", None)
        for lang in ("en", "ko"):
            for panel in PANELS:
                shot = away / f"{panel}-{lang}.png"
                run([tmp / "venv" / "bin" / "dlfs-explorer", "--panel", panel, "--lang", lang, "--screenshot", shot],
                    cwd=away, env=env, timeout=120)
                if not shot.exists() or shot.stat().st_size < 10_000:
                    sys.exit(f"{panel} ({lang}): no screenshot from the installed app")
        if Path(args.mnist, "t10k-images-idx3-ubyte.gz").exists():
            run([py, "-c", ACCURACY, args.mnist], cwd=away, env=env, timeout=300)
        else:
            print(f"no MNIST in {args.mnist}: accuracy not checked")
    print("wheel check: passed")


if __name__ == "__main__":
    main()

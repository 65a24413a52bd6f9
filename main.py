"""Launch DLFS Explorer: ``python main.py [--panel conv|optimizer|draw|training|layers] [--lang ko|en]``."""

import sys

from explorer.__main__ import main

if __name__ == "__main__":
    sys.exit(main())

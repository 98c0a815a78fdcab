"""Entry script of the frozen app (PyInstaller analyses imports from here).

It is `python -m desktop` without the `-m`: PyInstaller needs a script file, and importing
`desktop.__main__` keeps one entry point for source, pip and frozen runs.
"""

from __future__ import annotations

import multiprocessing
import sys

from desktop.__main__ import main

if __name__ == "__main__":
    # A frozen child started by multiprocessing (e.g. from a library) must not start a second app.
    multiprocessing.freeze_support()
    sys.exit(main())

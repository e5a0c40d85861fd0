"""The standalone app's entry point (tools/build_app.py freezes it with PyInstaller)."""

import multiprocessing
import sys

if __name__ == "__main__":
    # a worker process of the frozen app runs its task here and exits
    multiprocessing.freeze_support()
    from annotator.ui.app import main

    sys.exit(main(sys.argv[1:]))

"""Start the annotator's desktop app: ``python main.py [DB]``."""

import sys

from annotator.ui.app import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

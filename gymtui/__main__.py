"""`python -m gymtui`."""

import sys

from gymtui.cli import main

sys.exit(main())

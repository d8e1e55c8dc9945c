"""`python -m entrypoints` is `slotline`."""

import sys

from entrypoints.cli import main

sys.exit(main())

"""`python -m slotline` is the `slotline` command."""

import sys

from slotline.entrypoints.cli import main

sys.exit(main())

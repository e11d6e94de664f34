"""``python -m adgmin_kg.cli``: the same as the ``adgmin-kg`` command."""

import sys

from adgmin_kg.cli import main

sys.exit(main())

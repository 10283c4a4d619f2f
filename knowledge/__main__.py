"""`python -m knowledge build [--check]`."""

import sys

from knowledge.build import main

sys.exit(main())

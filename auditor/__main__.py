"""`python -m auditor`: the same command line as the `auditor` console script."""

import sys

from auditor.cli import main

sys.exit(main())

import sys

from tickerwire.cli import main

sys.exit(main())

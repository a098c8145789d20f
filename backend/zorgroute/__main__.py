import sys

from zorgroute.cli import main

sys.exit(main())

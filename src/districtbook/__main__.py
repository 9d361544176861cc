import sys

from districtbook.cli import main

sys.exit(main())

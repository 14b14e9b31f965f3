import sys

from goodlife.language.cli import main

sys.exit(main())

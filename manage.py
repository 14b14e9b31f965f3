#!/usr/bin/env python
"""Django's usual entry point; `uv run goodlife ...` is the same thing."""

from goodlife.__main__ import main

if __name__ == "__main__":
    main()

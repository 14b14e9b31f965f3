"""Django's PostgreSQL backend with Goodlife's database deadline (../deadline.py)."""

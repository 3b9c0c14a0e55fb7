"""Facilitator: run multi-day workshops offline from one SQLite file per workshop."""

__version__ = "0.1.0"

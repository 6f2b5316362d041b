"""`python -m ivr.lint [PATHS]`: lint call flows without the app or a database."""

from ivr.lint.main import run

raise SystemExit(run())

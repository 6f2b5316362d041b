"""The store adapter: SQLAlchemy tables, migrations and queries that return domain values."""

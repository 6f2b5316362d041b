"""Adapter: SQLAlchemy tables, migrations and queries returning domain values; imports domain, imports and flows."""

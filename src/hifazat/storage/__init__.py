"""Storage: SQLAlchemy 2 models, Alembic migrations and repositories that hide the SQL."""

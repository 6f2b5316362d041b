"""Cases carry the ZIP code of the address on their filing: the filer's callback zone.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07 08:50:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.add_column(sa.Column('filing_zip', sa.String(length=5), nullable=True))


def downgrade() -> None:
    """Undo this revision."""
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_column('filing_zip')

"""Callbacks carry a reference number, so that their caller can hear or cancel them.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07 09:15:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table('callbacks', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reference', sa.String(length=10), nullable=True))
        batch_op.create_unique_constraint('uq_callbacks_reference', ['reference'])


def downgrade() -> None:
    """Undo this revision."""
    with op.batch_alter_table('callbacks', schema=None) as batch_op:
        batch_op.drop_constraint('uq_callbacks_reference', type_='unique')
        batch_op.drop_column('reference')

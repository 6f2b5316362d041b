"""Call records settle what metrics read: seconds to an agent, the first fault, look-ups refused.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07 08:40:25.821048
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table('call_records', schema=None) as batch_op:
        batch_op.add_column(sa.Column('agent_seconds', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('fault', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('limited', sa.Integer(), nullable=False, server_default='0'))


def downgrade() -> None:
    """Undo this revision."""
    with op.batch_alter_table('call_records', schema=None) as batch_op:
        batch_op.drop_column('limited')
        batch_op.drop_column('fault')
        batch_op.drop_column('agent_seconds')


"""Operators' changes: who answered a request, cancelled a callback or imported a file, and when.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07 08:34:03.156924
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table('operator_changes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('operator', sa.String(length=64), nullable=False),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('subject', sa.String(length=128), nullable=False),
    sa.Column('detail', sa.String(length=256), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('operator_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_operator_changes_at'), ['at'], unique=False)



def downgrade() -> None:
    """Undo this revision."""
    with op.batch_alter_table('operator_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_operator_changes_at'))

    op.drop_table('operator_changes')

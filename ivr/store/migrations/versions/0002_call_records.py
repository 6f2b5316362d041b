"""Call records: each call's masked journey, outcome and duration.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-07 08:23:01.473009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table('call_records',
    sa.Column('call_sid', sa.String(length=64), nullable=False),
    sa.Column('line', sa.String(length=16), nullable=False),
    sa.Column('caller', sa.String(length=24), nullable=False),
    sa.Column('lang', sa.String(length=2), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ended_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('outcome', sa.String(length=24), nullable=True),
    sa.Column('tier', sa.String(length=16), nullable=True),
    sa.Column('journey', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('call_sid')
    )
    with op.batch_alter_table('call_records', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_call_records_outcome'), ['outcome'], unique=False)
        batch_op.create_index(batch_op.f('ix_call_records_started_at'), ['started_at'], unique=False)



def downgrade() -> None:
    """Undo this revision."""
    with op.batch_alter_table('call_records', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_call_records_started_at'))
        batch_op.drop_index(batch_op.f('ix_call_records_outcome'))

    op.drop_table('call_records')

"""Numbers that replied STOP to the line's text messages, kept so they are never texted again.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 11:30:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        'text_opt_outs',
        sa.Column('number', sa.String(length=32), nullable=False),
        sa.Column('at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('reason', sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint('number'),
    )


def downgrade() -> None:
    """Undo this revision."""
    op.drop_table('text_opt_outs')

"""The schema as it stood before migrations: every table, created.

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-29 01:05:05.692396
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table('appointments',
    sa.Column('receipt_number', sa.String(length=13), nullable=False),
    sa.Column('asc', sa.String(length=32), nullable=False),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('reschedule_count', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.PrimaryKeyConstraint('receipt_number')
    )
    with op.batch_alter_table('appointments', schema=None) as batch_op:
        batch_op.create_index('ix_appointments_asc_starts_at', ['asc', 'starts_at'], unique=False)

    op.create_table('asc_slots',
    sa.Column('asc', sa.String(length=32), nullable=False),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=False),
    sa.Column('booked', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('asc', 'starts_at')
    )
    op.create_table('call_sessions',
    sa.Column('call_sid', sa.String(length=64), nullable=False),
    sa.Column('state', sa.JSON(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('call_sid')
    )
    op.create_table('call_status_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('call_sid', sa.String(length=64), nullable=False),
    sa.Column('status', sa.String(length=32), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('call_sid', 'status')
    )
    with op.batch_alter_table('call_status_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_call_status_events_call_sid'), ['call_sid'], unique=False)

    op.create_table('callback_slots',
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('booked', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('starts_at')
    )
    op.create_table('callbacks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('booked_by_call', sa.String(length=64), nullable=False),
    sa.Column('receipt_number', sa.String(length=13), nullable=True),
    sa.Column('time_zone', sa.String(length=64), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=False),
    sa.Column('lang', sa.String(length=2), nullable=False),
    sa.Column('tier', sa.String(length=16), nullable=False),
    sa.Column('purpose', sa.String(length=32), nullable=False),
    sa.Column('scheduled_for', sa.DateTime(timezone=True), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('lease_owner', sa.String(length=64), nullable=True),
    sa.Column('lease_expires', sa.DateTime(timezone=True), nullable=True),
    sa.Column('call_sid', sa.String(length=64), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('booked_by_call')
    )
    with op.batch_alter_table('callbacks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_callbacks_call_sid'), ['call_sid'], unique=False)
        batch_op.create_index(batch_op.f('ix_callbacks_scheduled_for'), ['scheduled_for'], unique=False)
        batch_op.create_index(batch_op.f('ix_callbacks_state'), ['state'], unique=False)

    op.create_table('case_lookups',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('call_sid', sa.String(length=64), nullable=False),
    sa.Column('caller', sa.String(length=32), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('case_lookups', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_lookups_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_lookups_call_sid'), ['call_sid'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_lookups_caller'), ['caller'], unique=False)

    op.create_table('cases',
    sa.Column('receipt_number', sa.String(length=13), nullable=False),
    sa.Column('form_type', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=48), nullable=False),
    sa.Column('status_date', sa.Date(), nullable=False),
    sa.Column('filing_location', sa.String(length=32), nullable=False),
    sa.Column('protected', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('receipt_number')
    )
    op.create_table('service_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('reference', sa.String(length=10), nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('receipt_number', sa.String(length=13), nullable=True),
    sa.Column('level', sa.String(length=10), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('answered_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('routed_to', sa.String(length=32), nullable=False),
    sa.Column('lang', sa.String(length=2), nullable=False),
    sa.Column('created_by_call', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['parent_id'], ['service_requests.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('parent_id'),
    sa.UniqueConstraint('reference')
    )
    with op.batch_alter_table('service_requests', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_service_requests_created_by_call'), ['created_by_call'], unique=False)
        batch_op.create_index(batch_op.f('ix_service_requests_receipt_number'), ['receipt_number'], unique=False)



def downgrade() -> None:
    """Undo this revision."""
    with op.batch_alter_table('service_requests', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_service_requests_receipt_number'))
        batch_op.drop_index(batch_op.f('ix_service_requests_created_by_call'))

    op.drop_table('service_requests')
    op.drop_table('cases')
    with op.batch_alter_table('case_lookups', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_lookups_caller'))
        batch_op.drop_index(batch_op.f('ix_case_lookups_call_sid'))
        batch_op.drop_index(batch_op.f('ix_case_lookups_at'))

    op.drop_table('case_lookups')
    with op.batch_alter_table('callbacks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_callbacks_state'))
        batch_op.drop_index(batch_op.f('ix_callbacks_scheduled_for'))
        batch_op.drop_index(batch_op.f('ix_callbacks_call_sid'))

    op.drop_table('callbacks')
    op.drop_table('callback_slots')
    with op.batch_alter_table('call_status_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_call_status_events_call_sid'))

    op.drop_table('call_status_events')
    op.drop_table('call_sessions')
    op.drop_table('asc_slots')
    with op.batch_alter_table('appointments', schema=None) as batch_op:
        batch_op.drop_index('ix_appointments_asc_starts_at')

    op.drop_table('appointments')

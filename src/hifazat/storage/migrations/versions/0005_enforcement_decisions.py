"""Enforcement: decisions, strikes and appeals.

Revision ID: 0005_enforcement_decisions
Revises: 0004_enforcement_queue
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_enforcement_decisions"
down_revision = "0004_enforcement_queue"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "task_id",
            sa.Integer(),
            sa.ForeignKey("review_tasks.id", name="fk_decisions_task_id_review_tasks"),
            nullable=True,
        ),
        sa.Column(
            "content_id",
            sa.String(64),
            sa.ForeignKey("content_items.id", name="fk_decisions_content_id_content_items"),
            nullable=False,
        ),
        sa.Column(
            "author_id",
            sa.String(64),
            sa.ForeignKey("accounts.id", name="fk_decisions_author_id_accounts"),
            nullable=False,
        ),
        sa.Column(
            "moderator_id",
            sa.String(64),
            sa.ForeignKey("accounts.id", name="fk_decisions_moderator_id_accounts"),
            nullable=False,
        ),
        sa.Column("policy", sa.String(64), nullable=False),
        sa.Column("outcome", sa.String(24), nullable=False),
        sa.Column("rationale", sa.Text(), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("automated", sa.Boolean(), nullable=False),
        sa.Column("proactive", sa.Boolean(), nullable=False),
        sa.Column("views", sa.Integer(), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("task_id", name="uq_decisions_task_id"),
    )
    op.create_index("ix_decisions_content_id", "decisions", ["content_id"])
    op.create_index("ix_decisions_author_id", "decisions", ["author_id"])
    op.create_index("ix_decisions_decided_at", "decisions", ["decided_at"])
    op.create_table(
        "strikes",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "decision_id",
            sa.Integer(),
            sa.ForeignKey("decisions.id", name="fk_strikes_decision_id_decisions"),
            nullable=False,
        ),
        sa.Column(
            "account_id",
            sa.String(64),
            sa.ForeignKey("accounts.id", name="fk_strikes_account_id_accounts"),
            nullable=False,
        ),
        sa.Column("policy", sa.String(64), nullable=False),
        sa.Column("track", sa.String(16), nullable=False),
        sa.Column("tier", sa.Integer(), nullable=False),
        sa.Column("weight", sa.Integer(), nullable=False),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("removed_at", sa.DateTime(timezone=True), nullable=True),
        sa.UniqueConstraint("decision_id", name="uq_strikes_decision_id"),
    )
    op.create_index("ix_strikes_account_id", "strikes", ["account_id"])
    op.create_table(
        "appeals",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "decision_id",
            sa.Integer(),
            sa.ForeignKey("decisions.id", name="fk_appeals_decision_id_decisions"),
            nullable=False,
        ),
        sa.Column(
            "appellant_id",
            sa.String(64),
            sa.ForeignKey("accounts.id", name="fk_appeals_appellant_id_accounts"),
            nullable=False,
        ),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column(
            "reviewer_id",
            sa.String(64),
            sa.ForeignKey("accounts.id", name="fk_appeals_reviewer_id_accounts"),
            nullable=True,
        ),
        sa.Column("rationale", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.UniqueConstraint("decision_id", name="uq_appeals_decision_id"),
    )
    op.create_index("ix_appeals_appellant_id", "appeals", ["appellant_id"])
    op.create_index("ix_appeals_state", "appeals", ["state"])


def downgrade() -> None:
    op.drop_table("appeals")
    op.drop_table("strikes")
    op.drop_table("decisions")

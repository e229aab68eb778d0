"""Enforcement: review tasks and reports.

Revision ID: 0004_enforcement_queue
Revises: 0003_enforcement_content
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_enforcement_queue"
down_revision = "0003_enforcement_content"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "review_tasks",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "content_id",
            sa.String(64),
            sa.ForeignKey("content_items.id", name="fk_review_tasks_content_id_content_items"),
            nullable=False,
        ),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("level", sa.String(16), nullable=False),
        sa.Column("queue", sa.String(4), nullable=False),
        sa.Column("policy", sa.String(64), nullable=False),
        sa.Column("tier", sa.Integer(), nullable=False),
        sa.Column("priority", sa.Float(), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("report_count", sa.Integer(), nullable=False),
        sa.Column("report_weight", sa.Float(), nullable=False),
        sa.Column("top_score", sa.Float(), nullable=True),
        sa.Column("legal", sa.Boolean(), nullable=False),
        sa.Column(
            "claimed_by",
            sa.String(64),
            sa.ForeignKey("accounts.id", name="fk_review_tasks_claimed_by_accounts"),
            nullable=True,
        ),
        sa.Column("lease_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("claims", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index(
        "ux_review_tasks_open_content",
        "review_tasks",
        ["content_id"],
        unique=True,
        sqlite_where=sa.text("state != 'decided'"),
        postgresql_where=sa.text("state != 'decided'"),
    )
    op.create_index("ix_review_tasks_claim", "review_tasks", ["state", "queue", "level", "priority"])
    op.create_table(
        "reports",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "content_id",
            sa.String(64),
            sa.ForeignKey("content_items.id", name="fk_reports_content_id_content_items"),
            nullable=False,
        ),
        sa.Column(
            "task_id",
            sa.Integer(),
            sa.ForeignKey("review_tasks.id", name="fk_reports_task_id_review_tasks"),
            nullable=False,
        ),
        sa.Column(
            "reporter_id",
            sa.String(64),
            sa.ForeignKey("accounts.id", name="fk_reports_reporter_id_accounts"),
            nullable=True,
        ),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("policy", sa.String(64), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("weight", sa.Float(), nullable=False),
        sa.Column("authority", sa.String(120), nullable=True),
        sa.Column("reference", sa.String(120), nullable=True),
        sa.Column("expedited", sa.Boolean(), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_reports_content_id", "reports", ["content_id"])
    op.create_index("ix_reports_task_id", "reports", ["task_id"])
    op.create_index("ux_reports_task_reporter", "reports", ["task_id", "reporter_id"], unique=True)


def downgrade() -> None:
    op.drop_table("reports")
    op.drop_table("review_tasks")

"""Claim links: which fact-checked claim a content item repeats, and what was done about it.

Revision ID: 0700
Revises: 0006_enforcement_records, 0200
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0700"
down_revision = ("0006_enforcement_records", "0200")
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "content_claims",
        sa.Column("content_id", sa.String(64), nullable=False),
        sa.Column("factcheck_key", sa.String(32), nullable=False),
        sa.Column("url", sa.String(1000), nullable=False),
        sa.Column("claim", sa.Text(), nullable=False),
        sa.Column("rating", sa.String(24), nullable=False),
        sa.Column("organisation", sa.String(200), nullable=False),
        sa.Column("label", sa.String(16), nullable=True),
        sa.Column("harm", sa.String(16), nullable=True),
        sa.Column("policy", sa.String(64), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("decision_id", sa.Integer(), nullable=True),
        sa.Column("task_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("content_id", name="pk_content_claims"),
        sa.ForeignKeyConstraint(
            ["content_id"], ["content_items.id"], name="fk_content_claims_content_id_content_items"
        ),
        sa.ForeignKeyConstraint(
            ["decision_id"], ["decisions.id"], name="fk_content_claims_decision_id_decisions"
        ),
        sa.ForeignKeyConstraint(
            ["task_id"], ["review_tasks.id"], name="fk_content_claims_task_id_review_tasks"
        ),
    )
    op.create_index("ix_content_claims_factcheck_key", "content_claims", ["factcheck_key"])


def downgrade() -> None:
    op.drop_index("ix_content_claims_factcheck_key", table_name="content_claims")
    op.drop_table("content_claims")

"""Enforcement: content items, verdicts, API keys and the `system` account.

Revision ID: 0003_enforcement_content
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0003_enforcement_content"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "content_items",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column(
            "author_id",
            sa.String(64),
            sa.ForeignKey("accounts.id", name="fk_content_items_author_id_accounts"),
            nullable=False,
        ),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("language", sa.String(16), nullable=False),
        sa.Column("queue", sa.String(4), nullable=False),
        sa.Column("status", sa.String(24), nullable=False),
        sa.Column("views", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_content_items_author_id", "content_items", ["author_id"])
    op.create_table(
        "verdicts",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "content_id",
            sa.String(64),
            sa.ForeignKey("content_items.id", name="fk_verdicts_content_id_content_items"),
            nullable=False,
        ),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("top_policy", sa.String(64), nullable=True),
        sa.Column("top_score", sa.Float(), nullable=True),
        sa.Column("guidelines_version", sa.String(32), nullable=False),
        sa.Column("engine_version", sa.String(32), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_verdicts_content_id", "verdicts", ["content_id"])
    op.create_table(
        "api_keys",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "account_id",
            sa.String(64),
            sa.ForeignKey("accounts.id", name="fk_api_keys_account_id_accounts"),
            nullable=False,
        ),
        sa.Column("prefix", sa.String(16), nullable=False),
        sa.Column("key_hash", sa.String(64), nullable=False),
        sa.Column("label", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.UniqueConstraint("key_hash", name="uq_api_keys_key_hash"),
    )
    op.create_index("ix_api_keys_account_id", "api_keys", ["account_id"])
    accounts = sa.table(
        "accounts",
        sa.column("id", sa.String),
        sa.column("handle", sa.String),
        sa.column("display_name", sa.String),
        sa.column("role", sa.String),
        sa.column("language", sa.String),
        sa.column("follower_count", sa.Integer),
        sa.column("created_at", sa.DateTime(timezone=True)),
    )
    op.bulk_insert(
        accounts,
        [
            {
                "id": "system",
                "handle": "system",
                "display_name": "Hifazat (automatic)",
                "role": "service",
                "language": "en",
                "follower_count": 0,
                "created_at": datetime(2026, 1, 1, tzinfo=UTC),
            }
        ],
    )


def downgrade() -> None:
    op.execute("DELETE FROM accounts WHERE id = 'system'")
    op.drop_table("api_keys")
    op.drop_table("verdicts")
    op.drop_table("content_items")

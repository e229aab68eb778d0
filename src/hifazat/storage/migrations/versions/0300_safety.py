"""In-app safety features: settings, follows, blocks, restricts, mutes, keyword filters, Family Pairing,
screen time, comments and the safety event log.

Revision ID: 0300
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0300"
down_revision = "0002"
branch_labels = None
depends_on = None


def _fk(table: str, column: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], ["accounts.id"], name=f"fk_{table}_{column}_accounts")


def _when(name: str, nullable: bool = False) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "safety_settings",
        sa.Column("account_id", sa.String(64), nullable=False),
        sa.Column("values", sa.Text(), nullable=False),
        sa.Column("passcode_hash", sa.String(200), nullable=True),
        _when("updated_at"),
        sa.PrimaryKeyConstraint("account_id", name="pk_safety_settings"),
        _fk("safety_settings", "account_id"),
    )
    op.create_table(
        "follows",
        sa.Column("follower_id", sa.String(64), nullable=False),
        sa.Column("followee_id", sa.String(64), nullable=False),
        sa.Column("approved", sa.Boolean(), nullable=False),
        _when("created_at"),
        sa.PrimaryKeyConstraint("follower_id", "followee_id", name="pk_follows"),
        _fk("follows", "follower_id"),
        _fk("follows", "followee_id"),
    )
    op.create_index("ix_follows_followee_id", "follows", ["followee_id"])
    for table in ("blocks", "restricts", "mutes"):
        op.create_table(
            table,
            sa.Column("owner_id", sa.String(64), nullable=False),
            sa.Column("other_id", sa.String(64), nullable=False),
            _when("created_at"),
            sa.PrimaryKeyConstraint("owner_id", "other_id", name=f"pk_{table}"),
            _fk(table, "owner_id"),
            _fk(table, "other_id"),
        )
        op.create_index(f"ix_{table}_other_id", table, ["other_id"])
    op.create_table(
        "keyword_filters",
        sa.Column("owner_id", sa.String(64), nullable=False),
        sa.Column("keyword", sa.String(80), nullable=False),
        _when("created_at"),
        sa.PrimaryKeyConstraint("owner_id", "keyword", name="pk_keyword_filters"),
        _fk("keyword_filters", "owner_id"),
    )
    op.create_table(
        "pairing_codes",
        sa.Column("code_hash", sa.String(64), nullable=False),
        sa.Column("parent_id", sa.String(64), nullable=False),
        _when("created_at"),
        _when("expires_at"),
        _when("used_at", nullable=True),
        sa.PrimaryKeyConstraint("code_hash", name="pk_pairing_codes"),
        _fk("pairing_codes", "parent_id"),
    )
    op.create_index("ix_pairing_codes_parent_id", "pairing_codes", ["parent_id"])
    op.create_table(
        "pairings",
        sa.Column("teen_id", sa.String(64), nullable=False),
        sa.Column("parent_id", sa.String(64), nullable=False),
        sa.Column("controls", sa.Text(), nullable=False),
        _when("created_at"),
        sa.PrimaryKeyConstraint("teen_id", name="pk_pairings"),
        _fk("pairings", "teen_id"),
        _fk("pairings", "parent_id"),
    )
    op.create_index("ix_pairings_parent_id", "pairings", ["parent_id"])
    op.create_table(
        "screen_time",
        sa.Column("account_id", sa.String(64), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("used_minutes", sa.Integer(), nullable=False),
        sa.Column("extended_minutes", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("account_id", "day", name="pk_screen_time"),
        _fk("screen_time", "account_id"),
    )
    op.create_table(
        "safety_comments",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("content_id", sa.String(64), nullable=False),
        sa.Column("creator_id", sa.String(64), nullable=False),
        sa.Column("author_id", sa.String(64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("hold_reason", sa.String(24), nullable=True),
        sa.Column("keyword", sa.String(80), nullable=True),
        _when("created_at"),
        sa.PrimaryKeyConstraint("id", name="pk_safety_comments"),
        _fk("safety_comments", "creator_id"),
        _fk("safety_comments", "author_id"),
    )
    op.create_index("ix_safety_comments_content_id", "safety_comments", ["content_id"])
    op.create_index("ix_safety_comments_author_id", "safety_comments", ["author_id"])
    op.create_table(
        "safety_events",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        _when("at"),
        sa.Column("event", sa.String(40), nullable=False),
        sa.Column("actor_id", sa.String(64), nullable=False),
        sa.Column("account_id", sa.String(64), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("notice_en", sa.Text(), nullable=True),
        sa.Column("notice_ur", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_safety_events"),
    )
    op.create_index("ix_safety_events_at", "safety_events", ["at"])
    op.create_index("ix_safety_events_account_id", "safety_events", ["account_id"])


def downgrade() -> None:
    for table in (
        "safety_events",
        "safety_comments",
        "screen_time",
        "pairings",
        "pairing_codes",
        "keyword_filters",
        "mutes",
        "restricts",
        "blocks",
        "follows",
        "safety_settings",
    ):
        op.drop_table(table)

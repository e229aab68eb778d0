"""Safety Ambassadors programme: applications, profiles, campaigns, events, teaching materials and
their de-duplicated views.

Revision ID: 0500
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0500"
down_revision = "0002"
branch_labels = None
depends_on = None


def _when(name: str, nullable: bool = False) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def _bilingual(name: str, kind: sa.types.TypeEngine[str]) -> list[sa.Column[object]]:
    return [sa.Column(f"{name}_en", kind, nullable=False), sa.Column(f"{name}_ur", kind, nullable=False)]


def upgrade() -> None:
    op.create_table(
        "ambassador_applications",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("account_id", sa.String(64), nullable=False),
        sa.Column("open_for", sa.String(64), nullable=True),
        sa.Column("motivation", sa.Text(), nullable=False),
        sa.Column("languages", sa.Text(), nullable=False),
        sa.Column("platforms", sa.Text(), nullable=False),
        sa.Column("region", sa.String(40), nullable=False),
        _when("agreed_at"),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("decided_by", sa.String(64), nullable=True),
        _when("decided_at", nullable=True),
        _when("created_at"),
        sa.PrimaryKeyConstraint("id", name="pk_ambassador_applications"),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name="fk_ambassador_applications_account_id_accounts"
        ),
        sa.UniqueConstraint("open_for", name="uq_ambassador_applications_open_for"),
    )
    op.create_index("ix_ambassador_applications_account_id", "ambassador_applications", ["account_id"])
    op.create_table(
        "ambassador_profiles",
        sa.Column("account_id", sa.String(64), nullable=False),
        sa.Column("bio_en", sa.Text(), nullable=False),
        sa.Column("bio_ur", sa.Text(), nullable=False),
        sa.Column("languages", sa.Text(), nullable=False),
        sa.Column("region", sa.String(40), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        _when("since"),
        _when("ended_at", nullable=True),
        sa.PrimaryKeyConstraint("account_id", name="pk_ambassador_profiles"),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name="fk_ambassador_profiles_account_id_accounts"
        ),
    )
    op.create_table(
        "ambassador_campaigns",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("slug", sa.String(80), nullable=False),
        *_bilingual("title", sa.String(200)),
        *_bilingual("summary", sa.Text()),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        _when("updated_at"),
        sa.PrimaryKeyConstraint("id", name="pk_ambassador_campaigns"),
        sa.UniqueConstraint("slug", name="uq_ambassador_campaigns_slug"),
    )
    op.create_table(
        "ambassador_materials",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("slug", sa.String(80), nullable=False),
        *_bilingual("title", sa.String(200)),
        *_bilingual("summary", sa.Text()),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("link", sa.String(300), nullable=False),
        sa.Column("audience", sa.String(16), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        _when("updated_at"),
        sa.PrimaryKeyConstraint("id", name="pk_ambassador_materials"),
        sa.UniqueConstraint("slug", name="uq_ambassador_materials_slug"),
    )
    op.create_table(
        "ambassador_events",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=True),
        *_bilingual("title", sa.String(200)),
        *_bilingual("summary", sa.Text()),
        _when("starts_at"),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("city", sa.String(80), nullable=False),
        sa.Column("venue", sa.String(200), nullable=False),
        sa.Column("online_url", sa.String(300), nullable=False),
        sa.Column("speakers", sa.Text(), nullable=False),
        sa.Column("material_ids", sa.Text(), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("attendance", sa.Integer(), nullable=True),
        _when("updated_at"),
        sa.PrimaryKeyConstraint("id", name="pk_ambassador_events"),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["ambassador_campaigns.id"],
            name="fk_ambassador_events_campaign_id_ambassador_campaigns",
        ),
    )
    op.create_index("ix_ambassador_events_campaign_id", "ambassador_events", ["campaign_id"])
    op.create_index("ix_ambassador_events_starts_at", "ambassador_events", ["starts_at"])
    op.create_table(
        "ambassador_material_views",
        sa.Column("material_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("visitor", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("material_id", "day", "visitor", name="pk_ambassador_material_views"),
        sa.ForeignKeyConstraint(
            ["material_id"],
            ["ambassador_materials.id"],
            name="fk_ambassador_material_views_material_id_ambassador_materials",
        ),
    )
    op.create_table(
        "ambassador_view_salts",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("salt", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("day", name="pk_ambassador_view_salts"),
    )


def downgrade() -> None:
    for table in (
        "ambassador_view_salts",
        "ambassador_material_views",
        "ambassador_events",
        "ambassador_materials",
        "ambassador_campaigns",
        "ambassador_profiles",
        "ambassador_applications",
    ):
        op.drop_table(table)

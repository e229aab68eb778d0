"""Public Safety Centre reports linked to the enforcement workflow (`public_report_links`).

It joins the Safety Centre branch (public_reports, 0100) and the enforcement branch (reports,
content_items, 0006) because the links refer to both.

Revision ID: 0600
Revises: 0006_enforcement_records, 0100
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0600"
down_revision = ("0006_enforcement_records", "0100")
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "public_report_links",
        sa.Column("reference", sa.String(16), nullable=False),
        sa.Column("route", sa.String(16), nullable=False),
        sa.Column("content_id", sa.String(64), nullable=True),
        sa.Column("report_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("reference", name="pk_public_report_links"),
        sa.ForeignKeyConstraint(
            ["reference"],
            ["public_reports.reference"],
            name="fk_public_report_links_reference_public_reports",
        ),
        sa.ForeignKeyConstraint(
            ["content_id"], ["content_items.id"], name="fk_public_report_links_content_id_content_items"
        ),
        sa.ForeignKeyConstraint(
            ["report_id"], ["reports.id"], name="fk_public_report_links_report_id_reports"
        ),
    )
    op.create_index("ix_public_report_links_route", "public_report_links", ["route"])


def downgrade() -> None:
    op.drop_index("ix_public_report_links_route", table_name="public_report_links")
    op.drop_table("public_report_links")

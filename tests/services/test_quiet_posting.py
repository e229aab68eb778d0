"""`submit_quietly`: many ordinary posts stored at once, each checked as `submit_content` would check it."""

from __future__ import annotations

from flow import remove

from builders import T0, account, post, verdict
from hifazat.core.errors import ConflictError, InvalidInputError, NotFoundError, PermissionDeniedError
from hifazat.core.guidelines import Catalogue
from hifazat.services.content import NewContent, Submission, submit_quietly
from hifazat.storage.unit import Database


def test_good_posts_are_stored_and_bad_ones_refused_one_by_one(db: Database, catalogue: Catalogue) -> None:
    writer = account(db, "writer", language="ur")
    banned = account(db, "banned")
    post(db, catalogue, banned, "old", text="an old post")
    remove(db, catalogue, account(db, "mod", role="moderator"), account(db, "reporter"), "old", "youth.csea")
    posts = [
        NewContent("writer", "comment", "پہلا تبصرہ", verdict(language="ur"), "q-1"),  # stored
        NewContent("writer", "comment", "second", verdict(), None),  # stored, id made up
        NewContent("ghost", "comment", "who am I", verdict(), None),  # unknown author
        NewContent("banned", "comment", "I am back", verdict(), None),  # banned (tier-1 strike)
        NewContent("writer", "comment", "again", verdict(), "old"),  # id already used
        NewContent("writer", "comment", "twice", verdict(), "q-1"),  # id used earlier in this batch
        NewContent("writer", "podcast", "what", verdict(), None),  # unknown kind
        NewContent("writer", "comment", "flagged", verdict("review", "safety.harassment", 0.6), None),
    ]
    with db.write() as stores:
        results = submit_quietly(stores=stores, posts=posts, now=T0)
    kinds = [type(r) for r in results]
    assert kinds == [Submission, Submission, NotFoundError, PermissionDeniedError, ConflictError,
                     ConflictError, InvalidInputError, InvalidInputError]  # fmt: skip
    first, second = results[0], results[1]
    assert isinstance(first, Submission) and isinstance(second, Submission)
    assert first.item.queue == "ur" and first.verdict.content_id == "q-1"
    assert second.item.id.startswith("c_") and second.verdict.id != first.verdict.id
    with db.read() as stores:
        assert stores.content.get("q-1").text == "پہلا تبصرہ"
        assert [v.id for v in stores.content.verdicts(second.item.id)] == [second.verdict.id]
        assert stores.content.get("old").author_id == "banned"
    assert writer.id == "writer"

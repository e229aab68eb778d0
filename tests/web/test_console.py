"""The moderator console end to end: queues, the task view, decisions, history, appeals, audit."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import update

from builders import T0, post
from console_kit import database, people, reported_item, sign_in, token_from
from hifazat.core.guidelines import default_catalogue
from hifazat.services.appeals import file_appeal
from hifazat.services.reports import file_report
from hifazat.services.webhooks import register_endpoint
from hifazat.storage.accounts import Account
from hifazat.storage.audit import AuditRow
from hifazat.storage.queue import TaskRow
from hifazat.storage.unit import Database

URDU_TEXT = "تم بہت بیوقوف ہو، سب تم پر ہنستے ہیں"


@dataclass
class Console:
    """An app with staff, two reported items (English and Urdu) and a way to sign in."""

    app: FastAPI
    db: Database
    who: dict[str, Account]
    english_task: int
    urdu_task: int

    def browser(self, handle: str, lang: str = "en") -> TestClient:
        client = TestClient(self.app, raise_server_exceptions=False)
        client.get("/console/sign-in", params={"lang": lang})
        assert sign_in(client, handle).status_code == 303
        return client


@pytest.fixture
def console(fresh_app: FastAPI) -> Iterator[Console]:
    db = database(fresh_app)
    who = people(db)
    english = reported_item(
        db,
        author=who["author_ur"],
        reporter=who["reporter"],
        content_id="c-en",
        text="you are such an idiot, everyone laughs at you",
        policy="safety.harassment",
        evidence=("idiot",),
    )
    urdu = reported_item(
        db,
        author=who["author_ur"],
        reporter=who["reporter"],
        content_id="c-ur",
        text=URDU_TEXT,
        policy="safety.harassment",
        evidence=("بیوقوف",),
        language="ur",
    )
    yield Console(fresh_app, db, who, english, urdu)


def claim(client: TestClient, queue: str) -> str:
    """Claim the next task of `queue` from the queues page; returns the task page's address."""
    home = client.get("/console")
    response = client.post(
        "/console/claim", data={"csrf_token": token_from(home.text), "queue": queue}, follow_redirects=False
    )
    assert response.status_code == 303
    return str(response.headers["location"])


def decide(client: TestClient, task_url: str, outcome: str, **extra: str) -> str:
    page = client.get(task_url)
    data = {"csrf_token": token_from(page.text), "outcome": outcome, "policy": "safety.harassment", **extra}
    path = task_url.split("?")[0]
    response = client.post(f"{path}/decide", data=data, follow_redirects=False)
    assert response.status_code == 303
    return str(response.headers["location"])


def test_queues_list_both_languages_with_priority_and_sla(console: Console) -> None:
    with console.browser("mod_en") as client:
        page = client.get("/console")
    assert page.status_code == 200
    assert "English queue" in page.text and "Urdu and Roman Urdu queue" in page.text
    assert f'href="/console/tasks/{console.english_task}"' in page.text
    assert f'href="/console/tasks/{console.urdu_task}"' in page.text
    assert "Due in" in page.text and "Claim next task" in page.text
    assert page.headers["cache-control"] == "no-store"


def test_claim_decide_and_the_strike_shows_in_history(console: Console) -> None:
    with console.browser("mod_en") as client:
        task_url = claim(client, "en")
        assert task_url == f"/console/tasks/{console.english_task}?done=claimed"
        held = client.get(task_url)
        assert "The task is yours" in held.text and 'data-key="r"' in held.text
        assert "<mark" in held.text and ">idiot</mark>" in held.text
        done = decide(client, task_url, "remove", rationale="insults aimed at one person")
        assert done == f"/console/tasks/{console.english_task}?done=decided"
        decided = client.get(done)
        assert "Decision recorded" in decided.text and "A strike was issued" in decided.text
        history = client.get("/console/accounts/author_ur")
    assert history.status_code == 200
    assert "Harassment and bullying" in history.text and "active" in history.text
    assert "Warned" in history.text and "you are such an idiot" in history.text


def test_urdu_task_view_is_right_to_left_and_marks_in_place(console: Console) -> None:
    with console.browser("mod_two", lang="ur") as client:
        url = claim(client, "ur")
        page = client.get(url)
    assert '<html lang="ur" dir="rtl">' in page.text
    assert 'class="evidence-text" dir="auto"' in page.text
    before, word, after = URDU_TEXT.partition("بیوقوف")
    assert f'{before}<mark title="safety.harassment">{word}</mark>{after}' in page.text
    assert "فیصلہ" in page.text  # the decision form in Urdu


def test_decision_by_one_key_button_under_a_policy_that_forbids_it_is_explained(console: Console) -> None:
    with console.browser("mod_en") as client:
        url = claim(client, "en")
        refused = decide(client, url, "restrict_adults")  # harassment cannot be "adults only"
        page = client.get(refused)
    assert "problem=outcome" in refused and "not possible under this policy" in page.text


@pytest.mark.parametrize(
    ("handle", "expected"),
    [
        ("mod_two", "You do not hold this task"),  # another moderator tries to decide my task
        ("boss", "You do not hold this task"),  # admins do not review
    ],
)
def test_deciding_without_holding_is_refused_kindly(console: Console, handle: str, expected: str) -> None:
    with console.browser("mod_en") as holder:
        url = claim(holder, "en")
    with console.browser(handle) as other:
        refused = decide(other, url, "remove")
        assert expected in other.get(refused).text


def test_decision_form_needs_the_csrf_token(console: Console) -> None:
    with console.browser("mod_en") as client:
        url = claim(client, "en").split("?")[0]
        response = client.post(f"{url}/decide", data={"outcome": "remove", "policy": "safety.harassment"})
        still_open = client.get(url)
    assert response.status_code == 403
    assert "Decide" in still_open.text and "A strike was issued" not in still_open.text


def test_release_and_escalate(console: Console) -> None:
    with console.browser("mod_en") as client:
        url = claim(client, "en")
        page = client.get(url)
        path = url.split("?")[0]
        empty = client.post(
            f"{path}/escalate",
            data={"csrf_token": token_from(page.text), "note": "  "},
            follow_redirects=False,
        )
        assert "problem=note" in empty.headers["location"]
        sent = client.post(
            f"{path}/escalate",
            data={"csrf_token": token_from(page.text), "note": "looks like a threat in slang"},
            follow_redirects=False,
        )
        assert sent.headers["location"] == "/console?done=escalated"
        url_two = claim(client, "ur")
        released = client.post(
            f"{url_two.split('?')[0]}/release",
            data={"csrf_token": token_from(client.get(url_two).text)},
            follow_redirects=False,
        )
        assert released.headers["location"] == "/console?done=released"
    with console.browser("senior") as senior:
        first = claim(senior, "en")
        note = senior.get(first)
    assert first.startswith(f"/console/tasks/{console.english_task}")
    assert "looks like a threat in slang" in note.text


HOSTILE = [
    "<script>alert('x')</script>",  # a script tag
    '"><img src=x onerror=alert(1)>',  # breaking out of an attribute
    "\u202egnp.exe\u202c",  # RIGHT-TO-LEFT OVERRIDE hiding what a file name says
    "یہ <b>دھمکی</b> ہے",  # Urdu with markup inside
]


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_content_and_rationale_are_escaped(fresh_app: FastAPI, hostile: str) -> None:
    db = database(fresh_app)
    who = people(db)
    reported_item(
        db,
        author=who["author_ur"],
        reporter=who["reporter"],
        content_id="c-x",
        text=f"look {hostile} here",
        policy="safety.harassment",
    )
    with TestClient(fresh_app) as client:
        sign_in(client, "mod_en")
        url = claim(client, "en")
        page = client.get(url)
        decide(client, url, "remove", rationale=hostile)
        decided = client.get(url.split("?")[0])
    for html in (page.text, decided.text):
        assert "<script>alert" not in html and "<img src=x" not in html and "<b>دھمکی</b>" not in html
        assert "\u202e" not in html  # never emitted raw
    if "\u202e" in hostile:
        assert (
            'class="bidi-control" title="U+202E"' in page.text and "invisible direction-control" in page.text
        )
    else:
        assert "&lt;" in page.text


def test_severe_items_are_blurred_and_greyscale_is_remembered(fresh_app: FastAPI) -> None:
    db = database(fresh_app)
    who = people(db)
    reported_item(
        db,
        author=who["author_ur"],
        reporter=who["reporter"],
        content_id="c-t",
        text="a threatening text",
        policy="safety.threats",
    )
    with TestClient(fresh_app) as client:
        sign_in(client, "mod_en")
        url = claim(client, "en")
        page = client.get(url)
        assert 'class="sensitive__body"' in page.text and "Show the content" in page.text
        assert "console--greyscale" not in page.text
        switched = client.post(
            "/console/preferences",
            data={"csrf_token": token_from(page.text), "greyscale": "1", "next": "https://evil.example/"},
            follow_redirects=False,
        )
        assert switched.headers["location"] == "/console"  # only local paths
        cookie = next(c for c in switched.headers.get_list("set-cookie") if c.startswith("hz_console_grey="))
        assert "HttpOnly" in cookie and "Max-Age=31536000" in cookie
        assert "console--greyscale" in client.get(url).text


def test_appeal_goes_to_a_different_moderator(console: Console) -> None:
    with console.browser("mod_en") as client:
        decide(client, claim(client, "en"), "remove")
    with console.db.write() as stores:
        decision = stores.decisions.for_task(console.english_task)
        assert decision is not None
        appeal = file_appeal(
            stores=stores,
            catalogue=default_catalogue(),
            appellant=console.who["author_ur"],
            decision_id=decision.id,
            reason="یہ تو دوستوں کا مذاق تھا <script>x</script>",
        )
    with console.browser("mod_en") as original:
        listing = original.get("/console/appeals")
        assert f"/console/appeals/{appeal.id}" in listing.text and "your decision" in listing.text
        mine = original.get(f"/console/appeals/{appeal.id}")
        assert "another moderator must review" in mine.text and 'value="overturned"' not in mine.text
        forced = original.post(
            f"/console/appeals/{appeal.id}/resolve",
            data={"csrf_token": token_from(mine.text), "outcome": "overturned", "rationale": "mine"},
            follow_redirects=False,
        )
        assert forced.headers["location"].endswith("problem=own_decision")
    with console.browser("mod_two") as other:
        page = other.get(f"/console/appeals/{appeal.id}")
        assert "&lt;script&gt;x&lt;/script&gt;" in page.text and 'data-key="o"' in page.text
        done = other.post(
            f"/console/appeals/{appeal.id}/resolve",
            data={
                "csrf_token": token_from(page.text),
                "outcome": "overturned",
                "rationale": "a joke among friends",
            },
            follow_redirects=False,
        )
        assert done.headers["location"] == f"/console/appeals/{appeal.id}?done=resolved"
        again = other.get(done.headers["location"])
        history = other.get("/console/accounts/author_ur")
    assert "Appeal resolved" in again.text and "overturned" in again.text
    assert "removed on appeal" in history.text and "In good standing" in history.text


def test_audit_trail_is_for_admins_and_verifies_the_chain(console: Console) -> None:
    with console.browser("mod_en") as moderator:
        assert moderator.get("/console/audit").status_code == 403
        assert "Audit trail" not in moderator.get("/console").text
    with console.browser("boss") as admin:
        page = admin.get("/console/audit")
        filtered = admin.get("/console/audit", params={"subject": f"task:{console.english_task}"})
        home = admin.get("/console")
    assert page.status_code == 200 and "Chain verified" in page.text and "report.filed" in page.text
    assert "task.opened" in filtered.text and "report.filed" not in filtered.text
    assert "Claim next task" not in home.text  # admins do not review


@pytest.mark.parametrize(
    "path",
    [
        "/console",  # queues
        "/console/queue/ur",  # one queue
        "/console/appeals",  # appeals queue
        "/console/accounts/author_ur",  # history
        "/console/audit",  # audit trail (admin)
    ],
)
def test_pages_render_in_urdu_right_to_left(console: Console, path: str) -> None:
    with console.browser("boss", lang="ur") as client:
        page = client.get(path)
    assert page.status_code == 200
    assert '<html lang="ur" dir="rtl">' in page.text and "سائن آؤٹ" in page.text
    assert re.search(r"[a-z]{3,} [a-z]{3,} [a-z]{3,}", _visible(page.text)) is None, "untranslated text"


def _visible(html: str) -> str:
    text = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", text)
    return re.sub(r"(?:@|#)\S+|\b[a-z_]+\.[a-z_]+\b|you are such an idiot.*|[a-z_]+:\S*", " ", text)


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/console/tasks/999", 404),  # no such task
        ("/console/appeals/999", 404),  # no such appeal
        ("/console/accounts/nobody", 404),  # no such account
        ("/console/queue/fr", 404),  # no such queue
        ("/console/tasks/abc", 422),  # not a number
    ],
)
def test_missing_things_get_friendly_pages(console: Console, path: str, status: int) -> None:
    with console.browser("mod_en") as client:
        page = client.get(path)
    assert page.status_code == status and "<!doctype html>" in page.text


def test_a_lease_that_ran_out_is_explained(console: Console) -> None:
    with console.browser("mod_en") as client:
        url = claim(client, "en")
        with console.db.write() as stores:
            stores.session.execute(
                update(TaskRow).where(TaskRow.id == console.english_task).values(lease_until=T0)
            )
        refused = decide(client, url, "remove")
        page = client.get(refused)
    assert refused.endswith("problem=lease") and "Your time on this task ran out" in page.text


def test_audit_trail_shows_a_broken_chain(console: Console) -> None:
    with console.db.write() as stores:
        stores.session.execute(update(AuditRow).where(AuditRow.seq == 1).values(actor="someone_else"))
    with console.browser("boss") as admin:
        page = admin.get("/console/audit")
    assert "Chain verification FAILED" in page.text and 'role="alert"' in page.text


def test_a_direct_message_is_read_only_by_the_moderator_holding_its_task(fresh_app: FastAPI) -> None:
    db = database(fresh_app)
    who = people(db)
    secret = "meet me alone tonight, do not tell your parents"
    post(db, default_catalogue(), who["author_ur"], "dm-1", kind="message", text=secret)
    with db.write() as stores:
        task = file_report(
            stores=stores, catalogue=default_catalogue(), reporter=who["reporter"], content_id="dm-1",
            policy_id="youth.grooming",
        ).task  # fmt: skip
    console = Console(fresh_app, db, who, task.id, task.id)
    with console.browser("mod_two") as bystander:
        unheld = bystander.get(f"/console/tasks/{task.id}")
        history = bystander.get("/console/accounts/author_ur")
    assert unheld.status_code == 200 and secret not in unheld.text
    assert "This is a private message" in unheld.text
    assert history.status_code == 200 and secret not in history.text
    with console.browser("mod_en") as holder:
        url = claim(holder, "en")
        assert secret in holder.get(url).text
        decide(holder, url, "remove", policy="youth.grooming", rationale="an adult asking a child to meet")
    with console.browser("mod_two") as bystander:
        history = bystander.get("/console/accounts/author_ur")
    assert secret not in history.text and "a private message" in history.text


def test_a_console_decision_sends_its_webhook_after_answering(console: Console) -> None:
    with console.db.write() as stores:
        register_endpoint(
            webhooks=stores.webhooks, audit=stores.audit, actor_id="boss", url="http://127.0.0.1:9/closed"
        )
    with console.browser("mod_en") as client:
        decide(client, claim(client, "en"), "remove", rationale="insults aimed at one person")
    with console.db.read() as stores:
        (delivery,) = stores.webhooks.deliveries()
    assert delivery.attempts == 1  # tried at once (the port is closed, so it waits for a retry)

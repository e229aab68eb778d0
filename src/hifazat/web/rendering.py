"""Rendering a page: the per-request `Page` (language, CSRF, cookies) and the Jinja2 environments.

One Jinja2 environment per language, each with its gettext catalogue installed (new-style
gettext, so translated strings are escaped like everything else). Routers take a `PageDep`
and return `page.render("pages/x.html", ...)`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Annotated, Any

from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal
from fastapi import Depends, Request
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from sqlalchemy.orm import Session, sessionmaker
from starlette.responses import HTMLResponse, Response

from hifazat.core.resources import Directory
from hifazat.services.rate_limits import SharedRateLimiter
from hifazat.settings import Settings
from hifazat.web.fonts import FontFiles
from hifazat.web.i18n import (
    BABEL_LOCALE,
    DIRECTION,
    LANG_COOKIE,
    LANG_COOKIE_MAX_AGE,
    LANGS,
    N_,
    NATIVE_NAME,
    Lang,
    choose_language,
    translations,
)
from hifazat.web.security import CSRF_COOKIE, CsrfSigner, cookie_is_secure

NAV: tuple[tuple[str, str, str], ...] = (
    ("home", "/", N_("Home")),
    ("guides", "/guides", N_("Guides")),
    ("updates", "/updates", N_("Safety updates")),
    ("guidelines", "/guidelines", N_("Community Guidelines")),
    ("resources", "/resources", N_("Helplines")),
    ("transparency", "/transparency", N_("Transparency")),
    ("ambassadors", "/ambassadors", N_("Ambassadors")),
    ("report", "/report", N_("Report")),
)
"""(key, path, label) of the main navigation; the console and ambassador pages add their own."""


def _environment(lang: Lang) -> Environment:
    env = Environment(
        loader=PackageLoader("hifazat.web", "templates"),
        autoescape=select_autoescape(["html", "xml", "svg"], default=True),
        undefined=StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_translations(translations(lang), newstyle=True)  # type: ignore[attr-defined]
    locale = BABEL_LOCALE[lang]

    def _date(value: date | datetime) -> str:
        day = value.date() if isinstance(value, datetime) else value
        return format_date(day, "long", locale=locale)

    def _datetime(value: datetime) -> str:
        return format_datetime(value, "d MMMM y, HH:mm 'UTC'", tzinfo=None, locale=locale)

    def _number(value: int | float) -> str:
        return format_decimal(value, locale=locale)

    env.filters["date"] = _date
    env.filters["datetime"] = _datetime
    env.filters["number"] = _number
    env.globals["NAV"] = NAV
    env.globals["LANG"] = lang
    env.globals["DIR"] = DIRECTION[lang]
    return env


@dataclass
class WebState:
    """What the web pages share for the life of the app."""

    settings: Settings
    sessions: sessionmaker[Session]
    csrf: CsrfSigner
    report_limiter: SharedRateLimiter
    fonts: FontFiles
    directory: Directory
    envs: dict[Lang, Environment] = field(
        default_factory=lambda: {lang: _environment(lang) for lang in LANGS}
    )


def web_state(request: Request) -> WebState:
    """The app's WebState (set by `hifazat.web.install`)."""
    state: WebState = request.app.state.web
    return state


class Page:
    """One request's view of the site: its language, its CSRF cookie and how to render."""

    def __init__(self, request: Request) -> None:
        self.request = request
        self.state = web_state(request)
        choice = choose_language(
            query=request.query_params.get("lang"),
            cookie=request.cookies.get(LANG_COOKIE),
            accept_language=request.headers.get("accept-language"),
            default=self.state.settings.default_locale,
        )
        self.lang: Lang = choice.lang
        self.dir = DIRECTION[self.lang]
        self._remember_lang = choice.remember
        self._csrf_cookie = request.cookies.get(CSRF_COOKIE)
        self._new_csrf_cookie = False

    def gettext(self, message: str, **variables: Any) -> str:
        """`message` translated into the page's language, with %(name)s placeholders filled."""
        text = translations(self.lang).gettext(message)
        return text % variables if variables else text

    def csrf_token(self) -> str:
        """A CSRF token for a form on this page (creates the CSRF cookie when missing)."""
        if not self._csrf_cookie:
            self._csrf_cookie = CsrfSigner.new_cookie_value()
            self._new_csrf_cookie = True
        return self.state.csrf.token(self._csrf_cookie)

    def csrf_ok(self, token: str | None) -> bool:
        """True when `token` (from a submitted form) matches this browser's CSRF cookie."""
        return self.state.csrf.valid(self.request.cookies.get(CSRF_COOKIE), token)

    def switch_url(self, lang: Lang) -> str:
        """This page's address in `lang`."""
        url = self.request.url.include_query_params(lang=lang)
        return url.path + ("?" + url.query if url.query else "")

    def render(self, template: str, *, status: int = 200, **context: Any) -> HTMLResponse:
        """Render `template` in the page's language and attach the cookies this request needs."""
        env = self.state.envs[self.lang]
        other: Lang = "en" if self.lang == "ur" else "ur"
        html = env.get_template(template).render(
            page=self,
            other_lang=other,
            other_lang_name=NATIVE_NAME[other],
            path=self.request.url.path,
            **context,
        )
        response = HTMLResponse(html, status_code=status)
        self.attach_cookies(response)
        return response

    def attach_cookies(self, response: Response) -> None:
        """Set the language cookie (when chosen by `?lang=`) and a new CSRF cookie (when issued)."""
        secure = cookie_is_secure(self.request)
        if self._remember_lang:
            response.set_cookie(
                LANG_COOKIE,
                self.lang,
                max_age=LANG_COOKIE_MAX_AGE,
                httponly=True,
                samesite="lax",
                secure=secure,
            )
        if self._new_csrf_cookie and self._csrf_cookie:
            response.set_cookie(
                CSRF_COOKIE, self._csrf_cookie, httponly=True, samesite="strict", secure=secure
            )


def get_page(request: Request) -> Page:
    """Dependency: the request's Page."""
    return Page(request)


PageDep = Annotated[Page, Depends(get_page)]

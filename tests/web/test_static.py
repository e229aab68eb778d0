"""The stylesheet uses logical properties only; the Nastaliq font is served by the product."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient

import hifazat.web
from hifazat.web.fonts import FontFiles

STATIC = Path(hifazat.web.__file__).parent / "static"
PHYSICAL = re.compile(
    r"(?:^|[;{\s])(?:margin|padding|border|inset)-(?:left|right)\b"  # margin-left, border-right ...
    r"|(?:^|[;{\s])(?:left|right)\s*:"  # left: 0
    r"|text-align\s*:\s*(?:left|right)"  # text-align: right
    r"|float\s*:\s*(?:left|right)"  # float: left
    r"|clear\s*:\s*(?:left|right)"
    r"|border-(?:top|bottom)-(?:left|right)-radius",
    re.MULTILINE,
)


def test_css_uses_logical_properties_only() -> None:
    for sheet in STATIC.glob("**/*.css"):
        text = re.sub(r"/\*.*?\*/", "", sheet.read_text(encoding="utf-8"), flags=re.DOTALL)
        assert PHYSICAL.findall(text) == [], sheet.name


def test_the_physical_property_check_can_fail() -> None:
    assert PHYSICAL.findall(".a { margin-left: 1rem; text-align: right }")
    assert not PHYSICAL.findall(".a { margin-inline-start: 1rem; text-align: start }")


def test_css_never_loads_anything_from_elsewhere() -> None:
    css = (STATIC / "site.css").read_text(encoding="utf-8")
    assert "http://" not in css and "https://" not in css and "@import" not in css
    assert 'url("/fonts/nastaliq-regular.ttf")' in css


def test_nastaliq_font_is_served(client: TestClient) -> None:
    fonts = FontFiles.discover()
    response = client.get("/fonts/nastaliq-regular.ttf")
    if fonts.path("nastaliq-regular.ttf") is None:
        assert response.status_code == 404  # not installed: the page falls back to local fonts
        return
    assert response.status_code == 200
    assert response.headers["content-type"] == "font/ttf"
    assert response.content[:4] in (b"\x00\x01\x00\x00", b"OTTO", b"true")  # a TrueType/OpenType file


def test_unknown_font_is_404(client: TestClient) -> None:
    assert client.get("/fonts/../../etc/passwd").status_code == 404
    assert client.get("/fonts/other.ttf").status_code == 404


def test_packaged_copy_wins_over_the_system(tmp_path: Path) -> None:
    (tmp_path / "NotoNastaliqUrdu-Regular.ttf").write_bytes(b"\x00\x01\x00\x00fake")
    found = FontFiles.discover(packaged=tmp_path, system=())
    assert found.path("nastaliq-regular.ttf") == tmp_path / "NotoNastaliqUrdu-Regular.ttf"
    assert found.path("nastaliq-bold.ttf") is None

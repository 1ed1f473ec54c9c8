"""Crawl the whole platform as every role over the demo data set.

Proves, for every page a role can reach by following links from the front page and the
workbench: no server error and no link the role may not follow (4xx); a proper page (a
<title> and exactly one <h1>); no raw Python repr or untranslated audit action code in
the visible text; the public sees no full identity or mobile number; and staff of one
unit never open another unit's unsubmitted work by its address.
"""
import datetime as dt
import io
import logging
import re
import time
from collections import Counter, deque
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from django.core.management import call_command
from django.core.signals import request_finished
from django.db import close_old_connections, connection
from django.test import Client, override_settings
from django.urls import Resolver404, resolve

from gongkai.orgs.models import Unit, User

MAX_URLS = 400
PER_PATTERN = 3
ROLES = ("anonymous", "admin", "fgj_staff", "hpjd_staff", "reviewer", "supervisor")
# URL names whose pages hold one unit's own work: another unit's staff must never get them.
UNIT_WORK = {"report_edit", "breakdown_edit", "evidence_download", "evidence_snapshot",
             "staff_detail", "application_detail", "letter_file", "co_handling_answer",
             "document_edit", "staff_consultation_edit", "staff_meeting_edit",
             "staff_entry_edit"}

REPR = re.compile(r"<gongkai\.|object at 0x")
AUDIT_CODE = re.compile(
    r"\b(plans|foi|policies|publishing|participation|qa|orgs|workdays)\.[a-z_]+\.[a-z_]+\b")
# A full 居民身份证 number (region, birth date, sequence, check digit) and a full mobile
# number, not inside a longer run of letters or digits (tokens, hashes).
RESIDENT_ID = re.compile(r"(?<![0-9A-Za-z])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])"
                         r"(?:0[1-9]|[12]\d|3[01])\d{3}[0-9Xx](?![0-9A-Za-z])")
MOBILE = re.compile(r"(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])")
FOI_ID_NUMBER = "11010519491231002X"  # valid check digit (GB 11643)
# Marked so that pytest-django creates the test database: a module fixture alone does not
# ask for one, and would load (and flush) whatever DATABASE_URL names.
pytestmark = pytest.mark.django_db
FOI_PHONE = "13912345678"


@dataclass
class Crawl:
    """What one role's crawl fetched and found."""

    statuses: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    # Every same-site link seen, fetched or not, by URL name.
    links: dict[str, set[str]] = field(default_factory=dict)


def _evidence_demo() -> None:
    """A file on one of 区发展改革局's draft reports: the demo attaches none."""
    from PIL import Image

    from django.core.files.uploadedfile import SimpleUploadedFile

    from gongkai.plans.models import Report, ReportStatus
    from gongkai.plans.services.reports import evidence_add_file

    report = Report.objects.filter(assignment__unit__name="区发展改革局",
                                   status=ReportStatus.DRAFT).order_by("pk").first()
    image = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(image, "PNG")
    evidence_add_file(report=report, actor=User.objects.get(username="fgj_staff"),
                      file=SimpleUploadedFile("专栏截图.png", image.getvalue()), title="专栏截图")


def _foi_demo() -> None:
    """Disclosure applications to 区发展改革局: the demo has none, and their pages are
    where identity and phone numbers live."""
    from gongkai.foi.codes import ApplicantType, Channel
    from gongkai.foi.models import IdType
    from gongkai.foi.services.intake import application_register, application_submit_online

    unit = Unit.objects.get(name="区发展改革局")
    actor = User.objects.get(username="fgj_staff")
    data = {"applicant_type": ApplicantType.NATURAL_PERSON, "applicant_name": "陈测试",
            "id_type": IdType.RESIDENT_ID, "id_number": FOI_ID_NUMBER, "phone": FOI_PHONE,
            "address": "广州市黄埔区测试路1号", "description": "请公开2022年度重点项目投资计划。"}
    application_register(unit=unit, data=data, channel=Channel.IN_PERSON,
                         received_on=dt.date.today() - dt.timedelta(days=3), actor=actor)
    application_register(unit=unit, data={**data, "description": "请公开价格监测报告。"},
                         channel=Channel.LETTER, received_on=None, actor=actor)
    application_submit_online(data={**data, "unit": unit.pk, "description": "请公开物价指数。"},
                              submission_key="crawl-online-1")


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The reference and demo data, loaded once for the module, flushed afterwards."""
    from huey.contrib.djhuey import HUEY

    name = str(connection.settings_dict["NAME"])
    assert "memory" in name or Path(name).name.startswith("test"), name  # never the real DB
    immediate = HUEY.immediate
    media = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media):
        HUEY.immediate = True  # background jobs in memory, never the dev queue file
        try:
            call_command("init_reference_data", stdout=io.StringIO())
            call_command("load_demo", stdout=io.StringIO())
            _foi_demo()
            _evidence_demo()
            yield media
        finally:
            HUEY.immediate = immediate
            call_command("flush", interactive=False, verbosity=0)


@pytest.fixture(autouse=True)
def _media_in_a_temporary_folder(settings, demo):
    """Overrides the per-test media folder of the root conftest: the files the demo wrote
    live in the module's folder."""
    settings.MEDIA_ROOT = demo


@contextmanager
def _connections_kept_open():
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_finished.connect(close_old_connections)


def _pattern_key(path: str, query: str):
    try:
        match = resolve(path)
    except Resolver404:
        return None
    # Filter combinations are not new pages: a query string counts as one more shape.
    return (match.namespace, match.url_name, tuple(sorted(match.kwargs)), len(match.args),
            bool(query))


def _normalise(base: str, href: str, role_is_staff: bool) -> str | None:
    """The same-site path (with query) a link leads to, or None when not to follow it."""
    href = (href or "").strip()
    if not href or href.startswith(("#", "mailto:", "tel:", "javascript:")):
        return None
    parts = urlsplit(urljoin("http://testserver" + base, href))
    if parts.netloc not in ("testserver", "") or parts.scheme not in ("http", "https"):
        return None
    path = parts.path
    if path.startswith("/accounts/logout") or (path.startswith("/admin/") and not role_is_staff):
        return None
    if path.startswith("/admin/"):
        return path  # the admin's own filters and orderings are Django's, not the platform's
    query = parse_qsl(parts.query, keep_blank_values=True)
    if any(k == "page" and v.isdigit() and int(v) > 2 for k, v in query):
        return None
    return path + ("?" + urlencode(query) if query else "")


# What a person must never read: a Python literal, or a stored code (a choice value of
# any model field, an English field name) where a word belongs (issue 13).
PY_LITERAL = re.compile(r"^(True|False|None|\[\]|\{\}|\(\))$")
IDENTIFIER = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")


def _enum_values() -> set[str]:
    from django.apps import apps

    values = set()
    for model in apps.get_models():
        if not model.__module__.startswith("gongkai."):
            continue
        for model_field in model._meta.get_fields():
            for value, _label in getattr(model_field, "flatchoices", None) or ():
                if isinstance(value, str) and IDENTIFIER.match(value):
                    values.add(value)
    return values


def _raw_codes(url: str, soup: BeautifulSoup, enums: set[str]) -> list[str]:
    """Raw codes in history tables (keys and values), status badges and table cells."""
    found = []
    for row in soup.select("section.history td div"):
        key = row.find("span", class_="muted")
        key_text = key.get_text(strip=True).rstrip("：") if key else ""
        if key:
            key.extract()
        value = row.get_text(" ", strip=True)
        if key_text and (key_text.isascii() and IDENTIFIER.match(key_text)):
            found.append(f"{url}: history key {key_text!r}")
        for part in [value, *value.split("、")]:
            if PY_LITERAL.match(part) or part in enums:
                found.append(f"{url}: history value {key_text}：{value!r}")
                break
    for cell in soup.select(".badge, td, dd"):
        text = cell.get_text(" ", strip=True)
        if PY_LITERAL.match(text) or text in enums:
            found.append(f"{url}: shows the code {text!r}")
    return found


def _visible_text(soup: BeautifulSoup) -> str:
    for tag in soup(["script", "style", "template"]):
        tag.decompose()
    return soup.get_text(" ")


def _check_page(url: str, html: str, soup: BeautifulSoup, anonymous: bool) -> list[str]:
    problems = []
    if not url.startswith("/admin/"):  # Django's admin has its own two-<h1> layout
        title = soup.title.get_text(strip=True) if soup.title else ""
        if not title:
            problems.append(f"{url}: no <title>")
        if len(soup.find_all("h1")) != 1:
            problems.append(f"{url}: {len(soup.find_all('h1'))} <h1> elements")
    if anonymous:
        for pattern, label in ((RESIDENT_ID, "resident ID"), (MOBILE, "mobile number")):
            if found := pattern.search(html):
                problems.append(f"{url}: full {label} {found.group()}")
    if not url.startswith("/admin/"):
        problems += _raw_codes(url, soup, _ENUMS())
    text = _visible_text(soup)
    # The admin's audit-event list is the raw record: there the stored code is the point.
    for pattern in (REPR,) if url.startswith("/admin/") else (REPR, AUDIT_CODE):
        if found := pattern.search(text):
            problems.append(f"{url}: shows {found.group()!r}")
    return problems


_enum_cache: set[str] = set()


def _ENUMS() -> set[str]:  # noqa: N802 - a constant computed once the apps are ready
    if not _enum_cache:
        _enum_cache.update(_enum_values())
    return _enum_cache


class Crawler:
    """Breadth-first over same-site links, at most PER_PATTERN URLs per URL pattern."""

    def __init__(self, client: Client, *, anonymous: bool, staff: bool):
        self.client, self.anonymous, self.staff = client, anonymous, staff
        self.result = Crawl()
        self.queue: deque[str] = deque()
        self.seen: set[str] = set()
        self.per_pattern: Counter = Counter()

    def run(self, starts) -> Crawl:
        for url in starts:
            self._enqueue(url)
        while self.queue and len(self.result.statuses) < MAX_URLS:
            self._visit(self.queue.popleft())
        return self.result

    def _enqueue(self, url: str | None) -> None:
        if url is None or url in self.seen:
            return
        path, _, query = url.partition("?")
        key = _pattern_key(path, query)
        if key is None:
            return
        self.result.links.setdefault(key[1] or "", set()).add(path)
        if self.per_pattern[key] >= (1 if path.startswith("/admin/") else PER_PATTERN):
            return
        self.seen.add(url)
        self.per_pattern[key] += 1
        self.queue.append(url)

    def _visit(self, url: str) -> None:
        response = self.client.get(url)
        self.result.statuses[url] = response.status_code
        if response.status_code >= 400:
            # 4xx: a page offered this role a link it may not follow (the reviewer's
            # to-do list linked report forms that answer 404).
            self.result.problems.append(f"{url}: status {response.status_code}")
        if response.status_code in (301, 302, 303, 307, 308):
            self._enqueue(_normalise(url, response["Location"], self.staff))
        is_html = response.get("Content-Type", "").startswith("text/html")
        if response.status_code != 200 or not is_html or response.streaming:
            # Closing the file of a download sends request_finished, whose
            # close_old_connections would close the test's connection (PostgreSQL).
            with _connections_kept_open():
                response.close()
            return
        html = response.content.decode("utf-8", errors="replace")
        soup = BeautifulSoup(html, "lxml")
        hrefs = [a.get("href") for a in soup.find_all("a", href=True)]
        self.result.problems += _check_page(url, html, soup, self.anonymous)
        for href in hrefs:
            self._enqueue(_normalise(url, href, self.staff))


@contextmanager
def _quiet_404s():
    # A crawl meets hundreds of expected 403/404s; server errors are asserted, not logged.
    logger = logging.getLogger("django.request")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


@pytest.fixture(scope="module")
def crawls(demo, django_db_blocker):
    """Each role's crawl, run once and shared by the assertions below."""
    done: dict[str, Crawl] = {}

    def crawl(role: str) -> Crawl:
        if role not in done:
            with django_db_blocker.unblock(), _quiet_404s():
                client = Client(raise_request_exception=False)
                user = None if role == "anonymous" else User.objects.get(username=role)
                if user is not None:
                    client.force_login(user)
                started = time.monotonic()
                done[role] = Crawler(client, anonymous=user is None,
                                     staff=bool(user and user.is_staff)).run(["/", "/workbench/"])
                print(f"crawl {role}: {len(done[role].statuses)} URLs "
                      f"in {time.monotonic() - started:.1f}s")
        return done[role]

    return crawl


@pytest.mark.parametrize("role", ROLES)
def test_every_page_a_role_reaches_renders_without_errors_or_leaks(crawls, role):
    result = crawls(role)
    assert len(result.statuses) > 10, result.statuses
    assert not result.problems, "\n".join(result.problems)


def test_the_public_crawl_reaches_pages_where_personal_data_would_show(crawls):
    # Guard against a vacuous leak check: the public crawl covers the public sections.
    fetched = crawls("anonymous").statuses
    for prefix in ("/foi/apply/", "/foi/track/", "/policies/", "/participation/messages/",
                   "/participation/consultations/", "/qa/"):
        assert any(url.startswith(prefix) and status == 200
                   for url, status in fetched.items()), prefix


def _unit_work(client: Client, found: dict[str, set[str]]) -> list[str]:
    """The unit-work URLs the crawl found, plus the evidence links on every report page
    among them (the crawl itself opens only three report pages)."""
    urls = {url for name in UNIT_WORK for url in found.get(name, ())}
    for url in sorted(found.get("report_edit", ())):
        response = client.get(url)
        assert response.status_code == 200, url  # the unit's own staff do open it
        for a in BeautifulSoup(response.content, "lxml").find_all("a", href=True):
            path = _normalise(url, a["href"], False)
            key = path and _pattern_key(*path.partition("?")[::2])
            if key and key[1] in UNIT_WORK:
                urls.add(path)
    return sorted(urls)


def test_staff_of_another_unit_never_open_the_units_work(crawls, django_db_blocker):
    found = crawls("fgj_staff").links
    with django_db_blocker.unblock(), _quiet_404s():
        owner, other = Client(), Client()
        owner.force_login(User.objects.get(username="fgj_staff"))
        other.force_login(User.objects.get(username="hpjd_staff"))
        urls = _unit_work(owner, found)
        opened = {url: other.get(url).status_code for url in urls}
    assert any("/reports/" in url for url in urls), "fgj_staff's crawl found no reports"
    assert any("/foi/staff/" in url for url in urls), "fgj_staff's crawl found no applications"
    assert any("/evidence/" in url for url in urls), "fgj_staff's crawl found no evidence"
    print(f"cross-unit: {len(urls)} URLs of 区发展改革局 fetched as hpjd_staff")
    assert {url: code for url, code in opened.items() if code not in (403, 404)} == {}


@pytest.mark.parametrize(("text", "leaks"), [
    ("证件号码 11010519491231002X", True), ("电话：13912345678。", True),
    ("证件号码 1101**********002X", False), ("电话 139****5678", False),
    ("csrf 9aZ13912345678b", False), ("编号 2025110519491231002", False),
])
def test_the_leak_patterns_catch_full_numbers_and_pass_masked_ones(text, leaks):
    assert bool(RESIDENT_ID.search(text) or MOBILE.search(text)) is leaks


def test_every_audit_action_in_the_source_has_a_chinese_label():
    # History tables show a code with no label as is (the crawl found qa.entry.created
    # on the Q&A staff pages): every literal action code in the code base needs a label.
    from gongkai.core.audit_labels import action_label

    root = Path(__file__).resolve().parent.parent / "gongkai"
    quoted = re.compile("[\"'](" + AUDIT_CODE.pattern.replace(r"\b", "") + ")[\"']")
    codes = {match.group(1) for path in root.rglob("*.py")
             if "tests" not in path.parts and "migrations" not in path.parts
             for match in quoted.finditer(path.read_text(encoding="utf-8"))}
    # dispatch_uid strings share the shape; they are not audit actions.
    codes -= {"participation.messages.follow_review", "participation.messages.recompute_due_dates"}
    assert len(codes) > 50
    assert sorted(code for code in codes if action_label(code) == code) == []


def test_every_audited_object_of_the_demo_shows_its_history_in_words(demo,
                                                                      django_db_blocker):
    """Each object with events (the demo, its applications and evidence), its history
    rendered as its page renders it: no raw key, code or Python literal."""
    from django.template import Context, Template

    from gongkai.core.models import AuditEvent

    template = Template("{% load audit %}{% history_for obj %}")
    problems, rendered = [], 0
    with django_db_blocker.unblock():
        targets = (AuditEvent.objects.exclude(action__startswith="admin.")
                   .values_list("content_type", "object_id").distinct())
        by_type: dict[int, set[str]] = {}
        for content_type_id, object_id in targets:
            by_type.setdefault(content_type_id, set()).add(object_id)
        from django.contrib.contenttypes.models import ContentType

        for content_type_id, ids in by_type.items():
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            # A few of each kind is enough: the events of a kind share their shapes.
            for obj in model._base_manager.filter(pk__in=sorted(ids)[:40]):
                html = template.render(Context({"obj": obj}))
                soup = BeautifulSoup(f"<section class='history'>{html}</section>", "lxml")
                problems += _raw_codes(f"{model._meta.label}#{obj.pk}", soup, _ENUMS())
                rendered += 1
    assert rendered > 50
    kinds = sorted({re.sub(r"#\d+", "", problem) for problem in problems})  # one per shape
    assert kinds == [], "\n".join(kinds)


@pytest.mark.parametrize(("html", "raw"), [
    ("<section class='history'><td><div><span class='muted'>letter：</span>62</div></td>"
     "</section>", True),
    ("<section class='history'><td><div><span class='muted'>逾期：</span>True</div></td>"
     "</section>", True),
    ("<section class='history'><td><div><span class='muted'>原状态：</span>draft</div></td>"
     "</section>", True),
    ("<section class='history'><td><div><span class='muted'>原状态：</span>草稿</div></td>"
     "</section>", False),
    ("<table><tr><td>in_progress</td></tr></table>", True),
    ("<table><tr><td>推进中</td></tr></table>", False),
])
def test_the_raw_code_check_catches_codes_and_passes_words(html, raw):
    found = _raw_codes("/x/", BeautifulSoup(html, "lxml"), {"draft", "in_progress"})
    assert bool(found) is raw

"""No input gives a 500, and a form sent back with errors shows what was typed.

The demo is crawled as each role: from the role's home page, same-site links are followed
breadth-first to a bounded depth, and every <form> found is collected with its fields.
Then hostile values (huge numbers, negative numbers, NUL bytes, lone surrogates, very long
strings, markup, SQL, lists where one value is expected) are sent to every form and, as
query strings, to every page found and to every URL pattern of Goodlife: first a fixed
sweep that sends each hostile value to every field of every form, then values drawn by
Hypothesis. No answer may be a 500; an answer that shows a form with errors must show each
typed text back in its box.

Bodies are encoded here, not by the test client, so that lone surrogates reach Django as
the invalid UTF-8 a browser or a script could send.
"""

import io
import itertools
import re
import uuid
from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import quote, urldefrag, urlsplit

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goodlife.accounts.models import Role, User
from goodlife.people.models import Person
from goodlife.planning import services as planning_services

# Crawl bounds: enough to reach every kind of page of the demo, few enough to stay quick.
DEPTH = 5
PAGES_PER_ROLE = 150
# Pages of one shape (the same address but for ids) visited at most this often.
PER_SHAPE = 2
# Pages whose forms change who is signed in, or belong to Django's own administration.
SKIP_PREFIXES = ("/accounts/sign-out", "/admin/", "/static/")
# Left as the page gave them: the CSRF token, and the create form's one-time token (a
# hostile one saves nothing and is tested with the tokens, tests/ui/test_once.py), so that
# the hostile values reach the form's own checks.
KEEP_AS_GIVEN = {"csrfmiddlewaretoken", "goodlife_form_token"}

HOSTILE = [
    "99999999999999999999",  # overflows a C long, SQLite's and PostgreSQL's integers
    "2147483648",  # one past PostgreSQL's integer
    "-1",
    "0",
    "1e308",
    "NaN",
    "9" * 400,
    "a\x00b",
    "\ud800",  # a lone surrogate: invalid UTF-8 once sent
    "x" * 50_001,  # more than any text box takes
    "Zoë 名前 🙂 \u202e",
    "' OR 1=1 --",
    '"><script>alert(1)</script>',
    "",
    "²",  # a digit to str.isdigit(), not to int()
]
# Sent to each field on its own.
ALONE = ["99999999999999999999", "a\x00b"]
# Names seen in Goodlife's query strings, sent to every page.
QUERY_NAMES = [
    "page",
    "per_page",
    "q",
    "before",
    "kind",
    "status",
    "show",
    "step",
    "service",
    "aspiration",
    "next",
    "near",
    "miles",
    "day",
    "time",
    "free",
    "offering",
    "id",
]

DEMO_USERS = {
    Role.PRACTITIONER: "practitioner@example.org",
    Role.TEAM_MANAGER: "manager@example.org",
    Role.QUALITY_LEAD: "quality@example.org",
    Role.DIRECTORY_EDITOR: "directory@example.org",
    Role.COMMISSIONER: "commissioner@example.org",
    Role.PROVIDER: "provider@example.org",
    Role.ADMINISTRATOR: "admin@example.org",
    Role.INFORMATION_GOVERNANCE: "governance@example.org",
}

# Every test here uses the database: pytest-django sets it up only for marked tests.
pytestmark = pytest.mark.django_db


@dataclass
class Field:
    name: str
    kind: str  # input type, "textarea" or "select"
    value: str = ""
    options: list[str] = field(default_factory=list)
    checked: bool = False

    @property
    def shown_back(self) -> bool:
        """Whether what is typed here is drawn back into the box on an error."""
        return self.kind in ("text", "textarea", "email", "tel", "number", "search", "url")


@dataclass
class Form:
    page: str
    action: str
    method: str
    fields: list[Field]

    def defaults(self) -> list[tuple[str, str]]:
        pairs = []
        for f in self.fields:
            if f.kind in ("checkbox", "radio"):
                if f.checked:
                    pairs.append((f.name, f.value))
            elif f.kind == "select":
                pairs.append((f.name, f.value or (f.options[0] if f.options else "")))
            elif f.kind not in ("submit", "button", "file", "image", "reset"):
                pairs.append((f.name, f.value))
        return pairs

    @property
    def hostile_names(self) -> list[str]:
        names = [f.name for f in self.fields if f.name not in KEEP_AS_GIVEN]
        return list(dict.fromkeys(names))


class PageParser(HTMLParser):
    """The links and forms of one page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._textarea: Field | None = None
        self._select: Field | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag == "button" and a.get("name") == "go" and (a.get("value") or "")[:1] == "/":
            self.links.append(a["value"])  # a draft plan's button: saves, then goes there
        if tag == "option" and self._select is not None:
            self._select.options.append(a.get("value", ""))
            if "selected" in a:
                self._select.value = a.get("value", "")
        elif tag == "a" and a.get("href"):
            self.links.append(a["href"])
        elif tag == "form":
            self._form = Form("", a.get("action", ""), (a.get("method") or "get").lower(), [])
            self.forms.append(self._form)
        elif self._form is None or "name" not in a:
            return
        elif tag == "input":
            kind = (a.get("type") or "text").lower()
            self._form.fields.append(
                Field(
                    a["name"],
                    kind,
                    a.get("value", "on" if kind == "checkbox" else ""),
                    checked="checked" in a,
                )
            )
        elif tag == "textarea":
            self._textarea = Field(a["name"], "textarea")
            self._form.fields.append(self._textarea)
        elif tag == "select":
            self._select = Field(a["name"], "select")
            self._form.fields.append(self._select)
        elif tag == "button" and (a.get("type") or "submit") == "submit":
            self._form.fields.append(Field(a["name"], "submit", a.get("value", "")))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea.value += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "textarea" and self._textarea is not None:
            # The newline after <textarea> is not part of the value.
            self._textarea.value = self._textarea.value.removeprefix("\n")
            self._textarea = None
        elif tag == "select":
            self._select = None


def parse(html: str) -> PageParser:
    parser = PageParser()
    parser.feed(html)
    return parser


def _same_site(href: str, base: str) -> str | None:
    href = urldefrag(href)[0]
    if not href or href.startswith(("mailto:", "tel:", "javascript:")):
        return None
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    if not parts.path.startswith("/"):
        return (
            None if parts.path else base.split("?")[0] + (f"?{parts.query}" if parts.query else "")
        )
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _encode(pairs) -> bytes:
    """A urlencoded body or query, lone surrogates as the invalid UTF-8 they become."""
    return "&".join(
        f"{quote(str(k), safe='', encoding='utf-8', errors='surrogatepass')}="
        f"{quote(str(v), safe='', encoding='utf-8', errors='surrogatepass')}"
        for k, v in pairs
    ).encode()


def _as_received(value: str) -> str:
    """What Django reads from a value sent by _encode."""
    return value.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


def _failure(response) -> str:
    exc = getattr(response, "exc_info", None)
    return (
        f"{response.status_code} ({exc[0].__name__}: {str(exc[1])[:100]})"
        if exc
        else str(response.status_code)
    )


def _changed(form: Form, pairs) -> str:
    """The values sent that the page did not give, shortened."""
    given = set(form.defaults())
    return ", ".join(f"{n}={v[:40]!r}" for n, v in pairs if (n, v) not in given)[:300]


@dataclass
class Crawl:
    role: str
    user: User
    pages: list[str]
    forms: list[Form]


def shape(url: str) -> str:
    return re.sub(r"[0-9a-f]{8}-[0-9a-f-]{27}", "<id>", url.split("?")[0])


def crawl(client: Client, role: str, user: User, also: tuple[str, ...] = ()) -> Crawl:
    """Pages and forms reached from the home page (and from ``also``) by following links."""
    starts = ["/", *also]
    seen = set(starts)
    shapes: dict[str, int] = {}
    queue = deque((start, 0) for start in starts)
    pages: list[str] = []
    forms: dict[tuple, Form] = {}
    while queue and len(pages) < PAGES_PER_ROLE:
        url, depth = queue.popleft()
        response = client.get(url, follow=True)
        assert response.status_code != 500, f"{role}: GET {url} gave a 500"
        final = response.request["PATH_INFO"]
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        pages.append(url)
        found = parse(response.content.decode())
        for form in found.forms:
            form.page = final
            action = _same_site(form.action, final) if form.action else final
            if action is None or action.startswith(SKIP_PREFIXES):
                continue
            form.action = action
            key = (
                shape(action),
                action.partition("?")[2],
                form.method,
                tuple(sorted(f.name for f in form.fields)),
            )
            forms.setdefault(key, form)
        if depth >= DEPTH:
            continue
        for href in found.links:
            target = _same_site(href, final)
            if not target or target in seen or target.startswith(SKIP_PREFIXES):
                continue
            seen.add(target)
            if shapes.get(shape(target), 0) < PER_SHAPE:
                shapes[shape(target)] = shapes.get(shape(target), 0) + 1
                queue.append((target, depth + 1))
    return Crawl(role, user, pages, list(forms.values()))


def _walk(patterns, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace == "admin":
                continue
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern)


def every_url(pages: list[str]) -> list[str]:
    """Every URL pattern of Goodlife, each filled with ids from a crawled page where one
    fits it, else with made-up ids (a 404 is a fine answer)."""
    urls = []
    for route in _walk(get_resolver().url_patterns):
        pattern = re.sub(r"<uuid:\w+>", "[0-9a-f-]{36}", re.escape(route))
        pattern = "^/" + re.sub(r"<str:\w+>", "[^/]+", pattern) + "$"
        match = next((p.split("?")[0] for p in pages if re.match(pattern, p.split("?")[0])), None)
        if match is None:
            match = "/" + re.sub(r"<uuid:\w+>", str(uuid.uuid4()), route)
            match = re.sub(r"<str:\w+>", "strength", match)
        urls.append(match)
    return list(dict.fromkeys(urls))


class Requests:
    """Sends requests as one signed-in member of staff and checks every answer."""

    def __init__(self, crawl: Crawl):
        self.crawl = crawl
        self.client = Client(raise_request_exception=False)
        self.client.force_login(crawl.user)
        self.failures: list[str] = []

    def send(self, form: Form, pairs: list[tuple[str, str]]) -> None:
        if form.method == "post":
            response = self.client.post(
                form.action, _encode(pairs), content_type="application/x-www-form-urlencoded"
            )
        else:
            response = self.client.get(form.action.split("?")[0] + "?" + _encode(pairs).decode())
        where = f"{self.crawl.role}: {form.method.upper()} {form.action}"
        if response.status_code >= 500:
            self.failures.append(f"{where} gave {_failure(response)} for {_changed(form, pairs)}")
            return
        if response.status_code == 200 and b"govuk-error-summary" in response.content:
            self._check_shown_back(form, pairs, response, where)

    def _check_shown_back(self, form, pairs, response, where):
        sent = {}
        for name, value in pairs:
            sent.setdefault(name, []).append(value)
        fields = {f.name: f for f in form.fields}
        given = dict(form.defaults())
        boxes = {
            f.name: f
            for shown in parse(response.content.decode()).forms
            for f in shown.fields
            if f.shown_back
        }
        for name, values in sent.items():
            typed = fields.get(name)
            if typed is None or not typed.shown_back or name not in boxes or len(values) != 1:
                continue
            if values[0] == given.get(name):
                continue  # not typed: an edit that met a newer save shows the newer value
            expected = _as_received(values[0])
            if "\x00" in expected:
                continue  # a NUL is refused and may not be drawn back as it came
            if boxes[name].value.strip() != expected.strip():
                self.failures.append(
                    f"{where}: {name} shown back as {boxes[name].value[:80]!r}, "
                    f"typed {expected[:80]!r}"
                )

    def get(self, url: str, query: list[tuple[str, str]]) -> None:
        response = self.client.get(url + "?" + _encode(query).decode())
        if response.status_code >= 500:
            self.failures.append(
                f"{self.crawl.role}: GET {url} gave {_failure(response)} for {query!r:.160}"
            )


@pytest.fixture(scope="module")
def crawls(django_db_setup, django_db_blocker):
    """The demo, crawled once as each role (the data stays for the module's tests)."""
    with django_db_blocker.unblock():
        call_command("demo", stdout=io.StringIO())
        # The demo's plans are agreed: a draft one has the forms to add items and budget.
        practitioner = User.objects.get(email=DEMO_USERS[Role.PRACTITIONER])
        person = Person.objects.filter(
            team__in=practitioner.teams.all(), support_plans=None
        ).first()
        draft = planning_services.start_plan(person, by=practitioner)
        also = (reverse("planning:support-plan", args=[draft.person_id]),)
        found = {}
        for role in Role.values:
            user = User.objects.get(email=DEMO_USERS[role])
            client = Client()
            client.force_login(user)
            found[role] = crawl(client, role, user, also)
        yield found
        call_command("flush", interactive=False, verbosity=0)


def test_the_crawl_finds_the_forms_of_every_kind_of_page(crawls):
    practitioner = crawls[Role.PRACTITIONER]
    actions = {shape(f.action) for f in practitioner.forms}
    # The forms the date overflow was reported on, and a search form sent as a query.
    assert {
        "/people/add/",
        "/people/<id>/wellbeing/well12/new/",
        "/people/<id>/outcomes/add/",
        "/people/<id>/support-plan/items/add/",
        "/people/<id>/episodes/<id>/records/new/",
        "/directory/",
    } <= actions, sorted(actions)
    assert any(f.fields and f.method == "post" for f in crawls[Role.DIRECTORY_EDITOR].forms)
    assert all(c.pages for c in crawls.values())


def _with(form: Form, names, value) -> list[tuple[str, str]]:
    """The form as the page gave it, with ``value`` in each of the fields ``names``."""
    pairs = [(n, v) for n, v in form.defaults() if n not in names]
    return pairs + [(n, value) for n in names]


def test_every_hostile_value_in_every_field_of_every_form(crawls):
    """Each hostile value sent to every field of every form at once, and a few of them to
    each field alone (the others as the page gave them: a huge day needs a real year to
    reach the date). Each kind of form is swept once, as the first role that has it (the
    Hypothesis test below sends values as every role)."""
    failures = []
    swept = set()
    for found in crawls.values():
        requests = Requests(found)
        for form in found.forms:
            kind = (shape(form.action), tuple(form.hostile_names))
            if kind in swept:
                continue
            swept.add(kind)
            for value in HOSTILE:
                requests.send(form, _with(form, form.hostile_names, value))
            for name, value in itertools.product(form.hostile_names, ALONE):
                requests.send(form, _with(form, [name], value))
        failures += requests.failures
    assert len(swept) >= 30
    assert failures == [], "\n".join(failures[:40])


def test_hostile_query_strings_on_every_page(crawls):
    failures = []
    for found in crawls.values():
        requests = Requests(found)
        # One page of each shape, and every URL pattern.
        pages = {shape(p): p.split("?")[0] for p in found.pages}
        for url in dict.fromkeys([*pages.values(), *every_url(found.pages)]):
            # Each name gets a different hostile value in each of a few requests.
            for turn in range(2):
                requests.get(
                    url,
                    [
                        (name, HOSTILE[(i + turn * 11) % len(HOSTILE)])
                        for i, name in enumerate(QUERY_NAMES)
                    ],
                )
            requests.get(url, [("page", "1"), ("page", "99999999999999999999")])
        failures += requests.failures
    assert failures == [], "\n".join(failures[:40])


def hostile_text():
    return st.one_of(
        st.sampled_from(HOSTILE),
        st.integers().map(str),
        st.integers(min_value=2**31 - 2, max_value=2**80).map(str),
        st.integers(min_value=2**63 - 2, max_value=2**66).map(str),
        st.floats(allow_nan=True, allow_infinity=True).map(str),
        st.text(max_size=50),
        st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=30),
        st.text(alphabet="0123456789-+.,e ", max_size=25),
        st.text(max_size=5).map(lambda s: s * 3000),
    )


def test_hypothesis_values_in_forms_as_every_role(crawls):
    """Hypothesis draws a role and one of its forms, a few of its fields and, for each, one
    value or several under the same name; the other fields stay as the page gave them."""
    pool = [
        (found, form) for found in crawls.values() for form in found.forms if form.hostile_names
    ]
    senders = {role: Requests(found) for role, found in crawls.items()}

    @settings(
        max_examples=250,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(st.data())
    def check(data):
        found, form = data.draw(st.sampled_from(pool), label="form")
        names = data.draw(
            st.lists(st.sampled_from(form.hostile_names), min_size=1, max_size=3, unique=True),
            label="fields",
        )
        pairs = [(n, v) for n, v in form.defaults() if n not in names]
        for name in names:
            values = data.draw(
                st.one_of(hostile_text().map(lambda v: [v]), st.lists(hostile_text(), max_size=3)),
                label=name,
            )
            pairs += [(name, v) for v in values]
        requests = senders[found.role]
        requests.failures.clear()
        requests.send(form, pairs)
        assert requests.failures == []

    check()


def test_a_request_body_over_the_limit_is_refused_with_a_400(crawls, settings):
    client = Client(raise_request_exception=False)
    client.force_login(User.objects.get(email=DEMO_USERS[Role.PRACTITIONER]))
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE == 2048 * 1024
    body = "what_matters=" + "x" * settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    response = client.post("/people/add/", body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400

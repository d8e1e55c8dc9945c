"""The YAML catalogue loader against real files: the bundled sample, a full-featured file, and many broken ones."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time, timedelta
from pathlib import Path

import pytest

from slotline.domain.catalogue import BusinessFacts, FaqEntry, InsuranceSchemes, UrgentCare
from slotline.domain.errors import SlotlineError
from slotline.domain.local_time import LocalSpan
from slotline.domain.phone import PhoneNumber
from slotline.domain.policy import BookingPolicy
from slotline.domain.reminders import QuietHours, ReminderPolicy
from slotline.infrastructure.yaml_catalogue import (
    CatalogueFileInvalid,
    YamlCatalogueLoader,
    load_catalogue,
    sample_catalogue_path,
)
from tests.factories import sample_catalogue

SAMPLE = sample_catalogue_path().read_text(encoding="utf-8")

MINIMAL = """\
business: {name: Corner Barber, timezone: Europe/London, phone: "+44 20 7946 0958"}
services:
  - {id: cut, name: Cut, duration_minutes: 20, staff: [kim]}
staff:
  - id: kim
    name: Kim Lee
    hours: {mon: ["09:00-12:00", "13:00-24:00"], sun: ["10:00-14:00"]}
    breaks: ["10:00-10:15"]
    overrides: {2026-12-31: ["09:00-12:00"], 2026-12-30: []}
closures:
  - {date: 2026-12-25}
special_hours:
  - {date: 2026-12-24, hours: ["09:00-13:00"]}
"""


def write(tmp_path: Path, text: str, name: str = "catalogue.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_bundled_sample_is_the_sample_business() -> None:
    assert load_catalogue(sample_catalogue_path()) == sample_catalogue()


def test_the_loader_class_and_the_function_agree(tmp_path: Path) -> None:
    path = write(tmp_path, SAMPLE)

    assert YamlCatalogueLoader(path).load() == load_catalogue(str(path)) == sample_catalogue()
    assert YamlCatalogueLoader(path).path == path


def test_optional_sections_take_the_domain_defaults_and_every_feature_loads(tmp_path: Path) -> None:
    catalogue = load_catalogue(write(tmp_path, MINIMAL))

    assert catalogue.policy == BookingPolicy()
    assert catalogue.business.phone == PhoneNumber("+442079460958")  # normalised to E.164
    assert str(catalogue.zone) == "Europe/London"
    service = catalogue.service("cut")
    assert (service.aliases, service.buffer_before, service.buffer_after) == ((), timedelta(0), timedelta(0))
    kim = catalogue.staff_member("kim")
    assert kim.calendar is None
    assert kim.hours.on(0) == (
        LocalSpan(time(9), time(10)),
        LocalSpan(time(10, 15), time(12)),
        LocalSpan(time(13), time(0)),  # 24:00 is midnight at the end of the day
    )
    assert kim.hours.on(1) == ()
    assert kim.spans_on(date(2026, 12, 30)) == ()  # an empty override is a day off
    assert kim.spans_on(date(2026, 12, 31)) == (LocalSpan(time(9), time(12)),)
    assert catalogue.closures[0].reason == ""
    assert catalogue.working_spans(kim, date(2026, 12, 25)) == ()
    assert catalogue.special_hours[0].spans == (LocalSpan(time(9), time(13)),)


def test_policy_fields_map_onto_the_booking_policy(tmp_path: Path) -> None:
    policy = (
        "policy: {slot_interval_minutes: 10, min_notice_minutes: 0, max_days_ahead: 7, hold_seconds: 90,"
        " offers_per_turn: 2, daily_cap_per_staff: 4, buffers_within_hours: false}\n"
    )

    catalogue = load_catalogue(write(tmp_path, policy + MINIMAL))

    assert catalogue.policy == BookingPolicy(
        slot_interval=timedelta(minutes=10),
        min_notice=timedelta(0),
        max_days_ahead=7,
        hold_ttl=timedelta(seconds=90),
        offers_per_turn=2,
        daily_cap_per_staff=4,
        buffers_within_hours=False,
    )


def test_reminders_default_to_a_day_before_outside_21_to_8(tmp_path: Path) -> None:
    assert load_catalogue(write(tmp_path, MINIMAL)).reminders == ReminderPolicy(
        before=(timedelta(hours=24),), quiet_hours=QuietHours(time(21), time(8))
    )


def test_the_reminders_block_maps_onto_the_reminder_policy(tmp_path: Path) -> None:
    block = 'reminders: {minutes_before: [2880, 120], quiet_hours: "12:30-14:00"}\n'
    none = "reminders: {minutes_before: [], quiet_hours: null}\n"

    assert load_catalogue(write(tmp_path, block + MINIMAL)).reminders == ReminderPolicy(
        before=(timedelta(days=2), timedelta(hours=2)), quiet_hours=QuietHours(time(12, 30), time(14))
    )
    assert load_catalogue(write(tmp_path, none + MINIMAL, "none.yaml")).reminders == ReminderPolicy(
        before=(), quiet_hours=None
    )


FACTS = """\
business:
  name: Corner Barber
  timezone: Europe/London
  phone: "+44 20 7946 0958"
  address: "2 Mill Lane, York YO1 7HU"
  directions: "Behind the market."
  parking: "Free on Mill Lane after six."
  payment: [cash, cards]
  insurance: {accepted: [NHS], declined: [Bupa]}
  urgent: {words: [bleeding, cut myself], say: "Putting you through now."}
  faq:
    - {ask: [beard, beard trim], answer: "Beard trims come with every cut."}
services:
  - {id: cut, name: Cut, price: "£20", description: "A scissor cut.", duration_minutes: 20, staff: [kim]}
staff:
  - {id: kim, name: Kim Lee, title: barber, hours: {mon: ["09:00-12:00"]}}
"""


def test_business_facts_load_as_plain_values(tmp_path: Path) -> None:
    catalogue = load_catalogue(write(tmp_path, FACTS))

    assert catalogue.business.facts == BusinessFacts(
        address="2 Mill Lane, York YO1 7HU",
        directions="Behind the market.",
        parking="Free on Mill Lane after six.",
        payment=("cash", "cards"),
        insurance=InsuranceSchemes(accepted=("NHS",), declined=("Bupa",)),
        urgent=UrgentCare(words=("bleeding", "cut myself"), say="Putting you through now."),
        faq=(FaqEntry(ask=("beard", "beard trim"), answer="Beard trims come with every cut."),),
    )
    cut = catalogue.service("cut")
    assert (cut.price, cut.description) == ("£20", "A scissor cut.")
    assert catalogue.staff_member("kim").title == "barber"


def test_without_facts_the_business_knows_none() -> None:
    catalogue = load_catalogue(sample_catalogue_path())

    assert catalogue.business.facts == BusinessFacts()
    assert all(s.price is None and s.description is None for s in catalogue.services)
    assert all(m.title is None for m in catalogue.staff)


@pytest.mark.parametrize(
    "name",
    [
        "dental_us",
        "physio_uk",
        "salon_la",
        "vet_au",
        "optician_ie",
        "chiro_ca",
        "groomer_nz",
        "barber_atx",
        "podiatry_gla",
        "derm_blr",
        "vet_bos",
        "salon_lag",
        "dental_phx",
        "physio_dub",
        "spa_sgp",
        "osteo_ldn",
        "nails_hou",
        "hair_mel",
        "pt_den",
        "dental_van",
        "beauty_dxb",
        "audio_cdf",
        "groom_mia",
        "massage_hnl",
        "vet_edi",
        "physio_mtl",
        "nails_nyc",
        "dental_akl",
        "barber_chi",
        "physio_ber",
        "dental_mnl",
        "vet_nbo",
        "salon_kul",
        "tyres_kgn",
        "optom_cpt",
    ],
)
def test_the_conversation_corpus_catalogues_load(name: str) -> None:
    path = Path(__file__).parents[1] / "conversations" / "catalogues" / f"{name}.yaml"

    catalogue = load_catalogue(path)

    assert catalogue.business.facts.address
    assert all(s.price and s.description for s in catalogue.services)


Edit = Callable[[str], str]


def replace(old: str, new: str) -> Edit:
    def edit(text: str) -> str:
        assert old in text, f"test case does not apply: {old!r} is not in the sample"
        return text.replace(old, new, 1)

    return edit


def whole(text: str) -> Edit:
    return lambda _: text


SAM_MONDAY = 'mon: ["09:00-17:00"]\n      tue'

BAD_FILES: list[tuple[str, Edit, str, str]] = [
    # (case, how to break the sample, field path, part of the problem)
    (
        "negative duration",
        replace("duration_minutes: 30", "duration_minutes: -5"),
        "services[0].duration_minutes",
        "greater than 0 (got -5)",
    ),
    (
        "duration as words",
        replace("duration_minutes: 30", "duration_minutes: thirty"),
        "services[0].duration_minutes",
        "valid integer (got 'thirty')",
    ),
    (
        "duration as bool",
        replace("duration_minutes: 45", "duration_minutes: true"),
        "services[1].duration_minutes",
        "valid integer",
    ),
    ("missing name", replace("    name: Haircut\n", ""), "services[0].name", "missing (required)"),
    ("missing business", replace("business:", "company:"), "business", "missing (required)"),
    (
        "unknown top-level field",
        replace("policy:", "rules: 1\npolicy:"),
        "rules",
        "unknown field (allowed here: business",
    ),
    (
        "unknown policy field",
        replace("  offers_per_turn: 3", "  offers_per_turn: 3\n  colour: red"),
        "policy.colour",
        "unknown field (allowed here: slot_interval_minutes",
    ),
    (
        "misspelt weekday",
        replace(SAM_MONDAY, 'mon: ["09:00-17:00"]\n      tues'),
        "staff[0].hours.tues",
        "allowed here: mon, tue, wed, thu, fri, sat, sun",
    ),
    (
        "unknown time zone",
        replace("America/New_York", "Mars/Olympus_Mons"),
        "business.timezone",
        "not a known IANA time zone",
    ),
    (
        "time zone in lower case",
        replace("America/New_York", "america/new_york"),
        "business.timezone",
        "not a known IANA time zone",
    ),
    ("time zone folder", replace("America/New_York", "America"), "business.timezone", "not a known IANA time zone"),
    (
        "span without minutes",
        replace(SAM_MONDAY, 'mon: ["9-17"]\n      tue'),
        "staff[0].hours.mon[0]",
        'expected a time span like "09:00-12:00"',
    ),
    (
        "span backwards",
        replace(SAM_MONDAY, 'mon: ["17:00-09:00"]\n      tue'),
        "staff[0].hours.mon[0]",
        "ends before it starts",
    ),
    (
        "span hour 25",
        replace(SAM_MONDAY, 'mon: ["09:00-25:00"]\n      tue'),
        "staff[0].hours.mon[0]",
        "not a time of day",
    ),
    (
        "span ending 00:00",
        replace(SAM_MONDAY, 'mon: ["20:00-00:00"]\n      tue'),
        "staff[0].hours.mon[0]",
        "write 24:00 for midnight",
    ),
    (
        "span as a number",
        replace('breaks: ["12:00-13:00"]', "breaks: [1200]"),
        "staff[0].breaks[0]",
        "expected a quoted time span",
    ),
    (
        "overlapping spans",
        replace(SAM_MONDAY, 'mon: ["09:00-12:00", "11:00-17:00"]\n      tue'),
        "staff[0].hours.mon",
        "09:00-12:00 overlaps 11:00-17:00",
    ),
    (
        "overlapping special hours",
        replace('hours: ["09:00-13:00"]', 'hours: ["09:00-13:00", "12:00-14:00"]'),
        "special_hours[0].hours",
        "overlaps",
    ),
    (
        "override key not a date",
        replace('breaks: ["12:00-13:00"]', 'breaks: ["12:00-13:00"]\n    overrides: {xmas: []}'),
        "staff[0].overrides.xmas",
        "valid date",
    ),
    (
        "phone without country code",
        replace('"+12125550100"', '"212 555 0100"'),
        "business.phone",
        "with its country code",
    ),
    ("phone too short", replace('"+12125550100"', '"+1212555010"'), "business.phone", "not a valid phone number"),
    ("phone unquoted", replace('"+12125550100"', "+12125550100"), "business.phone", "quoted phone number"),
    (
        "service naming unknown staff",
        replace("staff: [sam, alex]", "staff: [sam, bob]"),
        "services[0].staff[1]",
        "unknown staff member 'bob' (staff ids: sam, alex, jordan)",
    ),
    ("service without staff", replace("staff: [sam, alex]", "staff: []"), "services[0].staff", "at least 1 item"),
    ("duplicate staff id", replace("id: alex", "id: sam"), "staff[1].id", "duplicate id 'sam' (also staff[0].id)"),
    ("duplicate service id", replace("id: massage", "id: haircut"), "services[2].id", "duplicate id 'haircut'"),
    ("id with a space", replace("id: massage", "id: back rub"), "services[2].id", "without spaces"),
    (
        "alias of another service",
        replace("[consult, check up", "[Trim, check up"),
        "services[1].aliases[0]",
        "'Trim' already names service 'haircut'",
    ),
    ("blank business name", replace("name: Maple Street Clinic", 'name: "  "'), "business.name", "cannot be blank"),
    (
        "slot interval not dividing a day",
        replace("slot_interval_minutes: 15", "slot_interval_minutes: 7"),
        "policy.slot_interval_minutes",
        "divide a day (5, 10, 15",
    ),
    (
        "negative notice",
        replace("min_notice_minutes: 60", "min_notice_minutes: -1"),
        "policy.min_notice_minutes",
        "greater than or equal to 0",
    ),
    (
        "zero daily cap",
        replace("daily_cap_per_staff: null", "daily_cap_per_staff: 0"),
        "policy.daily_cap_per_staff",
        "greater than 0",
    ),
    (
        "buffers flag as number",
        replace("buffers_within_hours: true", "buffers_within_hours: 3"),
        "policy.buffers_within_hours",
        "valid boolean",
    ),
    (
        "two special hours on one day",
        replace("Christmas Eve}", "Christmas Eve}\n  - {date: 2026-12-24, hours: []}"),
        "special_hours[1].date",
        "2026-12-24 already has special hours at special_hours[0]",
    ),
    (
        "closure without a date",
        replace("{date: 2026-12-25, reason: Christmas Day}", "{reason: Christmas Day}"),
        "closures[0].date",
        "missing (required)",
    ),
    ("no services", replace("services:\n", "services: []\nold_services:\n"), "services", "at least 1 item"),
    ("YAML syntax error", whole("business:\n  name: x\n  phone: : :\n"), "line 3, column 10", "YAML: mapping values"),
    ("unclosed bracket", whole("business: {name: x\n"), "line 2, column 1", "YAML: expected ',' or '}'"),
    (
        "key given twice",
        whole("staff:\n  - id: kim\n    hours:\n      mon: []\n      mon: []\n"),
        "line 5, column 7",
        "the key 'mon' appears twice",
    ),
    (
        "impossible date",
        whole("closures:\n  - date: 2026-02-30\n"),
        "line 2, column 11",
        "2026-02-30 is not a real date",
    ),
    (
        "unknown business fact",
        replace('  phone: "+12125550100"', '  phone: "+12125550100"\n  opening_hours: all day'),
        "business.opening_hours",
        "unknown field (allowed here: name, timezone, phone, address",
    ),
    (
        "blank address",
        replace('  phone: "+12125550100"', '  phone: "+12125550100"\n  address: " "'),
        "business.address",
        "cannot be blank",
    ),
    (
        "payment not a list",
        replace('  phone: "+12125550100"', '  phone: "+12125550100"\n  payment: 3'),
        "business.payment",
        "valid list",
    ),
    (
        "unknown insurance field",
        replace('  phone: "+12125550100"', '  phone: "+12125550100"\n  insurance: {taken: [Aetna]}'),
        "business.insurance.taken",
        "unknown field (allowed here: accepted, declined)",
    ),
    (
        "scheme accepted and declined",
        replace(
            '  phone: "+12125550100"', '  phone: "+12125550100"\n  insurance: {accepted: [Aetna], declined: [aetna]}'
        ),
        "business.insurance.declined[0]",
        "'aetna' is also in business.insurance.accepted",
    ),
    (
        "urgent without words",
        replace('  phone: "+12125550100"', '  phone: "+12125550100"\n  urgent: {words: [], say: "Hold on."}'),
        "business.urgent.words",
        "at least 1 item",
    ),
    (
        "urgent without a sentence",
        replace('  phone: "+12125550100"', '  phone: "+12125550100"\n  urgent: {words: [bleeding]}'),
        "business.urgent.say",
        "missing (required)",
    ),
    (
        "question without an answer",
        replace('  phone: "+12125550100"', '  phone: "+12125550100"\n  faq: [{ask: [parking]}]'),
        "business.faq[0].answer",
        "missing (required)",
    ),
    (
        "two answers to one question",
        replace(
            '  phone: "+12125550100"',
            '  phone: "+12125550100"\n  faq: [{ask: [Wifi], answer: "Yes."}, {ask: [wifi], answer: "No."}]',
        ),
        "business.faq[1].ask[0]",
        "'wifi' already asks business.faq[0]",
    ),
    (
        "price as a number",
        replace("duration_minutes: 30", "price: 45\n    duration_minutes: 30"),
        "services[0].price",
        "valid string",
    ),
    (
        "blank title",
        replace("name: Sam Rivera", 'name: Sam Rivera\n    title: ""'),
        "staff[0].title",
        "cannot be blank",
    ),
    (
        "reminder at zero minutes",
        replace("minutes_before: [1440]", "minutes_before: [0]"),
        "reminders.minutes_before[0]",
        "greater than 0",
    ),
    (
        "quiet hours as a number",
        replace('quiet_hours: "21:00-08:00"', "quiet_hours: 21"),
        "reminders.quiet_hours",
        "quiet hours like",
    ),
    ("empty quiet hours", replace('"21:00-08:00"', '"08:00-08:00"'), "reminders.quiet_hours", "are empty"),
    (
        "quiet hours past midnight",
        replace('"21:00-08:00"', '"21:00-24:00"'),
        "reminders.quiet_hours",
        "not a time of day",
    ),
    (
        "unknown reminder field",
        replace("minutes_before: [1440]", "hours_before: [24]"),
        "reminders.hours_before",
        "allowed here: minutes_before, quiet_hours",
    ),
    ("empty file", whole(""), "", "the file is empty"),
    ("a list, not a mapping", whole("- haircut\n- massage\n"), "", "expected a mapping of sections"),
]


@pytest.mark.parametrize(("edit", "field", "problem"), [c[1:] for c in BAD_FILES], ids=[c[0] for c in BAD_FILES])
def test_a_bad_file_gives_one_line_naming_file_field_and_problem(
    tmp_path: Path, edit: Edit, field: str, problem: str
) -> None:
    path = write(tmp_path, edit(SAMPLE))

    with pytest.raises(CatalogueFileInvalid) as caught:
        load_catalogue(path)

    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{path}: {field}: " if field else f"{path}: ")
    assert problem in message
    assert caught.value.path == path
    assert caught.value.field == field


def test_several_problems_are_counted_on_the_same_line(tmp_path: Path) -> None:
    text = SAMPLE.replace("duration_minutes: 30", "duration_minutes: 0").replace("duration_minutes: 45", "x: 1")

    with pytest.raises(CatalogueFileInvalid, match=r"services\[0\]\.duration_minutes: .* \(and 2 more problems\)$"):
        load_catalogue(write(tmp_path, text))


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "nope.yaml"

    with pytest.raises(CatalogueFileInvalid) as caught:
        load_catalogue(path)

    assert str(caught.value) == f"{path}: no such file"


def test_a_directory_is_not_a_catalogue(tmp_path: Path) -> None:
    with pytest.raises(CatalogueFileInvalid, match="cannot read it"):
        load_catalogue(tmp_path)


def test_a_file_that_is_not_text_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "catalogue.yaml"
    path.write_bytes(b"\xff\xfe\x00binary")

    with pytest.raises(CatalogueFileInvalid, match="not UTF-8 text"):
        load_catalogue(path)


def test_the_error_belongs_to_slotline_errors() -> None:
    error = CatalogueFileInvalid(Path("x.yaml"), "business.name", "cannot\n  be blank")

    assert isinstance(error, SlotlineError)
    assert str(error) == "x.yaml: business.name: cannot be blank"

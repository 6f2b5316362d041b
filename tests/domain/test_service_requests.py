"""Following up a service request: 30 calendar days, then secondary, then tertiary, then an agent."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from ivr.domain.service_requests import ServiceRequest, answer_due, follow_up, next_level

EASTERN = "America/New_York"


def request(level: str, created: str, answered: str | None = None, id_: int = 1) -> ServiceRequest:
    """A request of `level` created at an ISO instant."""
    return ServiceRequest(id_, f"SR{id_:08d}", "expedite", "EAC2190012345", level, id_ - 1 or None,
                          datetime.fromisoformat(created), datetime.fromisoformat(answered) if answered else None,
                          "vsc")


def at(text: str) -> datetime:
    """An instant."""
    return datetime.fromisoformat(text)


@pytest.mark.parametrize(("created", "now", "outcome"), [
    ("2026-10-31T14:00:00+00:00", "2026-11-29T23:59:00-05:00", "due"),       # day 29 in Eastern time
    ("2026-10-31T14:00:00+00:00", "2026-11-30T00:01:00-05:00", "escalate"),  # day 30 starts at midnight
    # Made late on October 31 Eastern (already November 1 in UTC): days count on the Eastern calendar.
    ("2026-11-01T03:30:00+00:00", "2026-11-30T08:00:00-05:00", "escalate"),
    ("2026-11-01T05:30:00+00:00", "2026-11-30T08:00:00-05:00", "due"),       # 00:30 on November 1 Eastern
    ("2026-11-16T15:00:00+00:00", "2026-11-30T10:00:00-05:00", "due"),
    ("2026-08-01T15:00:00+00:00", "2026-11-30T10:00:00-05:00", "escalate"),
])
def test_thirty_calendar_days(created, now, outcome):
    assert follow_up([request("primary", created)], at(now), EASTERN).outcome == outcome


def test_a_recent_request_says_when_its_answer_is_due():
    decision = follow_up([request("primary", "2026-11-16T15:00:00+00:00")], at("2026-11-30T10:00:00-05:00"), EASTERN)
    assert (decision.outcome, decision.due) == ("due", date(2026, 12, 16))


@pytest.mark.parametrize(("levels", "outcome", "level"), [
    (["primary"], "escalate", "secondary"),
    (["primary", "secondary"], "escalate", "tertiary"),
    (["primary", "secondary", "tertiary"], "exhausted", None),
])
def test_each_follow_up_goes_one_level_up_until_the_tertiary(levels, outcome, level):
    chain = [request(name, f"2026-0{6 + i}-01T15:00:00+00:00", id_=i + 1) for i, name in enumerate(levels)]
    decision = follow_up(chain, at("2026-11-30T10:00:00-05:00"), EASTERN)
    assert (decision.outcome, decision.level, decision.request) == (outcome, level, chain[-1])


def test_a_secondary_request_under_30_days_old_is_not_followed_up_yet():
    chain = [request("primary", "2026-09-01T15:00:00+00:00", id_=1),
             request("secondary", "2026-11-20T15:00:00+00:00", id_=2)]
    decision = follow_up(chain, at("2026-11-30T10:00:00-05:00"), EASTERN)
    assert (decision.outcome, decision.due, decision.request.level) == ("due", date(2026, 12, 20), "secondary")


def test_an_answer_anywhere_in_the_chain_ends_the_follow_ups():
    chain = [request("primary", "2026-09-01T15:00:00+00:00", answered="2026-10-20T18:00:00+00:00", id_=1),
             request("secondary", "2026-10-02T15:00:00+00:00", id_=2)]
    decision = follow_up(chain, at("2026-11-30T10:00:00-05:00"), EASTERN)
    assert (decision.outcome, decision.request.level) == ("answered", "primary")


def test_the_due_day_is_the_30th_calendar_day_in_the_zone():
    made = request("primary", "2026-10-02T02:00:00+00:00")  # October 1, 10 p.m. Eastern
    assert answer_due(made, EASTERN) == date(2026, 10, 31)
    assert answer_due(made, "UTC") == date(2026, 11, 1)


@pytest.mark.parametrize(("level", "following"), [("primary", "secondary"), ("secondary", "tertiary"),
                                                  ("tertiary", None)])
def test_next_level(level, following):
    assert next_level(level) == following


def test_instants_are_compared_as_instants():
    assert follow_up([request("primary", "2026-10-01T00:00:00+00:00")], datetime(2026, 11, 30, tzinfo=UTC),
                     EASTERN).outcome == "escalate"

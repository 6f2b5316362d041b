"""Texts: which caller numbers may get one, Twilio's keywords, and the links file."""

from __future__ import annotations

import tomllib

import pytest

from ivr.config import ROOT
from ivr.domain.answers import ANSWERS
from ivr.domain.contact_center import LANGUAGES
from ivr.domain.texting import OPTED_IN, OPTED_OUT, LinksError, keyword_change, number_key, parse_links, textable_number


@pytest.mark.parametrize(("caller", "expected"), [
    ("+12025550143", "+12025550143"),
    ("+17875550100", "+17875550100"),  # Puerto Rico
    (" +13105550100 ", "+13105550100"),
    ("", None), ("anonymous", None), ("Anonymous", None), ("restricted", None), ("+266696687", None),
    ("sip:alice@pbx.example.gov", None), ("client:alice", None),
    ("2025550143", None),  # not E.164
    ("+1202555014", None),  # too short
    ("+18005550100", None),  # toll-free: no mobile phone
    ("+19005550100", None),  # premium
    ("+442071838750", None),  # outside the US and the territories
])
def test_only_a_us_number_that_can_be_a_mobile_phone_may_be_texted(caller, expected):
    assert textable_number(caller) == expected


@pytest.mark.parametrize(("body", "told", "expected"), [
    ("STOP", "", OPTED_OUT), ("stop", "", OPTED_OUT), (" Stop. ", "", OPTED_OUT), ("unsubscribe", "", OPTED_OUT),
    ("CANCEL", "", OPTED_OUT), ("end", "", OPTED_OUT), ("Quit", "", OPTED_OUT), ("stopall", "", OPTED_OUT),
    ("START", "", OPTED_IN), ("unstop", "", OPTED_IN), ("Yes", "", OPTED_IN),
    ("HELP", "", None), ("please stop calling me about my case", "", None), ("", "", None),
    ("alto", "STOP", OPTED_OUT),  # Twilio's Advanced Opt-Out says which, in any language it was set up for
    ("comenzar", "START", OPTED_IN),
])
def test_twilios_keywords_stop_and_restart_texts(body, told, expected):
    assert keyword_change(body, told) == expected


@pytest.mark.parametrize(("number", "key"), [("+12025550143", "+12025550143"), ("(202) 555-0143", "+12025550143"),
                                              ("client:alice", "client:alice")])
def test_opt_outs_are_kept_by_the_number_in_e164(number, key):
    assert number_key(number) == key


def test_the_shipped_links_give_every_answer_a_page_in_each_language():
    links = parse_links(tomllib.loads((ROOT / "call_flows" / "links.toml").read_text()))
    for answer in ANSWERS:
        for lang in LANGUAGES:
            page = links.page(answer, lang)
            assert page is not None and page.url.startswith("https://") and page.address
            assert page.url in links.message(lang, page.url)
    assert links.page("g28", "es").url != links.page("g28", "en").url


@pytest.mark.parametrize(("data", "problem"), [
    ({"message": {"en": "no link here", "es": "{link}"}}, "message: the text in 'en' must hold {link}"),
    ({"message": {"en": "{link}"}}, "message: the text in 'es' must hold {link}"),
    ({"message": {"en": "{link}", "es": "{link}"}, "pages": {"g28": {"url": {"en": "https://a"}}}},
     "pages.g28: a url and an address in each of en, es"),
    ({"message": {"en": "{link}", "es": "{link}"},
      "pages": {"g28": {"url": {"en": "http://a", "es": "https://b"}, "address": {"en": "a", "es": "b"}}}},
     "pages.g28: the en url must start with https://"),
])
def test_a_links_file_the_line_cannot_use_is_refused_saying_why(data, problem):
    with pytest.raises(LinksError, match=problem.replace("{", r"\{").replace("}", r"\}")):
        parse_links(data)

"""Framing mentions into claims: subjects, scopes, kinds, statuses and evidence."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from checker.extract.frames import extract_claims
from checker.models import Source
from checker.ruleset import load_lexicon
from checker.sources import Document, load_paths

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
LEX = load_lexicon()


def doc(text: str, published: dt.date | None = dt.date(2025, 7, 2), sid: str = "a.md") -> Document:
    return Document(source=Source(id=sid, path=sid, published=published, sha256="0" * 64), text=text, regions=((0, len(text)),))


def counts(text: str, **kw) -> list[tuple]:
    return [(c.kind, c.subject, c.attribute, c.scope, c.value.low, c.value.high, c.ordinal, c.status.value, c.evidence.quote)
            for c in extract_claims(doc(text, **kw), LEX) if c.kind in ("count", "increment")]


def test_ordinal_count_with_place_and_status():
    assert counts("Alibaba Cloud has launched its third data center in Malaysia.") == [
        ("count", "alibaba-cloud", "data_centers", "MY", 3.0, 3.0, 3, "operational", "third data center in Malaysia"),
    ]


def test_counts_with_global_scope():
    assert counts("Alibaba Cloud's global infrastructure now spans 92 availability zones across 29 regions, the company said.") == [
        ("count", "alibaba-cloud", "availability_zones", "global", 92.0, 92.0, None, "operational", "92 availability zones"),
        ("count", "alibaba-cloud", "regions", "global", 29.0, 29.0, None, "operational", "29 regions"),
    ]


def test_new_units_are_increments_not_stocks():
    assert counts("AWS opened two new data centres in Johor, Malaysia.")[0][:6] == ("increment", "aws", "data_centers", "MY-01", 2.0, 2.0)


def test_anaphora_resolves_to_last_subject():
    text = "Microsoft expanded in Spain. The company now runs five data centers in Spain."
    assert counts(text) == [("count", "microsoft", "data_centers", "ES", 5.0, 5.0, None, "operational", "five data centers in Spain")]


def test_elided_ordinal_reuses_the_noun_and_its_own_status():
    text = "The third data center in Malaysia, already operational as of July 1, and a second in the Philippines, scheduled for October, add capacity."
    got = counts(text)
    assert [(g[3], g[4], g[7], g[8]) for g in got] == [("MY", 3.0, "operational", "third data center in Malaysia"), ("PH", 2.0, "planned", "second in the Philippines")]


def test_list_of_places_gives_one_claim_each_and_plural_first_is_open():
    got = counts("Google plans to launch its first data centers in Brazil, France and the Netherlands.")
    assert [(g[3], g[4], g[5], g[7]) for g in got] == [("BR", 1.0, None, "planned"), ("FR", 1.0, None, "planned"), ("NL", 1.0, None, "planned")]


def test_parent_after_city_is_not_a_second_place():
    got = counts("Alibaba Cloud launched its second data center in Dubai, the United Arab Emirates.")
    assert [(g[3], g[8]) for g in got] == [("city:AE:dubai", "second data center in Dubai")]


def test_demonym_scopes_an_ordinal():
    got = counts("Alibaba Cloud launched its second Malaysian cloud region in Johor.")
    assert [(g[2], g[3], g[4]) for g in got] == [("regions", "MY", 2.0)]


def test_generic_region_needs_a_figure():
    assert counts("Alibaba Cloud said the region's demand is growing.") == []


def test_evidence_offsets_index_the_file_text():
    text = "---\ntitle: Alibaba Cloud opens third data center in Malaysia\n---\nBody."
    d = Document(source=Source(id="a.md", path="a.md", published=dt.date(2025, 7, 2), sha256="0" * 64), text=text, regions=((11, 60), (64, len(text))))
    (c, _event) = extract_claims(d, LEX)
    assert (c.evidence.start, c.evidence.end, c.evidence.quote, c.evidence.line, c.evidence.column) == (31, 60, "third data center in Malaysia", 2, 28)
    assert text[c.evidence.start:c.evidence.end] == c.evidence.quote


def test_seed_count_claims():
    lexicon = load_lexicon()
    got = []
    for d in load_paths([SEEDS]).documents:
        for c in extract_claims(d, lexicon):
            if c.kind == "count" and c.attribute in ("data_centers", "regions", "availability_zones"):
                got.append((d.source.id[:3], c.attribute, c.scope, c.value.show(), c.status.value, c.as_of.show()))
    assert got == [
        ("000", "data_centers", "MY", "3", "operational", "2025-07-01"),  # "already operational as of July 1"
        ("000", "data_centers", "PH", "2", "planned", "2025-10-01..2025-10-31"),  # "scheduled for October"
        ("001", "data_centers", "MY", "3", "operational", "2025-07-02"),
        ("002", "data_centers", "city:AE:dubai", "2", "operational", "2025-10-28"),
        ("002", "data_centers", "city:AE:dubai", "1", "unknown", "2016-01-01..2016-12-31"),  # "in 2016 with its first data center in Dubai"
        ("002", "availability_zones", "global", "92", "operational", "2025-10-28"),
        ("002", "regions", "global", "29", "operational", "2025-10-28"),
        ("002", "data_centers", "BR", ">=1", "planned", "2025-10-29..2026-10-28"),  # "in the coming year"
        ("002", "data_centers", "FR", ">=1", "planned", "2025-10-29..2026-10-28"),
        ("002", "data_centers", "NL", ">=1", "planned", "2025-10-29..2026-10-28"),
        ("002", "data_centers", "city:AE:dubai", "2", "operational", "2025-10-28"),
        ("003", "regions", "MY", "2", "operational", "unknown"),
        ("003", "data_centers", "southeast-asia", "5", "operational", "unknown"),
    ]


@pytest.mark.parametrize("text", ["", "   ", "\u0000\ufffd", "3", "third", "Alibaba"])
def test_degenerate_text_gives_no_claims(text):
    assert extract_claims(doc(text), LEX) == []


def test_the_country_refers_back_to_the_last_place():
    text = "Oracle is expanding in Japan. It now operates four data centers in the country."
    assert [(g[1], g[3], g[4], g[8]) for g in counts(text)] == [("oracle", "JP", 4.0, "four data centers in the country")]


def test_toll_phrasings_head_agent_verb_and_confirmed_dead():
    text = ("An earthquake struck central Myanmar on Friday, killing at least 144 people. "
            "By Saturday the death toll from the quake in Myanmar had risen to 1,002, the government said. "
            "Another 2,376 people were injured. The toll passed 1,000 in Mandalay city. Officials said 1,644 people had been confirmed dead.")
    got = [(a, s, lo, hi, q) for _, _, a, s, lo, hi, _, _, q in counts(text, published=dt.date(2025, 3, 29))]
    assert got == [
        ("deaths", "MM", 144.0, None, "at least 144"),
        ("deaths", "MM", 1002.0, 1002.0, "1,002"),
        ("injuries", "MM", 2376.0, 2376.0, "2,376 people were injured"),  # no place: the story's country
        ("deaths", "MM-04", 1000.0, None, "1,000 in Mandalay"),  # "passed 1,000" is a lower bound; Mandalay region first
        ("deaths", "MM", 1644.0, 1644.0, "1,644 people had been confirmed dead"),
    ]


def test_a_part_of_a_toll_counts_only_where_its_clause_names_a_place():
    text = ("The death toll across Turkey and Syria stood at 15,383 on Thursday. Syria accounted for 2,162 of the dead, "
            "officials said. About 1,000 of the dead were children.")
    got = [(a, s, lo, q) for _, _, a, s, lo, _, _, _, q in counts(text, published=dt.date(2023, 2, 9))]
    assert got == [("deaths", "global", 15383.0, "15,383"), ("deaths", "SY", 2162.0, "2,162 of the dead")]


def test_a_donor_country_is_not_the_scope_of_its_pledge():
    text = "The earthquake in Myanmar has left thousands homeless. Australia pledged AU$2 million in emergency funding."
    [c] = [c for c in extract_claims(doc(text), LEX) if c.kind == "money"]
    assert (c.scope, c.value.text) == ("MM", "AU$2 million")


def test_a_place_named_region_opens_and_a_past_month_is_not_next_year():
    text = ("Amazon Web Services' Thailand region went live on Wednesday. "
            "Since the Asia Pacific (Thailand) region went live in February, banks have moved fast.")
    got = [(c.attribute, c.scope, c.event, str(c.as_of.start), str(c.as_of.end)) for c in extract_claims(doc(text, published=dt.date(2025, 9, 16)), LEX) if c.kind == "event"]
    assert got == [("regions", "TH", "opening", "2025-09-10", "2025-09-10"), ("regions", "TH", "opening", "2025-02-01", "2025-02-28")]


def test_zones_of_one_region_are_the_story_country_s_and_a_provider_total_is_global():
    text = ("Amazon Web Services opened its cloud region in Thailand on Wednesday, its first in the country. "
            "The region's three availability zones are linked by fibre. AWS now runs 114 availability zones. "
            "Each region has at least three availability zones.")
    zones = [(c.scope, c.value.low, c.evidence.quote) for c in extract_claims(doc(text), LEX) if c.attribute == "availability_zones"]
    # "each region": no one place, so no scope (checks leave scope-less claims out)
    assert zones == [("TH", 3.0, "three availability zones"), ("global", 114.0, "114 availability zones"), (None, 3.0, "at least three availability zones")]


def test_jobs_with_no_place_are_the_story_country_s():
    text = "Google will invest US$2 billion in Malaysia. The company expects the project to support 26,500 jobs by 2030."
    jobs = [(c.scope, c.value.low, c.status.value, c.as_of.end) for c in extract_claims(doc(text, published=dt.date(2024, 5, 31)), LEX) if c.attribute == "jobs"]
    assert jobs == [("MY", 26500.0, "planned", dt.date(2030, 12, 31))]


def test_a_planned_flow_of_new_jobs_keeps_the_span_it_is_spread_over():
    text = ("Microsoft will build a cloud region in Indonesia. The region could generate about 60,000 new jobs in Indonesia "
            "during its first four years of operation. Nexus Data's planned campus will add 300 new jobs within two years.")
    jobs = [(c.kind, c.subject, c.value.low, c.status.value, c.period.text if c.period else None, c.period.end if c.period else None)
            for c in extract_claims(doc(text, published=dt.date(2021, 2, 25)), LEX) if c.attribute == "jobs"]
    assert jobs == [("increment", "microsoft", 54000.0, "planned", "during its first four years", dt.date(2025, 2, 25)),
                    ("increment", "org:nexus-data", 300.0, "planned", "within two years", dt.date(2023, 2, 25))]


def claims_of(text: str, **kw) -> list:
    return extract_claims(doc(text, **kw), LEX)


def test_news_phrasings_of_an_opening_region_and_its_zones():
    # a hyphenated modifier before the unit; "launched with two" is the region's stock, not two new zones
    text = ("Microsoft's long-promised Indonesian cloud region finally went live on Tuesday. "
            "The region launched with two availability zones in the Jakarta area.")
    got = [(c.kind, c.attribute, c.scope, c.event, c.status.value, c.value.low) for c in claims_of(text, published=dt.date(2025, 5, 28))]
    assert got == [("event", "regions", "ID", "opening", "operational", None), ("count", "availability_zones", "ID", None, "operational", 2.0)]


def test_where_something_was_announced_is_not_its_scope_and_a_retold_plan_is_no_status():
    text = "The region is part of a US$1.7 billion (about Rp 21 trillion) commitment that Microsoft announced in Jakarta in April 2024."
    # no place left in the sentence (an article's earlier places would give its country)
    money = [(c.scope, c.unit, c.equivalent_of is not None) for c in claims_of(text) if c.kind == "money"]
    assert money == [("global", "USD", False), ("global", "IDR", True)]
    retold = "Microsoft opened its region on Tuesday, four years after it first announced plans for a datacenter in Indonesia."
    assert [(c.attribute, c.status.value) for c in claims_of(retold) if c.attribute == "data_centers"] == [("data_centers", "unknown")]


def test_a_toll_for_two_countries_is_global_and_a_part_of_one_has_no_scope():
    text = ("Two earthquakes struck Turkey and Syria on Monday. The quakes killed 2,379 people in Turkey, and the toll in Syria stood at 1,444, "
            "killing at least 3,823 people across the two countries. Rescuers reported 733 dead in the opposition-held northwest. "
            "The combined toll stood at 3,823.")
    got = [(c.scope, c.value.low) for c in claims_of(text, published=dt.date(2023, 2, 6)) if c.attribute == "deaths"]
    assert got == [("TR", 2379.0), ("SY", 1444.0), ("global", 3823.0), (None, 733.0), (None, 3823.0)]


def test_a_sub_area_that_there_points_back_to_has_no_scope_but_a_fronted_country_keeps_its_own():
    text = ("In Syria, rescue workers in the northwest and the ministry have together reported 3,574 deaths. "
            "The ministry reported 812 dead in government areas, while rescuers in the northwest said 1,120 people had been killed there.")
    got = [(c.scope, c.value.low) for c in claims_of(text, published=dt.date(2023, 2, 20)) if c.attribute == "deaths"]
    assert got == [("SY", 3574.0), (None, 812.0), (None, 1120.0)]


def test_an_amount_s_agent_named_after_it():
    text = "Indonesia Central is the first fruit of the US$1.7 billion Microsoft committed to the country, officials said."
    money = [(c.subject, c.unit, c.value.low) for c in claims_of(text) if c.kind == "money"]
    assert money == [("microsoft", "USD", 1.65e9)]
    assert [c.subject for c in claims_of("The US$1.7 billion budget was approved by parliament.") if c.kind == "money"] == [None]


def test_the_us_dollar_sign_after_the_is_money_not_a_place():
    text = "Microsoft will invest in Indonesia. The region is the first fruit of the US$1.7 billion Microsoft pledged in April last year."
    money = [(c.scope, c.subject, c.as_of.start) for c in claims_of(text, published=dt.date(2025, 5, 27)) if c.kind == "money"]
    assert money == [("ID", "microsoft", dt.date(2024, 4, 1))]


def test_ranks_among_recent_launches_and_phases_are_no_unit_ranks():
    text = ("AWS opened its Mexico (Central) region on Tuesday, the second new region it has brought online in a week. "
            "Analysts expect AWS to phase construction so that the first zones come online on existing capacity. "
            "Google plans to launch its first data centers in Brazil.")
    assert [(c.ordinal, c.scope, c.evidence.quote) for c in claims_of(text) if c.ordinal is not None and c.kind == "count"] == [
        (1, "BR", "first data centers in Brazil")]


def test_an_opening_in_a_future_time_clause_is_planned_and_its_zones_are_the_country_s():
    text = ("When AWS Mexico (Central) opens in Querétaro, expected early next year, Mexican banks will be able to run workloads "
            "across three availability zones without sending data to Virginia or Ohio.")
    [zones] = [c for c in claims_of(text, published=dt.date(2024, 10, 9)) if c.attribute == "availability_zones"]
    assert (zones.scope, zones.status.value, zones.as_of.start, zones.as_of.end) == ("MX", "planned", dt.date(2025, 1, 1), dt.date(2025, 4, 30))


def test_a_toll_revised_down_carries_a_revision_event_and_an_event_s_date_is_not_the_toll_s():
    text = ("The United Nations on Monday revised its death toll from last week's floods in Libya sharply downwards, "
            "saying 3,958 people had been confirmed dead across the country.")
    got = [(c.kind, c.event, c.scope, c.value.low, c.as_of.start) for c in claims_of(text, published=dt.date(2023, 9, 18)) if c.attribute == "deaths"]
    assert got == [("count", None, "LY", 3958.0, dt.date(2023, 9, 18)), ("event", "revision", "LY", 3958.0, dt.date(2023, 9, 18))]


def test_a_unit_told_with_a_pronoun_or_the_definite_noun_is_the_one_named_just_before():
    text = ("When Amazon Web Services switched on its Mexico (Central) region, the pitch was simple. "
            "Since it went live in March 2025, the region has drawn banks and retailers. "
            "Founded in 2006, it launched in Malaysia in 2015.")
    got = [(c.kind, c.attribute, c.scope, c.event, c.status.value, c.as_of.start, c.evidence.quote) for c in claims_of(text, published=dt.date(2026, 2, 10))]
    assert got == [
        ("event", "regions", "MX", "opening", "operational", None, "region"),
        ("event", "regions", "MX", "opening", "operational", dt.date(2025, 3, 1), "it"),
    ]  # the third sentence names another country, so its "it" is not the region


def test_a_pronoun_three_sentences_on_or_before_another_verb_is_no_unit():
    text = ("Google opened its Jakarta data centre in June. Demand was strong. Banks moved first. It opened in 2019. "
            "Google opened its Jakarta data centre in June. It opened an office in Bali.")
    assert [c.evidence.quote for c in claims_of(text, published=dt.date(2025, 8, 1))] == ["data centre", "data centre"]


def test_a_rank_told_of_a_named_unit_is_the_company_s_own():
    got = [(c.kind, c.scope, c.ordinal) for c in claims_of("Mexico (Central) goes live as AWS's 37th region.", published=dt.date(2025, 1, 15))]
    assert got == [("count", "global", 37), ("event", "global", 37)]


def test_a_pledge_to_build_is_planned():
    [count, event] = claims_of("Microsoft's pledge in May to build its first regional data centre in Thailand was welcomed.", published=dt.date(2024, 10, 14))
    assert (count.status.value, event.status.value, event.scope, event.ordinal) == ("planned", "planned", "TH", 1)


def test_a_toll_s_hour_of_the_day_and_the_headline_that_repeats_it():
    text = ("Derna toll passes 5,300\n\nMore than 5,300 people have died in Derna, an official said on Tuesday evening. "
            "In Al-Bayda, 50 people had died, the mayor said on Tuesday, after houses flooded on Sunday evening.")
    got = [(c.value.low, c.as_of.start, c.as_of.part_of_day) for c in claims_of(text, published=dt.date(2023, 9, 12)) if c.attribute == "deaths"]
    assert got == [(5300.0, dt.date(2023, 9, 12), "evening"), (5300.0, dt.date(2023, 9, 12), "evening"), (50.0, dt.date(2023, 9, 12), None)]


def test_money_that_an_economy_gains_is_no_investment_and_money_spent_since_a_year_is_dated_from_it():
    text = ("AWS estimated the spending would add about $10 billion to Mexico's gross domestic product. "
            "Since entering Mexico in 2015, Amazon has put $3.04 billion into the country. "
            "Microsoft has increased its planned investment in Malaysia to US$12 billion.")
    got = [(c.kind, c.event, c.value.text, c.period.text if c.period else None) for c in claims_of(text, published=dt.date(2024, 2, 26)) if c.attribute == "investment"]
    assert got == [("money", None, "$3.04 billion", "Since entering Mexico in 2015"), ("money", None, "US$12 billion", None),
                   ("event", "revision", "US$12 billion", None)]


def test_a_date_in_a_trailing_participle_clause_is_not_the_figure_s():
    text = ("Oracle plans to invest more than US$6.5 billion to build a public cloud region in Malaysia, the group said on Wednesday, "
            "joining companies that have committed billions to the country this year.")
    [event] = [c for c in claims_of(text, published=dt.date(2024, 10, 2)) if c.kind == "event"]
    assert (event.status.value, event.as_of.start, event.as_of.text) == ("planned", dt.date(2024, 10, 2), "no date given")


def test_zones_of_the_region_named_just_before_and_figures_that_count_their_own_compound():
    text = ("AWS switched on its Asia Pacific (New Zealand) region this week. The Auckland-area region has three availability zones "
            "and takes the company's global footprint to 120 availability zones. AWS plans a region in Saudi Arabia. "
            "It will have three availability zones at launch. AWS details three-zone Saudi region.")
    got = [(c.attribute, c.scope, c.value.low) for c in claims_of(text, published=dt.date(2025, 9, 4)) if c.kind == "count"]
    assert got == [("availability_zones", "NZ", 3.0), ("availability_zones", "global", 120.0), ("availability_zones", "SA", 3.0)]


def test_a_rank_worldwide_is_global_and_the_kingdom_before_any_place_is_no_scope():
    got = [(c.scope, c.ordinal) for c in claims_of("Amazon Web Services' first cloud region in the Kingdom began serving customers. "
                                                   "It became AWS's 41st region worldwide and the third it runs in the Gulf.",
                                                   published=dt.date(2026, 6, 18)) if c.kind == "count"]
    assert got == [(None, 1), ("global", 41)]


def test_tolls_of_another_disaster_a_disaster_s_date_a_city_named_like_one_abroad_and_there():
    text = ("Floods hit Spain. In September 1962 flash floods in Catalonia killed more than 600 people. "
            "The floods of 29 October 2024 killed 229 people in Valencia. "
            "In Myanmar, the military said on Monday that more than 2,000 people had now been killed there.")
    got = [(c.scope, c.value.low, c.as_of.start) for c in claims_of(text, published=dt.date(2025, 10, 29)) if c.attribute == "deaths"]
    assert got == [("city:ES:valencia", 229.0, dt.date(2025, 10, 29)), ("MM", 2000.0, dt.date(2025, 10, 27))]


def test_an_hour_said_late_on_a_day_holds_for_the_next_sentence_s_tolls():
    text = ("At least 1,644 people were killed in Myanmar, the government said late on Saturday. "
            "A further 3,408 people were injured. Rescuers worked on. 139 people were missing.")
    got = [(c.attribute, c.as_of.part_of_day) for c in claims_of(text, published=dt.date(2025, 3, 29))]
    assert got == [("deaths", "evening"), ("injuries", "evening"), ("missing", None)]


def test_a_figure_coordinated_with_an_added_one_is_added_too_and_each_is_no_place():
    text = "Its announced pipeline adds 18 availability zones and six regions. Each launched with three zones."
    got = [(c.kind, c.attribute, c.scope, c.value.low) for c in claims_of(text, published=dt.date(2024, 3, 5))]
    assert got == [("increment", "availability_zones", "global", 18.0), ("increment", "regions", "global", 6.0), ("count", "availability_zones", None, 3.0)]


def test_a_disaster_named_by_its_year_and_a_toll_told_from_the_day_after_give_no_claim():
    text = ("Spain mourns. The channel was built after the 1957 flood, which killed at least 81 people in the capital. "
            "On the morning after, officials counted 51 dead. The floods killed 229 people in the Valencia region.")
    got = [(c.scope, c.value.low) for c in claims_of(text, published=dt.date(2025, 10, 29)) if c.attribute == "deaths"]
    assert got == [("ES-VC", 229.0)]


def test_a_headline_city_is_the_one_in_the_countries_the_article_names_later():
    text = "Floods paralyse Valencia as death toll reaches 158. The Spanish government declared mourning."
    got = [(c.scope, c.value.low) for c in claims_of(text, published=dt.date(2024, 10, 31)) if c.attribute == "deaths"]
    assert got == [("city:ES:valencia", 158.0)]


def test_a_bare_tally_or_figure_counts_the_toll_spoken_of_just_before():
    text = ("Floods hit Spain. The dead, meanwhile, are still being counted. The Generalitat's figure for the Valencian Community "
            "has reached 222. The figure for investment has reached 222. The interior ministry's national tally, which also covers "
            "the victims in Castilla-La Mancha and Andalusia, stands at 219. Analysts met. Markets rose. The total stands at 30.")
    got = [(c.attribute, c.scope, c.value.low) for c in claims_of(text, published=dt.date(2024, 12, 4))]
    assert got == [("deaths", "ES-VC", 222.0), ("deaths", "ES", 219.0)]


def test_running_totals_across_regions_are_global_a_launch_with_zones_is_the_new_region_s_and_joins_n_other_counts_itself():
    text = ("AWS opened its New Zealand region on Tuesday. With the New Zealand launch, AWS runs 120 availability zones across "
            "38 geographic regions. The country joins 37 other AWS regions around the world. ap-southeast-6 launches with four "
            "Availability Zones. The economic study puts the boost to GDP at $10.8b over the same period.")
    got = [(c.attribute, c.scope, c.value.low) for c in claims_of(text, published=dt.date(2025, 9, 3)) if c.kind != "event"]
    assert got == [("availability_zones", "global", 120.0), ("regions", "global", 38.0), ("regions", "global", 38.0),
                   ("availability_zones", "NZ", 4.0)]


def test_a_toll_by_an_evening_held_then_a_remainder_and_another_clause_s_place_are_not_tolls_of_their_own():
    text = ("Toll passes 2,000 as Al Haouz counts its dead. By Monday evening the Moroccan interior ministry's toll had "
            "reached 2,682 dead, with Al Haouz province alone accounting for 1,604 of the deaths. "
            "The remaining nine deaths were spread between Agadir, Casablanca and Youssoufia.")
    got = [(c.scope, c.value.low, c.as_of.start) for c in claims_of(text, published=dt.date(2023, 9, 12))]
    assert got == [("MA", 2000.0, dt.date(2023, 9, 12)), ("MA", 2682.0, dt.date(2023, 9, 11)), ("MA-HAO", 1604.0, dt.date(2023, 9, 11))]


def test_where_some_of_a_toll_are_is_not_its_place_and_a_fronted_place_scopes_the_clause_after_it():
    text = ("The quake hit Morocco. More than 2,000 people had been killed and roughly 2,100 injured, most of them in the mountain "
            "communes of Al Haouz. In the prefecture of Marrakech, 15 people were killed, while Azilal counted 11.")
    got = [(c.attribute, c.scope, c.value.low) for c in claims_of(text, published=dt.date(2023, 9, 10))]
    assert got == [("injuries", "MA", 1890.0), ("deaths", "MA", 2000.0), ("deaths", "city:MA:marrakesh", 15.0)]


def test_a_total_of_old_and_new_money_is_no_pledge():
    text = ("AWS will invest $12.7 billion in India by 2030. AWS had already invested $3.7 billion in India between 2016 and 2022, "
            "so the new plan brings its total investment in the country to $16.4 billion by the end of the decade.")
    got = [(c.value.text, c.period.text if c.period else None) for c in claims_of(text, published=dt.date(2023, 5, 18)) if c.kind == "money"]
    assert got == [("$12.7 billion", None), ("$3.7 billion", "between 2016 and 2022")]


def test_an_old_disaster_s_toll_a_relative_clause_s_date_a_revision_told_just_before_and_a_hypothetical_rank():
    text = ("Helene hit North Carolina. In July 1916, two storms sent the rivers out of their banks; that flood killed about 80 "
            "people in western North Carolina. The state's verified death toll, which the department trimmed in October after "
            "removing deaths counted twice, now stands at 104. The state has tidied up its count of the dead. It now lists 96 "
            "deaths. AWS has not said whether a third Indian region is on the cards.")
    got = [(c.kind, c.event, c.value.low, c.as_of.start) for c in claims_of(text, published=dt.date(2024, 12, 13))]
    assert got == [("count", None, 104.0, dt.date(2024, 12, 13)), ("event", "revision", 104.0, dt.date(2024, 12, 13)),
                   ("count", None, 96.0, dt.date(2024, 12, 13)), ("event", "revision", 96.0, dt.date(2024, 12, 13))]


def test_a_toll_someone_puts_at_a_figure_there_across_several_states_and_named_again():
    text = ("Hurricane Helene, which has killed 64 people across five states, is shaping up as two catastrophes. "
            "North Carolina has suffered the worst of it. State officials put the death toll there at 57 on Tuesday evening. "
            "The ministry put the toll in Taroudant province at 976. Ten of the 57 dead were found in Asheville.")
    got = [(c.scope, c.value.low) for c in claims_of(text, published=dt.date(2024, 10, 2))]
    assert got == [("US", 64.0), ("US-NC", 57.0)]


def test_a_bracketed_conversion_before_its_noun_and_an_amount_at_current_rates():
    text = ("AWS opened its New Zealand region. AWS says the launch is part of a NZ$7.5 billion (roughly US$5.3 billion) commitment "
            "to the country. AWS has pledged to invest about €3.8 billion at current exchange rates in the country, a commitment "
            "it announced in 2021.")
    got = [(c.value.text, c.as_of.start.year, c.normalised.rate_date) for c in claims_of(text, published=dt.date(2025, 9, 4)) if c.kind == "money"]
    assert got == [("NZ$7.5 billion", 2025, dt.date(2025, 9, 4)), ("roughly US$5.3 billion", 2025, dt.date(2025, 9, 4)),
                   ("about €3.8 billion", 2021, dt.date(2025, 9, 4))]


def test_a_region_told_with_an_appositive_then_a_status_is_an_opening_dated_by_its_main_clause():
    text = ("Microsoft plans a cloud region in Malaysia. Microsoft's Greater Kuala Lumpur region, first promised under the "
            "Bersama Malaysia programme in 2021, is already serving customers.")
    [event] = [c for c in claims_of(text, published=dt.date(2024, 11, 12)) if c.kind == "event" and c.status.value == "operational"]
    assert (event.scope, event.event, event.as_of.start, event.as_of.end) == ("city:MY:kuala-lumpur", "opening", None, dt.date(2024, 11, 12))


def test_local_rand_exchange_rates_and_an_amount_at_current_rates_after_another():
    text = ("Google opened its cloud region in Johannesburg, South Africa. Google will invest R6.1 billion (about $355 million) "
            "in South Africa. AWS put a number on it: ¥2.26tn, which at today's rate of about ¥157 to the dollar is a lot.")
    got = [(c.value.text, c.unit) for c in claims_of(text, published=dt.date(2025, 10, 8)) if c.kind == "money"]
    assert got == [("R6.1 billion", "ZAR"), ("about $355 million", "USD"), ("¥2.26tn", "JPY")]


def test_counties_statewide_the_county_rivers_and_a_relative_clause_s_place():
    text = ("KERRVILLE, Texas - Floods swept along the Guadalupe. The sheriff said 68 people had died in Kerr County. "
            "Officials in Travis County, which includes Austin, counted six dead. Statewide, 109 people have died. "
            "He said that 70 people had been confirmed dead in the county.")
    got = [(c.scope, c.scope_parents, c.value.low) for c in claims_of(text, published=dt.date(2025, 7, 8))]
    assert got == [("city:US:kerr-county", ["US-TX", "US"], 68.0), ("city:US:travis-county", ["US-TX", "US"], 6.0),
                   ("US-TX", ["US"], 109.0), ("city:US:travis-county", ["US-TX", "US"], 70.0)]


def test_a_count_dated_after_its_article_is_planned():
    [c] = claims_of("AWS sketches Mexico (Central): four zones, Querétaro, early 2025. Availability zones are isolated.", published=dt.date(2024, 2, 28))
    assert (c.scope, c.status.value, c.value.low) == ("MX", "planned", 4.0)


def test_a_negated_rank_is_none_and_statewide_uses_the_state_the_article_names_later():
    got = [(c.ordinal, c.scope) for c in claims_of("AWS plans more in Japan. AWS did not announce a third Japanese region on Friday.",
                                                   published=dt.date(2024, 1, 22))]
    assert got == []
    text = "The statewide toll stands at 82. Kerr County alone had confirmed 87 deaths. Texas leaves much to counties."
    got = [(c.scope, c.value.low) for c in claims_of(text, published=dt.date(2025, 7, 8))]
    assert got == [("US-TX", 82.0), ("city:US:kerr-county", 87.0)]


def test_a_list_place_before_a_where_clause_scopes_its_toll():
    text = ("Typhoon Yagi hit Vietnam. Cao Bang reported 29 dead and 23 missing, and Yen Bai, where a series of landslides struck "
            "the provincial capital, 37 dead and three missing.")
    got = [(c.attribute, c.scope, c.value.low) for c in claims_of(text, published=dt.date(2024, 9, 11))]
    assert got == [("deaths", "VN-04", 29.0), ("deaths", "VN-06", 37.0), ("missing", "VN-04", 23.0), ("missing", "VN-06", 3.0)]


def test_a_landmark_a_dateline_and_an_unknown_subject_place_do_not_scope_a_toll_and_a_region_name_opens():
    text = ("MARRAKESH, Sept 9 (Wire) - An earthquake shook the mountains south of Marrakesh, killing at least 632 people in Morocco. "
            "Taroudant, on the southern flank of the range, recorded 452 deaths. Officials recorded 2,000 deaths.")
    got = [(c.scope, c.value.low) for c in claims_of(text, published=dt.date(2023, 9, 9))]
    assert got == [("MA", 632.0), (None, 452.0), ("MA", 2000.0)]
    text = "Microsoft opened a cloud region in Malaysia. When Microsoft switched on Malaysia West in April 2025, staff cheered."
    got = [(c.evidence.quote, c.as_of.start) for c in claims_of(text, published=dt.date(2026, 5, 27))]
    assert got[-1] == ("Malaysia West", dt.date(2025, 4, 1))


def test_a_region_that_followed_in_a_year_opened_then_and_a_figure_spread_over_several_countries_has_no_place():
    text = ("AWS has two Indian regions. Mumbai went live in 2016; the Hyderabad region, ap-south-2, followed in 2023. "
            "It plans 15 more availability zones and five more regions in Canada, Israel and Malaysia.")
    got = [(c.kind, c.scope, c.as_of.start, c.value.low) for c in claims_of(text, published=dt.date(2025, 3, 5))]
    assert got == [("count", "IN", dt.date(2025, 3, 5), 2.0), ("event", "city:IN:hyderabad", dt.date(2023, 1, 1), None),
                   ("increment", None, dt.date(2025, 3, 5), 15.0), ("increment", None, dt.date(2025, 3, 5), 5.0)]


def test_a_cumulative_total_with_its_conversion_and_a_compared_period_are_no_pledges_of_their_own():
    text = ("AWS to invest 2.26 trillion yen in Japan, almost 1.5 times its previous 12 years. Add the two periods together and "
            "AWS will have committed about ¥3.77 trillion to Japan over seventeen years, some $25 billion at current exchange rates.")
    got = [(c.value.text, c.period) for c in claims_of(text, published=dt.date(2024, 1, 29)) if c.kind == "money"]
    assert got == [("2.26 trillion yen", None)]


def test_a_second_unit_planned_is_numbered_so_it_never_merges_with_the_first():
    text = ("Google opened its first African cloud region in Johannesburg in 2024. Google plans to open a second African region "
            "in Kenya, the company said on Wednesday.")
    got = [(c.kind, c.status.value, c.ordinal) for c in claims_of(text, published=dt.date(2025, 10, 8)) if c.kind == "event"]
    assert got == [("event", "operational", 1), ("event", "planned", 2)]


def test_an_opening_told_in_the_present_happened_in_the_days_before_publication():
    text = "Microsoft opened a cloud region in Malaysia. First look: Malaysia West opens for Azure workloads."
    got = [(c.evidence.quote, c.as_of.start, c.as_of.end) for c in claims_of(text, published=dt.date(2025, 5, 29)) if c.kind == "event"]
    assert got[-1] == ("Malaysia West", dt.date(2025, 5, 22), dt.date(2025, 5, 29))


def test_a_disaster_named_by_its_night_is_not_the_toll_s_date_and_a_clock_time_is_its_hour():
    text = ("Quake in Morocco. In its latest statement, issued at around 10 p.m., the interior ministry said 2,012 people had "
            "lost their lives in Friday night's earthquake.")
    [c] = claims_of(text, published=dt.date(2023, 9, 9))
    assert (c.as_of.start, c.as_of.part_of_day) == (dt.date(2023, 9, 9), "night")

"""Subjects and scopes: aliases, guessed organisations, anaphora, places with parents."""

from checker.normalise.entities import EntityMatcher
from checker.normalise.places import gazetteer
from checker.ruleset import load_lexicon

LEX = load_lexicon()
ENT = EntityMatcher(LEX)
GAZ = gazetteer(LEX)


def found(text):
    return [(e.entity, text[e.start:e.end], e.anaphoric) for e in ENT.find(text)]


def test_aliases_longest_first_and_possessive():
    assert found("Alibaba Cloud's unit and Alibaba's pledge") == [("alibaba-cloud", "Alibaba Cloud", False), ("alibaba-group", "Alibaba", False)]


def test_anaphora_and_guessed_organisations():
    assert found("The company said Telekom Malaysia opened a site.") == [("", "The company", True), ("org:telekom-malaysia", "Telekom Malaysia", False)]
    assert found("Selina Yuan said growth was strong.") == []


def test_fuzzy_spelling_variant():
    assert found("Tencnet Cloud opened a site")[0][:2] == ("tencent-cloud", "Tencnet Cloud")


def test_parents_resolve_to_root():
    assert (LEX.root("alibaba-cloud"), LEX.root("aws"), LEX.root("org:unknown")) == ("alibaba-group", "amazon", "org:unknown")


def test_places_countries_subdivisions_cities_regions_demonyms():
    text = "Sites in Johor, Paris, the UAE, Southeast Asia and a Malaysian region near Dubai"
    got = [(m.place.id, m.place.parents, m.demonym) for m in GAZ.find(text)]
    assert got == [("MY-01", ("MY",), False), ("city:FR:paris", ("FR",), False), ("AE", (), False), ("southeast-asia", (), False), ("MY", (), True), ("city:AE:dubai", ("AE",), False)]


def test_region_contains_country_and_subdivision():
    johor = next(m.place for m in GAZ.find("in Johor"))
    assert (GAZ.contains("MY", johor), GAZ.contains("southeast-asia", johor), GAZ.contains("europe", johor)) == (True, True, False)


def test_common_words_are_not_places():
    assert GAZ.find("Mobile users in March said Nice things") == []


def test_cities_and_provinces_under_the_spellings_news_uses():
    text = "Floods hit Derna and Benghazi; Google builds in Chonburi, not in Topeka, said Hamid Ahmad of Google."
    assert [(text[m.start : m.end], m.place.id) for m in GAZ.find(text)] == [
        ("Derna", "city:LY:darnah"), ("Benghazi", "city:LY:benghazi"), ("Chonburi", "TH-20"), ("Topeka", "city:US:topeka")]


def test_subdivisions_under_their_english_names_and_iso_names_read_in_order():
    def ids(text):
        return [(m.place.id, text[m.start : m.end]) for m in GAZ.find(text)]

    assert ids("155 in the Valencia region, two in Castilla-La Mancha and one in Andalusia") == [
        ("ES-VC", "the Valencia region"), ("ES-CM", "Castilla-La Mancha"), ("ES-AN", "Andalusia")]
    assert ids("the Comunidad de Madrid and Catalonia") == [("ES-MD", "the Comunidad de Madrid"), ("ES-CT", "Catalonia")]
    assert ids("a site in the Riyadh province") == [("SA-01", "the Riyadh province")]
    # "Eastern Province" is Saudi Arabia's unless the article is about Sri Lanka
    [east] = GAZ.find("the Eastern Province")
    assert (east.place.id, GAZ.in_countries(east.place, {"LK"}).id) == ("SA-04", "LK-5")


def test_a_dateline_in_capitals_is_a_place_and_foreign_compass_words_are_not():
    assert [m.place.id for m in GAZ.find("MADRID - Floods left the Horta Sud under mud")] == ["city:ES:madrid"]
    assert [m.place.id for m in GAZ.find("the Nord and the Centre")] == []


def test_second_level_subdivisions_lie_in_their_first_level_and_country():
    [haouz] = GAZ.find("Al Haouz province")
    assert (haouz.place.id, haouz.place.parents, haouz.place.country) == ("MA-HAO", ("MA-07", "MA"), "MA")
    assert GAZ.contains("MA", haouz.place) and GAZ.contains("MA-07", haouz.place)
    assert [m.place.id for m in GAZ.find("sites in West Java and Cavite")] == ["ID-JB", "PH-CAV"]
    # second-level names that are common words stay out; a city keeps its name ("Marrakech" is the city, not the prefecture)
    assert [m.place.id for m in GAZ.find("Most of Tata's staff in Marrakech")] == ["city:MA:marrakesh"]


def test_a_cloud_region_named_for_its_place_is_no_organisation():
    from checker.normalise.entities import organisation

    assert [organisation(f"{n} launches with two zones.", 0, n) for n in ["Malaysia West", "Sweden Central", "Nexus Data Holdings"]] == [
        None, None, "Nexus Data Holdings"]

"""Canonicalisation rules, on hand-made candidates: no model needed."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from build_tools.convert.clean import join_paragraphs
from build_tools.convert.nlp import Candidate
from build_tools.convert.resolve import (
    _not_a_person_here,
    dateline,
    extraction,
    resolve,
    with_dateline,
    with_initials,
)


def candidates(text: str, *spans: tuple[str, str], occurrence: int = 0) -> list[Candidate]:
    """Candidates for the given (surface, label) pairs, at their n-th occurrence in text."""
    found = []
    used: set[int] = set()
    for surface, label in spans:
        for match in re.finditer(re.escape(surface), text):
            if match.start() not in used:
                used.add(match.start())
                found.append(Candidate(match.start(), match.end(), surface, label))
                break
    return sorted(found, key=lambda c: c.start)


def test_titles_dropped_and_surname_joins_full_name():
    text = "President Donald Trump met Mr. Biegun. Trump said Stephen Biegun would go."
    mentions, names, _ = resolve(
        text,
        candidates(
            text,
            ("President Donald Trump", "PERSON"),
            ("Mr. Biegun", "PERSON"),
            ("Trump", "PERSON"),
            ("Stephen Biegun", "PERSON"),
        ),
    )
    assert names["person"] == ("Donald Trump", "Stephen Biegun")
    assert {m.text: m.name for m in mentions} == {
        "Donald Trump": "Donald Trump",
        "Biegun": "Stephen Biegun",
        "Trump": "Donald Trump",
        "Stephen Biegun": "Stephen Biegun",
    }


def test_a_nickname_in_quotation_marks_is_no_part_of_the_name():
    """'Robert "Bob" Klauer', 'Earl “Doc” Pruitt' (a trial's obituary and court report),
    'David "Fathead" Newman' (BBC): the person is Robert Klauer, whom "Klauer" and "Bob
    Klauer" join."""
    text = (
        'Former mayor Robert "Bob" Klauer died. Klauer served two terms; Bob Klauer was 91.'
        " Earl “Doc” Pruitt testified."
    )
    found = [
        Candidate(match.start(), match.end(), match[0], "PERSON")
        for pattern in [
            'Robert "Bob" Klauer',
            "(?<=\\. )Klauer",
            "Bob Klauer(?= was)",
            "Earl “Doc” Pruitt",
        ]  # fmt: skip
        for match in [re.search(pattern, text)]
    ]
    mentions, names, _ = resolve(text, sorted(found, key=lambda c: c.start))
    assert names["person"] == ("Robert Klauer", "Earl Pruitt")
    assert {m.text: m.name for m in mentions} == {
        'Robert "Bob" Klauer': "Robert Klauer", "Klauer": "Robert Klauer",
        "Bob Klauer": "Robert Klauer", "Earl “Doc” Pruitt": "Earl Pruitt",
    }  # fmt: skip


def test_a_short_form_that_fits_two_people_joins_neither():
    text = "Kim Yong Chol met Kim Jong Un. Kim said little."
    _, names, _ = resolve(
        text,
        candidates(text, ("Kim Yong Chol", "PERSON"), ("Kim Jong Un", "PERSON"), ("Kim", "PERSON")),
    )
    # "Kim" alone is the third occurrence of the token; the helper finds the first free one.
    assert names["person"] == ("Kim Yong Chol", "Kim Jong Un")


def test_us_and_the_united_states_are_one_place():
    text = "U.S. officials said the United States and America agree."
    mentions, names, _ = resolve(
        text,
        candidates(text, ("U.S.", "GPE"), ("the United States", "GPE"), ("America", "GPE")),
    )
    assert names["place"] == ("United States",)
    assert [m.name for m in mentions] == ["United States"] * 3
    # A region places.yml names is a place whatever the model says ("offered Central
    # America": the model's organization).
    text = "Aid similar to the cash offered Central America after Hurricane Mitch."
    _, names, _ = resolve(text, candidates(text, ("Central America", "ORG")))
    assert (names["place"], names["organization"]) == (("Central America",), ())


def test_model_slips_are_fixed():
    title = "Trump-Kim Summit Planned"
    body = (
        "Secretary of State Mike Pompeo met Stephen Biegun and Choe Son Hui. "
        "Biegun went home. Talks between Biegun and Choe failed at the State Department."
    )
    text = f"{title}\n\n{body}"
    found = candidates(
        text,
        ("Trump-Kim Summit Planned", "ORG"),
        ("State", "ORG"),
        ("Mike Pompeo", "PERSON"),
        ("Stephen Biegun", "PERSON"),
        ("Choe Son Hui", "PERSON"),
        ("Biegun and Choe", "ORG"),
        ("the State Department", "ORG"),
    )
    second_biegun = text.index("Biegun went")
    found.append(Candidate(second_biegun, second_biegun + 6, "Biegun", "ORG"))
    mentions, names, _ = resolve(text, found, title_end=len(title))
    assert names["person"] == ("Mike Pompeo", "Stephen Biegun", "Choe Son Hui")
    assert names["organization"] == ("State Department",)
    assert names["place"] == ()


def test_a_body_before_a_person_in_a_list_stays_unless_the_list_is_of_people():
    """ "Rivals include Intel, Bill Gates and Apple", "firms such as LVMH, Tony Blair" (a
    body's one-word name, then a comma and a person): the body stays, as a town of a
    list of towns does ("Garissa, Mandera, Migori and Homa Bay"). In a list most of
    whose names are people's ("up against Blanchett, Heather Craney, Julie Christie and
    Meryl Streep", BBC's Bafta report) it is a cut name the model called a body, as a
    body's word just before a person's name is a title's ("Minister of Defence Geoff
    Hoon")."""
    text = (
        "Rivals include Intel, Bill Gates and Apple. Portman is up against Blanchett,"
        " Heather Craney, Julie Christie and Meryl Streep. Minister of Defence Geoff Hoon"
        " spoke."
    )
    spans = [("Intel", "ORG"), ("Bill Gates", "PERSON"), ("Apple", "ORG"), ("Defence", "ORG"),
             ("Geoff Hoon", "PERSON"),
             ("Portman", "PERSON"), ("Blanchett", "ORG"), ("Heather Craney", "PERSON"),
             ("Julie Christie", "PERSON"), ("Meryl Streep", "PERSON")]  # fmt: skip
    _, names, _ = resolve(text, candidates(text, *spans))
    assert names["organization"] == ("Intel", "Apple")


def test_acronym_joins_the_full_organization_name():
    text = "The North Atlantic Treaty Organization met. NATO said no."
    _, names, _ = resolve(
        text,
        candidates(text, ("North Atlantic Treaty Organization", "ORG"), ("NATO", "ORG")),
    )
    assert names["organization"] == ("North Atlantic Treaty Organization",)


def test_header_corrections_add_and_drop():
    text = "Jane Doe visited Paris."
    mentions, names, _ = resolve(
        text,
        candidates(text, ("Jane Doe", "PERSON"), ("Paris", "GPE")),
        corrections={"add": {"organizations": ["UNESCO"]}, "drop": {"places": ["paris"]}},
    )
    assert names == {
        "person": ("Jane Doe",),
        "place": (),
        "organization": ("UNESCO",),
    }
    assert all(m.name != "Paris" for m in mentions)


def test_a_local_councillors_title_is_dropped():
    """Local news names its councillors so ("Councillor Raj Mehta", "Cllr Ann Hughes", the
    American "Councilman Joe Ortiz"): the title is no part of the name."""
    text = "Councillor Raj Mehta spoke. Cllr Ann Hughes and Councilman Joe Ortiz agreed."
    spans = [("Councillor Raj Mehta", "PERSON"), ("Cllr Ann Hughes", "PERSON"),
             ("Councilman Joe Ortiz", "PERSON")]  # fmt: skip
    _, names, _ = resolve(text, candidates(text, *spans))
    assert names["person"] == ("Raj Mehta", "Ann Hughes", "Joe Ortiz")


def test_a_rank_written_without_its_full_stop_is_dropped():
    """British papers write short ranks without a full stop ("Prof Reddy", BBC), and local
    news names police and council officers by rank: no part of the name. A title alone
    ("Prof Reddy") is no name to keep either: the surname joins the full name."""
    text = (
        "Prof Joni Lovenduski spoke. Det Ch Insp Mark Jones and Assistant Chief Constable"
        " David Warcup agreed with Councilmember Eunisses Hernandez and Prof Raj Reddy."
        " Prof Reddy said so. Mr Sen, Sen John McCain and Hun Sen spoke."
    )
    spans = [("Prof Joni Lovenduski", "PERSON"), ("Det Ch Insp Mark Jones", "PERSON"),
             ("Assistant Chief Constable David Warcup", "PERSON"),
             ("Councilmember Eunisses Hernandez", "PERSON"), ("Prof Raj Reddy", "PERSON"),
             ("Prof Reddy", "PERSON"), ("Mr Sen", "PERSON"), ("Sen John McCain", "PERSON"),
             ("Hun Sen", "PERSON")]  # fmt: skip
    mentions, names, _ = resolve(text, candidates(text, *spans))
    assert names["person"] == (
        "Joni Lovenduski", "Mark Jones", "David Warcup", "Eunisses Hernandez", "Raj Reddy",
        "Hun Sen", "John McCain",
    )  # fmt: skip
    assert [m.text for m in mentions if "Reddy" in m.name][-1] == "Reddy"
    # "Sen" before a name is a rank, alone a name (a reviewer's examples): it joins Hun Sen.
    assert {m.name for m in mentions if m.text == "Sen"} == {"Hun Sen"}


def test_a_courtesy_title_and_a_surname_is_a_person_whatever_the_model_says():
    """The model calls "Mr Ebbers" an organization and "Mr Hague" a place (38 such names
    in 33 BBC articles): a title and a surname are a person's. Not "Dr Pepper", a drink,
    nor a body's name that runs on past a possessive."""
    text = (
        "Bernie Ebbers denied it. Mr Ebbers said so, and Mr Hague agreed. Prof Reddy's plan"
        " and Mr Brown's International Finance Facility failed. Dr Pepper sales rose. Gen Re"
        " and Det Norske Veritas agreed."
    )
    spans = [("Bernie Ebbers", "PERSON"), ("Mr Ebbers", "ORG"), ("Mr Hague", "GPE"),
             ("Prof Reddy's", "ORG"), ("Mr Brown's International Finance Facility", "ORG"),
             ("Dr Pepper", "ORG"), ("Gen Re", "ORG"), ("Det Norske Veritas", "ORG")]  # fmt: skip
    mentions, names, _ = resolve(text, candidates(text, *spans))
    assert names["person"] == ("Bernie Ebbers", "Hague", "Reddy")
    assert names["organization"] == (
        "Mr Brown's International Finance Facility", "Dr Pepper", "Gen Re", "Det Norske Veritas"
    )  # fmt: skip
    assert names["place"] == ()
    assert [m.name for m in mentions if m.text == "Ebbers"] == ["Bernie Ebbers"]


def test_a_river_a_loch_or_a_mountain_is_a_place():
    """ "the River Wend" (ORG, and "River" is a first name), "Loch Lomond" (PERSON, BBC):
    places. A "River" named without "the" may be a person: River Phoenix."""
    text = (
        "The water of the River Wend rose. Loch Lomond and Mount Everest. River Phoenix and"
        " Lake Bell acted at Mount Vernon Hospital."
    )
    spans = [("River Wend", "ORG"), ("Loch Lomond", "PERSON"), ("Mount Everest", "ORG"),
             ("River Phoenix", "PERSON"), ("Lake Bell", "PERSON"),
             ("Mount Vernon Hospital", "ORG")]  # fmt: skip
    _, names, _ = resolve(text, candidates(text, *spans))
    assert names["place"] == ("River Wend", "Loch Lomond", "Mount Everest")
    assert names["person"] == ("River Phoenix", "Lake Bell")
    assert names["organization"] == ("Mount Vernon Hospital",)


def test_the_village_of_or_residents_of_names_a_place_wherever_it_is_named():
    """ "the village of Millbrook", "residents of Engerwitzdorf" (BBC), "the town of
    Tavildara" (CoNLL): the name is a place's, also where the model calls it a body or a
    person; not "the state of" (a condition too)."""
    text = (
        "Flood warning for Millbrook. Police visited the village of Millbrook. Residents of"
        " Netherby and Tavildara were told. The state of Parmalat was dire. Liverpool won;"
        " the parade wound through the city of Liverpool. Liverpool said so. Storms hit"
        " Kelby; residents of Kelby said it flooded."
    )
    spans = [("Millbrook", "ORG"), ("Netherby", "PERSON"), ("Tavildara", "PERSON"),
             ("Parmalat", "ORG"), ("Liverpool", "ORG"), ("Kelby", "ORG")]  # fmt: skip
    found = candidates(text, *spans)
    found += [Candidate(m.start(), m.end(), "Liverpool", "ORG")
              for m in re.finditer("Liverpool", text)][1:]  # fmt: skip
    mentions, names, _ = resolve(text, sorted(found, key=lambda c: c.start))
    assert names["place"] == ("Millbrook", "Netherby", "Liverpool", "Kelby")
    assert names["person"] == ("Tavildara",)
    assert names["organization"] == ("Parmalat", "Liverpool")
    # The club is the club where it speaks; the city is the city "the city of" names.
    assert [m.kind for m in mentions if m.text == "Liverpool"] == [
        "organization", "place", "organization"
    ]  # fmt: skip
    assert [m.kind for m in mentions if m.text == "Millbrook"] == ["place", "place"]


def test_a_name_after_a_large_place_holds_no_persons_surname():
    """The model's "Belfast Harbour" (PERSON) is no person's full name: "Belfast" beside it
    stays the city, and the harbour's name is a body's ("Glasgow Rugby")."""
    text = "Trains between Belfast and Dublin stopped. Ferries from Belfast Harbour were cut."
    spans = [("Belfast", "GPE"), ("Dublin", "GPE"), ("Belfast Harbour", "PERSON")]
    _, names, _ = resolve(text, candidates(text, *spans))
    assert names["place"] == ("Belfast", "Dublin")
    assert names["organization"] == ("Belfast Harbour",)
    assert names["person"] == ()


def test_police_ranks_before_a_name_make_a_person_and_alone_none():
    """Police reports: "Ch Supt Gillian Kearney" (ORG to the model) is a person; "Insp"
    alone (PERSON) is no one."""
    text = "Ch Supt Gillian Kearney said so. Superintendent Marty Pollio and the Insp agreed."
    spans = [("Ch Supt Gillian Kearney", "ORG"), ("Superintendent Marty Pollio", "ORG"),
             ("Insp", "PERSON")]  # fmt: skip
    _, names, _ = resolve(text, candidates(text, *spans))
    assert names == {"person": ("Gillian Kearney", "Marty Pollio"), "place": (), "organization": ()}


def test_a_road_is_no_person():
    """ "Victoria Road" and "Wilmslow Road" (BBC), PERSON or GPE to the model: a street,
    neither a person nor a place."""
    text = "He lived on Victoria Road. Police closed Wilmslow Road and Elm Drive. Red Crescent."
    spans = [("Victoria Road", "PERSON"), ("Wilmslow Road", "GPE"), ("Elm Drive", "ORG"),
             ("Red Crescent", "ORG")]  # fmt: skip
    _, names, _ = resolve(text, candidates(text, *spans))
    assert names == {"person": (), "place": (), "organization": ("Red Crescent",)}


def test_a_council_or_a_police_force_named_by_its_place_is_found_whole():
    """The model misses "The Springfield City Council" and "West Midlands Police" and cuts
    "Police Scotland" to the place. The place is the words before the body's that the
    gazetteer knows, not "Labour-run" nor "Former" (a reviewer's examples); a force needs
    a place ("Mystery Police" is none, "Police Officer Darren Wilson" no force)."""
    text = (
        "The Springfield City Council voted. Labour-run Birmingham City Council and West"
        " Midlands Police said so, as did Mystery Police and Police Scotland. Former Los"
        " Angeles City Council president Nury Martinez and Police Officer Darren Wilson."
        " Meanwhile Eastbury Town Council and Tory-led Westbury Parish Council agreed. The"
        " County Council and the Labour-run District Council did not. Avon and Somerset"
        " Police and Tunbridge Wells Borough Council agreed."
    )
    spans = [("Scotland", "GPE"), ("Nury Martinez", "PERSON"), ("Darren Wilson", "PERSON")]
    _, names, _ = resolve(text, candidates(text, *spans))
    assert names["organization"] == (
        "Springfield City Council", "Birmingham City Council", "West Midlands Police",
        "Police Scotland", "Los Angeles City Council", "Eastbury Town Council",
        "Westbury Parish Council", "Avon and Somerset Police", "Tunbridge Wells Borough Council",
    )  # fmt: skip
    assert names["place"] == ()


def test_a_town_on_a_river_keeps_the_rest_of_its_name():
    """ "Croft" (ORG) of "Croft-on-Tees", "Stockton" of "Stockton-on-Tees" (BBC): the town."""
    text = "The road at Croft-on-Tees is shut. Stockton-on-Tees voted."
    _, names, _ = resolve(text, candidates(text, ("Croft", "ORG"), ("Stockton", "GPE")))
    assert names["place"] == ("Croft-on-Tees", "Stockton-on-Tees")
    assert names["organization"] == ()


def test_a_person_listed_beside_a_place_is_the_place_the_gazetteer_knows():
    """A list's items are of one kind: "posts in Preston and Bolton", "Gloucestershire and
    Hampshire" (BBC), whose one item the model calls a person. Not a first name ("Belle
    and Sebastian"), nor the surname of a person the text names in full."""
    text = (
        "She held posts in Preston and Bolton. Hunts met in Hampshire and Gloucestershire."
        " Belle and Sebastian played. In Leeds and Blackburn, Tony Blackburn spoke. Blair"
        " flew to Texas and Moore's ranch."
    )
    spans = [("Preston", "GPE"), ("Bolton", "PERSON"), ("Gloucestershire", "GPE"),
             ("Hampshire", "PERSON"), ("Belle", "GPE"), ("Sebastian", "PERSON"),
             ("Tony Blackburn", "PERSON"), ("Leeds", "GPE"), ("Blackburn", "PERSON"),
             ("Blair", "PERSON"), ("Texas", "GPE"), ("Moore", "PERSON")]  # fmt: skip
    _, names, _ = resolve(text, candidates(text, *spans))
    assert names["place"] == (
        "Preston", "Bolton", "Hampshire", "Gloucestershire", "Belle", "Leeds", "Texas"
    )  # fmt: skip
    assert names["person"] == ("Sebastian", "Tony Blackburn", "Blair", "Moore")  # someone's


def test_a_person_written_where_a_place_stands_is_that_place():
    """Local news: towns and villages no gazetteer knows, which the model calls people,
    written "in X", "near X" or as a list's item after "in" (the trials' Kaiapoi, Youghal,
    Margam; BBC: Brixton, Exeter, Canary Wharf). Not a work ("appeared in Scrubs"), a
    qualifier ("in Conservative hands"), someone's ("in Hartley's view"), a person who
    speaks ("Gardai in Midleton said": there the rule gives the place up), a first name,
    nor a name after a clause's comma ("in County Hall, Fine Gael councillor")."""
    text = (
        "Homes near Kaiapoi flooded. Work will start in Kaiapoi on Monday. Firms in Baglan,"
        " Margam and Taibach lost work. Pubs in Youghal were shut. She appeared in Scrubs. The"
        " NHS is not safe in Conservative hands. In Hartley's view, Hartley was right; he"
        " met Hartley in Leeds. Police in David and at County Hall, Fine Gael councillors"
        " met. Gardai in Midleton said so. Hopes rest in Narendra Modi. Labour found an ally"
        " in Starmer. He held posts in Thatcher and Major governments. Quotes in Carver's"
        " book. Her career ended. Homes in Tiverton were sold. After talks in Cardiff,"
        " Hartlepool on Monday chose a mayor."
    )
    spans = [("Kaiapoi", "PERSON"), ("Baglan", "GPE"), ("Margam", "PERSON"),
             ("Taibach", "GPE"), ("Youghal", "PERSON"), ("Scrubs", "PERSON"),
             ("Conservative", "PERSON"), ("Hartley", "PERSON"), ("Leeds", "GPE"),
             ("David", "PERSON"), ("County Hall", "FAC"), ("Fine Gael", "PERSON"),
             ("Midleton", "PERSON"), ("Narendra Modi", "PERSON"), ("Starmer", "PERSON"),
             ("Thatcher", "PERSON"), ("Major", "PERSON"), ("Carver", "PERSON"), ("Cardiff", "GPE"),
             ("Hartlepool", "PERSON"), ("Tiverton", "PERSON")]  # fmt: skip
    _, names, _ = resolve(text, candidates(text, *spans))
    assert names["place"] == ("Kaiapoi", "Baglan", "Margam", "Taibach", "Youghal", "Leeds",
                              "Tiverton", "Cardiff")  # fmt: skip
    assert names["person"] == ("Scrubs", "Conservative", "Hartley", "David", "Fine Gael",
                               "Midleton", "Narendra Modi", "Starmer", "Thatcher", "Major",
                               "Carver", "Hartlepool")  # fmt: skip


def test_a_shire_the_model_calls_a_person_is_the_county():
    """ "Yorkshire millionaire Sir Paul Sykes", "a school in Worcestershire" (BBC: 5
    articles; trials: Herefordshire, Worcestershire, Leicestershire), which the model
    calls people: the county. Not a surname a fuller name bears ("Ryan Wiltshire"), a
    name no gazetteer knows ("Devonshire", a duke's), nor a county's side in a cricket
    report ("beat Yorkshire" by nine wickets)."""
    text = (
        "Funds came from Yorkshire millionaire Sir Paul Sykes. Barriers went up in"
        " Herefordshire and Worcestershire. Ryan Wiltshire said Wiltshire was wet. They met"
        " Devonshire."
    )
    spans = [("Yorkshire", "PERSON"), ("Paul Sykes", "PERSON"), ("Herefordshire", "GPE"),
             ("Worcestershire", "PERSON"), ("Ryan Wiltshire", "PERSON"),
             ("Wiltshire", "PERSON"), ("Devonshire", "PERSON")]  # fmt: skip
    _, names, _ = resolve(text, candidates(text, *spans))
    assert names["place"] == ("Yorkshire", "Herefordshire", "Worcestershire")
    assert names["person"] == ("Paul Sykes", "Ryan Wiltshire", "Devonshire")
    report = "Essex beat Yorkshire by nine wickets."
    _, names, _ = resolve(report, candidates(report, ("Essex", "ORG"), ("Yorkshire", "PERSON")))
    assert names["place"] == ()


def test_a_name_before_area_neighbourhood_or_region_is_a_place():
    """ "Shrewsbury's Frankwell area", "the Nutana neighbourhood", "the Pilbara region",
    "the Catterick Garrison area" (trials: 7 names in 6 articles; BBC: "the Gilan area";
    CoNLL: "the Nagorno-Karabakh region"), which the model calls bodies or people. Not a
    body's service area ("the Hampshire Constabulary area", "the NHS area"), a name that
    acts as a body does ("Apex said"), nor a side's penalty area in a results table."""
    text = (
        "Barriers went up in Shrewsbury's Frankwell area. He lived in the Nutana"
        " neighbourhood. Lithium was found in the Pilbara region. Hauliers serving the"
        " Catterick Garrison area were told. Crime fell in the Hampshire Constabulary area"
        " and the NHS area. Jobs in the Apex area went; Apex said so."
    )
    spans = [("Shrewsbury", "GPE"), ("Frankwell", "ORG"), ("Nutana", "ORG"),
             ("Pilbara", "ORG"), ("Catterick Garrison", "PERSON"),
             ("Hampshire Constabulary", "ORG"), ("NHS", "ORG"), ("Apex", "ORG")]  # fmt: skip
    _, names, _ = resolve(text, candidates(text, *spans))
    assert names["place"] == (
        "Shrewsbury", "Frankwell", "Nutana", "Pilbara", "Catterick Garrison"
    )  # fmt: skip
    assert names["organization"] == ("Hampshire Constabulary", "NHS", "Apex")
    table = (
        "Arsenal 2 Hull 1\nLeeds 3 Derby 0\nBury 1 Stoke 1\nYork 0 Wigan 2\n"
        "Jones shot from the edge of the Everton area."
    )
    _, names, _ = resolve(table, candidates(table, ("Everton", "ORG")))
    assert "Everton" in names["organization"]
    assert "Everton" not in names["place"]


def test_a_list_of_known_towns_after_a_word_of_where_is_of_places():
    """ "a warning for Donegal, Sligo and Mayo", "Applications from England and Wales",
    "flood warnings from Welshpool to Bewdley" (trials: 9 names in 8 articles; BBC: 4 in
    4), where the model calls one item a place and others bodies or people. Not a list
    with no place of the model's ("Shares in Toyota and Honda", "at Harvard and
    Stanford": the gazetteer has them as towns), one the gazetteer does not know all of,
    one that mixes countries and towns ("in Oxford, UK, and Nokia began"), one of whose
    items acts as a body ("Honda said"), one a plural or a verb in "s" follows, nor an
    acronym a town shares ("IRA")."""
    text = (
        "Met Eireann issued a warning for Donegal, Sligo and Mayo. Applications from England"
        " and Wales rose. The road from Orange to Bathurst has reopened. Shares in Toyota"
        " and Honda fell. She studied at Harvard and Stanford. O2 is trialling a system in"
        " Oxford, UK, and Nokia began trialling one too. Ships sail to Kobe and Honda;"
        " Honda said so. Staff from Michigan and Stanford universities came. He denied links"
        " between Dublin and IRA men. A deal for Slough and Zarquon was signed. He took the"
        " London to Leeds express. Customers at Halifax and Santander could not log in."
    )
    spans = [("Donegal", "GPE"), ("Sligo", "ORG"), ("Mayo", "ORG"), ("England", "GPE"),
             ("Wales", "ORG"), ("Orange", "ORG"), ("Bathurst", "GPE"), ("Toyota", "ORG"),
             ("Honda", "ORG"), ("Harvard", "ORG"), ("Stanford", "ORG"), ("Oxford", "GPE"),
             ("UK", "GPE"), ("Nokia", "ORG"), ("Kobe", "GPE"), ("Honda", "ORG"),
             ("Michigan", "GPE"), ("Stanford", "ORG"), ("Dublin", "GPE"), ("IRA", "ORG"),
             ("Slough", "GPE"), ("Zarquon", "ORG"), ("London", "GPE"),
             ("Leeds", "ORG"), ("Halifax", "ORG"), ("Santander", "ORG")]  # fmt: skip
    _, names, _ = resolve(text, candidates(text, *spans))
    assert names["place"] == (
        "Donegal", "Sligo", "Mayo", "England", "Wales", "Orange", "Bathurst", "Oxford",
        "United Kingdom", "Kobe", "Michigan", "Dublin", "Slough", "London", "Leeds",
    )  # fmt: skip
    assert names["organization"] == (
        "Toyota", "Honda", "Harvard", "Stanford", "Nokia", "IRA", "Zarquon", "Halifax",
        "Santander",
    )  # fmt: skip
    # A span the model ran over several items is none of them.
    text = "Votes for mayors at Doncaster, Hartlepool, North Tyneside and Stoke are due."
    spans = [("Doncaster, Hartlepool, North Tyneside", "ORG"), ("Stoke", "GPE")]
    _, names, _ = resolve(text, candidates(text, *spans))
    assert names["place"] == ("Stoke",)
    report = "The tie between Chelsea and Fulham was marred by crowd trouble."
    spans = [("Chelsea", "GPE"), ("Fulham", "ORG")]
    _, names, _ = resolve(report, candidates(report, *spans), sport=True)
    assert "Fulham" in names["organization"]


def test_a_list_of_towns_leaves_universities_clubs_people_and_other_mentions():
    """A second reviewer's cases: a university or a club listed with a town the model
    calls a place ("studied at Oxford and Cambridge", "joined from Wigan and Chelsea"), a
    person at a route's end ("from London to Darwin") stay as they were, and a list makes
    a place of its own mention only ("Halifax cut its rates" stays the bank's)."""
    text = (
        "She studied at Oxford and Cambridge. He joined from Wigan and Chelsea in 2010."
        " Letters from London to Darwin survive. Offices in Leeds and Halifax shut. Halifax"
        " cut its rates."
    )
    spans = [("Oxford", "GPE"), ("Cambridge", "ORG"), ("Wigan", "GPE"), ("Chelsea", "ORG"),
             ("London", "GPE"), ("Darwin", "PERSON"), ("Leeds", "GPE"), ("Halifax", "ORG"),
             ("Halifax", "ORG")]  # fmt: skip
    mentions, names, _ = resolve(text, candidates(text, *spans))
    assert names["person"] == ("Darwin",)
    assert names["place"] == ("Oxford", "Wigan", "London", "Leeds", "Halifax")
    assert names["organization"] == ("Cambridge", "Chelsea", "Halifax")
    assert [m.kind for m in mentions if m.text == "Halifax"] == ["place", "organization"]


def test_a_known_town_before_a_local_noun_is_a_place():
    """ "Dundee taxi driver fined", "Bishop Auckland man jailed", "Halifax council extends"
    (trials: 3 names in 3 headlines; BBC: "a Highland councillor"), which the model calls
    bodies. Not a name the gazetteer does not know ("Zarquon council"), an acronym ("a UN
    man"), nor "driver", "family", "academy" ("the Toyota driver", "the Kennedy family",
    "Chelsea academy players": a reviewer's); a name that acts as a body elsewhere
    ("Stockport said") is a place only where the noun follows it."""
    text = (
        "A Dundee taxi driver was fined. A Bishop Auckland man was jailed. The Zarquon council"
        " met. A UN man spoke. The Toyota driver was third. The Kennedy family met. Former"
        " Chelsea academy players spoke. The Stockport council failed. Stockport said sorry."
    )
    spans = [("Dundee", "ORG"), ("Bishop Auckland", "ORG"), ("Zarquon", "ORG"), ("UN", "ORG"),
             ("Toyota", "ORG"), ("Kennedy", "ORG"), ("Chelsea", "ORG"), ("Stockport", "ORG"),
             ("Stockport", "ORG")]  # fmt: skip
    _, names, _ = resolve(text, candidates(text, *spans))
    assert names["place"] == ("Dundee", "Bishop Auckland", "Stockport")
    assert set(names["organization"]) >= {"Zarquon", "UN", "Toyota", "Chelsea", "Stockport"}
    report = "The Leeds council of players met before Leeds beat Hull 3-1."
    _, names, _ = resolve(report, candidates(report, ("Leeds", "ORG")), sport=True)
    assert names["organization"] == ("Leeds",)


def test_a_name_after_a_word_of_region_or_neighbours_is_a_place():
    """ "TDs from neighbouring Limerick and Clare", "heavy rain over neighbouring Arunachal
    Pradesh" (a trial's Irish and Indian reports), "across Tairāwhiti and northern Hawke's
    Bay", a quotation's '"In Kisumu and Migori, we": the model's bodies and people, where
    a place stands. Not a body written so with a capital ("West Ham", "Central Bank"
    start no region), nor one that acts there ("neighbouring Chelsea said")."""
    text = (
        "Several TDs came from neighbouring Limerick and Clare. Rain fell over neighbouring"
        ' Arunachal Pradesh. A warning covers northern Hawke’s Bay. "In Kisumu, we have'
        ' officers," she said. Fans in north Omaha cheered. Neighbouring Chelsea said no.'
    )
    spans = [("Limerick", "ORG"), ("Clare", "ORG"), ("Arunachal Pradesh", "ORG"),
             ("Hawke’s Bay", "PERSON"), ("Kisumu", "ORG"), ("Omaha", "ORG"),
             ("Chelsea", "ORG")]  # fmt: skip
    _, names, _ = resolve(text, candidates(text, *spans))
    assert names["place"] == ("Limerick", "Clare", "Arunachal Pradesh", "Hawke’s Bay",
                              "Kisumu", "Omaha")  # fmt: skip
    assert names["organization"] == ("Chelsea",)


def test_a_body_in_a_town_written_before_town_or_state_is_the_town():
    """ "the lowest figures recorded in Nenagh town", "the election in Ondo state" (a
    trial's): a word a place's name is followed by, as "on" is ("in Kaiapoi on Monday"),
    for a name the gazetteer knows as a county or a region."""
    text = (
        "Turnout was lowest in Clare county. Votes in Arunachal Pradesh state rose. Jobs in"
        " Acme town went."
    )
    spans = [("Clare", "ORG"), ("Arunachal Pradesh", "ORG"), ("Acme", "ORG")]
    _, names, _ = resolve(text, candidates(text, *spans))
    assert names["place"] == ("Clare", "Arunachal Pradesh")
    assert names["organization"] == ("Acme",)


def test_a_body_named_as_people_are_after_a_persons_role_is_a_person():
    """ "Left-arm spinner Kunal Rawat", "wing Sibusiso Mkhize" (a trial's cricket and rugby
    reports), "prop Dai Young" (BBC): the model's bodies, whose first names no list
    holds. Not after a role a body takes too ("broadcaster Virgin Radio"), nor a body's,
    a town's or a company's name ("coach Kilnworks United", "coach Chipping Sodbury",
    "coach Stellar Motors"), one not written as names are ("chairman Labour MP"), one of four
    words, nor a place of the model's ("prop Zarquon Vale")."""
    text = (
        "Left-arm spinner Kunal Rawat took two. The wing Sibusiso Mkhize scored. The prop"
        " Dai Young retired. The broadcaster Virgin Radio grew. The coach Kilnworks United"
        " hired left. The coach Chipping Sodbury hired left. The coach Stellar Motors"
        " hired left. The chairman Labour MP spoke. The coach Jean Claude Van Damme"
        " spoke. The prop Zarquon Vale flooded."
    )
    spans = [("Kunal Rawat", "ORG"), ("Sibusiso Mkhize", "ORG"), ("Dai Young", "ORG"),
             ("Virgin Radio", "ORG"), ("Kilnworks United", "ORG"), ("Chipping Sodbury", "ORG"),
             ("Stellar Motors", "ORG"), ("Labour MP", "ORG"),
             ("Jean Claude Van Damme", "ORG"), ("Zarquon Vale", "GPE")]  # fmt: skip
    _, names, _ = resolve(text, candidates(text, *spans))
    assert names["person"] == ("Kunal Rawat", "Sibusiso Mkhize", "Dai Young")
    assert set(names["organization"]) >= {"Virgin Radio", "Kilnworks United", "Stellar Motors",
                                          "Labour MP", "Jean Claude Van Damme"}  # fmt: skip


def test_a_park_a_stream_or_peaks_the_model_calls_a_body_is_a_place():
    """ "Spruce Woods Provincial Park", "San Francisco Peaks", "Kenduskeag Stream" (a
    trial's), "Central Park" (BBC): the model's bodies, named as a park or nature's place
    is. Not one that acts as a body ("Linkin Park said"), nor a mountain's or a hill's
    name (songs and shows: "Wolverton Mountain", "Grange Hill")."""
    text = (
        "Trails in Spruce Woods Provincial Park shut. Snow fell on the San Francisco Peaks."
        " Kenduskeag Stream rose. Linkin Park said they would tour. Wolverton Mountain and"
        " Grange Hill aired."
    )
    spans = [("Spruce Woods Provincial Park", "ORG"), ("San Francisco Peaks", "ORG"),
             ("Kenduskeag Stream", "ORG"), ("Linkin Park", "ORG"),
             ("Wolverton Mountain", "ORG"), ("Grange Hill", "ORG")]  # fmt: skip
    _, names, _ = resolve(text, candidates(text, *spans))
    assert names["place"] == ("Spruce Woods Provincial Park", "San Francisco Peaks",
                              "Kenduskeag Stream")  # fmt: skip
    assert names["organization"] == ("Linkin Park", "Wolverton Mountain", "Grange Hill")


def test_a_mayor_and_a_school_board_are_a_towns():
    """ "mayor of Dubuque", "Former Dubuque mayor Bob Klauer", "the Lawrence school board"
    (a trial's obituary and school story; the model's bodies): the town, wherever the text
    names it; the mayor's name after it stays a person's. Not a name the gazetteer does
    not know ("the Zarquon school board")."""
    text = (
        "Former Dubuque mayor Bob Klauer died. He served as mayor of Kearney. Kearney grew."
        " The Lawrence school board voted. The Zarquon school board met."
    )
    spans = [("Dubuque", "ORG"), ("Bob Klauer", "PERSON"), ("Kearney", "ORG"),
             ("Kearney", "ORG"), ("Lawrence", "ORG"), ("Zarquon", "ORG")]  # fmt: skip
    mentions, names, _ = resolve(text, candidates(text, *spans))
    assert names["place"] == ("Dubuque", "Kearney", "Lawrence")
    assert names["person"] == ("Bob Klauer",)
    assert names["organization"] == ("Zarquon",)
    assert [m.kind for m in mentions if m.text == "Kearney"] == ["place", "place"]


def test_a_list_of_towns_holds_no_person():
    """ "spread to Garissa, Mandera, Migori, Homa Bay and Nairobi" (a trial's cholera
    report; the model's people): towns the gazetteer knows, in a list of towns after a
    place's cue, are towns, a name whose last word is a place's too ("Homa Bay", though
    "Homa" is a first name). Not one a first name starts ("Sydney", a person to the
    model, in "visits to Paris, Sydney and Rome")."""
    text = (
        "Cholera spread to Garissa, Mandera, Migori, Homa Bay and Nairobi, officials said."
        " Sydney Carton planned visits to Paris, Sydney and Rome."
    )
    spans = [("Garissa", "GPE"), ("Mandera", "ORG"), ("Migori", "PERSON"),
             ("Homa Bay", "PERSON"), ("Nairobi", "GPE"), ("Sydney Carton", "PERSON"),
             ("Paris", "GPE"), ("Sydney", "PERSON"), ("Rome", "GPE")]  # fmt: skip
    _, names, _ = resolve(text, candidates(text, *spans))
    assert {"Migori", "Homa Bay"} <= set(names["place"])
    assert "Sydney" not in names["place"]


def test_a_place_after_in_the_is_the_place():
    """ "patients in the Cynon Valley and Carmarthenshire", "in the Maldives islands" (a
    trial's Welsh health story, BBC's tourism reports; the model's bodies): places the
    gazetteer knows, or named as places are, after "in the"; and a list that ends with
    "the X area" ("in Keighley, Shipley and the Manningham area"). Not a name after "the"
    the gazetteer does not know ("in the Premiership", a person to the model), nor one
    before a noun ("in the Wimbledon final")."""
    text = (
        "Patients in the Cynon Valley and Carmarthenshire will wait. Schools in Keighley,"
        " Shipley and the Manningham area merged. Tourists in the Maldives islands came"
        " back. Fans cheered in the Premiership. He lost in the Wimbledon final."
    )
    spans = [("Cynon Valley", "ORG"), ("Carmarthenshire", "ORG"), ("Keighley", "GPE"),
             ("Shipley", "ORG"), ("Maldives", "ORG"), ("Premiership", "PERSON"),
             ("Wimbledon", "ORG")]  # fmt: skip
    _, names, _ = resolve(text, candidates(text, *spans))
    assert names["place"] == ("Cynon Valley", "Carmarthenshire", "Keighley", "Shipley",
                              "Maldives")  # fmt: skip
    assert "Premiership" in names["person"]
    assert "Wimbledon" in names["organization"]


def test_a_list_most_of_whose_names_are_bodies_holds_no_person_or_place():
    """ "IBM, Alcatel, Oracle, Sony and Philips" (BBC's telecoms and bank reports; the
    model's place and person among its bodies, which are more than half): bodies all.
    Not a person's full name in such a list ("Intel, Apple and Bill Gates"), a place the
    gazetteer knows ("the Midlands, Merseyside, Bristol and Leeds"), one whose name is a
    place's ("Aberdeen South, Dumfriesshire, Dundee East"), a last item whose name runs
    on ("Interpol and Echo and the Bunnymen"), one of two names ("Aldi and Lidl"), nor a
    sports report's list (its players')."""
    text = (
        "Rivals include IBM, Alcatel, Oracle, Sony and Philips. He met Intel, Apple and Bill"
        " Gates. Riots spread to Midlands Trust, Merseyside Trust, Barclays and Leeds. The"
        " marginals are Aberdeen South, Dumfriesshire, Dundee East. Bands such as Libertines,"
        " Interpol and Echo and the Bunnymen played. Aldi and Lidl grew."
    )
    spans = [("IBM", "ORG"), ("Alcatel", "GPE"), ("Oracle", "ORG"), ("Sony", "ORG"),
             ("Philips", "PERSON"), ("Intel", "ORG"), ("Apple", "ORG"), ("Bill Gates", "PERSON"),
             ("Midlands Trust", "ORG"), ("Merseyside Trust", "ORG"), ("Barclays", "ORG"),
             ("Leeds", "GPE"), ("Aberdeen South", "ORG"), ("Dumfriesshire", "PERSON"),
             ("Dundee East", "ORG"), ("Libertines", "ORG"), ("Interpol", "ORG"),
             ("Echo", "GPE"), ("Aldi", "ORG"), ("Lidl", "PERSON")]  # fmt: skip
    _, names, _ = resolve(text, candidates(text, *spans))
    assert {"Alcatel", "Philips"} <= set(names["organization"])
    assert {"Bill Gates", "Lidl"} <= set(names["person"])
    assert {"Leeds", "Echo"} <= set(names["place"])
    assert "Dumfriesshire" not in names["organization"]
    report = "Barton, Sibierski and Musampa played for City."
    spans = [("Barton", "ORG"), ("Sibierski", "ORG"), ("Musampa", "PERSON")]
    _, names, _ = resolve(report, candidates(report, *spans), sport=True)
    assert "Musampa" in names["person"]


def test_the_town_of_the_dateline_is_the_town_throughout():
    """ "FLAGSTAFF — The Flagstaff City Council voted ... Flagstaff has some of the highest
    housing costs" (a trial's council story; the model's body): the dateline's town is
    the town wherever the text names it alone, unless it acts as a body ("Leeds said")."""
    text = (
        "Council backs homes\n\nFLAGSTAFF — The Flagstaff City Council voted 6-1 on"
        " Tuesday.\n\nFlagstaff has some of the highest housing costs in Arizona."
    )
    spans = [("Flagstaff City Council", "ORG"), ("Flagstaff has", "ORG")]
    found = [c if c.text != "Flagstaff has" else replace(c, end=c.start + 9, text="Flagstaff")
             for c in candidates(text, *spans)]  # fmt: skip
    _, names, _ = resolve(text, with_dateline(text, found))
    assert "Flagstaff" in names["place"]
    assert "Flagstaff" not in names["organization"]
    text = "Club backs coach\n\nLEEDS — Leeds said on Tuesday the coach would stay."
    found = [
        replace(c, end=c.start + 5, text="Leeds") for c in candidates(text, ("Leeds said", "ORG"))
    ]
    _, names, _ = resolve(text, with_dateline(text, found))
    assert "Leeds" in names["organization"]


def test_the_town_a_person_is_of_is_a_place():
    """ "Dennis Thibodeau, 66, of Hampden", "Sen. Curtis Mahlberg of Kearney", "Joss
    Stone, 17, from Devon" (trials' shop closing, tax debate and Brit awards; BBC's
    "Roy Tansley, from Derby"; the model's bodies and people): the town. Not a name with
    a body's word ("from Automotive News Europe"), nor after a title or a band's word
    ("the Duke of Edinburgh", "Kings of Leon", BBC's), nor a university's town
    ("Professor Ann Smith of Cambridge" where "Cambridge University" is named), nor a
    name the gazetteer does not know, nor one after no person."""
    text = (
        "Dennis Thibodeau, 66, of Hampden spoke. Sen. Curtis Mahlberg of Kearney voted. The"
        " Duke of Edinburgh and Kings of Leon came. Professor Ann Smith of Cambridge said"
        " Cambridge University agreed. Jo Bloggs of Zarquon and the Bank of Wigan wrote."
        " Joss Stone, 17, from Devon won. Brad Wernle, from Automotive News Europe, said so."
    )
    spans = [("Dennis Thibodeau", "PERSON"), ("Hampden", "ORG"), ("Curtis Mahlberg", "PERSON"),
             ("Kearney", "PERSON"), ("Duke", "PERSON"), ("Edinburgh", "ORG"),
             ("Kings", "PERSON"), ("Leon", "PERSON"), ("Ann Smith", "PERSON"),
             ("Cambridge", "ORG"), ("Jo Bloggs", "PERSON"), ("Zarquon", "ORG"),
             ("Wigan", "ORG"), ("Joss Stone", "PERSON"), ("Devon", "PERSON"),
             ("Brad Wernle", "PERSON"), ("Automotive News Europe", "ORG")]  # fmt: skip
    _, names, _ = resolve(text, candidates(text, *spans))
    assert names["place"] == ("Hampden", "Kearney", "Devon")
    assert "Automotive News Europe" in names["organization"]
    assert {"Edinburgh", "Cambridge", "Zarquon", "Wigan"} <= set(names["organization"])
    assert "Leon" not in names["place"]


def test_a_town_after_a_capitalised_cue_or_west_of_is_the_town():
    """ "In Sherbrooke, the mayor opened ...", "a fire west of Kamloops was expanded" (a
    trial's; BBC's "The camp in Embu was to prepare"): the model's bodies, where a place
    stands. "was" after the cue says nothing of a body; without a cue it still does
    ("Leeds was fined"), as "said" does ("Norwich said so")."""
    text = (
        "In Sherbrooke, the mayor opened two centres. Lines fell from Sherbrooke to the"
        " border. An order west of Kamloops was expanded. The camp in Embu was shut. Crews"
        " worked south of Mosinee. A club in Leeds grew; Leeds was fined. A fund in Norwich"
        " grew; Norwich said so."
    )
    spans = [("Sherbrooke", "ORG"), ("Sherbrooke", "ORG"), ("Kamloops", "ORG"),
             ("Embu", "PERSON"), ("Mosinee", "PERSON"), ("Leeds", "ORG"), ("Leeds", "ORG"),
             ("Norwich", "ORG"), ("Norwich", "ORG")]  # fmt: skip
    _, names, _ = resolve(text, candidates(text, *spans))
    assert names["place"] == ("Sherbrooke", "Kamloops", "Embu", "Mosinee")
    assert names["organization"] == ("Leeds", "Norwich")


def test_a_teams_nickname_after_its_full_name_is_the_team_in_a_sports_report():
    """ "the Buffalo Bills ... the Bills", "The Grizzlies" of the Memphis Grizzlies (a
    trial's NFL and NBA reports; CoNLL's "Seattle Mariners ... the Mariners"), whatever
    the model calls the nickname alone: one team. Not a nickname never written "the X",
    nor the last word of a body's name that is no town's ("Sven-Goran Eriksson", the
    model's ORG), nor a place's ("Cricket Australia ... beat Australia"), nor outside a
    sports report."""
    text = (
        "The Buffalo Bills beat the Memphis Grizzlies. The Bills led; The Grizzlies"
        " faded. Sven-Goran Eriksson watched; Eriksson said the Eriksson era is over. Cricket"
        " Australia praised the Australia side after the win over Australia. Leeds United"
        " lost; United fans sang. Wales Jones kicked; Stephen Jones scored the Jones way."
    )
    teams = [
        Candidate(match.start(), match.end(), match[0], label)
        for surface, label in [
            ("Buffalo Bills", "ORG"),
            ("Memphis Grizzlies", "ORG"),
            ("(?<=The )Bills", "ORG"),
            ("(?<=The )Grizzlies", "PERSON"),
            ("Sven-Goran Eriksson", "ORG"),
            ("(?<=; )Eriksson", "ORG"),
            ("Cricket Australia", "ORG"),
            ("(?<=over )Australia", "GPE"),
            ("Leeds United", "ORG"),
            ("(?<=; )United", "ORG"),
            ("Wales Jones", "ORG"),
            ("Stephen Jones", "PERSON"),
            ("(?<=the )Jones", "ORG"),
        ]  # fmt: skip
        for match in [re.search(surface, text)]
    ]
    teams.sort(key=lambda c: c.start)
    mentions, names, _ = resolve(text, teams, sport=True)
    assert names["organization"] == ("Buffalo Bills", "Memphis Grizzlies",
                                     "Sven-Goran Eriksson", "Eriksson", "Cricket Australia",
                                     "Leeds United", "United", "Wales Jones")  # fmt: skip
    assert names["place"] == ("Australia",)
    assert names["person"] == ("Stephen Jones",)
    assert [m.name for m in mentions if m.text == "Jones"] == ["Stephen Jones"]
    # Two of its teams end in it: neither's.
    two = "Berwick Rangers met Glasgow Rangers. The Rangers fans sang."
    spans = [("Berwick Rangers", "ORG"), ("Glasgow Rangers", "ORG")]
    start = two.index("Rangers fans")
    found = [*candidates(two, *spans), Candidate(start, start + 7, "Rangers", "ORG")]
    _, names, _ = resolve(two, found, sport=True)
    assert names["organization"] == ("Berwick Rangers", "Glasgow Rangers", "Rangers")
    _, names, _ = resolve(text, teams[:3])  # not a sports report
    assert names["organization"] == ("Buffalo Bills", "Memphis Grizzlies", "Bills")


def test_a_paper_or_a_carrier_the_model_calls_a_person_is_a_body():
    """ "Billings Gazette", "Telegraph Herald", "BNSF Railway" (a trial's "people"), and a
    paper by its last word ("records obtained by the Gazette"; BBC's "quoted in the Herald
    newspaper"): bodies, in any report; "the Gazette" of an article that names the
    Billings Gazette is that paper. Not "The Times" beside the Financial Times (a paper of
    its own), nor "Jim Courier" (a player), nor a paper's word never written "the X"."""
    text = (
        "The Billings Gazette and the Telegraph Herald reported it. BNSF Railway cut jobs,"
        " records obtained by the Gazette show. The Financial Times and The Times agreed."
        " Jim Courier lost."
    )
    spans = [("Billings Gazette", "PERSON"), ("Telegraph Herald", "PERSON"),
             ("BNSF Railway", "PERSON"), ("Gazette", "PERSON"), ("Financial Times", "ORG"),
             ("Times", "ORG"), ("Jim Courier", "PERSON")]  # fmt: skip
    found = candidates(text, *spans)
    found = [c for c in found if c.text != "Gazette"] + [
        Candidate(text.index("the Gazette") + 4, text.index("the Gazette") + 11, "Gazette",
                  "PERSON")
    ]  # fmt: skip
    found.sort(key=lambda c: c.start)
    mentions, names, _ = resolve(text, found)
    assert names["organization"] == ("Billings Gazette", "Telegraph Herald", "BNSF Railway",
                                     "Financial Times", "Times")  # fmt: skip
    assert names["person"] == ("Jim Courier",)
    assert [m.name for m in mentions if m.text == "Gazette"] == ["Billings Gazette"]
    alone = "Records obtained by the Gazette show it. Gazette staff agreed."
    _, names, _ = resolve(alone, candidates(alone, ("Gazette", "PERSON")))
    assert names["organization"] == ("Gazette",)
    never = "Gazette Smith said so."
    _, names, _ = resolve(never, candidates(never, ("Gazette", "PERSON")))
    assert names["organization"] == ()


def test_a_town_and_the_nickname_after_it_are_one_team_in_a_sports_report():
    """ "the Florida Marlins" (CoNLL), which the model splits into a place and a person:
    one team, in a sports report. Not a player's name after a side's ("Wales Williams"
    beside Shane Williams), nor a first name's ("Florida Charles"), a word not in "s"
    ("Ohio Smith"), a place's ("Cardiff Wales"), one of more words or of other letters
    ("Texas Big Time Wrestlers", "Kansas McAdams"), one on the next line, or one after a
    place no gazetteer knows ("Zarquon Bees")."""
    text = (
        "The Florida Marlins won. For Wales Williams scored; Shane Williams ran. For"
        " Florida Charles hit, Ohio Smith ran and Zarquon Bees lost. Fans of Cardiff Wales,"
        " Texas Big Time Wrestlers and Kansas McAdams came from Iowa\nRivers."
    )
    spans = [("Florida", "GPE"), ("Marlins", "PERSON"), ("Wales", "GPE"), ("Williams", "PERSON"),
             ("Shane Williams", "PERSON"), ("Florida", "GPE"), ("Charles", "PERSON"),
             ("Ohio", "GPE"), ("Smith", "PERSON"), ("Zarquon", "GPE"), ("Bees", "PERSON"),
             ("Cardiff", "GPE"), ("Wales", "GPE"), ("Texas", "GPE"),
             ("Big Time Wrestlers", "ORG"), ("Kansas", "GPE"), ("McAdams", "PERSON"),
             ("Iowa", "GPE"), ("Rivers", "PERSON")]  # fmt: skip
    _, names, _ = resolve(text, candidates(text, *spans), sport=True)
    assert names["organization"] == ("Florida Marlins", "Big Time Wrestlers")
    assert set(names["place"]) >= {"Wales", "Florida", "Ohio", "Cardiff", "Texas", "Kansas"}
    _, names, _ = resolve(text, candidates(text, *spans))  # not a sports report
    assert names["organization"] == ("Big Time Wrestlers",)


def test_only_a_sports_report_or_a_results_table_holds_the_place_rules_back():
    """Towns name teams in sports reports ("gave Newport an unlikely 3-0 win"), so the
    place rules ("a fund in Boise") wait there: in a report its topic tags call sport, or
    in a results table or team sheet. Not in a court story whose short paragraphs hold
    numbers ("Whitcombe, 44, took £86,000 in 12 months"; a trial's Thornbury, BBC's
    Oxford), which the old count of numbered lines took for a table."""
    court = (
        "Whitcombe, 44, took £86,000 in 12 months.\n\nHe paid 5 of 6 debts in 2023.\n\n"
        "Judge Day gave him 4 years and 3 months.\n\nPolice said 2 of 9 victims died.\n\n"
        "A fund in Boise grew. The Boise fund rose."
    )
    spans = [("Whitcombe", "PERSON"), ("Day", "PERSON"), ("Boise", "ORG"), ("Boise", "ORG")]
    assert extraction(court, candidates(court, *spans), ()).places == ("Boise",)
    sport = extraction(court, candidates(court, *spans), (), tags=("sport/football",))
    assert sport.organizations == ("Boise",)
    sheet = "Dudek, Finnan, Traore (Biscan 67), Hamann (Nunez 56).\nRiise 1, Nunez 113.\n"
    table = sheet + "A fund in Boise grew. The Boise fund rose."
    boise = candidates(table, ("Boise", "ORG"), ("Boise", "ORG"))
    assert extraction(table, boise, ()).organizations == ("Boise",)
    # A country before a score is its side only among lines of scores, not in any
    # sports report ("Hantuchova beat France 6-3": the place, as a national team is).
    report = "Hantuchova beat Mary Pierce of France 6-3 in Dubai."
    spans = [("Hantuchova", "PERSON"), ("Mary Pierce", "PERSON"), ("France", "GPE"),
             ("Dubai", "GPE")]  # fmt: skip
    tennis = extraction(report, candidates(report, *spans), (), tags=("sport/tennis",))
    assert tennis.places == ("France", "Dubai")


def test_a_body_listed_after_in_before_between_is_the_town():
    """ "pensioners in Yate, Chipping Sodbury and Thornbury between March 2021 and October
    2022": a word a place's name is followed by, as "but", "despite" and "because" are
    ("in India but", "in Madrid despite", "in London because": BBC)."""
    text = (
        "He targeted pensioners in Yate and Thornbury between March and May. Jobs went in"
        " Leeds and Boise but not in York. The Boise fund rose."
    )
    spans = [("Yate", "GPE"), ("Thornbury", "ORG"), ("Leeds", "GPE"), ("Boise", "ORG"),
             ("York", "GPE"), ("Boise", "ORG")]  # fmt: skip
    assert extraction(text, candidates(text, *spans), ()).places == (
        "Yate", "Thornbury", "Leeds", "Boise", "York"
    )  # fmt: skip


def test_a_name_of_several_words_where_a_small_town_stands_is_the_town():
    """ "pensioners in Yate, Chipping Sodbury and Thornbury" (a trial): a town of 5,000
    people the model calls a body, in a list after "in", or a person ("near Chipping
    Norton"); not a name no gazetteer knows ("in Acme Widgets"), nor a body of one word
    a small town shares ("Students in Trinity": a reviewer's)."""
    text = (
        "Pensioners in Yate, Chipping Sodbury and Thornbury lost money. Homes near Chipping"
        " Norton were flooded. Jobs in Acme Widgets went. Students in Trinity were told."
    )
    spans = [("Yate", "GPE"), ("Chipping Sodbury", "ORG"), ("Thornbury", "GPE"),
             ("Chipping Norton", "PERSON"), ("Acme Widgets", "ORG"),
             ("Trinity", "ORG")]  # fmt: skip
    found = extraction(text, candidates(text, *spans), ())
    assert found.places == ("Yate", "Chipping Sodbury", "Thornbury", "Chipping Norton")
    assert found.organizations == ("Acme Widgets", "Trinity")  # a college, a small town


def test_the_rounds_place_rules_spare_a_reviewers_counterexamples():
    """A body that holds an area ("seats in traditional Labour areas", "a Labour area",
    "the Taliban areas of Helmand"), a side's penalty area ("inside the Fulham area"), a
    shire that is a surname ("Mr Cheshire", "Councillor Wiltshire"), a story whose
    second tag is sport ("football fans ... a pub in Truro"), a company's results in
    figures, and a surname a "but" follows ("a lot of Blair in Starmer but")."""
    text = (
        "Labour hopes to win seats in traditional Labour areas; it is a Labour area too."
        " Aid reached the Taliban areas of Helmand. Toney was tripped inside the Fulham"
        " area. Mr Cheshire objected. Councillor Wiltshire was against it. They see"
        " a lot of Blair in Starmer but the comparison is unfair."
    )
    spans = [("Labour", "ORG"), ("Labour", "ORG"), ("Labour", "ORG"), ("Taliban", "ORG"),
             ("Helmand", "GPE"), ("Toney", "PERSON"), ("Fulham", "ORG"),
             ("Cheshire", "PERSON"), ("Wiltshire", "PERSON"), ("Blair", "PERSON"),
             ("Starmer", "PERSON")]  # fmt: skip
    found = extraction(text, candidates(text, *spans), ())
    assert found.places == ("Helmand",)
    assert found.organizations == ("Labour", "Taliban", "Fulham")
    assert found.people == ("Toney", "Cheshire", "Wiltshire", "Blair", "Starmer")
    pub = "Police held 12 football fans after a fight in Truro. The Truro pub has shut."
    truro = candidates(pub, ("Truro", "ORG"), ("Truro", "ORG"))
    tags = ("crime-law-justice", "sport/football")
    assert extraction(pub, truro, (), tags=tags).places == ("Truro",)
    results = (
        "A fund in Boise grew.\n- Pre-tax profit: £12.3m (2022: £10.1m)\n"
        "- Revenue: £45.6m (2022: £40.2m)\nThe Boise fund rose."
    )
    boise = candidates(results, ("Boise", "ORG"), ("Boise", "ORG"))
    assert extraction(results, boise, ()).places == ("Boise",)
    tennis = "Capriati is a champion in Melbourne. The Melbourne crowd cheered."
    melbourne = candidates(
        tennis, ("Capriati", "PERSON"), ("Melbourne", "ORG"), ("Melbourne", "ORG")
    )
    assert extraction(tennis, melbourne, (), tags=("sport/tennis",)).places == ("Melbourne",)


def test_a_body_written_where_a_known_town_stands_is_that_town():
    """The model's "organizations" Truro and Boise (the held-out trial), Melbourne and
    Bristol (BBC), written "in X": the town the gazetteer knows. Not a firm or a club that
    acts ("Leeds said", "Norwich chief executive"), a club of a player's career ("his career
    in Yorkshire"), a longer name's first word ("Google Cloud"), a clause's subject
    after a list ("in Oxford, UK, and Nokia begins"), a paper ("published in Granma") nor
    a name with a body's word the gazetteer knows as a description ("in Derby County"),
    nor a name no gazetteer knows ("in Acme")."""
    text = (
        "The hospital in Truro declared an incident. A fund in Boise grew. He trained in"
        " Leeds; Leeds said so. Threats in Google Cloud grew. A trial in Oxford, UK, and"
        " Nokia begins a trial too. A letter was published in Granma on Tuesday. Staff in"
        " Truro City Council agreed. Jobs in Acme were cut. Fans in Derby County were sad."
        " A trial in Kansas City began; Kansas City rose. Rooms in White House were shut. His"
        " career in Yorkshire ended. A rally in Norwich; Norwich chief executive Neil Doncaster"
        " spoke. A spike in Google searches. Amazon's chief executive spoke of work in Amazon."
        " The crisis around Chelsea deepened."
    )
    spans = [("Truro", "ORG"), ("Boise", "ORG"), ("Leeds", "ORG"), ("Google", "ORG"),
             ("Oxford", "GPE"), ("UK", "GPE"), ("Nokia", "ORG"), ("Granma", "ORG"),
             ("Truro City Council", "ORG"), ("Acme", "ORG"), ("Derby County", "ORG"),
             ("Kansas City", "ORG"), ("White House", "ORG"), ("Yorkshire", "ORG"),
             ("Norwich", "ORG"), ("Amazon", "ORG"), ("Chelsea", "ORG")]  # fmt: skip
    found = candidates(text, *spans)
    found += [
        Candidate(text.index("Leeds said"), text.index(" said so"), "Leeds", "ORG"),
        Candidate(text.index("Norwich chief"), text.index(" chief"), "Norwich", "ORG"),
        Candidate(text.index("Kansas City rose"), text.index(" rose"), "Kansas City", "ORG"),
    ]
    _, names, _ = resolve(text, sorted(found, key=lambda c: c.start))
    assert names["place"] == ("Truro", "Boise", "Oxford", "United Kingdom", "Kansas City")
    assert names["organization"] == ("Leeds", "Google", "Nokia", "Granma", "Truro City Council",
                                     "Acme", "Derby County", "White House", "Yorkshire",
                                     "Norwich", "Amazon", "Chelsea")  # fmt: skip


def test_a_county_named_as_such_is_a_place():
    """ "County Durham", "Co Meath" (PERSON to the model, in the trials): places, when the
    gazetteer knows the county; not "County Hall"."""
    text = "Fires in County Durham and Co Meath. The County Hall shut."
    spans = [("County Durham", "PERSON"), ("Co Meath", "PERSON"), ("County Hall", "PERSON")]
    _, names, _ = resolve(text, candidates(text, *spans))
    assert names["place"] == ("County Durham", "Co Meath")
    assert names["person"] == ("County Hall",)


def test_irish_welsh_and_nigerian_titles_and_letters_are_no_part_of_the_name():
    """Irish, Welsh and Nigerian news: "Tánaiste Micheál Martin", "Alhaji Musa Danladi",
    a barrister's "SC" and "BL", a member's "TD" and "MS"."""
    text = (
        "Tánaiste Micheál Martin and Alhaji Musa Danladi met. Michael Bowman SC and Fiona"
        " Murphy BL argued; Mary Lou McDonald TD and Siân Gwenllian MS spoke."
    )
    spans = [("Tánaiste Micheál Martin", "PERSON"), ("Alhaji Musa Danladi", "PERSON"),
             ("Michael Bowman SC", "PERSON"), ("Fiona Murphy BL", "PERSON"),
             ("Mary Lou McDonald TD", "PERSON"), ("Siân Gwenllian MS", "PERSON")]  # fmt: skip
    _, names, _ = resolve(text, candidates(text, *spans))
    assert names["person"] == ("Micheál Martin", "Musa Danladi", "Michael Bowman",
                               "Fiona Murphy", "Mary Lou McDonald", "Siân Gwenllian")  # fmt: skip


def test_a_word_of_an_offices_name_is_no_organization():
    """ "State" of "the Secretary of State for Wales" (BBC, 2 articles; the held-out trial's
    2), which the model tags alone; not a union its general secretary leads (a
    reviewer's example)."""
    text = "The Secretary of State for Wales spoke. Sharon Graham, general secretary of Unite."
    spans = [("State", "ORG"), ("Sharon Graham", "PERSON"), ("Unite", "ORG")]
    _, names, _ = resolve(text, candidates(text, *spans))
    assert names["organization"] == ("Unite",)


def test_a_name_only_clubs_end_in_is_a_clubs():
    """ "Aston Villa" (a person in one BBC article, a place in another), "Brighton and Hove
    Albion", "Bristol Rovers": clubs. Not "Stoke City" nor "Cape Town", whose last words
    end towns' names too."""
    text = "Aston Villa beat Brighton and Hove Albion. Bristol Rovers lost. Cape Town. David Villa."
    spans = [("Aston Villa", "PERSON"), ("Brighton and Hove Albion", "GPE"),
             ("Bristol Rovers", "GPE"), ("Cape Town", "GPE"),
             ("David Villa", "PERSON")]  # fmt: skip
    _, names, _ = resolve(text, candidates(text, *spans))
    assert names["organization"] == ("Aston Villa", "Brighton and Hove Albion", "Bristol Rovers")
    assert names["place"] == ("Cape Town",)
    assert names["person"] == ("David Villa",)  # a first name and a surname


def test_all_caps_dateline_is_title_cased():
    text = "HAVANA (AP) -- Cuba said."
    _, names, _ = resolve(text, candidates(text, ("HAVANA", "GPE"), ("Cuba", "GPE")))
    assert names["place"] == ("Havana", "Cuba")


def test_a_newspapers_dash_dateline_names_a_place():
    """US papers' own datelines ("BOISE, Idaho — ", the second trial's five articles; "LAKE
    WALES, Fla. — "), whose capitals the model takes for a body or cuts: the place and its
    region, when the gazetteer knows either; not a heading (CoNLL's "IPO FILING -- ")."""
    text = "Boise council backs fund\n\nBOISE, Idaho — The Boise City Council voted."
    model = [Candidate(text.index("BOISE"), text.index("BOISE") + 5, "BOISE", "ORG")]
    found = with_dateline(text, model)
    assert [(c.text, c.label) for c in found] == [("BOISE", "GPE"), ("Idaho", "GPE")]
    assert [c.text for c in dateline("Search\n\nLAKE WALES, Fla. — A man.")] == [
        "LAKE WALES", "Fla."
    ]  # fmt: skip
    assert [c.text for c in dateline("Shares\n\nNAIROBI — Kenya said.")] == ["NAIROBI"]
    # A town no gazetteer knows, in a state it knows.
    assert [c.text for c in dateline("Fire\n\nSMALLVILLE, Idaho — A barn.")] == [
        "SMALLVILLE", "Idaho"
    ]  # fmt: skip
    assert dateline("Results\n\nIPO FILING -- Acme filed.") == []
    # A preview's, a team sheet's and a scorecard's headings (a reviewer's examples), and
    # a dash line past the first paragraph.
    assert dateline("Preview\n\nLIVERPOOL — Out: Alisson (hamstring).") == []
    assert dateline("Team\n\nIRELAND — H Keenan; C Nash, G Ringrose.") == []
    assert dateline("Scores\n\nNEW ZEALAND — 245 all out (Williamson 80).") == []
    assert dateline("Vote\n\nIt rained.\n\nLONDON — The rest.") == []
    assert dateline("Vote\n\nThe council -- in a late vote -- agreed.") == []


def test_a_roads_number_is_no_name():
    """The first trial's "A66", "A19" and "N25" (bodies to the model): no page's name; not
    "MI5", "G8" or "S4C"."""
    text = "Delays on the A66 and the N25, the M6 and the A1(M). MI5, the G8 and S4C agreed."
    spans = [("A66", "ORG"), ("N25", "ORG"), ("M6", "GPE"), ("A1(M)", "ORG"), ("MI5", "ORG"),
             ("G8", "ORG"), ("S4C", "ORG")]  # fmt: skip
    _, names, _ = resolve(text, candidates(text, *spans))
    assert names == {"person": (), "place": (), "organization": ("MI5", "G8", "S4C")}


def test_a_person_ending_in_a_firms_or_a_clubs_letters_is_a_body():
    """ "Cooley LLP", "Wrexham AFC", "Campaign Legal Center" (people to the model, in the
    trials): a law firm, a club, a body."""
    text = "Cooley LLP advised. Wrexham AFC won. The Campaign Legal Center sued. Tom Cooley ran."
    spans = [("Cooley LLP", "PERSON"), ("Wrexham AFC", "PERSON"),
             ("Campaign Legal Center", "PERSON"), ("Tom Cooley", "PERSON")]  # fmt: skip
    _, names, _ = resolve(text, candidates(text, *spans))
    assert names["organization"] == ("Cooley LLP", "Wrexham AFC", "Campaign Legal Center")
    assert names["person"] == ("Tom Cooley",)


def test_a_role_noun_before_a_full_name_is_not_part_of_it():
    text = "Backbencher Stephen Pound said so. Novelist Margaret Atwood agreed with Kim Jong Un."
    _, names, _ = resolve(
        text,
        candidates(
            text,
            ("Backbencher Stephen Pound", "PERSON"),
            ("Novelist Margaret Atwood", "PERSON"),
            ("Kim Jong Un", "PERSON"),
        ),
    )
    assert names["person"] == ("Stephen Pound", "Margaret Atwood", "Kim Jong Un")


def test_an_initial_in_a_team_sheet_stays_with_its_surname():
    text = "Replacements: F Sheahan, M Horan, E Miller, G Easterby, D Humphreys."
    found = with_initials(text, [Candidate(text.index("Miller"), text.index("Miller") + 6,
                                           "Miller", "PERSON")])  # fmt: skip
    assert [c.text for c in found] == ["E Miller"]
    prose = "A Miller said so."  # a sentence's article, not an initial
    found = with_initials(prose, [Candidate(2, 8, "Miller", "PERSON")])
    assert [c.text for c in found] == ["Miller"]


@pytest.mark.parametrize(
    ("text", "word", "person"),
    [
        ("The Agnelli family controls Fiat.", "Agnelli", False),
        ("Ray star Jamie Foxx won.", "Ray", False),
        ("He tied with Ray's Taylor Hackford.", "Ray", False),
        ("Agnelli said he would sell.", "Agnelli", True),
        ("Foxx's portrayal won.", "Foxx", True),
    ],
)
def test_a_family_or_a_title_is_no_person(text, word, person):
    start = text.index(word)
    candidate = Candidate(start, start + len(word), word, "PERSON")
    assert (not _not_a_person_here(text, candidate)) is person


def test_a_numbered_station_keeps_its_number_and_a_score_loses_it():
    """ "BBC Radio 4" and "Channel 4" stay whole; "Chelsea 2" in a result is Chelsea."""
    text = "He told BBC Radio 4 and Channel 4 about it. Result: Chelsea 2 Arsenal 1."
    _, names, _ = resolve(text, candidates(text, ("BBC Radio 4", "ORG"), ("Channel 4", "ORG"),
                                           ("Chelsea 2", "ORG")))  # fmt: skip
    assert set(names["organization"]) == {"BBC Radio 4", "Channel 4", "Chelsea"}


def test_a_companys_last_word_and_a_sentence_start_cut_a_persons_name():
    """ "Warner Bros" and "Royal Mail" are companies, whatever the model said; "Warner Bros.
    However" runs into the next sentence and loses its first word."""
    text = "Warner Bros. However, Royal Mail and Lehman Brothers said so."
    _, names, _ = resolve(text, candidates(text, ("Warner Bros. However", "PERSON"),
                                           ("Royal Mail", "PERSON"),
                                           ("Lehman Brothers", "PERSON")))  # fmt: skip
    assert set(names["organization"]) == {"Warner Bros", "Royal Mail", "Lehman Brothers"}
    assert not names["person"]


def test_a_companys_legal_name_joins_its_short_name_in_one_article():
    """News names a company once with its legal form and then without it: "Hewlett-Packard
    Co." is Hewlett-Packard, "Intel Corp." Intel (the page takes the short name). "Sun
    Microsystems Inc." beside "Sun" drops the trade too: left to the archive's joins;
    "BAE Systems", tagged as a person, ends as a company's name does."""
    text = (
        "Hewlett-Packard Co. and Intel Corp. rose, Sun Microsystems Inc. fell and BAE"
        " Systems said so. Hewlett-Packard, Intel and Sun said so too. Zaldy Co agreed with"
        " Walt Disney Co."
    )
    spans = [(n, "ORG") for n in ("Hewlett-Packard Co.", "Intel Corp.", "Sun Microsystems Inc.",
                                  "Hewlett-Packard", "Intel", "Sun")]  # fmt: skip
    people = [("BAE Systems", "PERSON"), ("Zaldy Co", "PERSON"), ("Walt Disney Co", "PERSON")]
    mentions, names, _ = resolve(text, candidates(text, *spans, *people))
    assert set(names["organization"]) == {
        "Hewlett-Packard", "Intel", "Sun Microsystems Inc.", "Sun", "BAE Systems",
        "Walt Disney Co",
    }  # fmt: skip
    assert names["person"] == ("Zaldy Co",)  # two words and "Co": a surname too

    assert {m.text: m.name for m in mentions}["Hewlett-Packard Co."] == "Hewlett-Packard"


def test_a_team_sheets_bracketed_home_nation_is_a_national_side():
    """A scorer list's "(Scotland)" is a national side, a place, as "(Italy)" is; a club
    in brackets is an organization."""
    from build_tools.convert.resolve import team_sheet

    text = (
        "Lions: G Henson (Wales), C Paterson (Scotland), M Bergamasco (Italy),"
        " D Hickie (Leinster), S Jones (Llanelli)"
    )
    labels = {c.text: c.label for c in team_sheet(text) if c.label != "PERSON"}
    assert labels == {
        "Wales": "GPE", "Scotland": "GPE", "Italy": "GPE", "Leinster": "ORG", "Llanelli": "ORG"
    }  # fmt: skip


def test_a_benchs_short_list_is_players_though_a_name_be_a_towns():
    """ "Subs Not Used: Hamann, Harrison." beside a team sheet lists two players: people,
    though the gazetteer knows a Harrison and the model called it a place (two items are
    too few for a sheet of their own); so is a bench of one, and a bench after the sheet
    in its paragraph. An unlabelled list's one-word "players" that are places stay places
    ("Argentina (4), South Africa (5), Kenya, Tunisia" are sides), and a bench's label
    without a sheet, or a word after it, names no one."""
    text = (
        "Dudek, Finnan, Hyypia, Carragher, Riise.\n\nSubs Not Used: Hamann, Harrison.\n\n"
        "Given, Carr, Elliott, Bramble, Bernard. Subs not used: Harper. Booked: Bowyer.\n\n"
        "Argentina (4), South Africa (5), Kenya, Tunisia, Russia, Uruguay."
    )
    found = candidates(text, ("Hamann", "PERSON"), ("Harrison", "GPE"), ("Harper", "GPE"),
                       ("Tunisia", "GPE"))  # fmt: skip
    _, names, _ = resolve(text, found)
    assert {"Hamann", "Harrison", "Harper"} <= set(names["person"])
    assert "Tunisia" in names["place"]
    from build_tools.convert.resolve import team_sheet

    alone = "Mr Smith flew from Harrison.\n\nSubs not used: Harrison."  # no sheet
    at = alone.rindex("Harrison")
    _, names, _ = resolve(alone, [Candidate(at, at + 8, "Harrison", "GPE")])
    assert "Harrison" not in names["person"]
    word = "Dudek, Finnan, Hyypia, Carragher, Riise.\n\nSubs: None."
    assert [c.text for c in team_sheet(word)] == ["Dudek", "Finnan", "Hyypia", "Carragher",
                                                  "Riise"]  # fmt: skip


def test_a_substitute_in_spaced_brackets_is_a_person_at_its_own_place():
    """Reuters spaces brackets and writes the minute as an ordinal: "( Andreas Ogris 77th
    )" is a substitute, a person, whose position covers his name (it was an organization
    "Andreas Ogris 77th", stored from the space before it)."""
    from build_tools.convert.resolve import team_sheet

    text = (
        "Austria : Michael Konsel , Markus Schopp , Peter Schoettel , Anton Pfeffer , "
        "Dieter Ramusch ( Andreas Ogris 77th ) , Dietmar Kuehbauer ."
    )
    found = {c.text: (c.label, text[c.start : c.end]) for c in team_sheet(text)}
    assert found["Andreas Ogris"] == ("PERSON", "Andreas Ogris")
    assert all(label == "PERSON" for label, _ in found.values())


def test_a_wire_services_results_lines_are_teams_and_its_tables_no_names():
    """Reuters' results: "Montrose 2 Ross County 1" are two clubs (the model and the given
    name Ross made a person of Ross County), a country's side a place (Wales too); a
    standings table's columns ("W L PCT GB") are no name, and a fixture list's "AT
    DETROIT" is Detroit."""
    text = (
        "SOCCER - RESULTS\n\nMontrose 2 Ross County 1\n\nItaly 2 Leyton Orient 0\n\n"
        "Wales 11 England 9\n\nFalkirk 1 Dundee 1\n\nW L PCT GB\n\nKANSAS CITY AT DETROIT"
        "\n\nWales coach Mike Ruddock was pleased. NEXT GAME IN LONDON, IN BLOOMSBURG."
    )
    spans = [("Ross County", "PERSON"), ("W L PCT GB", "ORG"), ("AT DETROIT", "ORG"),
             ("IN LONDON", "GPE"), ("IN BLOOMSBURG", "GPE")]  # fmt: skip
    _, names, _ = resolve(text, candidates(text, *spans))
    assert set(names["organization"]) == {
        "Montrose", "Ross County", "Leyton Orient", "Falkirk", "Dundee", "Detroit"
    }  # fmt: skip
    assert set(names["place"]) == {"Italy", "Wales", "England", "London", "IN Bloomsburg"}
    assert names["person"] == ("Mike Ruddock",)
    # Not a results report (one line: an exit poll, among paragraphs of figures), or
    # players' names: as the model read.
    figures = "Turnout was 61.5 and 3.2 points up.\n\n" * 4
    poll = f"EXIT POLL\n\n{figures}Bush 51 Kerry 48\n\nPresident Bush won."
    for text, people in ((poll, ("Bush", "Kerry")),
                         ("SNOOKER\n\nJohn Higgins 9 Mark Williams 7\n\nA 1 2\n\nB 3 4\n\n"
                          "C 5 6", ("John Higgins", "Mark Williams"))):  # fmt: skip
        found = candidates(text, *((person, "PERSON") for person in people))
        assert resolve(text, found)[1]["person"] == people
    prose = "Ross County said he would stay. Montrose 2 points clear."
    _, names, _ = resolve(prose, candidates(prose, ("Ross County", "PERSON")))
    assert names["person"] == ("Ross County",)  # no result line: the model's kind stands


def test_a_round_ups_results_lines_are_teams():
    """A round-up's results, one a line ("Brighton 1-1 Norwich", a trial's Championship
    round-up, as the BBC lists them): the sides are clubs (the model's places and
    people), a country's side a place; each line stays a paragraph of its own, not one
    broken line ("Norwich Burnley"). Three lines or fewer are no results list."""
    source = (
        "Championship results:\nBrighton 1-1 Norwich\nBurnley 2-0 Millwall\n"
        "Luton 3-2 Plymouth\nWales 11-9 England\nWatford 2-1 Sheff Wed\n"
    )
    text = "\n\n".join(join_paragraphs(source.splitlines()))
    assert "Norwich\n\nBurnley" in text
    spans = [("Brighton", "GPE"), ("Norwich", "GPE"), ("Luton", "GPE"),
             ("Watford", "PERSON")]  # fmt: skip
    _, names, _ = resolve(text, candidates(text, *spans))
    assert {"Brighton", "Norwich", "Burnley", "Luton", "Watford", "Sheff Wed"} <= set(
        names["organization"]
    )
    assert {"Wales", "England"} <= set(names["place"])
    short = "\n\n".join(source.splitlines()[:4])
    _, names, _ = resolve(short, candidates(short, *spans[:3]))
    assert "Brighton" in names["place"]


def test_a_town_before_based_or_born_or_a_local_act_is_the_town():
    """ "Aberdeen-based", "Galway-born", "Bristol band", "Leeds group Kaiser Chiefs": the
    model's organizations (the clubs) are the towns; "Linux-based", which no gazetteer
    knows, is left as it was, and so are a club's "Leicester duo" and "Southampton
    teenager", the "Tata group", the band Texas's singer and a university's students."""
    text = ("The Aberdeen-based firm hired a Galway-born chef and a Bristol band for its"
            " Linux-based tills. Leicester duo Smith and Jones joined the Tata group and"
            " left. Texas singer Sharleen Spiteri met Columbia students and Southampton"
            " teenager Theo Walcott. Leeds group Kaiser Chiefs played.")  # fmt: skip
    spans = [(name, "ORG") for name in ("Aberdeen", "Galway", "Bristol", "Linux", "Leicester",
                                         "Tata", "Texas", "Columbia", "Southampton",
                                         "Leeds")]  # fmt: skip
    _, names, _ = resolve(text, candidates(text, *spans))
    assert names["place"] == ("Aberdeen", "Galway", "Bristol", "Leeds")
    assert names["organization"] == (
        "Linux", "Leicester", "Tata", "Texas", "Columbia", "Southampton"
    )  # fmt: skip


def test_in_a_town_is_the_town_unless_bought_into_or_possessed():
    """ "South Africa in Durban", "In Bristol, ...": the model's organizations are where
    something happens; a club bought into ("invest in Liverpool", "a stake in Leeds"), a
    club's own part ("in Chelsea's defence"), "in" before no town ("in Linux") and a club
    the article also names otherwise stay."""
    text = ("Australia face South Africa in Durban. In Bristol, a show. Morgan will invest"
            " in Liverpool and buy a stake in Leeds. A gap in Chelsea's defence. Bugs in"
            " Linux.")  # fmt: skip
    spans = [(name, "ORG") for name in ("Durban", "Bristol", "Liverpool", "Leeds", "Chelsea",
                                         "Linux")]  # fmt: skip
    _, names, _ = resolve(text, candidates(text, *spans))
    assert names["place"] == ("Durban", "Bristol")
    assert names["organization"] == ("Liverpool", "Leeds", "Chelsea", "Linux")
    # Some words between ("invest £450m in Liverpool"); a body the article also writes
    # otherwise ("his career in Leeds ... Leeds chief executive") stays a body.
    text = ("Dubai will invest £450m in Liverpool. His whole career in Leeds ended."
            " Leeds chief executive Gerald Krasner agreed, and Cardiff said so.")  # fmt: skip
    found = [Candidate(m.start(), m.end(), m[0], "ORG")
             for m in re.finditer("Liverpool|Leeds|Cardiff", text)]  # fmt: skip
    assert resolve(text, found)[1]["organization"] == ("Liverpool", "Leeds", "Cardiff")
    # The words read back stop at the sentence's end: a buying word before it counts not.
    text = "Fans did not invest. In Bristol, a show."
    assert resolve(text, candidates(text, ("Bristol", "ORG")))[1]["place"] == ("Bristol",)


def test_competitions_by_their_last_word_are_no_organization():
    """ "Davis Cup", "Singer World Series", "Dubai Desert Classic", "Buick Invitational",
    "Great Edinburgh Cross Country": events the model calls organizations, and products by
    their model number ("Orange E200"); "Classic FM", "Channel 4" and a person stay."""
    text = ("The Davis Cup, the Singer World Series, the Dubai Desert Classic and the Buick"
            " Invitational went on air on Classic FM and Channel 4, said Brian Masters, with"
            " an Orange E200 and an Airbus A300s for Iceland U21 at the Great Edinburgh"
            " Cross Country.")  # fmt: skip
    spans = [(name, "ORG") for name in ("Davis Cup", "Singer World Series",
             "Dubai Desert Classic", "Buick Invitational", "Classic FM", "Channel 4",
             "Orange E200", "Airbus A300s", "Iceland U21",
             "Great Edinburgh Cross Country")]  # fmt: skip
    _, names, _ = resolve(text, candidates(text, *spans, ("Brian Masters", "PERSON")))
    # not the phone nor the plane; a youth team is a team
    assert names["organization"] == ("Classic FM", "Channel 4", "Iceland U21")
    assert names["person"] == ("Brian Masters",)


def test_a_name_with_an_s_of_its_own_keeps_it():
    """The converter strips possessives ("Tesco's profits": Tesco), but names.yml's
    McDonald's and Moody's keep their "'s", whether the model's span holds it or ends
    before it; a person's possessive ("Trevor McDonald's show") is stripped."""
    text = "McDonald's and Tesco's profits rose, Moody's said. Trevor McDonald's show ran."
    spans = [("McDonald", "ORG"), ("Tesco's", "ORG"), ("Moody's", "ORG"),
             ("Trevor McDonald's", "PERSON")]  # fmt: skip
    _, names, _ = resolve(text, candidates(text, *spans))
    assert names["organization"] == ("McDonald's", "Tesco", "Moody's")
    assert names["person"] == ("Trevor McDonald",)
    # An apostrophe inside a name names.yml gives, where the model stops, as a person or a
    # body: the whole name, a body, as names.yml writes it ("Destiny's child" is a child).
    text = "The group Destiny's Child and Blazin’ Squad played."
    spans = [("Destiny", "PERSON"), ("Blazin", "ORG")]
    _, names, _ = resolve(text, candidates(text, *spans))
    assert names["organization"] == ("Destiny's Child", "Blazin’ Squad")  # the page: "'"
    text = "Destiny's child was born."
    _, names, _ = resolve(text, candidates(text, ("Destiny", "PERSON")))
    assert (names["person"], names["organization"]) == (("Destiny",), ())


def test_a_role_inside_an_organizations_span_leaves_the_person_after_it():
    """ "Balco boss Victor Conte", tagged as one organization: the person Victor Conte."""
    text = "Balco boss Victor Conte denied it. Balco said so."
    _, names, _ = resolve(text, candidates(text, ("Balco boss Victor Conte", "ORG"),
                                           ("Balco", "ORG")))  # fmt: skip
    assert list(names["person"]) == ["Victor Conte"]
    assert list(names["organization"]) == ["Balco"]


@pytest.mark.parametrize(
    ("text", "span", "kind", "name"),
    [
        ("He lives in Newry, Co. Down, and works.", "Co. Down", "place", "Co. Down"),
        ("Soldiers of the U.S. First Army patrolled.", "U.S. First Army", "organization",
         "U.S. First Army"),
        ("The Friends of the late John Peel Trust met.", "Friends of the late John Peel Trust",
         "organization", "Friends of the late John Peel Trust"),
        ("Police Federation chairman Jan Berry said.", "Police Federation chairman Jan Berry",
         "person", "Jan Berry"),
    ],
)  # fmt: skip
def test_a_sentence_cut_and_a_role_cut_need_their_words(text, span, kind, name):
    """A full stop before "Down" starts no sentence; "late" is no role, and a trust's name
    stays whole; "chairman" before a full name leaves the person."""
    label = {"place": "GPE", "organization": "ORG", "person": "PERSON"}[kind]
    _, names, _ = resolve(text, candidates(text, (span, "ORG" if kind != "place" else label)))
    assert list(names[kind]) == [name]


def test_a_trust_or_a_fund_is_a_body_whatever_the_model_said():
    """ "Henry Smith Fund", "John Peel Trust" tagged as people: bodies."""
    text = "The Henry Smith Fund and the John Peel Trust gave money."
    spans = [("Henry Smith Fund", "PERSON"), ("John Peel Trust", "PERSON")]
    _, names, _ = resolve(text, candidates(text, *spans))
    assert list(names["organization"]) == ["Henry Smith Fund", "John Peel Trust"]
    assert not names["person"]


def test_a_first_name_that_is_also_a_word_stays_mid_sentence():
    """ "centre Will Greenwood", "singer Will Young": mid-sentence, a capitalised "Will"
    is the person's first name; at a sentence's start it is the verb ("Will Greenwood
    play?" leaves Greenwood), as "Nevertheless Franz Ferdinand" leaves the band; only
    "Will" (names.WORD_FIRST_NAMES): the first-name list's "His" is no name."""
    text = (
        "He picked centre Will Greenwood. Will Greenwood play? Nevertheless Franz Ferdinand "
        "won, and so did His Holiness the Dalai Lama."
    )
    mentions, names, _ = resolve(
        text,
        candidates(text, ("Will Greenwood", "PERSON"), ("Will Greenwood", "PERSON"),
                   ("Nevertheless Franz Ferdinand", "PERSON"), ("His Holiness", "PERSON")),
    )  # fmt: skip
    assert [m.text for m in mentions if m.name == "Will Greenwood"] == [
        "Will Greenwood", "Greenwood"]  # fmt: skip
    assert "Franz Ferdinand" in names["person"]
    assert "Nevertheless Franz Ferdinand" not in names["person"]
    assert "His Holiness" not in names["person"]  # "His": a loose first name, no name


def test_an_organization_cut_from_an_offices_title_is_none():
    """ "New Home" of "New Home Secretary", "Crown" of "Crown Princess": the model's
    organization ends inside an office's title; "Liberal" of "Liberal Democrat leader" (a
    party) and "UN" of "UN Secretary General" (no title of names.TITLES) stay."""
    text = (
        "New Home Secretary Charles Clarke met Crown Princess Mary, the Liberal Democrat "
        "leader and the UN Secretary General at the Home Office."
    )
    _, names, _ = resolve(
        text,
        candidates(text, ("New Home", "ORG"), ("Charles Clarke", "PERSON"), ("Crown", "ORG"),
                   ("Liberal", "ORG"), ("UN", "ORG"), ("Home Office", "ORG")),
    )  # fmt: skip
    assert names["organization"] == ("Liberal", "UN", "Home Office")


def test_a_persons_letters_after_the_name_are_dropped_whatever_the_models_label():
    """ "Frank Field MP" (PERSON) and "Guy Mansfield QC" (the model's ORG, a person by
    the name's shape) are Frank Field and Guy Mansfield, stored where the name ends."""
    text = "The Bar Council's chairman, Guy Mansfield QC warned. Frank Field MP agreed."
    mentions, names, _ = resolve(
        text, candidates(text, ("Guy Mansfield QC", "ORG"), ("Frank Field MP", "PERSON"))
    )
    assert names["person"] == ("Guy Mansfield", "Frank Field")
    assert [text[m.start : m.end] for m in mentions] == ["Guy Mansfield", "Frank Field"]


def test_a_storms_name_is_no_name_of_the_article():
    """ "Hurricane Mitch ... Mitch killed 10,000": every mention of the storm's name is the
    storm's, none a person's, and a storm the model tags whole is none either; a person
    whose name merely follows ("the hurricane hit Mitch Daniels") stays, and so does one
    the article writes after a title ("Prince Andrew ... after Hurricane Andrew")."""
    text = (
        "Aid after Hurricane Mitch. Mitch killed 10,000 people. Hurricane Hugo cost $4bn."
        " Typhoon Tokage hit Japan. Then the hurricane season ended, said Mitch Daniels."
    )
    _, names, _ = resolve(
        text,
        candidates(text, ("Mitch", "PERSON"), ("Mitch", "PERSON"), ("Hurricane Hugo", "PERSON"),
                   ("Tokage", "ORG"), ("Japan", "GPE"), ("Mitch Daniels", "PERSON")),
    )  # fmt: skip
    assert names == {"person": ("Mitch Daniels",), "place": ("Japan",), "organization": ()}
    # A name the article also writes alone after a person's title stays the person's;
    # not one a longer name holds ("Speaker Dennis Hastert").
    text = "Hurricane Dennis hit. Dennis cost $2bn. Speaker Dennis Hastert spoke."
    mentions, _, _ = resolve(
        text, candidates(text, ("Dennis", "PERSON"), ("Dennis", "PERSON"),
                         ("Dennis Hastert", "PERSON"))
    )  # fmt: skip
    assert [m.text for m in mentions] == ["Dennis Hastert"]
    text = "Prince Andrew toured Florida after Hurricane Andrew. Andrew met families."
    _, names, _ = resolve(
        text, candidates(text, ("Andrew", "PERSON"), ("Florida", "GPE"), ("Andrew", "PERSON"),
                         ("Andrew", "PERSON"))
    )  # fmt: skip
    assert names["person"] == ("Andrew",)


def test_a_club_abroad_and_a_saints_name_are_no_people():
    """ "a move to Atletico Madrid ... Atletico sporting director", "beat Real Sociedad" (a
    place to the model): clubs, and the club's first word alone is the club there, but for
    a word two clubs start ("Real Madrid", "Real Sociedad"). "St Katherine's dock", "St
    Louis", "St Kitts": places; "Ian St John ... St John said" stays a person; "the
    letters of St Paul" is no name. "Racing Stripes" (a film) is not touched."""
    text = (
        "He moved to Atletico Madrid, said Atletico sporting director Toni Munoz. Real"
        " Sociedad lost to Real Madrid, and Real fans sang. The call came from St"
        " Katherine's dock. St Louis won. Racing Stripes opened. Ian St John spoke. St John"
        " said so. The St Kitts star read the letters of St Paul."
    )
    found = candidates(text, ("Atletico Madrid", "PERSON"), ("Atletico", "PERSON"),
                       ("Toni Munoz", "PERSON"), ("Real Sociedad", "GPE"),
                       ("Real Madrid", "ORG"), ("Real", "ORG"), ("St Katherine", "PERSON"),
                       ("St Louis", "PERSON"), ("Racing Stripes", "PERSON"),
                       ("Ian St John", "PERSON"), ("St Kitts", "PERSON"),
                       ("St Paul", "PERSON"))  # fmt: skip
    last = text.rindex("St John")
    mentions, names, _ = resolve(text, [*found, Candidate(last, last + 7, "St John", "PERSON")])
    assert names == {
        "person": ("Toni Munoz", "Racing Stripes", "Ian St John"),
        "place": ("St Katherine", "St Louis", "St Kitts"),
        "organization": ("Atletico Madrid", "Real Sociedad", "Real Madrid", "Real"),
    }
    assert [m.name for m in mentions if m.text == "Atletico"] == ["Atletico Madrid"]
    assert [m.name for m in mentions if m.text == "St John"] == ["Ian St John"]


def test_a_players_nationality_before_the_name_is_no_body():
    """ "American Davenport" (of Lindsay Davenport's report), "Frenchman Gilles Simon": the
    model's organization is the person after the nationality; "American Express", "British
    Airways" and "Swiss Re" (beside "Munich Re", once a "person" to the model) stay
    bodies."""
    text = (
        "Lindsay Davenport won. American Davenport will face Frenchman Gilles Simon, who"
        " flew British Airways and paid with American Express. Swiss Re said so; Munich Re"
        " and Munich Re and Munich Re paid."
    )
    _, names, _ = resolve(
        text,
        candidates(
            text,
            ("Lindsay Davenport", "PERSON"),
            ("American Davenport", "ORG"),
            ("Frenchman Gilles Simon", "ORG"),
            ("British Airways", "ORG"),
            ("American Express", "ORG"),
            ("Swiss Re", "ORG"),
            ("Munich Re", "PERSON"),  # the model's slip: no person bears "Re"
            ("Munich Re", "ORG"),
            ("Munich Re", "ORG"),
        ),
    )
    assert names["person"] == ("Lindsay Davenport", "Gilles Simon")
    assert names["organization"] == (
        "British Airways", "American Express", "Swiss Re", "Munich Re")  # fmt: skip

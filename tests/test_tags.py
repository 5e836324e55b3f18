"""Topic tags from the IPTC vocabulary: behaviour on small hand-written texts, the
vocabulary file itself, and agreement with the BBC corpus folders (when present)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from build_tools.convert.tags import (
    TagSettings,
    Vocabulary,
    VocabularyError,
    assign_tags,
    load_vocabulary,
    tag_label,
    topic_scores,
)

ROOT = Path(__file__).resolve().parents[1]
BBC = Path(__file__).resolve().parents[1].parent / "shared/data/corpus/bbc-fulltext"
SEED = ROOT / "source_texts" / "000_a49fabdc9f5aaa25.txt"

TOP_LEVEL = {
    "arts-culture-entertainment-media",
    "conflict-war-peace",
    "crime-law-justice",
    "disaster-accident-emergency",
    "economy-business-finance",
    "education",
    "environment",
    "health",
    "human-interest",
    "labour",
    "lifestyle-leisure",
    "politics",
    "religion",
    "science-technology",
    "society",
    "sport",
    "weather",
}

FOOTBALL = (
    "United sink City in derby",
    "Manchester United beat Manchester City 2-1 in the Premier League on Saturday. The "
    "striker scored in the first half with a low shot past the goalkeeper, and the winger "
    "added a second from the penalty spot after half-time. City pulled one back in "
    "stoppage time, but the win lifts United to second in the table, two points behind "
    "the leaders. The manager praised his midfielders and said the squad was ready for "
    "the Champions League tie on Wednesday.",
)
CENTRAL_BANK = (
    "Central bank raises interest rates",
    "The central bank raised its benchmark interest rate by a quarter of a percentage "
    "point to 4.75%, its fourth rise in a year, saying inflation was running above its "
    "target. Economists had expected the move after strong GDP growth and a buoyant "
    "housing market. The pound rose against the dollar and shares fell in early trading.",
)
SUMMIT = (
    "Leaders agree to second summit",
    "The president said talks with the North Korean envoy had made progress on "
    "denuclearization, and the two sides agreed to hold a second summit next month. The "
    "State Department said sanctions would stay until Pyongyang gave up its nuclear "
    "weapons programme. Diplomats from both countries will meet in Sweden to prepare it.",
)
QUAKE = (
    "Earthquake kills hundreds",
    "A powerful earthquake of magnitude 7.1 struck the region overnight, killing hundreds "
    "of people. Rescue teams searched collapsed buildings for survivors as aid agencies "
    "appealed for emergency relief.",
)
SAMPLES = [FOOTBALL, CENTRAL_BANK, SUMMIT, QUAKE]


def first_top(tags: tuple[str, ...]) -> str:
    return tags[0].split("/")[0] if tags else ""


# --- the vocabulary file -------------------------------------------------------------


def test_vocabulary_loads_with_the_17_iptc_subjects():
    vocab = load_vocabulary()
    assert {topic.id for topic in vocab.top_level} == TOP_LEVEL
    for topic in vocab.top_level:
        assert topic.label and topic.code and topic.code.startswith("medtop:"), topic
        assert vocab.children(topic.id), f"{topic.id} has no second-level subjects"
    assert vocab.topic("economy-business-finance").label == "economy, business and finance"
    assert vocab.topic("politics").code == "medtop:11000000"


def test_every_second_level_subject_has_an_existing_parent_and_keywords():
    vocab = load_vocabulary()
    for topic in vocab.topics:
        if topic.parent is None:
            continue
        assert topic.parent in vocab and vocab.topic(topic.parent).parent is None
        assert topic.id.startswith(topic.parent + "/")
        assert topic.keywords, topic.id
    # a rich vocabulary: dozens of terms per top-level subject
    for top in vocab.top_level:
        terms = sum(len(child.keywords) for child in vocab.children(top.id))
        assert terms >= 60, (top.id, terms)


def test_load_vocabulary_is_cached():
    assert load_vocabulary() is load_vocabulary()


# --- behaviour ------------------------------------------------------------------------


def test_football_match_report_is_sport_football_first():
    tags = assign_tags(*FOOTBALL)
    assert tags[0] == "sport/football"


def test_central_bank_rate_decision_is_economy_first():
    tags = assign_tags(*CENTRAL_BANK)
    assert tags[0] == "economy-business-finance/economy"


def test_summit_is_diplomacy_first_with_weapons_evidence():
    tags = assign_tags(*SUMMIT)
    assert tags[0] == "politics/diplomacy"
    assert "conflict-war-peace/weapons" in tags


def test_earthquake_is_a_natural_disaster():
    assert assign_tags(*QUAKE)[0] == "disaster-accident-emergency/natural-disaster"


@pytest.mark.skipif(not SEED.exists(), reason=f"seed article not found at {SEED}")
def test_seed_trump_kim_article():
    title, _, body = SEED.read_text(encoding="utf-8").strip().partition("\n")
    tags = assign_tags(title, body)
    assert tags[0] == "politics/diplomacy"
    assert any(tag.startswith("conflict-war-peace") for tag in tags)


def test_no_evidence_gives_no_tags():
    assert assign_tags("", "") == ()
    assert assign_tags("Lorem ipsum", "Lorem ipsum dolor sit amet, consectetur elit.") == ()


def test_title_weighs_more_than_the_body():
    body = "The report was published on Tuesday. It mentions the election once."
    in_title = topic_scores("Election report", body.replace("the election", "it"))
    in_body = topic_scores("Report", body)
    assert in_title["politics/election"] > in_body["politics/election"]
    # with the same body, the title decides which of two subjects leads
    mixed = (
        "The stadium was full for the premiere of the musical. Critics praised the theatre "
        "production. Fans of the football club, whose ground hosted the show, cheered the "
        "goalkeeper who sang in the chorus."
    )
    assert first_top(assign_tags("Theatre premiere thrills critics", mixed)) == (
        "arts-culture-entertainment-media"
    )
    assert first_top(assign_tags("Football club hosts show", mixed)) == "sport"


def test_max_tags_is_respected():
    title = "Minister quits over hospital fire as strike hits schools"
    text = (
        "The health minister resigned after a fire at a hospital killed two patients, as "
        "teachers went on strike over pay and pupils stayed home. Police are investigating "
        "the blaze, and MPs will debate the crisis in parliament. Shares in the building "
        "contractor fell sharply on the stock market."
    )
    everything = assign_tags(title, text, max_tags=10)
    assert len(everything) > 2
    assert len(assign_tags(title, text)) <= 4
    assert assign_tags(title, text, max_tags=2) == everything[:2]
    assert assign_tags(title, text, max_tags=1) == everything[:1]
    assert assign_tags(title, text, max_tags=0) == ()
    with pytest.raises(ValueError):
        assign_tags(title, text, max_tags=-1)


def test_every_tag_exists_and_its_parent_is_top_level():
    vocab = load_vocabulary()
    for title, text in SAMPLES:
        tags = assign_tags(title, text, max_tags=10)
        assert tags and len(set(tags)) == len(tags)
        for tag in tags:
            assert tag in vocab
            parent = tag.split("/")[0]
            assert parent in vocab and vocab.topic(parent).parent is None


def test_long_article_does_not_collect_weak_tags():
    report = " ".join([FOOTBALL[1]] * 6) + (
        " Police said the crowd was well behaved. A fan was taken to hospital with a minor "
        "injury. The club has released an album of terrace songs."
    )
    assert assign_tags(FOOTBALL[0], report) == ("sport/football",)


def test_policy_story_led_by_politicians_is_politics_but_a_crime_stays_crime():
    policy = assign_tags(
        "Home secretary unveils police powers",
        "The home secretary told MPs the government would give police new powers to tackle "
        "anti-social behaviour. Tory and Lib Dem critics said the plans threatened civil "
        "liberties and would be opposed when the bill reaches the Commons.",
    )
    assert first_top(policy) == "politics"
    crime = assign_tags(
        "Man charged with murder of local MP",
        "Police have charged a man with the murder of the MP, who was stabbed outside his "
        "constituency surgery on Friday. Detectives said the suspect was arrested at his "
        "home. He will appear before magistrates on Monday. The prime minister paid tribute.",
    )
    assert crime[0] == "crime-law-justice/crime"
    assert any(tag.startswith("politics") for tag in crime)


def test_political_framing_can_be_turned_off():
    police_plans = (
        "Police numbers to rise, says minister",
        "The government will pay for 5,000 more police officers, the home secretary told "
        "MPs, as part of a crackdown on crime and anti-social behaviour. Chief constables "
        "welcomed the plans, and said arrests for burglary and robbery would rise.",
    )
    framed = assign_tags(*police_plans)
    unframed = assign_tags(*police_plans, settings=TagSettings(frame_ratio=0))
    assert first_top(framed) == "politics"
    assert first_top(unframed) == "crime-law-justice"
    assert set(framed) == set(unframed)


def test_a_holiday_named_after_a_sport_is_not_that_sport():
    """Longest match first: "Boxing Day" is a day (a weak retail word), not boxing."""
    body = "Thousands of homes lost power on Boxing Day as a storm hit the coast overnight."
    assert not any(tag.startswith("sport") for tag in assign_tags("Storm on Boxing Day", body))
    bout = "The boxer won the boxing match on Boxing Day in a heavyweight bout."
    assert assign_tags("Title fight", bout)[0] == "sport/boxing"


def test_tag_labels():
    assert tag_label("politics/diplomacy") == "politics › diplomacy"
    assert tag_label("economy-business-finance") == "economy, business and finance"
    assert tag_label("sport/football") == "sport › football"
    with pytest.raises(KeyError):
        tag_label("politics/astrology")


# --- matching rules, on a tiny vocabulary ---------------------------------------------


def tiny(**extra) -> Vocabulary:
    data = {
        "topics": [
            {
                "id": "politics",
                "label": "politics",
                "code": "medtop:11000000",
                "children": [
                    {"id": "election", "label": "election", "keywords": ["elect*", "ballot"]},
                    {"id": "parties", "label": "political parties", "keywords": ["Labour"]},
                ],
            },
            {
                "id": "sport",
                "label": "sport",
                "children": [
                    {"id": "football", "label": "football", "keywords": ["premier league"]},
                ],
                "weak": ["premier"],
            },
            {
                "id": "economy-business-finance",
                "label": "economy, business and finance",
                "children": [{"id": "banking", "label": "banking", "keywords": ["bank"]}],
            },
        ],
        **extra,
    }
    return Vocabulary.from_mapping(data, "tiny.yml")


def test_wildcards_plurals_case_and_longest_match():
    vocab = tiny()

    def scores(text: str) -> dict[str, float]:
        return topic_scores("", text, vocabulary=vocab)

    assert "politics/election" in scores("The electorate was angry.")  # elect*
    assert "economy-business-finance/banking" in scores("Two banks merged.")  # plural
    assert "politics/parties" in scores("Labour won.")
    assert "politics/parties" not in scores("The cost of labour rose.")  # case-sensitive
    # "premier league" is matched whole, so the weak "premier" is not counted again
    assert scores("Premier League") == scores("premier league")
    assert scores("the premier") == {}  # weak evidence alone makes no subject
    # singular and plural are one keyword: repeating forms has diminishing returns
    one = scores("A bank and a bank.")["economy-business-finance/banking"]
    assert scores("A bank and two banks.")["economy-business-finance/banking"] == one


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("topics: [{id: Bad Id, label: x}]", "malformed id"),
        ("topics: [{id: a, label: x, keyword: [y]}]", "unknown key"),
        ("topics: [{id: a, label: x, keywords: [y], keywords: [z]}]", "duplicate key"),
        ("topics: [{id: a, label: x, keywords: [2004]}]", "bad keyword"),
        ("topics: [{id: a, label: x}, {id: a, label: y}]", "duplicate topic id"),
        ("nothing: here", "'topics' list"),
        ("? [a, b]: 1\ntopics: []", "unhashable key"),
    ],
)
def test_malformed_vocabulary_files_are_rejected(tmp_path: Path, text: str, message: str):
    path = tmp_path / "topics.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(VocabularyError, match=message):
        load_vocabulary(path)


def test_tagging_is_fast():
    words = (FOOTBALL[1] + " " + CENTRAL_BANK[1] + " " + SUMMIT[1]).split()
    text = " ".join((words * 5)[:500])
    assign_tags("Warm-up", text)
    start = time.perf_counter()
    for _ in range(20):
        assign_tags("A 500-word article", text)
    per_article = (time.perf_counter() - start) / 20
    assert per_article < 0.05  # well under 5 ms in practice; loose for slow CI machines


# --- agreement with the BBC corpus -------------------------------------------------------

BBC_FOLDERS = {
    "business": "economy-business-finance",
    "entertainment": "arts-culture-entertainment-media",
    "politics": "politics",
    "sport": "sport",
    "tech": "science-technology",
}


@pytest.mark.corpus
@pytest.mark.skipif(not BBC.is_dir(), reason=f"BBC corpus not found at {BBC}")
def test_agreement_with_bbc_folders_is_at_least_90_percent():
    vocab = load_vocabulary()
    total = agree = 0
    for folder, expected in BBC_FOLDERS.items():
        for path in sorted((BBC / folder).glob("*.txt")):
            raw = path.read_text(encoding="utf-8", errors="replace").strip()
            title, _, body = raw.partition("\n")
            tags = assign_tags(title.strip(), body, vocabulary=vocab)
            total += 1
            agree += first_top(tags) == expected
    assert total > 0, f"no articles under {BBC}"
    assert agree / total >= 0.9, f"agreement {agree}/{total} = {agree / total:.3f}"

"""Source -> Article: title, body paragraphs, and the web trailer stripped and recorded."""

from __future__ import annotations

import re

from build_tools.errors import SourceError
from build_tools.model import Article, Source

#: Longer articles are refused: the model reads a few thousand words a second when every
#: sentence needs its parse, and a conversion must stay under 30 s whatever the text (the
#: longest BBC article has 4,432 words; long-form journalism rarely passes 20,000).
MAX_WORDS = 25_000
_TOKEN = re.compile(r"\w+|[^\w\s]")
#: Lines that web pages leave after an article (compared case-insensitively, without
#: trailing punctuation).
CRUFT_LINES = frozenset(
    {
        "related posts",
        "related",
        "related articles",
        "related stories",
        "comments",
        "comment",
        "leave a comment",
        "leave a reply",
        "share",
        "share this",
        "share this article",
        "share this story",
        "share on facebook",
        "share on twitter",
        "tweet",
        "email",
        "print",
        "like this",
        "loading",
        "advertisement",
        "read more",
        "see also",
        "more from this author",
        "click to share on twitter",
        "click to share on facebook",
        "click to print",
        "click to email this to a friend",
    }
)
#: News organisations that commonly sign a wire story on its last line.
SOURCE_NAMES = frozenset(
    {
        "ap", "associated press", "afp", "reuters", "voa", "voa news", "bbc", "bbc news",
        "cnn", "xinhua", "upi", "dpa", "efe", "ansa", "kyodo", "yonhap", "tass", "al jazeera",
    }
)  # fmt: skip
_SEPARATOR = re.compile(r"^[\s\-–—_*=~•·.#]+$")
_SOURCE_SHAPE = re.compile(r"^[A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*){0,4}$")
_BLANK = re.compile(r"^[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]*$")
_SENTENCE_END = re.compile(r"[.!?:;…”\"’')\]]$")
#: A side of a result: a club's or a country's name of up to four words.
_RESULT_SIDE = r"[A-Z][\w'’.&-]*(?: [A-Z][\w'’.&-]*){0,3}"
#: A result as the wire services list them, "Montrose 2 Ross County 1", or as a round-up
#: does, "Brighton 1-1 Norwich" (the resolver reads their sides as teams).
WIRE_RESULT = rf"(?P<home>{_RESULT_SIDE}) \d{{1,2}} (?P<away>{_RESULT_SIDE}) \d{{1,2}}"
SCORE_RESULT = rf"(?P<home>{_RESULT_SIDE}) \d{{1,2}}[-–]\d{{1,2}} (?P<away>{_RESULT_SIDE})"
_RESULT_ROWS = (re.compile(WIRE_RESULT), re.compile(SCORE_RESULT))
_QUOTE_SPACE = re.compile(r"([.!?,…]”)(?=[A-Z“‘])")
#: An ampersand whose HTML reference lost its "&" and ";" on the way to plain text
#: ("Standard amp Poor's", "Dow Jones amp Co.", "Savings amp Loan": 41 times in 34 of the 256
#: TempEval-3 dev articles), between two capitalised words; never the word "amp" ("a
#: Marshall amp and"), which a lower-case word follows.
_LOST_AMPERSAND = re.compile(r"\b([A-Z][\w.'’-]*) amp (?=[A-Z])")


def is_blank(line: str) -> bool:
    """True for lines of only spaces, non-breaking spaces or other invisible space."""
    return bool(_BLANK.match(line))


def _key(line: str) -> str:
    return re.sub(r"[\s:.…!]+$", "", line.strip()).casefold()


def _looks_like_source(line: str) -> bool:
    key = _key(line)
    return key in SOURCE_NAMES or (
        bool(_SOURCE_SHAPE.match(line.strip())) and key.split()[-1] in {"news", "press", "wire"}
    )


# --- web furniture: what a page around an article is made of --------------------------
#
# A line is furniture by what it is, not by a list of sites: a share bar (the names of
# social networks), a count ("12 Comments"), a prompt to the reader (subscribe, sign up,
# follow, download the app, read more, cookies), a credit ("Photo: ..."), a byline or a
# timestamp. Beside them, the short lines that are no sentence (menu items, headlines of
# other articles) go too; without any such sign a short last line is the article's own
# (a team sheet's last name, "Half-Life 2 is out now for the PC").

_SOCIAL_WORDS = frozenset(
    {
        "facebook", "twitter", "x", "linkedin", "whatsapp", "email", "e-mail", "mail", "print",
        "pinterest", "reddit", "telegram", "messenger", "flipboard", "tumblr", "sms", "copy",
        "link", "url", "share", "tweet", "pin", "save", "bluesky", "threads", "instagram",
        "youtube", "tiktok", "mastodon", "snapchat", "vk", "weibo", "wechat", "line", "viber",
        "pocket", "digg", "google", "news", "rss", "feed", "on", "via", "follow", "us",
    }
)  # fmt: skip
#: A prompt or a section of the page: matched at the start of a line that is a sentence,
#: anywhere in a short one.
_PROMPT = (
    r"subscribe|sign (?:up|in)|log ?in|register|newsletters?|follow (?:us|@|on)|download"
    r" (?:our|the)|get (?:the|our) app|app store|google play|join (?:the|our|us)"
    r"|read (?:more|next|also|the full)|see also|more (?:from|on|stories|news|like this|in)"
    r"|you (?:may|might) (?:also )?(?:like|enjoy)|recommended|related|most (?:read|popular"
    r"|viewed|shared|watched)|trending|top stories|advertisements?|sponsored|promoted"
    r"|(?:we use )?cookies?|privacy (?:policy|notice|settings)|terms (?:of|and) |all rights"
    r" reserved|copyright|©|click here|tap here|listen to (?:this|the) (?:article|story)"
    r"|\d+ min(?:ute)?s? read|reading time|comments?|repl(?:y|ies)|leave a|add a comment"
    r"|share (?:this|on|via|article|story)|tags?:|filed under|posted in|topics?:"
    r"|categor(?:y|ies):|about the author|editor'?s note|report (?:an error|a typo)"
    r"|send us|contact us|tip us|print this|back to top|next article|previous article"
    r"|continue reading|show (?:more|comments)|load more|(?:photo|image) gallery"
    r"|thanks? (?:you )?for reading|view comments|gift (?:this )?article|subscribers?"
    r"|listen (?:on|to|now)|download (?:mp3|episode|audio)|catch (?:all )?the latest"
    r"|keywords|(?:story|words|written|text) by|with inputs from|upvote|downvote|enquiries"
    r"|press release|non-commercial|personal use|url:|permalink|(?:print|amp|mobile|desktop)"
    r" version|javascript"
)
_PROMPT_START = re.compile(rf"^(?:{_PROMPT})(?=\W|$)", re.I)
_PROMPT_ANYWHERE = re.compile(rf"(?:^|\W)(?:{_PROMPT})(?:\W|$)", re.I)
_COUNTED = (
    r"(?:comments?|shares?|likes?|views?|repl(?:y|ies)|responses?|reactions?"
    r"|retweets?|votes?|points|claps)"
)
_AMOUNT = r"\(?\d[\d,.]*[km]?\)?"
_COUNT = re.compile(rf"^{_AMOUNT}\s*{_COUNTED}$|^{_COUNTED}\s*:?\s*{_AMOUNT}$", re.I)
_CREDIT = re.compile(
    r"^(?:(?:photo|image|picture|video|graphic|illustration|caption|credit|file photo)s?"
    r"(?:\s+(?:source|caption|credit|by))?\s*(?:[:,/]|\bby\b)"
    r"|(?:additional )?(?:reporting|writing|editing|edited|research|compiled|produced)"
    r"\s+by\b)"
    r"|\b(?:contributed(?: to this (?:report|story|article))?|contact (?:him|her|them|me|us)"
    r"|reach (?:him|her|them) at|follow (?:him|her|them) on)\b|\S+@\S+\.\w+",
    re.I,
)
_BYLINE = re.compile(r"^by\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\b(?P<rest>.*)$")
_UNITS = r"(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)"
_STAMP = re.compile(
    r"^(?:published|updated|posted|last (?:updated|modified)|first published|modified|date)\b"
    rf"|^\d+\s*(?:{_UNITS}|[smhdw])(?:\s+ago)?$|\b\d+\s+{_UNITS}\s+ago\b",
    re.I,
)
#: A note in brackets ("(END)", "(With inputs from PTI)", "rs/sms (AFP, dpa)") or a line
#: of hashtags.
_NOTE = re.compile(r"^\([A-Z].{0,150}\)$|\([A-Z]\w*(?:, ?[A-Za-z]\w*)+\)$|^(?:#\w+\s*)+$")
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
_MONTH = re.compile(
    rf"\b{_MONTHS}\.?\s+\d{{1,2}}\b|\b\d{{1,2}}\s+{_MONTHS}\b"
    r"|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b",
    re.I,
)
_NUMBER = re.compile(r"\d[\d,.]*[km]?", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
#: Furniture is short: a longer line is prose whatever it says.
MAX_FURNITURE = 400
#: A line of this many words at most, that ends no sentence, is no paragraph of prose.
SHORT_LINE = 8
#: Between the title and the first paragraph, a line of this many words at most that ends
#: no sentence may be furniture (a job title and a byline: "Chief Economist at ...").
HEADER_LINE = 12
#: A section heading after which the rest of the page is not the article (comments, other
#: articles), when nothing after it is longer than this many words.
SECTION_TAIL_WORDS = 120
_SECTION = re.compile(
    r"^(?:\d+\s+|view\s+)?(?:comments?|repl(?:y|ies)|responses?|related|read more|more"
    r" (?:from|on|in|stories|news|like this)|you (?:may|might) (?:also )?like|recommended"
    r"|most (?:read|popular|viewed)|trending|top stories|leave a (?:reply|comment)"
    r"|join the (?:conversation|discussion)|about the author|see also|share this"
    r"|what to read next|latest|topics|tags)(?:\s+[\w']+){0,3}\W*(?:\(?\d+\)?)?\W*$",
    re.I,
)
#: A label and a few words ("Our Standards: The Trust Principles."), after the article.
_LABEL = re.compile(r"^[A-Z][\w'’]*(?: [\w'’]+){1,2}: \S")


def _words(text: str) -> int:
    return len(text.split())


_PROSE_END = re.compile(r"[.!?…”\"’']\)?$")


def _sentence(text: str) -> bool:
    """Whether a line ends as prose does (a bracket or a colon ends a note or a label)."""
    return bool(_PROSE_END.search(text))


def is_furniture(text: str) -> bool:
    """A sign that a line belongs to the page around the article, not to the article."""
    if len(text) > MAX_FURNITURE:
        return False  # prose (and no regex over a 360,000-character line)
    words = re.findall(r"[\w@'-]+", text.casefold())
    if words and len(words) <= 12 and all(word in _SOCIAL_WORDS for word in words):
        return True  # a share bar: "Share  Facebook  Twitter  Email"
    if _words(text) <= 40 and (_PROMPT_START.match(text) or _CREDIT.search(text)):
        return True
    if _sentence(text) and _words(text) > SHORT_LINE:
        return False  # prose, though it may name a "comment" or a "newsletter"
    return bool(
        _key(text) in CRUFT_LINES or _COUNT.match(text) or _PROMPT_ANYWHERE.search(text)
        or _BYLINE.match(text) or _STAMP.search(text) or _NOTE.search(text)
        or (_MONTH.search(text) and _YEAR.search(text) and _words(text) <= 12)
    )  # fmt: skip


def _short(text: str) -> bool:
    return _words(text) <= SHORT_LINE and not _sentence(text)


def _separator(text: str) -> bool:
    return bool(_SEPARATOR.match(text)) and len(text.replace(" ", "")) >= 2


def split_trailer(lines: list[str]) -> tuple[list[str], list[str], str | None]:
    """Remove the web trailer from the end of the body lines.

    Returns (body lines, stripped non-blank lines in reading order, source name or None).
    The trailer is what follows the last paragraph of prose: a block of furniture lines
    (``is_furniture``), separators, and short lines that are no sentence, when the block
    has at least one sign of furniture; and, from a section heading on (``Comments``,
    ``Related stories``), the comments and headlines under it. A short source line (``VOA
    News``) counts as trailer only after the body has ended.
    """
    end = _section_start(lines)
    stripped = [line.strip() for line in lines[end:] if not is_blank(line)]
    block: list[tuple[int, str, bool]] = []  # (index, text, a sign?), bottom up
    signs = bool(stripped)
    index = end
    while index > 0:
        text = lines[index - 1].strip()
        if is_blank(text):
            index -= 1
            continue
        sign = (
            _separator(text)
            or is_furniture(text)
            or bool(_LABEL.match(text) and _words(text) <= 6 and text.endswith("."))
        )
        if sign:
            signs = True
        elif not (_short(text) or _looks_like_source(text)):
            break
        block.append((index - 1, text, sign or _looks_like_source(text)))
        index -= 1
    # Short lines above the first sign are furniture too (menu items, "View non-AMP
    # version"), but after a list they are the list's end: a team sheet's referee
    # (": M McCurry") before "Related topics".
    if _after_list(lines, block[-1][0] if block else index):
        while block and not block[-1][2]:
            block.pop()
    if signs:
        cut = _before_blanks(lines, block[-1][0] if block else end)
    elif block and block[0][0] == end - 1 and _looks_like_source(block[0][1]):
        cut = _before_blanks(lines, end - 1)  # no sign: a source line at the very end only
    else:
        cut = end  # short lines and no sign: the article's own
    if not any(not is_blank(line) for line in lines[:cut]) and any(
        _sentence(line.strip()) for line in lines[cut:]
    ):
        cut, end, stripped = len(lines), len(lines), []  # prose in it: the text, after all
    trailer = [line.strip() for line in lines[cut:end] if not is_blank(line)]
    source = next((text for text in reversed(trailer) if _looks_like_source(text)), None)
    return lines[:cut], [*trailer, *stripped], source


def _before_blanks(lines: list[str], index: int) -> int:
    """``index`` moved up past the blank lines just above it."""
    while index > 0 and is_blank(lines[index - 1]):
        index -= 1
    return index


def _after_list(lines: list[str], index: int) -> bool:
    """Whether the last line of prose before ``index`` is a list (three commas or more)."""
    while index > 0 and (is_blank(lines[index - 1]) or _short(lines[index - 1].strip())):
        index -= 1
    return index > 0 and lines[index - 1].count(",") >= 3


def _section_start(lines: list[str]) -> int:
    """Where a comments or related-articles section begins: a section heading after the
    article's first half, with nothing after it longer than ``SECTION_TAIL_WORDS``; else
    the end."""
    texts = [line.strip() for line in lines]
    content = [number for number, text in enumerate(texts) if text]
    if len(content) < 3:
        return len(lines)
    # The heading must come after most of the words (the article's prose): the lines of a
    # comments section or a list of headlines are short.
    total, before, half = sum(map(_words, texts)), 0, len(lines)
    for number, text in enumerate(texts):
        before += _words(text)
        if before >= total / 2:
            half = number
            break
    longest_after, found = 0, len(lines)
    for number in range(len(texts) - 1, half, -1):
        text = texts[number]
        if longest_after > SECTION_TAIL_WORDS:
            break
        heading = len(text) <= MAX_FURNITURE and (
            _SECTION.match(text) or (_PROMPT_START.match(text) and _words(text) <= 40)
        )
        if heading:
            found = _before_blanks(lines, number)
        longest_after = max(longest_after, _words(text))
    return found


def split_header(lines: list[str]) -> tuple[list[str], list[str], str | None, str | None]:
    """Remove what a page puts between the title and the first paragraph (a byline,
    timestamps, a share bar, a photo credit) when it holds a sign of furniture; returns
    (body lines, stripped lines, source name, author from a byline)."""
    index, block, last_sign, carry = 0, [], -1, False
    while index < len(lines):
        text = lines[index].strip()
        if is_blank(text):
            index += 1
            continue
        sign = carry or _separator(text) or is_furniture(text) or _looks_like_source(text)
        sign = sign or bool(_NUMBER.fullmatch(text))  # "Comments" / "187": a count's number
        if not (sign or (_words(text) <= HEADER_LINE and not _sentence(text))):
            break
        block.append(text)
        if sign:
            last_sign = index
        carry = sign and text.endswith((":", ","))  # "Image caption," and its caption
        index += 1
    if last_sign < 0 or not any(_separator(t) or is_furniture(t) for t in block):
        return lines, [], None, None
    # The header ends at its last sign: short lines after it are the article's own (a
    # match report's venue and kick-off time).
    index = last_sign + 1
    block = [line.strip() for line in lines[:index] if not is_blank(line)]
    if all(is_blank(line) for line in lines[index:]) and any(map(_sentence, block)):
        return lines, [], None, None  # prose in it: the text, after all
    source = next((text for text in block if _looks_like_source(text)), None)
    author = next((name for text in block if (name := byline_author(text))), None)
    return lines[index:], block, source, author


def byline_author(text: str) -> str | None:
    """The names of a byline (``By Jane Doe and Ana Lopez, Staff Writers`` -> ``Jane Doe
    and Ana Lopez``; ``By KATE MORGAN FOR THE DAILY PAPER`` -> ``Kate Morgan``), or None."""
    if not _BYLINE.match(text):
        return None
    stop = r"\s+(?:for|of|at|in|on)\s+|\s*[,|/–—;(]\s*|\s+-\s+"
    names = re.split(stop, text[3:], maxsplit=1, flags=re.I)[0].strip()
    people = [name.strip() for name in re.split(r"\s+(?:and|&)\s+", names, flags=re.I)]
    if not all(re.fullmatch(r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,3}", p) for p in people):
        return None
    people = [p.title() if p.isupper() else p for p in people]
    return " and ".join(people)


def join_paragraphs(lines: list[str]) -> list[str]:
    """Group lines into paragraphs.

    Blank lines separate paragraphs. Inside a block, a line that does not end a sentence, or
    one followed by a line starting in lower case, is a broken line and is joined to the next
    (``for a`` / ``lifting``); otherwise each line is its own paragraph, as in sources saved
    with one paragraph per line. A result's line ("Brighton 1-1 Norwich") is a paragraph of
    its own: a results list is not one broken line.
    """
    paragraphs: list[str] = []
    current: list[str] = []  # the lines of the paragraph so far (joined once: linear)
    for line in lines:
        text = " ".join(line.split())
        if not text:
            if current:
                paragraphs.append(" ".join(current))
            current = []
            continue
        if not current:
            current = [text]
        elif (not _SENTENCE_END.search(current[-1][-2:]) or text[0].islower()) and not (
            _result_row(current[-1]) or _result_row(text)
        ):
            current.append(text)
        else:
            paragraphs.append(" ".join(current))
            current = [text]
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


def _result_row(line: str) -> bool:
    """Whether a line is a result and nothing else ("Brighton 1-1 Norwich")."""
    return any(row.fullmatch(line) for row in _RESULT_ROWS)


def mend(paragraph: str) -> str:
    """Mend a missing space after a closing quote (``talks.”We’ve``) and an ampersand
    that lost its reference's "&" and ";" (``Lufkin amp Jenrette``)."""
    if " amp " in paragraph:
        paragraph = _LOST_AMPERSAND.sub(r"\1 & ", paragraph)
    return _QUOTE_SPACE.sub(r"\1 ", paragraph)


def clean(source: Source) -> Article:
    """Turn a Source into an Article, or raise SourceError when there is no article in it."""
    lines = source.text.split("\n")
    header = source.header
    start = 0
    while start < len(lines) and is_blank(lines[start]):
        start += 1
    if start == len(lines):
        raise SourceError(
            source.label,
            "the file has no text",
            "put the title on the first line and the article below it, or remove the file",
        )
    if header.get("title"):
        title = " ".join(header["title"].split())  # one line: a title is one heading
    else:
        title = " ".join(lines[start].split())
        start += 1
    body, header_lines, header_source, byline = split_header(lines[start:])
    body, trailer, signed = split_trailer(body)
    trailer = [*header_lines, *trailer]
    signed = signed or header_source
    paragraphs = [mend(p) for p in join_paragraphs(body)]
    if not paragraphs:
        raise SourceError(
            source.label,
            f"the file has a title ({title[:60]!r}) but no article text under it",
            "add the article's paragraphs below the title",
        )
    words = sum(len(paragraph.split()) for paragraph in (title, *paragraphs))
    # Words and signs, as the model counts tokens ("Paris,Paris," is four, not one word).
    tokens = sum(len(_TOKEN.findall(paragraph)) for paragraph in (title, *paragraphs))
    if words > MAX_WORDS or tokens > 2 * MAX_WORDS:
        raise SourceError(
            source.label,
            f"the article has {words:,} words ({tokens:,} words and signs); articles of up"
            f" to {MAX_WORDS:,} words (and {2 * MAX_WORDS:,} words and signs) are"
            " converted (reading one takes the model about a second per 5,000 words)",
            "split it into one file per article, or remove it",
        )
    return Article(
        source=source,
        title=mend(title),
        paragraphs=tuple(paragraphs),
        publication_date=header.get("date"),
        source_name=header.get("source") or signed,
        url=header.get("url"),
        author=header.get("author") or byline,
        trailer=tuple(trailer),
    )

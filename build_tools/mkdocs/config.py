"""Options of the ``newsdocs`` MkDocs plugin."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class NewsdocsConfig(base.Config):
    """``plugins: - newsdocs: {...}`` in mkdocs.yml."""

    articles_dir = c.Type(str, default="articles")
    """Folder under docs/ that holds the generated article pages."""
    link_mentions = c.Type(bool, default=True)
    """Link the first mention of each entity in an article's body to the entity's page."""
    related_articles = c.Type(int, default=5)
    """How many related articles to list under each article (0 to turn it off)."""
    merge_surnames = c.Type(bool, default=True)
    """Merge a short name into the unique fuller name known in the archive (Sarkozy)."""
    entities_file = c.Type(str, default="entities.yml")
    """Curated entities (aliases, kinds, descriptions, names to ignore), beside mkdocs.yml."""
    feed = c.Type(bool, default=True)
    """Write an RSS feed of the newest articles to feed.xml."""
    feed_size = c.Type(int, default=50)
    """How many articles the feed carries."""
    large_archive = c.Type(int, default=2000)
    """From this many articles on, the archive counts as large (``search``, ``parallel``)."""
    entity_min_articles = c.Optional(c.Type(int))
    """Entities named in fewer articles get no page of their own (linked to their article
    instead). Default: 1 below 100 articles, then the larger of 2 and one per thousand
    articles: most names appear only once or twice."""
    search = c.Choice(("auto", "material", "pagefind"), default="auto")
    """Pagefind (``auto``, ``pagefind``: an index loaded in small chunks once the reader
    searches, with entity and tag pages as records of their own and filters by person,
    place, organization and year) or Material's own search (``material``: one index that
    every page loads)."""
    list_size = c.Type(int, default=200)
    """Articles listed per page on entity and tag pages; longer lists go on to more pages."""
    parallel = c.Choice(("auto", "on", "off"), default="auto")
    """Render about half of the pages in a second process (forked; POSIX, two cores or more):
    auto does it for ``mkdocs build`` of a large archive."""
    search_bundle_size = c.Type(int, default=5000)
    #: ``mkdocs serve`` watches this folder (beside mkdocs.yml) and converts a source as
    #: it is saved, then rebuilds: the live preview of a source ("" turns it off).
    sources_dir = c.Type(str, default="source_texts")
    """Articles per Pagefind bundle; the search box queries all bundles. Pagefind needs
    about 170 MB of memory per thousand articles of a bundle while it writes it."""

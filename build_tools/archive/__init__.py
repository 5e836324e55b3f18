"""The archive core: article pages -> identity, index and every page of the site.

Free of MkDocs: the ``mkdocs`` adapter and the Zensical path both call it."""

"""newsdocs: plain-text news articles in, a cross-linked MkDocs archive out."""

from __future__ import annotations

__version__ = "0.1.0"

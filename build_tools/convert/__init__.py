"""The converter: source texts -> article pages. The only wing that imports spaCy
(in ``nlp``)."""

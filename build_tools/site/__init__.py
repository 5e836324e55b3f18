"""The site side: build-time index and pages from the articles' front matter. No NLP here."""

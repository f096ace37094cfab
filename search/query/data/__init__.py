"""Data files of the query language: stop words and the vocabularies."""

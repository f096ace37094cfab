"""The query language, shared by every backend: the Spanish analysis chain (``analysis``),
the parser and its AST (``parser``), filters (``filters``), the controlled vocabularies
(``vocabulary``), normal forms of citations, articles and case numbers (``keys``), snippets
and highlights (``snippets``), the terms of a more-like-this query (``similar``), and cursor
pagination over any ``Index.search`` (``cursor``).

Nothing here knows a storage engine: the embedded index (``search.embedded``) and the
Elasticsearch-API backend (``search.elastic``) both translate what these modules produce.
"""

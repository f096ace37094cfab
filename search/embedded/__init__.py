"""The embedded index: one SQLite file holds the records (``sqlite``: ``SqliteIndex``;
``store``: reading them back; ``originals``: the unredacted ones, apart), and a full-text
engine finds them (``engine``: the interface; ``tantivy_engine``, the default, and
``fts5_engine``). ``prepared`` turns a record into what both store and engine write;
``bulk`` prepares records in worker processes for large loads.
"""

"""Data files of the search package (stop words)."""

"""Legal knowledge as data: crime taxonomy, judicial districts, vocabularies.

Each table names its source. Extractors and the sample generator read these tables; no
function hard-codes an article number, a district code or a label.
"""

"""The Elasticsearch-API backend: ``index`` (``ElasticIndex``: Elasticsearch or OpenSearch
through one adapter) and ``dsl`` (mappings and request bodies, pure functions of our query
model, unit-tested without a server).
"""

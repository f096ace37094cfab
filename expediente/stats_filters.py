"""What a request for an indicator names, resolved for ``search.analytics``: the breakdown
(``parse_dimension``), the filters (``make_filters``) and the readable names of crime groups
(``group_labels``). Shared by the CLI (``expediente stats``, ``report``) and the web panel.

It lives in ``expediente`` rather than ``search.analytics`` because the crime names come
from ``extractors.data``, which ``search`` does not import.
"""

from __future__ import annotations

from schemas import QueryError, Reason

DIMENSIONS = {"ninguno": "ninguno", "total": "ninguno", "none": "ninguno", "distrito": "distrito",
              "district": "distrito", "familia": "familia", "family": "familia", "delito": "delito",
              "crime": "delito", "codigo": "codigo", "código": "codigo", "code": "codigo", "anio": "anio",
              "año": "anio", "year": "anio", "nivel": "nivel", "level": "nivel", "instancia": "nivel"}
BY_HELP = "Desglose: distrito, familia, delito, codigo, anio, nivel o ninguno."


def parse_dimension(text: str):
    from search.analytics import Dimension

    key = DIMENSIONS.get(text.strip().lower())
    if key is None:
        raise QueryError(f"Desglose desconocido: «{text}». {BY_HELP}", reason=Reason.QUERY)
    return Dimension(key)


def group_labels() -> dict[str, str]:
    """Readable names of crime families and crime keys."""
    from extractors.data.crimes import BY_KEY, FAMILIES

    return {**{k: c.labels[0] for k, c in BY_KEY.items()}, **FAMILIES}


def make_filters(crime, district, code, level, year_from, year_to):
    """Crime (key, alias, label or family) and district resolved as ``search`` does for a search."""
    from search.analytics import Filters
    from search.query import vocabulary

    return Filters(crime=vocabulary.crime(crime).name if crime is not None else None,
                   district=vocabulary.district(district) if district is not None else None,
                   code=code, level=level, year_from=year_from, year_to=year_to)

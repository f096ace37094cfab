"""HTML pieces of the report: page frame, tables with the documents behind each row, the
definitions, the appendix of documents. Everything inline: one file a monitor can send."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from expediente.report.tables import Table, fmt
from search.analytics import MILESTONE_LABELS, QUANTILE_METHOD, Milestone

CSS = """
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #222;
       max-width: 1200px; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.7em; margin-bottom: .2em; } h2 { border-bottom: 2px solid #1b6ca8; padding-bottom: .2em;
margin-top: 2em; } h3 { margin-top: 1.6em; } .meta { color: #555; }
table { border-collapse: collapse; margin: .6em 0; font-size: 12.5px; }
th, td { border: 1px solid #ccc; padding: 3px 6px; vertical-align: top; }
th { background: #eef3f8; text-align: left; } td.num { text-align: right; white-space: nowrap; }
tr.total td { font-weight: bold; background: #fafafa; }
caption { text-align: left; font-weight: bold; padding: .3em 0; }
.note { color: #555; font-size: 12px; margin: .2em 0 1em; }
details > summary { cursor: pointer; color: #1b6ca8; }
.ids { font: 11px/1.5 ui-monospace, Menlo, Consolas, monospace; max-width: 40em; word-wrap: break-word; }
figure.chart { margin: .5em 0 1.5em; } figure.chart svg { max-width: 100%; height: auto; }
dl dt { font-weight: bold; margin-top: .6em; } nav ul { columns: 2; }
@media print { details { display: none; } }
"""


def page(title: str, body: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="es">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n")


def ids_html(lists: Iterable[tuple[str, list[str]]], max_ids: int | None) -> str:
    parts = []
    for name, ids in lists:
        if not ids:
            continue
        shown = ids if max_ids is None else ids[:max_ids]
        links = " ".join(shown)
        more = f" … y {len(ids) - len(shown)} más (lista completa con <code>--json</code>)" if len(shown) < len(ids) else ""
        parts.append(f"<div><b>{escape(name)}</b> ({len(ids)}): <span class=ids>{links}{more}</span></div>")
    if not parts:
        return ""
    total = len({i for _, ids in lists for i in ids})
    return f"<details><summary>{total} doc.</summary>{''.join(parts)}</details>"


def table_html(t: Table, max_ids: int | None) -> str:
    with_ids = any(row.ids for row in t.rows)
    head = "".join(f"<th>{escape(c.name)}</th>" for c in t.columns) + ("<th>documentos</th>" if with_ids else "")
    body = []
    for row in t.rows:
        cells = "".join(f'<td{" class=num" if c.kind != "text" else ""}>{escape(fmt(v, c.kind))}</td>'
                        for c, v in zip(t.columns, row.cells))
        if with_ids:
            cells += f"<td>{ids_html(row.ids, max_ids)}</td>"
        total = ' class="total"' if row.cells and row.cells[0] == "Total" else ""
        body.append(f"<tr{total}>{cells}</tr>")
    note = f'<p class="note">{escape(t.note)}</p>' if t.note else ""
    return (f'<table id="{escape(t.slug)}"><caption>{escape(t.title)}</caption><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table>{note}")


def chart_html(svg: str, alt: str) -> str:
    return f'<figure class="chart" role="img" aria-label="{escape(alt)}">{svg}</figure>'


def definitions_html() -> str:
    milestones = "".join(f"<li><code>{m.value}</code>: {escape(MILESTONE_LABELS[m])}</li>" for m in Milestone)
    items = [
        ("Casos y documentos",
         "Los documentos de un mismo caso se unen en un solo caso cuando comparten un número normalizado "
         "(también de forma transitiva). Para los expedientes con código de sede (<code>00123-2019-45-2701-JR-PE-01</code>) "
         "cuentan el número correlativo, el año y la sede: el incidente (cuadernos como la prisión preventiva), "
         "el órgano y el número de juzgado no separan casos. Los números de casación y de recurso de nulidad, y "
         "las formas cortas, se unen con el distrito que el documento les asigna. Un documento sin número es un caso."),
        ("Hitos",
         f"<ul>{milestones}</ul>La fecha de una resolución es la del hito que ella misma constituye (una sentencia es "
         "su <code>sentencia_primera</code>, una casación su <code>casacion</code>, un auto de sobreseimiento su "
         "<code>sobreseimiento</code>…); los demás hitos salen de la historia procesal que las resoluciones recitan. "
         "En esa historia, apelación, casación y recurso de nulidad son fechas de <em>interposición</em> "
         "(<code>apelacion</code>, <code>casacion_interpuesta</code>, <code>recurso_nulidad_interpuesto</code>). "
         "Con varias fechas para un hito, prima la de la propia resolución y, entre iguales, la más temprana "
         "(para los hechos: cuando empezó la conducta)."),
        ("Duraciones",
         f"Días calendario del hito inicial al final, por caso. Mediana y percentiles: {escape(QUANTILE_METHOD)}, "
         "sobre los casos concluidos. Un caso sin el hito final, que no lo pasó ni terminó por otra vía (y, para "
         "hitos de impugnación, con el recurso interpuesto), está abierto: se censura en la última fecha que dan sus "
         "documentos y entra en la estimación de Kaplan–Meier (el cuantil p es el primer día en que la proporción de "
         "casos aún en espera baja a 1 − p o menos; «—» si no baja tanto). Los demás casos se excluyen y se cuentan "
         "por motivo: sin fecha inicial; pasó el hito final sin que se feche; siguió otra vía (sobreseimiento o "
         "terminación anticipada en lugar de sentencia; recurso de nulidad en lugar de apelación o casación); "
         "no consta recurso; fecha final anterior a la inicial. El año de un caso es el de su hito final (si no lo "
         "tiene, el de su última fecha conocida); su nivel, el del órgano del documento que da esa fecha."),
        ("Resultados en primera instancia",
         "Unidad: el imputado con decisión (o la resolución entera si no detalla imputados). Por caso, instancia e "
         "imputado cuenta la decisión más reciente (una nueva sentencia tras una nulidad reemplaza a la anulada; dos "
         "copias cuentan una vez). Condenas: condena, terminación anticipada aprobada y conclusión anticipada; "
         "absoluciones: absolución. Tasa de condena 1: condenas ÷ (condenas + absoluciones); tasa 2: condenas ÷ "
         "todos los decididos (incluye sobreseimientos y reservas del fallo)."),
        ("Mecanismos del NCPP",
         "Por resolución de primera instancia: terminación anticipada, conclusión anticipada, principio de "
         "oportunidad, acuerdo reparatorio y proceso inmediato, según la resolución (o lo que su resultado implica)."),
        ("Apelaciones",
         "Sentencias de vista (confirma, revoca, nula), casaciones (fundada, infundada, improcedente, inadmisible) "
         "y recursos de nulidad (no haber nulidad, haber nulidad), por imputado, con la misma regla de la decisión "
         "más reciente."),
        ("Penas",
         "Una pena por imputado y caso: la de la resolución más reciente que la impone o confirma. Años de pena "
         "privativa (años + meses/12) de las penas mayores de cero, separadas en efectivas, suspendidas y sin "
         "precisar; reparación civil en soles (una reparación solidaria se repite por imputado)."),
        ("Grupos",
         "Un caso o documento con delitos de varias familias cuenta en cada una; el total lo cuenta una vez. "
         "«sin dato»: el documento no dice el valor. El distrito, el código y los delitos que falten en un "
         "documento se toman de su caso."),
        ("CEPEJ",
         "Tasa de resolución = resueltos ÷ ingresados; tiempo de disposición = 365 × pendientes ÷ resueltos (días). "
         "Requieren la carga procesal de los órganos; no se pueden calcular solo con resoluciones."),
    ]
    return "<dl>" + "".join(f"<dt>{escape(name)}</dt><dd>{text}</dd>" for name, text in items) + "</dl>"


def documents_html(corpus, ids: set[str] | None = None) -> str:
    """The appendix: every document behind the figures, once, with what identifies it."""
    rows = []
    for doc in sorted(corpus.docs, key=lambda d: d.id):
        if ids is not None and doc.id not in ids:
            continue
        case = corpus.case_of[doc.id]
        rows.append(
            f'<tr id="d-{doc.id}"><td><code>{doc.id}</code></td><td>{escape(doc.path)}</td>'
            f"<td>{escape(case.key)}</td><td>{doc.doc_kind.value}</td>"
            f"<td>{doc.date.isoformat() if doc.date else '—'}</td><td>{escape(doc.district or case.district or '—')}</td>"
            f"<td>{escape(', '.join(doc.crimes or case.crimes) or '—')}</td><td>{doc.code.value}</td>"
            f"<td>{doc.outcome.value if doc.outcome else '—'}</td></tr>")
    head = "".join(f"<th>{h}</th>" for h in ("id", "archivo", "caso", "tipo", "fecha", "distrito", "delitos",
                                             "código", "resultado"))
    return (f"<details><summary>{len(rows)} documentos</summary><table><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table></details>")

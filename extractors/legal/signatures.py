"""Signature blocks: "S.S." / "S. S." + the panel's names, and a name above "Juez"."""

from __future__ import annotations

import re

from extractors.legal import names as N
from extractors.legal.party_mentions import Acc
from extractors.legal.text import Context

_SIGNED_LINE = re.compile(rf"{N.UPPER_TOKEN}(?:[ \t]+(?:(?:DE|DEL)(?:[ \t]+(?:LA|LOS|LAS))?[ \t]+)?{N.UPPER_TOKEN}){{1,13}}")
_SS = re.compile(r"(?:^|\s)(?:s\.\s?s\.|ss\.)\s*", re.IGNORECASE)
_JUEZ_BELOW = re.compile(r"^\s*(?:juez|jueza)\b", re.IGNORECASE)


def signatures(ctx: Context, acc: Acc) -> None:
    raw = ctx.view.raw
    lo, hi = ctx.zones.decision
    if hi <= lo:
        return
    for m in _SS.finditer(raw, lo, hi):
        p = m.end()
        if "\n" in raw[m.start():m.end()] or raw[p - 1:p] == "\n" or raw[p:p + 1] == "\n":
            for line in raw[p:hi].split("\n"):
                q = p
                p += len(line) + 1
                if not line.strip():
                    continue
                um = N.UPPER_LINE_NAME.fullmatch(line.strip())
                if not um:
                    break
                s = q + line.index(um.group())
                acc.add(ctx, "juez", N.NameSpan(s, s + len(um.group()), N.display(um.group()),
                                                "signature.ss"))
        else:  # all on one line: "S.S. RAMÍREZ SOTELO HUERTA CANCHARI LOZANO YNGA"
            um = _SIGNED_LINE.match(raw, p)
            if um:
                tokens = um.group().split()
                known = [mm.name for mm in acc.mentions if mm.role == "juez"]
                q = p
                i = 0
                pairs = [" ".join(tokens[j:j + 2]) for j in range(0, len(tokens) - 1, 2)]
                # a panel of surname pairs that includes a judge already named: take them all
                panel = len(tokens) % 2 == 0 and any(N.same_person(p2, k, loose=False) for p2 in pairs for k in known)
                while i + 1 < len(tokens):
                    pair = " ".join(tokens[i:i + 2])
                    s = raw.index(tokens[i], q)
                    e = raw.index(tokens[i + 1], s) + len(tokens[i + 1])
                    q = e
                    if not known or panel or any(N.same_person(pair, k) for k in known):
                        acc.add(ctx, "juez", N.NameSpan(s, e, N.display(pair), "signature.inline"))
                    i += 2
    # "CARLOS ENRIQUE YARLEQUÉ ZAPATA\nJuez del Tercer Juzgado ..."
    for um in N.UPPER_LINE_NAME.finditer(raw, lo, hi):
        line_end = raw.find("\n", um.end())
        if line_end >= 0 and raw[um.end():line_end].strip() == "" and _JUEZ_BELOW.match(raw[line_end:line_end + 12]):
            acc.add(ctx, "juez", N.NameSpan(um.start(), um.end(), N.display(um.group()), "signature.juez"))


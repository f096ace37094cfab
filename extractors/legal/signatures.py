"""Signature blocks: "S.S." / "S. S." + the panel's names, and a name above "Juez"."""

from __future__ import annotations

import re

from extractors.legal import names as N
from extractors.legal.party_mentions import Acc
from extractors.legal.party_header import wide_gap
from extractors.legal.patterns import roles as R
from extractors.legal.text import Context, fold_key
from schemas import Party, Role

_PONENTE_LINE = re.compile(r"\(\s*ponente\s*\)", re.IGNORECASE)
# what a Sala writes after or under a signed name (LOPJ arts. 65, 239: a judge sits as titular,
# provisional or supernumerario; the presiding judge and the ponente are marked): not the name
_DESIGNATION = re.compile(r"[ \t]*\(\s*(?:p|s|t|e|pres\.?|presidente|presidenta|d\.?\s?d\.?|director(?:a)?\s+de\s+debates|"
                          r"provisional|supernumerari[oa]|titular)\s*\)[ \t]*$", re.IGNORECASE)
_ROLE_LINE = re.compile(r"(?:presidente|presidenta|ponente|juez(?:a)?(?:\s+(?:superior|supremo|suprema))?(?:\s+\((?:p|s|t)\))?|"
                        r"vocal(?:\s+superior)?|director(?:a)?\s+de\s+debates|\(\s*(?:p|s|t)\s*\))", re.IGNORECASE)

# a word of a signed name; never the typist's reference initials after the panel ("SM/jlq")
_SIGNED_TOKEN = rf"{N.UPPER_TOKEN}(?![/\w])"
_SIGNED_LINE = re.compile(rf"{_SIGNED_TOKEN}(?:[ \t]+(?:(?:DE|DEL)(?:[ \t]+(?:LA|LOS|LAS))?[ \t]+)?{_SIGNED_TOKEN}){{1,13}}")
# the same, wrapped by the page ("S.S. RAMÍREZ\nSOTELO HUERTA CANCHARI LOZANO YNGA" in a PDF's text layer)
_SIGNED_RUN = re.compile(rf"{_SIGNED_TOKEN}(?:(?:[ \t]+|[ \t]*\n[ \t]*)(?:(?:DE|DEL)(?:[ \t]+(?:LA|LOS|LAS))?[ \t]+)?"
                         rf"{_SIGNED_TOKEN}){{1,13}}")
_CAPITALS_LINE = re.compile(rf"{N.UPPER_TOKEN}(?:[ \t]+{N.UPPER_TOKEN})*")  # words in capitals only
# "S.S.", "S. S.", "SS." and, as OCR reads them, "SS:" / "S.S:"
_SS = re.compile(r"(?:^|\s)(?:s\.\s?s\s?[.:]|ss\s?[.:]|ss(?=[ \t]*\n))\s*", re.IGNORECASE)
# a speck read between two words of a name in capitals: "MONTOYA.RUELAS"
_SPECK_IN_NAME = re.compile(r"(?<=[A-ZÁÉÍÓÚÑ])[.,·'`’](?=[A-ZÁÉÍÓÚÑ])")
# a mark a scan leaves after a signed name ("HUILLCA FLORES:")
_TRAILING_MARK = re.compile(r"(?<=[A-ZÁÉÍÓÚÑ])[ \t]*[:;.,·'`’]+[ \t]*$")
# the formula that closes the operative part; the signatures come after it
_CLOSING = re.compile(r"\b(?:h[aá]gase\s+saber|notif[ií]quese|reg[ií]strese|devu[eé]lvase|publ[ií]quese|"
                      r"arch[ií]vese|c[uú]mplase|(?:y\s+)?los\s+devolvieron)\b[^\n]*", re.IGNORECASE)
# a short line of scan noise where the "S. S." stood ("54", "o", "SS")
_NOISE_LINE = re.compile(r"[\W\dA-Za-z]{0,3}")


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
                bare = line.strip().strip("()").strip()
                if (_PONENTE_LINE.fullmatch(line.strip()) or fold_key(bare) == "ponente") \
                        and acc.mentions and acc.mentions[-1].rule == "signature.ss":
                    last = acc.mentions[-1]  # "ALVARADO HUERTA\n(Ponente)": the line marks the name above
                    acc.add(ctx, "ponente", N.NameSpan(last.start, last.end, last.name, "signature.ss.ponente"))
                    acc.mentions[-1].rule = "signature.ss"
                    continue
                if _ROLE_LINE.fullmatch(line.strip()):
                    continue  # "PRESIDENTE", "JUEZ SUPERIOR (P)" under a name: the next name follows
                line = _DESIGNATION.sub(lambda m: " " * len(m.group()), line)  # "CHECA NIÑO (P)"
                line = _SPECK_IN_NAME.sub(" ", line)  # same length: offsets hold
                line = _TRAILING_MARK.sub(lambda m: " " * len(m.group()), line)  # "HUILLCA FLORES:"
                um = N.UPPER_LINE_NAME.fullmatch(line.strip()) or _typed_signature(line.strip())
                if not um:
                    break
                s = q + line.index(um.group())
                acc.add(ctx, "juez", N.NameSpan(s, s + len(um.group()), N.display(um.group()),
                                                "signature.ss"))
        else:  # all on one line: "S.S. RAMÍREZ SOTELO HUERTA CANCHARI LOZANO YNGA" (maybe wrapped)
            um = _SIGNED_RUN.match(raw, p)
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
    if not any(m.rule.startswith("signature.") for m in acc.mentions):
        _unmarked_block(ctx, acc, lo, hi)
    _titled_lines(ctx, acc, lo, hi)
    _titled_inline(ctx, acc, lo, hi)
    _row_of_known_judges(ctx, acc, lo, hi)


def _typed_signature(line: str) -> re.Match[str] | None:
    """A name typed in mixed case under the S.S. ("Checa Niño", "Rosa Villacorta Calderón"): every
    word a name's (capitalised, or a particle), none a word that is no name's."""
    m = N.TITLE_NAME.fullmatch(line)
    if m and not any(fold_key(w) in R.NOT_NAME for w in line.split() if w[:1].isupper()):
        return m
    return None


def _row_of_known_judges(ctx: Context, acc: Acc, lo: int, hi: int) -> None:
    """Full names signed side by side, one line, their gaps lost to a PDF's text layer
    ("MARCO ANTONIO FARFÁN YUPANQUI WILBER CCORAHUA LETONA ELIZABETH ROCÍO VILLAFUERTE ARCE"): cut
    after each surname pair the ruling already gave a judge, when the cuts use the whole line."""
    known = {" ".join(t[-2:]) for m in acc.mentions if m.role in ("juez", "ponente")
             if len(t := N.tokens_of(m.name)) >= 2}
    if len(known) < 2:
        return
    raw = ctx.view.raw
    lines, p = [], lo
    for line in raw[lo:hi].split("\n"):
        lines.append((p, line))
        p += len(line) + 1
    capitals = [bool(_CAPITALS_LINE.fullmatch(ln.strip())) for _, ln in lines]
    for i, (q, line) in enumerate(lines):
        if not capitals[i] or (i and capitals[i - 1]):
            continue  # a row starts here: one capitals line, or two when the page wrapped it
        words = line.split() + (lines[i + 1][1].split() if i + 1 < len(lines) and capitals[i + 1] else [])
        if len(words) < 6:
            continue
        folded = [fold_key(w) for w in words]
        cuts = [i + 1 for i in range(1, len(words)) if f"{folded[i - 1]} {folded[i]}" in known]
        if len(cuts) < 2 or cuts[-1] != len(words):
            continue
        s = q + line.index(words[0])
        for a, b in zip([0, *cuts], cuts):
            if b - a < 3:  # a pair alone is already known; a full name has a given name too
                s = raw.index(words[b - 1], s) + len(words[b - 1])
                continue
            start = raw.index(words[a], s)
            end = raw.index(words[b - 1], start) + len(words[b - 1])
            acc.add(ctx, "juez", N.NameSpan(start, end, N.display(" ".join(words[a:b])), "signature.row"))
            s = end


def signed_lines(ctx: Context) -> list[tuple[int, int]]:
    """The spans of "S.S." lines that sign the ruling in one line ("S.S. SUCASAIRE LOAYZA SALAS
    MAYTA CHALLCO TANANTA"): surname pairs side by side, never one person's full name."""
    raw = ctx.view.raw
    lo, hi = ctx.zones.decision
    out = []
    for m in _SS.finditer(raw, lo, hi):
        um = _SIGNED_LINE.match(raw, m.end())
        if um and "\n" not in raw[m.start():m.end()]:
            out.append((m.end(), um.end()))
    return out


def _unmarked_block(ctx: Context, acc: Acc, lo: int, hi: int) -> None:
    """Two or more lines of names in capitals, one per line, right after the closing formula
    ("Hágase saber.", "Regístrese y notifíquese."): the panel's signatures where the "S. S."
    was left out or lost to the scan."""
    raw = ctx.view.raw
    closing = None
    for closing in _CLOSING.finditer(raw, lo, hi):
        pass
    if closing is None:
        return
    found: list[N.NameSpan] = []
    p = closing.end() + 1
    for line in raw[p:hi].split("\n"):
        q, p = p, p + len(line) + 1
        text = _TRAILING_MARK.sub("", line.strip())
        if not text or (not found and _NOISE_LINE.fullmatch(text)):
            continue
        um = N.UPPER_LINE_NAME.fullmatch(text)
        words = text.split()
        if um and len(words) == 6 and not set(words) & N.PARTICLES_U:
            # three signatures side by side, their gaps lost to a PDF's text layer ("PURIZACA AYALA
            # CÓRDOVA ZAPATA NAVARRO SEMINARIO"): a panel signs with surnames, two each
            s = q + line.index(text)
            for k in range(0, 6, 2):
                a = raw.index(words[k], s)
                e = raw.index(words[k + 1], a) + len(words[k + 1])
                found.append(N.NameSpan(a, e, N.display(f"{words[k]} {words[k + 1]}"), "signature.block"))
                s = e
            continue
        if not um or len(words) > 4:
            break
        s = q + line.index(text)
        found.append(N.NameSpan(s, s + len(text), N.display(text), "signature.block"))
    if len(found) >= 2:
        for ns in found:
            acc.add(ctx, "juez", ns)


def stamp_judges(ctx: Context, parties: list[Party]) -> list[Party]:
    """The judges who signed the ruling's digital-signature stamps ("Firmado digitalmente por:
    CARDENAS VILLANUEVA Julio Ernesto FAU …"): evidence for a judge already named, or a judge
    of their own when the stamp is the only place that names them. A court officer's stamp
    ("Secretaria de Sala: …") is not a judge's."""
    view = ctx.view
    out = list(parties)
    for stamp in view.stamps:
        if stamp.staff:
            continue
        tokens = view.stamp_name(stamp).split()
        surnames = [t for t in tokens if t.isupper() and len(t) > 1]
        given = [t for t in tokens[len(surnames):] if not t.isupper()]
        if len(surnames) < 1 or surnames != tokens[:len(surnames)]:
            continue
        name = N.display(" ".join(given + surnames))
        ev = view.doc_evidence(stamp.name_start, stamp.name_end, "signature.stamp")
        same = next((i for i, p in enumerate(out) if p.role == Role.JUEZ
                     and N.same_person(" ".join(surnames), p.name, loose=False)), None)
        if same is not None:
            out[same] = out[same].model_copy(update={"evidence": [*out[same].evidence, ev]})
        else:
            out.append(Party(name=name, role=Role.JUEZ, evidence=[ev]))
    return out


def _titled_lines(ctx: Context, acc: Acc, lo: int, hi: int) -> None:
    """A line of names in capitals above a line of titles, in columns: "MARCO ANTONIO FARFÁN
    YUPANQUI   WILBER CCORAHUA LETONA\nPresidente   Director de Debates"; also one name, in
    capitals or typed as a name, over "Juez del Tercer Juzgado ...". A column titled
    especialista or secretario is staff."""
    raw = ctx.view.raw
    p = lo
    while p < hi:
        end = raw.find("\n", p)
        end = hi if end < 0 or end > hi else end
        below_start = end + 1
        while below_start < hi and raw[below_start] == "\n":  # a blank line between (scans)
            below_start += 1
        nxt = raw.find("\n", below_start)
        nxt = hi if nxt < 0 or nxt > hi else nxt
        line, below = raw[p:end], raw[below_start:nxt]
        names = _cells(ctx, p, end) if line.strip() and below.strip() else []
        if names and (N.UPPER_LINE_NAME.fullmatch(names[0][2]) or _typed_name(ctx, names[0])):
            titles = _cells(ctx, below_start, nxt)
            if len(titles) != len(names):
                titles = titles[:1] * len(names) if len(names) == 1 else []
            for (s, e, text), (_, _, title) in zip(names, titles):
                um = N.UPPER_LINE_NAME.fullmatch(text.strip()) or _typed_name(ctx, (s, e, text))
                t = fold_key(title.strip())
                if um and R.JUDGE_TITLE.match(t) and not R.STAFF_TITLE.match(t):
                    acc.add(ctx, "juez", N.NameSpan(s, e, N.display(text.strip()), "signature.juez"))
        p = end + 1


def _typed_name(ctx: Context, cell: tuple[int, int, str]) -> bool:
    """A signed name typed as written elsewhere ("Marco Antonio Zegarra Linares" over "Juez
    del ..."): the whole cell one person's name of three to six words, none of them an
    institution's word."""
    s, e, text = cell
    if not N.TITLE_NAME.fullmatch(text.strip()) or not 3 <= len(text.split()) <= 6:
        return False
    ns = N.name_at(ctx.view.raw, s)
    return ns is not None and ns.end == e and not any(fold_key(w) in R.NOT_NAME for w in text.split()
                                                      if w[0].isupper())


# a judge's title right after the signed name on one line, as PDF extraction flattens a
# signature block ("WILFREDO SÁNCHEZ CCOPA Juez del Juzgado de Investigación Preparatoria
# ..."): the title, then the court or rank it belongs to (LOPJ arts. 46-49: jueces
# especializados, mixtos, de investigación preparatoria)
_TITLE_AFTER_NAME = re.compile(r"(?:Juez|Jueza|JUEZ|JUEZA)[ \t]+(?:del?\b|Superior|Suprem[oa]|Provincial|Penal|"
                               r"Titular|Especializad[oa]|Unipersonal|Supernumerari[oa]|Provisional)")
_NAME_BEFORE = re.compile(rf"(?P<name>{N.UPPER_TOKEN}(?:[ \t]+(?:(?:DE|DEL)(?:[ \t]+(?:LA|LOS|LAS))?[ \t]+)?"
                          rf"{N.UPPER_TOKEN}){{1,5}})[ \t]+$")


def _titled_inline(ctx: Context, acc: Acc, lo: int, hi: int) -> None:
    """One name in capitals and its judge's title on one line, the name opening a line, a
    cell or a sentence ("Regístrese y notifíquese. WILFREDO SÁNCHEZ CCOPA Juez del ..."): a
    signature block with its line breaks lost."""
    raw = ctx.view.raw
    for t in _TITLE_AFTER_NAME.finditer(raw, lo, hi):
        win = max(lo, t.start() - 90)
        m = None
        for m in _NAME_BEFORE.finditer(raw, win, t.start()):
            pass
        if m is None:
            continue
        end = m.end("name")
        for w in re.finditer(r"\S+", m["name"]):  # the longest name that opens a line or sentence
            s = m.start("name") + w.start()
            if not _OPENS.search(raw, win, s) or len(raw[s:end].split()) < 2:
                continue
            ns = N.name_at(raw, s, rule="signature.juez")
            if ns and ns.end == end:
                acc.add(ctx, "juez", ns)
            break


_OPENS = re.compile(r"(?:^|\n|[.;:][ \t]+|[ \t]{2,})\Z")


def _cells(ctx: Context, start: int, end: int) -> list[tuple[int, int, str]]:
    """The cells of a line of the view, split where the page text had a wide gap."""
    raw = ctx.view.raw
    out, s = [], start
    while s < end:
        gap = wide_gap(ctx, s, end)
        e = end if gap < 0 else gap
        if raw[s:e].strip():
            lead = len(raw[s:e]) - len(raw[s:e].lstrip())
            out.append((s + lead, s + len(raw[s:e].rstrip()), raw[s:e].strip()))
        s = e + 1
    return out


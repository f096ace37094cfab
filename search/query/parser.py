"""User query text → a small AST that every engine renders (FTS5, tantivy, Elasticsearch).

What a user may type (documented in the CLI and the web UI):

- ``trata personas``: every word must appear (AND); words are matched by their stem, so
  accents, case and plurals do not matter.
- ``"trata de personas"``: an exact phrase (accents and case still do not matter).
- ``menor OR adolescente``: either word; ``(trata OR explotación) minería`` groups.
- ``-menor``: without that word (``NOT menor`` is the same; ``AND`` is accepted and ignored).
- ``acusa*``: words that begin with ``acusa``; ``"trata de pers"*`` for a phrase.
- ``153-A``, ``R.N.``, ``2045-2018``: a word with inner punctuation is an identifier and
  matches its parts as an exact phrase.
- ``juez:chambi``, ``imputado:"Cahui Ahuanari"``, ``delito:trata``, ``delito:trata_de_personas``,
  ``articulo:153-A``, ``articulo:307*``, ``expediente:123-2019``, ``distrito:"Madre de Dios"``,
  ``cita:"Casación 904-2019"``: fielded terms, matched against what was extracted (names by
  role, crime keys and labels, normalised articles, case numbers and citations), not the text.
  A crime key (``delito:peculado_doloso``, ``delito:crimen_organizado``: aliases and families
  too) and a district are checked against ``search.query.vocabulary``: one in no vocabulary is a
  ``QueryError`` naming the closest valid values, not a search that finds nothing.

The parser owns the syntax: user text never reaches an engine as is. The engines render
the AST from analysed tokens (letters and digits only; ``search.embedded.fts5_engine`` double-quotes
every one for FTS5), and anything malformed (a quote or parenthesis left open, an operator
with nothing to work on, an unknown field) raises ``QueryError`` with a message in Spanish
saying what to fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from schemas import QueryError, Reason

from search.query import vocabulary
from search.query.analysis import STOP_WORDS, exact_terms, fold, normalize_key, stem
from search.query.keys import case_query_key, normalize_article, normalize_citation

# ---------------------------------------------------------------------------- the AST


@dataclass(frozen=True)
class Term:
    """A word typed without quotes: ``parts`` are its folded tokens (several for ``153-A``)."""

    parts: tuple[str, ...]
    prefix: bool = False

    @property
    def is_stop_word(self) -> bool:
        return len(self.parts) == 1 and not self.prefix and self.parts[0] in STOP_WORDS

    @property
    def stemmed(self) -> bool:
        """Matched by stem (one ordinary word) rather than as exact folded tokens."""
        return len(self.parts) == 1 and not self.prefix and not self.is_stop_word


@dataclass(frozen=True)
class Phrase:
    parts: tuple[str, ...]
    prefix: bool = False


@dataclass(frozen=True)
class Fielded:
    """A fielded term. Text fields (``judges``, ``defendants``, ``crime_text``) match
    ``parts`` (folded tokens) as a phrase; keyword fields (``article``, ``case_key``,
    ``district_key``, ``citation``, ``crime``) match ``value`` whole (or as a prefix)."""

    field: str
    parts: tuple[str, ...] = ()
    value: str = ""
    prefix: bool = False

    @property
    def is_keyword(self) -> bool:
        return self.field in KEYWORD_FIELDS


@dataclass(frozen=True)
class Not:
    child: Node


@dataclass(frozen=True)
class And:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    children: tuple[Node, ...]


Node = Term | Phrase | Fielded | Not | And | Or

TEXT_FIELDS = ("judges", "defendants", "crime_text")
KEYWORD_FIELDS = ("article", "case_key", "district_key", "citation", "crime")
# What users type before the colon (folded) → the field it searches.
FIELD_NAMES = {
    "juez": "judges", "jueza": "judges", "ponente": "judges",
    "imputado": "defendants", "imputada": "defendants", "acusado": "defendants", "acusada": "defendants",
    "delito": "crime_text", "articulo": "article", "art": "article", "expediente": "case_key", "exp": "case_key",
    "distrito": "district_key", "cita": "citation",
}
FIELD_HELP = "juez:, imputado:, delito:, articulo:, expediente:, distrito:, cita:"


def _fail(message: str) -> QueryError:
    return QueryError(message, reason=Reason.QUERY)


# ---------------------------------------------------------------------------- lexer

# Typographic quotes pasted from word processors open and close phrases too.
_QUOTES = str.maketrans({c: '"' for c in "“”„«»"})
_OPEN, _CLOSE, _OR, _NOT, _WORD, _PHRASE = "(", ")", "OR", "NOT", "WORD", "PHRASE"
_FIELD_WORD = re.compile(r"([^\W\d]+):(.*)", re.S)


@dataclass(frozen=True)
class _Lexeme:
    kind: str
    text: str = ""
    prefix: bool = False
    field: str | None = None  # a fielded term: the field's name as typed


def _lex(text: str) -> list[_Lexeme]:
    text = text.translate(_QUOTES)
    out: list[_Lexeme] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch in "()":
            out.append(_Lexeme(ch))
            i += 1
        elif ch == '"':
            lexeme, i = _phrase(text, i)
            out.append(lexeme)
        elif ch == "-" and _starts_term(text, i):
            j = i
            while j < n and text[j] == "-":
                j += 1
            if j == n or text[j].isspace() or text[j] == ")":
                raise _fail("El signo - debe ir pegado a la palabra que quiere excluir, como en -menor.")
            out.append(_Lexeme(_NOT))
            i = j
        else:
            j = i
            while j < n and not text[j].isspace() and text[j] not in '()"':
                j += 1
            word = text[i:j]
            field = _FIELD_WORD.fullmatch(word)
            if field and (field[2] or (j < n and text[j] == '"')):
                name = field[1]
                if fold(name) not in FIELD_NAMES:
                    raise _fail(f"Campo desconocido: {name}:. Los campos son {FIELD_HELP} "
                                "(p. ej. juez:chambi).")
                if field[2]:
                    value = field[2].rstrip("*")
                    if not value:
                        raise _fail("El comodín * va al final de una palabra, como en articulo:307*.")
                    out.append(_Lexeme(_WORD, value, prefix=len(value) < len(field[2]), field=name))
                else:
                    phrase, j = _phrase(text, j)
                    out.append(_Lexeme(_PHRASE, phrase.text, prefix=phrase.prefix, field=name))
            elif field and fold(field[1]) in FIELD_NAMES and (j == n or text[j] != '"'):
                raise _fail(f"El campo {field[1]}: necesita un valor pegado a los dos puntos, "
                            f"como en {field[1]}:valor o {field[1]}:\"dos palabras\".")
            elif word == "OR":
                out.append(_Lexeme(_OR))
            elif word == "NOT":
                out.append(_Lexeme(_NOT))
            elif word == "AND":
                pass  # words are ANDed anyway
            else:
                stripped = word.rstrip("*")
                if not stripped:
                    raise _fail("El comodín * va al final de una palabra, como en acusa*.")
                out.append(_Lexeme(_WORD, stripped, prefix=len(stripped) < len(word)))
            i = j
    return out


def _phrase(text: str, i: int) -> tuple[_Lexeme, int]:
    """The quoted phrase starting at ``text[i] == '"'`` and the position after it (and its ``*``)."""
    close = text.find('"', i + 1)
    if close < 0:
        raise _fail('Falta cerrar las comillas: escriba la frase exacta entre dos comillas, '
                    'como en "trata de personas".')
    j = close + 1
    while j < len(text) and text[j] == "*":
        j += 1
    return _Lexeme(_PHRASE, text[i + 1:close], prefix=j > close + 1), j


def _starts_term(text: str, i: int) -> bool:
    """A ``-`` is an operator only at the start of a term (not inside ``153-A``)."""
    return i == 0 or text[i - 1].isspace() or text[i - 1] == "("


# ---------------------------------------------------------------------------- parser

MAX_DEPTH = 10  # nested parentheses


class _Parser:
    def __init__(self, lexemes: list[_Lexeme]) -> None:
        self.lex = lexemes
        self.pos = 0
        self.depth = 0

    def peek(self) -> _Lexeme | None:
        return self.lex[self.pos] if self.pos < len(self.lex) else None

    def take(self) -> _Lexeme:
        lexeme = self.lex[self.pos]
        self.pos += 1
        return lexeme

    def parse(self) -> Node:
        node = self.or_expr()
        if self.peek() is not None:  # only a stray ')' can stop or_expr early
            raise _fail("Hay un paréntesis de cierre ) sin su apertura (.")
        return node

    def or_expr(self) -> Node:
        children = [self.and_expr(after_or=False)]
        while (lexeme := self.peek()) is not None and lexeme.kind == _OR:
            self.take()
            children.append(self.and_expr(after_or=True))
        return children[0] if len(children) == 1 else Or(tuple(children))

    def and_expr(self, *, after_or: bool) -> Node:
        children: list[Node] = []
        while (lexeme := self.peek()) is not None and lexeme.kind not in (_OR, _CLOSE):
            children.append(self.unary())
        if not children:
            nxt = self.peek()
            if after_or or (nxt is not None and nxt.kind == _OR):
                raise _fail("OR necesita una palabra a cada lado, como en menor OR adolescente.")
            if nxt is not None and nxt.kind == _CLOSE:
                raise _fail("Hay un paréntesis vacío o una ) sin su apertura (.")
        return children[0] if len(children) == 1 else And(tuple(children))

    def unary(self) -> Node:
        if self.peek().kind == _NOT:
            self.take()
            nxt = self.peek()
            if nxt is None or nxt.kind in (_OR, _CLOSE, _NOT):
                raise _fail("Una exclusión (- o NOT) debe ir seguida de la palabra que quiere excluir, "
                            "como en -menor.")
            return Not(self.atom())
        return self.atom()

    def atom(self) -> Node:
        lexeme = self.take()
        if lexeme.kind == _OPEN:
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise _fail(f"Hay demasiados paréntesis anidados (más de {MAX_DEPTH}).")
            node = self.or_expr()
            self.depth -= 1
            nxt = self.peek()
            if nxt is None or nxt.kind != _CLOSE:
                raise _fail("Falta cerrar un paréntesis (.")
            self.take()
            return node
        if lexeme.field is not None:
            return _fielded(lexeme)
        if lexeme.kind == _PHRASE:
            parts = tuple(exact_terms(lexeme.text))
            if not parts:
                raise _fail("Las comillas no contienen ninguna palabra que buscar.")
            return Phrase(parts, lexeme.prefix)
        return Term(tuple(exact_terms(lexeme.text)), lexeme.prefix)


def _fielded(lexeme: _Lexeme) -> Fielded:
    """A fielded term with its value brought to the form the index stores."""
    name, raw = lexeme.field, lexeme.text
    field = FIELD_NAMES[fold(name)]
    if field == "crime_text" and "_" in raw and " " not in raw.strip():  # a taxonomy key
        if lexeme.prefix:
            return Fielded("crime", value=fold(raw.strip()), prefix=True)
        keys = vocabulary.crime(raw).keys  # its aliases, a family's crimes; unknown: the closest keys
        return Fielded("crime", value=keys[0]) if len(keys) == 1 else Or(tuple(Fielded("crime", value=k) for k in keys))
    if field in TEXT_FIELDS:
        parts = tuple(exact_terms(raw))
        if not parts:
            raise _fail(f"El campo {name}: no contiene ninguna palabra que buscar.")
        return Fielded(field, parts=parts, prefix=lexeme.prefix)
    if field == "district_key":  # matched whole: a name or an alias; a prefix as typed
        value = normalize_key(raw if lexeme.prefix else vocabulary.district(raw))
    elif field == "article":
        value = normalize_article(raw) or ("".join(exact_terms(raw)).upper() if lexeme.prefix else None)
    elif field == "case_key":
        value = case_query_key(raw)
    else:  # citation
        value = normalize_citation(raw)
    if not value:
        example = {"article": "articulo:153-A", "case_key": "expediente:00123-2019-45-2701-JR-PE-01",
                   "citation": 'cita:"Casación 904-2019"', "district_key": 'distrito:"Madre de Dios"'}[field]
        raise _fail(f"No se reconoce el valor de {name}:{raw}. Escríbalo como en {example}.")
    return Fielded(field, value=value, prefix=lexeme.prefix and field != "case_key")


# ---------------------------------------------------------------------------- simplify


def _simplify(node: Node) -> Node | None:
    """Drop words that are only punctuation, flatten groups, drop stop words next to real words."""
    if isinstance(node, Term):
        return node if node.parts else None
    if isinstance(node, (Phrase, Fielded)):
        return node
    if isinstance(node, Not):
        child = _simplify(node.child)
        return None if child is None else Not(child)
    children = [c for c in (_simplify(c) for c in node.children) if c is not None]
    flat: list[Node] = []
    for child in children:  # (a b) c → a b c; (a OR b) OR c → a OR b OR c
        flat.extend(child.children if type(child) is type(node) else (child,))
    if isinstance(node, And) and any(not _is_stop(c) and not isinstance(c, Not) for c in flat):
        flat = [c for c in flat if not _is_stop(c)]  # "trata de personas" → trata personas
    if not flat:
        return None
    return flat[0] if len(flat) == 1 else type(node)(tuple(flat))


def _is_stop(node: Node) -> bool:
    return isinstance(node, Term) and node.is_stop_word


def parse_query(text: str) -> Node | None:
    """The AST of ``text``; None when it is blank (a filter-only query).

    Raises ``QueryError`` when ``text`` is malformed or has nothing to search for.
    """
    if not text or not text.strip():
        return None
    node = _simplify(_Parser(_lex(text)).parse())
    if node is None:
        raise _fail("La búsqueda no contiene ninguna palabra que buscar.")
    _check_negations(node, top=True)
    return node


def _check_negations(node: Node, *, top: bool) -> None:
    """A group made only of exclusions means "everything except ...": allowed only for the
    whole query (rendered as a complement), not inside an OR or parentheses."""
    if isinstance(node, Not):
        if not top:
            raise _fail("Una exclusión (-palabra) necesita al menos una palabra que buscar a su lado, "
                        "como en trata -menor.")
        _check_negations(node.child, top=False)
    elif isinstance(node, And):
        only_negative = all(isinstance(c, Not) for c in node.children)
        if only_negative and not top:
            raise _fail("Una exclusión (-palabra) necesita al menos una palabra que buscar a su lado, "
                        "como en trata -menor.")
        for child in node.children:
            _check_negations(child.child if isinstance(child, Not) else child, top=False)
    elif isinstance(node, Or):
        for child in node.children:
            _check_negations(child, top=False)


# ---------------------------------------------------------------------------- ranking


def proximity_words(node: Node | None) -> list[str]:
    """The folded words of a query of two or more plain words (``trata de personas``), whose
    documents rank first when the words stand side by side; else []."""
    if not isinstance(node, And):
        return []
    words = [c for c in node.children if not isinstance(c, Not)]
    if len(words) < 2 or not all(isinstance(c, Term) and c.stemmed for c in words):
        return []
    return [c.parts[0] for c in words]


# ---------------------------------------------------------------------------- highlighting


@dataclass(frozen=True)
class HighlightTerms:
    """What a snippet should mark: stems, exact phrases (folded tokens) and prefixes."""

    stems: frozenset[str] = frozenset()
    phrases: tuple[tuple[str, ...], ...] = ()
    prefixes: tuple[tuple[str, ...], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.stems or self.phrases or self.prefixes)


def highlight_terms(node: Node | None) -> HighlightTerms:
    """The positive terms of a query (excluded words are never highlighted)."""
    stems: set[str] = set()
    phrases: list[tuple[str, ...]] = []
    prefixes: list[tuple[str, ...]] = []

    def walk(n: Node) -> None:
        if isinstance(n, Term) and n.stemmed:
            stems.add(stem(n.parts[0]))
        elif isinstance(n, (Term, Phrase)) or (isinstance(n, Fielded) and n.field in ("judges", "defendants")):
            (prefixes if n.prefix else phrases).append(n.parts)
        elif isinstance(n, (And, Or)):
            for child in n.children:
                walk(child)
        # Not: skipped

    if node is not None:
        walk(node)
    return HighlightTerms(frozenset(stems), tuple(phrases), tuple(prefixes))

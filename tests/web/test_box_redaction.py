"""Redaction moves word boxes as it moves evidence: a protected name before a fact on the
same page shortens the text, and the fact's boxes must still be the fact's words."""

from schemas import BOX_SCALE, Evidence, PageBoxes, Party, Role
from search.privacy import redact_record
from tests.search.factory import make_record


def boxes_of(text: str) -> PageBoxes:
    """One box per word; word k is at x = k/100 (so a box says which word it is)."""
    words, pos = [], 0
    for k, word in enumerate(text.split(" ")):
        words.append((pos, pos + len(word), k * BOX_SCALE // 100, 0, (k + 1) * BOX_SCALE // 100, 100))
        pos += len(word) + 1
    return PageBoxes.of(600, 800, words)


def test_boxes_follow_the_redacted_text():
    text = "En agravio de Nancy Quispe Mamani, el acusado Juan Pérez fue condenado."
    start = text.index("Juan Pérez")
    record = make_record(text, redactions=(("Nancy Quispe Mamani", "N.Q.M."),))
    ruling = record.ruling.model_copy(update={"parties": [
        Party(name="Juan Pérez", role=Role.IMPUTADO, evidence=[Evidence(page=1, start=start, end=start + 10, rule="r")]),
    ]})
    before = boxes_of(text).rects(start, start + 10)
    out = redact_record(record.model_copy(update={"ruling": ruling, "page_boxes": [boxes_of(text)]}))
    ev = out.ruling.parties[0].evidence[0]
    assert out.pages[0][ev.start:ev.end] == "Juan Pérez"
    assert out.page_boxes[0].rects(ev.start, ev.end) == before  # the same two words, 7 and 8
    name = out.pages[0].index("N.Q.M.")
    assert [round(r[0] * 100) for r in out.page_boxes[0].rects(name, name + 6)] == [3, 4, 5]

"""The components talk through spaCy's own structures: mentions in doc.spans["actors"] (kb_id = entity key),
relations in doc._.relations, the document date in doc._.doc_date; nlp(doc) and nlp.pipe run everything."""

from __future__ import annotations

from actorgraph.extract import extract_text
from actorgraph.extract.pipeline import make_nlp


def test_nlp_pipe_fills_spans_and_relations() -> None:
    nlp = make_nlp("en", "none")
    first, second = nlp.pipe(["Iran attacked Israel on Monday.", "Egypt and Jordan met in Cairo."])
    actors = [(s.text, s.label_, s.kb_id_) for s in first.spans["actors"]]
    assert actors == [("Iran", "State", "gaz:country-irn"), ("Israel", "State", "gaz:country-isr")]
    assert [(r.subject, r.relation, r.object) for r in first._.relations] == [
        ("gaz:country-irn", "attacked", "gaz:country-isr")
    ]
    assert ("gaz:country-egy", "met", "gaz:country-jor") in {
        (r.subject, r.relation, r.object) for r in second._.relations
    }
    assert all(span._.mention.key == span.kb_id_ for span in second.spans["actors"])
    assert [t._.actor for t in first][:2] == [0, -1]  # "Iran" is mention 0, "attacked" is none


def test_the_document_date_comes_in_on_the_doc() -> None:
    nlp = make_nlp("ar", "none")
    doc = nlp.make_doc("التقى وزير الخارجية المصري بدر عبد العاطي بنظيره الأردني أيمن الصفدي أمس.")
    doc._.doc_date = "2025-05-31"
    doc = nlp(doc)
    met = [r.date for r in doc._.relations if r.relation == "met"]
    assert met == ["2025-05-30"]  # أمس "yesterday", against the document's date
    via_text = extract_text(doc.text, lang="ar", date="2025-05-31", model="none")
    assert [r.date for r in via_text.relations if r.relation == "met"] == met

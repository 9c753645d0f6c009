"""The Arabic mention rules: the hooks the language-neutral finder calls (see ``mentions/rules.py``)."""

from __future__ import annotations

from actorgraph.extract.lang.ar import heads, names, places, titles
from actorgraph.extract.mentions.rules import MentionRules

RULES = MentionRules(
    cased=False,
    head_initial=True,
    coord=names.coord,
    title_at=titles.title_at,
    place_at=places.place_at,
    head_at=heads.head_at,
    unknown_name=names.unknown_name,
    apposition_at=lambda f, i, end: None,  # an unknown name is not told from other words before a comma
    apposition_after=titles.apposition_after,
    country_anaphor_at=names.country_anaphor_at,
    adjective_kind=names.adjective_kind,
    courtesy=titles.courtesy,
    stacked_title=titles.stacked_title,
    qualifier_stop=titles.qualifier_stop,
    new_person=titles.new_person,
    person_alias=titles.person_alias,
    place_label=places.place_label,
    same_head=names.same_head,
)

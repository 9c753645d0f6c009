"""The mention finder (``actorgraph.extract.mentions``), under the name the pipeline and the relation finder
import it by."""

from __future__ import annotations

from actorgraph.extract.lang import profile
from actorgraph.extract.lang.ar.titles import dual_title_ar
from actorgraph.extract.mentions.finder import MentionFinder

__all__ = ["AGENTIVE_EN", "MentionFinder", "dual_title_ar"]

AGENTIVE_EN = profile("en").words("agentive")

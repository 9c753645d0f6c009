"""Arabic specifics: normalisation and clitic analysis (written here: the PyPI Arabic NLP packages are GPL)."""

from actorgraph.extract.lang import Profile
from actorgraph.extract.lang.ar.normalize import normalize

PROFILE = Profile(lang="ar", normalize=normalize)

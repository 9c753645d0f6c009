"""Arabic specifics: normalisation and clitic analysis (written here: the PyPI Arabic NLP packages are GPL)."""

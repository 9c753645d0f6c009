from benchmarks import extraction

extraction.main()

"""Benchmarks, run on demand (`make bench`): they print figures and write benchmarks/RESULTS.md."""

from benchmarks.suite import main

main()

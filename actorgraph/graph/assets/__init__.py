"""The page around the rendered graph: template, style and scripts (package data, see render.py)."""

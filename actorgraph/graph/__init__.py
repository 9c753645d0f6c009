"""Extraction → RDF, the store, SPARQL, exports, the networkx projection and rendering."""

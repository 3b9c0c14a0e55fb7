"""The ecosystem map screen (issue 16). ``MapView`` imports networkx: import it only when
the Map tab is first shown (``ui/main_window.py`` does)."""

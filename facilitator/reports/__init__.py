"""Reports: PDF minutes, Markdown minutes, CSV exports. No Qt, no SQL.

Importing this package costs nothing: reportlab is loaded by ``facilitator.reports.pdf``
only, when a PDF is built.
"""

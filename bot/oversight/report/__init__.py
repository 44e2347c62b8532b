"""The annual complaints performance and service improvement report (Code 8.1, 9.7).

Figures are computed from the case store for a date range as plain dataclasses (`figures`); the
same figures become tables (`tables`) and charts (`charts`), written as CSV files, PNG charts and
one HTML page a complaints officer can take to the board (`rendering`).
"""

"""The website live chat: the page, the widget files and the history the widget restores.

`bot.web.channel` is the Rasa input channel (it imports Rasa); `bot.web.transcript` is plain Python.
"""

"""Custom Rasa channels for social media direct messages (Messenger, Instagram, X).

`meta` and `x` import Rasa; `settings`, `credentials`, `signatures`, `recent` and `choices` do
not, so `python -m bot.channels.credentials` runs without loading Rasa.
"""

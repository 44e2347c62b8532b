"""The call handler's triage console (Code 3.2: any member of staff recognises a complaint).

`accounts` holds staff accounts and sessions; `prompts` and `forms` are the pure parts of the
pages; `web` serves them from the Rasa server through the `channel` input channel.
"""

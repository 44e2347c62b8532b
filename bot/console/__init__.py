"""The call handler's triage console (Code 3.2: any member of staff recognises a complaint).

`accounts` holds staff accounts and sessions; `prompts` and `forms` are the pure parts of the
pages; `app` builds the blueprint the Rasa server mounts through the `channel` input channel,
with the pages in `routes/` (one module a concern) sharing the helpers in `pages`.
"""

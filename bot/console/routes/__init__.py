"""The console's pages, one module a concern; each fills its `routes`, which the app factory
(bot/console/app.py) adds to the blueprint."""

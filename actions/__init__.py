"""Rasa custom actions: thin, they read the tracker, call a bot service and return events."""

"""Slack and the outside world: the Bolt app, listeners, config, store, scheduler, CLI."""

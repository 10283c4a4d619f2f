"""Operating rolebot: logs (plain or JSON), Prometheus metrics, the ops HTTP endpoints.

The lowest room of bot/ beside config, clock and webapi: every other room may count and log
through it; it imports no room.
"""

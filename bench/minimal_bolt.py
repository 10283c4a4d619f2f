"""The smallest Bolt app on gunicorn, for bench.worker_memory: one `/role` that acks.

    SLACK_BOT_TOKEN=... SLACK_SIGNING_SECRET=... SLACK_API_URL=... \
        python -m gunicorn --workers 1 --worker-class gthread --threads 16 bench.minimal_bolt:application
"""

from __future__ import annotations

import os

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_sdk import WebClient

__all__ = ["app", "application"]

app = App(
    client=WebClient(token=os.environ["SLACK_BOT_TOKEN"], base_url=os.environ["SLACK_API_URL"]),
    signing_secret=os.environ["SLACK_SIGNING_SECRET"],
)


@app.command("/role")
def role(ack):
    """Acknowledge with a fixed text."""
    ack("ok")


application = SlackRequestHandler(app)

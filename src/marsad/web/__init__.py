"""The web app and JSON API (FastAPI): ``create_app(settings)``; run with ``marsad serve``."""

from .app import create_app

__all__ = ["create_app"]

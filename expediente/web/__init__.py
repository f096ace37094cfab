"""The web application and REST API: a peer of the CLI over ``search`` and ``search.analytics``.

>>> from expediente.web import WebSettings, create_app
>>> app = create_app(WebSettings(index="data/index.sqlite"))   # then: uvicorn.run(app)
"""

from expediente.web.app import create_app
from expediente.web.config import WebSettings

__all__ = ["WebSettings", "create_app"]

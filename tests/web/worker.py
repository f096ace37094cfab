"""One server process over a data folder, as each worker of ``expediente serve --workers N``
is (it builds its own app, and so its own ``Jobs``, on the same folder):

    python -m tests.web.worker PORT SETTINGS_JSON
"""

from __future__ import annotations

import sys

import uvicorn

from expediente.web import WebSettings, create_app


def main() -> None:
    port, settings = int(sys.argv[1]), WebSettings.model_validate_json(sys.argv[2])
    uvicorn.run(create_app(settings), host="127.0.0.1", port=port, log_level="warning")


if __name__ == "__main__":
    main()

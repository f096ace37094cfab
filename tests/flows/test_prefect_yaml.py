"""prefect.yaml deploys the ingest flow: its entrypoint and parameters must fit the code."""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path

import yaml
from prefect import Flow

ROOT = Path(__file__).resolve().parents[2]


def test_every_deployment_points_at_a_flow_and_passes_parameters_it_accepts():
    config = yaml.safe_load((ROOT / "prefect.yaml").read_text(encoding="utf-8"))
    assert config["deployments"], "prefect.yaml has no deployment"
    for deployment in config["deployments"]:
        # a module path, not a file: a shard's summary unpickles in the parent run under the
        # same class names (a file entrypoint loads flows/ingest.py as module 'ingest')
        module_name, _, name = deployment["entrypoint"].partition(":")
        assert (ROOT / (module_name.replace(".", "/") + ".py")).is_file(), module_name
        module = importlib.import_module(module_name)
        flow = getattr(module, name)
        assert isinstance(flow, Flow)
        accepted = inspect.signature(flow.fn).parameters
        assert set(deployment.get("parameters", {})) <= set(accepted), deployment["name"]
        assert deployment["work_pool"]["name"]

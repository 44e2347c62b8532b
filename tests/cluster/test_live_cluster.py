"""Live chat on `make run-cluster`: the resident's web chat on replica 1, staff's console on
replica 2; every staff reply reaches the resident, none lost, none out of order."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from tools.cluster import running_cluster
from tools.live_bench import Target, measure

pytestmark = pytest.mark.cluster


def test_staff_on_one_replica_reach_a_resident_on_the_other_in_order(tmp_path: Path) -> None:
    with running_cluster(tmp_path) as cluster:
        first, second = (f"http://127.0.0.1:{replica.port}" for replica in cluster.replicas)
        result = asyncio.run(measure(Target(first, second, cluster.database_url), 30))
    assert (result["lost"], result["out_of_order"], result["doubled"]) == (0, 0, 0), result

"""The scale-out layout on loopback: nginx, two Rasa replicas sharing PostgreSQL trackers and Redis
locks, two action servers, one case store; a replica is killed in the middle of a load."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from tools.cluster import Cluster, Replica, running_cluster
from tools.load import Interruption, Pace, intake_mix, measure

pytestmark = pytest.mark.cluster

CONVERSATIONS = 20


@dataclass(frozen=True)
class Failover:
    cluster: Cluster
    killed: Replica
    survivor: Replica
    load: dict[str, Any]


@pytest.fixture(scope="module")
def failover(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Failover]:
    """Twenty residents at once, as fast as the cluster answers; a third of the way through,
    replica 1 is SIGKILLed."""
    with running_cluster(tmp_path_factory.mktemp("cluster")) as cluster:
        scripts = intake_mix(CONVERSATIONS)
        a_third = sum(len(script.turns) for script in scripts) // 3
        kill = Interruption(a_third, lambda: cluster.kill_replica(0))
        load = measure(cluster.url, scripts, Pace(), "cluster-test", cluster.database_url, kill)
        yield Failover(cluster, cluster.replicas[0], cluster.replicas[1], load)


def test_conversations_are_spread_across_both_replicas(failover: Failover) -> None:
    served = failover.load["turns_by_replica"]
    assert set(served) == {failover.killed.address, failover.survivor.address}, served
    assert failover.load["conversations_on_several_replicas"] >= CONVERSATIONS // 4, failover.load


def test_every_conversation_finishes_with_each_reply_in_order(failover: Failover) -> None:
    load = failover.load
    assert load["unexpected_replies"] == [], load
    assert (load["errors"], load["finished"]) == (0, CONVERSATIONS), load


def test_each_complaint_is_logged_exactly_once_with_the_reference_given(
    failover: Failover,
) -> None:
    cases = failover.load["cases"]
    assert cases["complaints_expected"] == sum(s.makes_complaint for s in intake_mix(CONVERSATIONS))
    assert (cases["lost"], cases["doubled"], cases["reference_mismatch"]) == (0, 0, 0), cases
    assert cases["cases_without_a_complaint"] == 0, cases


def test_after_the_kill_the_other_replica_carries_every_conversation(failover: Failover) -> None:
    load = failover.load
    assert failover.killed.process.returncode == -9
    assert load["turns_after_interruption"] > 0, load
    assert load["errors_after_interruption"] == 0, load
    assert set(load["turns_by_replica_after_interruption"]) == {failover.survivor.address}, load

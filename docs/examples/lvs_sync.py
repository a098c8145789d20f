"""What an LVS vendor does: get a client-credentials token, sync a roster twice with one key.

    .venv/bin/python docs/examples/lvs_sync.py            # against `make run`

The second call replays the first answer (header Idempotent-Replayed: true); a third call
with a new key reports every row as unchanged.
"""

from __future__ import annotations

import sys
import uuid

import httpx

API = "http://127.0.0.1:8000"
ISSUER = "http://127.0.0.1:9400"

ROSTER = {
    "source": "voorbeeld-lvs",
    "mode": "full",
    "groups": [{"external_id": "g-5a", "name": "5A", "school_year": "2026-2027",
                "kind": "homeroom", "grade": 5, "modified_at": "2026-11-01T08:00:00Z"}],
    "students": [
        {"external_id": "l-1001", "given_name": "Noor", "infix": "van", "family_name": "Dam",
         "date_of_birth": "2016-04-12", "modified_at": "2026-11-01T08:00:00Z"},
        {"external_id": "l-1002", "given_name": "Luuk", "family_name": "Peters",
         "date_of_birth": "2016-09-30", "modified_at": "2026-11-01T08:00:00Z"},
    ],
    "guardians": [
        {"external_id": "o-2001", "given_name": "Ilse", "infix": "van", "family_name": "Dam",
         "email": "ilse.vandam@example.nl", "modified_at": "2026-11-01T08:00:00Z",
         "students": [{"student_external_id": "l-1001", "relation": "mother",
                       "parental_authority": True}]},
    ],
    "enrolments": [{"student_external_id": "l-1001", "group_external_id": "g-5a"},
                   {"student_external_id": "l-1002", "group_external_id": "g-5a"}],
}


def main() -> int:
    discovery = httpx.get(f"{ISSUER}/.well-known/openid-configuration").json()
    token = httpx.post(
        discovery["token_endpoint"],
        auth=("demo-lvs", "demo-lvs-secret"),
        data={"grant_type": "client_credentials", "scope": "roster:read roster:write",
              "resource": "https://api.zorgroute.test"},
    ).json()["access_token"]
    api = httpx.Client(base_url=API, headers={"Authorization": f"Bearer {token}"})
    school = next(s for s in api.get("/api/v1/me").json()["schools"] if s["sector"] == "PO")
    url = f"/api/v1/schools/{school['id']}/roster:sync"
    key = str(uuid.uuid4())
    for attempt in ("first", "repeat with the same key"):
        resp = api.post(url, json=ROSTER, headers={"Idempotency-Key": key})
        body = resp.json()
        print(f"{attempt}: {resp.status_code}, replayed={resp.headers.get('Idempotent-Replayed')}",
              {kind: c for kind, c in body["counts"].items()})
    resp = api.post(url, json=ROSTER, headers={"Idempotency-Key": str(uuid.uuid4())})
    print("new key:", resp.status_code, {k: c for k, c in resp.json()["counts"].items()})
    resp = api.post(url, json={**ROSTER, "mode": "delta"}, headers={"Idempotency-Key": key})
    print("same key, other body:", resp.status_code, resp.json()["code"])
    return 0


if __name__ == "__main__":
    sys.exit(main())

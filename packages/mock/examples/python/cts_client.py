#!/usr/bin/env python3
"""A CTS v3 client using only the Python standard library.

It signs every request with AK/SK (SDK-HMAC-SHA256, reference section 5.2) the way the
official Python SDK does (signed headers: every header sent plus host, sorted) and pages
through ListTraces with the `next` marker.

Usage:
  cts_client.py --self-test
  cts_client.py BASE_URL PROJECT_ID AK SK [LIMIT]
    pages through the last 7 days and prints one JSON line:
    {"traces": n, "pages": p, "first": trace_id, "users": [...]}
"""
import datetime
import hashlib
import hmac
import json
import sys
import urllib.error
import urllib.parse
import urllib.request

ALGORITHM = "SDK-HMAC-SHA256"


def encode(text):
    """Percent-encodes everything but A-Z a-z 0-9 - _ . ~ (upper-case hex)."""
    return urllib.parse.quote(text, safe="-_.~")


def canonical_uri(path):
    segments = [encode(urllib.parse.unquote(s)) for s in path.split("/")]
    uri = "/".join(segments)
    return uri if uri.endswith("/") else uri + "/"


def canonical_query(query):
    pairs = urllib.parse.parse_qsl(query, keep_blank_values=True)
    return "&".join(f"{encode(k)}={encode(v)}" for k, v in sorted(pairs))


def sign(method, path, query, headers, body, ak, sk):
    """Returns the Authorization header for a request whose headers include Host and X-Sdk-Date."""
    lower = {k.lower(): v.strip() for k, v in headers.items()}
    signed = sorted(name for name in lower if "_" not in name)
    canonical_headers = "".join(f"{name}:{lower[name]}\n" for name in signed)
    canonical = "\n".join([
        method,
        canonical_uri(path),
        canonical_query(query),
        canonical_headers,
        ";".join(signed),
        hashlib.sha256(body.encode("utf-8")).hexdigest(),
    ])
    string_to_sign = "\n".join([
        ALGORITHM,
        lower["x-sdk-date"],
        hashlib.sha256(canonical.encode("utf-8")).hexdigest(),
    ])
    signature = hmac.new(sk.encode("utf-8"), string_to_sign.encode("utf-8"), hashlib.sha256).hexdigest()
    return f"{ALGORITHM} Access={ak}, SignedHeaders={';'.join(signed)}, Signature={signature}", canonical


def self_test():
    """The published test vector of Huawei's signing guide."""
    headers = {
        "Content-Type": "application/json",
        "Host": "service.region.example.com",
        "X-Sdk-Date": "20191115T033655Z",
    }
    authorization, canonical = sign(
        "GET",
        "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs",
        "limit=2&marker=13551d6b-755d-4757-b956-536f674975c0",
        headers,
        "",
        "QTWAOYTTINDUT2QVKYUC",
        "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc",
    )
    assert hashlib.sha256(canonical.encode()).hexdigest() == "b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a"
    assert authorization.endswith("Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe")
    print(json.dumps({"self_test": "ok"}))


def get(base_url, path, params, ak, sk):
    query = urllib.parse.urlencode(params)
    host = urllib.parse.urlsplit(base_url).netloc
    headers = {
        "Content-Type": "application/json",
        "Host": host,
        "X-Sdk-Date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ"),
    }
    headers["Authorization"], _ = sign("GET", path, query, headers, "", ak, sk)
    request = urllib.request.Request(f"{base_url}{path}?{query}", headers=headers, method="GET")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.load(response)
    except urllib.error.HTTPError as error:
        body = json.load(error)
        raise SystemExit(f"{error.code} {body.get('error_code')}: {body.get('error_msg')}")


def list_all(base_url, project_id, ak, sk, limit):
    count, pages, first, users, marker = 0, 0, None, set(), None
    while True:
        # The default window is the last hour: ask for the whole 7-day retention instead.
        now_ms = int(datetime.datetime.now(datetime.timezone.utc).timestamp() * 1000)
        params = {"trace_type": "system", "limit": str(limit), "from": str(now_ms - 7 * 86_400_000 + 60_000), "to": str(now_ms)}
        if marker:
            params["next"] = marker
        page = get(base_url, f"/v3/{project_id}/traces", params, ak, sk)
        pages += 1
        for trace in page["traces"]:
            count += 1
            first = first or trace["trace_id"]
            if trace.get("user"):
                users.add(trace["user"]["name"])
        marker = page["meta_data"]["marker"]
        if not marker or not page["traces"]:
            break
    print(json.dumps({"traces": count, "pages": pages, "first": first, "users": sorted(users)}))


if __name__ == "__main__":
    if sys.argv[1:] == ["--self-test"]:
        self_test()
    elif len(sys.argv) in (5, 6):
        list_all(*sys.argv[1:5], int(sys.argv[5]) if len(sys.argv) == 6 else 100)
    else:
        raise SystemExit(__doc__)

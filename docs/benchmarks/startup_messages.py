#!/usr/bin/env python3
"""Sends N Teams 1:1 messages to a running Vägvisaren in local no-auth mode and counts the replies.

Used by docs/benchmarks/startup.sh to bring the bot into a realistic state before its resident memory is read.
A small Bot Connector stand-in (loopback, any free port) takes the replies; the messages name it as their
serviceUrl. Everything is bounded: N messages, a few in flight, and an overall time limit, after which the
script stops by itself. Prints one JSON line: sent, accepted (HTTP 2xx), replies received, seconds.

    startup_messages.py BOT_PORT [COUNT] [CONCURRENCY] [TIME_LIMIT_SECONDS]
"""
import json
import os
import sys
import threading
import time
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TEXTS = ["hej", "hjälp", "vad är en lägesbild?", "tack"]
USERS = 250  # four messages each: below the per-user burst limit, so none is throttled
# Another prefix gives fresh users (bursts.sh sends several bursts to one process).
USER_PREFIX = os.environ.get("USER_PREFIX", "startup")
TENANT = "4c8a2b9e-5d1f-4e7a-9c3b-2f6d8e1a0b7c"
BOT = {"id": "28:7f3b9c1d-2e4a-4b6c-8d0e-1f2a3b4c5d6e", "name": "Vägvisaren"}

replies = 0
replies_lock = threading.Lock()


class Connector(BaseHTTPRequestHandler):
    """Answers every Bot Connector call with 200 and a fresh activity id; counts posted activities."""

    def do_POST(self):
        global replies
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if "/activities" in self.path:
            with replies_lock:
                replies += 1
        body = json.dumps({"id": uuid.uuid4().hex}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_PUT = do_POST

    def log_message(self, *args):
        pass


def activity(i, service_url):
    user = f"{USER_PREFIX}-u{i % USERS}"
    return {
        "type": "message", "id": f"{int(time.time() * 1000)}{i:05d}", "channelId": "msteams",
        "timestamp": time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime()),
        "serviceUrl": service_url, "locale": "sv-SE", "textFormat": "plain", "text": TEXTS[i % len(TEXTS)],
        "from": {"id": "29:" + user, "name": "Person", "aadObjectId": str(uuid.uuid5(uuid.NAMESPACE_DNS, user))},
        "conversation": {"conversationType": "personal", "tenantId": TENANT, "id": "a:1" + user},
        "recipient": BOT, "attachments": [], "channelData": {"tenant": {"id": TENANT}},
    }


def main():
    port = int(sys.argv[1])
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    concurrency = int(sys.argv[3]) if len(sys.argv) > 3 else 4
    limit = float(sys.argv[4]) if len(sys.argv) > 4 else 600
    server = ThreadingHTTPServer(("127.0.0.1", 0), Connector)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    service_url = f"http://127.0.0.1:{server.server_address[1]}/"
    start = time.monotonic()
    deadline = start + limit

    def send(i):
        if time.monotonic() > deadline:
            return 0
        request = urllib.request.Request(f"http://127.0.0.1:{port}/api/messages",
                                         data=json.dumps(activity(i, service_url)).encode(),
                                         headers={"Content-Type": "application/json"}, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return 1 if 200 <= response.status < 300 else 0
        except OSError:
            return 0

    with ThreadPoolExecutor(concurrency) as pool:
        accepted = sum(pool.map(send, range(count)))
    while replies < accepted and time.monotonic() < deadline:
        time.sleep(0.1)
    server.shutdown()
    print(json.dumps({"sent": count, "accepted": accepted, "replies": replies,
                      "seconds": round(time.monotonic() - start, 1)}))


if __name__ == "__main__":
    main()

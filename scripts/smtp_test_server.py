#!/usr/bin/env python3
"""A real SMTP server (aiosmtpd) for the PortalMail tests.

The tests start it with Foundation.Process. It listens on 127.0.0.1 on a port
the kernel picks (so parallel tests never race for one), writes that port to
<dir>/ready, and stores every accepted message as <dir>/<n>.eml plus
<dir>/<n>.json with what Python's own e-mail parser decoded from it, so the
tests check our MIME output against an independent reader.

    smtp_test_server.py serve --dir DIR [--starttls CERT KEY] [--implicit-tls CERT KEY]
                              [--auth USER PASS] [--fail-first N] [--reject] [--hold-first-rcpt]
    smtp_test_server.py parse FILE      # prints the same JSON for one .eml file
"""
import argparse
import asyncio
import email
import email.policy
import json
import os
import signal
import ssl
import sys
import warnings

# aiosmtpd warns about AUTH without required TLS, which is our implicit-TLS case.
warnings.filterwarnings("ignore")

try:
    from aiosmtpd.smtp import SMTP, AuthResult
except ImportError:
    sys.stderr.write("aiosmtpd is missing: run scripts/deps/mail-tools.sh\n")
    sys.exit(3)


def decoded(raw: bytes) -> dict:
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    return {
        "subject": str(msg["subject"]),
        "from": str(msg["from"]),
        "to": str(msg["to"]),
        "message_id": str(msg["message-id"]),
        "date": str(msg["date"]),
        "mime_version": str(msg["mime-version"]),
        "content_type": msg.get_content_type(),
        "charset": msg.get_content_charset(),
        "transfer_encoding": str(msg["content-transfer-encoding"]),
        "body": msg.get_content(),
        "defects": [type(d).__name__ for d in msg.defects],
    }


class Handler:
    def __init__(self, directory, fail_first, reject, hold_first_rcpt=False):
        self.hold_first_rcpt = hold_first_rcpt
        self.directory = directory
        self.fail_first = fail_first
        self.reject = reject
        self.attempts = 0
        self.delivered = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        # --hold-first-rcpt: the first conversation stops at RCPT TO (the
        # client waits for the reply), marked by a "holding" file, so a test
        # can kill the sender in the middle of sending.
        if self.hold_first_rcpt:
            self.hold_first_rcpt = False
            with open(os.path.join(self.directory, "holding"), "w") as f:
                f.write(address)
            await asyncio.sleep(60)
            return "451 4.3.0 Held by the test server"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.attempts += 1
        if self.reject:
            return "550 5.7.1 Message refused by test server"
        if self.attempts <= self.fail_first:
            return "451 4.3.0 Temporary failure, try again later"
        self.delivered += 1
        base = os.path.join(self.directory, str(self.delivered))
        raw = envelope.original_content
        info = decoded(raw)
        info["envelope_from"] = envelope.mail_from
        info["envelope_to"] = envelope.rcpt_tos
        info["authenticated"] = session.authenticated
        info["tls"] = (session.ssl is not None
                       or server.transport.get_extra_info("ssl_object") is not None)
        with open(base + ".eml.tmp", "wb") as f:
            f.write(raw)
        with open(base + ".json.tmp", "w") as f:
            json.dump(info, f, ensure_ascii=False)
        # The .json appears last and atomically: the test waits for it.
        os.replace(base + ".eml.tmp", base + ".eml")
        os.replace(base + ".json.tmp", base + ".json")
        return "250 2.0.0 OK queued"


def authenticator(user, password):
    def check(server, session, envelope, mechanism, auth_data):
        ok = (auth_data.login.decode() == user and auth_data.password.decode() == password)
        # handled=False makes aiosmtpd answer 535 itself on failure.
        return AuthResult(success=ok, handled=False)
    return check


def server_context(cert, key):
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(cert, key)
    return ctx


async def serve(args):
    # A parent may start us with SIGTERM blocked (Foundation.Process inherits
    # the test runner's mask); unblock it so the test's terminate() stops us.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    loop = asyncio.get_running_loop()
    handler = Handler(args.dir, args.fail_first, args.reject, args.hold_first_rcpt)
    params = {"hostname": "smtp.test", "timeout": 30}
    if args.starttls:
        params["tls_context"] = server_context(*args.starttls)
        params["require_starttls"] = True
    if args.auth:
        params["authenticator"] = authenticator(*args.auth)
        params["auth_required"] = True
    implicit = server_context(*args.implicit_tls) if args.implicit_tls else None
    if implicit:
        # Over implicit TLS the connection is already encrypted, so AUTH may go first.
        params["auth_require_tls"] = False
    server = await loop.create_server(lambda: SMTP(handler, loop=loop, **params),
                                      host="127.0.0.1", port=0, ssl=implicit)
    port = server.sockets[0].getsockname()[1]
    with open(os.path.join(args.dir, "ready.tmp"), "w") as f:
        f.write(str(port))
    os.replace(os.path.join(args.dir, "ready.tmp"), os.path.join(args.dir, "ready"))

    stop = loop.create_future()
    loop.add_signal_handler(signal.SIGTERM, lambda: stop.done() or stop.set_result(None))
    parent = os.getppid()
    # Never outlive the test process or run forever, even if it crashed.
    for _ in range(args.max_seconds * 10):
        if stop.done() or os.getppid() != parent:
            break
        await asyncio.sleep(0.1)
    server.close()


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("serve")
    s.add_argument("--dir", required=True)
    s.add_argument("--starttls", nargs=2, metavar=("CERT", "KEY"))
    s.add_argument("--implicit-tls", nargs=2, metavar=("CERT", "KEY"))
    s.add_argument("--auth", nargs=2, metavar=("USER", "PASS"))
    s.add_argument("--fail-first", type=int, default=0)
    s.add_argument("--reject", action="store_true")
    s.add_argument("--hold-first-rcpt", action="store_true")
    s.add_argument("--max-seconds", type=int, default=120)
    p = sub.add_parser("parse")
    p.add_argument("file")
    args = parser.parse_args()
    if args.command == "parse":
        with open(args.file, "rb") as f:
            print(json.dumps(decoded(f.read()), ensure_ascii=False))
    else:
        asyncio.run(serve(args))


if __name__ == "__main__":
    main()

"""Broken Redis servers for fault tests: refused, hung, and a proxy that can be cut.

``hung_server()`` accepts connections and never answers; ``RedisProxy`` forwards to the real
Redis until told to ``refuse`` (drop every connection) or ``hang`` (keep connections open and
swallow what is sent), and back to ``forward``. All bind 127.0.0.1:0 and run in daemon threads.
"""

import contextlib
import select
import socket
import threading

REDIS_ADDRESS = ("127.0.0.1", 6379)


def refused_port():
    """A local port nothing listens on (connections are refused)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def redis_available():
    try:
        with socket.create_connection(REDIS_ADDRESS, timeout=0.5) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


class _Server:
    def __init__(self):
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(64)
        self.port = self.listener.getsockname()[1]
        self.running = True
        self.held = []
        self.thread = threading.Thread(target=self._accept_loop, daemon=True)
        self.thread.start()

    def _accept_loop(self):
        while self.running:
            ready, _, _ = select.select([self.listener], [], [], 0.05)
            if not ready:
                continue
            try:
                conn, _addr = self.listener.accept()
            except OSError:
                return
            self.accepted(conn)

    def accepted(self, conn):
        self.held.append(conn)  # hold it open, never answer

    def close(self):
        self.running = False
        self.thread.join(timeout=2)
        for conn in self.held:
            with contextlib.suppress(OSError):
                conn.close()
        self.listener.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def hung_server():
    """A server that accepts connections and never answers (use as a context manager)."""
    return _Server()


class RedisProxy(_Server):
    """Forwards to the real Redis; ``mode`` is "forward", "refuse" or "hang"."""

    def __init__(self, target=REDIS_ADDRESS):
        self.target = target
        self.mode = "forward"
        self.pairs = []
        super().__init__()

    def accepted(self, conn):
        if self.mode == "refuse":
            conn.close()
            return
        if self.mode == "hang":
            self.held.append(conn)
            return
        upstream = socket.create_connection(self.target, timeout=2)
        self.pairs.append((conn, upstream))
        threading.Thread(target=self._pump, args=(conn, upstream), daemon=True).start()

    def _pump(self, client, upstream):
        sockets = [client, upstream]
        try:
            while self.running:
                ready, _, _ = select.select(sockets, [], [], 0.05)
                if self.mode == "refuse":
                    break
                for sock in ready:
                    data = sock.recv(65536)
                    if not data:
                        return
                    if self.mode == "hang":
                        continue  # swallowed: the other side waits for ever
                    (upstream if sock is client else client).sendall(data)
        except OSError:
            return
        finally:
            for sock in sockets:
                with contextlib.suppress(OSError):
                    sock.close()

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/7"

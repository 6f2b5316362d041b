"""Network faults for the store: a socket that never answers, and a relay that can be cut like a partition."""

from __future__ import annotations

import socket
import threading


class Blackhole:
    """A loopback port that accepts connections (the kernel completes them) and never says a word."""

    def __init__(self):
        self.listener = socket.create_server(("127.0.0.1", 0), backlog=128)
        self.port = self.listener.getsockname()[1]

    def close(self) -> None:
        """Stop listening."""
        self.listener.close()


class Partition:
    """A TCP relay to a real server; after `cut()` it still takes every byte but answers nothing."""

    def __init__(self, host: str, port: int):
        self.upstream = (host, port)
        self.listener = socket.create_server(("127.0.0.1", 0), backlog=128)
        self.port = self.listener.getsockname()[1]
        self.cut_off = threading.Event()
        self.sockets: list[socket.socket] = [self.listener]
        threading.Thread(target=self._accept, daemon=True).start()

    def cut(self) -> None:
        """From now on nothing gets through, in either direction, and no error says so."""
        self.cut_off.set()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            self.sockets.append(client)
            if self.cut_off.is_set():
                continue  # held open, never relayed
            upstream = socket.create_connection(self.upstream)
            self.sockets.append(upstream)
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._relay, args=(source, sink), daemon=True).start()

    def _relay(self, source: socket.socket, sink: socket.socket) -> None:
        while True:
            try:
                data = source.recv(65536)
                if not data:
                    return
                if not self.cut_off.is_set():
                    sink.sendall(data)
            except OSError:
                return

    def close(self) -> None:
        """Close the relay and every connection through it."""
        for sock in self.sockets:
            sock.close()

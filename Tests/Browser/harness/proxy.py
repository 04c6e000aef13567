"""A loopback TCP relay that a test can cut: how a store goes offline while its server keeps running."""

from __future__ import annotations

import socket
import threading


class CuttableRelay:
    """Relays 127.0.0.1:port to the server's port; `cut()` takes the store offline, `restore()` brings it back.

    A store made with `--server 127.0.0.1:<relay port>` reaches the server only through this relay. While cut,
    open connections are closed and new ones are closed as soon as they are accepted (the client sees the server
    go away and backs off, as it would on a train); the server and the other stores carry on. Restoring keeps the
    same port, so the store's remembered address stays right. Bytes are relayed unchanged in both directions.
    """

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._lock = threading.Lock()
        self._online = True
        self._closed = False
        self._connections: list[socket.socket] = []
        self.accepted = 0
        self._acceptor = threading.Thread(target=self._accept_loop, name=f"relay:{self.port}", daemon=True)
        self._acceptor.start()

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    @property
    def online(self) -> bool:
        with self._lock:
            return self._online

    def cut(self) -> None:
        """Goes offline: every open connection is closed, new ones are dropped at once."""
        with self._lock:
            self._online = False
            connections, self._connections = self._connections, []
        for connection in connections:
            _close(connection)

    def restore(self) -> None:
        """Comes back online on the same port."""
        with self._lock:
            self._online = True

    def close(self) -> None:
        with self._lock:
            self._closed = True
        self.cut()
        _close(self._listener)
        self._acceptor.join(timeout=5)

    def _accept_loop(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return  # closed
            with self._lock:
                if self._closed:
                    _close(client)
                    return
                online = self._online
            if not online:
                _close(client)
                continue
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target_port), timeout=10)
                upstream.settimeout(None)
            except OSError:
                _close(client)
                continue
            with self._lock:
                self.accepted += 1
                self._connections += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=_pump, args=(source, sink), daemon=True).start()


def _pump(source: socket.socket, sink: socket.socket) -> None:
    """Copies bytes until either side closes; then closes both, so the peer sees the cut."""
    try:
        while True:
            chunk = source.recv(65536)
            if not chunk:
                break
            sink.sendall(chunk)
    except OSError:
        pass
    finally:
        _close(source)
        _close(sink)


def _close(connection: socket.socket) -> None:
    try:
        connection.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    try:
        connection.close()
    except OSError:
        pass

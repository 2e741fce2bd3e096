"""A network printer stand-in for the printer tests: a TCP port on loopback that reads whatever
is sent, keeps it, and answers only what `answer` gives back for each piece (nothing, by default:
a wedged printer, or one that does not speak DLE EOT)."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class TcpPrinter:
    port: int
    received: list[bytes] = field(default_factory=list)


@contextmanager
def tcp_printer(port: int = 0, answer: Callable[[bytes], bytes] | None = None) -> Iterator[TcpPrinter]:
    """Serve on 127.0.0.1:`port` (0: any free port) until the block ends."""
    server = socket.create_server(("127.0.0.1", port))
    server.settimeout(0.2)
    printer = TcpPrinter(server.getsockname()[1])
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                connection, _ = server.accept()
            except TimeoutError:
                continue
            with connection:
                connection.settimeout(0.2)
                while not stop.is_set():
                    try:
                        data = connection.recv(65536)
                    except TimeoutError:
                        continue
                    if not data:
                        break
                    printer.received.append(data)
                    reply = answer(data) if answer is not None else b""
                    if reply:
                        connection.sendall(reply)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield printer
    finally:
        stop.set()
        thread.join(5)
        server.close()

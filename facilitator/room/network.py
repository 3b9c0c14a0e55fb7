"""The laptop's addresses, and the one phones on the local network can reach.

Standard library only. The room binds to one explicit address, never to 0.0.0.0 by
itself: :func:`pick_address` chooses the address that has a route to a private network
(the venue Wi-Fi, a travel router, the laptop's own hotspot).
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import struct
import sys
from dataclasses import dataclass

# Addresses in the private ranges; connecting a UDP socket sends nothing, it only asks
# the operating system which local address would be used to get there.
_PROBES = ("192.168.255.254", "10.255.255.254", "172.31.255.254")


@dataclass(frozen=True)
class Address:
    ip: str
    interface: str  # "" when unknown
    private: bool  # in a private (LAN) range, not loopback or link-local
    routes_to_lan: bool  # the system would use it to reach a private network

    @property
    def label(self) -> str:
        name = f" ({self.interface})" if self.interface else ""
        return self.ip + name


def _is_lan(ip: str) -> bool:
    try:
        addr = ipaddress.ip_address(ip)
    except ValueError:
        return False
    return addr.version == 4 and addr.is_private and not addr.is_loopback and not addr.is_link_local


def _route_source(target: str) -> str | None:
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.connect((target, 9))
        ip = str(s.getsockname()[0])
        return ip if ip != "0.0.0.0" else None
    return None


def _linux_interfaces() -> dict[str, str]:
    """{ip: interface} from SIOCGIFADDR, on Linux; {} elsewhere."""
    if not sys.platform.startswith("linux"):
        return {}
    import fcntl

    found: dict[str, str] = {}
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        for _, name in socket.if_nameindex():
            with contextlib.suppress(OSError):
                packed = struct.pack("256s", name.encode()[:15])
                data = fcntl.ioctl(s.fileno(), 0x8915, packed)  # SIOCGIFADDR
                found[socket.inet_ntoa(data[20:24])] = name
    return found


def list_addresses() -> list[Address]:
    """IPv4 addresses of this computer, the most useful for a room first."""
    by_ip = dict(_linux_interfaces())
    with contextlib.suppress(OSError):
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            by_ip.setdefault(str(info[4][0]), "")
    routed = {ip for ip in (_route_source(t) for t in _PROBES) if ip}
    for ip in routed:
        by_ip.setdefault(ip, "")
    by_ip.setdefault("127.0.0.1", "lo" if sys.platform.startswith("linux") else "")
    out = [
        Address(ip, name, _is_lan(ip), ip in routed and _is_lan(ip)) for ip, name in by_ip.items()
    ]
    out.sort(key=lambda a: (not a.routes_to_lan, not a.private, a.ip.startswith("127."), a.ip))
    return out


def pick_address(addresses: list[Address] | None = None) -> Address | None:
    """The address with a route to a private network, else any private address; None
    when the laptop is on no local network (then only 127.0.0.1 is possible)."""
    addresses = list_addresses() if addresses is None else addresses
    for a in addresses:
        if a.routes_to_lan:
            return a
    for a in addresses:
        if a.private:
            return a
    return None


def check_host(host: str) -> str:
    """An explicit IPv4 or IPv6 address to bind to; 0.0.0.0 / :: (every interface) are
    refused unless asked for with ``allow_all`` by the caller."""
    try:
        addr = ipaddress.ip_address(host)
    except ValueError as exc:
        raise ValueError(f"{host!r} is not an IP address of this computer") from exc
    return str(addr)

"""Which IP addresses an outbound fetch may connect to.

Only global unicast addresses, judged after unwrapping every way an IPv4 address can hide
inside an IPv6 one (mapped ``::ffff:a.b.c.d``, compatible ``::a.b.c.d``, NAT64
``64:ff9b::/96``, 6to4 ``2002::/16``, Teredo ``2001::/32``): ``::ffff:127.0.0.1`` is
loopback, whatever its first bits say.
"""
import ipaddress

from django.utils.translation import gettext as _

# Cloud metadata services answer on these; never reachable, whatever the settings say.
METADATA = {ipaddress.ip_address("169.254.169.254"), ipaddress.ip_address("fd00:ec2::254"),
            ipaddress.ip_address("100.100.100.200")}
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_COMPATIBLE = ipaddress.ip_network("::/96")


def embedded_ipv4(ip: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """The IPv4 addresses an IPv6 address carries (empty when it carries none)."""
    found = []
    if ip.ipv4_mapped:
        found.append(ip.ipv4_mapped)
    if ip.sixtofour:
        found.append(ip.sixtofour)
    if ip.teredo:
        found.extend(ip.teredo)
    if ip in _NAT64 or (ip in _COMPATIBLE and int(ip) > 1):
        found.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    return found


def address_refusal(address: str, *, allow_private: bool = False) -> str | None:
    """Why ``address`` may not be connected to (a Chinese noun phrase), or None.

    ``allow_private`` opens private and loopback addresses (an office fetching its own
    intranet, or tests); link-local, metadata, multicast, unspecified and reserved
    addresses stay closed."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return _("无效地址")
    if isinstance(ip, ipaddress.IPv6Address):
        inner = embedded_ipv4(ip)
        if ip.ipv4_mapped or ip in _NAT64 or (ip in _COMPATIBLE and int(ip) > 1):
            # The address *is* its IPv4 address: judge that one alone.
            return address_refusal(str(inner[0]), allow_private=allow_private)
        for v4 in inner:
            reason = address_refusal(str(v4), allow_private=allow_private)
            if reason:
                return reason
    return _kind_refusal(ip, allow_private)


def _kind_refusal(ip, allow_private: bool) -> str | None:  # noqa: C901 - one table
    if ip in METADATA:
        return _("云服务元数据地址")
    if ip.is_unspecified:
        return _("未指定地址")
    if ip.is_multicast:
        return _("组播地址")
    if ip.is_link_local:
        return _("链路本地地址")
    if ip.is_loopback:
        return None if allow_private else _("本机地址")
    if ip.is_reserved:
        return _("保留地址")
    if ip.is_private or isinstance(ip, ipaddress.IPv4Address) and ip in _SHARED:
        return None if allow_private else _("内部网络地址")
    if not ip.is_global:
        return _("非公网地址")
    return None


_SHARED = ipaddress.ip_network("100.64.0.0/10")

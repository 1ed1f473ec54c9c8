"""A gzip body built from parts compressed ahead of time and a few values compressed now.

A cached form page is the same for every visitor except its CSRF token and one-time
key. Compressing the whole page again for each visitor would cost more than everything
else the cache does, so the page's fixed parts are compressed once, each as a raw
deflate stream ending on a byte boundary (a sync flush; the last part finishes the
stream), and a visitor's values go between them as *stored* deflate blocks (not
compressed: random tokens do not compress anyway, and starting a compressor costs more
than the whole rest of the request). Blocks joined this way are one valid stream; gzip
adds its header, and a CRC-32 and length of the whole text, cheap to compute per request.

Stored, a value's size on the wire is its own length whatever the page around it says,
so nothing about the token can be read off compressed sizes (the attack known as BREACH
needs exactly that).
"""
import struct
import zlib

# Magic, deflate, no flags, no time stamp, no extra flags, OS unknown (RFC 1952).
HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
LEVEL = 6


def deflate(data: bytes, *, last: bool) -> bytes:
    """``data`` as raw deflate blocks: a whole stream when ``last``, else byte-aligned
    blocks that another stream may follow."""
    compressor = zlib.compressobj(LEVEL, zlib.DEFLATED, -zlib.MAX_WBITS)
    return compressor.compress(data) + compressor.flush(
        zlib.Z_FINISH if last else zlib.Z_SYNC_FLUSH)


def stored(data: bytes) -> bytes:
    """``data`` as one stored (uncompressed) deflate block, not the last one."""
    if len(data) > 0xFFFF:
        raise ValueError("a stored deflate block holds at most 65535 bytes")
    # Byte-aligned here, so the block header (BFINAL=0, BTYPE=00) and its padding are
    # one zero byte; then LEN and its one's complement, little-endian.
    return struct.pack("<BHH", 0, len(data), len(data) ^ 0xFFFF) + data


def pack(parts: list[bytes]) -> tuple[bytes, ...]:
    """The fixed parts of a page, compressed once (see ``join``)."""
    return tuple(deflate(part, last=index == len(parts) - 1)
                 for index, part in enumerate(parts))


def join(parts: tuple[bytes, ...], packed: tuple[bytes, ...], values: list[bytes]) -> bytes:
    """The gzip body of ``parts[0] + values[0] + parts[1] + … + parts[-1]``, from the
    parts ``pack`` compressed and the values as they are."""
    chunks = [HEADER]
    crc = size = 0
    for index, value in enumerate(values):
        chunks += (packed[index], stored(value))
        crc = zlib.crc32(value, zlib.crc32(parts[index], crc))
        size += len(parts[index]) + len(value)
    chunks.append(packed[-1])
    crc = zlib.crc32(parts[-1], crc)
    size += len(parts[-1])
    chunks.append(_trailer(crc, size))
    return b"".join(chunks)


def whole(data: bytes) -> bytes:
    """``data`` gzip-compressed in one piece."""
    return HEADER + deflate(data, last=True) + _trailer(zlib.crc32(data), len(data))


def _trailer(crc: int, size: int) -> bytes:
    return struct.pack("<II", crc & 0xFFFFFFFF, size & 0xFFFFFFFF)

#ifndef CZLIB_H
#define CZLIB_H

// A thin shim over the system zlib (libz-dev). Swift cannot call the
// `deflateInit2` / `inflateInit` macros directly, so each gets a static inline
// wrapper that passes ZLIB_VERSION and the stream size the way the macro would.

#include <zlib.h>

static inline int czlib_deflate_init(z_streamp stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
}

static inline int czlib_inflate_init(z_streamp stream) {
    return inflateInit2(stream, MAX_WBITS);
}

#endif

// zlib: deflate in the zlib format, Adler-32 and CRC-32, for the PNG encoder (Debian zlib1g-dev).
#include <zlib.h>

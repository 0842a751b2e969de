/*
 * picture: the size in pixels of a picture, read from its header.
 *
 * The site gives every <img> its width and height, so that a browser
 * keeps the picture's room before it arrives and the page does not jump.
 * The size is what the file itself says: PNG (IHDR), GIF (logical
 * screen), JPEG (the first SOFn frame header), WebP (VP8, VP8L, VP8X)
 * and SVG (width and height in pixels or without a unit, else the
 * viewBox).  Nothing is decoded; the reader never looks past LEN.
 */
#ifndef TRADUKI_PICTURE_H
#define TRADUKI_PICTURE_H

#include <stddef.h>

/* The longest side a picture may have, in pixels (2^20). */
#define PICTURE_MAX_SIDE 1048576L

/*
 * Sets *WIDTH and *HEIGHT from the LEN bytes at DATA, the whole file or
 * its beginning.  Returns 0, or -1 when DATA is none of the formats
 * above, is cut short before its size, or gives a side of 0 or longer
 * than PICTURE_MAX_SIDE (the outputs are then left as they were).
 */
int picture_size(const unsigned char *data, size_t len, long *width, long *height);

#endif

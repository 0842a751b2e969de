/*
 * picture: the size of a picture from its header.  See picture.h.
 */
#include <config.h>

#include "picture.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

static unsigned be16(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static unsigned long be32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 | (unsigned long)p[2] << 8 |
	       p[3];
}

static unsigned le16(const unsigned char *p)
{
	return (unsigned)p[1] << 8 | p[0];
}

static unsigned long le24(const unsigned char *p)
{
	return (unsigned long)p[2] << 16 | (unsigned long)p[1] << 8 | p[0];
}

/* PNG: the signature, then IHDR, whose first fields are width and height. */
static int png_size(const unsigned char *d, size_t len, long *w, long *h)
{
	if (len < 24 || memcmp(d, "\x89PNG\r\n\x1a\n", 8) != 0 || memcmp(d + 12, "IHDR", 4) != 0)
		return -1;
	*w = (long)be32(d + 16);
	*h = (long)be32(d + 20);
	return 0;
}

/* GIF: the logical screen's size follows the signature. */
static int gif_size(const unsigned char *d, size_t len, long *w, long *h)
{
	if (len < 10 || (memcmp(d, "GIF87a", 6) != 0 && memcmp(d, "GIF89a", 6) != 0))
		return -1;
	*w = (long)le16(d + 6);
	*h = (long)le16(d + 8);
	return 0;
}

/*
 * JPEG: segments after SOI, each FF, a marker and (but for RSTn, SOI and
 * TEM) a big-endian length that counts itself; the first start of frame
 * (SOF0..SOF15 but DHT C4, JPG C8, DAC CC) holds precision, height,
 * width.  The compressed data after SOS has no size before it: a file
 * without a frame header before its first scan has no size here.
 */
static int jpeg_size(const unsigned char *d, size_t len, long *w, long *h)
{
	size_t at = 2;

	if (len < 4 || d[0] != 0xff || d[1] != 0xd8)
		return -1;
	while (at + 4 <= len) {
		unsigned marker;
		size_t seg;

		if (d[at] != 0xff)
			return -1;
		while (at < len && d[at] == 0xff) /* fill bytes */
			at++;
		if (at >= len)
			return -1;
		marker = d[at++];
		if (marker == 0x01 || marker == 0xd8 || (marker >= 0xd0 && marker <= 0xd7))
			continue;
		if (marker == 0xd9 || marker == 0xda || at + 2 > len)
			return -1;
		seg = be16(d + at);
		if (seg < 2)
			return -1;
		if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 &&
		    marker != 0xcc) {
			if (seg < 7 || at + 7 > len)
				return -1;
			*h = (long)be16(d + at + 3);
			*w = (long)be16(d + at + 5);
			return 0;
		}
		at += seg;
	}
	return -1;
}

/* WebP: RIFF, then a lossy (VP8), lossless (VP8L) or extended (VP8X) chunk. */
static int webp_size(const unsigned char *d, size_t len, long *w, long *h)
{
	if (len < 30 || memcmp(d, "RIFF", 4) != 0 || memcmp(d + 8, "WEBP", 4) != 0)
		return -1;
	if (memcmp(d + 12, "VP8 ", 4) == 0) {
		if (memcmp(d + 23, "\x9d\x01\x2a", 3) != 0)
			return -1;
		*w = (long)(le16(d + 26) & 0x3fff);
		*h = (long)(le16(d + 28) & 0x3fff);
		return 0;
	}
	if (memcmp(d + 12, "VP8L", 4) == 0) {
		unsigned long bits = (unsigned long)d[21] | (unsigned long)d[22] << 8 |
		                     (unsigned long)d[23] << 16 | (unsigned long)d[24] << 24;

		if (d[20] != 0x2f)
			return -1;
		*w = (long)(bits & 0x3fff) + 1;
		*h = (long)(bits >> 14 & 0x3fff) + 1;
		return 0;
	}
	if (memcmp(d + 12, "VP8X", 4) == 0) {
		*w = (long)le24(d + 24) + 1;
		*h = (long)le24(d + 27) + 1;
		return 0;
	}
	return -1;
}

/* A length of SVG in CSS pixels: a number alone or with "px"; else -1. */
static double svg_length(const xmlChar *value)
{
	char *end;
	double n;

	if (!value)
		return -1;
	n = strtod((const char *)value, &end);
	while (*end == ' ')
		end++;
	if (end == (const char *)value || !(*end == '\0' || strcmp(end, "px") == 0) ||
	    !isfinite(n) || n <= 0 || n > 1e6)
		return -1;
	return n;
}

/*
 * SVG: the root's width and height; where either is missing or in
 * another unit (100%, 10cm), the viewBox's.  Parsed by libxml2 without
 * network, entities or messages.
 */
static int svg_size(const unsigned char *d, size_t len, long *w, long *h)
{
	xmlDocPtr doc;
	xmlNodePtr root;
	double width = -1, height = -1;

	if (len > 1 << 26)
		return -1;
	doc = xmlReadMemory((const char *)d, (int)len, "picture.svg", NULL,
	                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	root = doc ? xmlDocGetRootElement(doc) : NULL;
	if (root && xmlStrEqual(root->name, BAD_CAST "svg")) {
		xmlChar *wv = xmlGetProp(root, BAD_CAST "width");
		xmlChar *hv = xmlGetProp(root, BAD_CAST "height");
		xmlChar *box = xmlGetProp(root, BAD_CAST "viewBox");
		double b[4];

		width = svg_length(wv);
		height = svg_length(hv);
		if ((width < 0 || height < 0) && box &&
		    sscanf((const char *)box, "%lf%*[ ,]%lf%*[ ,]%lf%*[ ,]%lf", &b[0], &b[1], &b[2],
		           &b[3]) == 4 &&
		    isfinite(b[2]) && isfinite(b[3]) && b[2] > 0 && b[3] > 0 && b[2] <= 1e6 &&
		    b[3] <= 1e6) {
			width = b[2];
			height = b[3];
		}
		xmlFree(wv);
		xmlFree(hv);
		xmlFree(box);
	}
	xmlFreeDoc(doc);
	if (width < 0 || height < 0)
		return -1;
	*w = (long)(width + 0.5);
	*h = (long)(height + 0.5);
	return 0;
}

/* 1 when the first non-blank byte of D is '<': an XML document, maybe SVG. */
static int looks_like_xml(const unsigned char *d, size_t len)
{
	size_t i = 0;

	if (len >= 3 && memcmp(d, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < len && (d[i] == ' ' || d[i] == '\t' || d[i] == '\r' || d[i] == '\n'))
		i++;
	return i < len && d[i] == '<';
}

int picture_size(const unsigned char *data, size_t len, long *width, long *height)
{
	long w = 0, h = 0;
	int rc;

	if (!data)
		return -1;
	if (png_size(data, len, &w, &h) == 0 || gif_size(data, len, &w, &h) == 0 ||
	    webp_size(data, len, &w, &h) == 0)
		rc = 0;
	else if (len >= 2 && data[0] == 0xff && data[1] == 0xd8)
		rc = jpeg_size(data, len, &w, &h);
	else if (looks_like_xml(data, len))
		rc = svg_size(data, len, &w, &h);
	else
		rc = -1;
	/* Larger than any screen by far: a damaged header, not a picture. */
	if (rc != 0 || w <= 0 || h <= 0 || w > PICTURE_MAX_SIDE || h > PICTURE_MAX_SIDE)
		return -1;
	*width = w;
	*height = h;
	return 0;
}

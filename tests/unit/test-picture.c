/*
 * Unit tests for picture: the size of each format from its header, and
 * nothing read past the end of what is given.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "lib/picture.h"
#include "unit.h"

/* 1 when DATA (LEN bytes) gives W x H. */
static int gives(const void *data, size_t len, long w, long h)
{
	long width = -7, height = -7;

	return picture_size(data, len, &width, &height) == 0 && width == w && height == h;
}

/* 1 when DATA gives no size, and leaves the outputs alone. */
static int refuses(const void *data, size_t len)
{
	long width = -7, height = -7;

	return picture_size(data, len, &width, &height) == -1 && width == -7 && height == -7;
}

/* 1 when every proper beginning of DATA (LEN bytes, on the heap) gives no size. */
static int cut_short_refused(const unsigned char *data, size_t len)
{
	size_t n;
	int ok = 1;

	for (n = 0; n < len && ok; n++) {
		unsigned char *copy = malloc(n ? n : 1);

		memcpy(copy, data, n);
		ok = refuses(copy, n);
		free(copy);
	}
	return ok;
}

static const unsigned char png[] = {
	0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13,
	'I',  'H', 'D', 'R', 0,    0,    3,    0x20, 0, 0, 1, 0xc2 /* 800 x 450 */
};

static const unsigned char gif[] = { 'G', 'I', 'F', '8', '9', 'a', 0x40, 0x01, 0xf0, 0x00 };

/*
 * SOI, an APP0 (JFIF) segment, a fill byte, DQT, then SOF2 (progressive),
 * cut after its size.
 */
static const unsigned char jpeg[] = {
	0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 'J',  'F',  'I',  'F',  0,    1,    1,
	0,    0,    1,    0,    1,    0,    0,    0xff, 0xff, 0xdb, 0x00, 0x04, 0x00,
	0x01, 0xff, 0xc2, 0x00, 0x11, 0x08, 0x02, 0xa3, 0x04, 0xb0
	/* 1200 x 675 */
};

/* SOI, DHT (C4, not a frame), then SOF0. */
static const unsigned char jpeg_dht[] = { 0xff, 0xd8, 0xff, 0xc4, 0x00, 0x03, 0x00,
	                                  0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x10,
	                                  0x00, 0x20, 0x01, 0x01, 0x11, 0x00 };

/* A scan before any frame header: no size. */
static const unsigned char jpeg_sos[] = { 0xff, 0xd8, 0xff, 0xda, 0x00, 0x08, 0x01, 0x01,
	                                  0x00, 0x00, 0x3f, 0x00, 0xff, 0xc0, 0x00, 0x0b,
	                                  0x08, 0x00, 0x10, 0x00, 0x20, 0x01 };

static const unsigned char webp_lossy[] = {
	'R', 'I',  'F', 'F', 0x24, 0, 0, 0, 'W',  'E',  'B',  'P',  'V',  'P',  '8',
	' ', 0x18, 0,   0,   0,    0, 0, 0, 0x9d, 0x01, 0x2a, 0x80, 0x02, 0xe0, 0x01 /* 640 x 480 */
};

static const unsigned char webp_lossless[] = {
	'R',  'I', 'F', 'F', 0x1a, 0,    0,    0,    'W',  'E', 'B', 'P', 'V', 'P', '8', 'L',
	0x0d, 0,   0,   0,   0x2f, 0x3f, 0xc0, 0x1f, 0x00, 0,   0,   0,   0,   0 /* 64 x 128 */
};

static const unsigned char webp_extended[] = {
	'R', 'I',  'F', 'F', 0x1e, 0, 0, 0, 'W', 'E',  'B',  'P',  'V',  'P',  '8',
	'X', 0x0a, 0,   0,   0,    0, 0, 0, 0,   0x2b, 0x01, 0x00, 0xc7, 0x00, 0x00 /* 300 x 200 */
};

#define CHECK_SIZE(data, w, h) CHECK(gives(data, sizeof data, w, h))
#define CHECK_SVG(text, w, h) CHECK(gives(text, strlen(text), w, h))

static void raster_formats(void)
{
	CHECK_SIZE(png, 800, 450);
	CHECK(cut_short_refused(png, sizeof png));
	CHECK_SIZE(gif, 320, 240);
	CHECK(cut_short_refused(gif, sizeof gif));
	CHECK_SIZE(jpeg, 1200, 675);
	CHECK(cut_short_refused(jpeg, sizeof jpeg));
	CHECK_SIZE(jpeg_dht, 32, 16);
	CHECK(refuses(jpeg_sos, sizeof jpeg_sos));
	CHECK_SIZE(webp_lossy, 640, 480);
	CHECK(cut_short_refused(webp_lossy, sizeof webp_lossy));
	CHECK_SIZE(webp_lossless, 64, 128);
	CHECK_SIZE(webp_extended, 300, 200);
}

static void svg(void)
{
	CHECK_SVG("<svg xmlns='http://www.w3.org/2000/svg' width='240' height='48'/>", 240, 48);
	CHECK_SVG("\n  <svg width='240px' height='47.6'/>", 240, 48);
	/* Another unit: the viewBox. */
	CHECK_SVG("<?xml version='1.0'?><svg width='100%' height='3cm' viewBox='0 0 320 64'/>", 320,
	          64);
	CHECK_SVG("<svg viewBox='0,0,20,10'/>", 20, 10);
	CHECK(refuses("<svg width='100%'/>", 19));
	CHECK(refuses("<html width='10' height='10'/>", 30));
	CHECK(refuses("<svg width='10' height='0'/>", 27));
	CHECK(refuses("<svg width='1e999' height='10'/>", 31));
	CHECK(refuses("<svg width='10' height='10'", 27));
}

static void damaged(void)
{
	/* A side of 2^31 pixels: a damaged header. */
	unsigned char huge[sizeof png];

	memcpy(huge, png, sizeof png);
	huge[16] = 0x80;
	CHECK(refuses(huge, sizeof huge));
	CHECK(refuses("", 0));
	CHECK(refuses("GIF", 3));
	CHECK(refuses("not a picture at all", 20));
	CHECK(picture_size(NULL, 0, NULL, NULL) == -1);
}

int main(void)
{
	TEST(raster_formats,
	     "PNG, GIF, JPEG and WebP sizes from their headers; a header cut short gives none");
	TEST(svg, "an SVG's size from width and height, else its viewBox; a relative one is none");
	TEST(damaged, "a damaged header, too little or no picture gives no size");
	xmlCleanupParser();
	return unit_done("test-picture");
}

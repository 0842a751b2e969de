/*
 * potext: writing entries as gettext 0.21's write-po.c does.  See
 * potext.h.
 *
 * Line breaking follows libunistring 1.0's u8_width_linebreaks, which
 * gettext calls for every string: break opportunities from the pair
 * table of UAX #14 (with libunistring's rules for spaces, combining
 * marks, zero-width characters, regional indicators and Hebrew), then the
 * last opportunity before the text would pass the width is taken.  The
 * classes and widths of characters are those of Unicode 14 as
 * libunistring 1.0 resolves them for a UTF-8 text (ambiguous and unknown
 * characters are alphabetic, conditional Japanese starters non-starters);
 * tests/unit/test-potext checks every character of the table against
 * libgettextpo's output.
 */
#include <config.h>

#include "potext.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"

/* gettext's page width, and the column limit of "#:" lines. */
#define PAGE_WIDTH 79

/* --- Formats --------------------------------------------------------------------- */

static const char *const *format_names;
static size_t format_count;
static int enabled;

void potext_set_formats(const char *const *names, size_t count)
{
	format_names = count <= 64 ? names : NULL;
	format_count = count <= 64 ? count : 0;
}

int potext_format_index(const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < format_count; i++)
		if (strlen(format_names[i]) == len && memcmp(format_names[i], name, len) == 0)
			return (int)i;
	return -1;
}

/* The libgettextpo whose write-po.c this file follows: 0.21.x. */
#define GETTEXT_MAJOR_MINOR 0x0015

int potext_enable(int version)
{
	enabled = format_names != NULL && (version >> 8) == GETTEXT_MAJOR_MINOR;
	return enabled;
}

int potext_enabled(void)
{
	return enabled;
}

/* --- Character classes ---------------------------------------------------------- */

/* Line breaking classes; the first 33 index the pair table. */
enum {
	LB_WJ,
	LB_GL,
	LB_B2,
	LB_BA,
	LB_BB,
	LB_HY,
	LB_CL,
	LB_CP1,
	LB_CP2,
	LB_EX,
	LB_IN,
	LB_NS,
	LB_OP1,
	LB_OP2,
	LB_QU,
	LB_IS,
	LB_NU,
	LB_PO,
	LB_PR,
	LB_SY,
	LB_AL,
	LB_H2,
	LB_H3,
	LB_ID1,
	LB_ID2,
	LB_JL,
	LB_JV,
	LB_JT,
	LB_HL,
	LB_RI,
	LB_ZWJ,
	LB_EB,
	LB_EM,
	LB_PAIRS, /* the number of classes above */
	LB_BK = LB_PAIRS, /* mandatory break */
	LB_CM, /* combining marks, and control characters */
	LB_ZW, /* zero width space */
	LB_SP, /* space */
	LB_HL_BA, /* state only: a Hebrew letter then a hyphen or break-after */
	LB_NONE /* not in the table: the entry is left to libgettextpo */
};

static const char *const class_names[] = {
	"WJ",  "GL", "B2", "BA", "BB",  "HY", "CL", "CP1", "CP2", "EX", "IN",  "NS",  "OP1",
	"OP2", "QU", "IS", "NU", "PO",  "PR", "SY", "AL",  "H2",  "H3", "ID1", "ID2", "JL",
	"JV",  "JT", "HL", "RI", "ZWJ", "EB", "EM", "BK",  "CM",  "ZW", "SP",
};

/*
 * UAX #14's pair table as libunistring 1.0 has it: row, the class before
 * the position; column, the class after.  D: a break is allowed; I: only
 * after spaces; P: never.
 */
static const char pair_table[LB_PAIRS][LB_PAIRS + 1] = {
	"PIIIIIPPPPIIIIIPIIIPIIIIIIIIIIIII", /* WJ */
	"PIIIIIPPPPIIIIIPIIIPIIIIIIIIIIIII", /* GL */
	"PIPIDIPPPPIIDDIPDDDPDDDDDDDDDDDDD", /* B2 */
	"PDDIDIPPPPIIDDIPDDDPDDDDDDDDDDDDD", /* BA */
	"PIIIIIPPPPIIIIIPIIIPIIIIIIIIIIIII", /* BB */
	"PDDIDIPPPPIIDDIPIDDPDDDDDDDDDDDDD", /* HY */
	"PIDIDIPPPPIPDDIPDIIPDDDDDDDDDDDDD", /* CL */
	"PIDIDIPPPPIIDDIPIIIPIDDDDDDDIDIDD", /* CP1 */
	"PIDIDIPPPPIIDDIPDIIPDDDDDDDDDDDDD", /* CP2 */
	"PIDIDIPPPPIIDDIPDDDPDDDDDDDDDDDDD", /* EX */
	"PIDIDIPPPPIIDDIPDDDPDDDDDDDDDDDDD", /* IN */
	"PIDIDIPPPPIIDDIPDDDPDDDDDDDDDDDDD", /* NS */
	"PPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPP", /* OP1 */
	"PPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPP", /* OP2 */
	"PIIIIIPPPPIIPPIPIIIPIIIIIIIIIIIII", /* QU */
	"PIDIDIPPPPIIDDIPIDDPDDDDDDDDDDDDD", /* IS */
	"PIDIDIPPPPIIIDIPIIIPIDDDDDDDIDIDD", /* NU */
	"PIDIDIPPPPIIIIIPIDDPIDDDDDDDIDIDD", /* PO */
	"PIDIDIPPPPIIIIIPIDDPIIIIIIIIIDIII", /* PR */
	"PIDIDIPPPPIIDDIPIDDPDDDDDDDDIDDDD", /* SY */
	"PIDIDIPPPPIIIDIPIIIPIDDDDDDDIDIDD", /* AL */
	"PIDIDIPPPPIIDDIPDIDPDDDDDDIIDDDDD", /* H2 */
	"PIDIDIPPPPIIDDIPDIDPDDDDDDDIDDDDD", /* H3 */
	"PIDIDIPPPPIIDDIPDIDPDDDDDDDDDDDDD", /* ID1 */
	"PIDIDIPPPPIIDDIPDIDPDDDDDDDDDDDDI", /* ID2 */
	"PIDIDIPPPPIIDDIPDIDPDIIDDIIDDDDDD", /* JL */
	"PIDIDIPPPPIIDDIPDIDPDDDDDDIIDDDDD", /* JV */
	"PIDIDIPPPPIIDDIPDIDPDDDDDDDIDDDDD", /* JT */
	"PIDIDIPPPPIIIDIPIIIPIDDDDDDDIDIDD", /* HL */
	"PIDIDIPPPPIIDDIPDDDPDDDDDDDDDDDDD", /* RI */
	"PIDIDIPPPPIIIDIPIIIPIDDIIDDDIDIII", /* ZWJ */
	"PIDIDIPPPPIIDDIPDIDPDDDDDDDDDDDDI", /* EB */
	"PIDIDIPPPPIIDDIPDIDPDDDDDDDDDDDDD", /* EM */
};

/* Classes and widths of ASCII.  Control characters (width -1) count for
 * nothing; \t, \n, \v, \f and \r never reach the line breaker: they are
 * written as escapes. */
#define A(c, w) ((unsigned char)((c) << 2 | ((w) + 1)))
#define P(c) A(LB_##c, 1) /* printing */
#define K(c) A(LB_##c, -1) /* control */
static const unsigned char ascii_info[128] = {
	/* Eight characters a row (clang-format would give each a line). */
	/* clang-format off */
	A(LB_CM, 0), K(CM), K(CM), K(CM), K(CM), K(CM), K(CM), K(CM), /* ^@ to ^G */
	K(CM), K(BA), K(NONE), K(BK), K(BK), K(NONE), K(CM), K(CM), /* ^H to ^O */
	K(CM), K(CM), K(CM), K(CM), K(CM), K(CM), K(CM), K(CM), /* ^P to ^W */
	K(CM), K(CM), K(CM), K(CM), K(CM), K(CM), K(CM), K(CM), /* ^X to ^_ */
	P(SP), P(EX), P(QU), P(AL), P(PR), P(PO), P(AL), P(QU), /* SP to ' */
	P(OP1), P(CP1), P(AL), P(PR), P(IS), P(HY), P(IS), P(SY), /* ( to / */
	P(NU), P(NU), P(NU), P(NU), P(NU), P(NU), P(NU), P(NU), /* 0 to 7 */
	P(NU), P(NU), P(IS), P(IS), P(AL), P(AL), P(AL), P(EX), /* 8 to ? */
	P(AL), P(AL), P(AL), P(AL), P(AL), P(AL), P(AL), P(AL), /* @ to G */
	P(AL), P(AL), P(AL), P(AL), P(AL), P(AL), P(AL), P(AL), /* H to O */
	P(AL), P(AL), P(AL), P(AL), P(AL), P(AL), P(AL), P(AL), /* P to W */
	P(AL), P(AL), P(AL), P(OP1), P(PR), P(CP1), P(AL), P(AL), /* X to _ */
	P(AL), P(AL), P(AL), P(AL), P(AL), P(AL), P(AL), P(AL), /* ` to g */
	P(AL), P(AL), P(AL), P(AL), P(AL), P(AL), P(AL), P(AL), /* h to o */
	P(AL), P(AL), P(AL), P(AL), P(AL), P(AL), P(AL), P(AL), /* p to w */
	P(AL), P(AL), P(AL), P(OP1), P(BA), P(CL), P(AL), K(CM), /* x to DEL */
	/* clang-format on */
};
#undef A
#undef P
#undef K

/*
 * The rest of the table: from FIRST up to the next entry's FIRST, one
 * class and width.  Scripts covered: Latin, IPA, combining diacritics,
 * Greek, Cyrillic; general punctuation, super- and subscripts, currency
 * symbols; CJK punctuation, kana, CJK unified ideographs, Hangul
 * syllables (by rule, below), half- and full-width forms.
 */
struct char_range {
	uint32_t first;
	unsigned char cls;
	signed char width;
};

static const struct char_range ranges[] = {
	{ 0x0080, LB_CM, -1 },  { 0x0085, LB_BK, -1 },  { 0x0086, LB_CM, -1 },
	{ 0x00A0, LB_GL, 1 },   { 0x00A1, LB_OP1, 1 },  { 0x00A2, LB_PO, 1 },
	{ 0x00A3, LB_PR, 1 },   { 0x00A6, LB_AL, 1 },   { 0x00AB, LB_QU, 1 },
	{ 0x00AC, LB_AL, 1 },   { 0x00AD, LB_BA, 0 },   { 0x00AE, LB_AL, 1 },
	{ 0x00B0, LB_PO, 1 },   { 0x00B1, LB_PR, 1 },   { 0x00B2, LB_AL, 1 },
	{ 0x00B4, LB_BB, 1 },   { 0x00B5, LB_AL, 1 },   { 0x00BB, LB_QU, 1 },
	{ 0x00BC, LB_AL, 1 },   { 0x00BF, LB_OP1, 1 },  { 0x00C0, LB_AL, 1 },
	{ 0x02C8, LB_BB, 1 },   { 0x02C9, LB_AL, 1 },   { 0x02CC, LB_BB, 1 },
	{ 0x02CD, LB_AL, 1 },   { 0x02DF, LB_BB, 1 },   { 0x02E0, LB_AL, 1 },
	{ 0x0300, LB_CM, 0 },   { 0x034F, LB_GL, 0 },   { 0x0350, LB_CM, 0 },
	{ 0x035C, LB_GL, 0 },   { 0x0363, LB_CM, 0 },   { 0x0370, LB_AL, 1 },
	{ 0x037E, LB_IS, 1 },   { 0x037F, LB_AL, 1 },   { 0x0483, LB_CM, 0 },
	{ 0x048A, LB_AL, 1 },   { 0x0530, LB_NONE, 0 }, { 0x2000, LB_BA, 1 },
	{ 0x2007, LB_GL, 1 },   { 0x2008, LB_BA, 1 },   { 0x200B, LB_ZW, 0 },
	{ 0x200C, LB_CM, 0 },   { 0x200D, LB_ZWJ, 0 },  { 0x200E, LB_CM, 0 },
	{ 0x2010, LB_BA, 1 },   { 0x2011, LB_GL, 1 },   { 0x2012, LB_BA, 1 },
	{ 0x2014, LB_B2, 1 },   { 0x2015, LB_AL, 1 },   { 0x2018, LB_QU, 1 },
	{ 0x201A, LB_OP1, 1 },  { 0x201B, LB_QU, 1 },   { 0x201E, LB_OP1, 1 },
	{ 0x201F, LB_QU, 1 },   { 0x2020, LB_AL, 1 },   { 0x2024, LB_IN, 1 },
	{ 0x2027, LB_BA, 1 },   { 0x2028, LB_BK, 1 },   { 0x202A, LB_CM, 0 },
	{ 0x202F, LB_GL, 1 },   { 0x2030, LB_PO, 1 },   { 0x2038, LB_AL, 1 },
	{ 0x2039, LB_QU, 1 },   { 0x203B, LB_AL, 1 },   { 0x203C, LB_NS, 1 },
	{ 0x203E, LB_AL, 1 },   { 0x2044, LB_IS, 1 },   { 0x2045, LB_OP1, 1 },
	{ 0x2046, LB_CL, 1 },   { 0x2047, LB_NS, 1 },   { 0x204A, LB_AL, 1 },
	{ 0x2056, LB_BA, 1 },   { 0x2057, LB_AL, 1 },   { 0x2058, LB_BA, 1 },
	{ 0x205C, LB_AL, 1 },   { 0x205D, LB_BA, 1 },   { 0x2060, LB_WJ, 0 },
	{ 0x2061, LB_AL, 0 },   { 0x2065, LB_AL, 1 },   { 0x2066, LB_CM, 0 },
	{ 0x2070, LB_AL, 1 },   { 0x207D, LB_OP1, 1 },  { 0x207E, LB_CL, 1 },
	{ 0x207F, LB_AL, 1 },   { 0x208D, LB_OP1, 1 },  { 0x208E, LB_CL, 1 },
	{ 0x208F, LB_AL, 1 },   { 0x20A0, LB_PR, 1 },   { 0x20A7, LB_PO, 1 },
	{ 0x20A8, LB_PR, 1 },   { 0x20B6, LB_PO, 1 },   { 0x20B7, LB_PR, 1 },
	{ 0x20BB, LB_PO, 1 },   { 0x20BC, LB_PR, 1 },   { 0x20BE, LB_PO, 1 },
	{ 0x20BF, LB_PR, 1 },   { 0x20C0, LB_PO, 1 },   { 0x20C1, LB_PR, 1 },
	{ 0x20D0, LB_NONE, 0 }, { 0x3000, LB_BA, 2 },   { 0x3001, LB_CL, 2 },
	{ 0x3003, LB_ID1, 2 },  { 0x3005, LB_NS, 2 },   { 0x3006, LB_ID1, 2 },
	{ 0x3008, LB_OP2, 2 },  { 0x3009, LB_CL, 2 },   { 0x300A, LB_OP2, 2 },
	{ 0x300B, LB_CL, 2 },   { 0x300C, LB_OP2, 2 },  { 0x300D, LB_CL, 2 },
	{ 0x300E, LB_OP2, 2 },  { 0x300F, LB_CL, 2 },   { 0x3010, LB_OP2, 2 },
	{ 0x3011, LB_CL, 2 },   { 0x3012, LB_ID1, 2 },  { 0x3014, LB_OP2, 2 },
	{ 0x3015, LB_CL, 2 },   { 0x3016, LB_OP2, 2 },  { 0x3017, LB_CL, 2 },
	{ 0x3018, LB_OP2, 2 },  { 0x3019, LB_CL, 2 },   { 0x301A, LB_OP2, 2 },
	{ 0x301B, LB_CL, 2 },   { 0x301C, LB_NS, 2 },   { 0x301D, LB_OP2, 2 },
	{ 0x301E, LB_CL, 2 },   { 0x3020, LB_ID1, 2 },  { 0x302A, LB_CM, 0 },
	{ 0x302E, LB_CM, 2 },   { 0x3030, LB_ID1, 2 },  { 0x3035, LB_CM, 2 },
	{ 0x3036, LB_ID1, 2 },  { 0x303B, LB_NS, 2 },   { 0x303D, LB_ID1, 2 },
	{ 0x303F, LB_ID1, 1 },  { 0x3040, LB_AL, 2 },   { 0x3041, LB_NS, 2 },
	{ 0x3042, LB_ID1, 2 },  { 0x3043, LB_NS, 2 },   { 0x3044, LB_ID1, 2 },
	{ 0x3045, LB_NS, 2 },   { 0x3046, LB_ID1, 2 },  { 0x3047, LB_NS, 2 },
	{ 0x3048, LB_ID1, 2 },  { 0x3049, LB_NS, 2 },   { 0x304A, LB_ID1, 2 },
	{ 0x3063, LB_NS, 2 },   { 0x3064, LB_ID1, 2 },  { 0x3083, LB_NS, 2 },
	{ 0x3084, LB_ID1, 2 },  { 0x3085, LB_NS, 2 },   { 0x3086, LB_ID1, 2 },
	{ 0x3087, LB_NS, 2 },   { 0x3088, LB_ID1, 2 },  { 0x308E, LB_NS, 2 },
	{ 0x308F, LB_ID1, 2 },  { 0x3095, LB_NS, 2 },   { 0x3097, LB_AL, 2 },
	{ 0x3099, LB_CM, 0 },   { 0x309B, LB_NS, 2 },   { 0x309F, LB_ID1, 2 },
	{ 0x30A0, LB_NS, 2 },   { 0x30A2, LB_ID1, 2 },  { 0x30A3, LB_NS, 2 },
	{ 0x30A4, LB_ID1, 2 },  { 0x30A5, LB_NS, 2 },   { 0x30A6, LB_ID1, 2 },
	{ 0x30A7, LB_NS, 2 },   { 0x30A8, LB_ID1, 2 },  { 0x30A9, LB_NS, 2 },
	{ 0x30AA, LB_ID1, 2 },  { 0x30C3, LB_NS, 2 },   { 0x30C4, LB_ID1, 2 },
	{ 0x30E3, LB_NS, 2 },   { 0x30E4, LB_ID1, 2 },  { 0x30E5, LB_NS, 2 },
	{ 0x30E6, LB_ID1, 2 },  { 0x30E7, LB_NS, 2 },   { 0x30E8, LB_ID1, 2 },
	{ 0x30EE, LB_NS, 2 },   { 0x30EF, LB_ID1, 2 },  { 0x30F5, LB_NS, 2 },
	{ 0x30F7, LB_ID1, 2 },  { 0x30FB, LB_NS, 2 },   { 0x30FF, LB_ID1, 2 },
	{ 0x3100, LB_NONE, 0 }, { 0x4E00, LB_ID1, 2 },  { 0xA000, LB_NONE, 0 },
	{ 0xFF00, LB_AL, 2 },   { 0xFF01, LB_EX, 2 },   { 0xFF02, LB_ID1, 2 },
	{ 0xFF04, LB_PR, 2 },   { 0xFF05, LB_PO, 2 },   { 0xFF06, LB_ID1, 2 },
	{ 0xFF08, LB_OP2, 2 },  { 0xFF09, LB_CL, 2 },   { 0xFF0A, LB_ID1, 2 },
	{ 0xFF0C, LB_CL, 2 },   { 0xFF0D, LB_ID1, 2 },  { 0xFF0E, LB_CL, 2 },
	{ 0xFF0F, LB_ID1, 2 },  { 0xFF1A, LB_NS, 2 },   { 0xFF1C, LB_ID1, 2 },
	{ 0xFF1F, LB_EX, 2 },   { 0xFF20, LB_ID1, 2 },  { 0xFF3B, LB_OP2, 2 },
	{ 0xFF3C, LB_ID1, 2 },  { 0xFF3D, LB_CL, 2 },   { 0xFF3E, LB_ID1, 2 },
	{ 0xFF5B, LB_OP2, 2 },  { 0xFF5C, LB_ID1, 2 },  { 0xFF5D, LB_CL, 2 },
	{ 0xFF5E, LB_ID1, 2 },  { 0xFF5F, LB_OP2, 2 },  { 0xFF60, LB_CL, 2 },
	{ 0xFF61, LB_CL, 1 },   { 0xFF62, LB_OP2, 1 },  { 0xFF63, LB_CL, 1 },
	{ 0xFF65, LB_NS, 1 },   { 0xFF66, LB_ID1, 1 },  { 0xFF67, LB_NS, 1 },
	{ 0xFF71, LB_ID1, 1 },  { 0xFF9E, LB_NS, 1 },   { 0xFFA0, LB_ID1, 1 },
	{ 0xFFBF, LB_AL, 1 },   { 0xFFC2, LB_ID1, 1 },  { 0xFFC8, LB_AL, 1 },
	{ 0xFFCA, LB_ID1, 1 },  { 0xFFD0, LB_AL, 1 },   { 0xFFD2, LB_ID1, 1 },
	{ 0xFFD8, LB_AL, 1 },   { 0xFFDA, LB_ID1, 1 },  { 0xFFDD, LB_AL, 1 },
	{ 0xFFE0, LB_PO, 2 },   { 0xFFE1, LB_PR, 2 },   { 0xFFE2, LB_ID1, 2 },
	{ 0xFFE5, LB_PR, 2 },   { 0xFFE7, LB_AL, 1 },   { 0xFFF0, LB_NONE, 0 },
};

/* Class and width of C from the table, the class LB_NONE when C is not
 * in it. */
static void lookup_class(uint32_t c, int *cls, int *width)
{
	size_t lo = 0, hi = sizeof ranges / sizeof ranges[0];

	if (c < 0x80) {
		*cls = ascii_info[c] >> 2;
		*width = (ascii_info[c] & 3) - 1;
		return;
	}
	if (c >= 0xAC00 && c <= 0xD7A3) {
		/* Hangul syllables: LV syllables (no final consonant) every 28. */
		*cls = (c - 0xAC00) % 28 == 0 ? LB_H2 : LB_H3;
		*width = 2;
		return;
	}
	if (c < ranges[0].first || c > 0xFFFF) {
		*cls = LB_NONE;
		*width = 1;
		return;
	}
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;

		if (ranges[mid].first <= c)
			lo = mid;
		else
			hi = mid;
	}
	*cls = ranges[lo].cls;
	*width = ranges[lo].width;
}

/* The same for the whole Basic Multilingual Plane, as ascii_info, made on
 * first use: one look-up per character. */
static unsigned char bmp_info[0x10000];
static int bmp_ready;

static inline void char_class(uint32_t c, int *cls, int *width)
{
	if (!bmp_ready) {
		uint32_t k;
		int kc, kw;

		for (k = 0; k < 0x10000; k++) {
			lookup_class(k, &kc, &kw);
			bmp_info[k] = (unsigned char)(kc << 2 | (kw + 1));
		}
		bmp_ready = 1;
	}
	if (c > 0xFFFF) {
		*cls = LB_NONE;
		*width = 1;
		return;
	}
	*cls = bmp_info[c] >> 2;
	*width = (bmp_info[c] & 3) - 1;
}

int potext_char_info(uint32_t c, const char **cls, int *width)
{
	int k;

	char_class(c, &k, width);
	if (k == LB_NONE)
		return -1;
	*cls = class_names[k];
	return 0;
}

/*
 * Decodes the UTF-8 character at P (before END): returns its length and
 * sets *C, or returns 0 for a sequence that is not UTF-8 (overlong,
 * surrogate, beyond U+10FFFF, cut short).
 */
static inline size_t utf8_decode(const unsigned char *p, const unsigned char *end, uint32_t *c)
{
	size_t n, i;
	uint32_t v;

	if (p[0] < 0x80) {
		*c = p[0];
		return 1;
	}
	if (p[0] >= 0xC2 && p[0] <= 0xDF) {
		n = 2;
		v = p[0] & 0x1F;
	} else if (p[0] >= 0xE0 && p[0] <= 0xEF) {
		n = 3;
		v = p[0] & 0x0F;
	} else if (p[0] >= 0xF0 && p[0] <= 0xF4) {
		n = 4;
		v = p[0] & 0x07;
	} else {
		return 0;
	}
	if ((size_t)(end - p) < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		v = v << 6 | (p[i] & 0x3F);
	}
	if ((n == 3 && (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF))) ||
	    (n == 4 && (v < 0x10000 || v > 0x10FFFF)))
		return 0;
	*c = v;
	return n;
}

/* --- Line breaking ----------------------------------------------------------------- */

enum { BRK_PROHIBITED, BRK_POSSIBLE, BRK_MANDATORY };

/* The letter of the escape gettext writes for byte C, or 0. */
static const char escape_letter[128] = {
	['\n'] = 'n',
	['\t'] = 't',
	['\\'] = '\\',
	['"'] = '"',
};

/* 1 for the ASCII bytes of class AL that need no escape: after one of
 * them in a word, another changes nothing but the column. */
static unsigned char word_byte[256];

/* 1 for the control characters gettext writes as escapes it warns about. */
static const unsigned char ascii_warned[128] = {
	['\a'] = 1, ['\b'] = 1, ['\f'] = 1, ['\r'] = 1, ['\v'] = 1,
};

/* What PAIR_TABLE says, made on first use: the break opportunity for a
 * pair without (0) and with (1) spaces between. */
static unsigned char pair_break[2][LB_PAIRS][LB_PAIRS];
/* Classes (CLASS_SLOW) and states (LAST_SLOW, PREV_SLOW) the pair table
 * alone does not decide, made with the pair table. */
static unsigned char class_slow[LB_NONE + 1], last_slow[LB_NONE + 1], prev_slow[LB_NONE + 1];
static int pairs_ready;

static void make_pairs(void)
{
	int i, j;

	for (i = 0; i < 128; i++)
		word_byte[i] = (ascii_info[i] >> 2) == LB_AL && !escape_letter[i];
	for (i = 0; i <= LB_NONE; i++) {
		class_slow[i] =
		    i >= LB_PAIRS || i == LB_ZWJ || i == LB_RI || i == LB_HY || i == LB_BA;
		last_slow[i] = i >= LB_PAIRS || i == LB_RI;
		prev_slow[i] = i == LB_ZWJ || i == LB_HL_BA;
	}
	for (i = 0; i < LB_PAIRS; i++)
		for (j = 0; j < LB_PAIRS; j++) {
			pair_break[0][i][j] =
			    pair_table[i][j] == 'D' ? BRK_POSSIBLE : BRK_PROHIBITED;
			pair_break[1][i][j] =
			    pair_table[i][j] == 'P' ? BRK_PROHIBITED : BRK_POSSIBLE;
		}
	pairs_ready = 1;
}

/*
 * A piece of a string between two newlines is broken into lines as
 * u8_width_linebreaks does: the opportunities of UAX #14 (as libunistring
 * 1.0's u8_possible_linebreaks finds them), of which the last before the
 * text would pass the width is taken.  The text is the piece as written
 * between quotes, escapes expanded: offsets count its bytes.
 */
struct lb_state {
	/* What u8_possible_linebreaks remembers from one character to the next. */
	int prev; /* the class of the last character */
	int last; /* the class of the last character that is not a space */
	int space; /* a space came after LAST */
	size_t ri; /* regional indicators right before */
	int plain; /* the pair table alone decides what comes next */
	/* What u8_width_linebreaks does. */
	long opportunity; /* the last break opportunity, or -1 */
	int column, piece, width;
};

/* Where lines break, byte offsets, kept from one string to the next. */
struct breaks {
	size_t *at;
	size_t n, alloc;
};

/* The break opportunity before a character of class CLS, in the general
 * case (see next_break). */
static int next_break_slow(struct lb_state *b, int cls)
{
	int brk;

	if (cls == LB_BK) {
		b->prev = cls;
		b->last = LB_BK;
		b->space = 0;
		b->ri = 0;
		return BRK_MANDATORY;
	}
	if (cls == LB_SP) {
		brk = BRK_PROHIBITED;
		b->space = 1;
	} else if (cls == LB_ZW) {
		brk = BRK_PROHIBITED;
		b->last = LB_ZW;
		b->space = 0;
	} else if (cls == LB_CM || cls == LB_ZWJ) {
		if (b->last == LB_BK) {
			brk = BRK_PROHIBITED;
			b->last = LB_AL;
			b->space = 0;
		} else if (b->last == LB_ZW || b->space) {
			brk = BRK_POSSIBLE;
			b->last = LB_AL;
			b->space = 0;
		} else {
			brk = BRK_PROHIBITED;
		}
	} else {
		if (b->last == LB_BK)
			brk = BRK_PROHIBITED;
		else if (b->last == LB_ZW)
			brk = BRK_POSSIBLE;
		else if (b->prev == LB_ZWJ)
			brk = BRK_PROHIBITED;
		else if (b->last == LB_RI && cls == LB_RI)
			brk = b->space || b->ri % 2 == 0 ? BRK_POSSIBLE : BRK_PROHIBITED;
		else if (b->prev == LB_HL_BA)
			brk = BRK_PROHIBITED;
		else
			brk = pair_break[b->space][b->last][cls];
		b->last = cls;
		b->space = 0;
	}
	b->prev = b->prev == LB_HL && (cls == LB_HY || cls == LB_BA) ? LB_HL_BA : cls;
	b->ri = cls == LB_RI ? b->ri + 1 : 0;
	return brk;
}

/*
 * The break opportunity before a character of class CLS (UAX #14 as
 * libunistring 1.0 implements it), and the state after it: the pair
 * table decides, but after a mandatory break, a zero width space or
 * joiner, between regional indicators, after a Hebrew letter and a
 * hyphen, and for spaces and combining marks (next_break_slow).
 */
static inline int next_break(struct lb_state *b, int cls)
{
	int brk;

	if (cls == LB_SP) {
		b->space = 1;
		b->prev = LB_SP;
		b->ri = 0;
		return BRK_PROHIBITED;
	}
	if (b->plain && !class_slow[cls]) {
		brk = pair_break[b->space][b->last][cls];
		b->last = cls;
		b->prev = cls;
		b->space = 0;
		b->ri = 0;
		return brk;
	}
	brk = next_break_slow(b, cls);
	b->plain = !last_slow[b->last] && !prev_slow[b->prev];
	return brk;
}

static void add_break(struct breaks *br, size_t at)
{
	if (br->n && br->at[br->n - 1] == at)
		return;
	xgrow((void **)&br->at, &br->alloc, br->n + 1, sizeof *br->at);
	br->at[br->n++] = at;
}

/* One character of class CLS and width W at offset POS; NOBREAK: gettext
 * forbids a break before it (the second byte of an escape). */
static inline __attribute__((always_inline)) void feed(struct lb_state *b, struct breaks *br,
                                                       size_t pos, int cls, int w, int nobreak)
{
	int brk = next_break(b, cls);

	if (nobreak)
		brk = BRK_PROHIBITED;
	if (brk != BRK_PROHIBITED && b->opportunity >= 0 && b->column + b->piece > b->width) {
		add_break(br, (size_t)b->opportunity);
		b->column = 0;
	}
	if (brk == BRK_MANDATORY) {
		b->opportunity = -1;
		b->column = 0;
		b->piece = 0;
	} else {
		if (brk == BRK_POSSIBLE) {
			b->opportunity = (long)pos;
			b->column += b->piece;
			b->piece = 0;
		}
		if (w > 0)
			b->piece += w;
	}
}

/*
 * The line breaks of the piece from S to ES for lines of WIDTH columns,
 * the first starting at column START.  Returns the length of the piece as
 * written, or -1 when a character is not in the table, is not UTF-8, or is
 * an escape gettext warns about (\a, \b, \f, \r, \v).
 */
static long find_breaks(struct breaks *br, const unsigned char *s, const unsigned char *es,
                        int width, int start)
{
	struct lb_state b = { LB_BK, LB_BK, 0, 0, 0, -1, start, 0, width };
	size_t pos = 0;

	if (!pairs_ready)
		make_pairs();
	br->n = 0;
	while (s < es) {
		unsigned char c = *s;

		if (c == ' ') {
			/* A space: no opportunity before it, one column. */
			b.space = 1;
			b.prev = LB_SP;
			b.ri = 0;
			b.piece++;
			pos++;
			s++;
		} else if (c < 0x80) {
			char e = escape_letter[c];
			int cls = ascii_info[c] >> 2;

			if (e) {
				/* No break right before the "\n" that ends a piece. */
				feed(&b, br, pos, LB_PR, 1, c == '\n' && s + 1 == es);
				feed(&b, br, pos + 1, ascii_info[(unsigned char)e] >> 2, 1, 1);
				pos += 2;
				s++;
				continue;
			}
			if (ascii_warned[c])
				return -1;
			feed(&b, br, pos, cls, (ascii_info[c] & 3) - 1, 0);
			pos++;
			s++;
			/* The rest of a word, letters of ASCII and of U+00C0 to
			 * U+024F (Latin, all alphabetic, one column): no
			 * opportunity, a column each. */
			if (cls == LB_AL && b.last == LB_AL && !b.space) {
				const unsigned char *w = s;
				int columns = 0;

				/* The piece ends with its "\n", or at the string's NUL:
				 * neither is a letter, nor a lead byte. */
				for (;;) {
					const unsigned char *run = w;

					while (word_byte[*w])
						w++;
					columns += (int)(w - run);
					if (*w < 0xC3 || *w > 0xC9 || (w[1] & 0xC0) != 0x80)
						break;
					w += 2;
					columns++;
				}
				if (w > s) {
					b.piece += columns;
					b.prev = LB_AL;
					b.ri = 0;
					pos += (size_t)(w - s);
					s = w;
				}
			}
		} else {
			uint32_t cp;
			size_t n = utf8_decode(s, es, &cp);
			int cls, w;

			if (n == 0)
				return -1;
			char_class(cp, &cls, &w);
			if (cls == LB_NONE)
				return -1;
			feed(&b, br, pos, cls, w, 0);
			pos += n;
			s += n;
		}
	}
	if (b.opportunity >= 0 && b.column + b.piece > b.width)
		add_break(br, (size_t)b.opportunity);
	return (long)pos;
}

/* 1 when one of the eight bytes of X is V. */
static inline int has_byte(uint64_t x, uint64_t v)
{
	x ^= v * 0x0101010101010101ULL;
	return ((x - 0x0101010101010101ULL) & ~x & 0x8080808080808080ULL) != 0;
}

/* 1 when the eight bytes at S are printable ASCII that need no escape:
 * none below 0x20, none above 0x7E, no backslash, no quote. */
static inline int plain8(const unsigned char *s)
{
	uint64_t x;

	memcpy(&x, s, 8);
	return !((x | (x + 0x0101010101010101ULL)) & 0x8080808080808080ULL) &&
	       !((x - 0x2020202020202020ULL) & ~x & 0x8080808080808080ULL) && !has_byte(x, '\\') &&
	       !has_byte(x, '"');
}

/*
 * The length of the piece from S to ES as written, escapes expanded.
 * Returns -1 for an escape gettext warns about (\a, \b, \f, \r, \v), for
 * bytes that are not UTF-8, or, unless UTF8, for any byte above 127.
 */
static long written_length(const unsigned char *s, const unsigned char *es, int utf8)
{
	long len = 0;

	while (s < es) {
		unsigned char c = *s;

		if (es - s >= 8 && plain8(s)) {
			len += 8;
			s += 8;
		} else if (c >= 0x20 && c < 0x7F && c != '\\' && c != '"') {
			len++;
			s++;
		} else if (c < 0x80) {
			if (c == '\a' || c == '\b' || c == '\f' || c == '\r' || c == '\v')
				return -1;
			len += escape_letter[c] ? 2 : 1;
			s++;
		} else {
			uint32_t cp;
			size_t n = utf8 ? utf8_decode(s, es, &cp) : 0;

			if (n == 0)
				return -1;
			len += (long)n;
			s += n;
		}
	}
	return len;
}

struct render {
	struct buf *out;
	struct breaks *b;
	int utf8;
};

/* Writes the piece from S to ES (LEN bytes written) as lines after
 * PREFIX, the first after NAME when not NULL, broken at B's breaks. */
static void emit(struct render *r, const char *prefix, size_t plen, const char *name,
                 const unsigned char *s, const unsigned char *es, size_t len)
{
	struct buf *out = r->out;
	size_t nlen = name ? strlen(name) + 1 : 0, pos = 0, k = 0, nb = r->b->n;
	const size_t *breaks = r->b->at;
	char *o;

	buf_grow(out, len + (nb + 1) * (plen + 4) + nlen);
	o = out->data + out->len;
	memcpy(o, prefix, plen);
	o += plen;
	if (name) {
		memcpy(o, name, nlen - 1);
		o += nlen - 1;
		*o++ = ' ';
	}
	*o++ = '"';
	while (s < es) {
		unsigned char c;

		/* Up to the next break, bytes that need no escape go as they are. */
		if (k >= nb || breaks[k] > pos) {
			size_t room = k < nb ? breaks[k] - pos : (size_t)(es - s), run = 0;

			while (room - run >= 8 && (size_t)(es - s) - run >= 8) {
				uint64_t x;

				memcpy(&x, s + run, 8);
				if (has_byte(x, '\\') || has_byte(x, '"') || has_byte(x, '\n') ||
				    has_byte(x, '\t'))
					break;
				run += 8;
			}
			while (run < room && !(s[run] < 0x80 && escape_letter[s[run]]))
				run++;
			memcpy(o, s, run);
			o += run;
			s += run;
			pos += run;
			if (s >= es)
				break;
		}
		c = *s++;
		if (k < nb && breaks[k] == pos) {
			*o++ = '"';
			*o++ = '\n';
			memcpy(o, prefix, plen);
			o += plen;
			*o++ = '"';
			k++;
		}
		if (c < 0x80 && escape_letter[c]) {
			*o++ = '\\';
			*o++ = escape_letter[c];
			pos += 2;
		} else {
			*o++ = (char)c;
			pos++;
		}
	}
	*o++ = '"';
	*o++ = '\n';
	out->len = (size_t)(o - out->data);
	out->data[out->len] = '\0';
}

/*
 * Writes NAME and VALUE as write-po.c's wrap() does, each line after
 * PREFIX.  Returns 0, or -1 when it cannot be written exactly.
 */
/*
 * The breaks of the piece from S to ES for lines starting at column
 * START, in R's list, and its length as written: no break when it fits
 * whatever its characters (no character is wider than its bytes, nor an
 * escape than its two).  Returns -1 when it cannot be written exactly.
 */
static long breaks_at(struct render *r, const unsigned char *s, const unsigned char *es, int width,
                      int start)
{
	long len;

	r->b->n = 0;
	if ((size_t)start + (size_t)(es - s) * 2 <= (size_t)width)
		return written_length(s, es, r->utf8);
	if (!r->utf8 && written_length(s, es, 0) < 0)
		return -1;
	len = find_breaks(r->b, s, es, width, start);
	if (len < 0) {
		/* A character the table lacks does not matter where no
		 * line breaks. */
		len = written_length(s, es, r->utf8);
		r->b->n = 0;
		if (len < 0 || start + len > width)
			return -1;
	}
	return len;
}

/*
 * Writes NAME and VALUE as write-po.c's wrap() does, each line after
 * PREFIX.  Returns 0, or -1 when it cannot be written exactly.
 */
static int wrap(struct render *r, const char *prefix, const char *name, const char *value,
                int no_wrap)
{
	size_t plen = strlen(prefix);
	/* Room for the quotes; lines after the first start after PREFIX. */
	int width = (no_wrap ? INT_MAX : PAGE_WIDTH) - 1 - (int)(plen + 1);
	int start = (int)strlen(name) + 1;
	const unsigned char *s = (const unsigned char *)value;
	int first_line = 1;

	do {
		const char *nl = strchr((const char *)s, '\n');
		const unsigned char *es =
		    nl ? (const unsigned char *)nl + 1 : s + strlen((const char *)s);
		/* Lines after a break start at column 0.  A string on several
		 * lines starts with an empty one: when it holds a newline
		 * before its end, or would break even after "msgid " (which
		 * it does if it breaks from column 0, breaks coming no later
		 * when the first line starts further right). */
		long len = breaks_at(r, s, es, width, 0);

		if (len < 0)
			return -1;
		if (first_line && len > 0 && !*es && !r->b->n && start <= width &&
		    start + len > width) {
			if (breaks_at(r, s, es, width, start) < 0)
				return -1;
			if (r->b->n)
				r->b->n = 0; /* it breaks after "msgid ", not from column 0 */
			else
				first_line = -1; /* it does not break at all */
		}
		if (first_line > 0 && len > 0 &&
		    (*es || start > width || r->b->n || start + len > width)) {
			buf_adds(r->out, prefix);
			buf_adds(r->out, name);
			buf_adds(r->out, " \"\"\n");
			first_line = 0;
		}
		emit(r, prefix, plen, first_line ? name : NULL, s, es, (size_t)len);
		first_line = 0;
		s = es;
	} while (*s);
	return 0;
}

/* --- Entries ----------------------------------------------------------------------- */

/* The comment lines of TEXT ("line\n" each) after MARK ("#" or "#."). */
static void add_comments(struct buf *out, const char *mark, const char *text)
{
	while (*text) {
		const char *eol = strchr(text, '\n');
		size_t len = eol ? (size_t)(eol - text) : strlen(text);

		buf_adds(out, mark);
		if (len)
			buf_addc(out, ' ');
		buf_add(out, text, len);
		buf_addc(out, '\n');
		text += len + (eol ? 1 : 0);
	}
}

/* PREFIX and V in decimal into OUT (24 bytes at least), as "%s%ld". */
static void format_number(char *out, const char *prefix, long v)
{
	char digits[24];
	size_t n = 0;
	unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;

	do
		digits[n++] = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		digits[n++] = '-';
	while (*prefix)
		*out++ = *prefix++;
	while (n)
		*out++ = digits[--n];
	*out = '\0';
}

/* "#:" lines, broken before a reference that would pass the page width. */
static void add_refs(struct buf *out, const struct potext_msg *m)
{
	size_t column = 2, i;

	if (!m->nrefs)
		return;
	buf_adds(out, "#:");
	for (i = 0; i < m->nrefs; i++) {
		const char *file = m->refs[i].file;
		char line[24] = "";
		size_t len;

		while (file[0] == '.' && file[1] == '/')
			file += 2;
		if (m->refs[i].line != POTEXT_NO_LINE)
			format_number(line, ":", (long)m->refs[i].line);
		len = strlen(file) + strlen(line) + 1;
		if (column > 2 && column + len > PAGE_WIDTH) {
			buf_adds(out, "\n#:");
			column = 2;
		}
		buf_addc(out, ' ');
		buf_adds(out, file);
		buf_adds(out, line);
		column += len;
	}
	buf_addc(out, '\n');
}

static void add_flag(struct buf *out, int *first, const char *flag)
{
	buf_adds(out, *first ? " " : ", ");
	buf_adds(out, flag);
	*first = 0;
}

/* The "#," line: fuzzy, formats, range (OBSOLETE: none), no-wrap. */
static void add_flags(struct buf *out, const struct potext_msg *m, int fuzzy)
{
	int range = !m->obsolete && m->range_min >= 0 && m->range_max >= 0;
	int first = 1;
	size_t i;
	char text[64];

	if (!fuzzy && !m->fmt_yes && !m->fmt_no && !range && !m->no_wrap)
		return;
	buf_adds(out, "#,");
	if (fuzzy)
		add_flag(out, &first, "fuzzy");
	for (i = 0; i < format_count; i++) {
		if (!((m->fmt_yes | m->fmt_no) >> i & 1))
			continue;
		snprintf(text, sizeof text, "%s%s-format", m->fmt_yes >> i & 1 ? "" : "no-",
		         format_names[i]);
		add_flag(out, &first, text);
	}
	if (range) {
		snprintf(text, sizeof text, "range: %d..%d", m->range_min, m->range_max);
		add_flag(out, &first, text);
	}
	if (m->no_wrap)
		add_flag(out, &first, "no-wrap");
	buf_addc(out, '\n');
}

static int render_entry(struct render *r, const struct potext_msg *m)
{
	const char *prefix = m->obsolete ? "#~ " : "";
	const char *prev = m->obsolete ? "#~| " : "#| ";
	const char *p, *end = m->str + m->str_len;
	unsigned k;

	add_comments(r->out, "#", m->comments);
	add_comments(r->out, "#.", m->extracted);
	add_refs(r->out, m);
	add_flags(r->out, m, m->fuzzy && (m->obsolete || m->str[0] != '\0'));
	if ((m->prev_ctxt && wrap(r, prev, "msgctxt", m->prev_ctxt, m->no_wrap) != 0) ||
	    (m->prev_id && wrap(r, prev, "msgid", m->prev_id, m->no_wrap) != 0) ||
	    (m->prev_id_plural &&
	     wrap(r, prev, "msgid_plural", m->prev_id_plural, m->no_wrap) != 0) ||
	    (m->ctxt && wrap(r, prefix, "msgctxt", m->ctxt, m->no_wrap) != 0) ||
	    wrap(r, prefix, "msgid", m->id, m->no_wrap) != 0 ||
	    (m->id_plural && wrap(r, prefix, "msgid_plural", m->id_plural, m->no_wrap) != 0))
		return -1;
	if (!m->id_plural)
		return wrap(r, prefix, "msgstr", m->str, m->no_wrap);
	for (p = m->str, k = 0; p < end; p += strlen(p) + 1, k++) {
		char name[24];

		format_number(name, "msgstr[", (long)k);
		strcat(name, "]");
		if (wrap(r, prefix, name, p, m->no_wrap) != 0)
			return -1;
	}
	return 0;
}

int potext_render(const struct potext_msg *m, int first, int utf8, struct buf *out)
{
	/* The line breaker's list of breaks is kept from one call to the next. */
	static struct breaks b;
	struct render r;
	size_t before = out->len;
	int rc;

	/* gettext leaves out an obsolete entry without a translation. */
	if (m->obsolete && m->str[0] == '\0')
		return 0;
	/* Directives of a format string are never broken: that takes
	 * gettext's parser of each format. */
	if (!enabled || m->fmt_yes)
		return -1;
	r.out = out;
	r.b = &b;
	r.utf8 = utf8;
	if (!first)
		buf_addc(out, '\n');
	rc = render_entry(&r, m);
	if (rc != 0)
		buf_truncate(out, before);
	return rc;
}

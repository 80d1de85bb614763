/* load_html.c: the HTML loader — a small tokenizer that turns a saved web page into text and metadata. */
#include "load_int.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/*
 * The tokenizer makes one pass over the page and keeps no element stack:
 * skipped elements (script, nav, ...) and <pre>/<sup> are tracked by counters,
 * so arbitrarily deep nesting costs no memory and no time beyond the bytes
 * read. Every construct (comment, tag, attribute value, raw text) is scanned
 * forward once; unterminated ones run to the end of the input.
 */

/* Named character references: the ones German news and studies use, plus the XML five. */
static const struct {
	const char *name;
	unsigned cp;
} entities[] = {
	{"AElig", 0xC6},   {"Aacute", 0xC1}, {"Agrave", 0xC0}, {"Auml", 0xC4},   {"Ccedil", 0xC7},
	{"Dagger", 0x2021}, {"Eacute", 0xC9}, {"Egrave", 0xC8}, {"Ouml", 0xD6},   {"Uuml", 0xDC},
	{"aacute", 0xE1},  {"acirc", 0xE2},  {"aelig", 0xE6},  {"agrave", 0xE0}, {"amp", '&'},
	{"apos", '\''},    {"asymp", 0x2248}, {"auml", 0xE4},  {"bdquo", 0x201E}, {"bull", 0x2022},
	{"ccedil", 0xE7},  {"cent", 0xA2},   {"copy", 0xA9},   {"dagger", 0x2020}, {"deg", 0xB0},
	{"divide", 0xF7},  {"eacute", 0xE9}, {"ecirc", 0xEA},  {"egrave", 0xE8}, {"emsp", 0x2003},
	{"ensp", 0x2002},  {"euro", 0x20AC}, {"frac12", 0xBD}, {"frac14", 0xBC}, {"frac34", 0xBE},
	{"ge", 0x2265},    {"gt", '>'},      {"hellip", 0x2026}, {"hyphen", 0x2010}, {"iacute", 0xED},
	{"laquo", 0xAB},   {"ldquo", 0x201C}, {"le", 0x2264},  {"lrm", 0x200E},  {"lsaquo", 0x2039},
	{"lsquo", 0x2018}, {"lt", '<'},      {"mdash", 0x2014}, {"micro", 0xB5}, {"middot", 0xB7},
	{"minus", 0x2212}, {"nbsp", 0xA0},   {"ndash", 0x2013}, {"ne", 0x2260},  {"oacute", 0xF3},
	{"ocirc", 0xF4},   {"ouml", 0xF6},   {"para", 0xB6},   {"permil", 0x2030}, {"plusmn", 0xB1},
	{"pound", 0xA3},   {"prime", 0x2032}, {"quot", '"'},   {"raquo", 0xBB},  {"rdquo", 0x201D},
	{"reg", 0xAE},     {"rlm", 0x200F},  {"rsaquo", 0x203A}, {"rsquo", 0x2019}, {"sbquo", 0x201A},
	{"sect", 0xA7},    {"shy", 0xAD},    {"sup1", 0xB9},   {"sup2", 0xB2},   {"sup3", 0xB3},
	{"szlig", 0xDF},   {"thinsp", 0x2009}, {"times", 0xD7}, {"trade", 0x2122}, {"uacute", 0xFA},
	{"ucirc", 0xFB},   {"uuml", 0xFC},   {"yen", 0xA5},    {"zwj", 0x200D},  {"zwnj", 0x200C},
};

/* References recognised without their ';'. */
static const struct {
	const char *name;
	unsigned cp;
} legacy[] = {{"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"nbsp", 0xA0}};

/* Windows-1252 meanings of &#128;..&#159; (the HTML standard maps them so). */
static const unsigned short c1_map[32] = {
	0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
	0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
	0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

static int is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int is_ws(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/*
 * A character reference at s[0] == '&' (n bytes available): returns the bytes
 * it spans and sets *cp, or 0 when s does not start one (the '&' is literal).
 * Numeric references need no ';'; named ones do, except the common legacy five.
 */
static size_t entity_at(const char *s, size_t n, unsigned *cp)
{
	size_t i = 1, k;

	if (n > 2 && s[1] == '#') {
		unsigned long v = 0;
		int hex = s[2] == 'x' || s[2] == 'X', any = 0;
		i = hex ? 3 : 2;
		for (; i < n; i++) {
			int c = s[i], d;
			if (is_digit(c))
				d = c - '0';
			else if (hex && c >= 'a' && c <= 'f')
				d = c - 'a' + 10;
			else if (hex && c >= 'A' && c <= 'F')
				d = c - 'A' + 10;
			else
				break;
			if (v < 0x110000)
				v = v * (hex ? 16 : 10) + (unsigned long)d;
			any = 1;
		}
		if (!any)
			return 0;
		if (i < n && s[i] == ';')
			i++;
		if (v >= 0x80 && v < 0xA0)
			v = c1_map[v - 0x80];
		else if (v == 0 || v >= 0x110000 || (v >= 0xD800 && v <= 0xDFFF))
			v = 0xFFFD;
		*cp = (unsigned)v;
		return i;
	}
	while (i < n && i < 12 && (is_alpha(s[i]) || is_digit(s[i])))
		i++;
	if (i == 1)
		return 0;
	if (i < n && s[i] == ';') {
		for (k = 0; k < sizeof(entities) / sizeof(entities[0]); k++) {
			size_t l = strlen(entities[k].name);
			if (l == i - 1 && !strncmp(s + 1, entities[k].name, l)) {
				*cp = entities[k].cp;
				return i + 1;
			}
		}
	}
	/* the legacy references browsers also read without ';' ("&amp", "&nbspx" = NBSP + "x") */
	for (k = 0; k < sizeof(legacy) / sizeof(legacy[0]); k++) {
		size_t l = strlen(legacy[k].name);
		if (l <= i - 1 && !strncmp(s + 1, legacy[k].name, l) && !(l == i - 1 && i < n && s[i] == ';')) {
			*cp = legacy[k].cp;
			return l + 1;
		}
	}
	return 0;
}

/* Decode the character references of an attribute value [s, s+n) into a new string. */
static char *attr_decode(const char *s, size_t n)
{
	struct kz_buf b;
	size_t i = 0;

	kz_buf_init(&b, 0);
	while (i < n) {
		unsigned cp;
		size_t k;
		if (s[i] == '&' && (k = entity_at(s + i, n - i, &cp)) != 0) {
			ex_put_clean(&b, cp);
			i += k;
		} else {
			k = ex_utf8_get(s + i, n - i, &cp);
			ex_put_clean(&b, cp);
			i += k;
		}
	}
	return kz_buf_detach(&b, NULL);
}

/* The attributes the loader reads (others are scanned over). */
enum { A_NAME, A_PROPERTY, A_CONTENT, A_ITEMPROP, A_REL, A_HREF, A_DATETIME, A__N };
static const char *const attr_names[A__N] = {"name", "property", "content", "itemprop", "rel", "href", "datetime"};

struct tag {
	char name[16]; /* lower-case; "" when longer than fits */
	int end;       /* </name> */
	int self;      /* <name ... /> */
	const char *av[A__N];
	size_t al[A__N];
};

/* Metadata candidates, best first within each kind. */
enum { M_TITLE_OG, M_TITLE_DC, M_TITLE_TAG, M_PUB_OG, M_PUB_DC, M_AUTHOR, M_URL_OG, M_URL_CANON, M__N };
#define DATE_RANKS 4

struct html {
	const char *s;
	size_t n, i;
	struct kz_buf out;
	int noskip;   /* fallback pass: keep nav/header/footer/aside text */
	int skip;     /* open elements whose text is dropped */
	int pre;      /* open <pre> elements */
	int space;    /* white space seen since the last character */
	int brk;      /* pending break: 1 line, 2 paragraph */
	int sup;      /* open <sup> elements */
	size_t sup_at; /* out.len where the outermost <sup> began */
	int sup_ok;    /* it began in kept text */
	int sup_space, sup_brk; /* pending space and break when it began */
	int full;     /* out reached its maximum */
	char *meta[M__N];
	char *date[DATE_RANKS];
};

/* --- text output --- */

static void out_cp(struct html *h, unsigned cp)
{
	if (h->skip || h->full)
		return;
	if (h->pre && cp < 0x80 && is_ws((int)cp)) {
		/* <pre>: line ends are breaks, spaces are kept as written */
		if (cp == '\n') {
			if (h->brk < 1)
				h->brk = 1;
			return;
		}
		if (cp == '\r' || cp == '\f')
			return;
	} else if (cp < 0x80 && is_ws((int)cp)) {
		h->space = 1;
		return;
	}
	if (h->brk) {
		if (h->out.len)
			h->full |= kz_buf_adds(&h->out, h->brk >= 2 ? "\n\n" : "\n") != 0;
		h->brk = 0;
		h->space = 0;
	} else if (h->space) {
		if (h->out.len && h->out.s[h->out.len - 1] != '\n')
			h->full |= kz_buf_addc(&h->out, ' ') != 0;
		h->space = 0;
	}
	h->full |= ex_put_clean(&h->out, cp) != 0;
}

static void out_break(struct html *h, int kind)
{
	if (h->skip)
		return;
	if (kind > h->brk)
		h->brk = kind;
	h->space = 0;
}

/* Text [s, s+n) with character references (and raw UTF-8) decoded. */
static void out_text(struct html *h, const char *s, size_t n, int refs)
{
	size_t i = 0;

	while (i < n && !h->full) {
		unsigned cp;
		size_t k;
		if (refs && s[i] == '&' && (k = entity_at(s + i, n - i, &cp)) != 0) {
			/* a NO-BREAK SPACE written as &nbsp; is a character, not markup white space */
			out_cp(h, cp);
		} else {
			k = ex_utf8_get(s + i, n - i, &cp);
			out_cp(h, cp);
		}
		i += k;
	}
}

/* --- element kinds --- */

static int in_list(const char *name, const char *const *list)
{
	for (; *list; list++)
		if (!strcmp(name, *list))
			return 1;
	return 0;
}

static const char *const raw_elems[] = {"script", "style", "textarea", "title", "xmp", "iframe",
					"noembed", "noframes", NULL};
static const char *const skip_elems[] = {"nav", "header", "footer", "aside", "noscript", "template",
					 "svg", "math", "button", "select", "object", NULL};
static const char *const soft_skip[] = {"nav", "header", "footer", "aside", NULL};
static const char *const block_elems[] = {
	"address", "article", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
	"dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "form", "h1", "h2", "h3", "h4",
	"h5", "h6", "hgroup", "hr", "html", "legend", "li", "main", "menu", "ol", "p", "pre",
	"section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "option",
	"nav", "header", "footer", "aside", "head", NULL};

static int skipped(const struct html *h, const char *name)
{
	if (!in_list(name, skip_elems))
		return 0;
	return !(h->noskip && in_list(name, soft_skip));
}

/* --- metadata --- */

static void keep(char **slot, const char *v, size_t n)
{
	char *s;

	if (*slot)
		return; /* the first occurrence wins */
	s = attr_decode(v, n);
	ex_meta_set_str(slot, s);
	free(s);
}

static int attr_is(const struct tag *t, int a, const char *v)
{
	return t->av[a] && t->al[a] == strlen(v) && !strncasecmp(t->av[a], v, t->al[a]);
}

static void meta_tag(struct html *h, const struct tag *t)
{
	static const char *const date_keys[DATE_RANKS][8] = {
		{"article:published_time", "og:published_time", "datepublished", "citation_publication_date",
		 "dcterms.issued", "dc.date.issued", NULL},
		{"date", "dc.date", "dcterms.date", "dc.date.created", "dcterms.created", "pubdate",
		 "publishdate", NULL},
		{"citation_date", "sailthru.date", "parsely-pub-date", "publish-date", "article.published", NULL},
		{"article:modified_time", "datemodified", "last-modified", "dc.date.modified", NULL},
	};
	int key = t->av[A_PROPERTY] ? A_PROPERTY : t->av[A_NAME] ? A_NAME : A_ITEMPROP;
	const char *v = t->av[A_CONTENT];
	size_t vl = t->al[A_CONTENT];

	if (!t->av[key] || !v)
		return;
	if (attr_is(t, key, "og:title"))
		keep(&h->meta[M_TITLE_OG], v, vl);
	else if (attr_is(t, key, "dc.title") || attr_is(t, key, "citation_title") ||
		 attr_is(t, key, "dcterms.title"))
		keep(&h->meta[M_TITLE_DC], v, vl);
	else if (attr_is(t, key, "og:site_name"))
		keep(&h->meta[M_PUB_OG], v, vl);
	else if (attr_is(t, key, "dc.publisher") || attr_is(t, key, "citation_publisher") ||
		 attr_is(t, key, "dcterms.publisher") || attr_is(t, key, "publisher"))
		keep(&h->meta[M_PUB_DC], v, vl);
	else if (attr_is(t, key, "author") || attr_is(t, key, "dc.creator") ||
		 attr_is(t, key, "article:author") || attr_is(t, key, "citation_author"))
		keep(&h->meta[M_AUTHOR], v, vl);
	else if (attr_is(t, key, "og:url"))
		keep(&h->meta[M_URL_OG], v, vl);
	else
		for (int r = 0; r < DATE_RANKS; r++)
			for (int k = 0; date_keys[r][k]; k++)
				if (attr_is(t, key, date_keys[r][k]))
					keep(&h->date[r], v, vl);
}

/* --- the tokenizer --- */

/* Find "</name" (any case) followed by space, '/' or '>' from h->i; returns its offset or n. */
static size_t find_end_tag(const struct html *h, const char *name)
{
	size_t l = strlen(name), i;

	for (i = h->i; i + 2 + l <= h->n; i++) {
		if (h->s[i] != '<' || h->s[i + 1] != '/' || strncasecmp(h->s + i + 2, name, l))
			continue;
		if (i + 2 + l == h->n || is_ws(h->s[i + 2 + l]) || h->s[i + 2 + l] == '>' ||
		    h->s[i + 2 + l] == '/')
			return i;
	}
	return h->n;
}

/* Skip past the next '>' from h->i (or to the end). */
static void skip_to_gt(struct html *h)
{
	const char *p = memchr(h->s + h->i, '>', h->n - h->i);
	h->i = p ? (size_t)(p - h->s) + 1 : h->n;
}

/* Parse a tag whose '<' is at h->i; advances past it and fills t. */
static void read_tag(struct html *h, struct tag *t)
{
	size_t i = h->i + 1, l = 0;

	memset(t, 0, sizeof(*t));
	if (i < h->n && h->s[i] == '/') {
		t->end = 1;
		i++;
	}
	while (i < h->n && !is_ws(h->s[i]) && h->s[i] != '>' && h->s[i] != '/') {
		int c = h->s[i];
		if (l + 1 < sizeof(t->name))
			t->name[l] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
		l++;
		i++;
	}
	if (l + 1 > sizeof(t->name))
		t->name[0] = '\0'; /* too long to be an element we know */
	else
		t->name[l] = '\0';
	/* attributes */
	while (i < h->n && h->s[i] != '>') {
		size_t ns, nl, vs = 0, vl = 0;
		int has_v = 0;
		if (is_ws(h->s[i]) || h->s[i] == '/') {
			if (h->s[i] == '/' && i + 1 < h->n && h->s[i + 1] == '>')
				t->self = 1;
			i++;
			continue;
		}
		ns = i;
		while (i < h->n && !is_ws(h->s[i]) && h->s[i] != '>' && h->s[i] != '=' &&
		       !(h->s[i] == '/' && i > ns))
			i++;
		if (i == ns)
			i++; /* a stray '=' */
		nl = i - ns;
		while (i < h->n && is_ws(h->s[i]))
			i++;
		if (i < h->n && h->s[i] == '=') {
			i++;
			while (i < h->n && is_ws(h->s[i]))
				i++;
			has_v = 1;
			if (i < h->n && (h->s[i] == '"' || h->s[i] == '\'')) {
				const char *q = memchr(h->s + i + 1, h->s[i], h->n - i - 1);
				vs = i + 1;
				vl = q ? (size_t)(q - (h->s + vs)) : h->n - vs;
				i = q ? (size_t)(q - h->s) + 1 : h->n;
			} else {
				vs = i;
				while (i < h->n && !is_ws(h->s[i]) && h->s[i] != '>')
					i++;
				vl = i - vs;
			}
		}
		if (!has_v)
			continue;
		for (int a = 0; a < A__N; a++)
			if (nl == strlen(attr_names[a]) && !strncasecmp(h->s + ns, attr_names[a], nl) &&
			    !t->av[a]) {
				t->av[a] = h->s + vs;
				t->al[a] = vl;
			}
	}
	h->i = i < h->n ? i + 1 : h->n;
}

/* Is the text of a <sup> a footnote marker ("12", "[3]", "*", "†", "1, 4")? */
static int footnote_marker(const char *s, size_t n)
{
	size_t i, d = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (is_digit(c))
			d++;
		else if (!(c == '[' || c == ']' || c == '(' || c == ')' || c == ',' || c == ' ' || c == '*' ||
			   c == '-' || c == 0xE2 || c == 0x80 || c == 0xA0 || c == 0xA1 || c == 0x93))
			return 0; /* also allows † (E2 80 A0), ‡ (E2 80 A1), – (E2 80 93) */
	}
	return n > 0 && n <= 24;
}

static void on_tag(struct html *h, const struct tag *t)
{
	const char *nm = t->name;

	if (!nm[0])
		return;
	if (!t->end && !strcmp(nm, "meta")) {
		meta_tag(h, t);
		return;
	}
	if (!t->end && !strcmp(nm, "link") && t->av[A_HREF] && attr_is(t, A_REL, "canonical")) {
		keep(&h->meta[M_URL_CANON], t->av[A_HREF], t->al[A_HREF]);
		return;
	}
	if (!strcmp(nm, "br")) {
		out_break(h, 1);
		return;
	}
	if (!strcmp(nm, "sup")) {
		if (!t->end && !t->self) {
			if (h->sup++ == 0) {
				h->sup_ok = !h->skip && !h->full;
				h->sup_at = h->out.len;
				h->sup_space = h->space;
				h->sup_brk = h->brk;
			}
		} else if (t->end && h->sup > 0 && --h->sup == 0 && h->sup_ok && !h->skip &&
			   h->sup_at <= h->out.len &&
			   footnote_marker(h->out.s ? h->out.s + h->sup_at : "", h->out.len - h->sup_at)) {
			/* a footnote marker: drop it so "Prozent<sup>165</sup>" does not read "Prozent165" */
			h->out.len = h->sup_at;
			if (h->out.s)
				h->out.s[h->out.len] = '\0';
			if (h->brk < h->sup_brk)
				h->brk = h->sup_brk;
			h->space |= h->sup_space;
		}
		return;
	}
	if (in_list(nm, block_elems))
		out_break(h, 2);
	if (!strcmp(nm, "pre")) {
		if (!t->end)
			h->pre++;
		else if (h->pre > 0)
			h->pre--;
	}
	if (skipped(h, nm) && !t->self) {
		if (!t->end)
			h->skip++;
		else if (h->skip > 0)
			h->skip--;
		h->space = 0;
	}
}

/* Content of a raw-text element (script, style, title, ...) opened just before h->i. */
static void raw_text(struct html *h, const char *name)
{
	size_t e = find_end_tag(h, name);

	if (!strcmp(name, "title")) {
		keep(&h->meta[M_TITLE_TAG], h->s + h->i, e - h->i);
	} else if (!strcmp(name, "textarea") && !h->skip) {
		out_break(h, 2);
		out_text(h, h->s + h->i, e - h->i, 1);
		out_break(h, 2);
	}
	h->i = e;
	if (e < h->n)
		skip_to_gt(h);
}

static void tokenize(struct html *h)
{
	while (h->i < h->n && !h->full) {
		const char *s = h->s + h->i;
		size_t left = h->n - h->i;
		const char *lt = memchr(s, '<', left);
		size_t run = lt ? (size_t)(lt - s) : left;

		if (run) {
			out_text(h, s, run, 1);
			h->i += run;
			continue;
		}
		/* at '<' */
		if (left >= 4 && !strncmp(s, "<!--", 4)) {
			size_t j = h->i + 4;
			if (j < h->n && s[4] == '>') {
				h->i = j + 1; /* "<!-->" */
				continue;
			}
			for (; j + 3 <= h->n; j++)
				if (h->s[j] == '-' && h->s[j + 1] == '-' && h->s[j + 2] == '>')
					break;
			h->i = j + 3 <= h->n ? j + 3 : h->n;
		} else if (left >= 9 && !strncmp(s, "<![CDATA[", 9)) {
			size_t j = h->i + 9;
			for (; j + 3 <= h->n; j++)
				if (h->s[j] == ']' && h->s[j + 1] == ']' && h->s[j + 2] == '>')
					break;
			if (j + 3 > h->n)
				j = h->n;
			out_text(h, h->s + h->i + 9, j - h->i - 9, 0);
			h->i = j + 3 <= h->n ? j + 3 : h->n;
		} else if (left >= 2 && (s[1] == '!' || s[1] == '?')) {
			skip_to_gt(h);
		} else if (left >= 2 && (is_alpha(s[1]) || (s[1] == '/' && left >= 3 && is_alpha(s[2])))) {
			struct tag t;
			read_tag(h, &t);
			on_tag(h, &t);
			if (!t.end && !t.self && in_list(t.name, raw_elems))
				raw_text(h, t.name);
		} else if (left >= 2 && s[1] == '/') {
			skip_to_gt(h); /* "</>" or "</ junk>": a bogus comment */
		} else {
			out_cp(h, '<');
			h->i++;
		}
	}
}

/* Was a legacy single-byte charset declared in the first bytes? */
static int declares_latin(const char *raw, size_t len)
{
	size_t lim = len < 4096 ? len : 4096;

	for (size_t i = 0; i + 8 < lim; i++) {
		if (strncasecmp(raw + i, "charset=", 8))
			continue;
		i += 8;
		while (i < lim && (raw[i] == '"' || raw[i] == '\'' || raw[i] == ' '))
			i++;
		return (lim - i >= 7 && !strncasecmp(raw + i, "windows", 7)) ||
		       (lim - i >= 3 && !strncasecmp(raw + i, "iso", 3)) ||
		       (lim - i >= 6 && !strncasecmp(raw + i, "latin1", 6)) ||
		       (lim - i >= 5 && !strncasecmp(raw + i, "cp125", 5));
	}
	return 0;
}

static void take(char **dst, char **src)
{
	if (*src && !*dst) {
		*dst = *src;
		*src = NULL;
	}
}

int ex_load_html(struct ex_doc *d, const char *path, struct kz_err *err)
{
	char *raw;
	size_t len;
	int rc = kz_read_file(path, EX_LOAD_MAX, &raw, &len, err);

	return rc ? rc : ex_load_html_bytes(d, path, raw, len, err);
}

int ex_load_html_bytes(struct ex_doc *d, const char *path, char *raw, size_t len, struct kz_err *err)
{
	struct html h;
	char *text;
	size_t tlen;
	int rc, cp1252 = 0;

	if (len == 0) {
		free(raw);
		return kz_err_set(err, KZ_EINPUT, path, 0, "empty file");
	}
	text = ex_text_decode(raw, len, path, &tlen, &cp1252, err);
	if (cp1252 && !declares_latin(raw, len))
		d->warned_cp1252 = 1;
	free(raw);
	if (!text)
		return KZ_EINPUT;

	memset(&h, 0, sizeof(h));
	h.s = text;
	h.n = tlen;
	kz_buf_init(&h.out, EX_LOAD_MAX);
	tokenize(&h);
	if (!h.full && h.out.len == 0 && h.skip) {
		/* an unclosed <header> or <nav> swallowed the page: read it again keeping their text */
		kz_buf_reset(&h.out);
		h.i = 0;
		h.skip = h.pre = h.sup = h.sup_ok = h.space = h.brk = 0;
		h.noskip = 1;
		tokenize(&h);
	}
	free(text);
	if (h.full) {
		kz_buf_release(&h.out);
		rc = kz_err_set(err, KZ_EINPUT, path, 0, "document text exceeds %u MiB",
				(unsigned)(EX_LOAD_MAX >> 20));
		goto out;
	}
	if (h.out.len == 0) {
		kz_buf_release(&h.out);
		rc = kz_err_set(err, KZ_EINPUT, path, 0, "no text in html page");
		goto out;
	}
	kz_buf_addc(&h.out, '\n');
	d->text = kz_buf_detach(&h.out, &d->len);

	take(&d->meta.title, &h.meta[M_TITLE_OG]);
	take(&d->meta.title, &h.meta[M_TITLE_DC]);
	take(&d->meta.title, &h.meta[M_TITLE_TAG]);
	take(&d->meta.publisher, &h.meta[M_PUB_OG]);
	take(&d->meta.publisher, &h.meta[M_PUB_DC]);
	if (h.meta[M_AUTHOR] && strncmp(h.meta[M_AUTHOR], "http", 4))
		take(&d->meta.publisher, &h.meta[M_AUTHOR]);
	take(&d->meta.url, &h.meta[M_URL_OG]);
	take(&d->meta.url, &h.meta[M_URL_CANON]);
	for (int r = 0; r < DATE_RANKS; r++)
		if (h.date[r] && ex_meta_date_from(&d->meta, h.date[r]))
			break;
	rc = 0;
out:
	for (int k = 0; k < M__N; k++)
		free(h.meta[k]);
	for (int r = 0; r < DATE_RANKS; r++)
		free(h.date[r]);
	return rc;
}

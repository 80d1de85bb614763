/* names.c: the vocabulary of findings (kinds, severities), default options and the words explanations are made of. */
#include "stats_int.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const char *const kind_names[ST_K__N] = {"conflict", "drift", "currency", "arithmetic",
						"outlier", "claim"};
static const char *const sev_names[ST_SEV__N] = {"info", "warning", "error"};

const char *st_kind_name(enum st_kind k)
{
	return (unsigned)k < ST_K__N ? kind_names[k] : "conflict";
}

const char *st_sev_name(enum st_sev s)
{
	return (unsigned)s < ST_SEV__N ? sev_names[s] : "info";
}

int st_kind_parse(const char *s)
{
	for (int i = 0; i < ST_K__N; i++)
		if (!strcmp(s, kind_names[i]))
			return i;
	return -1;
}

int st_kinds_parse(const char *s, unsigned *mask)
{
	char word[32];
	size_t n;

	*mask = 0;
	while (*s) {
		n = strcspn(s, ",");
		if (n == 0 || n >= sizeof(word))
			return -1;
		memcpy(word, s, n);
		word[n] = '\0';
		if (!strcmp(word, "all")) {
			*mask |= (1u << ST_K__N) - 1;
		} else {
			int k = st_kind_parse(word);
			if (k < 0)
				return -1;
			*mask |= 1u << k;
		}
		s += n;
		if (*s == ',') {
			s++;
			if (!*s)
				return -1;
		}
	}
	return *mask ? 0 : -1;
}

void st_options_init(struct st_options *o)
{
	o->lang = ST_LANG_DE;
	o->fx_tol = 0.05;
	o->change_tol = 0.05;
	o->share_tol = 1.0;
	o->outlier_z = 3.5;
	o->outlier_rel = 0.25;
	o->alpha = 0.05;
}

struct label {
	int ind;
	const char *detail, *de, *en;
};
/* Most specific first: (indicator, detail), then the indicator alone (detail NULL). */
static const struct label labels[] = {
	{KZ_I_TROOPS, "stationed", "Stationierte Truppen", "Troops stationed"},
	{KZ_I_TROOPS, "armed_forces", "Streitkräfte", "Armed forces"},
	{KZ_I_TROOPS, "exercise", "Manövertruppen", "Exercise troops"},
	{KZ_I_TROOPS, "floor", "Truppenuntergrenze", "Troop floor"},
	{KZ_I_TROOPS, NULL, "Truppenstärke", "Troop strength"},
	{KZ_I_TRADE_SHARE, "exports", "Exportanteil", "Export share"},
	{KZ_I_TRADE_SHARE, "imports", "Importanteil", "Import share"},
	{KZ_I_TRADE_SHARE, "arms_imports", "Anteil an Rüstungsimporten", "Share of arms imports"},
	{KZ_I_TRADE_SHARE, NULL, "Handelsanteil", "Trade share"},
	{KZ_I_BUDGET, "defense_budget", "Verteidigungshaushalt", "Defence budget"},
	{KZ_I_BUDGET, "host_nation_support", "Stationierungskostenbeitrag", "Host-nation support"},
	{KZ_I_BUDGET, "military_exports", "Rüstungsexporte", "Military exports"},
	{KZ_I_BUDGET, NULL, "Betrag", "Amount"},
	{KZ_I_GDP_SHARE, NULL, "Anteil am BIP", "Share of GDP"},
	{KZ_I_COST_SHARE, NULL, "Kostenanteil", "Cost share"},
	{KZ_I_CHANGE, NULL, "Veränderung", "Change"},
	{KZ_I_OTHER, NULL, "Angabe", "Figure"},
};

const char *st_fact_label(enum kz_ind ind, const char *detail, enum st_lang lang)
{
	for (size_t i = 0; i < sizeof(labels) / sizeof(labels[0]); i++)
		if (labels[i].ind == (int)ind && (!labels[i].detail || !strcmp(labels[i].detail, detail)))
			return lang == ST_LANG_EN ? labels[i].en : labels[i].de;
	return lang == ST_LANG_EN ? "Figure" : "Angabe";
}

static const struct {
	const char *code, *de, *en;
} countries[] = {
	{"US", "USA", "US"},	       {"KR", "Südkorea", "South Korea"}, {"KP", "Nordkorea", "North Korea"},
	{"JP", "Japan", "Japan"},      {"CN", "China", "China"},	  {"TW", "Taiwan", "Taiwan"},
	{"RU", "Russland", "Russia"},  {"UA", "Ukraine", "Ukraine"},	  {"DE", "Deutschland", "Germany"},
	{"FR", "Frankreich", "France"}, {"GB", "Großbritannien", "UK"},	  {"PL", "Polen", "Poland"},
	{"IT", "Italien", "Italy"},    {"IQ", "Irak", "Iraq"},		  {"AF", "Afghanistan", "Afghanistan"},
	{"IN", "Indien", "India"},     {"AU", "Australien", "Australia"}, {"PH", "Philippinen", "Philippines"},
	{"VN", "Vietnam", "Vietnam"},  {"TR", "Türkei", "Turkey"},	  {"IL", "Israel", "Israel"},
	{"IR", "Iran", "Iran"},	       {"NATO", "NATO", "NATO"},	  {"EU", "EU", "EU"},
};

const char *st_country_name(const char *code, enum st_lang lang)
{
	for (size_t i = 0; i < sizeof(countries) / sizeof(countries[0]); i++)
		if (!strcmp(countries[i].code, code))
			return lang == ST_LANG_EN ? countries[i].en : countries[i].de;
	return code;
}

/* Has the label table a row for exactly this indicator and detail? */
static int labelled(enum kz_ind ind, const char *detail)
{
	for (size_t i = 0; i < sizeof(labels) / sizeof(labels[0]); i++)
		if (labels[i].ind == (int)ind && labels[i].detail && !strcmp(labels[i].detail, detail))
			return 1;
	return 0;
}

void st_fact_phrase(struct kz_buf *b, const struct kz_claim *c, const char *year, enum st_lang lang)
{
	if (*c->detail && !labelled(c->ind, c->detail) && c->ind != KZ_I_CHANGE) {
		/* "Beschaffung Deutschland", not "Betrag Deutschland": the detail's own words */
		char w[96];
		kz_detail_words(w, sizeof w, c->detail, lang == ST_LANG_EN);
		if (w[0] >= 'a' && w[0] <= 'z')
			w[0] = (char)(w[0] - 'a' + 'A');
		kz_buf_adds(b, w);
	} else {
		kz_buf_adds(b, st_fact_label(c->ind, c->detail, lang));
	}
	if (*c->subject) {
		kz_buf_addc(b, ' ');
		kz_buf_adds(b, st_country_name(c->subject, lang));
	}
	if (*c->partner) {
		kz_buf_adds(b, " → ");
		kz_buf_adds(b, st_country_name(c->partner, lang));
	}
	if (year && *year) {
		kz_buf_addc(b, ' ');
		kz_buf_adds(b, year);
	}
}

const char *st_basename(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

void st_fmt_num(char *dst, size_t n, double v, enum st_lang lang)
{
	double a = fabs(v);
	int prec = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
	char *p;

	if (kz_fmt_huge(dst, n, v, lang == ST_LANG_DE ? ',' : '.'))
		return; /* not 298 digits: "1,2·10²⁹⁸" */
	snprintf(dst, n, "%.*f", prec, v);
	/* trailing zeros after the decimal point carry no information here */
	if (prec > 0 && (p = strchr(dst, '.'))) {
		char *e = dst + strlen(dst) - 1;
		while (e > p && *e == '0')
			*e-- = '\0';
		if (e == p)
			*e = '\0';
		else if (lang == ST_LANG_DE)
			*p = ',';
	}
}

void st_fmt_pct(char *dst, size_t n, double pct, enum st_lang lang)
{
	char num[64];

	if (!(fabs(pct) < ST_PCT_MAX)) { /* also inf and nan: a difference beyond counting */
		snprintf(dst, n, "%s", lang == ST_LANG_DE ? "über 100.000 %" : "over 100,000%");
		return;
	}
	pct = fabs(pct) >= 100 ? round(pct) : round(pct * 10) / 10;
	st_fmt_num(num, sizeof(num), pct, lang);
	snprintf(dst, n, lang == ST_LANG_DE ? "%s %%" : "%s%%", num);
}

/* v in English digits: thousands grouped with ",", as many decimals (at most 4) as keep it to six
 * significant digits, none trailing. */
static void fmt_en(char *dst, size_t n, double v)
{
	char raw[64], out[96];
	const char *p = raw, *dot;
	size_t o = 0, intlen;
	int d;

	if (kz_fmt_huge(dst, n, v, '.'))
		return;
	for (d = 0; d < 4; d++) {
		double k = pow(10, d);
		if (fabs(round(v * k) / k - v) <= fabs(v) * 5e-6)
			break;
	}
	snprintf(raw, sizeof raw, "%.*f", d, v);
	if (*p == '-')
		out[o++] = *p++;
	dot = strchr(p, '.');
	intlen = dot ? (size_t)(dot - p) : strlen(p);
	for (size_t i = 0; i < intlen && o < sizeof out - 2; i++) {
		out[o++] = p[i];
		if (intlen >= 4 && (intlen - 1 - i) > 0 && (intlen - 1 - i) % 3 == 0)
			out[o++] = ',';
	}
	for (p = dot; p && *p && o < sizeof out - 1; p++)
		out[o++] = *p;
	out[o] = '\0';
	snprintf(dst, n, "%s", out);
}

void st_fmt_value_en(char *dst, size_t n, double v, const char *unit)
{
	char num[96];

	if (!unit)
		unit = "";
	if (st_is_money(unit)) { /* "JPY 6.8 tn", as the English sheet writes an amount */
		double a = fabs(v), div = a >= 1e12 && a < 1e15 ? 1e12 : a >= 1e9 && a < 1e15 ? 1e9 : a >= 1e6 && a < 1e15 ? 1e6 : 1;
		const char *w = div == 1e12 ? " tn" : div == 1e9 ? " bn" : div == 1e6 ? " m" : "";
		fmt_en(num, sizeof num, v / div);
		snprintf(dst, n, "%s %s%s", unit, num, w);
		return;
	}
	fmt_en(num, sizeof num, v);
	if (!strcmp(unit, "percent"))
		snprintf(dst, n, "%s%%", num);
	else if (!strcmp(unit, "points"))
		snprintf(dst, n, "%s pp", num);
	else if (!strcmp(unit, "km"))
		snprintf(dst, n, "%s km", num);
	else if (!strcmp(unit, "factor"))
		snprintf(dst, n, "%s\xc3\x97", num);
	else
		snprintf(dst, n, "%s", num);
}

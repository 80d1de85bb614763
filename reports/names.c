/* names.c: the words a fact sheet uses — country and fact names, qualifiers, statuses, kinds of
 * finding, years, dates — and plain text from a quote. */
#include "reports_int.h"

#include <stdlib.h>
#include <string.h>

struct country {
	const char *code, *de, *en, *adj_en; /* adj_en: "German troops", not "Germany troops" */
	char gender; /* of the German name: 'n' no article (Japan), 'f' die Ukraine, 'm' der Irak, 'p' die USA */
};

static const struct country countries[] = {
	{"US", "USA", "United States", "US", 'p'},          {"JP", "Japan", "Japan", "Japanese", 'n'},
	{"KR", "Südkorea", "South Korea", "South Korean", 'n'}, {"KP", "Nordkorea", "North Korea", "North Korean", 'n'},
	{"CN", "China", "China", "Chinese", 'n'},           {"DE", "Deutschland", "Germany", "German", 'n'},
	{"RU", "Russland", "Russia", "Russian", 'n'},       {"UA", "Ukraine", "Ukraine", "Ukrainian", 'f'},
	{"PL", "Polen", "Poland", "Polish", 'n'},           {"EE", "Estland", "Estonia", "Estonian", 'n'},
	{"LT", "Litauen", "Lithuania", "Lithuanian", 'n'},  {"LV", "Lettland", "Latvia", "Latvian", 'n'},
	{"FR", "Frankreich", "France", "French", 'n'},      {"GB", "Großbritannien", "United Kingdom", "British", 'n'},
	{"IT", "Italien", "Italy", "Italian", 'n'},         {"IQ", "Irak", "Iraq", "Iraqi", 'm'},
	{"AF", "Afghanistan", "Afghanistan", "Afghan", 'n'}, {"TW", "Taiwan", "Taiwan", "Taiwanese", 'n'},
	{"IN", "Indien", "India", "Indian", 'n'},           {"AU", "Australien", "Australia", "Australian", 'n'},
	{"PH", "Philippinen", "Philippines", "Philippine", 'p'}, {"VN", "Vietnam", "Vietnam", "Vietnamese", 'n'},
	{"IR", "Iran", "Iran", "Iranian", 'm'},             {"IL", "Israel", "Israel", "Israeli", 'n'},
	{"TR", "Türkei", "Turkey", "Turkish", 'f'},         {"NATO", "NATO", "NATO", "NATO", 'f'},
	{"EU", "EU", "EU", "EU", 'f'},                      {NULL, NULL, NULL, NULL, 0},
};

static const struct country *country_of(const char *code)
{
	for (const struct country *c = countries; c->code; c++)
		if (!strcmp(c->code, code))
			return c;
	return NULL;
}

/* A German country name in a case, as a label says it: after a noun, the genitive ("Beitrag
 * Südkoreas", "Streitkräfte der Ukraine", "des Irak"); after "in", "aus" or "an", the article
 * the name takes ("in den USA", "im Irak", "aus der Türkei", "an die USA"). A name the table
 * lacks (a code) stands as it is. */
enum de_case { DE_GEN, DE_IN, DE_AUS, DE_AN };

static const char *de_case(char *b, size_t n, const char *code, enum de_case k)
{
	static const char *const prep[] = {"", "in", "aus", "an"};
	/* the article per gender: genitive, then after in, aus, an */
	static const char *const art[4][4] = {
		/* (a no-break space keeps the article with its name when a label wraps) */
		/* n */ {"", "", "", ""},
		/* f */ {"der\xc2\xa0", "der\xc2\xa0", "der\xc2\xa0", "die\xc2\xa0"},
		/* m */ {"des\xc2\xa0", "dem\xc2\xa0", "dem\xc2\xa0", "den\xc2\xa0"},
		/* p */ {"der\xc2\xa0", "den\xc2\xa0", "den\xc2\xa0", "die\xc2\xa0"},
	};
	const struct country *c = country_of(code);
	const char *name = rp_country(code, PL_DE);
	int g = !c ? 0 : c->gender == 'f' ? 1 : c->gender == 'm' ? 2 : c->gender == 'p' ? 3 : 0;
	size_t len = strlen(name);

	if (k == DE_GEN && g == 0 && c) {
		/* "Japans", "Südkoreas"; a name ending in a hissing sound takes "von" */
		if (len && strchr("sxz", name[len - 1]))
			snprintf(b, n, "von %s", name);
		else
			snprintf(b, n, "%ss", name);
	} else if (k == DE_GEN) {
		snprintf(b, n, "%s%s", c ? art[g][0] : "", name);
	} else if (k == DE_IN && g == 2) {
		snprintf(b, n, "im\xc2\xa0%s", name); /* in dem → im */
	} else {
		snprintf(b, n, "%s %s%s", prep[k], c ? art[g][k] : "", name);
	}
	return b;
}

/* The English adjective of a country's name ("German"), or NULL when the table has none. */
static const char *country_adj_en(const char *code)
{
	const struct country *c = country_of(code);

	return c ? c->adj_en : NULL;
}

const char *rp_country(const char *code, enum pl_lang lang)
{
	const struct country *c = country_of(code);

	if (c)
		return lang == PL_DE ? c->de : c->en;
	return *code ? code : (lang == PL_DE ? "ohne Land" : "no country");
}

void rp_fact_name(char *dst, size_t n, enum kz_ind ind, const char *detail, const char *subject,
		  const char *partner, enum pl_lang lang)
{
	const char *s = rp_country(subject, lang), *p = rp_country(partner, lang);
	int de = lang == PL_DE, hasp = *partner != '\0';
	char dw[96], sg[80], pin[80], paus[80], pan[80];

	/* German labels inflect: "Streitkräfte Südkoreas", "US-Truppen im Irak", "Beitrag Japans an die USA" */
	de_case(sg, sizeof sg, subject, DE_GEN);
	de_case(pin, sizeof pin, partner, DE_IN);
	de_case(paus, sizeof paus, partner, DE_AUS);
	de_case(pan, sizeof pan, partner, DE_AN);

	kz_detail_words(dw, sizeof dw, detail, lang != PL_DE);
	/* "Truppen Nordkorea in Russland (Teilkontingent)": troops at a place inside the country, or a
	 * part a clause takes from a total, are named as their whole and marked as a part of it */
	{
		int parted;
		size_t bl = kz_detail_base(detail, NULL, &parted);
		if (ind == KZ_I_TROOPS && parted && bl < 64) {
			char base[64];
			size_t k;
			snprintf(base, sizeof base, "%.*s", (int)bl, detail);
			rp_fact_name(dst, n, ind, base, subject, partner, lang);
			k = strlen(dst);
			if (k < n)
				snprintf(dst + k, n - k, "%s", de ? " (Teilkontingent)" : " (part of the force)");
			return;
		}
	}

	switch (ind) {
	case KZ_I_TROOPS:
		if (!strcmp(detail, "branch") || !strcmp(detail, "floor")) {
			/* names, never codes: "US-Truppen in Japan", "Truppen Japan" — no "JP-Truppen in ?" */
			char who[192];
			int us = !strcmp(subject, "US");
			if (de)
				snprintf(who, sizeof who, "%s%s%s%s", us ? "US-Truppen" : "Truppen ", us ? "" : sg,
					 hasp ? " " : "", hasp ? pin : "");
			else
				snprintf(who, sizeof who, "%s troops%s%s", us ? "US" : s, hasp ? " in " : "", hasp ? p : "");
			if (!strcmp(detail, "branch"))
				snprintf(dst, n, de ? "%s: eine Teilstreitkraft" : "%s: one branch", who);
			else
				snprintf(dst, n, de ? "Mindeststärke %s (Gesetz)" : "Legal floor, %s", who);
		}
		else if (!strcmp(detail, "exercise"))
			snprintf(dst, n, de ? "Truppen %s bei Manövern%s%s" : "%s troops in exercises%s%s", de ? sg : s,
				 hasp ? (de ? " " : " in ") : "", hasp ? (de ? pin : p) : "");
		else if (!strcmp(detail, "sent"))
			snprintf(dst, n, de ? "Entsandte Truppen %s%s%s" : "Troops sent by %s%s%s", de ? sg : s, hasp ? " → " : "",
				 hasp ? p : "");
		else if (!strcmp(detail, "relocation") || !strcmp(detail, "withdrawal"))
		{
			/* "Abzug von US-Truppen aus Deutschland", not "US-Truppen in Deutschland" */
			int wd = !strcmp(detail, "withdrawal");
			const char *dn = wd ? "Abzug" : "Verlegung", *en = wd ? "Withdrawal" : "Relocation";
			if (de && !strcmp(subject, "US"))
				snprintf(dst, n, "%s von US-Truppen%s%s", dn, hasp ? " " : "", hasp ? paus : "");
			else if (de)
				snprintf(dst, n, "%s von Truppen %s%s%s", dn, sg, hasp ? " " : "", hasp ? paus : "");
			else
				snprintf(dst, n, "%s of %s troops%s%s", en, country_adj_en(subject) ? country_adj_en(subject) : s,
					 hasp ? " from " : "", hasp ? p : "");
		}
		else if (!strcmp(detail, "stationed_active") && hasp)
			/* beside the official strength, the count of active soldiers says it is one */
			snprintf(dst, n, de ? "%s %s, nur aktive Soldaten" : "%s troops in %s, active duty only",
				 !strcmp(subject, "US") ? (de ? "US-Truppen" : "US") : s, de ? pin : p);
		else if (!strcmp(detail, "armed_forces") || (!hasp && !strcmp(detail, "")))
			snprintf(dst, n, de ? "Streitkräfte %s" : "Armed forces, %s", de ? sg : s);
		else if (!strcmp(subject, "US") && hasp)
			snprintf(dst, n, de ? "US-Truppen %s" : "US troops in %s", de ? pin : p);
		else if (hasp && !de && country_adj_en(subject))
			snprintf(dst, n, "%s troops in %s", country_adj_en(subject), p);
		else if (hasp)
			snprintf(dst, n, de ? "Truppen %s %s" : "Troops of %s in %s", de ? sg : s, de ? pin : p);
		else
			snprintf(dst, n, de ? "Truppen %s (%s)" : "%s troops (%s)", de ? sg : s, dw);
		break;
	case KZ_I_BUDGET:
		if (!strcmp(detail, "defense_budget"))
			snprintf(dst, n, de ? "Verteidigungshaushalt %s" : "Defence budget, %s", de ? sg : s);
		else if (!strcmp(detail, "host_nation_support") || !strcmp(detail, "host_nation_support_per_year"))
			snprintf(dst, n, de ? "Stationierungskosten%s: Beitrag %s%s%s" : "Host-nation support%s, %s%s%s",
				 strcmp(detail, "host_nation_support") ? (de ? " pro Jahr" : " a year") : "", de ? sg : s,
				 hasp ? (de ? " " : " to ") : "", hasp ? (de ? pan : p) : "");
		else if (!strcmp(detail, "special_fund"))
			snprintf(dst, n, de ? "Sondervermögen %s" : "Special fund, %s", de ? sg : s);
		else if (!strcmp(detail, "military_exports"))
			snprintf(dst, n, de ? "Rüstungsexporte %s" : "Arms exports, %s", de ? sg : s);
		else if (!strcmp(detail, "demand"))
			snprintf(dst, n, de ? "Geforderter Beitrag %s%s%s" : "Payment demanded of %s%s%s", de ? sg : s,
				 hasp ? (de ? " " : " to ") : "", hasp ? (de ? pan : p) : "");
		else if (!strcmp(detail, "arms_deal"))
			snprintf(dst, n, de ? "Rüstungsgeschäft %s%s%s" : "Arms deal, %s%s%s", s, hasp ? " – " : "",
				 hasp ? p : "");
		else if (*detail) {
			if (dw[0] >= 'a' && dw[0] <= 'z')
				dw[0] = (char)(dw[0] - 'a' + 'A'); /* it opens the row's label */
			snprintf(dst, n, de ? "%s %s%s%s" : "%s, %s%s%s", dw, de ? sg : s, hasp ? " → " : "", hasp ? p : "");
		}
		else /* no detail: money of a kind the text does not say, not "the defence budget" */
			snprintf(dst, n, de ? "Ausgaben %s%s%s" : "Spending, %s%s%s", de ? sg : s, hasp ? " → " : "", hasp ? p : "");
		break;
	case KZ_I_GDP_SHARE:
		if (!strcmp(detail, "host_nation_support"))
			snprintf(dst, n, de ? "Stationierungskosten in %% des BIP: %s" : "Host-nation support, %% of GDP: %s", s);
		else if (!strcmp(detail, "target"))
			snprintf(dst, n, de ? "Ziel für Verteidigungsausgaben in %% des BIP: %s" : "Target for defence spending, %% of GDP: %s", s);
		else if (*detail && strcmp(detail, "defense_budget")) {
			/* "Verteidigung und Sicherheit in % des BIP: NATO" beside "… verteidigungsnahe Ausgaben …":
			 * the parts of a target apart from its whole; "Militärausgaben in % des BIP: Polen"
			 * (SIPRI's definition) beside NATO's defence spending */
			if (dw[0] >= 'a' && dw[0] <= 'z')
				dw[0] = (char)(dw[0] - 'a' + 'A');
			snprintf(dst, n, de ? "%s in %% des BIP: %s" : "%s, %% of GDP: %s", dw, s);
		} else
			snprintf(dst, n, de ? "Verteidigungsausgaben in %% des BIP: %s" : "Defence spending, %% of GDP: %s", s);
		break;
	case KZ_I_COST_SHARE:
		snprintf(dst, n, de ? "Anteil an den Stationierungskosten: %s" : "Share of stationing costs: %s", s);
		break;
	case KZ_I_TRADE_SHARE:
		if (!strcmp(detail, "exports"))
			snprintf(dst, n, de ? "Exportanteil %s%s%s" : "Export share %s%s%s", s, hasp ? " → " : "", hasp ? p : "");
		else if (!strcmp(detail, "imports"))
			snprintf(dst, n, de ? "Importanteil %s%s%s" : "Import share %s%s%s", s, hasp ? " ← " : "", hasp ? p : "");
		else if (*detail && strcmp(detail, "total_trade")) {
			/* a share of something narrower than trade says of what ("Rüstungsimporte: Anteil
			 * Südkorea ← USA", the US share of Korea's arms imports), never "Handelsanteil" */
			const char *arrow = strstr(detail, "import") ? " ← " : strstr(detail, "export") ? " → " : " ↔ ";
			if (dw[0] >= 'a' && dw[0] <= 'z')
				dw[0] = (char)(dw[0] - 'a' + 'A'); /* it opens the row's label */
			snprintf(dst, n, de ? "%s: Anteil %s%s%s" : "%s: share %s%s%s", dw, s, hasp ? arrow : "", hasp ? p : "");
		} else
			snprintf(dst, n, de ? "Handelsanteil %s%s%s" : "Trade share %s%s%s", s, hasp ? " ↔ " : "", hasp ? p : "");
		break;
	case KZ_I_CHANGE:
		snprintf(dst, n, de ? "Veränderung %s" : "Change, %s", s);
		break;
	default:
		snprintf(dst, n, de ? "Sonstige Angabe %s" : "Other figure, %s", s);
		break;
	}
}

const char *rp_qual_word(enum kz_qual q, enum pl_lang lang)
{
	static const char *const de[] = {"genau", "etwa", "mindestens", "höchstens", "Spanne"};
	static const char *const en[] = {"exact", "approx.", "at least", "at most", "range"};

	if ((unsigned)q >= KZ_Q__N)
		q = KZ_Q_EXACT;
	return lang == PL_DE ? de[q] : en[q];
}

const char *rp_status_word(enum kz_status st, enum pl_lang L)
{
	switch (st) {
	case KZ_S_PLAN:
		return rp_tr(L, "Plan", "plan");
	case KZ_S_TARGET:
		return rp_tr(L, "Ziel", "target");
	case KZ_S_DEMAND:
		return rp_tr(L, "Forderung", "demand");
	case KZ_S_LIMIT:
		return rp_tr(L, "Grenze", "cap or floor");
	case KZ_S_CLAIM:
		return rp_tr(L, "Behauptung", "disputed claim");
	case KZ_S_FORECAST:
		return rp_tr(L, "Prognose", "forecast");
	default:
		return rp_tr(L, "Angabe", "reported");
	}
}

const char *rp_kind_word(int kind, enum pl_lang lang, int plural)
{
	static const char *const de[][2] = {{"Konflikt", "Konflikte"},
					    {"Drift", "Driften"},
					    {"Währungsfehler", "Währungsfehler"},
					    {"Rechenfehler", "Rechenfehler"},
					    {"Ausreißer", "Ausreißer"},
					    {"Bestrittene Angabe", "Bestrittene Angaben"},
					    {"Abweichung im selben Text", "Abweichungen im selben Text"}};
	static const char *const en[][2] = {{"Conflict", "Conflicts"},
					    {"Drift", "Drifts"},
					    {"Currency error", "Currency errors"},
					    {"Arithmetic error", "Arithmetic errors"},
					    {"Outlier", "Outliers"},
					    {"Disputed claim", "Disputed claims"},
					    {"Difference within one text", "Differences within one text"}};

	if (kind < 0 || kind > RP_K_SAME_TEXT)
		kind = 0;
	return lang == PL_DE ? de[kind][plural != 0] : en[kind][plural != 0];
}

int rp_year_num(const char *y)
{
	const char *p;
	int v = 0, k;

	if (!y || !*y)
		return 0;
	/* the last run of four digits ("2016-2020" -> 2020) */
	for (p = y; *p; p++) {
		for (k = 0; k < 4 && p[k] >= '0' && p[k] <= '9'; k++)
			;
		if (k == 4 && !(p[4] >= '0' && p[4] <= '9')) {
			v = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
			if (p[4] == 's')
				v += 5;
			p += 3;
		}
	}
	return v;
}

int rp_year_width(const char *y)
{
	int a = 0, b, k;

	if (!y || !*y)
		return -1;
	for (k = 0; k < 4 && y[k] >= '0' && y[k] <= '9'; k++)
		a = a * 10 + (y[k] - '0');
	if (strchr(y, 's'))
		return 10;
	if (strchr(y, '-') && (b = rp_year_num(y)) > a)
		return b - a;
	return 0;
}

void rp_fmt_year(char *dst, size_t n, const char *y, enum pl_lang lang)
{
	const char *dash;

	if (!y || !*y) {
		snprintf(dst, n, "–");
		return;
	}
	if (rp_year_width(y) == 10 && strlen(y) == 5) { /* "1950s" */
		snprintf(dst, n, lang == PL_DE ? "%.4ser" : "%.4ss", y);
		return;
	}
	if ((dash = strchr(y, '-')) && dash > y) { /* a span: an en dash, as an editor writes it */
		snprintf(dst, n, "%.*s\xe2\x80\x93%s", (int)(dash - y), y, dash + 1);
		return;
	}
	snprintf(dst, n, "%s", y);
}

void rp_fmt_date(char *dst, size_t n, const char *d, enum pl_lang lang)
{
	static const char *const de[] = {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli",
					 "August", "September", "Oktober", "November", "Dezember"};
	static const char *const en[] = {"January", "February", "March", "April", "May", "June", "July",
					 "August", "September", "October", "November", "December"};
	int y = 0, mo = 0, day = 0, k;
	size_t len = d ? strlen(d) : 0;

	if (!len) {
		snprintf(dst, n, "–");
		return;
	}
	for (k = 0; k < 4 && d[k] >= '0' && d[k] <= '9'; k++)
		y = y * 10 + (d[k] - '0');
	if (k == 4 && len >= 7 && d[4] == '-' && d[5] >= '0' && d[5] <= '1' && d[6] >= '0' && d[6] <= '9')
		mo = (d[5] - '0') * 10 + (d[6] - '0');
	if (mo && len >= 10 && d[7] == '-' && d[8] >= '0' && d[8] <= '3' && d[9] >= '0' && d[9] <= '9')
		day = (d[8] - '0') * 10 + (d[9] - '0');
	if (k != 4 || mo > 12 || day > 31 || (len != 4 && len != 7 && len != 10) || (len >= 7 && !mo) ||
	    (len == 10 && !day)) {
		snprintf(dst, n, "%s", d); /* not ISO: as given */
		return;
	}
	if (day && lang == PL_DE)
		snprintf(dst, n, "%02d.%02d.%d", day, mo, y);
	else if (day)
		snprintf(dst, n, "%d %s %d", day, en[mo - 1], y);
	else if (mo)
		snprintf(dst, n, "%s %d", lang == PL_DE ? de[mo - 1] : en[mo - 1], y);
	else
		snprintf(dst, n, "%d", y);
}

/* A footnote's number glued to the text at r (1 to 3 digits), given what was written before it
 * (s to w): after a lower-case letter ("Frauen103"), or after a full stop, closing parenthesis
 * or quotation mark that follows a letter ("vertreten.3", "(41,7 Mrd. Dollar)5"), and before a
 * space, a punctuation mark or the end. Its length, else 0. A figure's own digits follow a
 * digit, a space or a hyphen ("1.519,2", "F-35") and are never taken. */
static size_t footnote_mark(const char *s, const char *w, const char *r, const char *end)
{
	size_t k = 0;
	const char *b = w;

	while (r + k < end && r[k] >= '0' && r[k] <= '9')
		k++;
	if (k > 3 || (r + k < end && !strchr(" \n,;.:!?)", r[k])) || w == s)
		return 0;
	/* "… um 13,9 Prozent.\n11": a number alone after the sentence's end, at the end */
	if (r + k == end && w - s >= 2 && (w[-1] == ' ' || w[-1] == '\n') && w[-2] == '.')
		return k;
	if (b[-1] == '.' || b[-1] == ')' || b[-1] == '"' ||
	    (b - s >= 3 && (unsigned char)b[-3] == 0xE2 && (unsigned char)b[-2] == 0x80 &&
	     ((unsigned char)b[-1] == 0x9C || (unsigned char)b[-1] == 0x9D))) {
		b -= b[-1] == '.' || b[-1] == ')' || b[-1] == '"' ? 1 : 3;
		if (b == s)
			return 0;
		if (b[-1] == '.' || b[-1] == ')' || b[-1] == '"')
			b--; /* "Dollar).5" */
		if (b == s)
			return 0;
	}
	/* the letter before: ASCII lower case, or ä ö ü ß (UTF-8 C3 A4, B6, BC, 9F); after a full
	 * stop or a parenthesis, upper case too ("des BIP.7", not "K2") */
	if ((b[-1] >= 'a' && b[-1] <= 'z') || (b != w && b[-1] >= 'A' && b[-1] <= 'Z') ||
	    (b - s >= 2 && (unsigned char)b[-2] == 0xC3 &&
	     ((unsigned char)b[-1] == 0xA4 || (unsigned char)b[-1] == 0xB6 || (unsigned char)b[-1] == 0xBC ||
	      (unsigned char)b[-1] == 0x9F)))
		return b == w && r + k < end && r[k] == '.' && r + k + 1 < end && r[k + 1] >= '0' && r[k + 1] <= '9' ? 0 : k;
	return 0;
}

char *rp_plain(const char *in)
{
	size_t len = strlen(in), k;
	char *s = kz_xmalloc(4 * len + 4), *w = s; /* a bar becomes at most four bytes */
	const char *r = in, *end;
	int table = 0;

	/* a table row "| Japan | ca. 55 300 | 2 500 |": its cells, separated by a middle dot */
	while (*r == ' ')
		r++;
	end = in + len;
	while (end > r && (end[-1] == ' ' || end[-1] == '\n'))
		end--;
	if (*r == '|' && end > r + 1 && end[-1] == '|') {
		table = 1;
		r++;
		end--;
		while (r < end && *r == ' ')
			r++;
		while (end > r && end[-1] == ' ')
			end--;
	}
	/* a heading's or a quotation's marks at the start */
	if (!table) {
		while (*r == '#')
			r++;
		if (r > in && r[-1] == '#' && *r == ' ')
			r++;
		else if (*r == '>' && r[1] == ' ')
			r += 2;
	}
	while (r < end) {
		if (table && *r == '|') {
			while (w > s && w[-1] == ' ')
				w--;
			memcpy(w, " \xc2\xb7 ", 4); /* " · ": space, U+00B7, space */
			w += 4;
			r++;
			while (r < end && *r == ' ')
				r++;
			continue;
		}
		if ((r[0] == '*' && r[1] == '*') || (r[0] == '_' && r[1] == '_')) {
			r += 2; /* strong emphasis */
			continue;
		}
		if (*r == '`') {
			r++;
			continue;
		}
		if (*r == '[') { /* a link [text](url): its text */
			const char *close = memchr(r, ']', (size_t)(end - r));
			if (close && close + 1 < end && close[1] == '(') {
				const char *paren = memchr(close, ')', (size_t)(end - close));
				if (paren) {
					memmove(w, r + 1, (size_t)(close - r - 1));
					w += close - r - 1;
					r = paren + 1;
					continue;
				}
			}
		}
		/* "3,43 %", "55 000 Soldaten": a space inside a figure or before its percent sign does not
		 * break the line; it becomes a no-break space */
		if (*r == ' ' && w > s && w[-1] >= '0' && w[-1] <= '9' &&
		    (r + 1 < end && (r[1] == '%' ||
				     (r + 3 < end && r[1] >= '0' && r[1] <= '9' && r[2] >= '0' && r[2] <= '9' && r[3] >= '0' &&
				      r[3] <= '9' && (r + 4 == end || !(r[4] >= '0' && r[4] <= '9')))))) {
			memcpy(w, "\xc2\xa0", 2);
			w += 2;
			r++;
			continue;
		}
		if (*r >= '0' && *r <= '9' && (k = footnote_mark(s, w, r, end)) != 0) {
			r += k; /* "stationiert2", "vertreten.3": a footnote's number, not the text's */
			continue;
		}
		*w++ = *r++;
	}
	while (w > s && (w[-1] == ' ' || w[-1] == '\n'))
		w--;
	*w = '\0';
	if (*s == ' ') /* an empty first cell */
		memmove(s, s + 1, strlen(s));
	return s;
}

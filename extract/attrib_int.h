/*
 * attrib_int.h: what the parts of attribution share. A figure's sentence is read once into
 * mentions (countries with the role their preposition or case gives them), cues (stems naming
 * what is measured) and year expressions; indicator.c, who.c and when.c then decide from those.
 * attrib.c keeps the per-sentence cache and calls the parts in order.
 */
#ifndef KZ_ATTRIB_INT_H
#define KZ_ATTRIB_INT_H

#include "extract_int.h"

#include <string.h>

/* The role a country mention plays, from the words before it (mentions.c). */
enum role { R_NONE, R_GEN, R_LOC, R_PARTNER, R_SOURCE, R_FOR };
#define ROLE(r) (1 << (r))

struct mention {
	int via_an; /* the preposition was "an" or "nach": a recipient of money, a destination */
	size_t start, end;
	char code[8];
	int flags; /* LXF_NAME, LXF_GEN, LXF_ADJ, LXF_CAPITAL, LXF_PREFIX */
	enum role role;
	int for_gen; /* a genitive inside a phrase of "für" ("für die Stationierung der US-Truppen") */
	char prep[12]; /* the word that gave the role, lower-case ("an", "für", "der"), or "" */
	size_t rel_at;      /* inside a relative clause: where it starts (its role there is rel_role), else 0 */
	enum role rel_role; /* the role its words gave it, for a figure of the same relative clause */
};
#define MAX_MENTIONS 64

/* A cue stem found inside a word of a sentence. */
struct cue_hit {
	const struct ex_lex_entry *e;
	size_t ws, we;
};
#define MAX_CUES 128

/* A year expression: "2024", "2016 bis 2020", "im Vorjahr", "vor zehn Jahren". */
struct yexp {
	size_t start, end;
	char text[32];
	int baseline; /* "seit 2003", "mehr als 2025", "als im Vorjahr": a point of comparison */
	int target;   /* "bis 2040": when a plan is to be met, not a date for other sentences */
	int since;    /* "seit Januar 2022": an amount summed since then runs to the document's year */
	int compared; /* "…, nach 7,1 Prozent im Jahr 2020": the year of a figure compared with, its own only */
	int clause;   /* "Ende Oktober testete es …; … wickelt es 95 Prozent ab": a month without a year dates
		       * its own clause's figures only */
	int then;     /* "damals": a look back at a year written before — dates its figure, no sentence after */
	int event;    /* "vor dem Angriff auf die Ukraine": an event's year (words.tsv time), the time of a
		       * state or deed, not of what a plan is for */
};
#define MAX_YEARS 32

/* The small per-sentence cache: mentions, cues and years are found once per sentence. */
#define CACHE_SLOTS 8
struct cache_slot {
	int used, with_q, has_m, has_c;
	size_t s, e;
	size_t nm, nc;
	struct mention m[MAX_MENTIONS];
	struct cue_hit c[MAX_CUES];
	int has_y, has_p, present;
	size_t ny;
	struct yexp y[MAX_YEARS];
};
/* A sentence's mentions found without quantities, as at_mentions_raw leaves them: the lists with
 * and without quantities are both made from them when the walk was regular. */
#define RAW_SLOTS 4
struct raw_mentions {
	int used, regular;
	size_t s, e;
	size_t n;
	struct mention m[MAX_MENTIONS];
};
#define EPOCH_CODES 4
struct ex_attr_cache {
	struct cache_slot slot[CACHE_SLOTS];
	unsigned next;
	struct raw_mentions raw[RAW_SLOTS];
	unsigned next_raw;
	/* years.c: whether the document names the country of an event's year ("Kriegsbeginn": UA) */
	char epoch_code[EPOCH_CODES][8];
	signed char epoch_named[EPOCH_CODES];
	unsigned nepoch;
};

/* What sentence_info computes: */
#define AT_MENTIONS 1
#define AT_CUES 2
#define AT_YEARS 4
#define AT_PRESENT 8

/* Does pat occur in the n bytes at s? */
static inline int strstr_n(const char *s, size_t n, const char *pat)
{
	return memmem(s, n, pat, strlen(pat)) != NULL;
}


/* attrib.c */
const struct cache_slot *at_sentence_info(const struct ex_ctx *c, size_t s, size_t e, const struct ex_qty *qs,
					  size_t nq, int want);

/* mentions.c: mentions, their roles, and distances in the text */
int at_is_word(const struct ex_lexicon *lx, int kind, const char *w, size_t n);
/* The word before p in [s, p) (over a year first when over_year: "das 2014 vereinbarte") when it
 * is an article, "des" or "der" (grammar.tsv role article, gen, gen_art): its start, else NULL. */
const char *at_article_before(const struct ex_lexicon *lx, const char *s, const char *p, int over_year);
/* Country mentions of [s, e), skipping the quantities' own spans ("US-Dollar"), at most cap:
 * at_mentions_raw's, then at_mentions_roles. */
size_t at_find_mentions(const struct ex_ctx *c, size_t s, size_t e, const struct ex_qty *qs, size_t nq,
			struct mention *m, size_t cap);
/* The mentions as the walk over the words finds them, before at_mentions_roles. *regular: each
 * word was read as a whole (no name ended inside it or past it), so the mentions with quantities
 * are those without whose word does not start in a currency's span. */
size_t at_mentions_raw(const struct ex_ctx *c, size_t s, size_t e, const struct ex_qty *qs, size_t nq,
		       struct mention *m, size_t cap, int *regular);
/* The roles a relative clause and a list ("Japan und Südkorea") give mentions m[0 .. n) of the
 * sentence starting at s. */
void at_mentions_roles(const struct ex_ctx *c, size_t s, struct mention *m, size_t n);
/* A figure at byte pos of the sentence starting at s that stands in a relative clause gives the
 * mentions of that clause back the roles their words gave them ("Deutschland, das … sieben
 * Milliarden Euro für die Ukraine eingeplant hat"): they are scenery only for figures outside. */
void at_mentions_in_clause(const struct ex_ctx *c, size_t s, size_t pos, struct mention *m, size_t n);
size_t at_dist(const struct ex_ctx *c, size_t a0, size_t a1, size_t b0, size_t b1);
int at_clause_between(const char *t, size_t a, size_t b);
int at_clause_apart(const char *t, size_t a0, size_t a1, size_t b0, size_t b1);
int at_word_before_is(const char *s, const char *p, const char *w);
const struct mention *at_pick(const struct ex_ctx *c, const struct mention *m, size_t n, const struct ex_qty *q,
			      int want_roles, int prefer_before);
/* trade.c: the owner (*sub) and partner (*par) of a trade share in sentence si; 1 when it set a's
 * subject and partner itself (from the trade share spoken of before), and at_who is done. */
int at_trade_roles(struct ex_ctx *c, size_t si, const struct ex_qty *q, const struct mention *m, size_t n,
		   struct ex_attr *a, const struct mention **sub, const struct mention **par);
const struct mention *at_first_not(const struct ex_ctx *c, const struct mention *m, size_t n, int want_roles,
				   const char *not_code);
int at_prefix_government(const struct ex_ctx *c, const struct mention *m);
/* Does the prefix or adjective mention m qualify a noun of soldiers ("US-Soldaten", "amerikanischen
 * Truppen")? e: the end of m's sentence. */
int at_mention_forces(const struct ex_ctx *c, const struct mention *m, size_t e);

/* cues.c: every cue stem in the words of [s, e), each word's hits longest first */
size_t at_find_cues(const struct ex_ctx *c, size_t s, size_t e, struct cue_hit *h);
/* cues.c: of the cues of [s, e) whose indicator is one of inds, the one that names figure q (its
 * word's start in *where), or NULL */
const struct ex_lex_entry *at_nearest_cue(const struct ex_ctx *c, size_t s, size_t e, const struct ex_qty *q,
					   const char *const *inds, size_t *where);
/* cues.c: a cue of a quantity that is no spending (flag ratio) in the clause of figure q, or NULL */
const struct ex_lex_entry *at_ratio_cue(const struct ex_ctx *c, size_t s, size_t e, const struct ex_qty *q);

/* indicator.c: what a figure measures */
void at_set_detail(struct ex_attr *a, const char *d);
void at_indicator(const struct ex_ctx *c, size_t si, const struct ex_qty *q, struct ex_attr *a);

/* who.c: subject and partner */
void at_who(struct ex_ctx *c, size_t si, const struct ex_qty *q, const struct ex_qty *all, size_t nq,
	    struct ex_attr *a);
void at_troops_here(const struct ex_ctx *c, size_t si, const struct ex_qty *q, struct ex_attr *a);
/* troops.c: the place of a troop count whose owner at_who read (m, n: its kept mentions); does the
 * sentence name a region that is no one country ("im Baltikum", "in Europa")? */
void at_troops_place(struct ex_ctx *c, size_t si, const struct ex_qty *q, const struct mention *m, size_t n,
		     struct ex_attr *a);
int at_names_region(const struct ex_ctx *c, size_t si, const struct mention *m, size_t n);
/* troops.c: does an `own` word follow mention m ("Südkorea selbst": a country's own forces)? e: the sentence's end */
int at_own_forces(const struct ex_ctx *c, const struct mention *m, size_t e);

/* purchase.c: an arms deal's seller (its subject) and buyer (its partner) */
void at_purchase(struct ex_ctx *c, size_t si, const struct ex_qty *q, const struct ex_qty *all, size_t nq,
		 struct ex_attr *a);

/* mission.c: a force's figure that names no place is where the document's deployment is; the
 * place of the last deployment the text named up to sentence si, or NULL */
void at_troops_deployed(struct ex_ctx *c, size_t si, struct ex_attr *a);
const char *at_mission_place(struct ex_ctx *c, size_t si);

/* frames.c: giver and receiver of money that goes from one party to another; the families of
 * such money (grammar.tsv frame), the index of ex_ctx's giver and receiver */
enum family { F_NONE, F_AID, F_EXPORT, F_PAYMENT };
void at_frame(struct ex_ctx *c, size_t si, const struct ex_qty *q, const struct ex_qty *all, size_t nq,
	      struct ex_attr *a);

/* years.c: the year expressions of a sentence; when.c: the year of a figure */
size_t at_years_in(const struct ex_ctx *c, size_t s, size_t e, const struct ex_qty *qs, size_t nq,
		   struct yexp *out, size_t max);
int at_tense_of(const struct ex_lexicon *lx, const char *s, const char *e);
int at_own_support(const struct ex_ctx *c, size_t ws, size_t we);
/* tradectx.c: a trade share's owner and partner from the words around it (see there) */
void at_trade_context(const struct ex_ctx *c, size_t si, const struct ex_qty *q, struct ex_attr *a);
/* context.c: what the words around a figure say of it (see there) */
void at_context(const struct ex_ctx *c, size_t si, const struct ex_qty *q, struct ex_attr *a);
void at_troops_inside(const struct ex_ctx *c, size_t si, const struct ex_qty *q, struct ex_attr *a);
void at_stationed_by_antecedent(const struct ex_ctx *c, size_t si, const struct ex_qty *q, const struct mention *m,
				size_t n, struct ex_attr *a);
void at_placed_by_relative(const struct ex_ctx *c, size_t si, const struct ex_qty *q, const struct mention *m,
			   size_t n, struct ex_attr *a);
/* years.c and when.c share: a four-digit year 1900…2100 at p (*y), a digit, and whether a stretch
 * of text speaks of a plan (a word of data/grammar.tsv plan). */
int at_year_at(const char *p, const char *end, int *y);
int at_digit(char ch);
/* The document's month (1-12) from its date "YYYY-MM…", 0 when the date has none. */
int at_doc_month(const struct ex_doc *d);
int at_speaks_of_plan(const struct ex_lexicon *lx, const char *s, const char *e);
int at_present_tense(const struct ex_lexicon *lx, const char *s, const char *e);
void at_when(const struct ex_ctx *c, size_t si, const struct ex_qty *q, const struct ex_qty *all, size_t nq,
	     struct ex_attr *a);

/* The country that makes a weapon system sentence si names (grammar.tsv maker), other than
 * buyer, or NULL: "32 Kampfjets vom Typ F-35" are made in the US (purchase.c). */
const char *at_maker_in(const struct ex_ctx *c, size_t si, const char *buyer);

/* Drop the mentions m of sentence si that are scenery for the figure a reads (its status and
 * indicator known): cited originators, an attack's countries, those excluded, a goal's owner, a
 * front's adjective (scenery.c). Returns how many are kept, in place. */
size_t at_drop_scenery(const struct ex_ctx *c, size_t si, const struct ex_attr *a, struct mention *m, size_t n);

#endif

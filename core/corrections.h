/* corrections.h: an analyst's decisions about claims (corrections.csv), validated, applied, recorded. */
#ifndef KZ_CORRECTIONS_H
#define KZ_CORRECTIONS_H

#include "claims.h"

/* What a correction does (DESIGN.md): confirm a claim as extracted, reject it, set fields of it,
 * or add a figure the extractor missed. */
enum kz_corr_action { KZ_CA_CONFIRM, KZ_CA_REJECT, KZ_CA_SET, KZ_CA_ADD, KZ_CA__N };

/* The fields a correction may give, in the order of corrections.csv. */
enum kz_corr_field {
	KZ_CF_VALUE,
	KZ_CF_UNIT,
	KZ_CF_LOW,
	KZ_CF_HIGH,
	KZ_CF_QUALIFIER,
	KZ_CF_INDICATOR,
	KZ_CF_DETAIL,
	KZ_CF_STATUS,
	KZ_CF_SUBJECT,
	KZ_CF_PARTNER,
	KZ_CF_YEAR,
	KZ_CF_SOURCE,
	KZ_CF__N
};
extern const char *const kz_corr_field_names[]; /* "value", "unit", … */
/* The field called name, or -1. */
int kz_corr_field_parse(const char *name);
const char *kz_corr_action_name(enum kz_corr_action a);

/* What became of a correction when it was applied (or listed). */
enum kz_corr_state {
	KZ_CS_PENDING,    /* its document was not read */
	KZ_CS_APPLIED,    /* its claim was found by id */
	KZ_CS_REANCHORED, /* by its file and quote: the sentence around the figure changed */
	KZ_CS_ORPHANED    /* the claim (or, for add, the quote) is no longer in the document */
};
const char *kz_corr_state_name(enum kz_corr_state s);

/*
 * One row of corrections.csv. Strings live in the set's arena, "" when empty.
 * f[k] "" leaves the field as it is; "-" empties a text field (detail,
 * subject, partner, year, source).
 */
struct kz_correction {
	enum kz_corr_action action;
	const char *id, *file, *quote, *note;
	const char *f[KZ_CF__N];
	long line;                /* its line in the file read, 0 when recorded anew */
	enum kz_corr_state state; /* set by kz_corrections_apply */
	char why[200];            /* why it is orphaned */
};

/*
 * The corrections of one folder given on the command line (corrections.csv in it, or beside a
 * file given). prefix is what precedes a document's name (the <file> of its ids) in its path:
 * "corpus/" for the folder corpus, "" for a file given in the current folder.
 */
struct kz_corrections {
	struct kz_correction *v;
	size_t n, alloc;
	struct kz_arena arena;
	char *path, *prefix;
	int folder;                   /* given as a folder: every document under it was read */
	enum kz_csv_dialect dialect;  /* of the file read; new files are plain */
};
void kz_corrections_init(struct kz_corrections *c);
void kz_corrections_release(struct kz_corrections *c);

/*
 * Set up c for the PATH given (a folder or a file) and read its corrections.csv when there is
 * one. Every row is validated (action, fields against the contract's vocabularies and
 * formats, numbers in the file's dialect); the first bad row is an error (KZ_EINPUT, err names
 * FILE:LINE) and then c holds no corrections at all: nothing is applied from a bad file.
 * 0 when there is no corrections.csv (c->n is 0, c->path still names where it would be).
 */
int kz_corrections_load(struct kz_corrections *c, const char *given, struct kz_err *err);
/* Read path into c (kz_corrections_load without the path logic). */
int kz_corrections_read(struct kz_corrections *c, const char *path, struct kz_err *err);

/*
 * Why v is no good for field f (written to buf, returned), or NULL when it is. dialect decides
 * the decimal separator of a number (plain '.', excel-de ','): the other one is ambiguous with
 * grouping and refused. "" is fine (no change); "-" is fine for the text fields.
 */
const char *kz_corr_field_problem(enum kz_corr_field f, const char *v, enum kz_csv_dialect dialect, char *buf,
				  size_t n);

/* Does the document at path, called name (the <file> of its ids), belong to c? */
int kz_corrections_cover(const struct kz_corrections *c, const char *path, const char *name);

/*
 * Apply c's corrections for the document name to its claims t->v[from .. t->n) (text: the
 * document's text, where an add finds its quote; tmpl: doc and citation for an added claim).
 * confirm, set and reject find their claim by id, else by file and quote when exactly one
 * claim of the document has that quote; add finds its quote in text. review becomes
 * confirmed, corrected or added; rejected claims leave the table. Each correction's state is
 * set. A set that would break a claim (low above high) is not applied: warn is called with
 * FILE:LINE (code KZ_EINPUT) and the return is KZ_EINPUT; else 0.
 */
int kz_corrections_apply(struct kz_corrections *c, struct kz_table *t, size_t from, const char *name,
			 const char *text, size_t len, const struct kz_claim *tmpl, kz_warn_fn warn, void *arg);
/* After every document was read: corrections of a folder given whose document was not read are
 * orphaned (the document is gone); each orphaned one is passed to warn (code 0). Returns how many
 * are orphaned. */
size_t kz_corrections_finish(struct kz_corrections *c, kz_warn_fn warn, void *arg);

/* Record a decision: appended, or merged with the one for the same id (a reject replaces what
 * was recorded for it; a set adds its fields to an earlier set; a confirm after a set keeps the
 * set). Strings are copied. */
void kz_corrections_record(struct kz_corrections *c, const struct kz_correction *r);
/* Write c to c->path (atomically, in c->dialect). */
int kz_corrections_write(const struct kz_corrections *c, struct kz_err *err);
/* The current value of field f of claim c as the claims table writes it (into buf). */
const char *kz_claim_field(const struct kz_claim *c, enum kz_corr_field f, char *buf, size_t n);

#endif

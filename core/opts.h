/* opts.h: option tables for the subcommands; one table parses argv and prints --help. */
#ifndef KZ_OPTS_H
#define KZ_OPTS_H

enum kz_opt_type { KZ_OPT_FLAG, KZ_OPT_STRING, KZ_OPT_LIST };

/* A list option may be given several times; values are kept in order (not owned). */
struct kz_strlist {
	const char **v;
	int n, alloc;
};

struct kz_opt {
	char shrt;          /* 0 if none */
	const char *lng;    /* without the leading "--" */
	const char *argname; /* NULL for flags */
	const char *help;
	enum kz_opt_type type;
	void *dest;         /* int * for flags, const char ** for strings, struct kz_strlist * */
};

/*
 * Parse argv[1..] against opts (terminated by an entry with lng NULL). Positional
 * arguments are collected into *pos (argv order). Returns 0, 1 when --help was
 * printed, or 2 after printing a usage error.
 */
int kz_opts_parse(const char *usage, const char *about, const struct kz_opt *opts, int argc,
		  char **argv, struct kz_strlist *pos);
void kz_opts_help(const char *usage, const char *about, const struct kz_opt *opts);
void kz_strlist_push(struct kz_strlist *l, const char *s);
void kz_strlist_release(struct kz_strlist *l);

#endif

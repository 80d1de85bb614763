/* opts.c: option-table parsing and help output. */
#include "opts.h"
#include "core.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void kz_strlist_push(struct kz_strlist *l, const char *s)
{
	if (l->n == l->alloc) {
		l->alloc = l->alloc ? l->alloc * 2 : 8;
		l->v = kz_xrealloc(l->v, (size_t)l->alloc * sizeof(*l->v));
	}
	l->v[l->n++] = s;
}

void kz_strlist_release(struct kz_strlist *l)
{
	free(l->v);
	l->v = NULL;
	l->n = l->alloc = 0;
}

void kz_opts_help(const char *usage, const char *about, const struct kz_opt *opts)
{
	printf("usage: %s\n\n%s\n\noptions:\n", usage, about);
	for (; opts->lng; opts++) {
		char left[64];
		if (opts->shrt)
			snprintf(left, sizeof(left), "-%c, --%s%s%s", opts->shrt, opts->lng,
				 opts->argname ? " " : "", opts->argname ? opts->argname : "");
		else
			snprintf(left, sizeof(left), "    --%s%s%s", opts->lng, opts->argname ? " " : "",
				 opts->argname ? opts->argname : "");
		printf("  %-26s %s\n", left, opts->help);
	}
	printf("  %-26s %s\n", "-h, --help", "show this help");
}

static int assign(const struct kz_opt *o, const char *val)
{
	if (o->type == KZ_OPT_FLAG)
		*(int *)o->dest = 1;
	else if (o->type == KZ_OPT_STRING)
		*(const char **)o->dest = val;
	else
		kz_strlist_push(o->dest, val);
	return 0;
}

int kz_opts_parse(const char *usage, const char *about, const struct kz_opt *opts, int argc,
		  char **argv, struct kz_strlist *pos)
{
	int i, only_pos = 0;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		const struct kz_opt *o;

		if (only_pos || a[0] != '-' || !a[1]) {
			kz_strlist_push(pos, a);
			continue;
		}
		if (!strcmp(a, "--")) {
			only_pos = 1;
			continue;
		}
		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			kz_opts_help(usage, about, opts);
			return 1;
		}
		if (a[1] == '-') {
			const char *name = a + 2, *eq = strchr(name, '=');
			size_t len = eq ? (size_t)(eq - name) : strlen(name);
			for (o = opts; o->lng; o++)
				if (strlen(o->lng) == len && !strncmp(o->lng, name, len))
					break;
			if (!o->lng) {
				kz_warn("unknown option '%s' (see --help)", a);
				return 2;
			}
			if (o->type == KZ_OPT_FLAG) {
				if (eq) {
					kz_warn("option '--%s' takes no value", o->lng);
					return 2;
				}
				assign(o, NULL);
			} else if (eq) {
				assign(o, eq + 1);
			} else if (i + 1 < argc) {
				assign(o, argv[++i]);
			} else {
				kz_warn("option '--%s' needs a value", o->lng);
				return 2;
			}
			continue;
		}
		for (o = opts; o->lng; o++)
			if (o->shrt && o->shrt == a[1])
				break;
		if (!o->lng) {
			kz_warn("unknown option '%s' (see --help)", a);
			return 2;
		}
		if (o->type == KZ_OPT_FLAG) {
			if (a[2]) {
				kz_warn("option '-%c' takes no value", o->shrt);
				return 2;
			}
			assign(o, NULL);
		} else if (a[2]) {
			assign(o, a + 2);
		} else if (i + 1 < argc) {
			assign(o, argv[++i]);
		} else {
			kz_warn("option '-%c' needs a value", o->shrt);
			return 2;
		}
	}
	(void)usage;
	return 0;
}

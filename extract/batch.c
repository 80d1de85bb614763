/*
 * batch.c: many documents extracted on worker threads and handed back in collection order.
 *
 * Each worker takes the next document not yet taken, loads and extracts it into the item's own
 * table and keeps what it said (kz_diag_capture; on one job too, so that done() can see it). The calling thread hands the items to done()
 * strictly in order, printing each one's messages first, so stdout and stderr are the same for
 * any number of jobs. A worker may run ahead of the next item to hand over by at most a window of
 * 2 x jobs documents: memory stays bounded by that many documents and their claims.
 */
#include "extract/extract.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct slot {
	struct ex_batch_item it;
	int ready;
};

struct pool {
	struct ex_batch *b;
	struct slot *slots;
	size_t window;
	size_t next;      /* the next document a worker takes */
	size_t delivered; /* documents handed to done() so far */
	pthread_mutex_t mu;
	pthread_cond_t ready, space;
};

int ex_batch_jobs(const char *arg, int *jobs)
{
	char *end;
	long n;

	if (!arg) {
		long np = sysconf(_SC_NPROCESSORS_ONLN);
		*jobs = np < 1 ? 1 : np > EX_BATCH_MAX_JOBS ? EX_BATCH_MAX_JOBS : (int)np;
		return 0;
	}
	n = strtol(arg, &end, 10);
	if (end == arg || *end || n < 1 || n > EX_BATCH_MAX_JOBS)
		return -1;
	*jobs = (int)n;
	return 0;
}

/* Load and extract document it->k (on whichever thread runs it). */
static void work(struct ex_batch *b, struct ex_batch_item *it, int inline_flush)
{
	struct ex_options eo = b->eo;

	if (b->skip && b->skip(it, b->arg)) {
		it->cached = 1;
		return;
	}
	it->rc = ex_collect_load(&it->doc, b->paths, it->k, b->src, it->raw, it->rawlen, &it->err);
	it->raw = NULL; /* the loader took it */
	if (it->rc) {
		kz_err_print(&it->err);
		return;
	}
	if (!inline_flush || (b->may_flush && !b->may_flush(&it->doc, b->arg)))
		eo.flush = NULL;
	ex_extract(b->lx, &it->doc, &eo, &it->t);
}

static void item_init(struct ex_batch_item *it, size_t k)
{
	memset(it, 0, sizeof *it);
	it->k = k;
	ex_doc_init(&it->doc);
	kz_table_init(&it->t);
	kz_buf_init(&it->diag, 0);
}

static void item_release(struct ex_batch_item *it)
{
	ex_doc_release(&it->doc);
	kz_table_release(&it->t);
	kz_buf_release(&it->diag);
	free(it->raw);
}

/* Load and extract on this thread, what it says kept in the item. */
static void work_captured(struct ex_batch *b, struct ex_batch_item *it, int inline_flush)
{
	struct kz_buf *old = kz_diag_capture(&it->diag);
	work(b, it, inline_flush);
	kz_diag_capture(old);
}

/* Hand an item over: its messages, the count of bad documents, then done(). */
static void deliver(struct ex_batch *b, struct ex_batch_item *it)
{
	if (it->diag.len)
		fputs(it->diag.s, stderr);
	if (it->rc) {
		b->nbad++;
		if (it->rc > b->worst)
			b->worst = it->rc;
	}
	b->done(it, b->arg);
}

static void *worker(void *arg)
{
	struct pool *p = arg;

	for (;;) {
		size_t k;
		struct slot *s;

		pthread_mutex_lock(&p->mu);
		while (p->next < p->b->paths->n && p->next >= p->delivered + p->window)
			pthread_cond_wait(&p->space, &p->mu);
		if (p->next >= p->b->paths->n) {
			pthread_mutex_unlock(&p->mu);
			return NULL;
		}
		k = p->next++;
		pthread_mutex_unlock(&p->mu);

		s = &p->slots[k % p->window];
		item_init(&s->it, k);
		work_captured(p->b, &s->it, 0);

		pthread_mutex_lock(&p->mu);
		s->ready = 1;
		pthread_cond_broadcast(&p->ready);
		pthread_mutex_unlock(&p->mu);
	}
}

static void run_inline(struct ex_batch *b)
{
	for (size_t k = 0; k < b->paths->n; k++) {
		struct ex_batch_item it;
		item_init(&it, k);
		work_captured(b, &it, 1);
		deliver(b, &it);
		item_release(&it);
	}
}

void ex_batch_run(struct ex_batch *b)
{
	struct pool p;
	pthread_t *th;
	int n = b->jobs < 1 ? 1 : b->jobs, started = 0;

	b->nbad = b->worst = 0;
	if ((size_t)n > b->paths->n)
		n = b->paths->n > 1 ? (int)b->paths->n : 1;
	if (n == 1) {
		run_inline(b);
		return;
	}
	memset(&p, 0, sizeof p);
	p.b = b;
	p.window = 2 * (size_t)n;
	p.slots = kz_xcalloc(p.window, sizeof *p.slots);
	pthread_mutex_init(&p.mu, NULL);
	pthread_cond_init(&p.ready, NULL);
	pthread_cond_init(&p.space, NULL);
	th = kz_xcalloc((size_t)n, sizeof *th);
	for (int i = 0; i < n; i++)
		if (pthread_create(&th[i], NULL, worker, &p) == 0)
			started++;
	if (!started) {
		/* no thread to be had: the same work on this one */
		kz_warn("could not start worker threads; extracting on one");
		run_inline(b);
	} else {
		for (size_t k = 0; k < b->paths->n; k++) {
			struct slot *s = &p.slots[k % p.window];
			pthread_mutex_lock(&p.mu);
			while (!s->ready)
				pthread_cond_wait(&p.ready, &p.mu);
			pthread_mutex_unlock(&p.mu);
			deliver(b, &s->it);
			item_release(&s->it);
			pthread_mutex_lock(&p.mu);
			s->ready = 0;
			p.delivered++;
			pthread_cond_broadcast(&p.space);
			pthread_mutex_unlock(&p.mu);
		}
	}
	for (int i = 0; i < started; i++)
		pthread_join(th[i], NULL);
	free(th);
	free(p.slots);
	pthread_mutex_destroy(&p.mu);
	pthread_cond_destroy(&p.ready);
	pthread_cond_destroy(&p.space);
}

/* page.c: A4 pages with header, footer and page numbers; headings, paragraphs, breaking tables. */
#include "reports_int.h"

#include <stdlib.h>
#include <string.h>

#define HEAD_BG 0xe6edf5u
#define ZEBRA 0xf5f7f9u
#define PAD_X 3.0
#define PAD_Y 2.2

static void decorate(struct rp_pages *p)
{
	cairo_t *cr = p->cr;
	char num[64];

	if (p->pc.dump)
		kz_buf_addf(p->pc.dump, "P %d\n", p->page);
	/* header: the sheet's title left, the section right, a hairline below */
	pl_set_rgb(&p->pc, PL_C_MUTED);
	pl_text(&p->pc, RP_ML, 30, RP_TEXT_W * 0.62, RP_F_SMALL, 0, PL_LEFT, 1, p->head);
	if (p->section)
		pl_text(&p->pc, RP_ML + RP_TEXT_W * 0.64, 30, RP_TEXT_W * 0.36, RP_F_SMALL, 0, PL_RIGHT,
			1, p->section);
	pl_set_rgb(&p->pc, PL_C_ACCENT);
	cairo_set_line_width(cr, 0.8);
	cairo_move_to(cr, RP_ML, 44);
	cairo_line_to(cr, RP_PAGE_W - RP_MR, 44);
	cairo_stroke(cr);
	/* footer: generation note left, page number right */
	pl_set_rgb(&p->pc, PL_C_GRID);
	cairo_set_line_width(cr, 0.6);
	cairo_move_to(cr, RP_ML, RP_PAGE_H - 42);
	cairo_line_to(cr, RP_PAGE_W - RP_MR, RP_PAGE_H - 42);
	cairo_stroke(cr);
	pl_set_rgb(&p->pc, PL_C_MUTED);
	pl_text(&p->pc, RP_ML, RP_PAGE_H - 38, RP_TEXT_W * 0.8, RP_F_SMALL, 0, PL_LEFT, 1, p->foot);
	snprintf(num, sizeof num, p->pc.lang == PL_DE ? "Seite %d" : "Page %d", p->page);
	pl_text(&p->pc, RP_ML + RP_TEXT_W * 0.8, RP_PAGE_H - 38, RP_TEXT_W * 0.2, RP_F_SMALL, 0,
		PL_RIGHT, 1, num);
	p->y = RP_MT;
}

void rp_pages_begin(struct rp_pages *p, cairo_t *cr, enum pl_lang lang, struct kz_buf *dump,
		    const char *head, const char *foot)
{
	p->cr = cr;
	pl_ctx_init(&p->pc, cr, lang, dump);
	snprintf(p->head, sizeof p->head, "%s", head);
	snprintf(p->foot, sizeof p->foot, "%s", foot);
	p->section = NULL;
	p->page = 1;
	decorate(p);
}

void rp_pages_break(struct rp_pages *p)
{
	cairo_show_page(p->cr);
	p->page++;
	decorate(p);
}

int rp_pages_need(struct rp_pages *p, double h)
{
	if (p->y + h <= RP_PAGE_H - RP_MB || p->y <= RP_MT + 0.1)
		return 0;
	rp_pages_break(p);
	return 1;
}

void rp_pages_end(struct rp_pages *p)
{
	cairo_show_page(p->cr);
	pl_ctx_release(&p->pc);
}

void rp_pages_heading(struct rp_pages *p, const char *text, const char *font, double need)
{
	double h = pl_text_height(&p->pc, RP_TEXT_W, font, 0, 0, text);

	if (p->y > RP_MT + 0.1)
		p->y += 8;
	rp_pages_need(p, h + need + 4);
	pl_set_rgb(&p->pc, PL_C_ACCENT);
	p->y += pl_text(&p->pc, RP_ML, p->y, RP_TEXT_W, font, 0, PL_LEFT, 0, text) + 4;
}

void rp_pages_para(struct rp_pages *p, const char *font, int markup, unsigned rgb, const char *text)
{
	double h = pl_text_height(&p->pc, RP_TEXT_W, font, markup, 0, text);

	rp_pages_need(p, h);
	pl_set_rgb(&p->pc, rgb);
	p->y += pl_text(&p->pc, RP_ML, p->y, RP_TEXT_W, font, markup, PL_LEFT, 0, text) + 3;
}

/* ---- tables ---- */

static void cell_set(struct rp_table *t, int i, const char *font, const char *text, int markup)
{
	PangoLayout *l = t->lay[i];
	const struct rp_col *c = &t->cols[i];

	if (t->font[i] != font) {
		PangoFontDescription *fd = pango_font_description_from_string(font);
		pango_layout_set_font_description(l, fd);
		pango_font_description_free(fd);
		t->font[i] = font;
	}
	if (markup) {
		pango_layout_set_markup(l, text, -1);
	} else {
		pango_layout_set_attributes(l, NULL);
		pango_layout_set_text(l, text, -1);
	}
	(void)c;
}

/* Lay out every cell of a row; returns the row height. */
static double row_layout(const struct rp_table *t, const char *const *cells, unsigned markup,
			 const char *font)
{
	double h = 0, ch;
	PangoRectangle log;

	for (int i = 0; i < t->ncols; i++) {
		cell_set((struct rp_table *)t, i, font, cells[i] ? cells[i] : "", (markup >> i) & 1);
		pango_layout_get_extents(t->lay[i], NULL, &log);
		ch = (double)log.height / PANGO_SCALE;
		if (!cells[i] || !*cells[i])
			ch = 0;
		if (ch > h)
			h = ch;
	}
	return h + 2 * PAD_Y;
}

/* Draw the row laid out last. */
static void draw_row(struct rp_pages *p, const struct rp_table *t, const char *const *cells,
		     double h, unsigned bg)
{
	double x = RP_ML;
	cairo_t *cr = p->cr;
	PangoRectangle log;

	if (bg) {
		pl_set_rgb(&p->pc, bg);
		cairo_rectangle(cr, RP_ML, p->y, RP_TEXT_W, h);
		cairo_fill(cr);
	}
	pl_set_rgb(&p->pc, PL_C_INK);
	for (int i = 0; i < t->ncols; i++) {
		if (cells[i] && *cells[i]) {
			cairo_move_to(cr, x + PAD_X, p->y + PAD_Y);
			pango_cairo_show_layout(cr, t->lay[i]);
			cairo_new_path(cr);
			if (p->pc.dump) {
				const char *s;
				pango_layout_get_extents(t->lay[i], NULL, &log);
				kz_buf_addf(p->pc.dump, "T %.1f %.1f %.1f %.1f %s|", x + PAD_X + (double)log.x / PANGO_SCALE,
					    p->y + PAD_Y, (double)log.width / PANGO_SCALE,
					    (double)log.height / PANGO_SCALE, t->font[i]);
				for (s = pango_layout_get_text(t->lay[i]); *s; s++)
					kz_buf_addc(p->pc.dump, *s == '\n' ? ' ' : *s);
				kz_buf_addc(p->pc.dump, '\n');
			}
		}
		x += t->cols[i].w;
	}
	p->y += h;
}

static void header_row(struct rp_pages *p, struct rp_table *t)
{
	const char *cells[16];
	double h;

	for (int i = 0; i < t->ncols && i < 16; i++)
		cells[i] = t->cols[i].head;
	h = row_layout(t, cells, 0, RP_F_TABLE_B);
	draw_row(p, t, cells, h, HEAD_BG);
	t->row = 0;
}

void rp_table_begin(struct rp_pages *p, struct rp_table *t, const struct rp_col *cols, int ncols)
{
	PangoContext *pc = pango_layout_get_context(p->pc.layout);

	t->cols = cols;
	t->ncols = ncols > 16 ? 16 : ncols;
	t->zebra = 1;
	t->row = 0;
	for (int i = 0; i < t->ncols; i++) {
		PangoLayout *l = pango_layout_new(pc);
		pango_layout_set_width(l, (int)((cols[i].w - 2 * PAD_X) * PANGO_SCALE));
		pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
		if (cols[i].maxlines > 0) {
			pango_layout_set_height(l, -cols[i].maxlines);
			pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
		}
		pango_layout_set_alignment(l, cols[i].align == PL_RIGHT    ? PANGO_ALIGN_RIGHT
					      : cols[i].align == PL_CENTER ? PANGO_ALIGN_CENTER
									   : PANGO_ALIGN_LEFT);
		t->lay[i] = l;
		t->font[i] = NULL;
	}
	rp_pages_need(p, 40);
	header_row(p, t);
}

void rp_table_end(struct rp_table *t)
{
	for (int i = 0; i < t->ncols; i++)
		g_object_unref(t->lay[i]);
	t->ncols = 0;
}

void rp_table_row(struct rp_pages *p, struct rp_table *t, const char *const *cells, unsigned markup,
		  int bold)
{
	const char *font = bold ? RP_F_TABLE_B : RP_F_TABLE;
	double h = row_layout(t, cells, markup, font);

	if (p->y + h > RP_PAGE_H - RP_MB) {
		rp_pages_break(p);
		header_row(p, t);
		h = row_layout(t, cells, markup, font);
	}
	draw_row(p, t, cells, h, t->zebra && t->row % 2 ? ZEBRA : 0);
	t->row++;
	/* hairline under the row */
	pl_set_rgb(&p->pc, PL_C_GRID);
	cairo_set_line_width(p->cr, 0.4);
	cairo_move_to(p->cr, RP_ML, p->y);
	cairo_line_to(p->cr, RP_PAGE_W - RP_MR, p->y);
	cairo_stroke(p->cr);
}

void rp_table_group(struct rp_pages *p, struct rp_table *t, const char *text)
{
	/* a source's title, publisher and date wrap, never cut */
	double h = pl_text_height(&p->pc, RP_TEXT_W - PAD_X, RP_F_H3, 0, 3, text) + 2 * PAD_Y + 2;

	/* keep a group heading with at least two rows */
	if (p->y + h + 30 > RP_PAGE_H - RP_MB) {
		rp_pages_break(p);
		header_row(p, t);
	}
	pl_set_rgb(&p->pc, PL_C_ACCENT);
	pl_text(&p->pc, RP_ML + PAD_X, p->y + PAD_Y + 2, RP_TEXT_W - PAD_X, RP_F_H3, 0, PL_LEFT, 3, text);
	p->y += h;
	t->row = 0;
}

char *rp_markup_escape(const char *s)
{
	struct kz_buf b = KZ_BUF_INIT;

	kz_buf_adds(&b, "");
	for (; *s; s++) {
		switch (*s) {
		case '&': kz_buf_adds(&b, "&amp;"); break;
		case '<': kz_buf_adds(&b, "&lt;"); break;
		case '>': kz_buf_adds(&b, "&gt;"); break;
		case '"': kz_buf_adds(&b, "&quot;"); break;
		case '\'': kz_buf_adds(&b, "&#39;"); break;
		default: kz_buf_addc(&b, *s);
		}
	}
	return kz_buf_detach(&b, NULL);
}

void rp_utf8_cut(char *s, size_t max)
{
	size_t n = strlen(s);

	if (n <= max || max < 4)
		return;
	n = max - 3;
	while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;
	memcpy(s + n, "\xe2\x80\xa6", 4);
}

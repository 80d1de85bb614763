/* ctx.c: the drawing context — a Pango layout at 72 dpi on the given cairo_t — and text boxes. */
#include "plots.h"

#include <string.h>

void pl_ctx_init(struct pl_ctx *c, cairo_t *cr, enum pl_lang lang, struct kz_buf *dump)
{
	PangoContext *pc;
	cairo_font_options_t *fo;

	c->cr = cr;
	c->lang = lang;
	c->dump = dump;
	c->font[0] = '\0';
	c->layout = pango_cairo_create_layout(cr);
	pc = pango_layout_get_context(c->layout);
	/* One user-space unit is one point on every surface: fonts at 72 dpi. */
	pango_cairo_context_set_resolution(pc, 72);
	/* Unhinted metrics so PDF, SVG and PNG lay text out alike. */
	fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(pc, fo);
	cairo_font_options_destroy(fo);
	pango_layout_context_changed(c->layout);
}

void pl_ctx_release(struct pl_ctx *c)
{
	if (c->layout)
		g_object_unref(c->layout);
	c->layout = NULL;
}

void pl_set_rgb(struct pl_ctx *c, unsigned rgb)
{
	cairo_set_source_rgb(c->cr, ((rgb >> 16) & 255) / 255.0, ((rgb >> 8) & 255) / 255.0,
			     (rgb & 255) / 255.0);
}

static void prepare(struct pl_ctx *c, const char *font, const char *text, int markup, double w,
		    enum pl_align align, int maxlines)
{
	PangoLayout *l = c->layout;

	if (strcmp(c->font, font)) {
		PangoFontDescription *fd = pango_font_description_from_string(font);
		pango_layout_set_font_description(l, fd);
		pango_font_description_free(fd);
		snprintf(c->font, sizeof c->font, "%s", font);
	}
	if (w > 0) {
		pango_layout_set_width(l, (int)(w * PANGO_SCALE));
		pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	} else {
		pango_layout_set_width(l, -1);
	}
	if (maxlines > 0 && w > 0) {
		pango_layout_set_height(l, -maxlines);
		pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
	} else {
		pango_layout_set_height(l, -1);
		pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_NONE);
	}
	pango_layout_set_alignment(l, align == PL_RIGHT    ? PANGO_ALIGN_RIGHT
				      : align == PL_CENTER ? PANGO_ALIGN_CENTER
							   : PANGO_ALIGN_LEFT);
	if (markup) {
		pango_layout_set_markup(l, text, -1);
	} else {
		pango_layout_set_attributes(l, NULL);
		pango_layout_set_text(l, text, -1);
	}
}

void pl_text_size(struct pl_ctx *c, const char *font, const char *text, int markup, double w,
		  double *tw, double *th)
{
	PangoRectangle log;

	prepare(c, font, text, markup, w, PL_LEFT, 0);
	pango_layout_get_extents(c->layout, NULL, &log);
	*tw = (double)log.width / PANGO_SCALE;
	*th = (double)log.height / PANGO_SCALE;
}

static void dump_text(struct pl_ctx *c, double x, double y, double w, double h, const char *font,
		      const char *text)
{
	const char *p;

	kz_buf_addf(c->dump, "T %.1f %.1f %.1f %.1f %s|", x, y, w, h, font);
	for (p = text; *p; p++)
		kz_buf_addc(c->dump, *p == '\n' ? ' ' : *p);
	kz_buf_addc(c->dump, '\n');
}

double pl_text(struct pl_ctx *c, double x, double y, double w, const char *font, int markup,
	       enum pl_align align, int maxlines, const char *text)
{
	PangoRectangle log;

	if (!*text)
		return 0;
	prepare(c, font, text, markup, w, align, maxlines);
	pango_layout_get_extents(c->layout, NULL, &log);
	cairo_move_to(c->cr, x, y);
	pango_cairo_show_layout(c->cr, c->layout);
	cairo_new_path(c->cr); /* no current point left behind for the next arc */
	if (c->dump) {
		/* the box the text really covers, from the layout's logical extents */
		double lx = x + (double)log.x / PANGO_SCALE;
		dump_text(c, lx, y + (double)log.y / PANGO_SCALE, (double)log.width / PANGO_SCALE,
			  (double)log.height / PANGO_SCALE, font,
			  markup ? pango_layout_get_text(c->layout) : text);
	}
	return (double)log.height / PANGO_SCALE;
}

double pl_text_height(struct pl_ctx *c, double w, const char *font, int markup, int maxlines,
		      const char *text)
{
	PangoRectangle log;

	if (!*text)
		return 0;
	prepare(c, font, text, markup, w, PL_LEFT, maxlines);
	pango_layout_get_extents(c->layout, NULL, &log);
	return (double)log.height / PANGO_SCALE;
}

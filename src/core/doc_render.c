/* doc_render.c — a template and its values laid out on A4 pages with pango
 * and written as PDF by cairo.
 *
 * Each copy of a document (a certificate per person; other documents have
 * one) is laid out first: every line of the template becomes text, lines
 * and boxes placed on pages ("ops"), so the number of pages is known
 * before anything is drawn.  Then each page gets its header (logo and
 * header line) and footer (footer and page number), and its ops are drawn.
 *
 * Text is shaped once: layouts are kept by (style, width, alignment, text)
 * and a text that comes again (a label, a unit, "Sida 1 av 1") reuses its
 * layout.  For a document of many copies, what does not depend on the copy
 * is drawn once per page layout into a recording surface, which the PDF
 * holds once and each page shows again: at thousands of certificates that
 * is most of the work saved. */
#include <dlfcn.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <librsvg/rsvg.h>
#include "core/doc_int.h"
#include "lup/i18n.h"

#define MM (72.0 / 25.4)
#define PAGE_W 595.2756
#define PAGE_H 841.8898
#define MARGIN_X (20 * MM)      /* printers keep 5 mm or so; 20 is safe */
#define MARGIN_TOP (15 * MM)
#define MARGIN_BOTTOM (15 * MM)
#define TEXT_W (PAGE_W - 2 * MARGIN_X)
#define CELL_PAD_X 3.0
#define CELL_PAD_Y 2.5
#define CELL_MAX_LINES 40
#define LOGO_W (50 * MM)
#define LOGO_H (16 * MM)
#define SIG_SPACE (15 * MM)     /* room to sign in */
#define SIG_GAP (8 * MM)
#define CACHE_MAX 2048
#define NLAYERS 8

enum style {
	S_TITLE, S_SUBTITLE, S_HEADING, S_TEXT, S_SMALL, S_LABEL, S_TH, S_TD, S_SIGROLE,
	S_SIGLINE, S_HEADER, S_FOOTER, S_COUNT
};

static const struct {
	double size;        /* points */
	int bold;
	double gray;        /* 0 black */
	double before, after;
} styles[S_COUNT] = {
	[S_TITLE]    = { 20, 1, 0, 0, 4 },
	[S_SUBTITLE] = { 13, 0, 0.2, 0, 8 },
	[S_HEADING]  = { 12, 1, 0, 10, 4 },
	[S_TEXT]     = { 10, 0, 0, 0, 6 },
	[S_SMALL]    = { 8, 0, 0.35, 0, 5 },
	[S_LABEL]    = { 10, 1, 0, 0, 0 },
	[S_TH]       = { 9, 1, 0, 0, 0 },
	[S_TD]       = { 9.5, 0, 0, 0, 0 },
	[S_SIGROLE]  = { 9.5, 1, 0, 0, 0 },
	[S_SIGLINE]  = { 9, 0, 0.2, 0, 0 },
	[S_HEADER]   = { 9, 0, 0.3, 0, 0 },
	[S_FOOTER]   = { 8, 0, 0.35, 0, 0 },
};

enum op_type { OP_TEXT, OP_LINE, OP_RECT, OP_IMAGE };

struct op {
	enum op_type type;
	int page;                 /* within the copy, from 0 */
	int dynamic;              /* depends on the copy */
	double x, y, w, h;        /* text: where its top left goes; line: from
	                             (x, y) by (w, h); rect, image: the box */
	PangoLayout *layout;      /* OP_TEXT: a reference of its own */
	double clip0, clip1;      /* OP_TEXT: the part of the layout shown
	                             (layout coordinates); clip1 < 0: all */
	double gray, lw;
};

struct layer {
	uint64_t sig;
	cairo_surface_t *rec;
};

struct render {
	const lup_doc_template *t;
	const struct lup_doc_data *d;
	const char *lang;
	struct shaper *sh;
	lup_buf key, text;
	cairo_surface_t *logo;    /* an image, or a recording of the SVG */
	double logo_w, logo_h;    /* its own size */
	double logo_dw, logo_dh;  /* as drawn */
	/* the copy being laid out */
	const struct lup_doc_values *copy;
	struct op *ops;
	size_t nops, cap;
	int page;
	double y, body_top, body_bottom, head_h, foot_h;
	int layers_on;
	struct layer layers[NLAYERS];
	int next_layer;
	int cut, oom;
};

/* ---- Layouts ---- */

/* The pango context, fonts and laid-out texts, kept from one document to
 * the next in the same font: the labels, headings and table headers of
 * a cohort's certificates are those of the next cohort's. */
struct shaper {
	char *font;
	PangoContext *pc;
	PangoFontDescription *fd[S_COUNT];
	PangoAttrList *attrs;
	GHashTable *cache;
};
static struct shaper shared;

static void shaper_free(struct shaper *sh)
{
	if (sh->cache)
		g_hash_table_destroy(sh->cache);
	for (int i = 0; i < S_COUNT; i++)
		if (sh->fd[i])
			pango_font_description_free(sh->fd[i]);
	if (sh->attrs)
		pango_attr_list_unref(sh->attrs);
	if (sh->pc)
		g_object_unref(sh->pc);
	free(sh->font);
	memset(sh, 0, sizeof *sh);
}

static struct shaper *shaper(const char *font)
{
	struct shaper *sh = &shared;
	cairo_font_options_t *fo;
	if (sh->font && strcmp(sh->font, font) == 0)
		return sh;
	shaper_free(sh);
	sh->font = strdup(font);
	sh->pc = pango_font_map_create_context(pango_cairo_font_map_get_default());
	pango_cairo_context_set_resolution(sh->pc, 72);   /* sizes in points, as cairo's units */
	fo = cairo_font_options_create();
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	pango_cairo_context_set_font_options(sh->pc, fo);
	cairo_font_options_destroy(fo);
	for (int i = 0; i < S_COUNT; i++) {
		sh->fd[i] = pango_font_description_new();
		pango_font_description_set_family(sh->fd[i], font);
		pango_font_description_set_weight(sh->fd[i], styles[i].bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
		pango_font_description_set_size(sh->fd[i], (gint)(styles[i].size * PANGO_SCALE));
	}
	/* No ligatures: a ligature's glyph has no character of its own, and
	 * cairo then embeds the font a second time for it. */
	sh->attrs = pango_attr_list_new();
	pango_attr_list_insert(sh->attrs, pango_attr_font_features_new("liga 0, clig 0"));
	sh->cache = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_object_unref);
	return sh;
}

static void clear_layers(struct render *r)
{
	for (int i = 0; i < NLAYERS; i++) {
		if (r->layers[i].rec)
			cairo_surface_destroy(r->layers[i].rec);
		r->layers[i].rec = NULL;
		r->layers[i].sig = 0;
	}
}

/* Start a copy with room in the cache: it is emptied only between copies,
 * so the layouts a copy borrows stay alive while it is laid out. */
static void trim_cache(struct render *r)
{
	if (g_hash_table_size(r->sh->cache) >= CACHE_MAX) {
		g_hash_table_remove_all(r->sh->cache);
		/* The layers compare layouts by address: a freed one's address
		 * could come back holding other text. */
		clear_layers(r);
	}
}

/* A laid-out text (borrowed from the cache, valid until the copy is
 * drawn; take a reference to keep it longer).
 * width <= 0: as wide as the text.  maxlines > 0: cut with an ellipsis
 * after that many lines. */
static PangoLayout *layout(struct render *r, enum style st, double width, enum tp_align al,
                           int maxlines, const char *text)
{
	PangoLayout *l;
	int w = width > 0 ? (int)(width * PANGO_SCALE) : -1;

	r->key.len = 0;
	if (lup_buf_printf(&r->key, "%d:%d:%d:%d:", (int)st, w, (int)al, maxlines) < 0 ||
	    lup_buf_puts(&r->key, text) < 0) {
		r->oom = 1;
		return NULL;
	}
	if ((l = g_hash_table_lookup(r->sh->cache, r->key.s)))
		return l;
	l = pango_layout_new(r->sh->pc);
	pango_layout_set_font_description(l, r->sh->fd[st]);
	pango_layout_set_attributes(l, r->sh->attrs);
	if (w > 0) {
		pango_layout_set_width(l, w);
		pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	}
	pango_layout_set_alignment(l, al == TP_RIGHT ? PANGO_ALIGN_RIGHT :
	                              al == TP_CENTER ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
	if (maxlines > 0) {
		pango_layout_set_height(l, -maxlines);
		pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
	}
	pango_layout_set_text(l, text, -1);
	g_hash_table_insert(r->sh->cache, g_strdup(r->key.s), l);
	return l;
}

static double height_of(PangoLayout *l)
{
	int w, h;
	pango_layout_get_size(l, &w, &h);
	return (double)h / PANGO_SCALE;
}

static double width_of(PangoLayout *l)
{
	int w, h;
	pango_layout_get_size(l, &w, &h);
	return (double)w / PANGO_SCALE;
}

/* Does what a cell's layout draws stay within the cell, its padding
 * included?  (Its logical width may be more: spaces at the end of a line
 * hang past the edge unseen; and a glyph fontconfig has no font for is
 * drawn as a box a little wider than the break measured.) */
static int inside(PangoLayout *l, double width)
{
	PangoRectangle ink;
	pango_layout_get_extents(l, &ink, NULL);
	return ink.width == 0 ||
	       (ink.x >= -CELL_PAD_X * PANGO_SCALE &&
	        ink.x + ink.width <= (int)((width + CELL_PAD_X) * PANGO_SCALE));
}

/* Expand a text for the current copy (and a row) into r->text. */
static const char *expand(struct render *r, const struct tp_text *t,
                          const struct lup_doc_values *row, int page, int pages)
{
	r->text.len = 0;
	if (r->text.s)
		r->text.s[0] = '\0';
	if (lup_doc_expand(&r->text, t, &r->d->doc, r->copy, row, page, pages) < 0 ||
	    (!r->text.s && lup_buf_add(&r->text, "", 0) < 0)) {
		r->oom = 1;
		return "";
	}
	return r->text.s;
}

/* ---- Ops ---- */

static struct op *add_op(struct render *r, enum op_type type, int dynamic)
{
	struct op *o = LUP_PUSH(r->ops, r->nops, r->cap);
	if (!o) {
		r->oom = 1;
		return NULL;
	}
	o->type = type;
	o->page = r->page;
	o->dynamic = dynamic;
	o->clip1 = -1;
	return o;
}

static void text_op(struct render *r, PangoLayout *l, double x, double y, double gray, int dynamic)
{
	struct op *o;
	if (!l || !(o = add_op(r, OP_TEXT, dynamic)))
		return;
	o->layout = g_object_ref(l);
	o->x = x;
	o->y = y;
	o->gray = gray;
}

static void line_op(struct render *r, double x, double y, double dx, double dy, double lw,
                    double gray, int dynamic)
{
	struct op *o = add_op(r, OP_LINE, dynamic);
	if (!o)
		return;
	o->x = x;
	o->y = y;
	o->w = dx;
	o->h = dy;
	o->lw = lw;
	o->gray = gray;
}

static void rect_op(struct render *r, double x, double y, double w, double h, double gray)
{
	struct op *o = add_op(r, OP_RECT, 0);
	if (!o)
		return;
	o->x = x;
	o->y = y;
	o->w = w;
	o->h = h;
	o->gray = gray;
}

static void free_ops(struct render *r)
{
	for (size_t i = 0; i < r->nops; i++)
		if (r->ops[i].layout)
			g_object_unref(r->ops[i].layout);
	r->nops = 0;
}

/* ---- Flowing onto pages ---- */

static void new_page(struct render *r)
{
	r->page++;
	r->y = r->body_top;
}

static int at_top(const struct render *r)
{
	return r->y <= r->body_top + 0.01;
}

static int fits(const struct render *r, double h)
{
	return r->y + h <= r->body_bottom + 0.01;
}

static double body_h(const struct render *r)
{
	return r->body_bottom - r->body_top;
}

/* Place a text block (a title, a paragraph …), splitting it between lines
 * over as many pages as it needs. */
static void flow_text_at(struct render *r, enum style st, const char *text, int dynamic, double keep,
                         double x, double width)
{
	PangoLayout *l = layout(r, st, width, TP_LEFT, 0, text);
	double h, off = 0;
	if (!l)
		return;
	h = height_of(l);
	if (!at_top(r)) {
		if (!fits(r, styles[st].before + (keep > h ? keep : h)) && h + keep <= body_h(r))
			new_page(r);
		else
			r->y += styles[st].before;
	}
	if (!fits(r, h) && h <= body_h(r) && !at_top(r))
		new_page(r);
	if (fits(r, h)) {
		text_op(r, l, x, r->y, styles[st].gray, dynamic);
		r->y += h + styles[st].after;
		return;
	}
	/* Longer than what is left: line by line, a page at a time. */
	while (off < h - 0.01) {
		PangoLayoutIter *it = pango_layout_get_iter(l);
		double avail = r->body_bottom - r->y, cut = off;
		struct op *o;
		do {
			int y0, y1;
			pango_layout_iter_get_line_yrange(it, &y0, &y1);
			if ((double)y0 / PANGO_SCALE < off - 0.01)
				continue;
			if ((double)y1 / PANGO_SCALE - off > avail + 0.01)
				break;
			cut = (double)y1 / PANGO_SCALE;
		} while (pango_layout_iter_next_line(it));
		pango_layout_iter_free(it);
		if (cut <= off + 0.01) {
			if (!at_top(r)) {
				new_page(r);
				continue;
			}
			cut = off + avail;   /* one line taller than a page */
		}
		text_op(r, l, x, r->y - off, styles[st].gray, dynamic);
		if (r->nops && (o = &r->ops[r->nops - 1])->layout == l) {
			o->clip0 = off;
			o->clip1 = cut;
		}
		r->y += cut - off;
		off = cut;
		if (off < h - 0.01)
			new_page(r);
	}
	r->y += styles[st].after;
}

static void flow_text(struct render *r, enum style st, const char *text, int dynamic, double keep)
{
	flow_text_at(r, st, text, dynamic, keep, MARGIN_X, TEXT_W);
}

/* A line whose placeholders are all empty is left out. */
static int empty(const struct render *r, const struct tp_text *t)
{
	return lup_doc_all_empty(t, &r->d->doc, r->copy, NULL);
}

/* Consecutive field lines: labels in a column as wide as the document's
 * widest. */
static int flow_fields(struct render *r, int first)
{
	const lup_doc_template *t = r->t;
	double lw = 0;
	int i;
	/* every field of the document, so that the values line up */
	for (i = 0; i < t->nitems; i++) {
		PangoLayout *l;
		if (t->items[i].op != TP_FIELD || empty(r, &t->items[i].text[1]))
			continue;
		l = layout(r, S_LABEL, 0, TP_LEFT, 0, expand(r, &t->items[i].text[0], NULL, 0, 0));
		if (l && width_of(l) > lw)
			lw = width_of(l);
	}
	lw += 4 * MM;
	if (lw > TEXT_W * 0.4)
		lw = TEXT_W * 0.4;
	for (i = first; i < t->nitems && t->items[i].op == TP_FIELD; i++) {
		const struct tp_item *it = &t->items[i];
		int dyn = it->text[0].uses_copy || it->text[1].uses_copy;
		PangoLayout *a, *b;
		double h;
		int blank;
		if (empty(r, &it->text[1]))
			continue;
		a = layout(r, S_LABEL, lw - 3 * MM, TP_LEFT, 0, expand(r, &it->text[0], NULL, 0, 0));
		b = layout(r, S_TEXT, TEXT_W - lw, TP_LEFT, 0, expand(r, &it->text[1], NULL, 0, 0));
		if (!a || !b)
			break;
		h = fmax(height_of(a), height_of(b));
		if (h > body_h(r)) {
			/* a value longer than a page goes on over the next ones */
			if (!at_top(r))
				new_page(r);
			text_op(r, a, MARGIN_X, r->y, styles[S_LABEL].gray, dyn);
			flow_text_at(r, S_TEXT, expand(r, &it->text[1], NULL, 0, 0), dyn, 0, MARGIN_X + lw,
			             TEXT_W - lw);
			continue;
		}
		blank = it->text[1].nseg == 0;
		if (blank)
			h = fmax(h, 18);   /* room to write the value by hand */
		if (!fits(r, h) && !at_top(r))
			new_page(r);
		text_op(r, a, MARGIN_X, r->y, styles[S_LABEL].gray, dyn);
		if (blank)
			line_op(r, MARGIN_X + lw, r->y + h - 2, TEXT_W - lw, 0, 0.5, 0.4, dyn);
		else
			text_op(r, b, MARGIN_X + lw, r->y, styles[S_TEXT].gray, dyn);
		r->y += h + 3;
	}
	r->y += 4;
	return i;
}

/* One row of cells at r->y, with its grid; returns its height. */
static double table_row(struct render *r, PangoLayout **cells, const double *x, int ncol,
                        double h, int header, const int *dyn)
{
	double y = r->y;
	int d = 0;
	for (int c = 0; c < ncol; c++)
		d |= dyn[c];
	if (header)
		rect_op(r, x[0], y, TEXT_W, h, 0.9);
	for (int c = 0; c < ncol; c++)
		if (cells[c])
			text_op(r, cells[c], x[c] + CELL_PAD_X, y + CELL_PAD_Y, 0, dyn[c]);
	if (header)
		line_op(r, x[0], y, TEXT_W, 0, 0.6, 0.45, 0);
	line_op(r, x[0], y + h, TEXT_W, 0, header ? 0.6 : 0.4, header ? 0.45 : 0.6, d);
	for (int c = 0; c <= ncol; c++) {
		double at = c < ncol ? x[c] : x[0] + TEXT_W;
		line_op(r, at, y, 0, h, 0.4, 0.6, d);
	}
	r->y += h;
	return h;
}

static void flow_table(struct render *r, const struct tp_item *it)
{
	const struct tp_table *tb = it->table;
	PangoLayout *head[TP_MAX_COLUMNS], *cell[TP_MAX_COLUMNS];
	double x[TP_MAX_COLUMNS], w[TP_MAX_COLUMNS], sum = 0, hh = 0, minh = tb->rowheight * MM;
	int hdyn[TP_MAX_COLUMNS], cdyn[TP_MAX_COLUMNS];
	int nrows = r->d->nrows + tb->blank, header_page = -1;

	if (r->d->nrows == 0 && tb->has_empty)
		flow_text(r, S_TEXT, expand(r, &tb->empty, NULL, 0, 0), tb->empty.uses_copy, 0);
	if (nrows == 0)
		return;
	for (int c = 0; c < tb->ncol; c++)
		sum += tb->col[c].weight;
	for (int c = 0; c < tb->ncol; c++) {
		w[c] = TEXT_W * tb->col[c].weight / sum;
		x[c] = c ? x[c - 1] + w[c - 1] : MARGIN_X;
		head[c] = layout(r, S_TH, w[c] - 2 * CELL_PAD_X, tb->col[c].align, CELL_MAX_LINES,
		                 expand(r, &tb->col[c].head, NULL, 0, 0));
		hdyn[c] = tb->col[c].head.uses_copy;
		if (head[c])
			hh = fmax(hh, height_of(head[c]) + 2 * CELL_PAD_Y);
	}
	if (!at_top(r))
		r->y += 2;
	for (int i = 0; i < nrows; i++) {
		const struct lup_doc_values *row = i < r->d->nrows ? &r->d->rows[i] : NULL;
		double h = minh;
		for (int c = 0; c < tb->ncol; c++) {
			cell[c] = NULL;
			cdyn[c] = tb->col[c].value.uses_copy;
			if (!row)
				continue;
			cell[c] = layout(r, S_TD, w[c] - 2 * CELL_PAD_X, tb->col[c].align, CELL_MAX_LINES,
			                 expand(r, &tb->col[c].value, row, 0, 0));
			if (!cell[c])
				continue;
			if (pango_layout_is_ellipsized(cell[c]) || !inside(cell[c], w[c] - 2 * CELL_PAD_X))
				r->cut++;
			h = fmax(h, height_of(cell[c]) + 2 * CELL_PAD_Y);
		}
		if (h < 9.5 * 1.25 + 2 * CELL_PAD_Y)
			h = 9.5 * 1.25 + 2 * CELL_PAD_Y;
		/* A row goes where it fits whole, under the header of its page. */
		if (header_page != r->page ? !fits(r, hh + h) : !fits(r, h)) {
			if (!at_top(r))
				new_page(r);
		}
		if (header_page != r->page) {
			table_row(r, head, x, tb->ncol, hh, 1, hdyn);
			header_page = r->page;
		}
		table_row(r, cell, x, tb->ncol, h, 0, cdyn);
	}
	r->y += 8;
}

/* Consecutive signature lines: up to three side by side. */
static int flow_signatures(struct render *r, int first)
{
	const lup_doc_template *t = r->t;
	int n = 0, i, per;
	double cw;
	for (i = first; i < t->nitems && t->items[i].op == TP_SIGNATURE; i++)
		n++;
	per = n < 3 ? n : 3;
	cw = (TEXT_W - (per - 1) * SIG_GAP) / per;
	if (!at_top(r))
		r->y += 6 * MM;
	for (int k = 0; k < n; k += per) {
		PangoLayout *role[3], *lines[3][TP_MAX_PARTS];
		double h = 0, rh = 0;
		int cols = n - k < per ? n - k : per;
		for (int c = 0; c < cols; c++) {
			const struct tp_item *it = &t->items[first + k + c];
			double lh = 0;
			role[c] = it->ntext > 0 ? layout(r, S_SIGROLE, cw, TP_LEFT, 0, expand(r, &it->text[0], NULL, 0, 0)) : NULL;
			if (role[c])
				rh = fmax(rh, height_of(role[c]));
			for (int j = 1; j < it->ntext; j++) {
				lines[c][j] = empty(r, &it->text[j]) ? NULL :
				              layout(r, S_SIGLINE, cw, TP_LEFT, 0, expand(r, &it->text[j], NULL, 0, 0));
				if (lines[c][j])
					lh += height_of(lines[c][j]);
			}
			h = fmax(h, lh);
		}
		h += rh + SIG_SPACE + 3;
		if (!fits(r, h) && !at_top(r))
			new_page(r);
		for (int c = 0; c < cols; c++) {
			const struct tp_item *it = &t->items[first + k + c];
			double x = MARGIN_X + c * (cw + SIG_GAP), y = r->y + rh + SIG_SPACE;
			int dyn = 0;
			for (int j = 0; j < it->ntext; j++)
				dyn |= it->text[j].uses_copy;
			if (role[c])
				text_op(r, role[c], x, r->y, styles[S_SIGROLE].gray, dyn);
			line_op(r, x, y, cw, 0, 0.6, 0, 0);
			y += 3;
			for (int j = 1; j < it->ntext; j++)
				if (lines[c][j]) {
					text_op(r, lines[c][j], x, y, styles[S_SIGLINE].gray, dyn);
					y += height_of(lines[c][j]);
				}
		}
		r->y += h + 5 * MM;
	}
	return first + n;
}

static void flow(struct render *r)
{
	const lup_doc_template *t = r->t;
	static const enum style text_style[] = {
		[TP_TITLE] = S_TITLE, [TP_SUBTITLE] = S_SUBTITLE, [TP_HEADING] = S_HEADING,
		[TP_PARA] = S_TEXT, [TP_SMALL] = S_SMALL,
	};
	r->page = 0;
	r->y = r->body_top;
	for (int i = 0; i < t->nitems && !r->oom;) {
		const struct tp_item *it = &t->items[i];
		switch (it->op) {
		case TP_TITLE: case TP_SUBTITLE: case TP_HEADING: case TP_PARA: case TP_SMALL:
			if (empty(r, &it->text[0])) {
				i++;
				break;
			}
			flow_text(r, text_style[it->op], expand(r, &it->text[0], NULL, 0, 0), it->text[0].uses_copy,
			          it->op == TP_HEADING ? 3 * 12.0 : 0);
			i++;
			break;
		case TP_FIELD:
			i = flow_fields(r, i);
			break;
		case TP_SIGNATURE:
			i = flow_signatures(r, i);
			break;
		case TP_TABLE:
			flow_table(r, it);
			i++;
			break;
		case TP_SPACE:
			/* not at the top of a page a break began, but at a copy's start */
			if (!at_top(r) || r->page == 0) {
				r->y += it->mm * MM;
				if (r->y > r->body_bottom)
					new_page(r);
			}
			i++;
			break;
		case TP_PAGEBREAK:
			if (!at_top(r))
				new_page(r);
			i++;
			break;
		}
	}
}

/* ---- The header and footer of a page ---- */

/* Heights of the header band and the footer band, from the first page. */
static void measure_bands(struct render *r)
{
	const lup_doc_template *t = r->t;
	double hh = 0, fh = 0;
	if (r->logo) {
		double s = fmin(LOGO_W / r->logo_w, LOGO_H / r->logo_h);
		r->logo_dw = r->logo_w * s;
		r->logo_dh = r->logo_h * s;
		hh = r->logo_dh;
	}
	if (t->has_header) {
		PangoLayout *l = layout(r, S_HEADER, TEXT_W - (r->logo ? r->logo_dw + 5 * MM : 0), TP_RIGHT, 0,
		                        expand(r, &t->header, NULL, 1, 1));
		if (l)
			hh = fmax(hh, height_of(l));
	}
	r->head_h = hh;
	r->body_top = MARGIN_TOP + (hh > 0 ? hh + 3 * MM + 5 * MM : 0);
	if (t->has_footer) {
		PangoLayout *l = layout(r, S_FOOTER, TEXT_W * 0.7, TP_LEFT, 0, expand(r, &t->footer, NULL, 1, 1));
		if (l)
			fh = fmax(fh, height_of(l));
	}
	if (t->has_pagenumber) {
		PangoLayout *l = layout(r, S_FOOTER, TEXT_W * 0.3, TP_RIGHT, 0, expand(r, &t->pagenumber, NULL, 1, 1));
		if (l)
			fh = fmax(fh, height_of(l));
	}
	r->foot_h = fh;
	r->body_bottom = PAGE_H - MARGIN_BOTTOM - (fh > 0 ? fh + 2 * MM + 5 * MM : 0);
}

static void bands(struct render *r, int page, int pages)
{
	const lup_doc_template *t = r->t;
	int keep = r->page;
	r->page = page;
	if (r->logo) {
		struct op *o = add_op(r, OP_IMAGE, 0);
		if (o) {
			o->x = MARGIN_X;
			o->y = MARGIN_TOP;
			o->w = r->logo_dw;
			o->h = r->logo_dh;
		}
	}
	if (t->has_header)
		text_op(r, layout(r, S_HEADER, TEXT_W - (r->logo ? r->logo_dw + 5 * MM : 0), TP_RIGHT, 0,
		                  expand(r, &t->header, NULL, page + 1, pages)),
		        MARGIN_X + (r->logo ? r->logo_dw + 5 * MM : 0), MARGIN_TOP, styles[S_HEADER].gray,
		        t->header.uses_copy);
	if (r->head_h > 0)
		line_op(r, MARGIN_X, MARGIN_TOP + r->head_h + 3 * MM, TEXT_W, 0, 0.5, 0.55, 0);
	if (r->foot_h > 0) {
		double y = PAGE_H - MARGIN_BOTTOM - r->foot_h;
		line_op(r, MARGIN_X, y - 2 * MM, TEXT_W, 0, 0.5, 0.55, 0);
		if (t->has_footer)
			text_op(r, layout(r, S_FOOTER, TEXT_W * 0.7, TP_LEFT, 0, expand(r, &t->footer, NULL, page + 1, pages)),
			        MARGIN_X, y, styles[S_FOOTER].gray, t->footer.uses_copy);
		if (t->has_pagenumber)
			text_op(r, layout(r, S_FOOTER, TEXT_W * 0.3, TP_RIGHT, 0,
			                  expand(r, &t->pagenumber, NULL, page + 1, pages)),
			        MARGIN_X + TEXT_W * 0.7, y, styles[S_FOOTER].gray, t->pagenumber.uses_copy);
	}
	r->page = keep;
}

/* ---- Drawing ---- */

static void draw_op(struct render *r, cairo_t *cr, const struct op *o)
{
	switch (o->type) {
	case OP_TEXT:
		cairo_set_source_rgb(cr, o->gray, o->gray, o->gray);
		if (o->clip1 >= 0) {
			cairo_save(cr);
			cairo_rectangle(cr, 0, o->y + o->clip0, PAGE_W, o->clip1 - o->clip0);
			cairo_clip(cr);
		}
		cairo_move_to(cr, o->x, o->y);
		pango_cairo_show_layout(cr, o->layout);
		if (o->clip1 >= 0)
			cairo_restore(cr);
		break;
	case OP_LINE:
		cairo_set_source_rgb(cr, o->gray, o->gray, o->gray);
		cairo_set_line_width(cr, o->lw);
		cairo_move_to(cr, o->x, o->y);
		cairo_rel_line_to(cr, o->w, o->h);
		cairo_stroke(cr);
		break;
	case OP_RECT:
		cairo_set_source_rgb(cr, o->gray, o->gray, o->gray);
		cairo_rectangle(cr, o->x, o->y, o->w, o->h);
		cairo_fill(cr);
		break;
	case OP_IMAGE:
		cairo_save(cr);
		cairo_translate(cr, o->x, o->y);
		cairo_scale(cr, o->w / r->logo_w, o->h / r->logo_h);
		cairo_set_source_surface(cr, r->logo, 0, 0);
		cairo_paint(cr);
		cairo_restore(cr);
		break;
	}
}

static uint64_t mix(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;
	for (size_t i = 0; i < n; i++)
		h = (h ^ b[i]) * 1099511628211ULL;
	return h;
}

/* What the static ops of a page look like: their layouts (shared through
 * the cache, so the same text is the same layout) and places. */
static uint64_t signature(const struct render *r, size_t from, size_t to)
{
	uint64_t h = 14695981039346656037ULL;
	for (size_t i = from; i < to; i++) {
		const struct op *o = &r->ops[i];
		if (o->dynamic)
			continue;
		h = mix(h, &o->type, sizeof o->type);
		h = mix(h, &o->layout, sizeof o->layout);
		h = mix(h, &o->x, sizeof o->x * 4);    /* x, y, w, h */
		h = mix(h, &o->clip0, sizeof o->clip0 * 4);   /* clip0, clip1, gray, lw */
	}
	return h;
}

static void draw_page(struct render *r, cairo_t *cr, size_t from, size_t to)
{
	if (r->layers_on) {
		uint64_t sig = signature(r, from, to);
		struct layer *ly = NULL;
		for (int i = 0; i < NLAYERS; i++)
			if (r->layers[i].rec && r->layers[i].sig == sig)
				ly = &r->layers[i];
		if (!ly) {
			static const cairo_rectangle_t ext = { 0, 0, PAGE_W, PAGE_H };
			cairo_t *rc;
			ly = &r->layers[r->next_layer];
			r->next_layer = (r->next_layer + 1) % NLAYERS;
			if (ly->rec)
				cairo_surface_destroy(ly->rec);
			ly->rec = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &ext);
			ly->sig = sig;
			rc = cairo_create(ly->rec);
			for (size_t i = from; i < to; i++)
				if (!r->ops[i].dynamic)
					draw_op(r, rc, &r->ops[i]);
			cairo_destroy(rc);
		}
		cairo_set_source_surface(cr, ly->rec, 0, 0);
		cairo_paint(cr);
		for (size_t i = from; i < to; i++)
			if (r->ops[i].dynamic)
				draw_op(r, cr, &r->ops[i]);
	} else {
		for (size_t i = from; i < to; i++)
			draw_op(r, cr, &r->ops[i]);
	}
	cairo_show_page(cr);
}

/* Lay out one copy and draw its pages; returns its page count. */
static int render_copy(struct render *r, cairo_t *cr)
{
	struct op *sorted;
	size_t *start, from = 0;
	int pages;

	free_ops(r);
	trim_cache(r);
	measure_bands(r);
	flow(r);
	pages = r->page + 1;
	for (int p = 0; p < pages; p++)
		bands(r, p, pages);
	if (r->oom)
		return -1;
	/* The pages' ops together, each page's in the order they were made
	 * (a counting sort by page). */
	sorted = malloc((r->nops ? r->nops : 1) * sizeof *sorted);
	start = calloc((size_t)pages + 1, sizeof *start);
	if (!sorted || !start) {
		free(sorted);
		free(start);
		r->oom = 1;
		return -1;
	}
	for (size_t i = 0; i < r->nops; i++)
		start[r->ops[i].page + 1]++;
	for (int p = 0; p < pages; p++)
		start[p + 1] += start[p];
	for (size_t i = 0; i < r->nops; i++)
		sorted[start[r->ops[i].page]++] = r->ops[i];
	if (r->nops)
		memcpy(r->ops, sorted, r->nops * sizeof *sorted);
	free(sorted);
	free(start);
	for (int p = 0; p < pages; p++) {
		size_t to = from;
		while (to < r->nops && r->ops[to].page == p)
			to++;
		draw_page(r, cr, from, to);
		from = to;
	}
	return pages;
}

/* ---- The logo ---- */

/* librsvg, opened the first time an SVG logo is drawn: linking it would
 * load some forty libraries at every start of lup. */
static struct {
	int tried;
	void *so;
	RsvgHandle *(*new_from_file)(const gchar *, GError **);
	gboolean (*size_in_pixels)(RsvgHandle *, gdouble *, gdouble *);
	void (*dimensions)(RsvgHandle *, gboolean *, RsvgLength *, gboolean *, RsvgLength *,
	                   gboolean *, RsvgRectangle *);
	gboolean (*render)(RsvgHandle *, cairo_t *, const RsvgRectangle *, GError **);
} rsvg;

static int rsvg_open(void)
{
	if (!rsvg.tried) {
		rsvg.tried = 1;
		if ((rsvg.so = dlopen("librsvg-2.so.2", RTLD_NOW | RTLD_LOCAL))) {
			*(void **)&rsvg.new_from_file = dlsym(rsvg.so, "rsvg_handle_new_from_file");
			*(void **)&rsvg.size_in_pixels = dlsym(rsvg.so, "rsvg_handle_get_intrinsic_size_in_pixels");
			*(void **)&rsvg.dimensions = dlsym(rsvg.so, "rsvg_handle_get_intrinsic_dimensions");
			*(void **)&rsvg.render = dlsym(rsvg.so, "rsvg_handle_render_document");
			if (!rsvg.new_from_file || !rsvg.size_in_pixels || !rsvg.dimensions || !rsvg.render)
				rsvg.new_from_file = NULL;
		}
	}
	return rsvg.new_from_file ? 0 : -1;
}

static int load_logo(struct render *r, const char *path, lup_err *err)
{
	unsigned char magic[8] = { 0 };
	FILE *fp = fopen(path, "rb");
	size_t got;
	if (!fp)
		return lup_err_set(err, LUP_EINVAL, _("logo %s: %s"), path, strerror(errno));
	got = fread(magic, 1, sizeof magic, fp);
	fclose(fp);
	if (got == 8 && memcmp(magic, "\x89PNG\r\n\x1a\n", 8) == 0) {
		cairo_surface_t *s = cairo_image_surface_create_from_png(path);
		if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
			lup_err_set(err, LUP_EINVAL, _("logo %s: %s"), path,
			            cairo_status_to_string(cairo_surface_status(s)));
			cairo_surface_destroy(s);
			return -1;
		}
		r->logo = s;
		r->logo_w = cairo_image_surface_get_width(s);
		r->logo_h = cairo_image_surface_get_height(s);
	} else {
		GError *ge = NULL;
		RsvgHandle *h;
		gdouble w = 0, hh = 0;
		RsvgRectangle vp;
		cairo_t *cr;
		cairo_rectangle_t ext;
		if (rsvg_open() < 0)
			return lup_err_set(err, LUP_EINVAL,
				_("logo %s: reading an SVG logo needs librsvg (librsvg-2.so.2), which is not "
				  "installed; give a PNG logo instead"), path);
		h = rsvg.new_from_file(path, &ge);
		if (!h) {
			lup_err_set(err, LUP_EINVAL, _("logo %s: not a PNG or SVG image (%s)"), path,
			            ge ? ge->message : "?");
			if (ge)
				g_error_free(ge);
			return -1;
		}
		if (!rsvg.size_in_pixels(h, &w, &hh) || w <= 0 || hh <= 0) {
			gboolean has_vb = FALSE;
			RsvgRectangle vb;
			rsvg.dimensions(h, NULL, NULL, NULL, NULL, &has_vb, &vb);
			if (has_vb && vb.width > 0 && vb.height > 0) {
				w = vb.width;
				hh = vb.height;
			} else {
				w = 300;
				hh = 100;
			}
		}
		ext = (cairo_rectangle_t){ 0, 0, w, hh };
		r->logo = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &ext);
		cr = cairo_create(r->logo);
		vp = (RsvgRectangle){ 0, 0, w, hh };
		if (!rsvg.render(h, cr, &vp, &ge)) {
			lup_err_set(err, LUP_EINVAL, _("logo %s: %s"), path, ge ? ge->message : "?");
			if (ge)
				g_error_free(ge);
			cairo_destroy(cr);
			g_object_unref(h);
			cairo_surface_destroy(r->logo);
			r->logo = NULL;
			return -1;
		}
		cairo_destroy(cr);
		g_object_unref(h);
		r->logo_w = w;
		r->logo_h = hh;
	}
	if (r->logo_w <= 0 || r->logo_h <= 0) {
		cairo_surface_destroy(r->logo);
		r->logo = NULL;
		return lup_err_set(err, LUP_EINVAL, _("logo %s: the image is empty"), path);
	}
	return 0;
}

/* ---- Writing ---- */

static cairo_status_t write_fp(void *closure, const unsigned char *data, unsigned int len)
{
	return fwrite(data, 1, len, closure) == len ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static void render_free(struct render *r)
{
	free_ops(r);
	free(r->ops);
	clear_layers(r);
	if (r->logo)
		cairo_surface_destroy(r->logo);
	lup_buf_clear(&r->key);
	lup_buf_clear(&r->text);
}

int lup_doc_render(const lup_doc_template *t, const struct lup_doc_style *style,
                   const struct lup_doc_data *d, FILE *fp, struct lup_doc_stats *stats,
                   lup_err *err)
{
	struct render r;
	cairo_surface_t *surf;
	cairo_t *cr;
	const char *font = style && style->font && *style->font ? style->font : "DejaVu Sans";
	int ncopies = d->ncopies > 0 ? d->ncopies : 1, rc = 0;
	struct lup_doc_stats st = { 0, 0, 0 };

	memset(&r, 0, sizeof r);
	r.t = t;
	r.d = d;
	r.lang = style && style->lang ? style->lang : "en";
	if (style && style->logo && *style->logo && load_logo(&r, style->logo, err) < 0)
		return -1;
	r.sh = shaper(font);
	r.layers_on = ncopies > 1;

	surf = cairo_pdf_surface_create_for_stream(write_fp, fp, PAGE_W, PAGE_H);
	{
		/* The title of the first copy names the file for PDF readers. */
		for (int i = 0; i < t->nitems; i++)
			if (t->items[i].op == TP_TITLE) {
				r.copy = d->ncopies > 0 ? &d->copies[0] : NULL;
				cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_TITLE,
				                               expand(&r, &t->items[i].text[0], NULL, 0, 0));
				break;
			}
		cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_CREATOR, "lup " LUP_VERSION);
	}
	cr = cairo_create(surf);
	for (int c = 0; c < ncopies; c++) {
		int pages;
		r.copy = d->ncopies > 0 ? &d->copies[c] : NULL;
		if ((pages = render_copy(&r, cr)) < 0) {
			rc = lup_err_oom(err);
			break;
		}
		st.pages += pages;
		st.copies++;
		if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
			break;
	}
	cairo_destroy(cr);
	cairo_surface_finish(surf);
	if (rc == 0 && cairo_surface_status(surf) != CAIRO_STATUS_SUCCESS)
		rc = lup_err_set(err, LUP_EFAIL, _("writing the PDF failed: %s"),
		                 cairo_status_to_string(cairo_surface_status(surf)));
	cairo_surface_destroy(surf);
	st.cut = r.cut;
	render_free(&r);
	if (stats)
		*stats = st;
	return rc;
}

/*
 * art20.h: the items （一）…（十五） of 条例第二十条 (主动公开的政府信息) as the
 * console names them, index 0 being an item under no numbered row. The
 * table lives in page_catalogue.c (the public catalogue's categories); the
 * staff item form (page_catalogue_edit.c) offers the same choices.
 */
#ifndef GK_HTTP_ART20_H
#define GK_HTTP_ART20_H

#define GK_PAGE_ART20_N 16 /* 0 and （一）…（十五） */

/* The short label ("统计信息") and the number ("（四）", "" for 0); NULL
 * out of range. */
const char *gk_page__art20_label(int i);
const char *gk_page__art20_number(int i);

#endif

/*
 * gk.h: umbrella header of libgk, the gongkai library.
 */
#ifndef GK_GK_H
#define GK_GK_H

#include "common.h"
#include "errors.h"
#include "buf.h"
#include "fileio.h"
#include "report.h"
#include "diag.h"
#include "validate.h"
#include "render.h"
#include "parse.h"

#endif

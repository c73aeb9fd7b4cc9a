#ifndef CCAIRO_SHIM_H
#define CCAIRO_SHIM_H
/* cairo (the same libcairo.so.2 that Graphviz's cairo/pango plugin uses), for the PDF handout:
 * a multi-page PDF surface, the toy text API and recording surfaces. Imported only by GraphRendering. */
#include <cairo.h>
#include <cairo-pdf.h>
#endif

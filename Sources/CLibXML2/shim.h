#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H
/* Debian's libxml2 is built with ICU; hide it from the Swift importer, where it
 * clashes with Foundation's _FoundationICU. ddx never touches the ICU fields of
 * xmlCharEncodingHandler, so never allocate or inspect that struct from Swift. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/relaxng.h>

/* xmlFree is a global function-pointer variable, which Swift 6 rejects; call it here. */
static inline void clibxml2_free(void *p) { xmlFree(p); }
static inline const char *clibxml2_dotted_version(void) { return LIBXML_DOTTED_VERSION; }
/* xmlParserVersion is a macro over a per-thread accessor when threads are enabled. */
static inline const char *clibxml2_runtime_version(void) { return xmlParserVersion; }
#endif

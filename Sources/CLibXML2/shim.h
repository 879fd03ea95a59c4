#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED   /* Debian's headers pull in system ICU, which clashes with Foundation's copy */
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
/* xmlFree is a global variable: calling it through a function keeps Swift 6 concurrency checking happy. */
static inline void cxml_free(void *p) { xmlFree(p); }

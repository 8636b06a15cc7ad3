/* icuuc.dll for Wine: Qt 6's Qt6Core.dll imports Windows' system ICU (icuuc.dll), which Wine 8.0 does not
 * ship, so "import PySide6.QtCore" fails with "DLL load failed". Qt imports only these ucnv_* functions;
 * they back QStringConverter's codecs for encodings other than UTF-8/16/32 and Latin-1. Every converter
 * fails to open here, so Qt treats those encodings as unavailable. Used only for the Wine test job; a real
 * Windows 10/11 has the real icuuc.dll. */
#include <stddef.h>
#include <stdint.h>

typedef int UErrorCode;
typedef uint16_t UChar;
typedef int8_t UBool;
#define EXP __declspec(dllexport)
#define U_FILE_ACCESS_ERROR 4

static void fail(UErrorCode *e) { if (e && *e <= 0) *e = U_FILE_ACCESS_ERROR; }

EXP void *ucnv_open(const char *n, UErrorCode *e) { (void)n; fail(e); return NULL; }
EXP void ucnv_close(void *c) { (void)c; }
EXP void ucnv_reset(void *c) { (void)c; }
EXP int8_t ucnv_getMaxCharSize(const void *c) { (void)c; return 4; }
EXP const char *ucnv_getName(const void *c, UErrorCode *e) { (void)c; fail(e); return NULL; }
EXP void ucnv_getToUCallBack(const void *c, void **a, const void **x) { (void)c; if (a) *a = NULL; if (x) *x = NULL; }
EXP void ucnv_getFromUCallBack(const void *c, void **a, const void **x) { (void)c; if (a) *a = NULL; if (x) *x = NULL; }
EXP void ucnv_setToUCallBack(void *c, void *n, const void *nc, void **o, const void **oc, UErrorCode *e)
{ (void)c; (void)n; (void)nc; if (o) *o = NULL; if (oc) *oc = NULL; fail(e); }
EXP void ucnv_setFromUCallBack(void *c, void *n, const void *nc, void **o, const void **oc, UErrorCode *e)
{ (void)c; (void)n; (void)nc; if (o) *o = NULL; if (oc) *oc = NULL; fail(e); }
EXP void ucnv_cbToUWriteUChars(void *a, const UChar *s, int32_t l, int32_t o, UErrorCode *e)
{ (void)a; (void)s; (void)l; (void)o; fail(e); }
EXP void ucnv_cbFromUWriteUChars(void *a, const UChar **s, const UChar *sl, int32_t o, UErrorCode *e)
{ (void)a; (void)s; (void)sl; (void)o; fail(e); }
EXP void ucnv_toUnicode(void *c, UChar **t, const UChar *tl, const char **s, const char *sl, int32_t *o, UBool f, UErrorCode *e)
{ (void)c; (void)t; (void)tl; (void)s; (void)sl; (void)o; (void)f; fail(e); }
EXP void ucnv_fromUnicode(void *c, char **t, const char *tl, const UChar **s, const UChar *sl, int32_t *o, UBool f, UErrorCode *e)
{ (void)c; (void)t; (void)tl; (void)s; (void)sl; (void)o; (void)f; fail(e); }
EXP int32_t ucnv_toUCountPending(const void *c, UErrorCode *e) { (void)c; (void)e; return 0; }
EXP int32_t ucnv_fromUCountPending(const void *c, UErrorCode *e) { (void)c; (void)e; return 0; }
EXP const char *ucnv_getStandardName(const char *n, const char *s, UErrorCode *e) { (void)n; (void)s; fail(e); return NULL; }
EXP const char *ucnv_getAvailableName(int32_t n) { (void)n; return NULL; }
EXP int32_t ucnv_countAvailable(void) { return 0; }
EXP void UCNV_FROM_U_CALLBACK_SUBSTITUTE(const void *c, void *a, const UChar *cu, int32_t l, int cp, int r, UErrorCode *e)
{ (void)c; (void)a; (void)cu; (void)l; (void)cp; (void)r; (void)e; }
EXP void UCNV_TO_U_CALLBACK_SUBSTITUTE(const void *c, void *a, const char *cu, int32_t l, int r, UErrorCode *e)
{ (void)c; (void)a; (void)cu; (void)l; (void)r; (void)e; }

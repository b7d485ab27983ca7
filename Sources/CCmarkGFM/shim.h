// Umbrella header: the core library and its GFM extensions (tables, strikethrough, autolink, tagfilter, tasklist).
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

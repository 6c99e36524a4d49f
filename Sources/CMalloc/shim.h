// glibc's allocator settings (mallopt), for the CLI's imports (s33-import). Linux only.
#include <malloc.h>

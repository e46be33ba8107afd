// glibc supports replacing malloc by defining the malloc family in the program (manual,
// "Replacing malloc"); these definitions only count and forward to glibc's own allocator, so
// every block still comes from and returns to the same heap.
#include "MallocCounter.h"
#include <errno.h>
#include <malloc.h>
#include <stddef.h>

extern void *__libc_malloc(size_t size);
extern void __libc_free(void *pointer);
extern void *__libc_calloc(size_t count, size_t size);
extern void *__libc_realloc(void *pointer, size_t size);
extern void *__libc_memalign(size_t alignment, size_t size);

static _Thread_local int counting = 0;
static _Thread_local long long allocations = 0;
static _Thread_local long long liveBytes = 0;

// Bytes this thread allocated minus bytes it freed while counting: a leak grows it without bound.
static inline void count_allocation(void *pointer) {
    allocations++;
    if (pointer) liveBytes += (long long)malloc_usable_size(pointer);
}

void malloc_counter_start(void) { allocations = 0; liveBytes = 0; counting = 1; }
long long malloc_counter_live_bytes(void) { return liveBytes; }
long long malloc_counter_stop(void) { counting = 0; return allocations; }

void *malloc(size_t size) {
    void *pointer = __libc_malloc(size);
    if (counting) count_allocation(pointer);
    return pointer;
}

void free(void *pointer) {
    if (counting && pointer) liveBytes -= (long long)malloc_usable_size(pointer);
    __libc_free(pointer);
}

void *calloc(size_t count, size_t size) {
    void *pointer = __libc_calloc(count, size);
    if (counting) count_allocation(pointer);
    return pointer;
}

void *realloc(void *pointer, size_t size) {
    if (counting && pointer) liveBytes -= (long long)malloc_usable_size(pointer);
    void *moved = __libc_realloc(pointer, size);
    if (counting) count_allocation(moved);
    return moved;
}

void *memalign(size_t alignment, size_t size) {
    void *pointer = __libc_memalign(alignment, size);
    if (counting) count_allocation(pointer);
    return pointer;
}

void *aligned_alloc(size_t alignment, size_t size) {
    void *pointer = __libc_memalign(alignment, size);
    if (counting) count_allocation(pointer);
    return pointer;
}

int posix_memalign(void **result, size_t alignment, size_t size) {
    if (alignment < sizeof(void *) || (alignment & (alignment - 1)) != 0) return EINVAL;
    void *pointer = __libc_memalign(alignment, size);
    if (counting) count_allocation(pointer);
    if (pointer == NULL && size != 0) return ENOMEM;
    *result = pointer;
    return 0;
}

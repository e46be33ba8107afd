// Dot-product form: each weight row is streamed once per block of up to 5 input rows and 2
// outputs, with up to 10 AVX-512 accumulators; no packing, so a 10-row layer costs little more than reading
// its weights. Compiled for AVX-512F only in this function, chosen at run time.
#include "CNetworkKernels.h"
#include <immintrin.h>

/// [sum(a), sum(b), sum(c), sum(d)]: four horizontal sums sharing one shuffle tree.
__attribute__((target("avx512f")))
static inline __m128 sum4(__m512 a, __m512 b, __m512 c, __m512 d) {
    const __m512 ab = _mm512_add_ps(_mm512_unpacklo_ps(a, b), _mm512_unpackhi_ps(a, b));
    const __m512 cd = _mm512_add_ps(_mm512_unpacklo_ps(c, d), _mm512_unpackhi_ps(c, d));
    const __m512 abcd = _mm512_add_ps(_mm512_shuffle_ps(ab, cd, _MM_SHUFFLE(1, 0, 1, 0)),
                                      _mm512_shuffle_ps(ab, cd, _MM_SHUFFLE(3, 2, 3, 2)));
    const __m256 half = _mm256_add_ps(_mm512_castps512_ps256(abcd),
                                      _mm256_castpd_ps(_mm512_extractf64x4_pd(_mm512_castps_pd(abcd), 1)));
    return _mm_add_ps(_mm256_castps256_ps128(half), _mm256_extractf128_ps(half, 1));
}

/// Rows [row, row + R) of the layer: 2 outputs at a time, 2R accumulators (R <= 5 keeps them
/// and the operands within the 32 vector registers). R is a constant after inlining.
__attribute__((target("avx512f"), always_inline))
static inline void row_block(const int R, const float *x, int row, const float *w, const float *b,
                             int inputs, int outputs, float *y) {
    const int vectorInputs = inputs & ~15;
    const int tail = inputs - vectorInputs;
    const __mmask16 tailMask = (__mmask16)((1u << tail) - 1u);
    const float *xs[5];
    for (int k = 0; k < R; k++) xs[k] = x + (long)(row + k) * inputs;
    for (int o = 0; o < outputs; o += 2) {
        const int o1 = o + 1 < outputs ? o + 1 : o;
        const float *w0 = w + (long)o * inputs, *w1 = w + (long)o1 * inputs;
        __m512 first[5], second[5];
        for (int k = 0; k < R; k++) { first[k] = _mm512_setzero_ps(); second[k] = _mm512_setzero_ps(); }
        for (int i = 0; i < vectorInputs; i += 16) {
            const __m512 u = _mm512_loadu_ps(w0 + i), v = _mm512_loadu_ps(w1 + i);
            for (int k = 0; k < R; k++) {
                const __m512 p = _mm512_loadu_ps(xs[k] + i);
                first[k] = _mm512_fmadd_ps(p, u, first[k]);
                second[k] = _mm512_fmadd_ps(p, v, second[k]);
            }
        }
        if (tail) {
            const __m512 u = _mm512_maskz_loadu_ps(tailMask, w0 + vectorInputs);
            const __m512 v = _mm512_maskz_loadu_ps(tailMask, w1 + vectorInputs);
            for (int k = 0; k < R; k++) {
                const __m512 p = _mm512_maskz_loadu_ps(tailMask, xs[k] + vectorInputs);
                first[k] = _mm512_fmadd_ps(p, u, first[k]);
                second[k] = _mm512_fmadd_ps(p, v, second[k]);
            }
        }
        float sumsFirst[5], sumsSecond[5];
        if (R >= 4) {
            _mm_storeu_ps(sumsFirst, sum4(first[0], first[1], first[2], first[3]));
            _mm_storeu_ps(sumsSecond, sum4(second[0], second[1], second[2], second[3]));
            if (R == 5) {
                sumsFirst[4] = _mm512_reduce_add_ps(first[4]);
                sumsSecond[4] = _mm512_reduce_add_ps(second[4]);
            }
        } else {
            for (int k = 0; k < R; k++) {
                sumsFirst[k] = _mm512_reduce_add_ps(first[k]);
                sumsSecond[k] = _mm512_reduce_add_ps(second[k]);
            }
        }
        for (int k = 0; k < R; k++) {
            float *line = y + (long)(row + k) * outputs;
            line[o] = b[o] + sumsFirst[k];
            if (o1 != o) line[o1] = b[o1] + sumsSecond[k];
        }
    }
}

__attribute__((target("avx512f")))
static void small_linear_avx512(const float *x, int rows, const float *w, const float *b, int inputs, int outputs, float *y) {
    int row = 0;
    while (row < rows) {
        const int left = rows - row;
        // Blocks of 5 where possible (10 environment slots = 5 + 5); 6 to 8 rows as 4 + rest.
        const int R = (left % 5 == 0 || left > 8) ? 5 : (left <= 5 ? left : 4);
        switch (R) {
        case 5: row_block(5, x, row, w, b, inputs, outputs, y); break;
        case 4: row_block(4, x, row, w, b, inputs, outputs, y); break;
        case 3: row_block(3, x, row, w, b, inputs, outputs, y); break;
        case 2: row_block(2, x, row, w, b, inputs, outputs, y); break;
        default: row_block(1, x, row, w, b, inputs, outputs, y); break;
        }
        row += R;
    }
}

int drats_small_linear_available(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f") ? 1 : 0;
}

int drats_small_linear(const float *x, int rows, const float *w, const float *b, int inputs, int outputs, float *y) {
    static int available = -1;   // benign race: every thread computes the same value
    if (available < 0) available = drats_small_linear_available();
    if (!available || rows <= 0 || inputs <= 0 || outputs <= 0) return 0;
    small_linear_avx512(x, rows, w, b, inputs, outputs, y);
    return 1;
}

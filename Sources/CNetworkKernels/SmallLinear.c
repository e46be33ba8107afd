// Dot-product form: 4 weight rows at a time meet every block of up to 5 input rows, with up to
// 20 AVX-512 accumulators; no packing, so a 10-row layer costs little more than reading its
// weights once. Compiled for AVX-512F/VL only in these functions, chosen at run time.
#include "CNetworkKernels.h"

// The kernel exists only for x86-64; elsewhere it reports itself unavailable and every layer
// stays on BLAS.
#if defined(__x86_64__)
#include <immintrin.h>

/// [sum(a), sum(b), sum(c), sum(d)]: four horizontal sums sharing one shuffle tree.
__attribute__((target("avx512f,avx512vl")))
static inline __m128 sum4(__m512 a, __m512 b, __m512 c, __m512 d) {
    const __m512 ab = _mm512_add_ps(_mm512_unpacklo_ps(a, b), _mm512_unpackhi_ps(a, b));
    const __m512 cd = _mm512_add_ps(_mm512_unpacklo_ps(c, d), _mm512_unpackhi_ps(c, d));
    const __m512 abcd = _mm512_add_ps(_mm512_shuffle_ps(ab, cd, _MM_SHUFFLE(1, 0, 1, 0)),
                                      _mm512_shuffle_ps(ab, cd, _MM_SHUFFLE(3, 2, 3, 2)));
    const __m256 half = _mm256_add_ps(_mm512_castps512_ps256(abcd),
                                      _mm256_castpd_ps(_mm512_extractf64x4_pd(_mm512_castps_pd(abcd), 1)));
    return _mm_add_ps(_mm256_castps256_ps128(half), _mm256_extractf128_ps(half, 1));
}

/// Outputs [o, o + 4) for rows [row, row + R): 4R accumulators plus 4 weight vectors and one
/// input vector (R <= 5 keeps them within the 32 vector registers); per 16 inputs that is 4 + R
/// loads for 4R FMAs. One `sum4` per row gives its 4 outputs side by side, stored at once.
/// Outputs past the layer's end repeat its last row of weights and are not stored.
__attribute__((target("avx512f,avx512vl"), always_inline))
static inline void quad_block(const int R, const float *x, int row, const float *w, const float *b,
                              int inputs, int o, int outputs, float *y) {
    const int vectorInputs = inputs & ~15;
    const int tail = inputs - vectorInputs;
    const __mmask16 tailMask = (__mmask16)((1u << tail) - 1u);
    const int count = outputs - o < 4 ? outputs - o : 4;
    const __mmask8 outputMask = (__mmask8)((1u << count) - 1u);
    const float *xs[5];
    for (int k = 0; k < R; k++) xs[k] = x + (long)(row + k) * inputs;
    const float *ws[4];
    for (int j = 0; j < 4; j++) ws[j] = w + (long)(o + j < outputs ? o + j : outputs - 1) * inputs;
    __m512 acc[4][5];
    for (int j = 0; j < 4; j++)
        for (int k = 0; k < R; k++) acc[j][k] = _mm512_setzero_ps();
    for (int i = 0; i < vectorInputs; i += 16) {
        __m512 u[4];
        for (int j = 0; j < 4; j++) u[j] = _mm512_loadu_ps(ws[j] + i);
        for (int k = 0; k < R; k++) {
            const __m512 p = _mm512_loadu_ps(xs[k] + i);
            for (int j = 0; j < 4; j++) acc[j][k] = _mm512_fmadd_ps(p, u[j], acc[j][k]);
        }
    }
    if (tail) {
        __m512 u[4];
        for (int j = 0; j < 4; j++) u[j] = _mm512_maskz_loadu_ps(tailMask, ws[j] + vectorInputs);
        for (int k = 0; k < R; k++) {
            const __m512 p = _mm512_maskz_loadu_ps(tailMask, xs[k] + vectorInputs);
            for (int j = 0; j < 4; j++) acc[j][k] = _mm512_fmadd_ps(p, u[j], acc[j][k]);
        }
    }
    const __m128 bias = _mm_maskz_loadu_ps(outputMask, b + o);
    for (int k = 0; k < R; k++) {
        const __m128 sums = _mm_add_ps(bias, sum4(acc[0][k], acc[1][k], acc[2][k], acc[3][k]));
        _mm_mask_storeu_ps(y + (long)(row + k) * outputs + o, outputMask, sums);
    }
}

__attribute__((target("avx512f,avx512vl")))
static void small_linear_avx512(const float *x, int rows, const float *w, const float *b, int inputs, int outputs, float *y) {
    // Outputs outermost: a group's 4 weight rows are read from L2 once and stay in L1 for
    // every block of rows, so the layer's weights stream once per call.
    for (int o = 0; o < outputs; o += 4) {
        int row = 0;
        while (row < rows) {
            const int left = rows - row;
            // Blocks of 5 where possible (10 environment slots = 5 + 5); 6 to 8 rows as 4 + rest.
            const int R = (left % 5 == 0 || left > 8) ? 5 : (left <= 5 ? left : 4);
            switch (R) {
            case 5: quad_block(5, x, row, w, b, inputs, o, outputs, y); break;
            case 4: quad_block(4, x, row, w, b, inputs, o, outputs, y); break;
            case 3: quad_block(3, x, row, w, b, inputs, o, outputs, y); break;
            case 2: quad_block(2, x, row, w, b, inputs, o, outputs, y); break;
            default: quad_block(1, x, row, w, b, inputs, o, outputs, y); break;
            }
            row += R;
        }
    }
}

int drats_small_linear_available(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl") ? 1 : 0;
}

int drats_small_linear(const float *x, int rows, const float *w, const float *b, int inputs, int outputs, float *y) {
    static int available = -1;   // benign race: every thread computes the same value
    if (available < 0) available = drats_small_linear_available();
    if (!available || rows <= 0 || inputs <= 0 || outputs <= 0) return 0;
    small_linear_avx512(x, rows, w, b, inputs, outputs, y);
    return 1;
}

#else

int drats_small_linear_available(void) { return 0; }

int drats_small_linear(const float *x, int rows, const float *w, const float *b, int inputs, int outputs, float *y) {
    (void)x; (void)rows; (void)w; (void)b; (void)inputs; (void)outputs; (void)y;
    return 0;
}

#endif

// A small-batch linear-layer kernel for rollout inference (a few rows, as many as environment
// slots), where BLAS's packing dominates. Our own code, called only from Networks'
// SmallBatchKernel.swift.
#pragma once

/// y[rows x outputs] = x[rows x inputs] * w^T + b, with w row-major [outputs x inputs] and all
/// matrices contiguous. Returns 1 when computed, 0 when this CPU lacks the instructions
/// (AVX-512F and AVX-512VL) and the caller must use BLAS instead.
int drats_small_linear(const float *x, int rows, const float *w, const float *b, int inputs, int outputs, float *y);

/// 1 when `drats_small_linear` can run on this CPU.
int drats_small_linear_available(void);

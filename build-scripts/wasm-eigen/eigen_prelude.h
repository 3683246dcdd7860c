// Force-included in the wasm build only. clang reports itself as GCC 4.2, so Eigen's SSE path
// would use an x86 inline-asm workaround for an old GCC bug, which cannot compile to wasm.
// Claiming GCC 6.3 (the first fixed version) selects the plain intrinsics instead.
#pragma once
#include <Eigen/src/Core/util/Macros.h>
#undef EIGEN_COMP_GNUC
#define EIGEN_COMP_GNUC 63

// Emscripten 3.1.6 emulates three SSE intrinsics Eigen's float kernels lean on more slowly than
// WASM SIMD allows. _mm_cvttps_epi32 converts lane by lane in scalar code (with lrint) to give
// x86's 0x80000000 for NaN and overflow; Eigen's exp reaches it through ldexp with its exponent
// clamped and never NaN, so the saturating i32x4.trunc_sat gives the same numbers. _mm_min_ps and
// _mm_max_ps are a compare and a bitselect; f32x4.pmin/pmax (b < a ? b : a) are x86's minps and
// maxps exactly, NaN cases included, with the operands swapped, in one instruction.
#include <emmintrin.h>
#include <wasm_simd128.h>
#define _mm_cvttps_epi32(a) ((__m128i)wasm_i32x4_trunc_sat_f32x4((v128_t)(a)))
#define _mm_min_ps(a, b) ((__m128)wasm_f32x4_pmin((v128_t)(b), (v128_t)(a)))
#define _mm_max_ps(a, b) ((__m128)wasm_f32x4_pmax((v128_t)(b), (v128_t)(a)))

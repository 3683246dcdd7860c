// Force-included in the wasm build only. clang reports itself as GCC 4.2, so Eigen's SSE path
// would use an x86 inline-asm workaround for an old GCC bug, which cannot compile to wasm.
// Claiming GCC 6.3 (the first fixed version) selects the plain intrinsics instead.
#pragma once
#include <Eigen/src/Core/util/Macros.h>
#undef EIGEN_COMP_GNUC
#define EIGEN_COMP_GNUC 63

// Emscripten ships SSE/SSE2 headers for WASM SIMD but no MMX one; Eigen includes it anyway and
// uses nothing from it. This empty stand-in is on the include path of the wasm build only.
#pragma once

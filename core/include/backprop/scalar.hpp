// The one numeric type of the core and the Eigen aliases built on it.
// float by default: Eigen vectorises tanh/exp/log for float (4 lanes on SSE and WASM SIMD),
// which is what makes training fast in the browser. Define BACKPROP_DOUBLE to build the same
// core in double (the test suite is also run that way, to check gradients to 1e-6).
// Convention: one COLUMN per example everywhere (activations are neurons x batch).
#pragma once
#include <Eigen/Core>
#include <cstdint>

namespace bp {

#ifdef BACKPROP_DOUBLE
using Scalar = double;
#else
using Scalar = float;
#endif

using Matrix = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>;  // column-major
using Vector = Eigen::Matrix<Scalar, Eigen::Dynamic, 1>;
using RowMajorMatrix = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using MatrixMap = Eigen::Map<Matrix>;
using ConstMatrixMap = Eigen::Map<const Matrix>;
using VectorMap = Eigen::Map<Vector>;
using ConstVectorMap = Eigen::Map<const Vector>;
using Index = Eigen::Index;

}  // namespace bp

// Activation functions as one enum plus free functions over Eigen blocks (one column per example).
// activate(): a = f(z).  activate_grad(): f'(z), computed from z in forms without cancellation,
// so both are as exact as Scalar allows over the whole range (tested against long double):
// sigmoid = 1 / (1 + e^-z), sigmoid' = t / (1 + t)^2 with t = e^-|z|, tanh' = 4t / (1 + t)^2 with
// t = e^-2|z|, ELU = alpha expm1(z) and ELU' = alpha e^z for z < 0. (Eigen's float logistic is a
// rational approximation that cancels near z = -9, and 1 - a^2 or a + alpha lose the digits a
// rounded away.) Step: f(0) = 0 and f' = 0 everywhere.
// Hidden layers only (hidden_only()): |z| (f'(0) = 0, like ReLU's), GELU in its exact form
// z Phi(z), Phi the standard normal CDF (not the tanh approximation; see normal_distribution.hpp),
// and swish/SiLU z sigma(z); PReLU, z if z > 0 else a_i z with a slope a_i learned per unit (the
// network keeps the slopes, see network.hpp activate_layer; alone, as in the lab, it takes the
// slope every unit starts from, 0.25); maxout, h = max_j (w_j . a + b_j) over k = 2..4 pieces, each
// with its own weights (the network forms the pieces and picks the winner, see network.hpp; here,
// given the winning pre-activation, it is the identity with slope 1, and the lab has no curve of it).
// Softmax is column-wise (over the neurons of one example); its Jacobian is never formed here:
// the only valid pairing (softmax + cross-entropy) gives dL/dz = a - y directly (see loss.hpp).
// At the end, for the activation lab (chapter 6): each function's properties read off these code
// paths, its curve on the page's z, softmax of one vector, and the chain rule's running products.
#pragma once
#include <array>
#include <cmath>
#include <string>
#include <type_traits>
#include <vector>

#include "backprop/lanes.hpp"
#include "backprop/normal_distribution.hpp"
#include "backprop/scalar.hpp"

namespace bp {

enum class Activation {
  Linear,
  Step,
  Sigmoid,
  Tanh,
  Relu,
  LeakyRelu,
  Elu,
  Softplus,
  Abs,
  Gelu,
  Swish,
  Prelu,
  Maxout,
  Softmax
};

constexpr float kPreluInitialSlope = 0.25f;  // every PReLU unit's slope a_i before training

struct ActivationParams {
  Scalar leaky_slope = Scalar(0.01);  // leaky ReLU: f(z) = slope * z for z < 0
  Scalar elu_alpha = Scalar(1);       // ELU: f(z) = alpha * (exp(z) - 1) for z < 0
  int maxout_pieces = 2;              // maxout: pieces k per unit, kMinMaxoutPieces..kMaxMaxoutPieces
};
constexpr int kMinMaxoutPieces = 2, kMaxMaxoutPieces = 4;

const char* activation_name(Activation f);
std::vector<std::string> activation_names();                      // every activation, softmax last
bool parse_activation(const std::string& name, Activation& out);  // false if unknown
// Activations offered for hidden layers only (|z|, GELU, swish, PReLU, maxout): never an output's.
bool hidden_only(Activation f);
std::vector<std::string> output_activation_names();  // activation_names() without the hidden-only ones
// Range of f as [lo, hi] for class targets and thresholds: tanh gives -1/+1 targets, others 0/1.
Scalar activation_low_target(Activation f);
// "" when p is in the ranges a network takes: leaky slope in [0, 1), ELU alpha in (0, 10], maxout
// pieces 2..4.
std::string check_activation_params(const ActivationParams& p);

// sigmoid(z) = 1 / (1 + e^-z): exp's relative error only, at every z (e^-z = inf gives 0).
template <class Z>
auto sigmoid_of(const Eigen::ArrayBase<Z>& z) {
  return (Scalar(1) + (-z).exp()).inverse();
}

// The slopes of sigmoid and tanh, c t / (1 + t)^2 with t = e^-(k|z|) (see activate_grad), in float
// a packet at a time (lanes.hpp) with an exp of the core's own: Eigen's packet exp, whose 2^n
// scaling takes a dozen operations to guard against overflow (which e^x for x <= 0 never meets),
// made tanh's slope dearer than tanh itself. The values stay Eigen's (tanh its rational function);
// activate_with_grad() computes tanh and its slope in one pass over a layer.
namespace bell_detail {
using lanes::Packet;
using PacketI = Eigen::internal::packet_traits<int>::type;

// e^x for x <= 0, within about an ulp: x = n ln2 + r with |r| <= ln2 / 2 (n rounded by adding
// 1.5 * 2^23; ln2 in two parts, the first short enough that n times it is exact), e^r Taylor's to
// r^7 (the rest under 2e-8 relative), times 2^n put into the exponent bits as 2^(n + 64) and then
// scaled by 2^-64, which rounds once into the subnormals; below x = -104, e^x rounds to 0.
inline Packet exp_nonpositive(const Packet& x) {
  using namespace Eigen::internal;
  const Packet xc = pmax(x, pset1<Packet>(-104.f));
  const Packet magic = pset1<Packet>(12582912.f);
  const Packet k = padd(pmul(xc, pset1<Packet>(1.44269504088896341f)), magic);  // magic + n
  const Packet n = psub(k, magic);
  Packet r = psub(xc, pmul(n, pset1<Packet>(0.693145751953125f)));
  r = psub(r, pmul(n, pset1<Packet>(1.42860682030941723212e-6f)));
  // e^r = 1 + r + r^2 q(r), q's terms in pairs (Estrin's scheme): a shorter chain than Horner's
  const auto pair = [&r](float c0, float c1) { return padd(pset1<Packet>(c0), pmul(r, pset1<Packet>(c1))); };
  const Packet r2 = pmul(r, r);
  const Packet q =
      padd(pair(1.f / 2, 1.f / 6), pmul(r2, padd(pair(1.f / 24, 1.f / 120), pmul(r2, pair(1.f / 720, 1.f / 5040)))));
  const Packet e_r = padd(pset1<Packet>(1.f), padd(r, pmul(r2, q)));
  const PacketI bits = padd(preinterpret<PacketI>(k), pset1<PacketI>(127 + 64 - 0x4B400000));
  return pmul(pmul(e_r, preinterpret<Packet>(plogical_shift_left<23>(bits))), pset1<Packet>(0x1p-64f));
}

inline Packet bell(const Packet& z, float k, float c) {
  using namespace Eigen::internal;
  const Packet t = exp_nonpositive(pmul(pset1<Packet>(-k), pabs(z)));
  const Packet s = padd(pset1<Packet>(1.f), t);
  return pdiv(pmul(pset1<Packet>(c), t), pmul(s, s));
}
}  // namespace bell_detail

template <class In, class Out>
void activate(Activation f, const ActivationParams& p, const Eigen::MatrixBase<In>& z_in,
              const Eigen::MatrixBase<Out>& a_out) {
  auto z = z_in.array();
  auto a = const_cast<Eigen::MatrixBase<Out>&>(a_out).array();  // Eigen's idiom for writable blocks
  switch (f) {
    case Activation::Linear: a = z; break;
    case Activation::Step: a = (z > Scalar(0)).template cast<Scalar>(); break;
    case Activation::Sigmoid: a = sigmoid_of(z); break;
    case Activation::Tanh: a = z.tanh(); break;
    case Activation::Relu: a = z.max(Scalar(0)); break;
    case Activation::LeakyRelu: a = (z > Scalar(0)).select(z, p.leaky_slope * z); break;
    case Activation::Elu:
      a = (z > Scalar(0)).select(z, p.elu_alpha * z.min(Scalar(0)).expm1());  // e^z - 1 cancels near 0
      break;
    case Activation::Softplus:
      // log(1 + e^z) = max(z, 0) + log(1 + e^-|z|): no overflow for large |z|.
      a = z.max(Scalar(0)) + (-z.abs()).exp().log1p();
      break;
    case Activation::Abs: a = z.abs(); break;
    case Activation::Gelu: gelu(z, a); break;
    case Activation::Swish: a = z * sigmoid_of(z); break;
    case Activation::Prelu: a = (z > Scalar(0)).select(z, Scalar(kPreluInitialSlope) * z); break;  // one slope for all
    case Activation::Maxout: a = z; break;  // z is already the winning piece's pre-activation
    case Activation::Softmax:
      for (Index c = 0; c < z.cols(); ++c) {
        auto e = (z.col(c) - z.col(c).maxCoeff()).exp();  // shift by the max: no overflow
        a.col(c) = e / e.sum();
      }
      break;
  }
}

// g = f'(z), from z (a = f(z) is read only where that loses nothing). Softmax returns ones: its
// Jacobian is folded into the loss gradient.
template <class Z, class A, class G>
void activate_grad(Activation f, const ActivationParams& p, const Eigen::MatrixBase<Z>& z_in,
                   const Eigen::MatrixBase<A>& a_in, const Eigen::MatrixBase<G>& g_out) {
  static_cast<void>(a_in);  // every derivative below is computed from z
  auto z = z_in.array();
  auto g = const_cast<Eigen::MatrixBase<G>&>(g_out).array();
  // c t / (1 + t)^2 with t = e^-(k|z|), one exp per element (in float see bell_detail): sigmoid' for
  // k = 1, c = 1 (not a(1 - a): 1 - a cancels for z >> 0); tanh' for k = 2, c = 4 (not 1 - a^2,
  // which is 0 beyond |z| = 7.9).
  const auto bell = [&](Scalar k, Scalar c) {
    if constexpr (std::is_same_v<Scalar, float>) {
      lanes::for_each(
          z, [k, c](const lanes::Packet& zp) { return std::array{bell_detail::bell(zp, k, c)}; }, g);
    } else {
      g = (-k * z.abs()).exp();
      g = c * g / (Scalar(1) + g).square();
    }
  };
  switch (f) {
    case Activation::Linear: g.setOnes(); break;
    case Activation::Step: g.setZero(); break;  // flat almost everywhere: backprop stalls
    case Activation::Sigmoid: bell(Scalar(1), Scalar(1)); break;
    case Activation::Tanh: bell(Scalar(2), Scalar(4)); break;
    case Activation::Relu:
    case Activation::LeakyRelu:
    case Activation::Prelu: {
      // A plain loop: Eigen 3.4 evaluates (z > 0).cast() one scalar at a time, while compilers
      // vectorise this compare-and-select, best over one flat run (the workspace's blocks are
      // whole columns, so contiguous). Hot in backward() for leaky ReLU networks (training takes
      // ReLU's from the product's kernel, see network.cpp).
      const Scalar slope = f == Activation::Relu    ? Scalar(0)
                           : f == Activation::Prelu ? Scalar(kPreluInitialSlope)
                                                    : p.leaky_slope;
      if constexpr (bool(Z::Flags & G::Flags & Eigen::DirectAccessBit) && bool(Z::IsRowMajor) == bool(G::IsRowMajor)) {
        const auto& zm = z_in.derived();
        auto& gm = const_cast<Eigen::MatrixBase<G>&>(g_out).derived();
        if (lanes::one_run(zm) && lanes::one_run(gm) && zm.rows() == gm.rows() && zm.cols() == gm.cols()) {
          const Scalar* zp = zm.data();
          Scalar* gp = gm.data();
          for (Index i = 0, n = zm.size(); i < n; ++i) gp[i] = zp[i] > Scalar(0) ? Scalar(1) : slope;
          break;
        }
      }
      for (Index c = 0; c < g.cols(); ++c)
        for (Index r = 0; r < g.rows(); ++r) g.coeffRef(r, c) = z.coeff(r, c) > Scalar(0) ? Scalar(1) : slope;
      break;
    }
    case Activation::Elu:  // alpha e^z, not a + alpha, which cancels as a nears -alpha
      g = (z > Scalar(0)).select(Scalar(1), p.elu_alpha * z.min(Scalar(0)).exp());
      break;
    case Activation::Softplus: g = sigmoid_of(z); break;
    case Activation::Abs: g = z.sign(); break;      // -1, 0 at z = 0 (as ReLU's f'(0) = 0), +1
    case Activation::Gelu: gelu_grad(z, g); break;  // Phi(z) + z phi(z)
    case Activation::Swish:  // sigma(z) (1 + z sigma(-z)): sigma(-z), not 1 - sigma(z), which cancels for z >> 0
      g = sigmoid_of(z) * (Scalar(1) + z * sigmoid_of(-z));
      break;
    case Activation::Maxout: g.setOnes(); break;  // dh/dz of the winning piece
    case Activation::Softmax: g.setOnes(); break;
  }
}

// a = f(z) and g = f'(z) at once, the values activate() and activate_grad() give: tanh in one pass
// (Eigen's packet tanh, the one z.tanh() runs, and the slope's kernel), the others in two.
template <class Z, class A, class G>
void activate_with_grad(Activation f, const ActivationParams& p, const Eigen::MatrixBase<Z>& z,
                        const Eigen::MatrixBase<A>& a_out, const Eigen::MatrixBase<G>& g_out) {
  if constexpr (std::is_same_v<Scalar, float>) {
    if (f == Activation::Tanh) {
      auto a = const_cast<Eigen::MatrixBase<A>&>(a_out).array();
      auto g = const_cast<Eigen::MatrixBase<G>&>(g_out).array();
      lanes::for_each(
          z.array(),
          [](const lanes::Packet& zp) {
            return std::array{Eigen::internal::ptanh(zp), bell_detail::bell(zp, 2.f, 4.f)};
          },
          a, g);
      return;
    }
  }
  activate(f, p, z, a_out);
  activate_grad(f, p, z, a_out, g_out);
}

// ---- The activation lab: what each elementwise activation is like, measured on the code above
// (activate, activate_grad) rather than restated, so the page's table cannot drift from what the
// network computes. Not used in training. Each call returns "" or why it refused (and then leaves
// its outputs empty).

constexpr int kMaxCurvePoints = 10000;  // z values per activation_curve call
constexpr int kMaxLogits = 100;         // softmax_of
constexpr int kMaxChainPaths = 16;      // chain_products
constexpr int kMaxChainFactors = 100;   // per path

struct ActivationProperties {
  Activation f = Activation::Linear;
  const char* formula = "";     // f(z) as the core defines it (step(0) = 0)
  const char* derivative = "";  // f'(z) as activate_grad computes it
  const char* cost = "";        // what one evaluation takes: "none", "comparison", "exp", "exp + log"
  // The range: f's limits as z -> -inf and +inf (+-inf when f grows without bound), each end open
  // unless f takes it at a finite z; two_valued when f takes nothing but its two ends (the step).
  double low = 0, high = 0;
  bool low_open = true, high_open = true, two_valued = false;
  bool zero_centred = false;                           // odd, f(-z) = -f(z): outputs symmetric about 0
  bool negative_outputs = false;                       // f(z) < 0 somewhere (leaky ReLU, ELU: partly centred)
  bool saturates_low = false, saturates_high = false;  // f' -> 0 as z -> -inf / +inf
  // The largest f'(z) on z in [-40, 40] in steps of 1/256 (0 included), and the z nearest 0 where
  // f' reaches it. Softplus's supremum 1 (z -> inf) is reached there too, in float and double alike.
  double max_slope = 0, max_slope_at = 0;
  bool smooth = false;  // differentiable everywhere: neither f nor f' jumps at z = 0, the only seam
};
// Every elementwise activation (all but maxout and softmax), in activation_names() order.
std::string activation_properties(const ActivationParams& p, std::vector<ActivationProperties>& out);

// f(z) and f'(z) at each z, through activate() and activate_grad() in Scalar, as a network computes
// them (1 to kMaxCurvePoints finite z; maxout and softmax are refused: they are not elementwise).
std::string activation_curve(Activation f, const ActivationParams& p, const std::vector<double>& z,
                             std::vector<double>& value, std::vector<double>& slope);

// softmax(z)_i = e^(z_i) / sum_k e^(z_k) of one vector (1 to kMaxLogits finite logits), through
// activate(Softmax): the network's own output layer.
std::string softmax_of(const std::vector<double>& logits, std::vector<double>& out);

// The chain rule along paths of local derivatives (backprop through one unit per layer): each
// path's running products, the gradient after each factor, and the sum of the paths' products,
// since gradients add where paths meet. In double, like the lecture's arithmetic.
struct ChainProducts {
  std::vector<std::vector<double>> running;  // running[p][k] = factor 0 x ... x factor k of path p
  double total = 0;
};
std::string chain_products(const std::vector<std::vector<double>>& paths, ChainProducts& out);

}  // namespace bp

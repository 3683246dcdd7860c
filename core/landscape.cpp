#include "backprop/landscape.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "backprop/names.hpp"
#include "backprop/rng.hpp"
#include "backprop/text.hpp"
#include "backprop/top_eigen.hpp"

namespace bp {
namespace {

constexpr Named<SliceDirections> kDirections[] = {{SliceDirections::Random, "random"},
                                                  {SliceDirections::Trajectory, "trajectory"}};

// Mean data loss of net over the columns `indices` of data. evaluate() is the one loss of the core
// (the same chunks, so the same sums, as the playground's metrics); Task::Regression only skips the
// accuracy count, which nothing here needs.
double mean_loss(const Network& net, Loss loss, const TrainingData& data, const std::vector<int>& indices,
                 Workspace& ws) {
  return evaluate(net, loss, Task::Regression, data, indices, ws).loss;
}

// A Gaussian direction for net's weights, each unit's incoming weights (a row of W) scaled to the
// norm of that row in net; bias entries stay 0.
void filter_normalised(const Network& net, Rng& rng, Vector& d) {
  d = Vector::Zero(net.parameter_count());
  for (int l = 0; l < net.layer_count(); ++l)
    for (int p = 0; p < net.pieces(l); ++p) {  // each maxout piece's W like a layer's
      MatrixMap w(d.data() + net.weight_offset(l, p), net.size(l + 1), net.size(l));         // (out x in)
      for (Index k = 0; k < w.size(); ++k) w.data()[k] = static_cast<Scalar>(rng.normal());  // column-major, fixed
      const auto theta = net.W(l, p);
      for (Index j = 0; j < w.rows(); ++j) {
        const double want = theta.row(j).template cast<double>().norm();
        const double have = w.row(j).template cast<double>().norm();
        w.row(j) *= static_cast<Scalar>(have > 0 ? want / have : 0.0);  // d_j <- d_j ||θ_j|| / ||d_j||
      }
    }
}

// (α, β) minimising ||x − α d1 − β d2||: the 2 x 2 normal equations, since random directions are not
// orthogonal. gram = (d1·d1, d1·d2, d2·d2), det its determinant (checked non-zero by the caller).
void project(const Eigen::VectorXd& x, const Eigen::VectorXd& d1, const Eigen::VectorXd& d2, const double gram[3],
             double det, double& a, double& b) {
  const double r1 = d1.dot(x), r2 = d2.dot(x);
  a = (gram[2] * r1 - gram[1] * r2) / det;
  b = (gram[0] * r2 - gram[1] * r1) / det;
}

std::string count_text(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

// ---- Trajectory ----

int Trajectory::capacity_for(Index parameters) {
  const std::int64_t fit = kMaxTrajectoryValues / std::max<std::int64_t>(1, parameters);
  return int(std::max<std::int64_t>(kMinSnapshots, std::min<std::int64_t>(kMaxSnapshots, fit)));
}

void Trajectory::clear() {
  snapshots_.clear();
  records_.clear();
  calls_ = 0;
  stride_ = 1;
}

std::string Trajectory::record(const Vector& params) {
  if (!params.allFinite()) return "the weights are not finite numbers (training diverged): nothing recorded";
  if (!snapshots_.empty() && snapshots_.front().size() != params.size()) clear();  // another network
  const std::int64_t call = calls_++;
  // A last snapshot off the stride was kept only as the newest: this one replaces it.
  if (!records_.empty() && records_.back() % stride_ != 0) {
    snapshots_.pop_back();
    records_.pop_back();
  }
  if (int(snapshots_.size()) >= capacity_for(params.size())) {  // full: keep every other one
    std::size_t kept = 0;
    for (std::size_t k = 0; k < snapshots_.size(); ++k)
      if (records_[k] % (2 * stride_) == 0) {
        snapshots_[kept] = std::move(snapshots_[k]);
        records_[kept++] = records_[k];
      }
    snapshots_.resize(kept);
    records_.resize(kept);
    stride_ *= 2;
  }
  snapshots_.push_back(params);
  records_.push_back(call);
  return "";
}

// ---- directions ----

const char* slice_directions_name(SliceDirections d) { return name_of(kDirections, d); }
bool parse_slice_directions(const std::string& name, SliceDirections& out) {
  return parse_name(kDirections, name, out);
}
std::vector<std::string> slice_directions_names() { return names_of(kDirections); }

std::string random_directions(const Network& net, std::uint32_t seed, Vector& d1, Vector& d2) {
  if (!net.params().allFinite()) return "the weights are not finite numbers (training diverged): reset first";
  Rng rng(seed, 8);  // stream 8: landscape directions
  Vector a, b;
  filter_normalised(net, rng, a);
  filter_normalised(net, rng, b);
  const double na = double(a.norm()), nb = double(b.norm());
  if (!(na > 0))
    return "every weight is 0, so filter-normalised random directions are 0 too: train (or initialise "
           "differently) first";
  // Filter normalisation moves only the weights of units whose weights are not all 0: with a single
  // such weight both directions lie along it.
  if (std::abs(double(a.dot(b))) >= (1 - 1e-6) * na * nb)
    return "only one weight is not 0, so the two random directions are parallel and span no plane";
  d1 = std::move(a);
  d2 = std::move(b);
  return "";
}

std::string trajectory_directions(const Trajectory& trajectory, const Vector& center, Vector& d1, Vector& d2,
                                  std::array<double, 2>& explained) {
  const auto& snaps = trajectory.snapshots();
  const Index m = Index(snaps.size()), P = center.size();
  if (m < 3)
    return "principal directions need at least 3 recorded snapshots of the weights (there " +
           std::string(m == 1 ? "is " : "are ") + count_text(snaps.size(), "snapshot", "snapshots") +
           "): train a few epochs, recording the weights as you go, first";
  if (snaps.front().size() != P)
    return "the recorded trajectory has " + std::to_string(snaps.front().size()) + " parameters, the network " +
           std::to_string(P) + ": clear it and record again";
  if (!center.allFinite()) return "the weights are not finite numbers (training diverged): reset first";
  // PCA of the snapshots, centred on their mean (as PCA does; the plane still passes through θ), by
  // the m x m Gram matrix of the centred snapshots X: its eigenvectors v give the principal
  // directions X v / sqrt(λ), and m <= kMaxSnapshots. X is formed a block of parameters at a time,
  // in double, so a large network's differences never sit in memory at once.
  constexpr Index kBlock = 1024;
  Eigen::MatrixXd block(std::min(kBlock, P), m);
  const auto centred_block = [&](Index start) {
    const Index rows = std::min(kBlock, P - start);
    auto x = block.topRows(rows);
    for (Index k = 0; k < m; ++k) x.col(k) = snaps[std::size_t(k)].segment(start, rows).cast<double>();
    const Eigen::VectorXd mean = x.rowwise().mean();
    x.colwise() -= mean;
    return x;
  };
  Eigen::MatrixXd gram = Eigen::MatrixXd::Zero(m, m);
  for (Index start = 0; start < P; start += kBlock) {
    const auto x = centred_block(start);
    gram.noalias() += x.transpose() * x;  // G = X^T X
  }
  double scale = 0;  // the largest snapshot norm: what "no spread" is measured against
  for (const Vector& s : snaps) scale = std::max(scale, s.cast<double>().norm());
  const double total = gram.trace();  // sum of squared distances from the mean = sum of all λ
  if (!(std::sqrt(std::max(total, 0.0) / double(m)) > 1e-6 * scale))
    return "the recorded weights barely differ (no spread to find directions in): train a few epochs between "
           "records first";
  const TopEigen eigen = top_eigenpairs(gram, 2);
  const double l1 = eigen.values[0], l2 = eigen.values[1];
  if (!(l2 > 1e-10 * l1))
    return "the recorded weights lie on a line, so they span no plane: train on and record more, or use random "
           "directions";
  Eigen::VectorXd u1(P), u2(P);
  const Eigen::VectorXd v1 = eigen.vectors.col(0) / std::sqrt(l1);
  const Eigen::VectorXd v2 = eigen.vectors.col(1) / std::sqrt(l2);
  for (Index start = 0; start < P; start += kBlock) {
    const auto x = centred_block(start);
    u1.segment(start, x.rows()).noalias() = x * v1;  // unit norm: ||X v||² = v^T G v = λ
    u2.segment(start, x.rows()).noalias() = x * v2;
  }
  // An eigenvector's sign is arbitrary: choose it so the first snapshot lies at a coordinate <= 0,
  // and the path runs from the lower left towards θ.
  const Eigen::VectorXd first = (snaps.front() - center).cast<double>();
  if (u1.dot(first) > 0) u1 = -u1;
  if (u2.dot(first) > 0) u2 = -u2;
  d1 = u1.cast<Scalar>();
  d2 = u2.cast<Scalar>();
  explained = {{l1 / total, l2 / total}};
  return "";
}

// ---- the slice ----

std::string SliceRows::begin(const Network& net, Loss loss, const TrainingData& data, const std::vector<int>& train,
                             const Trajectory& trajectory, const SliceSpec& spec) {
  if (spec.grid < kMinSliceGrid || spec.grid > kMaxSliceGrid)
    return "the slice's grid has " + std::to_string(kMinSliceGrid) + " to " + std::to_string(kMaxSliceGrid) +
           " points a side (got " + std::to_string(spec.grid) + ")";
  if (!std::isfinite(spec.range) || !(spec.range > 0) || spec.range > kMaxSliceRange)
    return "the slice's range must be in (0, " + format_number(kMaxSliceRange) + "] (got " + format_number(spec.range) +
           ")";
  if (!net.params().allFinite()) return "the weights are not finite numbers (training diverged): reset first";
  const Index P = net.parameter_count();
  if (data.inputs.rows() != net.size(0) || data.targets.rows() != net.size(net.layer_count()) ||
      data.targets.cols() != data.inputs.cols())
    return "the training data does not fit the network";
  if (train.empty()) return "there are no training examples to measure the loss on";
  for (int i : train)
    if (i < 0 || i >= data.inputs.cols()) return "training example " + std::to_string(i) + " is not in the data";
  const auto& snaps = trajectory.snapshots();
  if (!snaps.empty() && snaps.front().size() != P)
    return "the recorded trajectory has " + std::to_string(snaps.front().size()) + " parameters, the network " +
           std::to_string(P) + ": clear it and record again";

  // The work, before any of it: forward passes (grid, path, centre) and the principal directions.
  // The whole slice's, even when the caller asks for it a block of rows at a time.
  const int g = int(spec.grid);
  double units = 0;
  for (int l = 1; l <= net.layer_count(); ++l) units += net.size(l);
  const double m = double(snaps.size()), pass = double(train.size()) * (double(P) + 16 * units + 32);
  const double pca = spec.directions == SliceDirections::Trajectory ? m * (m + 2) * double(P) : 0.0;
  const double work = (double(g) * g + m + 1) * pass + pca;
  if (work > kMaxSliceWork) {
    const double room = (kMaxSliceWork - pca) / pass - m - 1;  // grid² that would fit
    const int largest = room >= 4 ? int(std::min<double>(kMaxSliceGrid, std::floor(std::sqrt(room)))) : 0;
    return "a " + std::to_string(g) + " x " + std::to_string(g) + " slice over " +
           count_text(train.size(), "training example", "training examples") + " with " + std::to_string(P) +
           " parameters" + (m > 0 ? " and " + count_text(snaps.size(), "snapshot", "snapshots") : "") +
           " needs about " + format_number(work) + " operations, more than the limit of " +
           format_number(kMaxSliceWork) + " (about half a second in the browser): " +
           (largest >= kMinSliceGrid ? "use a grid of at most " + std::to_string(largest) + " points a side"
                                     : "use a smaller network, fewer training points or fewer snapshots");
  }

  LossSlice s;
  s.grid = g;
  s.range = spec.range;
  std::string e = spec.directions == SliceDirections::Random
                      ? random_directions(net, spec.seed, s.d1, s.d2)
                      : trajectory_directions(trajectory, net.params(), s.d1, s.d2, s.explained);
  if (!e.empty()) return e;

  // From here nothing can fail: the copies replace the last slice's, and the buffers, sized for its
  // network, start over.
  net_ = net;
  moved_ = net;
  loss_ = loss;
  data_ = data;
  train_ = train;
  ws_ = Workspace();
  s.center_loss = mean_loss(net_, loss_, data_, train_, ws_);
  s.loss.assign(std::size_t(g) * std::size_t(g), std::numeric_limits<double>::quiet_NaN());

  // The path: each snapshot's nearest point in the plane, and the loss at the snapshot itself.
  const Eigen::VectorXd d1 = s.d1.cast<double>(), d2 = s.d2.cast<double>(), theta = net.params().cast<double>();
  const double gram[3] = {d1.squaredNorm(), d1.dot(d2), d2.squaredNorm()};
  const double det = gram[0] * gram[2] - gram[1] * gram[1];  // > 0: the directions are not parallel
  for (std::size_t k = 0; k < snaps.size(); ++k) {
    double a = 0, b = 0;
    project(snaps[k].cast<double>() - theta, d1, d2, gram, det, a, b);
    s.path.push_back(a);
    s.path.push_back(b);
    moved_.params() = snaps[k];
    s.path_loss.push_back(mean_loss(moved_, loss_, data_, train_, ws_));
    s.path_records.push_back(trajectory.records()[k]);
  }
  slice_ = std::move(s);
  return "";
}

std::string SliceRows::rows(std::int64_t first, std::int64_t count) {
  const int g = slice_.grid;
  if (g == 0) return "no slice has been begun: begin one before computing its rows";
  if (first < 0 || first >= g)
    return "the first row must be 0 to " + std::to_string(g - 1) + " of the slice's " + std::to_string(g) +
           " rows (got " + std::to_string(first) + ")";
  if (count < 1 || count > g - first)
    return "the row count must be 1 to " + std::to_string(g - first) + " from row " + std::to_string(first) +
           " of the slice's " + std::to_string(g) + " rows (got " + std::to_string(count) + ")";
  const double range = slice_.range;
  for (int r = int(first); r < int(first + count); ++r) {
    // Whole-number numerators: the ends are exactly ±range and, for odd g, the middle exactly 0.
    const double beta = range * double(g - 1 - 2 * r) / double(g - 1);
    for (int c = 0; c < g; ++c) {
      const double alpha = range * double(2 * c - (g - 1)) / double(g - 1);
      moved_.params() = net_.params() + Scalar(alpha) * slice_.d1 + Scalar(beta) * slice_.d2;  // θ + α d1 + β d2
      slice_.loss[std::size_t(r) * std::size_t(g) + std::size_t(c)] = mean_loss(moved_, loss_, data_, train_, ws_);
    }
  }
  return "";
}

std::string loss_slice(const Network& net, Loss loss, const TrainingData& data, const std::vector<int>& train,
                       const Trajectory& trajectory, const SliceSpec& spec, LossSlice& out) {
  SliceRows rows;
  std::string e = rows.begin(net, loss, data, train, trajectory, spec);
  if (e.empty()) e = rows.rows(0, spec.grid);
  if (e.empty()) out = rows.slice();
  return e;
}

}  // namespace bp

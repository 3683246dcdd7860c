// The loss landscape of an MLP in a plane through its current weights θ: the mean training loss at
// θ + α·d1 + β·d2 on a grid of (α, β), for two directions that are either filter-normalised random
// directions (Li et al. 2018, "Visualizing the loss landscape of neural nets") or the top two
// principal directions of a recorded weight trajectory, with that trajectory projected onto the
// plane. The loss is the network's own (forward() and the loss through evaluate()). Not the façade:
// it takes a network, a loss and data; playground.hpp owns a Trajectory and calls in here. Inputs are
// validated; errors are messages naming the bad value, and change nothing.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "backprop/network.hpp"
#include "backprop/trainer.hpp"

namespace bp {

// ---- the recorded trajectory ----

constexpr int kMaxSnapshots = 256;
// The snapshots together hold at most this many numbers (16 MiB as float): a large network keeps
// fewer of them (at least kMinSnapshots), so recording never takes the page's memory.
constexpr std::int64_t kMaxTrajectoryValues = std::int64_t(1) << 22;
constexpr int kMinSnapshots = 4;

// Weight snapshots (params vectors) of one network, in recording order, at most capacity(). When
// full, every other one is dropped and from then on only every other record() is kept (the stride
// doubles), so a long run stays evenly spread; the first and the newest are always kept.
class Trajectory {
 public:
  // "" or an error (weights that are not finite: nothing recorded). A snapshot of another size
  // than those held starts the trajectory over (the network changed).
  std::string record(const Vector& params);
  void clear();
  std::size_t size() const { return snapshots_.size(); }
  const std::vector<Vector>& snapshots() const { return snapshots_; }
  // Which record() call since the last clear (from 0) each snapshot came from.
  const std::vector<std::int64_t>& records() const { return records_; }
  std::int64_t stride() const { return stride_; }  // record() calls per kept snapshot
  // kMaxSnapshots, or fewer for a large network (kMaxTrajectoryValues).
  static int capacity_for(Index parameters);

 private:
  std::vector<Vector> snapshots_;
  std::vector<std::int64_t> records_;
  std::int64_t calls_ = 0, stride_ = 1;
};

// ---- the slice ----

enum class SliceDirections { Random, Trajectory };
const char* slice_directions_name(SliceDirections d);
bool parse_slice_directions(const std::string& name, SliceDirections& out);
std::vector<std::string> slice_directions_names();

constexpr int kMinSliceGrid = 2;
constexpr int kMaxSliceGrid = 101;
constexpr double kMaxSliceRange = 1000;
// The work one slice may cost, in operations: (grid² + snapshots + 1) forward passes over the
// training set, each example costing its multiply-adds (one per parameter) plus 16 per unit and 32
// for the activations, the loss and the copying that dominate small networks; plus snapshots² x
// parameters for the principal directions. At the limit a slice took 0.25-0.3 s natively and
// 0.3-0.45 s in Node's wasm (0.7 s before V8 optimised it): larger slices are refused before any work.
constexpr double kMaxSliceWork = 2e9;

struct SliceSpec {
  SliceDirections directions = SliceDirections::Random;
  std::uint32_t seed = 1;  // of the random directions
  std::int64_t grid = 21;  // points a side (64-bit: a caller's value reaches the check unwrapped)
  double range = 1;        // α and β run over [−range, range]
};

struct LossSlice {
  int grid = 0;
  double range = 0;
  // Mean data loss at θ + α·d1 + β·d2, grid x grid, row-major: row r at β = range·(g − 1 − 2r)/(g − 1)
  // (row 0 at the top, β = +range), column c at α = range·(2c − (g − 1))/(g − 1) (column 0 at
  // α = −range); endpoints included, and with g odd the middle cell is exactly (0, 0).
  std::vector<double> loss;
  double center_loss = 0;  // at θ itself
  Vector d1, d2;           // in the params layout
  // The fraction of the trajectory's variance along d1 and d2 (0 for random directions).
  std::array<double, 2> explained{{0, 0}};
  // Every snapshot's (α, β), interleaved: the least-squares point of the plane nearest to it (the
  // snapshots need not lie in it); the true loss at each snapshot; the record() call it came from.
  std::vector<double> path, path_loss;
  std::vector<std::int64_t> path_records;
};

// A slice computed a block of rows at a time, for a caller that must not be held for the whole grid
// (the page computes a few rows per frame). begin() checks what loss_slice() checks (the work limit
// is the whole slice's) and does all the work but the grid's: the directions, the centre's loss and
// the path; it keeps copies of the network and the data, so every block is of the same plane
// through the same weights whatever the caller's network and trajectory do between the calls.
// rows() fills rows [first, first + count) of slice().loss (NaN until then); any blocks covering
// the grid give loss_slice()'s numbers bit for bit. Errors change nothing.
class SliceRows {
 public:
  std::string begin(const Network& net, Loss loss, const TrainingData& data, const std::vector<int>& train,
                    const Trajectory& trajectory, const SliceSpec& spec);
  // 64-bit: a caller's value reaches the check unwrapped.
  std::string rows(std::int64_t first, std::int64_t count);
  // The slice begun (grid 0 before any), its rows filled so far.
  const LossSlice& slice() const { return slice_; }

 private:
  Network net_, moved_;  // θ, and the network moved to a point of the plane
  Loss loss_ = Loss::SquaredError;
  TrainingData data_;
  std::vector<int> train_;
  Workspace ws_;
  LossSlice slice_;
};

// Two filter-normalised random directions for net's weights: Gaussian entries drawn from `seed`,
// then each unit's incoming weights (a row of W) scaled to the norm of that row of θ. Bias
// entries are 0 (as Li et al. do: a bias has no filter whose scale to match).
std::string random_directions(const Network& net, std::uint32_t seed, Vector& d1, Vector& d2);
// The top two principal directions of the snapshots minus `center` (unit norm, orthogonal), and the
// fraction of variance each explains. Refused with fewer than 3 snapshots, or with no spread in
// two dimensions.
std::string trajectory_directions(const Trajectory& trajectory, const Vector& center, Vector& d1, Vector& d2,
                                  std::array<double, 2>& explained);
// The slice through net's weights over the training examples `train` (columns of data). The loss is
// the mean data loss without L1/L2, so at (0, 0) it equals evaluate()'s (the playground's training
// loss). Every snapshot of `trajectory` is projected (it may be empty for random directions).
// SliceRows::begin() then rows() over the whole grid.
std::string loss_slice(const Network& net, Loss loss, const TrainingData& data, const std::vector<int>& train,
                       const Trajectory& trajectory, const SliceSpec& spec, LossSlice& out);

}  // namespace bp

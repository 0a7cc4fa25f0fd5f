#pragma once
// The data tables of an ensemble, read once. Every replicate of an ensemble
// (and every point of a sweep that changes no file) reads the same tables:
// they are loaded by the first replicate that needs them and shared read-only
// with the others, instead of being read and parsed again for each.
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "models/model_data.hpp"
#include "sim/scenario/scenario.hpp"

namespace kfsim {

class ModelDataCache {
 public:
  // The tables `scenario` names, loaded on the first call for those files and
  // shared afterwards. A table that fails to load throws (data::DataError) for
  // every caller, as loading it again would. Safe to call from many threads.
  std::shared_ptr<const ModelData> get(const scenario::Scenario& scenario);

  // Tables loaded so far (one per distinct set of files).
  std::size_t loads() const;

 private:
  mutable std::mutex mutex_;
  std::map<std::string, std::shared_future<std::shared_ptr<const ModelData>>> entries_;
};

// What identifies the tables a scenario reads: every file key's path with the
// file's size and modification time, so that a file changed on disk is read
// again.
std::string data_files_key(const scenario::Scenario& scenario);

}  // namespace kfsim

#include "models/model_data_cache.hpp"

#include <filesystem>
#include <system_error>

namespace kfsim {

std::string data_files_key(const scenario::Scenario& scenario) {
  std::string key;
  for (const auto& spec : scenario.schema().keys()) {
    if (spec.type != scenario::Type::File) continue;
    const std::filesystem::path path = scenario.file(spec.key);
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);
    const auto written = std::filesystem::last_write_time(path, error);
    key += spec.key + '=' + path.string() + '|' + std::to_string(error ? 0 : size) + '|' +
           std::to_string(written.time_since_epoch().count()) + '\n';
  }
  return key;
}

std::shared_ptr<const ModelData> ModelDataCache::get(const scenario::Scenario& scenario) {
  const std::string key = data_files_key(scenario);
  std::promise<std::shared_ptr<const ModelData>> promise;
  std::shared_future<std::shared_ptr<const ModelData>> future;
  bool load = false;
  {
    const std::lock_guard lock(mutex_);
    auto found = entries_.find(key);
    if (found == entries_.end()) {
      found = entries_.emplace(key, promise.get_future().share()).first;
      load = true;
    }
    future = found->second;
  }
  // Loaded outside the lock: the other replicates wait on the future, not the mutex.
  if (load) {
    try {
      promise.set_value(std::make_shared<const ModelData>(scenario));
    } catch (...) {
      promise.set_exception(std::current_exception());
    }
  }
  return future.get();
}

std::size_t ModelDataCache::loads() const {
  const std::lock_guard lock(mutex_);
  return entries_.size();
}

}  // namespace kfsim

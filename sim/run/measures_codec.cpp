#include "sim/run/measures_codec.hpp"

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <variant>

namespace kfsim {

namespace {

// Marks the start of an encoded set, so that bytes of anything else are refused.
constexpr std::uint64_t kMagic = 0x6b6673696d4d5331;  // "kfsimMS1"

class Writer {
 public:
  template <typename T>
  void scalar(T value) {
    static_assert(std::is_trivially_copyable_v<T>);
    const auto* p = reinterpret_cast<const std::byte*>(&value);
    bytes_.insert(bytes_.end(), p, p + sizeof(T));
  }
  void text(const std::string& value) {
    scalar<std::uint64_t>(value.size());
    const auto* p = reinterpret_cast<const std::byte*>(value.data());
    bytes_.insert(bytes_.end(), p, p + value.size());
  }
  template <typename T>
  void array(const std::vector<T>& values) {
    scalar<std::uint64_t>(values.size());
    const auto* p = reinterpret_cast<const std::byte*>(values.data());
    bytes_.insert(bytes_.end(), p, p + values.size() * sizeof(T));
  }
  std::vector<std::byte> take() { return std::move(bytes_); }

 private:
  std::vector<std::byte> bytes_;
};

class Reader {
 public:
  explicit Reader(std::span<const std::byte> bytes) : bytes_(bytes) {}
  template <typename T>
  T scalar() {
    T value;
    std::memcpy(&value, take(sizeof(T)), sizeof(T));
    return value;
  }
  std::string text() {
    const auto size = count(1);
    std::string value(size, '\0');
    if (size > 0) std::memcpy(value.data(), take(size), size);
    return value;
  }
  template <typename T>
  std::vector<T> array() {
    const auto size = count(sizeof(T));
    std::vector<T> values(size);
    if (size > 0) std::memcpy(values.data(), take(size * sizeof(T)), size * sizeof(T));
    return values;
  }
  bool done() const { return at_ == bytes_.size(); }

 private:
  // A length read from the bytes, checked against what is left before anything is allocated.
  std::size_t count(std::size_t element_size) {
    const auto size = scalar<std::uint64_t>();
    if (size > (bytes_.size() - at_) / element_size) {
      throw std::runtime_error("measures cut short: a length of " + std::to_string(size) +
                               " runs past the end");
    }
    return static_cast<std::size_t>(size);
  }
  const std::byte* take(std::size_t size) {
    if (size > bytes_.size() - at_) throw std::runtime_error("measures cut short");
    const std::byte* p = bytes_.data() + at_;
    at_ += size;
    return p;
  }
  std::span<const std::byte> bytes_;
  std::size_t at_ = 0;
};

}  // namespace

std::vector<std::byte> encode_measures(const MeasureSet& measures) {
  Writer out;
  out.scalar(kMagic);
  out.scalar<std::uint64_t>(measures.dimensions().size());
  for (const auto& d : measures.dimensions()) {
    out.text(d.name);
    out.text(d.units);
    out.text(d.long_name);
    out.array(d.codes);
    out.text(d.labels_name);
    out.scalar<std::uint64_t>(d.labels.size());
    for (const auto& label : d.labels) out.text(label);
  }
  out.scalar<std::uint64_t>(measures.measures().size());
  for (const auto& m : measures.measures()) {
    out.text(m.name);
    out.scalar<std::uint64_t>(m.dims.size());
    for (std::size_t d : m.dims) out.text(measures.dimensions().at(d).name);
    out.text(m.units);
    out.text(m.long_name);
    out.text(m.cell_methods);
    out.scalar<std::uint8_t>(static_cast<std::uint8_t>(m.values.index()));
    std::visit([&](const auto& values) { out.array(values); }, m.values);
  }
  return out.take();
}

MeasureSet decode_measures(std::span<const std::byte> bytes) {
  Reader in(bytes);
  if (bytes.size() < sizeof(kMagic) || in.scalar<std::uint64_t>() != kMagic) {
    throw std::runtime_error("not an encoded set of measures");
  }
  MeasureSet measures;
  const auto dimensions = in.scalar<std::uint64_t>();
  for (std::uint64_t i = 0; i < dimensions; ++i) {
    Dimension d;
    d.name = in.text();
    d.units = in.text();
    d.long_name = in.text();
    d.codes = in.array<std::int32_t>();
    d.labels_name = in.text();
    const auto labels = in.scalar<std::uint64_t>();
    for (std::uint64_t l = 0; l < labels; ++l) d.labels.push_back(in.text());
    measures.add_dimension(std::move(d));
  }
  const auto count = in.scalar<std::uint64_t>();
  for (std::uint64_t i = 0; i < count; ++i) {
    std::string name = in.text();
    std::vector<std::string> dims(in.scalar<std::uint64_t>());
    for (auto& dim : dims) dim = in.text();
    std::string units = in.text();
    std::string long_name = in.text();
    std::string cell_methods = in.text();
    const auto kind = in.scalar<std::uint8_t>();
    if (kind == 0) {
      const MeasureId id = measures.declare_count(std::move(name), dims, std::move(units),
                                                  std::move(long_name), std::move(cell_methods));
      const auto values = in.array<std::int64_t>();
      auto target = measures.counts(id);
      if (values.size() != target.size()) throw std::runtime_error("measure of the wrong size");
      std::copy(values.begin(), values.end(), target.begin());
    } else if (kind == 1) {
      const MeasureId id = measures.declare_real(std::move(name), dims, std::move(units),
                                                 std::move(long_name), std::move(cell_methods));
      const auto values = in.array<double>();
      auto target = measures.reals(id);
      if (values.size() != target.size()) throw std::runtime_error("measure of the wrong size");
      std::copy(values.begin(), values.end(), target.begin());
    } else {
      throw std::runtime_error("unknown kind of measure values");
    }
  }
  if (!in.done()) throw std::runtime_error("bytes left over after the measures");
  return measures;
}

}  // namespace kfsim

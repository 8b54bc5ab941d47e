// A hash map keyed by address, for the interned strings of a StringPool (one address per
// content, so that a look-up hashes a pointer and never reads the text). Open addressing
// with linear probing in one array: a miss costs one cache line, where
// std::unordered_map costs a bucket and a node. No erase.
//
// Example:
//   PtrMap<Vertex> people;
//   people.try_emplace(name.data(), v);
//   if (const Vertex* found = people.find(name.data())) ...
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace quotegraph::graph {

template <class V>
class PtrMap {
 public:
  /// The value of key, or nullptr. key must not be nullptr.
  [[nodiscard]] const V* find(const void* key) const {
    if (count_ == 0) return nullptr;
    for (std::size_t i = slot_of(key);; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.key == key) return &s.value;
      if (s.key == nullptr) return nullptr;
    }
  }
  [[nodiscard]] V* find(const void* key) {
    return const_cast<V*>(static_cast<const PtrMap&>(*this).find(key));
  }

  /// Adds key with value unless key is there; the value of key, and whether it was added.
  /// key must not be nullptr (it marks a free slot).
  std::pair<V*, bool> try_emplace(const void* key, V value) {
    if ((count_ + 1) * 4 > slots_.size() * 3) grow();
    for (std::size_t i = slot_of(key);; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.key == key) return {&s.value, false};
      if (s.key == nullptr) {
        s.key = key;
        s.value = std::move(value);
        ++count_;
        return {&s.value, true};
      }
    }
  }

  [[nodiscard]] std::size_t size() const { return count_; }
  [[nodiscard]] bool empty() const { return count_ == 0; }

  /// Room for n keys without growing.
  void reserve(std::size_t n) {
    while (n * 4 > slots_.size() * 3) grow();
  }

  /// Calls f(key, value) for every key, in no particular order.
  template <class F>
  void for_each(F&& f) const {
    for (const Slot& s : slots_) {
      if (s.key != nullptr) f(s.key, s.value);
    }
  }

  /// Empty, with no memory held.
  void clear() {
    std::vector<Slot>().swap(slots_);
    count_ = 0;
    mask_ = 0;
  }

 private:
  struct Slot {
    const void* key = nullptr;
    V value{};
  };

  std::size_t slot_of(const void* key) const {
    // Fibonacci hashing of the address: its low bits are alignment, its high bits vary
    // little, and the multiplication spreads the middle ones over the top.
    const auto x = static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(key));
    return static_cast<std::size_t>((x * 0x9E3779B97F4A7C15ULL) >> 32) & mask_;
  }

  void grow() {
    std::vector<Slot> old = std::move(slots_);
    const std::size_t size = old.empty() ? 16 : old.size() * 2;
    slots_.assign(size, Slot());
    mask_ = size - 1;
    for (Slot& s : old) {
      if (s.key == nullptr) continue;
      std::size_t i = slot_of(s.key);
      while (slots_[i].key != nullptr) i = (i + 1) & mask_;
      slots_[i] = std::move(s);
    }
  }

  std::vector<Slot> slots_;  // a power of two in size, at most 3/4 used
  std::size_t count_ = 0;
  std::size_t mask_ = 0;
};

}  // namespace quotegraph::graph

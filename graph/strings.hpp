// Interned strings for the graph: a name, a cue, a date or a document id is stored once
// per corpus however many nodes and edges carry it, and a node's field is one pointer.
//
// Example:
//   StringPool pool;
//   Str a = pool.intern("Jeremy Corbyn");
//   Str b = pool.intern(std::string("Jeremy ") + "Corbyn");
//   a.data() == b.data();                       // one copy
//   std::string_view(a) == "Jeremy Corbyn";
//   StrList l = pool.list({a, pool.intern("Corbyn")});
//   l.size() == 2 && l[1] == "Corbyn";
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <memory>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace quotegraph::graph {

class StringPool;

/// An immutable string owned by a StringPool: 8 bytes, valid while its pool lives. The
/// default value is the empty string.
class Str {
 public:
  constexpr Str() = default;

  [[nodiscard]] std::size_t size() const {
    if (p_ == nullptr) return 0;
    std::uint32_t n = 0;
    std::memcpy(&n, p_ - sizeof n, sizeof n);
    return n;
  }
  [[nodiscard]] bool empty() const { return p_ == nullptr; }
  [[nodiscard]] const char* data() const { return p_ == nullptr ? "" : p_; }
  [[nodiscard]] std::string_view view() const { return {data(), size()}; }
  operator std::string_view() const { return view(); }  // NOLINT: a string, read as one
  [[nodiscard]] std::string str() const { return std::string(view()); }

  friend bool operator==(Str a, Str b) { return a.p_ == b.p_ || a.view() == b.view(); }
  friend bool operator==(Str a, std::string_view b) { return a.view() == b; }
  friend auto operator<=>(Str a, Str b) { return a.view() <=> b.view(); }
  friend auto operator<=>(Str a, std::string_view b) { return a.view() <=> b; }
  friend std::ostream& operator<<(std::ostream& out, Str s) { return out << s.view(); }

 private:
  friend class StringPool;
  explicit Str(const char* p) : p_(p) {}
  const char* p_ = nullptr;  // the bytes; their length is the uint32 just before them
};

/// An immutable list of Str owned by a StringPool: 8 bytes; empty by default.
class StrList {
 public:
  constexpr StrList() = default;

  [[nodiscard]] std::size_t size() const {
    if (p_ == nullptr) return 0;
    std::uint64_t n = 0;
    std::memcpy(&n, p_, sizeof n);
    return static_cast<std::size_t>(n);
  }
  [[nodiscard]] bool empty() const { return p_ == nullptr; }
  [[nodiscard]] const Str* begin() const { return items(); }
  [[nodiscard]] const Str* end() const { return items() + size(); }
  [[nodiscard]] Str operator[](std::size_t i) const { return items()[i]; }
  /// A copy as std::strings.
  [[nodiscard]] std::vector<std::string> strings() const;

  friend bool operator==(const StrList& a, const std::vector<std::string>& b);

 private:
  friend class StringPool;
  explicit StrList(const char* p) : p_(p) {}
  [[nodiscard]] const Str* items() const {
    return p_ == nullptr ? nullptr : reinterpret_cast<const Str*>(p_ + sizeof(std::uint64_t));
  }
  const char* p_ = nullptr;  // a uint64 count, then the Str
};

/// Owns interned strings and lists, in large blocks that never move: a Str stays valid
/// as long as its pool. Not thread-safe.
class StringPool {
 public:
  StringPool() = default;
  StringPool(const StringPool&) = delete;
  StringPool& operator=(const StringPool&) = delete;
  ~StringPool() = default;

  /// The one copy of s in this pool (made on first use); Str() for "".
  Str intern(std::string_view s);
  /// The Str of s when s is already in the pool, else Str() (and nothing is added).
  [[nodiscard]] Str find(std::string_view s) const;
  /// A list of items (not shared with equal lists); StrList() when empty.
  StrList list(std::span<const Str> items);
  StrList list(std::initializer_list<Str> items) {
    return list(std::span(items.begin(), items.size()));
  }

  /// Distinct strings interned.
  [[nodiscard]] std::size_t size() const { return count_; }
  /// Bytes held: blocks and the hash table.
  [[nodiscard]] std::size_t bytes() const;

 private:
  char* allocate(std::size_t n, std::size_t align);
  void grow_table();

  std::vector<std::unique_ptr<char[]>> blocks_;
  std::vector<std::unique_ptr<char[]>> large_;  // one string each
  std::size_t block_bytes_ = 0;                 // bytes in blocks_
  char* next_ = nullptr;                        // free space in the last block
  char* end_ = nullptr;
  std::vector<const char*> table_;  // open addressing, linear probing; nullptr = free
  std::size_t count_ = 0;
};

}  // namespace quotegraph::graph

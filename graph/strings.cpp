#include "graph/strings.hpp"

#include <algorithm>
#include <functional>
#include <memory>

#include "extract/lexicon.hpp"

namespace quotegraph::graph {
namespace {

// Blocks of 1 MB: large enough that the per-block overhead is nothing, small enough that
// a tiny corpus does not reserve much. A string longer than a quarter block gets its own.
constexpr std::size_t kBlockBytes = std::size_t{1} << 20;

std::size_t hash_of(std::string_view s) { return hash_text(s); }

std::string_view view_at(const char* p) {
  std::uint32_t n = 0;
  std::memcpy(&n, p - sizeof n, sizeof n);
  return {p, n};
}

}  // namespace

std::vector<std::string> StrList::strings() const {
  std::vector<std::string> out;
  out.reserve(size());
  for (Str s : *this) out.push_back(s.str());
  return out;
}

bool operator==(const StrList& a, const std::vector<std::string>& b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(),
                    [](Str x, const std::string& y) { return x == std::string_view(y); });
}

char* StringPool::allocate(std::size_t n, std::size_t align) {
  auto aligned = [&](char* p) {
    const auto address = reinterpret_cast<std::uintptr_t>(p);
    return p + ((align - address % align) % align);
  };
  if (n + align > kBlockBytes / 4) {  // a large string gets a block of its own
    large_.emplace_back(new char[n + align]);
    block_bytes_ += n + align;
    return aligned(large_.back().get());
  }
  if (next_ == nullptr || aligned(next_) + n > end_) {
    blocks_.emplace_back(new char[kBlockBytes]);  // not zeroed: pages are touched as used
    block_bytes_ += kBlockBytes;
    next_ = blocks_.back().get();
    end_ = next_ + kBlockBytes;
  }
  char* p = aligned(next_);
  next_ = p + n;
  return p;
}

void StringPool::grow_table() {
  std::vector<const char*> old = std::move(table_);
  table_.assign(old.empty() ? 1024 : old.size() * 2, nullptr);
  const std::size_t mask = table_.size() - 1;
  for (const char* p : old) {
    if (p == nullptr) continue;
    std::size_t i = hash_of(view_at(p)) & mask;
    while (table_[i] != nullptr) i = (i + 1) & mask;
    table_[i] = p;
  }
}

Str StringPool::find(std::string_view s) const {
  if (s.empty() || table_.empty()) return {};
  const std::size_t mask = table_.size() - 1;
  for (std::size_t i = hash_of(s) & mask; table_[i] != nullptr; i = (i + 1) & mask) {
    if (view_at(table_[i]) == s) return Str(table_[i]);
  }
  return {};
}

Str StringPool::intern(std::string_view s) {
  if (s.empty()) return {};
  if ((count_ + 1) * 4 > table_.size() * 3) grow_table();  // load factor at most 3/4
  const std::size_t mask = table_.size() - 1;
  std::size_t i = hash_of(s) & mask;
  for (; table_[i] != nullptr; i = (i + 1) & mask) {
    if (view_at(table_[i]) == s) return Str(table_[i]);
  }
  const auto n = static_cast<std::uint32_t>(s.size());
  char* p = allocate(sizeof n + s.size(), alignof(std::uint32_t));
  std::memcpy(p, &n, sizeof n);
  std::memcpy(p + sizeof n, s.data(), s.size());
  table_[i] = p + sizeof n;
  ++count_;
  return Str(table_[i]);
}

StrList StringPool::list(std::span<const Str> items) {
  if (items.empty()) return {};
  const std::uint64_t n = items.size();
  char* p = allocate(sizeof n + items.size() * sizeof(Str), alignof(std::uint64_t));
  std::memcpy(p, &n, sizeof n);
  std::uninitialized_copy(items.begin(), items.end(), reinterpret_cast<Str*>(p + sizeof n));
  return StrList(p);
}

std::size_t StringPool::bytes() const { return block_bytes_ + table_.size() * sizeof(const char*); }

}  // namespace quotegraph::graph

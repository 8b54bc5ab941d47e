// Edges cut into chunks of a fixed count for write_in_order(), walked in the order every
// exporter writes them: vertex by vertex, out-edge by out-edge. Counted by edges, not by
// source vertices: a speaker of thousands of statements has thousands of out-edges.
//
// Example:
//   const EdgeChunks chunks(g, 2048);
//   chunks.for_each(c, [&](graph::Vertex from, graph::Edge e, std::size_t number) { ... });
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

#include "graph/graph.hpp"

namespace quotegraph::exporters {

class EdgeChunks {
 public:
  EdgeChunks(const graph::Graph& g, std::size_t per_chunk)
      : g_(g), per_chunk_(per_chunk), edges_(boost::num_edges(g)) {
    starts_.reserve(size());
    std::size_t seen = 0;  // out-edges of the vertices before
    for (std::size_t v = 0; v < boost::num_vertices(g); ++v) {
      const std::size_t degree = boost::out_degree(v, g);
      for (std::size_t next = starts_.size() * per_chunk; next < seen + degree; next += per_chunk) {
        starts_.push_back({v, next - seen});
      }
      seen += degree;
    }
  }

  /// How many chunks.
  [[nodiscard]] std::size_t size() const { return (edges_ + per_chunk_ - 1) / per_chunk_; }

  /// Calls fn(source, edge, number) for the edges of chunk c, numbered from 0 across
  /// the graph.
  template <typename Fn>
  void for_each(std::size_t c, Fn fn) const {
    std::size_t number = c * per_chunk_;
    const std::size_t last = std::min(edges_, number + per_chunk_);
    std::size_t offset = starts_[c].offset;
    for (std::size_t v = starts_[c].vertex; number < last; ++v, offset = 0) {
      auto [e, e_end] = boost::out_edges(v, g_);
      for (e += static_cast<std::ptrdiff_t>(offset); e != e_end && number < last; ++e) {
        fn(v, *e, number++);
      }
    }
  }

 private:
  struct Start {
    std::size_t vertex;
    std::size_t offset;  // among its out-edges
  };
  const graph::Graph& g_;
  std::size_t per_chunk_;
  std::size_t edges_;
  std::vector<Start> starts_;
};

}  // namespace quotegraph::exporters

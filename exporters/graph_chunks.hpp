// A graph cut into chunks for write_in_order(): its nodes in runs of a fixed count, then
// its edges in runs of a fixed count, walked in the order every exporter writes them:
// vertex by vertex, out-edge by out-edge. Edges are counted by edges, not by source
// vertices: a speaker of thousands of statements has thousands of out-edges. Chunks are a
// few hundred kilobytes of output, so that the few buffers in use stay small.
//
// Example:
//   const GraphChunks chunks(g);
//   write_in_order(out, chunks.node_chunks() + chunks.edge_chunks(), chunks.threads(threads),
//                  [&](std::size_t c, OutBuffer& buffer) {
//     if (c < chunks.node_chunks()) return chunks.for_each_node(c, [&](graph::Vertex v) {...});
//     chunks.for_each_edge(c - chunks.node_chunks(), [&](graph::Vertex from, graph::Edge e,
//                                                         std::size_t number) {...});
//   });
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

#include "graph/graph.hpp"

namespace quotegraph::exporters {

class GraphChunks {
 public:
  static constexpr std::size_t kNodesPerChunk = 512;
  static constexpr std::size_t kEdgesPerChunk = 2048;

  // Edges are counted in the same walk over the vertices (boost::num_edges() of a
  // directed graph is a walk of its own).
  explicit GraphChunks(const graph::Graph& g) : g_(g), nodes_(boost::num_vertices(g)) {
    for (std::size_t v = 0; v < nodes_; ++v) {
      const std::size_t degree = boost::out_degree(v, g);
      // edges_ so far: the out-edges of the vertices before.
      for (std::size_t next = starts_.size() * kEdgesPerChunk; next < edges_ + degree;
           next += kEdgesPerChunk) {
        starts_.push_back({v, next - edges_});
      }
      edges_ += degree;
    }
  }

  [[nodiscard]] std::size_t node_chunks() const {
    return (nodes_ + kNodesPerChunk - 1) / kNodesPerChunk;
  }
  [[nodiscard]] std::size_t edge_chunks() const {
    return (edges_ + kEdgesPerChunk - 1) / kEdgesPerChunk;
  }

  /// The threads to format with: `asked`, or 1 for a graph of two chunks or fewer, for
  /// which no thread is worth starting.
  [[nodiscard]] unsigned threads(unsigned asked) const {
    return node_chunks() + edge_chunks() <= 2 ? 1U : asked;
  }

  /// Calls fn(vertex) for the nodes of node chunk c.
  template <typename Fn>
  void for_each_node(std::size_t c, Fn fn) const {
    const std::size_t end = std::min(nodes_, (c + 1) * kNodesPerChunk);
    for (std::size_t v = c * kNodesPerChunk; v < end; ++v) fn(v);
  }

  /// Calls fn(source, edge, number) for the edges of edge chunk c, numbered from 0 across
  /// the graph.
  template <typename Fn>
  void for_each_edge(std::size_t c, Fn fn) const {
    std::size_t number = c * kEdgesPerChunk;
    const std::size_t last = std::min(edges_, number + kEdgesPerChunk);
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
  std::size_t nodes_;
  std::size_t edges_ = 0;
  std::vector<Start> starts_;
};

}  // namespace quotegraph::exporters

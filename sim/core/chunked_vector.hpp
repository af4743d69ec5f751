#pragma once
// A vector of fixed-size chunks: it grows by adding a chunk, never by copying what it holds.
// For the tables that follow the clients in the system (one record per slot): a std::vector
// doubling from 2^21 to 2^22 records of 64 bytes holds 134 MB and 268 MB at once while it
// copies, which at 10 million clients set the run's peak memory (docs/performance.md).
// Elements keep their address for their whole life; indexing is a shift, a mask and one
// extra load (the chunk's address), which stays in cache beside the records it points at.

#include <algorithm>
#include <cassert>
#include <cstddef>
#include <new>
#include <utility>
#include <vector>

namespace parcours::core {

template <typename T, unsigned kChunkBits = 14>
class ChunkedVector {
 public:
  static constexpr std::size_t kChunkSize = std::size_t{1} << kChunkBits;

  ChunkedVector() = default;
  ChunkedVector(const ChunkedVector&) = delete;
  ChunkedVector& operator=(const ChunkedVector&) = delete;
  ChunkedVector(ChunkedVector&& other) noexcept
      : chunks_(std::move(other.chunks_)), size_(std::exchange(other.size_, 0)) {
    other.chunks_.clear();
  }
  ChunkedVector& operator=(ChunkedVector&& other) noexcept {
    if (this != &other) {
      clear();
      chunks_ = std::move(other.chunks_);
      other.chunks_.clear();
      size_ = std::exchange(other.size_, 0);
    }
    return *this;
  }
  ~ChunkedVector() { clear(); }

  [[nodiscard]] std::size_t size() const { return size_; }
  [[nodiscard]] bool empty() const { return size_ == 0; }

  T& operator[](std::size_t i) {
    assert(i < size_);
    return chunks_[i >> kChunkBits][i & (kChunkSize - 1)];
  }
  const T& operator[](std::size_t i) const {
    assert(i < size_);
    return chunks_[i >> kChunkBits][i & (kChunkSize - 1)];
  }
  T& back() { return (*this)[size_ - 1]; }

  template <typename... Args>
  T& emplace_back(Args&&... args) {
    if ((size_ & (kChunkSize - 1)) == 0 && (size_ >> kChunkBits) == chunks_.size()) {
      // Raw storage: elements are constructed one by one as the vector grows, so a chunk's
      // untouched tail costs no resident memory.
      chunks_.push_back(static_cast<T*>(::operator new(kChunkSize * sizeof(T), kAlign)));
    }
    T* at = chunks_[size_ >> kChunkBits] + (size_ & (kChunkSize - 1));
    ::new (static_cast<void*>(at)) T(std::forward<Args>(args)...);
    ++size_;
    return *at;
  }
  void push_back(const T& value) { emplace_back(value); }
  /// Removes the last element; its chunk stays, for the next push_back (a stack that follows
  /// a peak, as a free list does, allocates nothing once it has reached it).
  void pop_back() {
    assert(size_ > 0);
    back().~T();
    --size_;
  }

  /// Grows to `n` elements, copies of `value` (never shrinks: the tables follow a peak).
  void resize(std::size_t n, const T& value = T{}) {
    while (size_ < n) emplace_back(value);
  }

  void clear() {
    for (std::size_t i = 0; i < size_; ++i) (*this)[i].~T();
    for (T* chunk : chunks_) ::operator delete(chunk, kAlign);
    chunks_.clear();
    size_ = 0;
  }

  /// Calls f(element) for each element, in order, chunk by chunk.
  template <typename F>
  void for_each(F&& f) {
    for (std::size_t c = 0; c < chunks_.size(); ++c) {
      const std::size_t n = std::min(kChunkSize, size_ - c * kChunkSize);
      for (std::size_t k = 0; k < n; ++k) f(chunks_[c][k]);
    }
  }

  /// The index of an element held here, from its address (a walk over the chunk table: for
  /// rare lookups such as a client trace, not for the hot path).
  [[nodiscard]] std::size_t index_of(const T* element) const {
    for (std::size_t c = 0; c < chunks_.size(); ++c) {
      if (element >= chunks_[c] && element < chunks_[c] + kChunkSize) {
        return c * kChunkSize + static_cast<std::size_t>(element - chunks_[c]);
      }
    }
    assert(false && "not an element of this vector");
    return size_;
  }

  /// Bytes reserved: whole chunks and the chunk table.
  [[nodiscard]] std::size_t capacity_bytes() const {
    return chunks_.size() * kChunkSize * sizeof(T) + chunks_.capacity() * sizeof(T*);
  }

 private:
  static constexpr std::align_val_t kAlign{alignof(T) < 64 ? 64 : alignof(T)};
  std::vector<T*> chunks_;
  std::size_t size_ = 0;
};

}  // namespace parcours::core

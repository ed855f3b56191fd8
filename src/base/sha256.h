// SHA-256 (FIPS 180-4) with an incremental interface.
//
// atlas.sum hashes a directory with ONE running hasher and records the digest
// of the state reached after every file, while hashing continues. Digest()
// therefore never disturbs the running state: it finalizes a copy.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace strata {

class Sha256 {
 public:
  static constexpr size_t kDigestSize = 32;
  static constexpr size_t kBlockSize = 64;
  using DigestBytes = std::array<uint8_t, kDigestSize>;

  Sha256() { Reset(); }

  // Returns the hasher to its initial state (the hash of nothing).
  void Reset();

  // Feeds more input. Any number of calls, of any size.
  void Update(std::string_view data);
  void Update(std::span<const uint8_t> data);

  // The digest of everything fed so far. The running state is left as it
  // is, so Update() may continue afterwards.
  DigestBytes Digest() const;

  // Total number of bytes fed since the last Reset().
  uint64_t length() const { return length_; }

  // One-shot convenience.
  static DigestBytes Hash(std::string_view data);

 private:
  void Compress(const uint8_t* block);
  void Finish();  // pads and compresses; only ever called on a copy

  std::array<uint32_t, 8> state_{};
  std::array<uint8_t, kBlockSize> buffer_{};
  size_t buffered_ = 0;  // bytes waiting in buffer_
  uint64_t length_ = 0;  // bytes fed in total
};

// Lower-case hexadecimal form of a digest (64 characters).
std::string HexDigest(const Sha256::DigestBytes& digest);

}  // namespace strata

#include "base/sha256.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace strata {
namespace {

std::string Hex(std::string_view data) { return HexDigest(Sha256::Hash(data)); }

// The examples published with FIPS 180-2 / NIST CSRC for SHA-256.
TEST(Sha256, PublishedVectors) {
  EXPECT_EQ(Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(Hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopq"
                "rstnopqrstu"),
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

TEST(Sha256, OneMillionA) {
  Sha256 h;
  const std::string chunk(1000, 'a');
  for (int i = 0; i < 1000; ++i) h.Update(chunk);
  EXPECT_EQ(h.length(), 1000000u);
  EXPECT_EQ(HexDigest(h.Digest()), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

// Lengths around the padding boundaries (55/56 bytes need one or two final
// blocks). Expected values were computed with Python's hashlib.
TEST(Sha256, PaddingBoundaries) {
  EXPECT_EQ(Hex(std::string(55, 'a')), "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
  EXPECT_EQ(Hex(std::string(56, 'a')), "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
  EXPECT_EQ(Hex(std::string(63, 'a')), "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34");
  EXPECT_EQ(Hex(std::string(64, 'a')), "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
  std::string all_bytes;
  for (int r = 0; r < 4; ++r)
    for (int b = 0; b < 256; ++b) all_bytes.push_back(static_cast<char>(b));
  EXPECT_EQ(Hex(all_bytes), "785b0751fc2c53dc14a4ce3d800e69ef9ce1009eb327ccf458afe09c242c26c9");
}

TEST(Sha256, DigestDoesNotDisturbTheRunningState) {
  Sha256 h;
  h.Update("ab");
  EXPECT_EQ(HexDigest(h.Digest()), Hex("ab"));
  EXPECT_EQ(HexDigest(h.Digest()), Hex("ab"));  // asking twice gives the same answer
  h.Update("c");
  EXPECT_EQ(HexDigest(h.Digest()), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Sha256, IncrementalEqualsOneShotForEverySplit) {
  std::string data;
  for (int i = 0; i < 300; ++i) data.push_back(static_cast<char>('A' + i % 57));
  const std::string want = Hex(data);
  for (size_t split = 0; split <= data.size(); ++split) {
    Sha256 h;
    h.Update(std::string_view(data).substr(0, split));
    h.Digest();  // a digest in the middle must not matter
    h.Update(std::string_view(data).substr(split));
    ASSERT_EQ(HexDigest(h.Digest()), want) << "split at " << split;
  }
  // Byte by byte.
  Sha256 h;
  for (char c : data) h.Update(std::string_view(&c, 1));
  EXPECT_EQ(HexDigest(h.Digest()), want);
}

TEST(Sha256, ResetStartsOver) {
  Sha256 h;
  h.Update("something else");
  h.Reset();
  h.Update("abc");
  EXPECT_EQ(HexDigest(h.Digest()), Hex("abc"));
  EXPECT_EQ(h.length(), 3u);
}

}  // namespace
}  // namespace strata

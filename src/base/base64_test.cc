#include "base/base64.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "base/sha256.h"

namespace strata {
namespace {

struct Vector {
  std::string plain;
  std::string encoded;
};

// RFC 4648, section 10.
const std::vector<Vector> kRfcVectors = {
    {"", ""},
    {"f", "Zg=="},
    {"fo", "Zm8="},
    {"foo", "Zm9v"},
    {"foob", "Zm9vYg=="},
    {"fooba", "Zm9vYmE="},
    {"foobar", "Zm9vYmFy"},
};

TEST(Base64, RfcVectorsStd) {
  for (const auto& v : kRfcVectors) {
    EXPECT_EQ(Base64Encode(v.plain), v.encoded) << v.plain;
    auto back = Base64Decode(v.encoded);
    ASSERT_TRUE(back.ok()) << back.status().message();
    EXPECT_EQ(*back, v.plain);
  }
}

TEST(Base64, RfcVectorsRaw) {
  for (const auto& v : kRfcVectors) {
    std::string raw = v.encoded;
    while (!raw.empty() && raw.back() == '=') raw.pop_back();
    EXPECT_EQ(Base64Encode(v.plain, Base64Encoding::kRawStd), raw);
    auto back = Base64Decode(raw, Base64Encoding::kRawStd);
    ASSERT_TRUE(back.ok()) << back.status().message();
    EXPECT_EQ(*back, v.plain);
  }
}

TEST(Base64, UrlAlphabet) {
  const std::string data("\xfb\xff\xbf", 3);
  EXPECT_EQ(Base64Encode(data), "+/+/");
  EXPECT_EQ(Base64Encode(data, Base64Encoding::kUrl), "-_-_");
  const std::string two("\xfb\xff", 2);
  EXPECT_EQ(Base64Encode(two), "+/8=");
  EXPECT_EQ(Base64Encode(two, Base64Encoding::kUrl), "-_8=");
  EXPECT_EQ(Base64Encode(two, Base64Encoding::kRawUrl), "-_8");
  auto back = Base64Decode("-_-_", Base64Encoding::kUrl);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, data);
  // Each alphabet rejects the other's special characters.
  EXPECT_FALSE(Base64Decode("-_-_").ok());
  EXPECT_FALSE(Base64Decode("+/+/", Base64Encoding::kUrl).ok());
}

TEST(Base64, AllByteValuesRoundTrip) {
  std::string data;
  for (int i = 0; i < 256; ++i) data.push_back(static_cast<char>(i));
  for (auto enc : {Base64Encoding::kStd, Base64Encoding::kUrl, Base64Encoding::kRawStd, Base64Encoding::kRawUrl}) {
    for (size_t n = 0; n <= data.size(); n += 7) {
      auto back = Base64Decode(Base64Encode(data.substr(0, n), enc), enc);
      ASSERT_TRUE(back.ok());
      EXPECT_EQ(*back, data.substr(0, n));
    }
  }
}

TEST(Base64, Sha256DigestIs44Characters) {
  // The shape of every hash in atlas.sum: 32 bytes, standard alphabet, padded.
  std::string h = Base64Encode(Sha256::Hash("abc"));
  EXPECT_EQ(h, "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
  EXPECT_EQ(h.size(), 44u);
}

TEST(Base64, RejectsMalformedInput) {
  EXPECT_EQ(Base64Decode("Zg=").status().message(), "base64: illegal data at input byte 3");
  EXPECT_FALSE(Base64Decode("Zg").ok());        // padding required
  EXPECT_FALSE(Base64Decode("Z===").ok());      // too much padding
  EXPECT_FALSE(Base64Decode("Zm=v").ok());      // padding in the middle
  EXPECT_FALSE(Base64Decode("Zm9v====").ok());  // a whole block of padding
  EXPECT_FALSE(Base64Decode("Zh==").ok());      // non-zero trailing bits
  EXPECT_EQ(Base64Decode("Zm9*").status().message(), "base64: illegal data at input byte 3");
  EXPECT_FALSE(Base64Decode("Zg==", Base64Encoding::kRawStd).ok());  // no padding in raw
  EXPECT_FALSE(Base64Decode("Z", Base64Encoding::kRawStd).ok());     // impossible length
  EXPECT_FALSE(Base64Decode("Zm9v\n").ok());                         // no whitespace
}

}  // namespace
}  // namespace strata

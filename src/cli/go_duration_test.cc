#include "cli/go_duration.h"

#include <gtest/gtest.h>

namespace strata::cli {
namespace {

using std::chrono::nanoseconds;

TEST(GoDuration, Parse) {
  EXPECT_EQ(*ParseGoDuration("10s"), nanoseconds(10'000'000'000));
  EXPECT_EQ(*ParseGoDuration("1m30s"), nanoseconds(90'000'000'000));
  EXPECT_EQ(*ParseGoDuration("500ms"), nanoseconds(500'000'000));
  EXPECT_EQ(*ParseGoDuration("0"), nanoseconds(0));
  EXPECT_FALSE(ParseGoDuration("10").ok());
  EXPECT_FALSE(ParseGoDuration("ten seconds").ok());
}

TEST(GoDuration, Format) {
  EXPECT_EQ(FormatGoDuration(nanoseconds(0)), "0s");
  EXPECT_EQ(FormatGoDuration(nanoseconds(850)), "850ns");
  EXPECT_EQ(FormatGoDuration(nanoseconds(12'345'000)), "12.345ms");
  EXPECT_EQ(FormatGoDuration(nanoseconds(123'500'000'000)), "2m3.5s");
}

TEST(GoTime, JSON) {
  EXPECT_EQ(FormatGoTimeJSON(0), "0001-01-01T00:00:00Z");
  EXPECT_EQ(FormatGoTimeJSON(1'700'000'000'000'000'000), "2023-11-14T22:13:20Z");
  EXPECT_EQ(FormatGoTimeJSON(1'700'000'000'905'520'600), "2023-11-14T22:13:20.9055206Z");
}

}  // namespace
}  // namespace strata::cli

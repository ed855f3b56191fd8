// `variable` blocks: inputs, defaults, types and validation rules.
#include <gtest/gtest.h>

#include "project/project.h"

namespace strata::project {
namespace {

const char* kFile = R"(
variable "env" {
  type        = string
  default     = "dev"
  description = "the deployment stage"
  validation {
    condition     = contains(["dev", "staging", "prod"], var.env)
    error_message = "Environment must be dev, staging, or prod."
  }
  validation {
    condition     = var.env != "staging"
    error_message = "staging is frozen."
  }
}
variable "ports" {
  type    = list(number)
  default = [1]
}
)";

Result<Project> Load(const std::string& src, std::map<std::string, hcl::Value> inputs) {
  LoadOptions o;
  o.inputs = std::move(inputs);
  return LoadSource("p.hcl", src, o);
}

std::string Err(const Result<Project>& r) { return r.ok() ? "<ok>" : r.status().message(); }

TEST(Variables, DefaultsAndInputs) {
  auto p = Load(kFile, {});
  ASSERT_TRUE(p.ok()) << Err(p);
  EXPECT_EQ(p->variables.at("env").str(), "dev");
  auto q = Load(kFile, {{"env", hcl::Value::String("prod")}, {"ports", hcl::Value::String("5432")}});
  ASSERT_TRUE(q.ok()) << Err(q);
  EXPECT_EQ(q->variables.at("env").str(), "prod");
  // A single --var value for a list variable is wrapped and converted.
  ASSERT_EQ(q->variables.at("ports").items().size(), 1u);
  EXPECT_EQ(q->variables.at("ports").items()[0].kind(), hcl::Value::Kind::kNumber);
}

TEST(Variables, ValidationFailsWithTheMessage) {
  auto p = Load(kFile, {{"env", hcl::Value::String("qa")}});
  EXPECT_EQ(Err(p),
            "invalid value for variable \"env\": Environment must be dev, staging, or prod. "
            "(validation rule at p.hcl:7:5)");
  // The second rule of the same variable.
  EXPECT_NE(Err(Load(kFile, {{"env", hcl::Value::String("staging")}})).find("staging is frozen."), std::string::npos);
}

TEST(Variables, DefaultsAreValidatedToo) {
  auto p = Load(R"(
variable "n" {
  type    = number
  default = 0
  validation {
    condition     = var.n > 0
    error_message = "n must be positive, got ${var.n}."
  }
}
)",
                {});
  EXPECT_EQ(Err(p), "invalid value for variable \"n\": n must be positive, got 0. (validation rule at p.hcl:6:5)");
}

TEST(Variables, Errors) {
  EXPECT_EQ(Err(Load("variable \"tenant\" {\n  type = string\n}\n", {})),
            "missing value for required variable \"tenant\"");
  EXPECT_NE(Err(Load("variable \"x\" {\n  type = strin\n}\n", {{"x", hcl::Value::String("1")}}))
                .find("invalid type for variable \"x\". Valid types are: string, number, bool, list, map, or set"),
            std::string::npos);
  EXPECT_NE(Err(Load("variable \"x\" {\n  type = number\n}\n", {{"x", hcl::Value::String("abc")}}))
                .find("invalid value for variable \"x\""),
            std::string::npos);
  EXPECT_NE(
      Err(Load(
              "variable \"x\" {\n  default = 1\n  validation {\n    condition = 1\n    error_message = \"m\"\n  }\n}\n",
              {}))
          .find("invalid validation condition for variable \"x\""),
      std::string::npos);
  EXPECT_NE(Err(Load("variable \"x\" {\n  default = 1\n  check {}\n}\n", {})).find("Unsupported block type"),
            std::string::npos);
}

}  // namespace
}  // namespace strata::project

#include "cli/template.h"

#include <gtest/gtest.h>

namespace strata::cli {
namespace {

std::map<std::string, TemplateFunc> Funcs() {
  return {
      {"sql", [](const std::vector<std::string>& a) -> Result<std::string> {
         return std::string("SQL[") + (a.empty() ? "" : a[0]) + "]";
       }},
      {"json", [](const std::vector<std::string>&) -> Result<std::string> { return std::string("{}"); }},
      {".", [](const std::vector<std::string>&) -> Result<std::string> { return std::string("DOT"); }},
  };
}

TEST(Template, Actions) {
  EXPECT_EQ(*ExecuteTemplate("{{ sql . }}", Funcs()), "SQL[]");
  EXPECT_EQ(*ExecuteTemplate("{{ sql . \"  \" }}", Funcs()), "SQL[  ]");
  EXPECT_EQ(*ExecuteTemplate("a {{ json . }} b", Funcs()), "a {} b");
  EXPECT_EQ(*ExecuteTemplate("{{ . }}", Funcs()), "DOT");
  EXPECT_EQ(*ExecuteTemplate("x  {{- json . -}}  y", Funcs()), "x{}y");
  EXPECT_EQ(*ExecuteTemplate("plain", Funcs()), "plain");
}

TEST(Template, Errors) {
  EXPECT_FALSE(ExecuteTemplate("{{ sql . ", Funcs()).ok());
  EXPECT_FALSE(ExecuteTemplate("{{ nope . }}", Funcs()).ok());
  EXPECT_FALSE(ExecuteTemplate("{{ range .Changes }}", Funcs()).ok());
  EXPECT_FALSE(ExecuteTemplate("{{ sql . \"x }}", Funcs()).ok());
}

}  // namespace
}  // namespace strata::cli

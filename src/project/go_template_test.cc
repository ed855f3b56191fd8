#include "project/go_template.h"

#include <gtest/gtest.h>

namespace strata::project {
namespace {

hcl::Value Data() {
  return hcl::Value::Object({
      {"schema", hcl::Value::String("app")},
      {"n", hcl::Value::Number(3)},
      {"on", hcl::Value::Bool(false)},
      {"tenants", hcl::Value::List({hcl::Value::String("a"), hcl::Value::String("b")})},
      {"nested", hcl::Value::Object({{"x", hcl::Value::String("X")}})},
  });
}

std::string R(const std::string& t) {
  auto r = RenderGoTemplate("t.sql", t, Data());
  return r.ok() ? *r : "ERR: " + r.status().message();
}

TEST(GoTemplate, Subset) {
  EXPECT_EQ(R("CREATE SCHEMA {{ .schema }};"), "CREATE SCHEMA app;");
  EXPECT_EQ(R("{{ .nested.x }}{{ .n }}"), "X3");
  EXPECT_EQ(R("{{ if .on }}yes{{ else }}no{{ end }}"), "no");
  EXPECT_EQ(R("{{ if .on }}1{{ else if .n }}2{{ else }}3{{ end }}"), "2");
  EXPECT_EQ(R("{{ range .tenants }}[{{ . }}]{{ end }}"), "[a][b]");
  EXPECT_EQ(R("{{ range .missing_list_is_error }}{{ end }}"),
            "ERR: template: t.sql: map has no entry for key \"missing_list_is_error\"");
  EXPECT_EQ(R("a  {{- .n -}}  b{{/* note */}}"), "a3b");
  EXPECT_EQ(R("{{ .tenants }}"), "[a b]");
}

TEST(GoTemplate, Errors) {
  EXPECT_EQ(R("{{ .schema "), "ERR: template: t.sql: unclosed action");
  EXPECT_EQ(R("{{ if .on }}x"), "ERR: template: t.sql: unexpected EOF");
  EXPECT_EQ(R("{{ end }}"), "ERR: template: t.sql: unexpected {{end}}");
  EXPECT_NE(R("{{ printf \"%d\" 1 }}").find("unsupported action"), std::string::npos);
}

}  // namespace
}  // namespace strata::project

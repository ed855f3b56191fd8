#include "cli/project_data.h"

#include "base/strings.h"
#include "cli/drivers.h"
#include "project/data_sources.h"

namespace strata::cli {
namespace {

Result<hcl::Value> RunSQL(const hcl::Block& b) {
  std::string where = "data.sql." + (b.labels.size() > 1 ? b.labels[1] : std::string());
  const hcl::Attribute* url = b.Attr("url");
  const hcl::Attribute* query = b.Attr("query");
  if (url == nullptr || url->value.kind() != hcl::Value::Kind::kString)
    return InvalidArgument(where + ": missing required string argument \"url\"");
  if (query == nullptr || query->value.kind() != hcl::Value::Kind::kString)
    return InvalidArgument(where + ": missing required string argument \"query\"");
  std::vector<std::string> args;
  if (const hcl::Attribute* a = b.Attr("args")) {
    if (a->value.kind() != hcl::Value::Kind::kList) return InvalidArgument(where + ": \"args\" must be a list");
    for (const auto& v : a->value.items()) {
      switch (v.kind()) {
        case hcl::Value::Kind::kString:
          args.push_back(v.str());
          break;
        case hcl::Value::Kind::kNumber:
          args.push_back(v.number_text());
          break;
        case hcl::Value::Kind::kBool:
          args.push_back(v.bool_value() ? "1" : "0");
          break;
        default:
          return InvalidArgument(where + ": unsupported argument type " + v.TypeName());
      }
    }
  }
  auto driver = OpenDatabase(url->value.str());
  if (!driver.ok()) return driver.status().Wrap(where);
  auto rows = (*driver)->Conn().Query(query->value.str(), args);
  if (!rows.ok()) return rows.status().Wrap(where);
  hcl::ValueList values;
  for (const auto& row : rows->rows) {
    if (row.empty() || !row[0]) {
      values.push_back(hcl::Value::Null());
    } else {
      values.push_back(hcl::Value::String(*row[0]));
    }
  }
  return project::SQLResult(values);
}

}  // namespace

project::DataSource SQLDataSource() { return RunSQL; }

}  // namespace strata::cli

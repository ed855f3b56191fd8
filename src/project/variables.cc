#include "project/variables.h"

#include "base/strings.h"
#include "hcl/types.h"

namespace strata::project {
namespace {

std::string At(const SourceRange& r) { return r.ToString() + ": "; }

Result<hcl::Value> BindOne(const VariableDecl& d, const std::map<std::string, hcl::Value>& inputs,
                           const hcl::Evaluator& static_eval) {
  hcl::Type type = hcl::Type::Of(hcl::Type::Kind::kAny);
  const hcl::AttributeNode* default_attr = nullptr;
  for (const auto& attr : d.block->body->attributes) {
    if (attr.name == "type") {
      auto t = hcl::ParseTypeExpr(*attr.expr);
      if (!t.ok()) {
        return InvalidArgument(At(attr.expr->range) + "invalid type for variable " + GoQuote(d.name) +
                               ". Valid types are: string, number, bool, list, map, or set");
      }
      type = std::move(t).value();
    } else if (attr.name == "default") {
      default_attr = &attr;
    } else if (attr.name == "description") {
      ASSIGN_OR_RETURN(hcl::Value v, static_eval.Eval(*attr.expr, hcl::Scope()));
      if (v.kind() != hcl::Value::Kind::kString)
        return InvalidArgument(At(attr.expr->range) + "variable " + GoQuote(d.name) + ": description must be a string");
    } else {
      return InvalidArgument(At(attr.name_range) + "Unsupported argument: An argument named " + GoQuote(attr.name) +
                             " is not expected here.");
    }
  }
  for (const auto& b : d.block->body->blocks) {
    if (b.type != "validation")
      return InvalidArgument(At(b.type_range) + "Unsupported block type: Blocks of type " + GoQuote(b.type) +
                             " are not expected here.");
  }
  hcl::Value value;
  auto in = inputs.find(d.name);
  if (in != inputs.end()) {
    value = in->second;
  } else if (default_attr != nullptr) {
    ASSIGN_OR_RETURN(value, static_eval.Eval(*default_attr->expr, hcl::Scope()));
  } else {
    return InvalidArgument("missing value for required variable " + GoQuote(d.name));
  }
  if (type.is_collection() && !value.is_null() && value.kind() != hcl::Value::Kind::kList)
    value = hcl::Value::List({value});
  auto converted = hcl::Convert(value, type);
  if (!converted.ok())
    return InvalidArgument("invalid value for variable " + GoQuote(d.name) + ": " + converted.status().message());
  return converted;
}

}  // namespace

Result<std::map<std::string, hcl::Value>> BindVariables(const std::vector<VariableDecl>& decls,
                                                        const std::map<std::string, hcl::Value>& inputs,
                                                        const hcl::Evaluator& static_eval) {
  std::map<std::string, hcl::Value> out;
  for (const auto& d : decls) {
    if (out.count(d.name))
      return InvalidArgument(At(d.block->range) + "Duplicate variable declaration: A variable named " +
                             GoQuote(d.name) + " was already declared.");
    ASSIGN_OR_RETURN(out[d.name], BindOne(d, inputs, static_eval));
  }
  return out;
}

Status ValidateVariables(const std::vector<VariableDecl>& decls, const ExprEval& eval) {
  for (const auto& d : decls) {
    for (const auto& rule : d.block->body->blocks) {
      const hcl::AttributeNode* cond = rule.body->Attr("condition");
      const hcl::AttributeNode* msg = rule.body->Attr("error_message");
      if (cond == nullptr || msg == nullptr)
        return InvalidArgument(At(rule.range) + "variable " + GoQuote(d.name) +
                               ": a validation block needs \"condition\" and \"error_message\"");
      ASSIGN_OR_RETURN(hcl::Value ok, eval(*cond->expr));
      if (ok.kind() != hcl::Value::Kind::kBool)
        return InvalidArgument(At(cond->expr->range) + "invalid validation condition for variable " + GoQuote(d.name) +
                               ": a bool is required, got " + ok.TypeName());
      if (ok.bool_value()) continue;
      ASSIGN_OR_RETURN(hcl::Value text, eval(*msg->expr));
      if (text.kind() != hcl::Value::Kind::kString)
        return InvalidArgument(At(msg->expr->range) + "invalid validation error_message for variable " +
                               GoQuote(d.name) + ": a string is required");
      // Terraform's wording ("Invalid value for variable"), on one line.
      return InvalidArgument("invalid value for variable " + GoQuote(d.name) + ": " + text.str() +
                             " (validation rule at " + cond->range.ToString() + ")");
    }
  }
  return Status::Ok();
}

}  // namespace strata::project

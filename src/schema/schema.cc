#include "schema/schema.h"

#include "base/strings.h"

namespace strata::schema {

const std::string* Options::Find(const std::string& key) const {
  for (const auto& [k, v] : items_)
    if (k == key) return &v;
  return nullptr;
}

std::string Options::Get(const std::string& key, const std::string& def) const {
  const std::string* v = Find(key);
  return v ? *v : def;
}

void Options::Set(const std::string& key, std::string value) {
  for (auto& [k, v] : items_)
    if (k == key) {
      v = std::move(value);
      return;
    }
  items_.emplace_back(key, std::move(value));
}

void Options::Erase(const std::string& key) {
  for (auto it = items_.begin(); it != items_.end(); ++it)
    if (it->first == key) {
      items_.erase(it);
      return;
    }
}

bool Options::operator==(const Options& o) const {
  if (items_.size() != o.items_.size()) return false;
  for (const auto& [k, v] : items_) {
    const std::string* ov = o.Find(k);
    if (ov == nullptr || *ov != v) return false;
  }
  return true;
}

std::string ReferenceActionSQL(ReferenceAction a) {
  switch (a) {
    case ReferenceAction::kNone: return "";
    case ReferenceAction::kNoAction: return "NO ACTION";
    case ReferenceAction::kRestrict: return "RESTRICT";
    case ReferenceAction::kCascade: return "CASCADE";
    case ReferenceAction::kSetNull: return "SET NULL";
    case ReferenceAction::kSetDefault: return "SET DEFAULT";
  }
  return "";
}

std::optional<ReferenceAction> ParseReferenceAction(const std::string& s) {
  std::string u = ReplaceAll(ToUpper(Trim(s)), "_", " ");
  if (u.empty()) return ReferenceAction::kNone;
  if (u == "NO ACTION") return ReferenceAction::kNoAction;
  if (u == "RESTRICT") return ReferenceAction::kRestrict;
  if (u == "CASCADE") return ReferenceAction::kCascade;
  if (u == "SET NULL") return ReferenceAction::kSetNull;
  if (u == "SET DEFAULT") return ReferenceAction::kSetDefault;
  return std::nullopt;
}

template <typename V, typename T>
static auto FindByName(V& vec, const std::string& n) -> T* {
  for (auto& x : vec)
    if (x.name == n) return &x;
  return nullptr;
}

const Column* Table::FindColumn(const std::string& n) const { return FindByName<const std::vector<Column>, const Column>(columns, n); }
Column* Table::FindColumn(const std::string& n) { return FindByName<std::vector<Column>, Column>(columns, n); }
const Index* Table::FindIndex(const std::string& n) const { return FindByName<const std::vector<Index>, const Index>(indexes, n); }
const ForeignKey* Table::FindForeignKey(const std::string& symbol) const {
  for (const auto& fk : foreign_keys)
    if (fk.symbol == symbol) return &fk;
  return nullptr;
}
const Table* Schema::FindTable(const std::string& n) const { return FindByName<const std::vector<Table>, const Table>(tables, n); }
Table* Schema::FindTable(const std::string& n) { return FindByName<std::vector<Table>, Table>(tables, n); }
const View* Schema::FindView(const std::string& n) const { return FindByName<const std::vector<View>, const View>(views, n); }
const Trigger* Schema::FindTrigger(const std::string& n) const { return FindByName<const std::vector<Trigger>, const Trigger>(triggers, n); }
const Object* Schema::FindObject(const std::string& id) const {
  for (const auto& o : objects)
    if (o.Id() == id) return &o;
  return nullptr;
}
const Schema* Realm::FindSchema(const std::string& n) const { return FindByName<const std::vector<Schema>, const Schema>(schemas, n); }
Schema* Realm::FindSchema(const std::string& n) { return FindByName<std::vector<Schema>, Schema>(schemas, n); }

}  // namespace strata::schema
